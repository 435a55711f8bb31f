/**
 * Registers written by "another program": raw SpreadsheetML put together with JSZip, in shapes
 * our own writer never produces — user columns in the middle of a table, a user formula column,
 * a calculated table column, text in shared strings and in inline strings, dates as numbers
 * with a date format, quarter dates typed as text, an extra sheet without a table, a defined
 * name, data validations; optionally a namespace prefix on every element (`<x:row>`, as the
 * OpenXML SDK writes) and rows and cells without `r`. Version 1 of the contract (no «Версия
 * книги», no «Регламент», «Журнал» or version-2 columns) unless asked otherwise.
 */
import JSZip from "jszip";
import { isoToExcelSerial, type IsoDate } from "../../src/core/dates/isoDate";
import {
  PARENT_COMMUNITY_PARAMS,
  QUARTERS,
  SETTING,
  SHEET,
  V1_SHEETS,
  quarterParam,
  requiredColumns,
  type SheetKey,
} from "../../src/core/register/schema";

export type ForeignCell =
  | string
  | number
  | null
  | { readonly inline: string }
  | { readonly date: IsoDate }
  | { readonly f: string; readonly v: number | string }
  /** A number in a cell formatted as text («@»), as old registers kept the quarter dates. */
  | { readonly number: number; readonly style: "text" };

export interface ForeignSheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ForeignCell[])[];
  /** No table: the cells only (an extra sheet of the user). */
  readonly plain?: boolean;
  /** Calculated column formulas by header. */
  readonly calculated?: Readonly<Record<string, string>>;
  /** List validations by header. */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
  /** Rows typed below the table (sheet row number → cells). */
  readonly below?: ReadonlyMap<number, readonly ForeignCell[]>;
}

export interface ForeignOptions {
  /** Namespace prefix on every SpreadsheetML element (e.g. "x"). */
  readonly prefix?: string;
  /** Leave out `r` on rows and cells. */
  readonly noRefs?: boolean;
  /** «Версия книги» to write (none: version 1). */
  readonly version?: number;
  /** Sheets to leave out or replace, by key. */
  readonly sheets?: Partial<Record<SheetKey, ForeignSheet>>;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function esc(t: string): string {
  return t
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function col(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) {
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  }
  return s;
}

/** The default v1 content: three episodes and every sheet, with the user's own columns. */
export function foreignSheets(opts: ForeignOptions = {}): ForeignSheet[] {
  const settingsRows: ForeignCell[][] = [
    ...(opts.version !== undefined ? [[SETTING.version, opts.version]] : []),
    [SETTING.school, "МБОУ «СОШ № 3 г. Чадана»"],
    [SETTING.district, { inline: "Дзун-Хемчикский кожуун" }],
    [SETTING.schoolYear, "2026/2027"],
    ...QUARTERS.flatMap((q, i): ForeignCell[][] => [
      // Quarter dates as people type them: text, except one number kept in a text cell.
      [
        quarterParam(q, "from"),
        i === 0
          ? { number: 46266, style: "text" }
          : (["01.09.2026", "05.11.2026", "12.01.2027", "30.03.2027"][i] ?? null),
      ],
      [quarterParam(q, "to"), ["24.10.2026", "28.12.2026", "20.03.2027", "26.05.2027"][i] ?? null],
    ]),
    [SETTING.ministryAddress, "yospitanie17@yandex.ru"],
    [SETTING.reportDay, 5],
    [SETTING.coordinatorName, "Иванова Мария Петровна"],
    [SETTING.coordinatorPosition, "методист"],
    [SETTING.coordinatorPhone, "8-394-000-00-00"],
    ...PARENT_COMMUNITY_PARAMS.map((p, i): ForeignCell[] => [p, i % 3]),
    ["Моя настройка", "не трогать"],
  ];
  const caseHeaders = [...requiredColumns("cases")];
  // User columns in the middle: after «Фамилия», and a formula column after «Дата рождения».
  caseHeaders.splice(2, 0, "Заметка классного руководителя");
  caseHeaders.splice(6, 0, "Возраст на 01.09");
  const caseRow = (
    code: string,
    last: string,
    first: string,
    born: IsoDate,
    note: string,
    level: string | null,
    reg: IsoDate | null
  ): ForeignCell[] =>
    caseHeaders.map((h): ForeignCell => {
      switch (h) {
        case "Код":
          return code;
        case "Фамилия":
          return { inline: last };
        case "Заметка классного руководителя":
          return note;
        case "Имя":
          return first;
        case "Отчество":
          return "Орланович";
        case "Дата рождения":
          return { date: born };
        case "Возраст на 01.09":
          return {
            f: `DATEDIF(F${code === "В-1" ? 2 : code === "В-2" ? 3 : 4},DATE(2026,9,1),"Y")`,
            v: 2026 - Number(born.slice(0, 4)) - 1,
          };
        case "Класс":
          return "7А";
        case "Код семьи":
          return "Ф-01";
        case "Дата выявления":
          return { date: "2026-09-10" };
        case "Источник":
          return "классный руководитель";
        case "Показатели":
          return "Р2, Р5";
        case "Уровень":
          return level;
        case "Дата постановки":
          return reg ? { date: reg } : null;
        case "Протокол":
          return reg ? "№ 1" : null;
        case "Куратор":
          return "Социальный педагог";
        case "Примечание":
          return "=не формула, а текст";
        default:
          return null;
      }
    });
  const familyHeaders = [...requiredColumns("families")];
  familyHeaders.splice(1, 0, "Моя пометка");
  const actionHeaders = requiredColumns("actions");
  const helpHeaders = [...requiredColumns("assistance"), "Месяц"];
  const sheets: Record<string, ForeignSheet> = {
    settings: { name: SHEET.settings, headers: ["Параметр", "Значение"], rows: settingsRows },
    cases: {
      name: SHEET.cases,
      headers: caseHeaders,
      rows: [
        caseRow("В-1", "Монгуш", "Айдыс", "2013-03-04", "сидит у окна", "1", "2026-09-15"),
        caseRow("В-2", "Ооржак", "Чечек", "2012-11-30", "+7 в заметке", "1", "2026-09-16"),
        caseRow("В-3", "Сат", "Мерген", "2014-01-20", "@упоминание", null, null),
      ],
      lists: { Уровень: ["1", "2"] },
    },
    families: {
      name: SHEET.families,
      headers: familyHeaders,
      rows: [
        familyHeaders.map((h): ForeignCell =>
          h === "Код семьи"
            ? "Ф-01"
            : h === "Моя пометка"
              ? "пометка"
              : h === "Социальный статус"
                ? "полная"
                : h === "Телефон"
                  ? "-"
                  : null
        ),
      ],
    },
    actions: {
      name: SHEET.actions,
      headers: actionHeaders,
      rows: [
        actionHeaders.map((h): ForeignCell =>
          h === "Код"
            ? "В-1"
            : h === "Шаг"
              ? "приказ"
              : h === "Выполнено"
                ? { date: "2026-09-20" }
                : h === "Мероприятие"
                  ? "приказ о постановке"
                  : null
        ),
      ],
      lists: { Шаг: ["приказ", "заседание"] },
    },
    assistance: {
      name: SHEET.assistance,
      headers: helpHeaders,
      rows: [
        helpHeaders.map((h): ForeignCell =>
          h === "Код"
            ? "В-2"
            : h === "Дата"
              ? { date: "2026-10-05" }
              : h === "Вид помощи"
                ? "психологическая"
                : h === "Месяц"
                  ? { f: "MONTH(tblHelp[[#This Row],[Дата]])", v: 10 }
                  : "беседа"
        ),
      ],
      calculated: { Месяц: "MONTH(tblHelp[[#This Row],[Дата]])" },
    },
    activities: { name: SHEET.activities, headers: requiredColumns("activities"), rows: [] },
    service: {
      name: SHEET.service,
      headers: requiredColumns("service"),
      rows: [[{ date: "2026-10-01" }, "тренинг", 1, 12, null]],
    },
    passport: { name: SHEET.passport, headers: requiredColumns("passport"), rows: [] },
    signals: { name: SHEET.signals, headers: requiredColumns("signals"), rows: [] },
  };
  for (const [key, s] of Object.entries(opts.sheets ?? {})) {
    sheets[key] = s;
  }
  const ordered = V1_SHEETS.map((k) => sheets[k]).filter((s): s is ForeignSheet => s !== undefined);
  // The user's own sheet in the middle of the workbook, without a table.
  ordered.splice(2, 0, {
    name: "Заметки",
    headers: ["Что", "Когда"],
    rows: [
      ["позвонить маме Айдыса", { date: "2026-10-01" }],
      [{ inline: "сверить списки" }, null],
    ],
    plain: true,
  });
  return ordered;
}

/** The package of a register made of `sheets`. */
export async function foreignRegister(
  opts: ForeignOptions = {},
  sheets: readonly ForeignSheet[] = foreignSheets(opts)
): Promise<Buffer> {
  const P = opts.prefix ? `${opts.prefix}:` : "";
  const nsDecl = opts.prefix ? `xmlns:${opts.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const zip = new JSZip();
  const strings: string[] = [];
  const sst = (t: string): number => {
    const i = strings.indexOf(t);
    if (i >= 0) {
      return i;
    }
    strings.push(t);
    return strings.length - 1;
  };
  const types: string[] = [];
  const wbRels: string[] = [];
  const sheetTags: string[] = [];
  const names: string[] = [
    `<${P}definedName name="Школа">'${SHEET.settings}'!$B$2</${P}definedName>`,
  ];
  let tableNo = 0;
  sheets.forEach((sheet, si) => {
    const n = si + 1;
    const cell = (v: ForeignCell, row: number, c: number): string => {
      const r = opts.noRefs ? "" : ` r="${col(c)}${row}"`;
      if (v === null) {
        return "";
      }
      if (typeof v === "string") {
        return `<${P}c${r} t="s"><${P}v>${sst(v)}</${P}v></${P}c>`;
      }
      if (typeof v === "number") {
        return `<${P}c${r}><${P}v>${v}</${P}v></${P}c>`;
      }
      if ("inline" in v) {
        return `<${P}c${r} t="inlineStr"><${P}is><${P}t>${esc(v.inline)}</${P}t></${P}is></${P}c>`;
      }
      if ("date" in v) {
        return `<${P}c${r} s="1"><${P}v>${isoToExcelSerial(v.date)}</${P}v></${P}c>`;
      }
      if ("f" in v) {
        return typeof v.v === "number"
          ? `<${P}c${r}><${P}f>${esc(v.f)}</${P}f><${P}v>${v.v}</${P}v></${P}c>`
          : `<${P}c${r} t="str"><${P}f>${esc(v.f)}</${P}f><${P}v>${esc(v.v)}</${P}v></${P}c>`;
      }
      return `<${P}c${r} s="2"><${P}v>${v.number}</${P}v></${P}c>`;
    };
    const rowXml = (cells: readonly ForeignCell[], row: number, style = ""): string =>
      `<${P}row${opts.noRefs ? "" : ` r="${row}"`}${style}>${cells.map((v, i) => cell(v, row, i + 1)).join("")}</${P}row>`;
    const header = rowXml(sheet.headers, 1).replace(/<(\w+:)?c /g, `<$1c s="3" `);
    const dataRows =
      sheet.rows.length > 0 ? sheet.rows : sheet.plain ? [] : [sheet.headers.map(() => null)];
    const body = dataRows.map((r, i) => rowXml(r, i + 2)).join("");
    const belowRows = [...(sheet.below ?? new Map<number, readonly ForeignCell[]>())]
      .sort((a, b) => a[0] - b[0])
      .map(([row, cells]) => rowXml(cells, row))
      .join("");
    const last = Math.max(2, dataRows.length + 1);
    const right = col(sheet.headers.length);
    const ref = `A1:${right}${sheet.plain ? dataRows.length + 1 : last}`;
    const validations = Object.entries(sheet.lists ?? {})
      .map(([h, list]) => {
        const c = col(sheet.headers.indexOf(h) + 1);
        return `<${P}dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${c}2:${c}${last}"><${P}formula1>"${esc(list.join(","))}"</${P}formula1></${P}dataValidation>`;
      })
      .join("");
    let tablePart = "";
    if (!sheet.plain) {
      tableNo++;
      const tableName = sheet.calculated ? "tblHelp" : `Таблица${tableNo}`;
      const cols = sheet.headers
        .map((h, i) => {
          const f = sheet.calculated?.[h];
          return f
            ? `<${P}tableColumn id="${i + 1}" name="${esc(h)}"><${P}calculatedColumnFormula>${esc(f)}</${P}calculatedColumnFormula></${P}tableColumn>`
            : `<${P}tableColumn id="${i + 1}" name="${esc(h)}"/>`;
        })
        .join("");
      zip.file(
        `xl/tables/table${tableNo}.xml`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${P}table ${nsDecl} id="${tableNo}" name="${tableName}" displayName="${tableName}" ref="${ref}" totalsRowShown="0"><${P}autoFilter ref="${ref}"/><${P}tableColumns count="${sheet.headers.length}">${cols}</${P}tableColumns><${P}tableStyleInfo name="TableStyleLight9" showRowStripes="1"/></${P}table>`
      );
      zip.file(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT1" Type="${REL}/table" Target="../tables/table${tableNo}.xml"/></Relationships>`
      );
      types.push(
        `<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`
      );
      tablePart = `<${P}tableParts count="1"><${P}tablePart r:id="rIdT1"/></${P}tableParts>`;
    }
    zip.file(
      `xl/worksheets/sheet${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${P}worksheet ${nsDecl} xmlns:r="${REL}"><${P}dimension ref="${ref}"/><${P}sheetViews><${P}sheetView workbookViewId="0"/></${P}sheetViews><${P}sheetFormatPr defaultRowHeight="15"/><${P}cols><${P}col min="1" max="${sheet.headers.length}" width="18" customWidth="1"/></${P}cols><${P}sheetData>${header}${body}${belowRows}</${P}sheetData>${validations ? `<${P}dataValidations count="${Object.keys(sheet.lists ?? {}).length}">${validations}</${P}dataValidations>` : ""}<${P}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tablePart}</${P}worksheet>`
    );
    types.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
    wbRels.push(
      `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`
    );
    sheetTags.push(`<${P}sheet name="${esc(sheet.name)}" sheetId="${n + 10}" r:id="rId${n}"/>`);
  });
  const k = sheets.length;
  wbRels.push(
    `<Relationship Id="rId${k + 1}" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${k + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
  );
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${types.join("")}</Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${P}workbook ${nsDecl} xmlns:r="${REL}"><${P}workbookPr/><${P}bookViews><${P}workbookView activeTab="1"/></${P}bookViews><${P}sheets>${sheetTags.join("")}</${P}sheets><${P}definedNames>${names.join("")}</${P}definedNames><${P}calcPr calcId="191029"/></${P}workbook>`
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${P}styleSheet ${nsDecl}><${P}fonts count="2"><${P}font><${P}sz val="11"/><${P}name val="Arial"/></${P}font><${P}font><${P}b/><${P}sz val="11"/><${P}name val="Arial"/></${P}font></${P}fonts><${P}fills count="2"><${P}fill><${P}patternFill patternType="none"/></${P}fill><${P}fill><${P}patternFill patternType="gray125"/></${P}fill></${P}fills><${P}borders count="1"><${P}border/></${P}borders><${P}cellStyleXfs count="1"><${P}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${P}cellStyleXfs><${P}cellXfs count="4"><${P}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${P}xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><${P}xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><${P}xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></${P}cellXfs></${P}styleSheet>`
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${P}sst ${nsDecl} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<${P}si><${P}t xml:space="preserve">${esc(t)}</${P}t></${P}si>`).join("")}</${P}sst>`
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The check of a report workbook's package (.xlsx) before it is sent or consolidated, shared by
 * the command line (src/cli/xlsx/readReport.ts, parts read with its zip reader) and the add-in
 * (src/excel/reportFiles.ts, parts read with JSZip): exactly the sheets «Отчёт» and «Данные»,
 * no other content (comments, pictures, embedded files, pivot caches, links, macros),
 * «Данные» holding the report's keys with counts, and — before sending — «Отчёт» holding only
 * the texts of the form and numbers. A register, or any workbook with a sheet of the register,
 * is refused: it holds personal data.
 *
 * Pure: the parts come in as text getters, the messages are Russian and name the file; what
 * to do about a refusal (`howTo`) differs between the command line and the pane.
 */
import { CALENDAR_SHEET, SHEET } from "../register/schema";
import { matchKey } from "../text";
import type { ReportMeta } from "./flatten";
import { buildReportForm } from "./form";
import { readReportData, type DataRow } from "./reportData";
import {
  parseDateStyles,
  parseRelationships,
  parseSharedStrings,
  parseSheetCells,
  parseWorkbookSheets,
  type SheetCell,
} from "./sheetXml";
import type { ReportJson } from "./types";

export const REPORT_SHEET = "Отчёт";
export const DATA_SHEET = "Данные";

/** Why a file is not a report that may be sent or consolidated. */
export type ReportPackageProblem = "notXlsx" | "register" | "foreign" | "content" | "data";

/** A refusal, with a Russian message naming the file (and the sheet and cell where it can). */
export class ReportPackageError extends Error {
  constructor(
    message: string,
    readonly problem: ReportPackageProblem
  ) {
    super(message);
    this.name = "ReportPackageError";
  }
}

/** The package's parts by lower-case name (`partKey`), each read as UTF-8 text when asked. */
export type ReportParts = ReadonlyMap<string, () => string | Promise<string>>;

/** A part name as the map keys it: forward slashes, no leading slash, lower case. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/** Parts a report workbook may have: what exceljs, Excel, LibreOffice and the add-in write. */
const ALLOWED_PARTS: readonly RegExp[] = [
  /^\[content_types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docprops\/(app|core|custom)\.xml$/,
  /^docprops\/thumbnail\.(jpeg|jpg|png|wmf|emf)$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedstrings\.xml$/,
  /^xl\/calcchain\.xml$/,
  /^xl\/theme\/theme\d+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/printersettings\/printersettings\d+\.bin$/,
];

/** What a part that does not belong in a report is, in the user's words. */
const PART_KINDS: readonly [RegExp, string][] = [
  [/comments|threadedcomments|persons/, "примечания"],
  [/drawings|media|vmldrawing/, "рисунки или фигуры"],
  [/embeddings|activex|ctrlprops/, "вложенные файлы или объекты"],
  [/pivot/, "сводные таблицы (в их кэше хранятся исходные данные)"],
  [/externallinks|connections|querytables/, "связи с другими файлами"],
  [/tables\//, "таблицы Excel"],
  [/vbaproject|macrosheets/, "макросы"],
  [/customxml/, "дополнительные данные (customXml)"],
];

/** Sheet names of the register (and its optional calendar), by comparison key. */
const REGISTER_SHEETS = new Set([...Object.values(SHEET), CALENDAR_SHEET].map(matchKey));

/** «A», «B», «C» — at most four names, then «…». */
function listNames(names: readonly string[]): string {
  const shown = names
    .slice(0, 4)
    .map((n) => `«${n}»`)
    .join(", ");
  return names.length > 4 ? `${shown} …` : shown;
}

/** A part's text, or null when the package has no such part. */
async function text(parts: ReportParts, name: string, file: string, howTo: string) {
  const read = parts.get(partKey(name));
  if (!read) {
    return null;
  }
  try {
    return await read();
  } catch {
    throw new ReportPackageError(
      `${file}: файл повреждён (не распаковать ${name}) — ${howTo}`,
      "notXlsx"
    );
  }
}

/** The first part whose name ends with `suffix` (shared strings, styles), or null. */
function findPart(parts: ReportParts, suffix: string): string | null {
  for (const name of parts.keys()) {
    if (name.startsWith("xl/") && name.endsWith(suffix)) {
      return name;
    }
  }
  return null;
}

interface Sheets {
  readonly report: string;
  readonly data: string;
}

/** Checks the sheet list and returns the parts of «Отчёт» and «Данные». */
async function checkSheets(file: string, parts: ReportParts, howTo: string): Promise<Sheets> {
  const workbook = await text(parts, "xl/workbook.xml", file, howTo);
  if (workbook === null) {
    throw new ReportPackageError(
      `${file}: это не книга Excel (.xlsx): в файле нет книги — ${howTo}`,
      "notXlsx"
    );
  }
  const sheets = parseWorkbookSheets(workbook);
  const names = sheets.map((s) => s.name);
  const registerSheets = names.filter((n) => REGISTER_SHEETS.has(matchKey(n)));
  if (registerSheets.length > 0) {
    throw new ReportPackageError(
      `${file}: это книга учёта или её часть (листы ${listNames(registerSheets)}), а не отчёт. В ней персональные данные детей и семей — такую книгу нельзя отправлять в министерство или сводить. Отправляется только отчёт: ${howTo}.`,
      "register"
    );
  }
  const find = (name: string) => sheets.find((s) => matchKey(s.name) === matchKey(name));
  const report = find(REPORT_SHEET);
  const data = find(DATA_SHEET);
  const extra = names.filter(
    (n) => matchKey(n) !== matchKey(REPORT_SHEET) && matchKey(n) !== matchKey(DATA_SHEET)
  );
  if (!report || !data) {
    throw new ReportPackageError(
      `${file}: это не отчёт ВШУ — в отчёте листы «${REPORT_SHEET}» и скрытый «${DATA_SHEET}», а в этой книге ${names.length > 0 ? `листы ${listNames(names)}` : "нет листов"}; ${howTo}`,
      "foreign"
    );
  }
  if (extra.length > 0) {
    throw new ReportPackageError(
      `${file}: в отчёте лишние листы ${listNames(extra)} — в отчёте только «${REPORT_SHEET}» и «${DATA_SHEET}». Удалите лишние листы или ${howTo}.`,
      "content"
    );
  }
  const rels = await text(parts, "xl/_rels/workbook.xml.rels", file, howTo);
  const targets = parseRelationships(rels ?? "", "xl/");
  const reportPart = targets.get(report.rid);
  const dataPart = targets.get(data.rid);
  if (
    !reportPart ||
    !dataPart ||
    !parts.has(partKey(reportPart)) ||
    !parts.has(partKey(dataPart))
  ) {
    throw new ReportPackageError(
      `${file}: книга повреждена — нет данных листа «${!reportPart ? REPORT_SHEET : DATA_SHEET}»; ${howTo}`,
      "notXlsx"
    );
  }
  return { report: reportPart, data: dataPart };
}

/** Refuses a part that does not belong in a report (comments, pictures, embedded files…). */
function checkParts(file: string, parts: ReportParts, howTo: string): void {
  for (const name of parts.keys()) {
    if (ALLOWED_PARTS.some((re) => re.test(name))) {
      continue;
    }
    const kind = PART_KINDS.find(([re]) => re.test(name))?.[1] ?? "лишние данные";
    throw new ReportPackageError(
      `${file}: в отчёте есть ${kind} (${name}) — в отчёте только форма с числами. Удалите их или ${howTo}.`,
      "content"
    );
  }
}

/** The rows of «Данные»: key in column A, value in column B; anything else is refused. */
function dataRows(file: string, cells: readonly SheetCell[], howTo: string): DataRow[] {
  const rows = new Map<number, { key: string; value: string | number | null }>();
  for (const c of cells) {
    if (c.col > 2 || c.formula) {
      throw new ReportPackageError(
        `${file}: лист «${DATA_SHEET}», ячейка ${c.ref}: ${c.formula ? "формула" : "лишнее значение"} — на этом листе только ключ (столбец A) и число (столбец B). Не правьте этот лист: ${howTo}.`,
        "data"
      );
    }
    const row = rows.get(c.row) ?? { key: "", value: null };
    if (c.col === 1) {
      row.key = c.value === null ? "" : String(c.value);
    } else {
      row.value = c.value;
    }
    rows.set(c.row, row);
  }
  return [...rows.entries()].map(([row, r]) => ({ row, key: r.key, value: r.value }));
}

const normalize = (s: string): string => s.replace(/\s+/g, " ").trim();

/**
 * «Отчёт» holds only what the form built from «Данные» holds: its texts, and numbers. A name,
 * a date or a formula typed into the printed form is refused, naming the cell.
 */
function checkPrintedForm(
  file: string,
  report: ReportJson,
  meta: ReportMeta,
  cells: readonly SheetCell[],
  dateStyles: ReadonlySet<number>,
  howTo: string
): void {
  const texts = new Set<string>();
  const made = meta.made !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(meta.made) ? meta.made : null;
  for (const row of buildReportForm(report, { made })) {
    for (const c of row.cells) {
      if (typeof c === "string") {
        texts.add(normalize(c));
      }
    }
  }
  const where = (c: SheetCell) => `${file}: лист «${REPORT_SHEET}», ячейка ${c.ref}`;
  const fix = `Отправляется только форма отчёта: ${howTo} и ничего в него не дописывайте.`;
  for (const c of cells) {
    if (c.formula) {
      throw new ReportPackageError(`${where(c)}: формула. ${fix}`, "content");
    }
    if (c.type === "d" || (typeof c.value === "number" && dateStyles.has(c.style))) {
      throw new ReportPackageError(
        `${where(c)}: дата — в отчёте только количества. ${fix}`,
        "content"
      );
    }
    if (typeof c.value === "number") {
      if (!(c.value >= 0)) {
        throw new ReportPackageError(
          `${where(c)}: число ${c.value} — не количество. ${fix}`,
          "content"
        );
      }
      continue;
    }
    const t = normalize(String(c.value ?? ""));
    if (t !== "" && !texts.has(t)) {
      const excerpt = t.length > 40 ? `${t.slice(0, 40)}…` : t;
      throw new ReportPackageError(
        `${where(c)}: текст «${excerpt}», которого нет в форме отчёта. ${fix}`,
        "content"
      );
    }
  }
}

export interface ReportPackageOptions {
  /** What to do about a refusal, the end of each message («постройте отчёт …»). */
  readonly howTo: string;
  /** Also check the printed sheet «Отчёт» (before sending). */
  readonly printed?: boolean;
}

/**
 * Checks a report workbook's parts and reads the report from «Данные».
 * @param file - the name used in messages
 * @throws ReportPackageError naming the file and saying what to do
 */
export async function checkReportPackage(
  file: string,
  parts: ReportParts,
  options: ReportPackageOptions
): Promise<{ readonly report: ReportJson; readonly meta: ReportMeta }> {
  const { howTo } = options;
  const sheets = await checkSheets(file, parts, howTo);
  checkParts(file, parts, howTo);
  const sharedPart = findPart(parts, "sharedstrings.xml");
  const strings = sharedPart
    ? parseSharedStrings((await text(parts, sharedPart, file, howTo)) ?? "")
    : [];
  const dataCells = parseSheetCells((await text(parts, sheets.data, file, howTo)) ?? "", strings);
  const result = readReportData(dataRows(file, dataCells, howTo));
  if (!result.ok) {
    const lines = result.problems.map((p) =>
      p.row > 0 ? `  строка ${p.row}: ${p.message}` : `  ${p.message}`
    );
    throw new ReportPackageError(
      result.notReport
        ? `${file}: это не отчёт ВШУ — на листе «${DATA_SHEET}» нет данных отчёта; ${howTo}`
        : `${file}: лист «${DATA_SHEET}» не похож на данные отчёта ВШУ:\n${lines.join("\n")}\nНе правьте этот лист вручную: ${howTo}.`,
      result.notReport ? "foreign" : "data"
    );
  }
  if (options.printed) {
    const stylesPart = findPart(parts, "styles.xml");
    const dateStyles = stylesPart
      ? parseDateStyles((await text(parts, stylesPart, file, howTo)) ?? "")
      : new Set<number>();
    const cells = parseSheetCells((await text(parts, sheets.report, file, howTo)) ?? "", strings);
    checkPrintedForm(file, result.report, result.meta, cells, dateStyles, howTo);
  }
  return { report: result.report, meta: result.meta };
}

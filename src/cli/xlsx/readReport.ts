/**
 * Reads a report workbook as `vshu report` writes it and checks that it is one: exactly the
 * sheets «Отчёт» and «Данные», no other content (comments, pictures, embedded files, pivot
 * caches, links, macros), «Данные» holding the report's keys with counts, and — before sending
 * — «Отчёт» holding only the texts of the form and numbers. A register, or any workbook with a
 * sheet of the register, is refused: it holds personal data.
 *
 * The parts are read through the zip's central directory and scanned by the core's small XML
 * reader (src/core/report/sheetXml.ts): a report is two small sheets, and 200 of them are read
 * in well under a second this way.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { CALENDAR_SHEET, SHEET } from "../../core/register/schema";
import type { ReportMeta } from "../../core/report/flatten";
import { buildReportForm } from "../../core/report/form";
import { readReportData, type DataRow } from "../../core/report/reportData";
import {
  parseDateStyles,
  parseRelationships,
  parseSharedStrings,
  parseSheetCells,
  parseWorkbookSheets,
  type SheetCell,
} from "../../core/report/sheetXml";
import type { ReportJson } from "../../core/report/types";
import { matchKey } from "../../core/text";
import { UserError } from "../errors";
import { ZipPackage } from "./patch/zip";

export const REPORT_SHEET = "Отчёт";
export const DATA_SHEET = "Данные";

/** A report workbook read and checked. */
export interface ReportFile {
  readonly file: string;
  readonly bytes: Buffer;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  readonly report: ReportJson;
  readonly meta: ReportMeta;
}

/** Why a file is not a report that may be sent or consolidated. */
export type ReportFileProblem = "missing" | "notXlsx" | "register" | "foreign" | "content" | "data";

export class ReportFileError extends UserError {
  constructor(
    message: string,
    readonly problem: ReportFileProblem
  ) {
    super(message);
    this.name = "ReportFileError";
  }
}

const HOW_TO_BUILD =
  "постройте отчёт командой «vshu report КНИГА.xlsx --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД --out ОТЧЁТ.xlsx» (или «vshu monthly КНИГА.xlsx»)";

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

function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/** A part's bytes, read when asked for. */
type Parts = Map<string, () => Buffer | Promise<Buffer>>;

/** The package's central directory (the register writer's zip reader), or null when it refuses it. */
function openZip(bytes: Buffer): ZipPackage | null {
  try {
    return ZipPackage.open(bytes);
  } catch {
    return null;
  }
}

/** The file's parts by lower-case name: the package reader, else unzipper. */
async function openParts(file: string, bytes: Buffer): Promise<Parts> {
  const parts: Parts = new Map();
  try {
    const zip = openZip(bytes);
    if (zip !== null) {
      for (const name of zip.names()) {
        parts.set(partKey(name), () => zip.read(name) ?? Buffer.alloc(0));
      }
      return parts;
    }
    // The general reader only for what the package reader refuses: it is slow to load and to run.
    const { default: unzipper } = await import("unzipper");
    const directory = await unzipper.Open.buffer(bytes);
    for (const f of directory.files) {
      if (f.type === "File") {
        parts.set(partKey(f.path), () => f.buffer());
      }
    }
    return parts;
  } catch {
    throw new ReportFileError(
      `${file}: это не книга Excel (.xlsx) или файл повреждён — ${HOW_TO_BUILD}`,
      "notXlsx"
    );
  }
}

/** A part's text, or null when the package has no such part. */
async function text(parts: Parts, name: string, file: string): Promise<string | null> {
  const read = parts.get(partKey(name));
  if (!read) {
    return null;
  }
  try {
    return (await read()).toString("utf8");
  } catch {
    throw new ReportFileError(
      `${file}: файл повреждён (не распаковать ${name}) — ${HOW_TO_BUILD}`,
      "notXlsx"
    );
  }
}

/** The first part whose name ends with `suffix` (shared strings, styles), or null. */
function findPart(parts: Parts, suffix: string): string | null {
  for (const name of parts.keys()) {
    if (name.startsWith("xl/") && name.endsWith(suffix)) {
      return name;
    }
  }
  return null;
}

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

interface Sheets {
  readonly report: string;
  readonly data: string;
}

/** Checks the sheet list and returns the parts of «Отчёт» and «Данные». */
async function checkSheets(file: string, parts: Parts): Promise<Sheets> {
  const workbook = await text(parts, "xl/workbook.xml", file);
  if (workbook === null) {
    throw new ReportFileError(
      `${file}: это не книга Excel (.xlsx): в файле нет книги — ${HOW_TO_BUILD}`,
      "notXlsx"
    );
  }
  const sheets = parseWorkbookSheets(workbook);
  const names = sheets.map((s) => s.name);
  const registerSheets = names.filter((n) => REGISTER_SHEETS.has(matchKey(n)));
  if (registerSheets.length > 0) {
    throw new ReportFileError(
      `${file}: это книга учёта или её часть (листы ${listNames(registerSheets)}), а не отчёт. В ней персональные данные детей и семей — такую книгу нельзя отправлять в министерство или сводить. Отправляется только отчёт: ${HOW_TO_BUILD}.`,
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
    throw new ReportFileError(
      `${file}: это не отчёт ВШУ — в отчёте листы «${REPORT_SHEET}» и скрытый «${DATA_SHEET}», а в этой книге ${names.length > 0 ? `листы ${listNames(names)}` : "нет листов"}; ${HOW_TO_BUILD}`,
      "foreign"
    );
  }
  if (extra.length > 0) {
    throw new ReportFileError(
      `${file}: в отчёте лишние листы ${listNames(extra)} — в отчёте только «${REPORT_SHEET}» и «${DATA_SHEET}». Удалите лишние листы или ${HOW_TO_BUILD}.`,
      "content"
    );
  }
  const rels = await text(parts, "xl/_rels/workbook.xml.rels", file);
  const targets = parseRelationships(rels ?? "", "xl/");
  const reportPart = targets.get(report.rid);
  const dataPart = targets.get(data.rid);
  if (
    !reportPart ||
    !dataPart ||
    !parts.has(partKey(reportPart)) ||
    !parts.has(partKey(dataPart))
  ) {
    throw new ReportFileError(
      `${file}: книга повреждена — нет данных листа «${!reportPart ? REPORT_SHEET : DATA_SHEET}»; ${HOW_TO_BUILD}`,
      "notXlsx"
    );
  }
  return { report: reportPart, data: dataPart };
}

/** Refuses a part that does not belong in a report (comments, pictures, embedded files…). */
function checkParts(file: string, parts: Parts): void {
  for (const name of parts.keys()) {
    if (ALLOWED_PARTS.some((re) => re.test(name))) {
      continue;
    }
    const kind = PART_KINDS.find(([re]) => re.test(name))?.[1] ?? "лишние данные";
    throw new ReportFileError(
      `${file}: в отчёте есть ${kind} (${name}) — в отчёте только форма с числами. Удалите их или ${HOW_TO_BUILD}.`,
      "content"
    );
  }
}

/** The rows of «Данные»: key in column A, value in column B; anything else is refused. */
function dataRows(file: string, cells: readonly SheetCell[]): DataRow[] {
  const rows = new Map<number, { key: string; value: string | number | null }>();
  for (const c of cells) {
    if (c.col > 2 || c.formula) {
      throw new ReportFileError(
        `${file}: лист «${DATA_SHEET}», ячейка ${c.ref}: ${c.formula ? "формула" : "лишнее значение"} — на этом листе только ключ (столбец A) и число (столбец B). Не правьте этот лист: ${HOW_TO_BUILD}.`,
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
  dateStyles: ReadonlySet<number>
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
  const fix = `Отправляется только форма отчёта: ${HOW_TO_BUILD} и ничего в него не дописывайте.`;
  for (const c of cells) {
    if (c.formula) {
      throw new ReportFileError(`${where(c)}: формула. ${fix}`, "content");
    }
    if (c.type === "d" || (typeof c.value === "number" && dateStyles.has(c.style))) {
      throw new ReportFileError(
        `${where(c)}: дата — в отчёте только количества. ${fix}`,
        "content"
      );
    }
    if (typeof c.value === "number") {
      if (!(c.value >= 0)) {
        throw new ReportFileError(
          `${where(c)}: число ${c.value} — не количество. ${fix}`,
          "content"
        );
      }
      continue;
    }
    const t = normalize(String(c.value ?? ""));
    if (t !== "" && !texts.has(t)) {
      const excerpt = t.length > 40 ? `${t.slice(0, 40)}…` : t;
      throw new ReportFileError(
        `${where(c)}: текст «${excerpt}», которого нет в форме отчёта. ${fix}`,
        "content"
      );
    }
  }
}

export interface ReadReportOptions {
  /** Also check the printed sheet «Отчёт» (before sending). */
  readonly printed?: boolean;
  /** The name used in messages (default: the path). */
  readonly name?: string;
}

/**
 * Reads and checks a report workbook.
 * @throws ReportFileError (a UserError) naming the file and saying what to do
 */
export async function readReportFile(
  path: string,
  options: ReadReportOptions = {}
): Promise<ReportFile> {
  const file = options.name ?? path;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportFileError(
      code === "ENOENT"
        ? `${file}: файл не найден — проверьте имя и папку`
        : `${file}: файл не прочитать (${code ?? String(error)}) — проверьте, что это файл, и что он не открыт с запретом чтения`,
      "missing"
    );
  }
  const parts = await openParts(file, bytes);
  const sheets = await checkSheets(file, parts);
  checkParts(file, parts);
  const sharedPart = findPart(parts, "sharedstrings.xml");
  const strings = sharedPart ? parseSharedStrings((await text(parts, sharedPart, file)) ?? "") : [];
  const dataCells = parseSheetCells((await text(parts, sheets.data, file)) ?? "", strings);
  const result = readReportData(dataRows(file, dataCells));
  if (!result.ok) {
    const lines = result.problems.map((p) =>
      p.row > 0 ? `  строка ${p.row}: ${p.message}` : `  ${p.message}`
    );
    throw new ReportFileError(
      result.notReport
        ? `${file}: это не отчёт ВШУ — на листе «${DATA_SHEET}» нет данных отчёта; ${HOW_TO_BUILD}`
        : `${file}: лист «${DATA_SHEET}» не похож на данные отчёта ВШУ:\n${lines.join("\n")}\nНе правьте этот лист вручную: ${HOW_TO_BUILD}.`,
      result.notReport ? "foreign" : "data"
    );
  }
  if (options.printed) {
    const stylesPart = findPart(parts, "styles.xml");
    const dateStyles = stylesPart
      ? parseDateStyles((await text(parts, stylesPart, file)) ?? "")
      : new Set<number>();
    const cells = parseSheetCells((await text(parts, sheets.report, file)) ?? "", strings);
    checkPrintedForm(file, result.report, result.meta, cells, dateStyles);
  }
  return {
    file: path,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    report: result.report,
    meta: result.meta,
  };
}

/** The report in a file when it is a valid report workbook, else null (never throws for content). */
export async function tryReadReport(path: string): Promise<ReportFile | null> {
  try {
    return await readReportFile(path);
  } catch (error) {
    if (error instanceof ReportFileError) {
      return null;
    }
    throw error;
  }
}

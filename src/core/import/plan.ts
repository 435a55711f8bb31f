/**
 * The import plan: what a CSV file would add to a sheet of the register, checked before anything
 * is written. Shared by `vshu import` and the task pane.
 *
 * Every row is converted (dates, numbers, list values), then checked by the register's own
 * reader (`parseRegister`) together with the rows already on the sheet — the same rules that
 * check the register after the write, so a row accepted here is a row the register accepts:
 * an unknown episode code, a level without a registration date, an unknown list value, … Unique
 * codes are checked here with messages in the file's terms. Children already on «Учёт» (the same
 * surname, first name and birth date) or twice in the file are duplicates, listed apart.
 */
import { formatDateRu } from "../dates/isoDate";
import type { Cell, RawRow, RawTable } from "../register/model";
import { parseRegister, type RawSheets } from "../register/parseRegister";
import { SHEET, SHEET_COLUMNS, type SheetKey } from "../register/schema";
import { matchKey } from "../text";
import {
  IMPORT_REQUIRED,
  UNIQUE_COLUMN,
  convertField,
  importSheetKey,
  importSheetNames,
  matchHeaders,
  type ImportColumn,
  type ImportValue,
} from "./columns";
import type { CsvEncoding } from "./encoding";

export type Delimiter = ";" | ",";

/**
 * A problem of the file: its row (as Excel shows the file: the header is row 1; 0 — the file as a
 * whole), the column (the file's header, or ""), the value as written, and why, in Russian.
 */
export interface ImportIssue {
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

/** One row to add: its row in the file and its values by table column. */
export interface ImportRow {
  readonly row: number;
  readonly values: Readonly<Record<string, ImportValue>>;
}

export interface ImportPlan {
  /** The sheet, as the contract names it (null when the name is not an importable sheet). */
  readonly sheet: string | null;
  readonly sheetKey: SheetKey | null;
  readonly encoding: CsvEncoding;
  /** Whether the file began with the UTF-8 byte order mark. */
  readonly bom: boolean;
  readonly delimiter: Delimiter;
  /** The file's columns and the table column each fills. */
  readonly columns: readonly ImportColumn[];
  /** The rows to add (every non-empty data row of the file, in order). */
  readonly rows: readonly ImportRow[];
  /** Every problem: with one, nothing may be written. */
  readonly errors: readonly ImportIssue[];
  /** Rows whose child is already on «Учёт» or earlier in the file (added only when confirmed). */
  readonly duplicates: readonly ImportIssue[];
  /** The first rows of the file as text, for showing before the import. */
  readonly preview: {
    readonly headers: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
}

/** Rows shown in the preview. */
export const PREVIEW_ROWS = 10;

export interface PlanInput {
  /** The sheet to import into, as the user named it. */
  readonly sheet: string;
  /** The file's records, the header row first (papaparse's output; see src/csv). */
  readonly records: readonly (readonly string[])[];
  /** Problems the parser found (unclosed quotes, …): row as in ImportIssue. */
  readonly parseProblems?: readonly ImportIssue[];
  /**
   * The register's tables by sheet name: at least the target sheet's table (its header row
   * includes the user's own columns) and «Учёт» (episode codes and children).
   */
  readonly register: RawSheets;
  readonly encoding: CsvEncoding;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
}

/** Sheet row numbers given to the file's rows while the register's reader checks them. */
const NEW_ROW_BASE = 1_000_000_000;

function findTable(sheets: RawSheets, name: string): RawTable | undefined {
  const key = matchKey(name);
  for (const [n, t] of sheets) {
    if (matchKey(n) === key) {
      return t;
    }
  }
  return undefined;
}

const isBlankRecord = (r: readonly string[]): boolean => r.every((f) => f.trim() === "");

/** Builds the import plan (see the file's header). Pure: no I/O, no clock. */
export function planImport(input: PlanInput): ImportPlan {
  const errors: ImportIssue[] = [...(input.parseProblems ?? [])];
  const firstIndex = input.records.findIndex((r) => !isBlankRecord(r));
  const headerIndex = firstIndex < 0 ? 0 : firstIndex;
  const headers = (input.records[headerIndex] ?? []).map((h) => h.trim());
  const previewRows: string[][] = [];
  for (
    let i = headerIndex + 1;
    i < input.records.length && previewRows.length < PREVIEW_ROWS;
    i++
  ) {
    const r = input.records[i] ?? [];
    if (!isBlankRecord(r)) {
      previewRows.push([...r]);
    }
  }
  const base = {
    encoding: input.encoding,
    bom: input.bom,
    delimiter: input.delimiter,
    preview: { headers, rows: previewRows },
  };
  const sheetKey = importSheetKey(input.sheet);
  const fail = (issue: ImportIssue | null): ImportPlan => ({
    ...base,
    sheet: sheetKey ? SHEET[sheetKey] : null,
    sheetKey,
    columns: [],
    rows: [],
    errors: issue ? [...errors, issue] : errors,
    duplicates: [],
  });
  if (!sheetKey) {
    return fail({
      row: 0,
      column: "",
      value: input.sheet,
      reason: `в книгу учёта можно загрузить строки листов ${importSheetNames()}; листа «${input.sheet}» среди них нет`,
    });
  }
  const sheet = SHEET[sheetKey];
  const table = findTable(input.register, sheet);
  if (!table) {
    return fail({ row: 0, column: "", value: sheet, reason: `в книге учёта нет листа «${sheet}»` });
  }
  if (firstIndex < 0) {
    return fail(
      errors.length > 0
        ? null
        : { row: 0, column: "", value: "", reason: "файл пуст: в нём нет строки заголовков" }
    );
  }
  const headerRow = headerIndex + 1;
  const columns = matchHeaders(sheetKey, headers, table.headers);
  checkHeaders(sheetKey, columns, input.records, headerIndex, errors);

  // Rows: converted values by table column, and the file's text of each for messages.
  const rows: ImportRow[] = [];
  const texts = new Map<number, Map<string, string>>();
  const errorAt = new Set<string>();
  const addError = (issue: ImportIssue): void => {
    errors.push(issue);
    errorAt.add(`${issue.row}\u0000${matchKey(issue.column)}`);
  };
  const mapped = columns.filter((c): c is ImportColumn & { column: string } => c.column !== null);
  for (let i = headerIndex + 1; i < input.records.length; i++) {
    const record = input.records[i] ?? [];
    if (isBlankRecord(record)) {
      continue;
    }
    const row = i + 1;
    const extra = record.slice(headers.length).findIndex((f) => f.trim() !== "");
    if (extra >= 0) {
      addError({
        row,
        column: "",
        value: record[headers.length + extra] ?? "",
        reason: `в строке ${record.length} значений, а в строке заголовков ${headers.length} столбцов; лишнее значение в столбце ${headers.length + extra + 1} — проверьте разделители и кавычки`,
      });
    }
    const values: Record<string, ImportValue> = {};
    const text = new Map<string, string>();
    for (const c of mapped) {
      const field = record[c.index] ?? "";
      text.set(matchKey(c.column), field);
      const converted = convertField(sheetKey, c.column, field);
      if (converted.ok) {
        values[c.column] = converted.value;
      } else {
        values[c.column] = field;
        addError({ row, column: c.header, value: field, reason: converted.reason });
      }
    }
    texts.set(row, text);
    rows.push({ row, values });
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({
      row: headerRow,
      column: "",
      value: "",
      reason: "в файле нет строк с данными под строкой заголовков",
    });
  }
  const headerOf = (column: string): string =>
    mapped.find((c) => matchKey(c.column) === matchKey(column))?.header ?? column;
  const textOf = (row: number, column: string): string =>
    texts.get(row)?.get(matchKey(column)) ?? "";

  checkUnique(sheetKey, table, rows, headerOf, textOf, addError);
  if (!errors.some((e) => e.row === 0 || e.row === headerRow)) {
    for (const issue of registerIssues(sheetKey, input.register, table, rows)) {
      if (!errorAt.has(`${issue.row}\u0000${matchKey(issue.column)}`)) {
        addError({
          row: issue.row,
          column: issue.column === "" ? "" : headerOf(issue.column),
          value: issue.column === "" ? "" : textOf(issue.row, issue.column),
          reason: issue.reason,
        });
      }
    }
  }
  const order = new Map(columns.map((c) => [c.header, c.index]));
  errors.sort((a, b) => a.row - b.row || (order.get(a.column) ?? -1) - (order.get(b.column) ?? -1));
  return {
    ...base,
    sheet,
    sheetKey,
    columns,
    rows,
    errors,
    duplicates: sheetKey === "cases" ? findDuplicates(input.register, rows, headerOf) : [],
  };
}

/** Unknown, repeated and empty-header columns, and missing required ones. */
function checkHeaders(
  sheetKey: SheetKey,
  columns: readonly ImportColumn[],
  records: readonly (readonly string[])[],
  headerIndex: number,
  errors: ImportIssue[]
): void {
  const row = headerIndex + 1;
  const sheet = SHEET[sheetKey];
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (c.header === "") {
      const used = records.slice(headerIndex + 1).some((r) => (r[c.index] ?? "").trim() !== "");
      if (used) {
        errors.push({
          row,
          column: "",
          value: "",
          reason: `у столбца ${c.index + 1} нет заголовка, а в нём есть значения; впишите название столбца листа «${sheet}»`,
        });
      }
      continue;
    }
    if (c.column === null) {
      errors.push({
        row,
        column: c.header,
        value: c.header,
        reason: `столбца «${c.header}» нет в таблице листа «${sheet}»; переименуйте его как в книге учёта или удалите из файла (столбцы листа: ${SHEET_COLUMNS[sheetKey].join(", ")})`,
      });
      continue;
    }
    const key = matchKey(c.column);
    const prior = seen.get(key);
    if (prior !== undefined) {
      errors.push({
        row,
        column: c.header,
        value: c.header,
        reason: `столбец «${c.column}» указан в файле дважды («${prior}» и «${c.header}»); оставьте один`,
      });
    }
    seen.set(key, c.header);
  }
  for (const required of IMPORT_REQUIRED[sheetKey] ?? []) {
    if (!seen.has(matchKey(required))) {
      errors.push({
        row,
        column: required,
        value: "",
        reason: `в файле нет обязательного столбца «${required}» для листа «${sheet}»`,
      });
    }
  }
}

/** «Код» of «Учёт» and «Код семьи» of «Семьи»: not already on the sheet, not twice in the file. */
function checkUnique(
  sheetKey: SheetKey,
  table: RawTable,
  rows: readonly ImportRow[],
  headerOf: (column: string) => string,
  textOf: (row: number, column: string) => string,
  addError: (issue: ImportIssue) => void
): void {
  const column = UNIQUE_COLUMN[sheetKey];
  if (!column) {
    return;
  }
  const at = table.headers.findIndex((h) => matchKey(h) === matchKey(column));
  const onSheet = new Map<string, number>();
  if (at >= 0) {
    for (const r of table.rows) {
      const v = r.cells[at];
      const text = v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v);
      if (text.trim() !== "" && !onSheet.has(matchKey(text))) {
        onSheet.set(matchKey(text), r.row);
      }
    }
  }
  const inFile = new Map<string, number>();
  for (const r of rows) {
    const text = textOf(r.row, column).trim();
    if (text === "") {
      continue;
    }
    const key = matchKey(text);
    const sheetRow = onSheet.get(key);
    const fileRow = inFile.get(key);
    if (sheetRow !== undefined) {
      addError({
        row: r.row,
        column: headerOf(column),
        value: text,
        reason: `код «${text}» уже есть на листе «${SHEET[sheetKey]}» (строка ${sheetRow}); код должен быть уникальным`,
      });
    } else if (fileRow !== undefined) {
      addError({
        row: r.row,
        column: headerOf(column),
        value: text,
        reason: `код «${text}» уже встречается в строке ${fileRow} файла; код должен быть уникальным`,
      });
    } else {
      inFile.set(key, r.row);
    }
  }
}

function toCell(v: ImportValue | undefined): Cell {
  return v === undefined ? null : v;
}

/**
 * The register's reader over the sheet with the file's rows appended (numbered from
 * NEW_ROW_BASE), limited to that sheet and the episode codes of «Учёт»: the issues of the new
 * rows, with their rows in the file.
 */
function registerIssues(
  sheetKey: SheetKey,
  register: RawSheets,
  table: RawTable,
  rows: readonly ImportRow[]
): { row: number; column: string; reason: string }[] {
  const headers = [...table.headers];
  const index = new Map(headers.map((h, i) => [matchKey(h), i] as const));
  // Columns the table lacks read as empty (a version-1 table has no version-2 columns; a
  // register missing a column it needs is refused by the command that writes it, not here).
  const wanted = [...SHEET_COLUMNS[sheetKey], ...rows.flatMap((r) => Object.keys(r.values))];
  for (const c of wanted) {
    if (!index.has(matchKey(c))) {
      index.set(matchKey(c), headers.length);
      headers.push(c);
    }
  }
  const added: RawRow[] = rows.map((r) => {
    const cells: Cell[] = new Array<Cell>(headers.length).fill(null);
    for (const [c, v] of Object.entries(r.values)) {
      cells[index.get(matchKey(c)) ?? 0] = toCell(v);
    }
    return { row: NEW_ROW_BASE + r.row, cells };
  });
  const sheet = SHEET[sheetKey];
  const merged = new Map<string, RawTable>();
  for (const [name, t] of register) {
    if (matchKey(name) !== matchKey(sheet)) {
      merged.set(name, t);
    }
  }
  merged.set(sheet, { headers, rows: [...table.rows, ...added] });
  const parsed = parseRegister(merged, {
    columns:
      sheetKey === "cases"
        ? { cases: SHEET_COLUMNS.cases }
        : { [sheetKey]: SHEET_COLUMNS[sheetKey], cases: ["Код"] },
  });
  return parsed.issues
    .filter((i) => matchKey(i.sheet) === matchKey(sheet) && i.row > NEW_ROW_BASE)
    .map((i) => ({ row: i.row - NEW_ROW_BASE, column: i.column, reason: i.message }));
}

/** The same child: surname, first name and birth date (case, ё/е and look-alikes ignored). */
function childKey(last: Cell, first: Cell, birth: Cell): string | null {
  const text = (c: Cell): string => (typeof c === "string" ? c.trim() : "");
  const date = typeof birth === "object" && birth !== null && "date" in birth ? birth.date : null;
  if (text(last) === "" || text(first) === "" || date === null) {
    return null;
  }
  return `${matchKey(text(last))}|${matchKey(text(first))}|${date}`;
}

function findDuplicates(
  register: RawSheets,
  rows: readonly ImportRow[],
  headerOf: (column: string) => string
): ImportIssue[] {
  const onSheet = new Map<string, { row: number; code: string }>();
  const cases = findTable(register, SHEET.cases);
  if (cases) {
    const col = (name: string): number =>
      cases.headers.findIndex((h) => matchKey(h) === matchKey(name));
    const [code, last, first, birth] = ["Код", "Фамилия", "Имя", "Дата рождения"].map(col);
    for (const r of cases.rows) {
      const cell = (i: number | undefined): Cell =>
        i === undefined || i < 0 ? null : (r.cells[i] ?? null);
      let b = cell(birth);
      if (typeof b === "string") {
        const converted = convertField("cases", "Дата рождения", b);
        b = converted.ok ? (converted.value as Cell) : null;
      } else if (typeof b === "number") {
        const converted = convertField("cases", "Дата рождения", String(b));
        b = converted.ok ? (converted.value as Cell) : null;
      }
      const key = childKey(cell(last), cell(first), b);
      if (key && !onSheet.has(key)) {
        const c = cell(code);
        onSheet.set(key, {
          row: r.row,
          code: c === null || typeof c === "object" ? "" : String(c),
        });
      }
    }
  }
  const inFile = new Map<string, number>();
  const out: ImportIssue[] = [];
  for (const r of rows) {
    const v = r.values;
    const key = childKey(toCell(v["Фамилия"]), toCell(v["Имя"]), toCell(v["Дата рождения"]));
    if (!key) {
      continue;
    }
    const birth = v["Дата рождения"];
    const who = `${String(v["Фамилия"]).trim()} ${String(v["Имя"]).trim()}, ${
      typeof birth === "object" && birth !== null ? formatDateRu(birth.date) : ""
    }`;
    const existing = onSheet.get(key);
    const earlier = inFile.get(key);
    if (existing) {
      out.push({
        row: r.row,
        column: headerOf("Фамилия"),
        value: who,
        reason: `этот ребёнок уже есть на листе «${SHEET.cases}» (строка ${existing.row}${existing.code ? `, код ${existing.code}` : ""})`,
      });
    } else if (earlier !== undefined) {
      out.push({
        row: r.row,
        column: headerOf("Фамилия"),
        value: who,
        reason: `этот ребёнок уже есть в строке ${earlier} файла`,
      });
    } else {
      inFile.set(key, r.row);
    }
  }
  return out;
}

/**
 * The rows to write: all of them, or, with `duplicates: "skip"`, those whose child is not a
 * duplicate. Never call with errors in the plan.
 */
export function rowsToImport(plan: ImportPlan, duplicates: "add" | "skip"): readonly ImportRow[] {
  if (duplicates === "add" || plan.duplicates.length === 0) {
    return plan.rows;
  }
  const skip = new Set(plan.duplicates.map((d) => d.row));
  return plan.rows.filter((r) => !skip.has(r.row));
}

/**
 * The import plan: what a CSV file would add to a sheet of the register, checked before anything
 * is written. Shared by `vshu import` and the task pane.
 *
 * Every row is converted (dates, numbers, list values), then checked by the register's own
 * reader (`parseRegister`) together with the rows already on the sheet — the same rules that
 * check the register after the write, so a row accepted here is a row the register accepts:
 * an unknown episode code, a level without a registration date, an unknown list value, … Unique
 * codes are checked here with messages in the file's terms. Children already on «Учёт» (the same
 * surname, first name and birth date) or twice in the file are duplicates, listed apart
 * (the checks in checks.ts, the duplicates in duplicates.ts).
 */
import type { RawSheets } from "../register/parseRegister";
import { SHEET, type SheetKey } from "../register/schema";
import { matchKey } from "../text";
import { checkHeaders, checkUnique, findTable, registerIssues } from "./checks";
import {
  fieldConverter,
  importSheetKey,
  importSheetNames,
  matchHeaders,
  type ImportColumn,
  type ImportValue,
} from "./columns";
import { findDuplicates } from "./duplicates";
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

/**
 * «строка 3, столбец «Дата рождения», значение «31.02.2012»: …»: where, then why; a problem of
 * the whole file is its reason alone. `showValue` shapes the value for the place it is shown in.
 */
export function importIssueText(
  issue: ImportIssue,
  showValue: (value: string) => string = (value) => value
): string {
  const where: string[] = [];
  if (issue.row > 0) {
    where.push(`строка ${issue.row}`);
  }
  if (issue.column !== "") {
    where.push(`столбец «${issue.column}»`);
  }
  if (issue.value !== "") {
    where.push(`значение «${showValue(issue.value)}»`);
  }
  return where.length === 0 ? issue.reason : `${where.join(", ")}: ${issue.reason}`;
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
  const errorAt = new Set<string>();
  const addError = (issue: ImportIssue): void => {
    errors.push(issue);
    errorAt.add(`${issue.row}\u0000${matchKey(issue.column)}`);
  };
  const mapped = columns
    .filter((c): c is ImportColumn & { column: string } => c.column !== null)
    .map((c) => ({ ...c, convert: fieldConverter(sheetKey, c.column) }));
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
    for (const c of mapped) {
      const field = record[c.index] ?? "";
      const converted = c.convert(field);
      if (converted.ok) {
        values[c.column] = converted.value;
      } else {
        values[c.column] = field;
        addError({ row, column: c.header, value: field, reason: converted.reason });
      }
    }
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
  const indexOf = new Map(mapped.map((c) => [matchKey(c.column), c.index] as const));
  const textOf = (row: number, column: string): string =>
    input.records[row - 1]?.[indexOf.get(matchKey(column)) ?? -1] ?? "";

  checkUnique(sheetKey, table, rows, headerOf, textOf, addError);
  if (!errors.some((e) => e.row === 0 || e.row === headerRow)) {
    const columnNames = mapped.map((c) => c.column);
    const checked = registerIssues(sheetKey, input.register, table, rows, columnNames);
    // Episode codes as «Учёт» writes them («в-1», «B-1» with a Latin B → «В-1»).
    for (const r of rows) {
      const code = checked.codes.get(r.row);
      if (code !== undefined && code !== "") {
        (r.values as Record<string, ImportValue>)["Код"] = code;
      }
    }
    for (const issue of checked.issues) {
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

/**
 * A sheet's table as CSV text for programs that only read CSV: `;` between fields, CRLF between
 * rows, dates ДД.ММ.ГГГГ, decimal commas (Russian Excel reads them as numbers).
 *
 * Formula-safe (OWASP «CSV injection»): a text cell that begins with `=`, `+`, `-`, `@`, a tab or
 * a carriage return — after any apostrophes — is written with one more apostrophe in front and
 * in quotes, so Excel shows it as text and never runs it; our import takes exactly one such
 * apostrophe off again (`unquoteFormulaText`), so export → import gives back the same text.
 * Numbers and dates are cells of their own kind and are never prefixed (−5 stays a number).
 */
import { excelSerialToIso, formatDateRu } from "../dates/isoDate";
import type { Cell } from "../register/model";
import { SHEET_COLUMNS, type SheetKey } from "../register/schema";
import { columnLayout } from "../register/layout";
import { inWindows1251 } from "./encoding";

/** Text a spreadsheet would run as a formula (or a DDE command) when it opens the file. */
export function needsFormulaGuard(text: string): boolean {
  return /^'*[=+\-@\t\r]/.test(text);
}

/** The text as written to the CSV file: an apostrophe before formula-like text. */
export function formulaSafeText(text: string): string {
  return needsFormulaGuard(text) ? `'${text}` : text;
}

/** One field: quoted when it holds the delimiter, a quote, a line break or a formula guard. */
export function csvField(text: string, delimiter: string = ";"): string {
  const safe = formulaSafeText(text);
  if (safe !== text || safe.includes(delimiter) || /["\r\n]/.test(safe)) {
    return `"${safe.replace(/"/g, '""')}"`;
  }
  return safe;
}

/**
 * A cell as the text of its field. In a date column of the contract a number is a date serial
 * (a date cell whose format was lost); elsewhere numbers keep a decimal comma.
 */
export function cellCsvText(cell: Cell | undefined, dateColumn: boolean, withTime = false): string {
  if (cell === null || cell === undefined) {
    return "";
  }
  if (typeof cell === "string") {
    return cell;
  }
  if (typeof cell === "number") {
    if (dateColumn) {
      const iso = excelSerialToIso(cell);
      if (iso) {
        return withTime ? `${formatDateRu(iso)} ${timeOfDay(cell)}` : formatDateRu(iso);
      }
    }
    return Number.isInteger(cell) ? String(cell) : String(cell).replace(".", ",");
  }
  if (typeof cell === "boolean") {
    return cell ? "ИСТИНА" : "ЛОЖЬ";
  }
  return formatDateRu(cell.date);
}

/** ЧЧ:ММ of a serial number's fraction of a day (rounded to the minute). */
function timeOfDay(serial: number): string {
  const minutes = Math.round((serial - Math.floor(serial)) * 24 * 60) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export interface CsvTable {
  /** The table's header row as it stands (the user's own columns too). */
  readonly headers: readonly string[];
  /** Data rows, cells in the order of `headers`, with their sheet row numbers. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly Cell[] }[];
}

/** A character windows-1251 cannot hold, where it stands. */
export interface Non1251 {
  /** Sheet row (the header row's number for a header). */
  readonly row: number;
  readonly column: string;
  readonly char: string;
}

const isBlankRow = (cells: readonly Cell[]): boolean =>
  cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

/**
 * The fields of every row, the header first; empty rows left out. `sheet`: the contract sheet
 * whose date columns turn serial numbers into dates (null: none does).
 */
export function csvRecords(
  sheet: SheetKey | null,
  table: CsvTable
): { row: number; fields: string[] }[] {
  const contract = new Set<string>(sheet ? SHEET_COLUMNS[sheet] : []);
  const dateColumn = table.headers.map((h) => contract.has(h) && columnLayout(h).kind === "date");
  const withTime = table.headers.map((h) => contract.has(h) && columnLayout(h).withTime === true);
  const out = [{ row: 0, fields: [...table.headers] }];
  for (const r of table.rows) {
    if (isBlankRow(r.cells)) {
      continue;
    }
    out.push({
      row: r.row,
      fields: table.headers.map((_, i) =>
        cellCsvText(r.cells[i], dateColumn[i] ?? false, withTime[i] ?? false)
      ),
    });
  }
  return out;
}

/** The CSV text of the records: `;`, CRLF after every row. */
export function toCsvText(records: readonly { fields: readonly string[] }[]): string {
  return records.map((r) => `${r.fields.map((f) => csvField(f)).join(";")}\r\n`).join("");
}

/**
 * Characters of the records that windows-1251 has no byte for (e.g. Tuvan «ө», «ү», «ң»), at most
 * `limit` of them; `headerRow` is the sheet row of the header.
 */
export function findNon1251(
  records: readonly { row: number; fields: readonly string[] }[],
  headers: readonly string[],
  headerRow: number,
  limit = 20
): Non1251[] {
  const out: Non1251[] = [];
  for (const r of records) {
    r.fields.forEach((f, i) => {
      if (out.length >= limit) {
        return;
      }
      for (const ch of f) {
        if (!inWindows1251(ch)) {
          out.push({ row: r.row === 0 ? headerRow : r.row, column: headers[i] ?? "", char: ch });
          return;
        }
      }
    });
  }
  return out;
}

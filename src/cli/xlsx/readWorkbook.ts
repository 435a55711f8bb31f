/**
 * Reads a register workbook (.xlsx) into raw tables with exceljs's streaming reader, so a
 * register of tens of thousands of rows is read in one pass with little memory. The table
 * ranges come from the package's table parts; a sheet without a table falls back to the
 * first row that carries the contract's headers.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Cell, RawRow, RawTable } from "../../core/register/model";
import { matchKey } from "../../core/text";
import { readTableMap, type TableRange } from "./tableMap";
import { openPackage } from "./xlsxPackage";

/** Options shared by the reader and the benchmark's baseline, so both do the same work. */
export const STREAM_OPTIONS = {
  worksheets: "emit",
  sharedStrings: "cache",
  styles: "ignore",
  hyperlinks: "ignore",
  entries: "ignore",
} as const;

/** Converts what exceljs gives for a cell into a register cell. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) {
    return null;
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
    return v;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) {
      return null;
    }
    // exceljs builds dates in UTC from the serial number; the calendar day is the UTC day.
    return { date: v.toISOString().slice(0, 10) };
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o["richText"])) {
      return (o["richText"] as { text?: string }[]).map((r) => r.text ?? "").join("");
    }
    if ("result" in o || "formula" in o || "sharedFormula" in o) {
      return toCell(o["result"]);
    }
    if ("text" in o) {
      return toCell(o["text"]);
    }
    if ("error" in o) {
      return String(o["error"]);
    }
  }
  return String(v);
}

/**
 * The cells of a row within the table's columns. Reads exceljs's cell list directly instead of
 * `row.values`, which would build one more sparse array per row (this runs for every row).
 */
function rowCells(row: ExcelJS.Row, limit: TableRange | null): Cell[] {
  const list = (row as unknown as { _cells?: unknown })._cells;
  if (!Array.isArray(list)) {
    const values = row.values as unknown[];
    const from = limit ? limit.left : 1;
    const to = limit ? limit.right : values.length - 1;
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => toCell(values[from + i]));
  }
  const cellsOfRow = list as ({ value: unknown } | undefined)[];
  const from = limit ? limit.left : 1;
  const to = limit ? limit.right : cellsOfRow.length;
  const cells: Cell[] = new Array<Cell>(Math.max(0, to - from + 1));
  for (let c = from; c <= to; c++) {
    const cell = cellsOfRow[c - 1];
    cells[c - from] = cell === undefined ? null : toCell(cell.value);
  }
  return cells;
}

/** The parsers of exceljs's streaming reader that `readWorkbookTables` drives itself. */
interface ReaderParts {
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: number
  ): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/**
 * Reads every sheet's table. `expectedHeaders(sheetName)` names the headers to look for when a
 * sheet has no Excel table.
 *
 * exceljs parses the XML (shared strings, then each sheet row by row); the package is opened
 * through its central directory (see xlsxPackage.ts), not by exceljs's one-pass unzip.
 */
export async function readWorkbookTables(
  path: string,
  expectedHeaders: (sheetName: string) => readonly string[]
): Promise<Map<string, RawTable>> {
  const pkg = await openPackage(await readFile(path));
  const map = await readTableMap(pkg);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    path,
    STREAM_OPTIONS
  ) as unknown as ReaderParts;
  // The sheet parser reads the workbook's properties (date system) whenever it meets a date
  // format, so the workbook part is parsed first, as exceljs's own pass would.
  const workbook = pkg.stream("xl/workbook.xml");
  if (workbook) {
    await reader._parseWorkbook(workbook);
  }
  const strings = map.sharedStrings ? pkg.stream(map.sharedStrings) : null;
  if (strings) {
    for await (const _ of reader._parseSharedStrings(strings)) {
      // 'cache' mode keeps the strings on the reader and yields nothing
    }
  }
  const out = new Map<string, RawTable>();
  for (const [i, info] of map.sheets.entries()) {
    const part = pkg.stream(info.part);
    if (!part) {
      throw new Error(`в книге нет данных листа «${info.name}» (${info.part})`);
    }
    const limit = info.table;
    const rows: RawRow[] = [];
    for (const { value: sheet } of reader._parseWorksheet(
      part as AsyncIterable<unknown> & NodeJS.ReadableStream,
      i + 1
    )) {
      for await (const row of sheet) {
        if (limit && (row.number < limit.top || row.number > limit.bottom)) {
          continue;
        }
        rows.push({ row: row.number, cells: rowCells(row, limit) });
      }
    }
    out.set(info.name, toTable(rows, limit, expectedHeaders(info.name)));
  }
  return out;
}

function toTable(rows: RawRow[], table: TableRange | null, expected: readonly string[]): RawTable {
  const headerIndex = table
    ? rows.findIndex((r) => r.row === table.top)
    : findHeaderRow(rows, expected);
  if (headerIndex < 0) {
    return { headers: [], rows: [] };
  }
  const header = rows[headerIndex];
  const headers = (header?.cells ?? []).map((v) =>
    v === null ? "" : typeof v === "object" ? v.date : String(v).trim()
  );
  return { headers, rows: rows.slice(headerIndex + 1) };
}

/** The first of the first 30 rows that holds at least half of the expected headers. */
function findHeaderRow(rows: readonly RawRow[], expected: readonly string[]): number {
  const want = new Set(expected.map(matchKey));
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const score = (rows[i]?.cells ?? []).filter(
      (v) => typeof v === "string" && want.has(matchKey(v))
    ).length;
    if (score >= Math.max(1, Math.ceil(want.size / 2))) {
      return i;
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

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
import { readTableMap, type SheetInfo, type TableRange } from "./tableMap";

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

interface Collected {
  readonly info: SheetInfo | undefined;
  readonly rows: RawRow[];
}

/**
 * Reads every sheet's table. `expectedHeaders(sheetName)` names the headers to look for when a
 * sheet has no Excel table.
 */
export async function readWorkbookTables(
  path: string,
  expectedHeaders: (sheetName: string) => readonly string[]
): Promise<Map<string, RawTable>> {
  const data = await readFile(path);
  const map = await readTableMap(data);
  const byPart = new Map(map.map((s) => [s.part, s]));
  const byName = new Map(map.map((s) => [s.name, s]));
  const collected: Collected[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, STREAM_OPTIONS);
  for await (const ws of reader) {
    const w = ws as unknown as { name: string; id: string | number } & AsyncIterable<ExcelJS.Row>;
    // The streaming reader knows a sheet's name only when workbook.xml came first in the package.
    const sheetNo = /^Sheet(\d+)$/.exec(w.name)?.[1];
    const info =
      byName.get(w.name) ?? (sheetNo ? byPart.get(`xl/worksheets/sheet${sheetNo}.xml`) : undefined);
    const limit = info?.table ?? null;
    const rows: RawRow[] = [];
    for await (const row of w) {
      if (limit && (row.number < limit.top || row.number > limit.bottom)) {
        continue;
      }
      rows.push({ row: row.number, cells: rowCells(row, limit) });
    }
    collected.push({ info, rows });
  }
  const out = new Map<string, RawTable>();
  for (const c of collected) {
    if (!c.info) {
      continue;
    }
    out.set(c.info.name, toTable(c.rows, c.info.table, expectedHeaders(c.info.name)));
  }
  // Sheets the stream did not emit (empty parts) still exist, with no rows.
  for (const s of map) {
    if (!out.has(s.name)) {
      out.set(s.name, { headers: [], rows: [] });
    }
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

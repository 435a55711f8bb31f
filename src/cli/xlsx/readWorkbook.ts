/**
 * Reads a register workbook (.xlsx) into raw tables with exceljs's streaming reader, so a
 * register of tens of thousands of rows is read in one pass with little memory. The table
 * ranges come from the package's table parts; a sheet without a table falls back to the
 * first row that carries the contract's headers.
 *
 * What the reader notices for the parser (RawTable): formulas saved without a value, and rows
 * typed directly under a table that did not grow over them (read as part of it). A file that
 * is not a workbook, or a part that does not parse or ends early, is a UserError in Russian
 * (workbookFile.ts), never the parser's message.
 */
import { Transform } from "node:stream";
import type ExcelJS from "exceljs";
import { FORMULA_VALUE_TYPE, workbookReaderClass } from "./exceljsParts";
import { rawTablesIn1900 } from "../../core/register/dateSystem";
import { isEmptyCell } from "../../core/register/cells";
import type { Cell, CellProblem, RawRow, RawTable } from "../../core/register/model";
import { matchKey } from "../../core/text";
import { UserError } from "../errors";
import { readTableMap, type PackageMap, type TableRange } from "./tableMap";
import { openWorkbookFile, workbookDamaged } from "./workbookFile";
import type { XlsxPackage } from "./xlsxPackage";

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
  if (typeof v === "number") {
    return Number.isNaN(v) ? null : v;
  }
  if (typeof v === "string" || typeof v === "boolean") {
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

/** exceljs's cell as the reader sees it: its value, and for a formula its raw model. */
interface ReaderCell {
  readonly value: unknown;
  readonly type: number;
  readonly model: { readonly result?: unknown };
}

/**
 * A formula cell: its calculated result as a register cell, or the problem. exceljs's `value`
 * drops a falsy result (0, "", false) and reads an error result (t="e", «#N/A») as NaN, so the
 * result is taken from the cell's model: undefined there means no value was saved.
 */
function formulaCell(cell: ReaderCell): { cell: Cell; problem: CellProblem["kind"] | null } {
  const result = cell.model.result;
  if (result === undefined || result === null) {
    return { cell: null, problem: "formulaWithoutValue" };
  }
  if (typeof result === "number" && Number.isNaN(result)) {
    return { cell: null, problem: "formulaError" };
  }
  if (typeof result === "object" && "error" in result) {
    return { cell: null, problem: "formulaError" };
  }
  return { cell: toCell(result), problem: null };
}

/**
 * The cells of a row within the table's columns. Reads exceljs's cell list directly instead of
 * `row.values`, which would build one more sparse array per row (this runs for every row).
 * Formula cells without a usable value go to `problems`.
 */
function rowCells(row: ExcelJS.Row, limit: TableRange | null, problems?: CellProblem[]): Cell[] {
  const list = (row as unknown as { _cells?: unknown })._cells;
  if (!Array.isArray(list)) {
    const values = row.values as unknown[];
    const from = limit ? limit.left : 1;
    const to = limit ? limit.right : values.length - 1;
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => toCell(values[from + i]));
  }
  const cellsOfRow = list as (ReaderCell | undefined)[];
  const from = limit ? limit.left : 1;
  const to = limit ? limit.right : cellsOfRow.length;
  const cells: Cell[] = new Array<Cell>(Math.max(0, to - from + 1));
  for (let c = from; c <= to; c++) {
    const cell = cellsOfRow[c - 1];
    if (cell === undefined) {
      cells[c - from] = null;
      continue;
    }
    const value = cell.value;
    if (typeof value === "object" && value !== null && cell.type === FORMULA_VALUE_TYPE) {
      const read = formulaCell(cell);
      if (read.problem && problems) {
        problems.push({ row: row.number, column: c - from, kind: read.problem });
      }
      cells[c - from] = read.cell;
      continue;
    }
    cells[c - from] = toCell(value);
  }
  return cells;
}

/** The parsers of exceljs's streaming reader that `readWorkbookTables` drives itself. */
interface ReaderParts {
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  /** `workbookPr` as parsed by `_parseWorkbook`: the date system. */
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: number
  ): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/**
 * The part's text as exceljs's parsers take it (a text stream), remembering how it ends: a part
 * cut short — well-formed up to where it stops — parses without an error, so the caller checks
 * the end. Strings pass through whole (`decodeStrings: false`), so a Cyrillic letter is never
 * split between chunks.
 */
function tracked(stream: NodeJS.ReadableStream): {
  stream: NodeJS.ReadableStream;
  ending: () => string;
} {
  let tail = "";
  const pass = new Transform({
    decodeStrings: false,
    encoding: "utf8",
    transform(chunk: string | Buffer, _encoding, done) {
      const text = typeof chunk === "string" ? chunk : chunk.toString("utf8");
      tail = (tail + text.slice(-256)).slice(-256);
      done(null, text);
    },
  });
  stream.on("error", (error: Error) => pass.destroy(error));
  return { stream: stream.pipe(pass), ending: () => tail };
}

/** Whether a part's text ends with its root element's closing tag. */
function endsWith(tail: string, root: string): boolean {
  return new RegExp(`</(?:\\w+:)?${root}>\\s*$`).test(tail);
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
  const pkg = await openWorkbookFile(path);
  let map: PackageMap;
  try {
    map = await readTableMap(pkg);
  } catch (error) {
    throw workbookDamaged(path, "не читается описание книги", String(error));
  }
  const reader = new (workbookReaderClass())(path, STREAM_OPTIONS) as unknown as ReaderParts;
  // The sheet parser reads the workbook's properties (date system) whenever it meets a date
  // format, so the workbook part is parsed first, as exceljs's own pass would.
  await readPart(path, "не читается описание книги (xl/workbook.xml)", async () => {
    const workbook = pkg.stream("xl/workbook.xml");
    if (workbook) {
      await reader._parseWorkbook(workbook);
    }
  });
  await readPart(path, "не читается таблица общих строк (xl/sharedStrings.xml)", async () => {
    const strings = map.sharedStrings ? pkg.stream(map.sharedStrings) : null;
    if (strings) {
      const part = tracked(strings);
      for await (const _ of reader._parseSharedStrings(part.stream)) {
        // 'cache' mode keeps the strings on the reader and yields nothing
      }
      if (!endsWith(part.ending(), "sst")) {
        throw new Error("shared strings end early");
      }
    }
  });
  const out = new Map<string, RawTable>();
  for (const [i, info] of map.sheets.entries()) {
    const table = await readPart(path, `не читается лист «${info.name}»`, () =>
      readSheet(pkg, reader, info.part, i + 1, info.table, expectedHeaders(info.name))
    );
    if (!table) {
      throw workbookDamaged(path, `нет данных листа «${info.name}»`);
    }
    out.set(info.name, table);
  }
  // The reader leaves date cells as serial numbers (styles are not read); a 1904 workbook's are
  // made dates here, as the add-in does, so the core's 1900 reading sees the dates shown.
  return rawTablesIn1900(out, reader.properties?.model?.date1904 === true ? 1904 : 1900);
}

/** Runs one part's parse; any failure of it is a damaged file, named by the part. */
async function readPart<T>(path: string, where: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof UserError) {
      throw error;
    }
    throw workbookDamaged(path, where, String(error));
  }
}

/** One sheet's rows within its table, the rows typed just under it, and its cell problems. */
async function readSheet(
  pkg: XlsxPackage,
  reader: ReaderParts,
  partName: string,
  sheetNo: number,
  limit: TableRange | null,
  expected: readonly string[]
): Promise<RawTable | null> {
  const stream = pkg.stream(partName);
  if (!stream) {
    return null;
  }
  const part = tracked(stream);
  const rows: RawRow[] = [];
  const problems: CellProblem[] = [];
  const below: number[] = [];
  // Rows typed directly under the table are read while they follow one another without a gap
  // and hold something within the table's columns; a table with a totals row does not grow.
  let nextBelow = limit && !limit.totalsRows ? limit.bottom + 1 : -1;
  for (const { value: sheet } of reader._parseWorksheet(
    part.stream as AsyncIterable<unknown> & NodeJS.ReadableStream,
    sheetNo
  )) {
    for await (const row of sheet) {
      if (limit && row.number < limit.top) {
        continue;
      }
      if (limit && row.number > limit.bottom) {
        if (row.number !== nextBelow) {
          nextBelow = -1;
          continue;
        }
        const rowProblems: CellProblem[] = [];
        const cells = rowCells(row, limit, rowProblems);
        if (!cells.some((c) => !isEmptyCell(c)) && rowProblems.length === 0) {
          nextBelow = -1;
          continue;
        }
        rows.push({ row: row.number, cells });
        problems.push(...rowProblems);
        below.push(row.number);
        nextBelow++;
        continue;
      }
      rows.push({ row: row.number, cells: rowCells(row, limit, problems) });
    }
  }
  if (!endsWith(part.ending(), "worksheet")) {
    throw new Error(`${partName} ends early`);
  }
  const table = toTable(rows, limit, expected);
  const dataRows = problems.length > 0 ? new Set(table.rows.map((r) => r.row)) : null;
  const located = dataRows ? problems.filter((p) => dataRows.has(p.row)) : [];
  return {
    ...table,
    ...(located.length > 0 ? { problems: located } : {}),
    ...(below.length > 0 && table.headers.length > 0 ? { rowsBelow: below } : {}),
  };
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

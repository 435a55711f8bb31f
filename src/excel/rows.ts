/**
 * Queued row writes (no sync here): appending rows to a register table and rewriting cells
 * of a row, column by header. Every written cell gets its number format before its value in
 * the same batch (see textSafe.ts). Cells of columns the record does not name are left as
 * they are (`null` in Office.js arrays: «null input in 2-D array» leaves the cell), in
 * appended rows too: rows are added blank (`rows.add` without values, or `null` rows), so a
 * calculated column the user added to a table (`=VSHU.СТАТУС([@Срок];[@Выполнено])`) fills
 * them with its formula and nothing of ours writes over it.
 */
import { matchKey } from "../core/text";
import { blockAddress, parseRangeAddress } from "./address";
import { sheetValue, type DateSystem } from "./dateSystem";
import type { HostCapabilities, TableLayout } from "./gateway";
import type { OutCell } from "./textSafe";

/** A row to write: cells by contract header. */
export type RowRecord = Readonly<Record<string, OutCell>>;

function byKey(record: RowRecord): Map<string, OutCell> {
  return new Map(Object.entries(record).map(([h, c]) => [matchKey(h), c]));
}

/**
 * Values and formats in the table's column order; `blank` where the record has no cell. Dates
 * are stored in the workbook's date system.
 */
export function rowArrays(
  headers: readonly string[],
  record: RowRecord,
  blank: "" | null,
  system: DateSystem = 1900
): { values: (string | number | boolean | null)[]; formats: (string | null)[] } {
  const cells = byKey(record);
  const values: (string | number | boolean | null)[] = [];
  const formats: (string | null)[] = [];
  for (const h of headers) {
    const cell = cells.get(matchKey(h));
    values.push(cell ? sheetValue(cell, system) : blank);
    formats.push(cell ? cell.format : null);
  }
  return { values, formats };
}

/**
 * What `queueAppend` queued: the first new row's range (its address is loaded), the row
 * expected, and — when rows were written into cells rather than added with `rows.add` (a new
 * table's empty row, a sheet without a table) — those cells as they were before the write.
 */
export interface AppendTicket {
  first: Excel.Range | null;
  readonly expected: number;
  /** The table (or plain sheet) written to, and how many records. */
  readonly layout: TableLayout;
  readonly count: number;
  readonly direct: {
    readonly before: Excel.Range;
    readonly sheet: string;
    readonly address: string;
    /** The record written there, to add as a table row instead when the cells were not empty. */
    readonly row: { values: (string | number | boolean | null)[]; formats: (string | null)[] };
    readonly table: string | null;
  } | null;
}

/**
 * After the sync: whether cells written directly were not empty when the batch ran (only the
 * cells the record wrote: the others were left as they are).
 */
export function overwroteUserCells(ticket: AppendTicket): boolean {
  if (ticket.direct === null) {
    return false;
  }
  const written = ticket.direct.row.values.map((v) => v !== null);
  const formulas = ticket.direct.before.formulas;
  return formulas.some((row) => row.some((v, i) => written[i] === true && v !== "" && v !== null));
}

/** `count` rows of `width` cells that leave every cell as it is (`null`). */
function nullRows(count: number, width: number): (string | number | boolean)[][] {
  // Office.js types say (boolean | string | number)[][]; null inside is documented to leave the
  // cell («Blank and null values in Excel add-ins»).
  return Array.from(
    { length: count },
    () => Array.from({ length: width }, () => null) as unknown as (string | number | boolean)[]
  );
}

/**
 * After the sync, for a ticket that `overwroteUserCells`: queues the user's cells back
 * (formats, then formulas) and, in a table, the record as a row added with `rows.add`.
 * Returns false when the record could not be placed (a sheet without a table).
 */
export function queueRepair(context: Excel.RequestContext, ticket: AppendTicket): boolean {
  const direct = ticket.direct;
  if (direct === null) {
    return true;
  }
  const formats = direct.before.numberFormat;
  const formulas = direct.before.formulas;
  const restore = context.workbook.worksheets.getItem(direct.sheet).getRange(direct.address);
  restore.numberFormat = formats;
  restore.formulas = formulas;
  if (direct.table === null) {
    return false;
  }
  const added = context.workbook.tables.getItem(direct.table).rows.add().getRange();
  added.numberFormat = [direct.row.formats];
  added.values = [direct.row.values];
  added.load("address");
  ticket.first = added;
  return true;
}

/** After the sync: the 1-based sheet row of the first appended row. */
export function appendedRow(ticket: AppendTicket): number {
  const address = ticket.first === null ? null : ticket.first.address;
  const parsed = address === null ? null : parseRangeAddress(address);
  return parsed ? parsed.block.top + 1 : ticket.expected;
}

/**
 * Queues rows appended to a table: `rows.add` of blank rows (one without values; several at
 * once from ExcelApi 1.4 as `null` rows, else one call per row in the same batch) — Excel
 * fills the table's calculated columns in them —, then formats, then values, both `null`
 * where the record names no cell. A sheet without an Excel table gets the rows written right
 * below its last row.
 */
export function queueAppend(
  context: Excel.RequestContext,
  layout: TableLayout,
  records: readonly RowRecord[],
  caps: HostCapabilities
): AppendTicket {
  const n = records.length;
  const width = layout.headers.length;
  const arrays = records.map((r) => rowArrays(layout.headers, r, null, layout.dateSystem));
  const expected = layout.headerRow + 2 + (layout.onlyBlankRow ? 0 : layout.bodyRows);
  if (n === 0) {
    return { first: null, expected, layout, count: 0, direct: null };
  }
  const write = (range: Excel.Range, from: number, count: number): void => {
    const part = arrays.slice(from, from + count);
    range.numberFormat = part.map((a) => a.formats);
    range.values = part.map((a) => a.values);
  };
  const directly = (
    top: number,
    count: number
  ): { range: Excel.Range; before: Excel.Range; address: string } => {
    const address = blockAddress({
      top,
      bottom: top + count - 1,
      left: layout.left,
      right: layout.left + width - 1,
    });
    const sheet = context.workbook.worksheets.getItem(layout.sheet);
    const before = sheet.getRange(address);
    before.load("formulas, numberFormat");
    return { range: sheet.getRange(address), before, address };
  };
  if (layout.table === null) {
    const top = layout.headerRow + 1 + layout.bodyRows;
    const { range, before, address } = directly(top, n);
    write(range, 0, n);
    return {
      first: null,
      expected: top + 1,
      layout,
      count: n,
      direct: {
        before,
        sheet: layout.sheet,
        address,
        row: arrays[0] as (typeof arrays)[number],
        table: null,
      },
    };
  }
  const table = context.workbook.tables.getItem(layout.table);
  // A new table's single empty body row takes the first record instead of staying empty.
  const fill = layout.onlyBlankRow ? 1 : 0;
  const ranges: Excel.Range[] = [];
  let direct: AppendTicket["direct"] = null;
  if (fill === 1) {
    const { range, before, address } = directly(layout.headerRow + 1, 1);
    write(range, 0, 1);
    ranges.push(range);
    direct = {
      before,
      sheet: layout.sheet,
      address,
      row: arrays[0] as (typeof arrays)[number],
      table: layout.table,
    };
  }
  const rest = n - fill;
  if (rest === 1 || (rest > 1 && !caps.multiRowAdd)) {
    for (let i = fill; i < n; i++) {
      const range = table.rows.add().getRange();
      write(range, i, 1);
      ranges.push(range);
    }
  } else if (rest > 1) {
    table.rows.add(undefined, nullRows(rest, width));
    const last = table.getDataBodyRange().getLastRow();
    const firstAdded = last.getOffsetRange(-(rest - 1), 0);
    write(firstAdded.getResizedRange(rest - 1, 0), fill, rest);
    ranges.push(firstAdded);
  }
  const first = ranges[0] as Excel.Range;
  first.load("address");
  return { first, expected, layout, count: n, direct };
}

/**
 * After the sync, for a write that cannot stand (its guarded row was stale): queues the removal
 * of what an append added — the cells written directly get their old content back, the table
 * rows added are deleted (last first, so the indexes stay right).
 */
export function queueUnappend(context: Excel.RequestContext, ticket: AppendTicket): void {
  if (ticket.count === 0) {
    return;
  }
  const direct = ticket.direct;
  if (direct !== null) {
    const restore = context.workbook.worksheets.getItem(direct.sheet).getRange(direct.address);
    restore.numberFormat = direct.before.numberFormat;
    restore.formulas = direct.before.formulas;
  }
  const table = ticket.layout.table;
  if (table === null) {
    return;
  }
  const filled = direct !== null ? 1 : 0;
  const firstIndex = appendedRow(ticket) - (ticket.layout.headerRow + 2);
  const rows = context.workbook.tables.getItem(table).rows;
  for (let i = ticket.count - 1; i >= filled; i--) {
    rows.getItemAt(firstIndex + i).delete();
  }
}

/** A queued rewrite of one row: the row as it was (formulas and formats loaded) and the guard. */
export interface UpdateTicket {
  readonly before: Excel.Range;
  readonly sheet: string;
  readonly address: string;
  readonly guardIndex: number;
  readonly guardText: string;
}

/**
 * Queues a rewrite of the cells of one sheet row (1-based `row`) named by the record; before
 * writing, the same batch reads the row as it is, so a stale snapshot is detected after the
 * sync (`isIntact`) and can be undone (`queueUndo`).
 */
export function queueUpdate(
  context: Excel.RequestContext,
  layout: TableLayout,
  row: number,
  record: RowRecord,
  guard: { header: string; text: string }
): UpdateTicket {
  const width = layout.headers.length;
  const address = blockAddress({
    top: row - 1,
    bottom: row - 1,
    left: layout.left,
    right: layout.left + width - 1,
  });
  const sheet = context.workbook.worksheets.getItem(layout.sheet);
  const before = sheet.getRange(address);
  before.load("formulas, numberFormat");
  const target = sheet.getRange(address);
  const { values, formats } = rowArrays(layout.headers, record, null, layout.dateSystem);
  target.numberFormat = [formats];
  target.values = [values];
  const guardIndex = layout.headers.findIndex((h) => matchKey(h) === matchKey(guard.header));
  return { before, sheet: layout.sheet, address, guardIndex, guardText: guard.text };
}

/** After the sync: whether the guard cell held the expected text when the batch ran. */
export function isIntact(ticket: UpdateTicket): boolean {
  const formulas = ticket.before.formulas;
  const cell = formulas[0]?.[ticket.guardIndex];
  return ticket.guardIndex >= 0 && matchKey(String(cell ?? "")) === matchKey(ticket.guardText);
}

/** After the sync: queues the undo of the rewrite (formats, then formulas as they were). */
export function queueUndo(context: Excel.RequestContext, ticket: UpdateTicket): void {
  const formats = ticket.before.numberFormat;
  const formulas = ticket.before.formulas;
  const undo = context.workbook.worksheets.getItem(ticket.sheet).getRange(ticket.address);
  undo.numberFormat = formats;
  undo.formulas = formulas;
}

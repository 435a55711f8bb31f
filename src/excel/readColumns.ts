/**
 * Reading only some columns of the register — what the report needs (REPORT_COLUMNS) — in as
 * few `context.sync` calls as Excel allows.
 *
 * One sync for a register laid out by «Создать книгу учёта» or `vshu init`: each table is asked
 * for by its contract name (`tblCases`, …), and in the same batch its header row, its address
 * and the wanted columns at the positions the contract gives them (adjacent columns as one
 * range). The headers then tell whether the columns really are there; a column the user moved is
 * read again at its real position in a second sync. When a table is missing or renamed, a column
 * position does not exist, or the response would pass Excel's payload limit, the batch fails
 * as a whole (nothing is written by it) and `null` tells the caller to read the register the
 * general way (names, addresses, blocks of rows: more syncs, but any layout).
 */
import type { RawRow, RawTable } from "../core/register/model";
import type { ColumnSelection } from "../core/register/parseRegister";
import {
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
  TABLE_NAME,
  type SheetKey,
} from "../core/register/schema";
import { matchKey } from "../core/text";
import { parseRangeAddress } from "./address";
import {
  queueDateSystemProbe,
  rawTablesIn1900,
  systemOfShownDates,
  type DateSystem,
} from "./dateSystem";
import type { HostCapabilities } from "./gateway";
import { isPayloadLimit, toCell } from "./tables";

type ExcelValue = string | number | boolean;

/** What the read gives: the raw tables (selected columns only) and the workbook's sheet names. */
export interface ColumnsRead {
  readonly sheets: Map<string, RawTable>;
  readonly sheetNames: readonly string[];
}

/** A run of adjacent contract columns, read as one range. */
interface Run {
  readonly from: number;
  readonly to: number;
  range?: Excel.Range;
}

interface Pending {
  readonly key: SheetKey;
  readonly wanted: readonly string[];
  readonly table: Excel.Table;
  readonly header: Excel.Range;
  readonly runs: Run[];
}

/** Runs of adjacent indexes: [0,1,2,6,9,10] → [0–2], [6], [9–10]. */
export function columnRuns(indexes: readonly number[]): Run[] {
  const sorted = [...new Set(indexes)].filter((i) => i >= 0).sort((a, b) => a - b);
  const runs: Run[] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) {
      runs[runs.length - 1] = { from: last.from, to: i };
    } else {
      runs.push({ from: i, to: i });
    }
  }
  return runs;
}

function columnsRange(body: Excel.Range, run: Run): Excel.Range {
  const first = body.getColumn(run.from);
  return run.from === run.to ? first : first.getBoundingRect(body.getColumn(run.to));
}

/** Errors that mean "this layout is not the contract's" or "too much at once": fall back. */
function isLayoutMiss(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === "ItemNotFound" ||
    code === "InvalidArgument" ||
    code === "InvalidReference" ||
    isPayloadLimit(e)
  );
}

/** Syncs; false when the batch failed because the layout is not the contract's (see above). */
async function syncUnlessLayoutMiss(context: Excel.RequestContext): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch (e) {
    if (isLayoutMiss(e)) {
      return false;
    }
    throw e;
  }
}

/**
 * Reads the selected columns of the selected sheets (1 sync; 2 when columns were moved), the
 * workbook's date system in the same batch (dates of a 1904 workbook come out as dates; on
 * ExcelApi 1.1 from the text of «Настройки»' dates). Returns null when the workbook is not laid
 * out by the contract's table names, the data is too large for one response, or the date system
 * is not known — the caller then reads the register the general way.
 */
export async function readSelectedColumns(
  context: Excel.RequestContext,
  selection: ColumnSelection,
  caps: Pick<HostCapabilities, "excelApi">
): Promise<ColumnsRead | null> {
  const probed = queueDateSystemProbe(context, caps);
  // ExcelApi 1.1: the date system from the text «Настройки» shows for its dates, same batch.
  const settingsTable =
    caps.excelApi < 2 ? context.workbook.tables.getItem(TABLE_NAME.settings) : null;
  const settingsShown =
    settingsTable?.getHeaderRowRange().getBoundingRect(settingsTable.getDataBodyRange()) ?? null;
  settingsShown?.load("values, text");
  const system = (): DateSystem | null =>
    probed() ??
    (settingsShown ? systemOfShownDates(settingsShown.values, settingsShown.text) : null);
  const names = context.workbook.worksheets;
  names.load("items/name");
  const pending: Pending[] = [];
  for (const key of SHEET_ORDER) {
    const wanted = selection[key];
    if (!wanted) {
      continue;
    }
    const table = context.workbook.tables.getItem(TABLE_NAME[key]);
    // The header row and the body (never the totals row, which is not data).
    const header = table.getHeaderRowRange().load("values, address");
    const body = table.getDataBodyRange();
    const runs = columnRuns(wanted.map((c) => SHEET_COLUMNS[key].indexOf(c)));
    for (const run of runs) {
      run.range = columnsRange(body, run).load("values");
    }
    pending.push({ key, wanted, table, header, runs });
  }
  if (!(await syncUnlessLayoutMiss(context))) {
    return null;
  }
  const dateSystem = system();
  if (dateSystem === null) {
    return null;
  }

  // Where each wanted column really is, and which ones must be read again at that place.
  const located = pending.map((p) => {
    const headers = ((p.header.values[0] ?? []) as unknown[]).map((v) => String(v ?? "").trim());
    const at = new Map<string, number>();
    headers.forEach((h, i) => {
      const k = matchKey(h);
      if (k !== "" && !at.has(k)) {
        at.set(k, i);
      }
    });
    const columns: { name: string; values: () => readonly (readonly ExcelValue[])[] }[] = [];
    const again: Excel.Range[] = [];
    for (const name of p.wanted) {
      const real = at.get(matchKey(name));
      if (real === undefined) {
        continue; // missing: the parse reports it
      }
      const assumed = SHEET_COLUMNS[p.key].indexOf(name);
      const run = p.runs.find((r) => r.from <= assumed && assumed <= r.to);
      if (real === assumed && run?.range) {
        const range = run.range;
        const offset = assumed - run.from;
        columns.push({
          name: headers[real] ?? name,
          values: () => (range.values as ExcelValue[][]).map((row) => [row[offset] as ExcelValue]),
        });
      } else {
        const range = p.table.getDataBodyRange().getColumn(real).load("values");
        again.push(range);
        columns.push({
          name: headers[real] ?? name,
          values: () => range.values as ExcelValue[][],
        });
      }
    }
    return { p, columns, again };
  });
  if (located.some((l) => l.again.length > 0) && !(await syncUnlessLayoutMiss(context))) {
    return null;
  }

  const sheets = new Map<string, RawTable>();
  for (const { p, columns } of located) {
    const block = parseRangeAddress(p.header.address)?.block;
    const top = block ? block.top : 0;
    const data = columns.map((c) => c.values());
    const count = data.reduce((n, d) => Math.max(n, d.length), 0);
    const rows: RawRow[] = new Array<RawRow>(count);
    for (let i = 0; i < count; i++) {
      // 1-based sheet row: the header is at `top` (0-based), the body starts below it.
      rows[i] = { row: top + 2 + i, cells: data.map((d) => toCell(d[i]?.[0])) };
    }
    sheets.set(SHEET[p.key], { headers: columns.map((c) => c.name), rows });
  }
  return {
    sheets: rawTablesIn1900(sheets, dateSystem),
    sheetNames: names.items.map((s) => s.name),
  };
}

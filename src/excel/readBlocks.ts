/**
 * Reading blocks of cells in as few syncs as Excel on the web's 5 MB limit allows: the rows of
 * every source split into slices of at most READ_CELLS_PER_SYNC cells per sync, a slice that
 * still hits the limit read again in halves.
 */
import { blockAddress, type Block } from "./address";

export type ExcelValue = string | number | boolean;

/** A sheet block to read: the sheet and its rows and columns (none: nothing to read). */
export interface BlockSource {
  readonly sheet: string;
  readonly block: Block | null;
}

/**
 * Cells read per sync. A register cell averages ~16 bytes of JSON (measured on the fake with
 * the benchmark's register), so a block is ~2.4 MB, half of Excel on the web's 5 MB limit,
 * leaving room for long notes; a block that still hits the limit is read in halves.
 */
export const READ_CELLS_PER_SYNC = 150_000;

/** A block of rows of one source read in one sync. */
interface Slice<S extends BlockSource> {
  readonly source: S;
  readonly top: number;
  readonly bottom: number;
}

/** Splits every source's rows into slices, and slices into groups of ≤ budget cells. */
export function planSlices<S extends BlockSource>(
  sources: readonly S[],
  budget: number
): Slice<S>[][] {
  const groups: Slice<S>[][] = [];
  let current: Slice<S>[] = [];
  let used = 0;
  for (const source of sources) {
    const b = source.block;
    if (!b) {
      continue;
    }
    const width = b.right - b.left + 1;
    const rowsPerSlice = Math.max(1, Math.floor(budget / width));
    for (let top = b.top; top <= b.bottom;) {
      const room = Math.max(1, Math.floor((budget - used) / width));
      const take = Math.min(room, rowsPerSlice, b.bottom - top + 1);
      current.push({ source, top, bottom: top + take - 1 });
      used += take * width;
      top += take;
      if (used + width > budget) {
        groups.push(current);
        current = [];
        used = 0;
      }
    }
  }
  if (current.length > 0) {
    groups.push(current);
  }
  return groups;
}

/** Whether Excel refused a request or a response for its size. */
export function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  // Excel on the web often reports the payload limit as a bare GeneralException (guide §5.3).
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "GeneralException"
  );
}

/** Reads the groups one sync each; a group over the payload limit is read in halves. */
export async function readGroups<S extends BlockSource>(
  context: Excel.RequestContext,
  groups: Slice<S>[][],
  out: Map<S, Map<number, ExcelValue[]>>
): Promise<void> {
  const group = groups.shift();
  if (!group) {
    return;
  }
  const ranges = group.map((slice) => {
    const b = slice.source.block as Block;
    const range = context.workbook.worksheets
      .getItem(slice.source.sheet)
      .getRange(
        blockAddress({ top: slice.top, bottom: slice.bottom, left: b.left, right: b.right })
      );
    range.load("values");
    return { slice, range };
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimit(e) || group.every((s) => s.top === s.bottom)) {
      throw e;
    }
    // Over Excel's payload limit after all (very long texts): read each slice in halves.
    const first: Slice<S>[] = [];
    const second: Slice<S>[] = [];
    for (const s of group) {
      const mid = s.top + Math.floor((s.bottom - s.top) / 2);
      first.push({ ...s, bottom: mid });
      if (mid < s.bottom) {
        second.push({ ...s, top: mid + 1 });
      }
    }
    groups.unshift(first, second);
    return readGroups(context, groups, out);
  }
  for (const { slice, range } of ranges) {
    let rows = out.get(slice.source);
    if (!rows) {
      rows = new Map();
      out.set(slice.source, rows);
    }
    (range.values as ExcelValue[][]).forEach((row, i) => rows?.set(slice.top + i, row));
  }
  return readGroups(context, groups, out);
}

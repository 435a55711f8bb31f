/**
 * What every part of the demo register is computed from: the demo date, the school year and
 * its quarters, the production calendar, and the episodes with their dates settled.
 */
import type { ProductionCalendar } from "../calendar/productionCalendar";
import { addDays, type IsoDate } from "../dates/isoDate";
import type { Cell, QuarterDates } from "../register/model";
import type { Quarter } from "../register/schema";
import type { ChildSeed, EpisodeSeed } from "./demoPeople";

export type Row = Record<string, Cell>;

export interface DemoContext {
  /** The demo date: «today» of the demo. */
  readonly on: IsoDate;
  /** The start of quarter I of the demo's school year (the report period's start). */
  readonly from: IsoDate;
  readonly startYear: number;
  readonly quarters: Readonly<Record<Quarter, QuarterDates>>;
  readonly calendar: ProductionCalendar;
}

/** An episode of «Учёт» with its code and dates. */
export interface BuiltEpisode {
  readonly seed: EpisodeSeed;
  readonly child: ChildSeed;
  readonly code: string;
  readonly birth: IsoDate;
  readonly identified: IsoDate;
  readonly registered: IsoDate | null;
  readonly removed: IsoDate | null;
  readonly removalReason: string;
}

/** A row of a sheet with every column of the contract, in order; missing values are empty. */
export function makeRow<C extends string>(
  columns: readonly C[],
  values: Partial<Record<C, Cell>>
): Row {
  const row: Row = {};
  for (const c of columns) {
    row[c] = values[c] ?? null;
  }
  return row;
}

/** A date cell. */
export function dateCell(date: IsoDate | null): Cell {
  return date === null ? null : { date };
}

/** The element at `i`, cycling through a non-empty list. */
export function cycle<T>(list: readonly T[], i: number): T {
  if (list.length === 0) {
    throw new RangeError("empty list");
  }
  return list[((i % list.length) + list.length) % list.length] as T;
}

/** Whether the episode is on the register on a date (registered by then, not removed by then). */
export const onRegister = (e: BuiltEpisode, on: IsoDate): boolean =>
  e.registered !== null && e.registered <= on && (e.removed === null || e.removed > on);

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** The next working day on or after `date` when it is not after `limit`; else `date` itself. */
export function forwardToWorking(ctx: DemoContext, date: IsoDate, limit: IsoDate): IsoDate {
  const next = ctx.calendar.nextWorkingDay(date);
  return next <= limit ? next : date;
}

/** The last working day on or before `date` when it is not before `floor`; else `date` itself. */
export function backToWorking(ctx: DemoContext, date: IsoDate, floor: IsoDate): IsoDate {
  let d = date;
  for (let i = 0; i < 14 && d >= floor; i++) {
    if (ctx.calendar.isWorkingDay(d)) {
      return d;
    }
    d = addDays(d, -1);
  }
  return date;
}

/**
 * One year of the production calendar precomputed as a table of day kinds, so that checking a
 * day is an array lookup. Sources: ТК РФ ст. 111 (Saturday and Sunday are the weekly days off
 * of a five-day week), ст. 112 ч. 1 (public holidays), ст. 112 ч. 2 (a holiday on a weekend
 * moves the day off to the next working day), ст. 112 ч. 5 and the Government's yearly decrees
 * (transfers, shipped as data), the region's own holidays (./regions.ts), and the user's own
 * days (sheet «Календарь»), which win.
 */
import { addDays, daysFromCivil, isLeapYear, toDayNumber, type IsoDate } from "../dates/isoDate";
import type { CalendarOverride } from "../register/model";
import type { CalendarYearData } from "./calendarData";
import { isLaborCodeHoliday, isNewYearHoliday, LABOR_CODE_HOLIDAYS } from "./laborCodeHolidays";
import type { RegionData } from "./regions";

/** What kind of day a date is. Only `working` and `userWorking` are working days. */
export const DAY_KIND = {
  working: 0,
  weekend: 1,
  holiday: 2,
  transferred: 3,
  nonWorking: 4,
  userOff: 5,
  userWorking: 6,
  /** A regional holiday on a day that is otherwise a working day. */
  regional: 7,
  /** A regional day off moved from a holiday on a weekend (a source confirms it). */
  regionalTransfer: 8,
} as const;

export type DayKind = (typeof DAY_KIND)[keyof typeof DAY_KIND];

/** The day kinds of one year, indexed by the day of the year (0 = 1 January). */
export interface YearTable {
  readonly year: number;
  /** Day number (days since 1970-01-01) of 1 January. */
  readonly firstDay: number;
  readonly kinds: Uint8Array;
  /** For a transferred day off: the day it was taken from. */
  readonly transferredFrom: ReadonlyMap<IsoDate, IsoDate>;
  /** The user's note for each of their days. */
  readonly notes: ReadonlyMap<IsoDate, string>;
  /**
   * The region's holidays of the year by date with their names («Шагаа»), including those that
   * fell on a day off anyway; a regional transfer names the holiday it came from.
   */
  readonly regional: ReadonlyMap<IsoDate, { readonly name: string; readonly from: IsoDate | null }>;
}

/**
 * Builds the table of one year from the shipped data (if any), the region's holidays and the
 * user's days of that year. Without data the year has only Saturdays, Sundays and the holidays
 * of ст. 112 ч. 1 (and the region's).
 * @example buildYearTable(2028, undefined, []).kinds[0] //=> DAY_KIND.holiday
 */
export function buildYearTable(
  year: number,
  data: CalendarYearData | undefined,
  overrides: readonly CalendarOverride[],
  region: RegionData | null = null
): YearTable {
  const firstDay = daysFromCivil(year, 1, 1);
  const kinds = new Uint8Array(isLeapYear(year) ? 366 : 365);
  const index = (date: IsoDate): number => {
    const i = toDayNumber(date) - firstDay;
    return i >= 0 && i < kinds.length ? i : -1;
  };
  const set = (date: IsoDate, kind: DayKind): void => {
    const i = index(date);
    if (i >= 0) {
      kinds[i] = kind;
    }
  };
  for (let i = 0; i < kinds.length; i++) {
    kinds[i] = weekdayOf(firstDay + i) >= 5 ? DAY_KIND.weekend : DAY_KIND.working;
  }
  const transferredFrom = new Map<IsoDate, IsoDate>();
  if (data) {
    for (const t of data.transfers) {
      transferredFrom.set(t.dayOff, t.from);
    }
    for (const day of data.daysOff) {
      if (isLaborCodeHoliday(day)) {
        set(day, DAY_KIND.holiday);
      } else if (transferredFrom.has(day)) {
        set(day, DAY_KIND.transferred);
      } else if (kinds[index(day)] === DAY_KIND.working) {
        set(day, DAY_KIND.nonWorking);
      }
    }
    for (const day of data.workingWeekends) {
      set(day, DAY_KIND.working);
    }
    markAutomaticTransfers(year, kinds, firstDay, transferredFrom);
  } else {
    for (const mmdd of LABOR_CODE_HOLIDAYS) {
      set(`${year}-${mmdd}`, DAY_KIND.holiday);
    }
  }
  const regional = region ? markRegionalDays(year, region, kinds, index) : new Map();
  const notes = new Map<IsoDate, string>();
  for (const o of overrides) {
    set(o.date, o.working ? DAY_KIND.userWorking : DAY_KIND.userOff);
    notes.set(o.date, o.note.trim());
  }
  return { year, firstDay, kinds, transferredFrom, notes, regional };
}

/**
 * Marks the region's holidays of a year that fall on a working day (a holiday on a day off
 * stays what it was) and the transfers a source confirms; returns every one of them by date.
 */
function markRegionalDays(
  year: number,
  region: RegionData,
  kinds: Uint8Array,
  index: (date: IsoDate) => number
): Map<IsoDate, { name: string; from: IsoDate | null }> {
  const found = new Map<IsoDate, { name: string; from: IsoDate | null }>();
  const mark = (date: IsoDate, name: string, from: IsoDate | null): void => {
    const i = index(date);
    if (i < 0) {
      return;
    }
    found.set(date, { name, from });
    if (kinds[i] === DAY_KIND.working) {
      kinds[i] = from === null ? DAY_KIND.regional : DAY_KIND.regionalTransfer;
    }
  };
  const names = new Map<IsoDate, string>();
  for (const f of region.fixed) {
    if (year >= f.since) {
      names.set(`${year}-${f.mmdd}`, f.name);
    }
  }
  for (const m of region.movable) {
    const date = m.dates.get(year);
    if (date !== undefined) {
      names.set(date, m.name);
    }
  }
  for (const [date, name] of names) {
    mark(date, name, null);
  }
  for (const t of region.transfers) {
    const name = names.get(t.from);
    if (name !== undefined) {
      mark(t.dayOff, name, t.from);
    }
  }
  return found;
}

/**
 * ст. 112 ч. 2: a holiday (other than 1–8 January) on a Saturday or Sunday moves the day off to
 * the next working day. The data lists such days as days off without naming their origin (2021
 * does so); this finds the origin for messages such as «перенесённый выходной (с 01.05.2021)».
 */
function markAutomaticTransfers(
  year: number,
  kinds: Uint8Array,
  firstDay: number,
  transferredFrom: Map<IsoDate, IsoDate>
): void {
  for (const mmdd of LABOR_CODE_HOLIDAYS) {
    const holiday = `${year}-${mmdd}`;
    const h = toDayNumber(holiday) - firstDay;
    if (isNewYearHoliday(holiday) || weekdayOf(firstDay + h) < 5) {
      continue;
    }
    for (let i = h + 1; i < kinds.length && i <= h + 7; i++) {
      const kind = kinds[i];
      if (kind === DAY_KIND.weekend || kind === DAY_KIND.holiday || kind === DAY_KIND.transferred) {
        continue;
      }
      if (kind === DAY_KIND.nonWorking) {
        kinds[i] = DAY_KIND.transferred;
        transferredFrom.set(addDays(holiday, i - h), holiday);
      }
      break;
    }
  }
}

/** ISO weekday index (0 = Monday … 6 = Sunday) of a day number; 1970-01-01 was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

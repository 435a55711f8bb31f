/**
 * The Russian production calendar shipped with the product (ru.json, a copy of
 * shared/calendar/ru.json): for 2021–2027 the days off that are not a Saturday or Sunday
 * (ТК РФ ст. 112 holidays, days moved by the Government's yearly decrees, the President's
 * non-working days of 2021) and the Saturdays or Sundays that are working days.
 */
import type { IsoDate } from "../dates/isoDate";
import ru from "./ru.json";

/** A day off moved by decree: the day off and the weekend day it was taken from. */
export interface CalendarTransfer {
  readonly dayOff: IsoDate;
  readonly from: IsoDate;
}

/** One year of the shipped calendar. */
export interface CalendarYearData {
  /** Every day off that is not an ordinary Saturday or Sunday (holidays included). */
  readonly daysOff: readonly IsoDate[];
  /** Saturdays and Sundays that are working days. */
  readonly workingWeekends: readonly IsoDate[];
  /** Pre-holiday working days shortened by one hour (ТК РФ ст. 95); not used for deadlines. */
  readonly shortenedDays: readonly IsoDate[];
  readonly transfers: readonly CalendarTransfer[];
}

/**
 * The shipped calendar by year.
 * @example SHIPPED_CALENDAR.has(2026) //=> true
 * @example SHIPPED_CALENDAR.has(2028) //=> false
 */
export const SHIPPED_CALENDAR: ReadonlyMap<number, CalendarYearData> = new Map(
  Object.entries(ru.years).map(([year, data]): [number, CalendarYearData] => [Number(year), data])
);

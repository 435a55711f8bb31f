/**
 * Which school quarter (четверть) a date belongs to, for section IV of the report
 * (shared/spec/domain.md, «The report form»): a date in the holidays between two quarters,
 * or in the summer after quarter IV, belongs to the quarter before it.
 *
 * Only the start dates matter: a quarter runs from its own start to the day before the next
 * quarter's start, so its end date («… четверть по») never changes the answer. Quarters missing
 * from the settings are skipped: their days fall to the present quarter before them (with
 * quarter II unset, November belongs to quarter I). A date before the earliest start that is set,
 * or a year or more after it (the next school year), belongs to no quarter.
 */
import { addMonths, type IsoDate } from "../dates/isoDate";
import type { QuarterDates } from "./model";
import { QUARTERS, type Quarter } from "./schema";

/** The quarters of a school year as settings hold them (a quarter without dates is absent). */
export type QuarterTable = Readonly<Partial<Record<Quarter, QuarterDates>>>;

/**
 * The school quarter a date belongs to: the set quarter with the latest start on or before the
 * date (on equal starts, the later quarter). Null before the earliest set start, from the same
 * day a year after it on, and when no quarter is set.
 * @param date - an ISO date
 * @param quarters - the quarters from the settings
 * @example quarterOf("2026-10-30", { I: { from: "2026-09-01", to: "2026-10-24" }, II: { from: "2026-11-05", to: "2026-12-28" } }) //=> "I"
 */
export function quarterOf(date: IsoDate, quarters: QuarterTable): Quarter | null {
  let found: Quarter | null = null;
  let foundStart: IsoDate = "";
  let earliest: IsoDate | null = null;
  for (const q of QUARTERS) {
    const start = quarters[q]?.from;
    if (start === undefined) {
      continue;
    }
    if (earliest === null || start < earliest) {
      earliest = start;
    }
    if (start <= date && start >= foundStart) {
      found = q;
      foundStart = start;
    }
  }
  if (earliest === null || date >= addMonths(earliest, 12)) {
    return null;
  }
  return found;
}

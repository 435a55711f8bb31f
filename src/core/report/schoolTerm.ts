/**
 * What the report's period is in the school year: a school quarter of the settings, the whole
 * school year, or neither. The title says «за II четверть 2026/2027 учебного года» only when
 * [from, to] is exactly a quarter's first and last day as «Настройки» give them.
 */
import type { QuarterDates } from "../register/model";
import { QUARTERS, type Quarter } from "../register/schema";
import type { Period } from "./episodes";
import type { SchoolTerm } from "./types";

/**
 * @param period - the report's period
 * @param quarters - the school quarters of the settings (a quarter may be missing)
 * @example schoolTermOf({ from: "2026-11-05", to: "2026-12-28" }, quarters) //=> "II"
 */
export function schoolTermOf(
  period: Period,
  quarters: Readonly<Partial<Record<Quarter, QuarterDates>>>
): SchoolTerm {
  for (const q of QUARTERS) {
    const dates = quarters[q];
    if (dates && dates.from === period.from && dates.to === period.to) {
      return q;
    }
  }
  if (quarters.I?.from === period.from && quarters.IV?.to === period.to) {
    return "year";
  }
  return null;
}

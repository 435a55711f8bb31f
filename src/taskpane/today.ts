/**
 * Today's date from the host clock, read once in the entry point and passed down as a prop
 * (components never read the clock). The local calendar day of the user's computer.
 */
import { makeIsoDate, type IsoDate } from "../core/dates/isoDate";

export function todayFromClock(now: Date): IsoDate {
  return makeIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? "2026-01-01";
}

/**
 * The only place the command line reads the clock: «today» as a calendar date in the
 * user's local time zone. The core always receives dates as parameters.
 */
import type { IsoDate } from "../core/dates/isoDate";

export function today(): IsoDate {
  const now = new Date();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${m}-${d}`;
}

/** The current instant: the send log's time stamp and the letter's date. */
export function now(): Date {
  return new Date();
}

/** The local date and time now, to the second: `YYYY-MM-DDTHH:MM:SS` («Когда» of «Журнал»). */
export function nowLocal(): `${IsoDate}T${string}` {
  const now = new Date();
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

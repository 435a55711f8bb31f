/**
 * Calendar dates as ISO strings `YYYY-MM-DD` (no time, no zone).
 *
 * Regulatory dates are calendar dates, not instants: the core never builds a `Date`, so a
 * machine's time zone can never move a deadline by a day. ISO strings also sort and compare
 * correctly as plain strings. Arithmetic goes through a day number (days since 1970-01-01)
 * computed with Howard Hinnant's civil-calendar algorithms.
 */
import { cachedBy } from "../cache";

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Day of week names used in Russian messages, Monday first (index 0 = Monday). */
export const WEEKDAY_SHORT_RU = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"] as const;

/** Whether year `y` is a leap year in the Gregorian calendar. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) {
    return isLeapYear(y) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Builds an ISO date from its parts, or null when the parts name no real day. */
export function makeIsoDate(y: number, m: number, d: number): IsoDate | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) {
    return null;
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return null;
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Splits an ISO date into numbers. The input must be a valid ISO date. */
export function isoParts(date: IsoDate): { y: number; m: number; d: number } {
  return {
    y: Number(date.slice(0, 4)),
    m: Number(date.slice(5, 7)),
    d: Number(date.slice(8, 10)),
  };
}

/** Days since 1970-01-01 of a civil date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(z: number): IsoDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Day number (days since 1970-01-01) of an ISO date. */
export function toDayNumber(date: IsoDate): number {
  const { y, m, d } = isoParts(date);
  return daysFromCivil(y, m, d);
}

/**
 * Adds whole days to a date.
 * @example addDays("2026-11-21", 2) //=> "2026-11-23"
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return civilFromDays(toDayNumber(date) + days);
}

/**
 * Adds calendar months the way ГК РФ art. 192 p. 3 counts a period in months: the same day
 * of the last month, or that month's last day when it has no such day.
 * @example addMonths("2026-01-31", 1) //=> "2026-02-28"
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = isoParts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(nd).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday index: 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: IsoDate): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return weekdayIndex(date) >= 5;
}

/**
 * Reads a date typed by a person: `ДД.ММ.ГГГГ` or `ГГГГ-ММ-ДД` (surrounding spaces allowed).
 * Returns null for anything else, including impossible days such as 31.02.2026.
 */
export function parseDateText(text: string): IsoDate | null {
  const t = text.trim();
  const iso = ISO_RE.exec(t);
  if (iso) {
    return makeIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  const ru = RU_RE.exec(t);
  if (ru) {
    return makeIsoDate(Number(ru[3]), Number(ru[2]), Number(ru[1]));
  }
  return null;
}

/** Whether a string is a valid ISO date. */
export function isIsoDate(text: string): boolean {
  return ISO_RE.test(text) && parseDateText(text) === text;
}

/**
 * Shows a date the Russian way.
 * @example formatDateRu("2026-11-23") //=> "23.11.2026"
 */
export function formatDateRu(date: IsoDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** `ДД.ММ.ГГГГ (пн)`: a date with its short weekday name. */
export function formatDateWithWeekdayRu(date: IsoDate): string {
  return `${formatDateRu(date)} (${WEEKDAY_SHORT_RU[weekdayIndex(date)] ?? ""})`;
}

/**
 * Excel's serial day number (1900 date system, days since 1899-12-30) to an ISO date.
 * A fractional part (time of day) is dropped. Returns null outside 1900–2200.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1) {
    return null;
  }
  return isoOfSerialDay(Math.floor(serial));
}

/** A register's dates fall on a few thousand days: each serial day is converted once. */
const isoOfSerialDay = cachedBy((day: number): IsoDate | null => {
  const civil = civilFromDays(day - 25569);
  return Number(civil.slice(0, 4)) > 2200 ? null : civil;
}, 100_000);

/** An ISO date as Excel's serial day number (1900 date system). */
export function isoToExcelSerial(date: IsoDate): number {
  return toDayNumber(date) + 25569;
}

/** Age in full years on a date. */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const b = isoParts(birth);
  const o = isoParts(on);
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) {
    age -= 1;
  }
  return age;
}

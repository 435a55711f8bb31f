/**
 * Excel serial dates ⇄ ISO calendar dates `YYYY-MM-DD`, by plain arithmetic.
 *
 * Excel's 1900 date system counts days from 1899-12-30 (serial 1 = 1900-01-01) and, for
 * compatibility with Lotus 1-2-3, pretends 1900 was a leap year: serial 60 is the non-existent
 * 1900-02-29, so serials 1–59 are one day off from a plain count. We map 60 to `null` and handle
 * 1–59 explicitly. A fractional part is a time of day and is dropped. No `Date` object is used,
 * so neither the clock nor the machine's time zone can shift a date (Office itself says OADate
 * has no time zone). The calendar arithmetic is the core's (src/core/dates/isoDate.ts); this
 * file adds only what is Excel's own: the 1900 leap-year bug and the range Excel can show.
 */

import { civilFromDays, daysFromCivil, daysInMonth } from "../core/dates/isoDate";

/** Serial of 1970-01-01 in Excel's 1900 date system. */
const SERIAL_OF_UNIX_EPOCH = 25569;
/** The fictitious 1900-02-29 (Lotus 1-2-3 leap-year bug). */
const FAKE_LEAP_DAY = 60;
/** Serial of 9999-12-31, the last date Excel can show. */
export const MAX_EXCEL_SERIAL = 2958465;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Excel serial date (1900 system) → `YYYY-MM-DD`; the time of day is dropped.
 * Returns `null` for anything that is not a date Excel can show: non-finite, below 1,
 * above 9999-12-31, or the fictitious 1900-02-29 (serial 60).
 */
export function excelSerialToIso(serial: number): string | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) {
    return null;
  }
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === FAKE_LEAP_DAY) {
    return null;
  }
  // Before the fake leap day Excel's count is one day ahead of the real calendar.
  const realSerial = whole < FAKE_LEAP_DAY ? whole + 1 : whole;
  return civilFromDays(realSerial - SERIAL_OF_UNIX_EPOCH);
}

/**
 * `YYYY-MM-DD` → Excel serial date (1900 system), or `null` if the string is not a real
 * calendar date from 1900-01-01 to 9999-12-31.
 */
export function isoToExcelSerial(iso: string): number | null {
  const match = ISO_RE.exec(iso);
  if (match === null) {
    return null;
  }
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return null;
  }
  const realSerial = daysFromCivil(y, m, d) + SERIAL_OF_UNIX_EPOCH;
  // 1900-01-01 … 1900-02-28 have real serials 2…60; Excel numbers them 1…59.
  return realSerial <= FAKE_LEAP_DAY ? realSerial - 1 : realSerial;
}

/**
 * Excel serial dates ⇄ ISO calendar dates `YYYY-MM-DD`, by plain arithmetic.
 *
 * Excel's 1900 date system counts days from 1899-12-30 (serial 1 = 1900-01-01) and, for
 * compatibility with Lotus 1-2-3, pretends 1900 was a leap year: serial 60 is the non-existent
 * 1900-02-29, so serials 1–59 are one day off from a plain count. We map 60 to `null` and handle
 * 1–59 explicitly. A fractional part is a time of day and is dropped. No `Date` object is used,
 * so neither the clock nor the machine's time zone can shift a date (Office itself says OADate
 * has no time zone).
 */

/** Serial of 1970-01-01 in Excel's 1900 date system. */
const SERIAL_OF_UNIX_EPOCH = 25569;
/** The fictitious 1900-02-29 (Lotus 1-2-3 leap-year bug). */
const FAKE_LEAP_DAY = 60;
/** Serial of 9999-12-31, the last date Excel can show. */
export const MAX_EXCEL_SERIAL = 2958465;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 → [year, month 1–12, day] (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** [year, month 1–12, day] → days since 1970-01-01 (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) {
    return isLeap(y) ? 29 : 28;
  }
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

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
  const [y, m, d] = civilFromDays(realSerial - SERIAL_OF_UNIX_EPOCH);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
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

/**
 * Fast checked parsing of ISO dates for the hot paths of the calendar and the deadlines
 * (tens of thousands of calls per check): character codes instead of regular expressions.
 * The arithmetic is that of ./isoDate.ts (days since 1970-01-01).
 */
import { daysFromCivil, daysInMonth, type IsoDate } from "./isoDate";

/**
 * The day number (days since 1970-01-01) of a real `YYYY-MM-DD` date, or null.
 * @example isoDayNumber("1970-01-02") //=> 1
 * @example isoDayNumber("2026-02-30") //=> null
 */
export function isoDayNumber(date: IsoDate): number | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    return null;
  }
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return null;
  }
  return daysFromCivil(y, m, d);
}

/**
 * Like {@link isoDayNumber}, but a malformed date is a programming error of the caller (the
 * adapters check every date a person typed), so it throws.
 * @throws RangeError when the text is not a real `YYYY-MM-DD` date
 * @example checkedDayNumber("2026-11-23") //=> 20780
 */
export function checkedDayNumber(date: IsoDate): number {
  const day = isoDayNumber(date);
  if (day === null) {
    throw new RangeError(`«${date}» — не дата в виде ГГГГ-ММ-ДД`);
  }
  return day;
}

/**
 * The year of a date written `YYYY-MM-DD` (−1 when its first four characters are not digits).
 * @example yearOf("2026-11-23") //=> 2026
 */
export function yearOf(date: IsoDate): number {
  return digits(date, 0, 4);
}

/** The number written by the decimal digits `text[from..to)`, or -1 if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) {
      return -1;
    }
    n = n * 10 + c;
  }
  return n;
}

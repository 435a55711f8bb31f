/**
 * Non-working public holidays of the Labour Code of the Russian Federation, art. 112 part 1
 * (ТК РФ ст. 112 ч. 1): 1–6 and 8 January (New-Year holidays), 7 January (Christmas),
 * 23 February, 8 March, 1 May, 9 May, 12 June and 4 November. These dates are fixed by law,
 * so they hold for any year, including a year whose government decree is not loaded.
 */
import type { IsoDate } from "../dates/isoDate";

/** The holidays of ТК РФ ст. 112 ч. 1 as `MM-DD`, in calendar order. */
export const LABOR_CODE_HOLIDAYS: readonly string[] = [
  "01-01",
  "01-02",
  "01-03",
  "01-04",
  "01-05",
  "01-06",
  "01-07",
  "01-08",
  "02-23",
  "03-08",
  "05-01",
  "05-09",
  "06-12",
  "11-04",
];

const HOLIDAY_SET: ReadonlySet<string> = new Set(LABOR_CODE_HOLIDAYS);

/**
 * Whether a date is a public holiday of ТК РФ ст. 112 ч. 1 (whatever the year).
 * @param date an ISO date `YYYY-MM-DD`
 * @example isLaborCodeHoliday("2028-11-04") //=> true
 * @example isLaborCodeHoliday("2028-11-06") //=> false
 * @see ТК РФ ст. 112
 */
export function isLaborCodeHoliday(date: IsoDate): boolean {
  return HOLIDAY_SET.has(date.slice(5));
}

/**
 * Whether a holiday is one of the New-Year holidays (1–8 January), which ст. 112 ч. 2 does not
 * move automatically when they fall on a weekend (the government moves them by decree).
 * @example isNewYearHoliday("2027-01-02") //=> true
 */
export function isNewYearHoliday(date: IsoDate): boolean {
  return date.slice(5, 7) === "01" && isLaborCodeHoliday(date);
}

/**
 * Which monthly report is due on a day, and how a report's period is named to people.
 *
 * The order wants each month's report by «День отчёта» (default the 5th) of the next month.
 * Decision (docs/decisions.md): the report due on a day D is always the report of the calendar
 * month before D's month. On or before «День отчёта» of D's month it is on time; after that
 * day the same month is still the one due (late), because the current month is not over and
 * its report cannot be made yet — the next month becomes due on the 1st of the following
 * month. So a job that runs every day sends each month once, on its first run in the next
 * month, and a missed run is caught up by the next one.
 */
import { daysInMonth, formatDateRu, isoParts, makeIsoDate, type IsoDate } from "../dates/isoDate";
import { MONTH_NAMES_RU } from "../dates/monthNames";

export { MONTH_NAMES_RU };

/** The month whose report is due, with the day it is due. */
export interface DuePeriod {
  /** `YYYY-MM` of the month reported. */
  readonly month: string;
  /** Its first day. */
  readonly from: IsoDate;
  /** Its last day. */
  readonly to: IsoDate;
  /** «День отчёта» of the next month (the report day, at most that month's last day). */
  readonly deadline: IsoDate;
  /** Whether `on` is after the deadline. */
  readonly late: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The first and last day of a month `YYYY-MM`. */
export function monthPeriod(month: string): { from: IsoDate; to: IsoDate } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
}

/**
 * The monthly report due on a day.
 * @param on - the day of the run
 * @param reportDay - «День отчёта» (1–31; outside that range the order's 5th is used)
 * @example duePeriod("2026-12-03", 5) //=> { month: "2026-11", from: "2026-11-01", to: "2026-11-30", deadline: "2026-12-05", late: false }
 */
export function duePeriod(on: IsoDate, reportDay: number): DuePeriod {
  const { y, m } = isoParts(on);
  const prevY = m === 1 ? y - 1 : y;
  const prevM = m === 1 ? 12 : m - 1;
  const month = `${prevY}-${pad(prevM)}`;
  const day = Number.isInteger(reportDay) && reportDay >= 1 && reportDay <= 31 ? reportDay : 5;
  const deadline = makeIsoDate(y, m, Math.min(day, daysInMonth(y, m))) ?? on;
  return { month, ...monthPeriod(month), deadline, late: on > deadline };
}

/** `YYYY-MM` when [from, to] is exactly one calendar month, else null. */
export function monthOfPeriod(from: IsoDate, to: IsoDate): string | null {
  const month = from.slice(0, 7);
  const whole = monthPeriod(month);
  return whole.from === from && whole.to === to ? month : null;
}

/**
 * The period as people name it: «ноябрь 2026» for a calendar month, else
 * «01.09.2026–24.10.2026».
 */
export function periodName(from: IsoDate, to: IsoDate): string {
  const month = monthOfPeriod(from, to);
  if (month !== null) {
    return `${MONTH_NAMES_RU[Number(month.slice(5, 7)) - 1] ?? ""} ${month.slice(0, 4)}`;
  }
  return `${formatDateRu(from)}–${formatDateRu(to)}`;
}

/** «за ноябрь 2026 г.» or «за период 01.09.2026–24.10.2026». */
export function periodPhrase(from: IsoDate, to: IsoDate): string {
  return monthOfPeriod(from, to) !== null
    ? `за ${periodName(from, to)} г.`
    : `за период ${periodName(from, to)}`;
}

/**
 * The school's own deadlines, listed beside the cases' with `"case": null`
 * (shared/spec/workbook.md, `vshu deadlines`; domain.md «Time limits»):
 * - `monthlyReport`: the report to the ministry «ежемесячно до 5 числа каждого месяца» (001,
 *   order item 3): the report for a month is due on «День отчёта» (default 5) of the next month;
 * - `quarterRegister`: the electronic register and monitoring «ежеквартально до 10 числа,
 *   следующего за отчетным месяцем» (000 II.3–4): a calendar quarter («квартал», not a school
 *   «четверть»), due on the 10th of the month after the quarter's last month.
 * Both move off non-working days by ГК РФ ст. 193, on the calendar of the school's region.
 */
import { regionKeyOf } from "../calendar/regions";
import type { ProductionCalendar } from "../calendar/productionCalendar";
import { checkedDayNumber } from "../dates/dayNumber";
import { daysInMonth, makeIsoDate, type IsoDate } from "../dates/isoDate";
import type { Settings } from "../register/model";
import { DEFAULT_REPORT_DAY } from "../register/schema";
import { settleDueDate, type DueDate } from "./computeDueDate";
import { statusOfDue, type SchoolDeadlineRow } from "./deadlineRow";
import { MONTH_NAMES_RU } from "../dates/monthNames";

/** A monthly report already sent: its period «YYYY-MM», and the day it was sent when known. */
export interface SentReport {
  readonly period: string;
  readonly date: IsoDate | null;
}

export interface SchoolDeadlineOptions {
  /**
   * The periods «YYYY-MM» of the monthly reports already sent (the log of `vshu monthly
   * --send`), plain or with the day sent. Absent: the program cannot know what was sent, and
   * lists only the report due next.
   */
  readonly sentReports?: readonly (string | SentReport)[];
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/** A month as a number of months since year 0 (so months add and compare as integers). */
type MonthIndex = number;

const monthIndexOf = (date: IsoDate): MonthIndex =>
  Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const yearOfIndex = (m: MonthIndex): number => Math.floor(m / 12);
const monthOfIndex = (m: MonthIndex): number => (m % 12) + 1;
const periodOf = (m: MonthIndex): string =>
  `${yearOfIndex(m)}-${String(monthOfIndex(m)).padStart(2, "0")}`;

/** The day `day` of a month, or the month's last day when it has fewer days. */
function dayOfMonth(m: MonthIndex, day: number): IsoDate {
  const y = yearOfIndex(m);
  const mm = monthOfIndex(m);
  return makeIsoDate(y, mm, Math.min(Math.max(1, day), daysInMonth(y, mm))) as IsoDate;
}

/**
 * The school's own deadlines on a date: the monthly report to the ministry and the quarterly
 * electronic register.
 *
 * Which instances are listed, for a person who reads the list every day:
 * - the monthly report due next (due on or after `on`) and, when `sentReports` is given, also
 *   the one due before it: «просрочено» while it is not sent, «выполнено» once it is (so an
 *   overdue report stays on the list until the next one falls due);
 * - the quarterly register due next only: the program cannot see the electronic register, so
 *   it reminds until the day and then moves on to the next quarter.
 *
 * @param settings «День отчёта», «Регион», and the people for the responsible
 * @param on the date of the check
 * @param calendar the production calendar with the user's days (counted with the settings'
 *   region, whatever region it was built with)
 * @param options the reports already sent
 * @throws RangeError when `on` is not an ISO date
 * @example
 * // on 23.11.2026, report day 5, nothing known of sending:
 * computeSchoolDeadlines(settings, "2026-11-23", calendar)
 * //=> [{ case: null, step: "monthlyReport", period: "2026-11", due: "2026-12-07", … },
 * //    { case: null, step: "quarterRegister", period: "2026-Q4", due: "2027-01-11", … }]
 * @see 001 order item 3; 000 II.3–4; ГК РФ ст. 193
 */
export function computeSchoolDeadlines(
  settings: Settings,
  on: IsoDate,
  calendar: ProductionCalendar,
  options: SchoolDeadlineOptions = {}
): SchoolDeadlineRow[] {
  checkedDayNumber(on);
  const cal = calendar.withRegion(regionKeyOf(settings.region));
  return [
    ...monthlyReports(settings, on, cal, options.sentReports),
    quarterRegister(settings, on, cal),
  ];
}

function monthlyReports(
  settings: Settings,
  on: IsoDate,
  calendar: ProductionCalendar,
  sentList: SchoolDeadlineOptions["sentReports"]
): SchoolDeadlineRow[] {
  const day = Number.isInteger(settings.reportDay) ? settings.reportDay : DEFAULT_REPORT_DAY;
  const dueOf = (period: MonthIndex): DueDate =>
    settleDueDate(dayOfMonth(period + 1, day), calendar);
  // The report for the month before `on` is due in `on`'s month; a move off a holiday may
  // carry it over, so look from two months back.
  let next = monthIndexOf(on) - 2;
  while (dueOf(next).due < on) {
    next += 1;
  }
  const sent = new Map<string, IsoDate | null>();
  for (const s of sentList ?? []) {
    const entry = typeof s === "string" ? { period: s, date: null } : s;
    sent.set(entry.period.trim(), entry.date);
  }
  const periods = sentList === undefined ? [next] : [next - 1, next];
  const responsible = settings.deputy || settings.director || "заместитель директора по ВР";
  return periods.map((period) => {
    const due = dueOf(period);
    const label = periodOf(period);
    const isSent = sent.has(label);
    return {
      case: null,
      step: "monthlyReport",
      period: label,
      due: due.due,
      done: sent.get(label) ?? null,
      status: isSent ? "выполнено" : statusOfDue(due.due, on),
      reason: due.reason,
      stepName: `отчёт в министерство за ${MONTH_NAMES_RU[monthOfIndex(period) - 1]} ${yearOfIndex(period)} г.`,
      lastDone: null,
      child: "",
      className: "",
      curator: "",
      responsible,
    };
  });
}

function quarterRegister(
  settings: Settings,
  on: IsoDate,
  calendar: ProductionCalendar
): SchoolDeadlineRow {
  // Quarter q of year y (q = 0..3) ends in month 3q + 3; its register is due on the 10th of
  // the month after.
  const dueOf = (quarter: number): DueDate =>
    settleDueDate(dayOfMonth(quarter * 3 + 3, 10), calendar);
  let quarter = Math.floor(monthIndexOf(on) / 3) - 2;
  let due = dueOf(quarter);
  while (due.due < on) {
    quarter += 1;
    due = dueOf(quarter);
  }
  const year = Math.floor(quarter / 4);
  const q = quarter - year * 4;
  return {
    case: null,
    step: "quarterRegister",
    period: `${year}-Q${q + 1}`,
    due: due.due,
    done: null,
    status: statusOfDue(due.due, on),
    reason: due.reason,
    stepName: `электронный регистр и мониторинг за ${ROMAN[q]} квартал ${year} г.`,
    lastDone: null,
    child: "",
    className: "",
    curator: "",
    responsible: settings.executor.name || "социальный педагог",
  };
}

/**
 * A due date counted by the Civil Code of the Russian Federation:
 * - ГК РФ ст. 191: a period in days starts the day after the event, so its last day is the
 *   event plus N days;
 * - ГК РФ ст. 192 п. 3: a period in months ends on the same day of the last month, or on that
 *   month's last day when it has no such day (see `addMonths`);
 * - ГК РФ ст. 193: a last day that falls on a non-working day moves to the next working day,
 *   federal or regional (the calendar's region: День Республики Тыва, Шагаа).
 */
import { checkedDayNumber, yearOf } from "../dates/dayNumber";
import { unknownYearWarning, type ProductionCalendar } from "../calendar/productionCalendar";
import {
  addDays,
  addMonths,
  civilFromDays,
  formatDateRu,
  formatDateWithWeekdayRu,
  type IsoDate,
} from "../dates/isoDate";

/** A period in whole days or whole months. */
export type Period = { readonly days: number } | { readonly months: number };

/** A due date with the nominal last day it came from and, when useful, why they differ. */
export interface DueDate {
  /** The last day of the period after ГК РФ ст. 193. */
  readonly due: IsoDate;
  /** The last day of the period before ГК РФ ст. 193. */
  readonly nominal: IsoDate;
  /**
   * Russian: the move («срок перенесён с … на …», naming a regional day off it skipped) and/or
   * the calendar's warnings (a year not loaded, a regional holiday of unknown date).
   */
  readonly reason: string | null;
}

/**
 * The last day of a period that starts with an event.
 * @param event the date of the event (identification, registration, last completion)
 * @param period whole days (ст. 191) or whole months (ст. 192)
 * @param calendar the production calendar for ст. 193
 * @throws RangeError for a malformed date or a period that is not a whole number ≥ 0
 * @example
 * computeDueDate("2026-11-14", { days: 7 }, createProductionCalendar())
 * //=> { due: "2026-11-23", nominal: "2026-11-21",
 * //     reason: "срок перенесён с 21.11.2026 (сб) на 23.11.2026 (пн)" }
 * @see ГК РФ ст. 191, 192, 193
 */
export function computeDueDate(
  event: IsoDate,
  period: Period,
  calendar: ProductionCalendar
): DueDate {
  const day = checkedDayNumber(event);
  const amount = "days" in period ? period.days : period.months;
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(`срок «${amount}» — ожидается целое неотрицательное число`);
  }
  const nominal =
    "days" in period ? civilFromDays(day + period.days) : addMonths(event, period.months);
  return settleDueDate(nominal, calendar);
}

/**
 * Applies ГК РФ ст. 193 to a nominal last day: a non-working day moves to the next working
 * day. The reason names the regional days off it skipped, warns when a year involved has no
 * loaded calendar, and adds the calendar's notes on the due day (`ProductionCalendar.notesOn`).
 * @example
 * settleDueDate("2026-12-31", createProductionCalendar())
 * //=> { due: "2027-01-11", nominal: "2026-12-31",
 * //     reason: "срок перенесён с 31.12.2026 (чт) на 11.01.2027 (пн)" }
 * @see ГК РФ ст. 193
 */
export function settleDueDate(nominal: IsoDate, calendar: ProductionCalendar): DueDate {
  const due = calendar.nextWorkingDay(nominal);
  const notes: string[] = [];
  if (due !== nominal) {
    const move = `срок перенесён с ${formatDateWithWeekdayRu(nominal)} на ${formatDateWithWeekdayRu(due)}`;
    const regional: string[] = [];
    if (calendar.region !== "federal") {
      for (let day = nominal; day < due; day = addDays(day, 1)) {
        const why = calendar.regionalDay(day);
        if (why !== null) {
          regional.push(`${formatDateRu(day)} — ${why}`);
        }
      }
    }
    notes.push(regional.length > 0 ? `${move}: ${regional.join(", ")}` : move);
  }
  const lastYear = yearOf(due);
  for (let year = yearOf(nominal); year <= lastYear; year++) {
    if (!calendar.isKnownYear(year)) {
      notes.push(unknownYearWarning(year));
    }
  }
  notes.push(...calendar.notesOn(due));
  return { due, nominal, reason: notes.length > 0 ? notes.join("; ") : null };
}

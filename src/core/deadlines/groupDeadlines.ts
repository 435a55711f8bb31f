/**
 * The «Сроки» view of the task pane: what needs attention now — overdue steps, steps due
 * today, and steps due within the next 7 days (statuses of shared/spec/workbook.md).
 */
import { addDays, type IsoDate } from "../dates/isoDate";
import type { DeadlineRow, ListedDeadline } from "./deadlineRow";

/** The «Сроки» groups; each is sorted by due date, then by the order of the input rows. */
export interface DeadlineGroups<T extends ListedDeadline = DeadlineRow> {
  readonly overdue: T[];
  readonly today: T[];
  /** Due after `on` and no later than `on` + 7 days. */
  readonly nextWeek: T[];
}

/**
 * Groups the rows of {@link computeDeadlines} (and of the school's own deadlines) for the «Сроки» view; done steps and steps due
 * later than a week ahead are left out.
 * @param rows deadline rows computed on `on`
 * @param on the date of the check (the same one the rows were computed on)
 * @example
 * groupDeadlines(rows, "2026-11-23")
 * //=> { overdue: [rows due before 23.11], today: [rows due 23.11], nextWeek: [rows due 24.11–30.11] }
 */
export function groupDeadlines<T extends ListedDeadline = DeadlineRow>(
  rows: readonly T[],
  on: IsoDate
): DeadlineGroups<T> {
  const weekEnd = addDays(on, 7);
  const pending = rows.filter((r) => r.status !== "выполнено");
  const byDue = (list: T[]): T[] =>
    list.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return {
    overdue: byDue(pending.filter((r) => r.due < on)),
    today: byDue(pending.filter((r) => r.due === on)),
    nextWeek: byDue(pending.filter((r) => r.due > on && r.due <= weekEnd)),
  };
}

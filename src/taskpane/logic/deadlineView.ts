/**
 * The «Сроки» view: the register's deadline rows on a date, grouped into overdue / today /
 * the next 7 days (computeDeadlines + groupDeadlines), with the child's name for each row.
 */
import { createProductionCalendar } from "../../core/calendar/productionCalendar";
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import { computeDeadlines } from "../../core/deadlines/computeDeadlines";
import type { DeadlineRow } from "../../core/deadlines/deadlineRow";
import { groupDeadlines } from "../../core/deadlines/groupDeadlines";
import type { Episode, Register } from "../../core/register/model";

export interface DeadlineItem {
  /** Stable key for React and for tests: «В-3:order». */
  readonly key: string;
  readonly row: DeadlineRow;
  readonly childName: string;
  readonly dueText: string;
}

export interface DeadlineSection {
  readonly id: "overdue" | "today" | "nextWeek";
  readonly title: string;
  readonly items: readonly DeadlineItem[];
}

/** «Иванов Иван Иванович», or the code when the row has no name. */
export function childName(episode: Episode | undefined): string {
  if (episode === undefined) {
    return "";
  }
  return [episode.lastName, episode.firstName, episode.patronymic]
    .filter((s) => s !== "")
    .join(" ");
}

/** The three sections of «Сроки» on a date. */
export function buildDeadlineView(register: Register, on: IsoDate): DeadlineSection[] {
  const calendar = createProductionCalendar(register.calendar);
  const groups = groupDeadlines(computeDeadlines(register, on, calendar), on);
  const byCode = new Map(register.episodes.map((e) => [e.code, e]));
  const items = (rows: readonly DeadlineRow[]): DeadlineItem[] =>
    rows.map((row) => ({
      key: `${row.case}:${row.step}`,
      row,
      childName: childName(byCode.get(row.case)),
      dueText: formatDateRu(row.due),
    }));
  return [
    { id: "overdue", title: "Просрочено", items: items(groups.overdue) },
    { id: "today", title: "Сегодня", items: items(groups.today) },
    { id: "nextWeek", title: "Ближайшие 7 дней", items: items(groups.nextWeek) },
  ];
}

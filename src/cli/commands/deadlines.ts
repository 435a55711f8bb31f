/**
 * `vshu deadlines BOOK.xlsx [--on YYYY-MM-DD] [--json]`: every regulated step of every open
 * episode with its due date on the Russian production calendar.
 */
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import { createProductionCalendar } from "../../core/calendar/productionCalendar";
import {
  computeDeadlines,
  toDeadlinesJson,
  type DeadlineJson,
  type DeadlineRow,
} from "../../core/deadlines";
import { pluralRu } from "../../core/text";
import { readRegister } from "../xlsx/readRegister";

export interface DeadlinesOptions {
  readonly book: string;
  readonly on: IsoDate;
}

export async function runDeadlines(
  opts: DeadlinesOptions
): Promise<{ rows: DeadlineRow[]; json: DeadlineJson[] }> {
  const register = await readRegister(opts.book);
  const calendar = createProductionCalendar(register.calendar);
  const rows = computeDeadlines(register, opts.on, calendar);
  return { rows, json: toDeadlinesJson(rows) };
}

/** One step as a line: case, step, due date, status and why the date moved. */
function line(r: DeadlineRow): string {
  const done = r.done
    ? `выполнено ${formatDateRu(r.done)}`
    : r.lastDone
      ? `последний раз ${formatDateRu(r.lastDone)}`
      : "";
  return ["  " + r.case, r.stepName, `срок ${formatDateRu(r.due)}`, r.status, done, r.reason ?? ""]
    .filter((p) => p !== "")
    .join(" | ");
}

/**
 * The deadlines for the terminal, in Russian: what needs attention first (overdue, today),
 * then what is coming, then the steps already done.
 */
export function formatDeadlinesText(rows: readonly DeadlineRow[], on: IsoDate): string {
  if (rows.length === 0) {
    return `На ${formatDateRu(on)} открытых случаев нет.`;
  }
  const sections: [DeadlineRow["status"], string][] = [
    ["просрочено", "Просрочено"],
    ["сегодня", "Срок сегодня"],
    ["предстоит", "Предстоит"],
    ["выполнено", "Выполнено"],
  ];
  const out = [
    `Сроки на ${formatDateRu(on)}: ${rows.length} ${pluralRu(rows.length, ["шаг", "шага", "шагов"])}`,
  ];
  for (const [status, title] of sections) {
    const list = rows.filter((r) => r.status === status);
    out.push("", `${title}: ${list.length}`);
    const sorted =
      status === "выполнено"
        ? list
        : [...list].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    out.push(...sorted.map(line));
  }
  return out.join("\n");
}

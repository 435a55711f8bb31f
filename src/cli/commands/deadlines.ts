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

/** The deadlines as a table for the terminal, in Russian. */
export function formatDeadlinesText(rows: readonly DeadlineRow[], on: IsoDate): string {
  if (rows.length === 0) {
    return `На ${formatDateRu(on)} открытых случаев нет.`;
  }
  const counts = new Map<string, number>();
  for (const r of rows) {
    counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  }
  const lines = rows.map((r) => {
    const done = r.done
      ? `выполнено ${formatDateRu(r.done)}`
      : r.lastDone
        ? `последний раз ${formatDateRu(r.lastDone)}`
        : "";
    const parts = [
      r.case,
      r.stepName,
      `срок ${formatDateRu(r.due)}`,
      r.status,
      done,
      r.reason ?? "",
    ].filter((p) => p !== "");
    return parts.join(" | ");
  });
  const summary = ["просрочено", "сегодня", "предстоит", "выполнено"]
    .map((s) => `${s}: ${counts.get(s) ?? 0}`)
    .join(", ");
  return [`Сроки на ${formatDateRu(on)}`, ...lines, `Итого ${rows.length} (${summary})`].join("\n");
}

/**
 * The JSON of `vshu deadlines --json` (shared/spec/workbook.md): a list of
 * `{ "case", "step", "due", "done", "status" }` — the contract's keys, first and in its order —
 * followed by the fields a person needs (README «vshu deadlines»): `child`, `class`,
 * `curator`, `responsible`, `period`, `lastDone`, `note`. Every item has every key (null when
 * empty), and no value is an object, so the list prints one element a line. The step's Russian
 * name is left out: it follows from `step` (README), and 10 000 episodes would print 5 MB of it.
 */
import type { IsoDate } from "../dates/isoDate";
import type { SchoolStepKey, StepKey } from "../register/schema";
import type { DeadlineStatus, ListedDeadline } from "./deadlineRow";

/** One item of `vshu deadlines --json`. */
export interface DeadlineJson {
  /** The episode's code; null for the school's own deadlines. */
  readonly case: string | null;
  readonly step: StepKey | SchoolStepKey;
  readonly due: IsoDate;
  readonly done: IsoDate | null;
  readonly status: DeadlineStatus;
  /** «Фамилия Имя Отчество» of the child. */
  readonly child: string | null;
  /** «Класс». */
  readonly class: string | null;
  /** The episode's «Куратор». */
  readonly curator: string | null;
  /** Who answers for the step (see `DeadlineRow.responsible`). */
  readonly responsible: string | null;
  /** The school's deadlines: «2026-11» (monthly report) or «2026-Q4» (quarterly register). */
  readonly period: string | null;
  /** The latest «Выполнено» date of the step (for a recurring step, its last completion). */
  readonly lastDone: IsoDate | null;
  /** Why the due date moved, and the calendar's warnings, in Russian. */
  readonly note: string | null;
}

const orNull = (text: string): string | null => (text === "" ? null : text);

/**
 * Each row as the JSON item: the contract's keys first, in the contract's order.
 * @example
 * toDeadlinesJson(rows)
 * //=> [{ case: "В-1", step: "order", due: "2026-11-16", done: null, status: "просрочено",
 * //      child: "Монгуш Айдыс", class: "5А", curator: null,
 * //      responsible: "заместитель директора по ВР", period: null, lastDone: null, note: null }]
 */
export function toDeadlinesJson(rows: readonly ListedDeadline[]): DeadlineJson[] {
  return rows.map((r) => ({
    case: r.case,
    step: r.step,
    due: r.due,
    done: r.done,
    status: r.status,
    child: orNull(r.child),
    class: orNull(r.className),
    curator: orNull(r.curator),
    responsible: orNull(r.responsible),
    period: r.case === null ? r.period : null,
    lastDone: r.lastDone,
    note: r.reason,
  }));
}

/**
 * The result rows of the deadline check (shared/spec/workbook.md, `vshu deadlines`): one row
 * per regulated step of an open episode, with the status names of the contract.
 */
import type { IsoDate } from "../dates/isoDate";
import type { StepKey } from "../register/schema";

/** The status of a step on a date, as `vshu deadlines` prints it. */
export type DeadlineStatus = "выполнено" | "просрочено" | "сегодня" | "предстоит";

/** One regulated step of one open episode. */
export interface DeadlineRow {
  /** The episode's code («Код» of «Учёт»). */
  readonly case: string;
  readonly step: StepKey;
  /** For a recurring step, the next due date. */
  readonly due: IsoDate;
  /** For a one-time step, its latest «Выполнено» date; always null for a recurring step. */
  readonly done: IsoDate | null;
  readonly status: DeadlineStatus;
  /** Why `due` differs from the nominal day, and/or an unloaded-calendar warning (Russian). */
  readonly reason: string | null;
  /** The step's Russian name, e.g. «приказ о постановке на учёт». */
  readonly stepName: string;
  /** The latest «Выполнено» date of this step for this episode (any step kind), or null. */
  readonly lastDone: IsoDate | null;
}

/**
 * The status of a step that is not done: by its due date compared with the date of the check.
 * @example statusOfDue("2026-11-20", "2026-11-23") //=> "просрочено"
 * @example statusOfDue("2026-11-23", "2026-11-23") //=> "сегодня"
 * @example statusOfDue("2026-11-24", "2026-11-23") //=> "предстоит"
 */
export function statusOfDue(due: IsoDate, on: IsoDate): Exclude<DeadlineStatus, "выполнено"> {
  return due < on ? "просрочено" : due === on ? "сегодня" : "предстоит";
}

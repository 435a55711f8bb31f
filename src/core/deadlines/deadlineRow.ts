/**
 * The result rows of the deadline check (shared/spec/workbook.md, `vshu deadlines`): one row
 * per regulated step of an open episode, and the school's own deadlines (`"case": null`), with
 * the status names of the contract and what a person needs to act on a line: the child's
 * name, class and curator, or the person responsible.
 */
import type { IsoDate } from "../dates/isoDate";
import type { SchoolStepKey, StepKey } from "../register/schema";

/** The status of a step on a date, as `vshu deadlines` prints it. */
export type DeadlineStatus = "выполнено" | "просрочено" | "сегодня" | "предстоит";

/** What every deadline row has, whether a case's step or the school's own deadline. */
interface DeadlineRowBase {
  /** For a recurring step, the next due date. */
  readonly due: IsoDate;
  /**
   * For a one-time step, its latest «Выполнено» date; always null for a recurring step; for a
   * monthly report sent, the date it was sent (null when only the period is known).
   */
  readonly done: IsoDate | null;
  readonly status: DeadlineStatus;
  /**
   * Why `due` differs from the nominal day, and/or the calendar's warnings (a year not loaded,
   * a regional holiday of unknown date), in Russian.
   */
  readonly reason: string | null;
  /** The step's Russian name, e.g. «приказ о постановке на учёт». */
  readonly stepName: string;
  /** The latest «Выполнено» date of this step for this episode (any step kind), or null. */
  readonly lastDone: IsoDate | null;
  /** «Фамилия Имя Отчество» of the child; "" for the school's own deadlines or without a name. */
  readonly child: string;
  /** «Класс» of the child; "" when empty or for the school's own deadlines. */
  readonly className: string;
  /** The episode's «Куратор»; "" when none is named (and for the school's own deadlines). */
  readonly curator: string;
  /**
   * Who answers for this step: the «Ответственный» of the episode's «Мероприятия» row for the
   * step, else that of «Регламент»; for the school's deadlines, the person of «Настройки».
   */
  readonly responsible: string;
}

/** One regulated step of one open episode. */
export interface DeadlineRow extends DeadlineRowBase {
  /** The episode's code («Код» of «Учёт»). */
  readonly case: string;
  readonly step: StepKey;
}

/** One deadline of the school itself: the monthly report, the quarterly electronic register. */
export interface SchoolDeadlineRow extends DeadlineRowBase {
  readonly case: null;
  readonly step: SchoolStepKey;
  /** The period it is for: «2026-11» (a month) or «2026-Q4» (a calendar quarter). */
  readonly period: string;
}

/** Any row of the deadline list. */
export type ListedDeadline = DeadlineRow | SchoolDeadlineRow;

/**
 * Who a person reading the list should see beside a line: the curator, else the responsible.
 * @example personOf({ curator: "", responsible: "социальный педагог" }) //=> "социальный педагог"
 */
export function personOf(row: Pick<DeadlineRowBase, "curator" | "responsible">): string {
  return row.curator !== "" ? row.curator : row.responsible;
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

/**
 * The JSON of `vshu deadlines --json` (shared/spec/workbook.md): a list of
 * `{ "case", "step", "due", "done", "status" }` and nothing else.
 */
import type { IsoDate } from "../dates/isoDate";
import type { StepKey } from "../register/schema";
import type { DeadlineRow, DeadlineStatus } from "./deadlineRow";

/** One item of `vshu deadlines --json`. */
export interface DeadlineJson {
  readonly case: string;
  readonly step: StepKey;
  readonly due: IsoDate;
  readonly done: IsoDate | null;
  readonly status: DeadlineStatus;
}

/**
 * Keeps exactly the contract's keys of each row, in the contract's order.
 * @example
 * toDeadlinesJson(rows)
 * //=> [{ case: "В-1", step: "order", due: "2026-11-16", done: null, status: "просрочено" }]
 */
export function toDeadlinesJson(rows: readonly DeadlineRow[]): DeadlineJson[] {
  return rows.map((r) => ({
    case: r.case,
    step: r.step,
    due: r.due,
    done: r.done,
    status: r.status,
  }));
}

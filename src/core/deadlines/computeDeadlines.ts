/**
 * Every regulated step of every open episode on a date (shared/spec/workbook.md,
 * `vshu deadlines`), with the time limits of shared/spec/domain.md — 000 II.1, III.1,
 * III.3–III.5, I.2, I.3 and 001 annex 5 (see ./steps.ts) — counted by ГК РФ ст. 191, 192, 193.
 */
import { isIsoDate, type IsoDate } from "../dates/isoDate";
import type { ProductionCalendar } from "../calendar/productionCalendar";
import type { Action, Episode, Register, Settings } from "../register/model";
import type { StepKey } from "../register/schema";
import { matchKey } from "../text";
import { computeDueDate, settleDueDate, type DueDate } from "./computeDueDate";
import { statusOfDue, type DeadlineRow } from "./deadlineRow";
import { compareNaturalKeys, naturalKey } from "./naturalCompare";
import { nextQuarterEnd } from "./nextQuarterEnd";
import { STEP_DEFINITIONS, type StepDefinition } from "./steps";

/**
 * Whether an episode is open on a date: identified by then and not removed by then.
 * @example isOpenOn({ identified: "2026-11-02", removed: "2026-11-23" }, "2026-11-23") //=> false
 */
export function isOpenOn(episode: Pick<Episode, "identified" | "removed">, on: IsoDate): boolean {
  return episode.identified !== null && episode.identified <= on && (episode.removed === null || episode.removed > on);
}

/**
 * The registration date when the episode is registered by the date (level and registration
 * date present, registration date ≤ date), else null.
 * @example registeredOn({ level: 1, registered: "2026-11-10" }, "2026-11-09") //=> null
 */
export function registeredOn(episode: Pick<Episode, "level" | "registered">, on: IsoDate): IsoDate | null {
  return episode.level !== null && episode.registered !== null && episode.registered <= on ? episode.registered : null;
}

/**
 * The deadline rows of a register on a date: for each open episode (natural order of codes)
 * its steps in `STEPS` order. The registration order appears for every open episode; the other
 * steps once the episode is registered. A one-time step is «выполнено» when «Мероприятия» has a
 * row of that episode and step with a «Выполнено» date (any date: completions are not
 * filtered by `on`). A recurring step is due a period after its last completion, or after
 * registration, and has the status of that next due date; a plan review with no quarter end
 * ahead has no row.
 *
 * @param register the register (episodes, actions, settings.quarters are used)
 * @param on the date of the check
 * @param calendar the production calendar (built from `register.calendar` by the caller)
 * @throws RangeError when `on` is not an ISO date
 * @example
 * computeDeadlines(register, "2026-11-23", createProductionCalendar(register.calendar))
 * //=> [{ case: "В-1", step: "order", due: "2026-11-16", done: null, status: "просрочено",
 * //      reason: null, stepName: "приказ о постановке на учёт", lastDone: null }, …]
 * @see ГК РФ ст. 191, 192, 193
 */
export function computeDeadlines(register: Register, on: IsoDate, calendar: ProductionCalendar): DeadlineRow[] {
  if (!isIsoDate(on)) {
    throw new RangeError(`«${on}» — не дата в виде ГГГГ-ММ-ДД`);
  }
  const completions = latestCompletions(register.actions);
  const open = register.episodes
    .filter((episode) => isOpenOn(episode, on))
    .map((episode) => ({ episode, key: naturalKey(episode.code) }))
    .sort((a, b) => compareNaturalKeys(a.key, b.key));
  const rows: DeadlineRow[] = [];
  for (const { episode } of open) {
    const done = completions.get(matchKey(episode.code));
    for (const step of STEP_DEFINITIONS) {
      const row = stepRow(episode, step, done?.get(step.key) ?? null, on, register.settings, calendar);
      if (row) {
        rows.push(row);
      }
    }
  }
  return rows;
}

function stepRow(
  episode: Episode,
  step: StepDefinition,
  lastDone: IsoDate | null,
  on: IsoDate,
  settings: Settings,
  calendar: ProductionCalendar,
): DeadlineRow | null {
  const rule = step.rule;
  const registered = registeredOn(episode, on);
  let due: DueDate;
  if (rule.kind === "once") {
    const from = rule.from === "identification" ? episode.identified : registered;
    if (from === null) {
      return null;
    }
    due = computeDueDate(from, rule.period, calendar);
  } else {
    if (registered === null) {
      return null;
    }
    const base = lastDone ?? registered;
    if (rule.kind === "recurring") {
      due = computeDueDate(base, rule.period, calendar);
    } else {
      const end = nextQuarterEnd(settings.quarters, base);
      if (end === null) {
        return null;
      }
      due = settleDueDate(end, calendar);
    }
  }
  const done = rule.kind === "once" ? lastDone : null;
  return {
    case: episode.code,
    step: step.key,
    due: due.due,
    done,
    status: done !== null ? "выполнено" : statusOfDue(due.due, on),
    reason: due.reason,
    stepName: step.name,
    lastDone,
  };
}

/** The latest «Выполнено» date by episode code (match key) and step. */
function latestCompletions(actions: readonly Action[]): Map<string, Map<StepKey, IsoDate>> {
  const byCase = new Map<string, Map<StepKey, IsoDate>>();
  for (const action of actions) {
    if (action.step === null || action.done === null) {
      continue;
    }
    const key = matchKey(action.caseCode);
    let steps = byCase.get(key);
    if (!steps) {
      steps = new Map();
      byCase.set(key, steps);
    }
    const previous = steps.get(action.step);
    if (previous === undefined || action.done > previous) {
      steps.set(action.step, action.done);
    }
  }
  return byCase;
}

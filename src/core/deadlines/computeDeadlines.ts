/**
 * Every regulated step of every open episode on a date (shared/spec/workbook.md,
 * `vshu deadlines`), with the time limits of shared/spec/domain.md — 000 II.1, III.1,
 * III.3–III.5, I.2, I.3 and 001 annex 5 (see ./steps.ts) — counted by ГК РФ ст. 191, 192, 193.
 */
import { checkedDayNumber } from "../dates/dayNumber";
import type { ProductionCalendar } from "../calendar/productionCalendar";
import type { IsoDate } from "../dates/isoDate";
import type { Action, Episode, Register, Settings } from "../register/model";
import type { StepKey } from "../register/schema";
import { computeDueDate, settleDueDate, type DueDate } from "./computeDueDate";
import { statusOfDue, type DeadlineRow } from "./deadlineRow";
import { codeKey, naturalKey } from "./naturalCompare";
import { nextQuarterEnd } from "./nextQuarterEnd";
import { STEP_DEFINITIONS, type StepDefinition, type StepRule } from "./steps";

/**
 * Whether an episode is open on a date: identified by then and not removed by then.
 * @example isOpenOn({ identified: "2026-11-02", removed: "2026-11-23" }, "2026-11-23") //=> false
 */
export function isOpenOn(episode: Pick<Episode, "identified" | "removed">, on: IsoDate): boolean {
  return (
    episode.identified !== null &&
    episode.identified <= on &&
    (episode.removed === null || episode.removed > on)
  );
}

/**
 * The registration date when the episode is registered by the date (level and registration
 * date present, registration date ≤ date), else null.
 * @example registeredOn({ level: 1, registered: "2026-11-10" }, "2026-11-09") //=> null
 */
export function registeredOn(
  episode: Pick<Episode, "level" | "registered">,
  on: IsoDate
): IsoDate | null {
  return episode.level !== null && episode.registered !== null && episode.registered <= on
    ? episode.registered
    : null;
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
 * // «В-1» identified 02.11.2026, not registered yet: only the order, due 02.11 + 14 days
 * computeDeadlines(register, "2026-11-23", createProductionCalendar(register.calendar))
 * //=> [{ case: "В-1", step: "order", due: "2026-11-16", done: null, status: "просрочено",
 * //      reason: null, stepName: "приказ о постановке на учёт", lastDone: null }, …]
 * @see ГК РФ ст. 191, 192, 193
 */
export function computeDeadlines(
  register: Register,
  on: IsoDate,
  calendar: ProductionCalendar
): DeadlineRow[] {
  checkedDayNumber(on);
  const completions = latestCompletions(register.actions);
  const open = register.episodes
    .filter((episode) => isOpenOn(episode, on))
    .map((episode) => ({ episode, key: naturalKey(episode.code) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Many episodes share dates: each step's due date is computed once per base date.
  const memo = STEP_DEFINITIONS.map(() => new Map<IsoDate, DueDate | null>());
  const rows: DeadlineRow[] = [];
  for (const { episode } of open) {
    const completed = completions.get(codeKey(episode.code));
    const registered = registeredOn(episode, on);
    for (let s = 0; s < STEP_DEFINITIONS.length; s++) {
      const step = STEP_DEFINITIONS[s] as StepDefinition;
      const lastDone = completed?.[step.key] ?? null;
      const base = baseDate(step.rule, episode, registered, lastDone);
      if (base === null) {
        continue;
      }
      const cache = memo[s] as Map<IsoDate, DueDate | null>;
      let due = cache.get(base);
      if (due === undefined) {
        due = dueAfter(base, step.rule, register.settings, calendar);
        cache.set(base, due);
      }
      if (due === null) {
        continue;
      }
      const done = step.rule.kind === "once" ? lastDone : null;
      rows.push({
        case: episode.code,
        step: step.key,
        due: due.due,
        done,
        status: done !== null ? "выполнено" : statusOfDue(due.due, on),
        reason: due.reason,
        stepName: step.name,
        lastDone,
      });
    }
  }
  return rows;
}

/**
 * The date a step is counted from: identification or registration for a one-time step; the
 * last completion, or registration, for a recurring one. Null when the step does not apply yet.
 */
function baseDate(
  rule: StepRule,
  episode: Episode,
  registered: IsoDate | null,
  lastDone: IsoDate | null
): IsoDate | null {
  if (rule.kind === "once") {
    return rule.from === "identification" ? episode.identified : registered;
  }
  return registered === null ? null : (lastDone ?? registered);
}

/** The due date of a step counted from a base date; null when no quarter end follows. */
function dueAfter(
  base: IsoDate,
  rule: StepRule,
  settings: Settings,
  calendar: ProductionCalendar
): DueDate | null {
  if (rule.kind !== "quarterEnd") {
    return computeDueDate(base, rule.period, calendar);
  }
  const end = nextQuarterEnd(settings.quarters, base);
  return end === null ? null : settleDueDate(end, calendar);
}

/** The latest «Выполнено» date of each step, by the episode code's key. */
function latestCompletions(
  actions: readonly Action[]
): Map<string, Partial<Record<StepKey, IsoDate>>> {
  const byCase = new Map<string, Partial<Record<StepKey, IsoDate>>>();
  const keys = new Map<string, string>();
  for (const action of actions) {
    if (action.step === null || action.done === null) {
      continue;
    }
    let key = keys.get(action.caseCode);
    if (key === undefined) {
      key = codeKey(action.caseCode);
      keys.set(action.caseCode, key);
    }
    let steps = byCase.get(key);
    if (!steps) {
      steps = {};
      byCase.set(key, steps);
    }
    const previous = steps[action.step];
    if (previous === undefined || action.done > previous) {
      steps[action.step] = action.done;
    }
  }
  return byCase;
}

/**
 * Every regulated step of every open episode on a date (shared/spec/workbook.md,
 * `vshu deadlines`), with the periods of the register's regulation profile («Регламент», see
 * ./steps.ts) counted by ГК РФ ст. 191, 192, 193 on the production calendar of the register's
 * region («Регион»).
 */
import { checkedDayNumber } from "../dates/dayNumber";
import { regionKeyOf } from "../calendar/regions";
import type { ProductionCalendar } from "../calendar/productionCalendar";
import type { IsoDate } from "../dates/isoDate";
import { findIndicator, type Level } from "../indicators/catalog";
import type { Action, Episode, Register, Settings } from "../register/model";
import { STEPS, type StepKey } from "../register/schema";
import { computeDueDate, settleDueDate, type DueDate } from "./computeDueDate";
import { statusOfDue, type DeadlineRow } from "./deadlineRow";
import { codeKey, naturalKey } from "./naturalCompare";
import { nextQuarterEnd } from "./nextQuarterEnd";
import { stepName, stepRules, type StepRule } from "./steps";

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
 * The level whose periods an episode's steps use: the decided level; for a child identified
 * and not registered yet, the level its indicators suggest (2 with a С-indicator), or level 1
 * when no indicator is marked.
 * @example profileLevel({ level: null, indicators: ["Р2", "С14"] }) //=> 2
 */
export function profileLevel(episode: Pick<Episode, "level" | "indicators">): Level {
  if (episode.level !== null) {
    return episode.level;
  }
  // The suggested group (indicators/targetGroup.ts): 2 with any С-indicator.
  return episode.indicators.some((code) => findIndicator(code)?.level === 2) ? 2 : 1;
}

/**
 * «Фамилия Имя Отчество» of an episode's child ("" when the row has no name).
 * @example childName({ lastName: "Монгуш", firstName: "Айдыс", patronymic: "" }) //=> "Монгуш Айдыс"
 */
export function childName(episode: Pick<Episode, "lastName" | "firstName" | "patronymic">): string {
  return [episode.lastName, episode.firstName, episode.patronymic]
    .filter((s) => s !== "")
    .join(" ");
}

/**
 * The deadline rows of a register's episodes on a date: for each open episode (natural order
 * of codes) its steps in `STEPS` order, with the periods of the register's profile for the
 * episode's level (see {@link profileLevel}); a step with an empty period for that level has
 * no row. Steps counted from identification appear for every open episode; the others once the
 * episode is registered. A one-time step is «выполнено» when «Мероприятия» has a row of that
 * episode and step with a «Выполнено» date (any date: completions are not filtered by `on`).
 * A recurring step is due a period after its last completion, or after registration, and has
 * the status of that next due date; a quarter-end step with no quarter end ahead has no row.
 * Each row names the child, the class, the curator and the person responsible for the step.
 * The calendar counts with the register's region (`settings.region`), whatever region it was
 * built with; its user's days are kept.
 *
 * @param register the register (episodes, actions, regulation, settings.quarters and region)
 * @param on the date of the check
 * @param calendar the production calendar with the user's days (`register.calendar`)
 * @throws RangeError when `on` is not an ISO date
 * @example
 * // «В-1» identified 02.11.2026, not registered yet: informing (the same day), then the order
 * computeDeadlines(register, "2026-11-23", createProductionCalendar(register.calendar))
 * //=> [{ case: "В-1", step: "inform", due: "2026-11-02", … },
 * //    { case: "В-1", step: "order", due: "2026-11-16", done: null, status: "просрочено", … }]
 * @see ГК РФ ст. 191, 192, 193
 */
export function computeDeadlines(
  register: Register,
  on: IsoDate,
  calendar: ProductionCalendar
): DeadlineRow[] {
  checkedDayNumber(on);
  const cal = calendar.withRegion(regionKeyOf(register.settings.region));
  const { completions, responsible } = indexActions(register.actions);
  const rules = stepRules(register.regulation);
  const profileResponsible = new Map(register.regulation.steps.map((s) => [s.step, s.responsible]));
  const names = STEPS.map((s) => stepName(s.key));
  const fallback = STEPS.map((s) => profileResponsible.get(s.key) ?? "");
  const open = register.episodes
    .filter((episode) => isOpenOn(episode, on))
    .map((episode) => ({ episode, key: naturalKey(episode.code) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Many episodes share dates: each step's due date is computed once per level and base date.
  const memo = [0, 1].map(() => STEPS.map(() => new Map<IsoDate, DueDate | null>()));
  const rows: DeadlineRow[] = [];
  for (const { episode } of open) {
    const caseKey = codeKey(episode.code);
    const completed = completions.get(caseKey);
    const assigned = responsible.get(caseKey);
    const registered = registeredOn(episode, on);
    const level = profileLevel(episode);
    const levelRules = rules[level - 1] ?? [];
    const child = childName(episode);
    for (let s = 0; s < STEPS.length; s++) {
      const rule = levelRules[s];
      if (!rule) {
        continue;
      }
      const key = (STEPS[s] as (typeof STEPS)[number]).key;
      const lastDone = completed?.[key] ?? null;
      const base = baseDate(rule, episode, registered, lastDone);
      if (base === null) {
        continue;
      }
      const cache = (memo[level - 1] as Map<IsoDate, DueDate | null>[])[s] as Map<
        IsoDate,
        DueDate | null
      >;
      let due = cache.get(base);
      if (due === undefined) {
        due = dueAfter(base, rule, register.settings, cal);
        cache.set(base, due);
      }
      if (due === null) {
        continue;
      }
      const done = rule.kind === "once" ? lastDone : null;
      rows.push({
        case: episode.code,
        step: key,
        due: due.due,
        done,
        status: done !== null ? "выполнено" : statusOfDue(due.due, on),
        reason: due.reason,
        stepName: names[s] ?? key,
        lastDone,
        child,
        className: episode.className,
        curator: episode.curator,
        responsible: assigned?.[key] ?? fallback[s] ?? "",
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

type ByStep = Partial<Record<StepKey, string>>;

/**
 * From «Мероприятия», by the episode code's key: the latest «Выполнено» date of each step, and
 * the «Ответственный» of each step (the last row in sheet order that names one).
 */
function indexActions(actions: readonly Action[]): {
  completions: Map<string, ByStep>;
  responsible: Map<string, ByStep>;
} {
  const completions = new Map<string, ByStep>();
  const responsible = new Map<string, ByStep>();
  const keys = new Map<string, string>();
  const entry = (map: Map<string, ByStep>, key: string): ByStep => {
    let steps = map.get(key);
    if (!steps) {
      steps = {};
      map.set(key, steps);
    }
    return steps;
  };
  for (const action of actions) {
    if (action.step === null) {
      continue;
    }
    let key = keys.get(action.caseCode);
    if (key === undefined) {
      key = codeKey(action.caseCode);
      keys.set(action.caseCode, key);
    }
    if (action.responsible !== "") {
      entry(responsible, key)[action.step] = action.responsible;
    }
    if (action.done !== null) {
      const steps = entry(completions, key);
      const previous = steps[action.step];
      if (previous === undefined || action.done > previous) {
        steps[action.step] = action.done;
      }
    }
  }
  return { completions, responsible };
}

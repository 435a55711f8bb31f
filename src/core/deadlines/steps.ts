/**
 * The regulated steps of an episode: their names, sources and rules. The periods come from the
 * regulation profile (sheet «Регламент», src/core/register/regulation.ts; the seed's defaults
 * when the sheet is absent), per level; an empty period means the step is not tracked for that
 * level. Sources of the defaults (shared/spec/domain.md «Time limits»): «000» is the school's
 * yearly prevention plan — I.4 (inform the subjects of prevention on identification), II.1
 * (registration order within 14 days of identification), III.1, III.3, III.4, III.5 (plan
 * meeting, home visit, inspection of living conditions, characteristic within 7 days of
 * registration), I.2 (observation card every 14 days), I.3 («показатели успешности» monthly);
 * «001» is order No. 223-д of 14.03.2023 of the Ministry of Education of the Republic of Tyva,
 * annex 5 (the individual plan is reviewed at each school quarter's end).
 */
import type { Level } from "../indicators/catalog";
import type { Regulation, RegulationStep } from "../register/model";
import { defaultRegulationStep, RECURRING_STEPS } from "../register/regulation";
import { STEPS, type StepKey } from "../register/schema";
import type { Period } from "./computeDueDate";

/** How a step's due date is found. */
export type StepRule =
  /** Once, a period after identification or registration; done by one completion. */
  | {
      readonly kind: "once";
      readonly from: "identification" | "registration";
      readonly period: Period;
    }
  /** Repeatedly, a period after the last completion (or after registration). */
  | { readonly kind: "recurring"; readonly period: Period }
  /** Repeatedly, at the first school quarter's end after the last completion. */
  | { readonly kind: "quarterEnd" };

/** A regulated step: its «Шаг» value, its Russian name, its source and its default rule. */
export interface StepDefinition {
  readonly key: StepKey;
  /** The value of «Шаг» in «Мероприятия» and «Регламент». */
  readonly title: string;
  readonly name: string;
  readonly source: string;
  /** The rule of the seed's default profile (the same for both levels). */
  readonly rule: StepRule;
}

const NAMES: Readonly<Record<StepKey, { readonly name: string; readonly source: string }>> = {
  inform: { name: "информирование субъектов профилактики", source: "000 I.4" },
  order: { name: "приказ о постановке на учёт", source: "000 II.1" },
  meeting: { name: "заседание коллегиального органа (разработка ИПС/ИПК)", source: "000 III.1" },
  visit: { name: "выход в семью или приглашение в школу", source: "000 III.3" },
  inspection: {
    name: "обследование жилищно-бытовых условий (акт обследования)",
    source: "000 III.4",
  },
  characteristic: { name: "характеристика несовершеннолетнего", source: "000 III.5" },
  observation: { name: "карта педагогического наблюдения", source: "000 I.2" },
  successReview: { name: "показатели успешности", source: "000 I.3" },
  planReview: { name: "пересмотр ИПС", source: "001 приложение 5" },
};

/**
 * The rule of a step of the profile for a level, or null when the step is not tracked for that
 * level (its period is empty). Recurring steps (наблюдение, успешность, пересмотр ИПС) keep
 * recurring: every period after the last completion, or at each quarter's end for «четверть».
 * @example stepRule(defaultRegulationStep("order"), 2)
 * //=> { kind: "once", from: "identification", period: { days: 14 } }
 */
export function stepRule(step: RegulationStep, level: Level): StepRule | null {
  const period = level === 1 ? step.level1 : step.level2;
  if (period === null) {
    return null;
  }
  if (RECURRING_STEPS.has(step.step)) {
    return "quarterEnd" in period ? { kind: "quarterEnd" } : { kind: "recurring", period };
  }
  // «четверть» is refused for a one-time step when «Регламент» is read.
  return "quarterEnd" in period ? null : { kind: "once", from: step.from, period };
}

/**
 * The rules of every step of a profile, per level: `rules[level - 1][i]` for `STEPS[i]`.
 * @example stepRules(DEFAULT_REGULATION)[1][0] //=> { kind: "once", from: "identification", period: { days: 0 } }
 */
export function stepRules(regulation: Regulation): readonly [StepRuleList, StepRuleList] {
  const byKey = new Map(regulation.steps.map((s) => [s.step, s]));
  const list = (level: Level): StepRuleList =>
    STEPS.map((s) => stepRule(byKey.get(s.key) ?? defaultRegulationStep(s.key), level));
  return [list(1), list(2)];
}

/** One rule (or null: not tracked) per step of `STEPS`. */
export type StepRuleList = readonly (StepRule | null)[];

/** The Russian name and source of a step. */
export function stepName(key: StepKey): string {
  return NAMES[key].name;
}

/**
 * Every regulated step in the order of `STEPS` (the order of the «Сроки» view and of
 * `vshu deadlines`), with the rule of the seed's default profile. Deadlines of a register read
 * its profile (`stepRules(register.regulation)`); these rules serve where no register is at
 * hand.
 * @example STEP_DEFINITIONS[1] //=> { key: "order", title: "приказ", name: "приказ о постановке на учёт", source: "000 II.1", … }
 */
export const STEP_DEFINITIONS: readonly StepDefinition[] = STEPS.map((s) => ({
  key: s.key,
  title: s.title,
  ...NAMES[s.key],
  rule: stepRule(defaultRegulationStep(s.key), 1) as StepRule,
}));

/**
 * The regulated steps of an episode and their time limits (shared/spec/domain.md «Time
 * limits»). «000» is the school's yearly prevention plan: II.1 (registration order within 14
 * days of identification), III.1, III.3, III.4, III.5 (plan meeting, home visit, inspection of
 * living conditions, characteristic within 7 days of registration), I.2 (observation card
 * every 14 days), I.3 («показатели успешности» monthly). «001» is order No. 223-д of
 * 14.03.2023 of the Ministry of Education of the Republic of Tyva: annex 5 (the individual
 * plan is reviewed at each school quarter's end).
 */
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

/** A regulated step: its «Шаг» value, its Russian name, its source and its rule. */
export interface StepDefinition {
  readonly key: StepKey;
  /** The value of «Шаг» in «Мероприятия». */
  readonly title: string;
  readonly name: string;
  readonly source: string;
  readonly rule: StepRule;
}

const RULES: Readonly<Record<StepKey, Omit<StepDefinition, "key" | "title">>> = {
  inform: {
    name: "информирование субъектов профилактики",
    source: "000 I.4",
    rule: { kind: "once", from: "identification", period: { days: 0 } },
  },
  order: {
    name: "приказ о постановке на учёт",
    source: "000 II.1",
    rule: { kind: "once", from: "identification", period: { days: 14 } },
  },
  meeting: {
    name: "заседание коллегиального органа (разработка ИПС/ИПК)",
    source: "000 III.1",
    rule: { kind: "once", from: "registration", period: { days: 7 } },
  },
  visit: {
    name: "выход в семью или приглашение в школу",
    source: "000 III.3",
    rule: { kind: "once", from: "registration", period: { days: 7 } },
  },
  inspection: {
    name: "обследование жилищно-бытовых условий (акт обследования)",
    source: "000 III.4",
    rule: { kind: "once", from: "registration", period: { days: 7 } },
  },
  characteristic: {
    name: "характеристика несовершеннолетнего",
    source: "000 III.5",
    rule: { kind: "once", from: "registration", period: { days: 7 } },
  },
  observation: {
    name: "карта педагогического наблюдения",
    source: "000 I.2",
    rule: { kind: "recurring", period: { days: 14 } },
  },
  successReview: {
    name: "показатели успешности",
    source: "000 I.3",
    rule: { kind: "recurring", period: { months: 1 } },
  },
  planReview: {
    name: "пересмотр ИПС",
    source: "001 приложение 5",
    rule: { kind: "quarterEnd" },
  },
};

/**
 * Every regulated step in the order of `STEPS` (the order of the «Сроки» view and of
 * `vshu deadlines`).
 * @example STEP_DEFINITIONS[0] //=> { key: "order", title: "приказ", name: "приказ о постановке на учёт", source: "000 II.1", … }
 */
export const STEP_DEFINITIONS: readonly StepDefinition[] = STEPS.map((s) => ({
  key: s.key,
  title: s.title,
  ...RULES[s.key],
}));

/**
 * DUE / СРОК: the due date of a regulated step counted from a date (src/core/deadlines):
 * ГК РФ ст. 191 (days start the day after), ст. 192 (months), ст. 193 (a non-working last day
 * moves to the next working day of the production calendar shipped with the product).
 * The user's days of the sheet «Календарь» are not read: a custom function sees only its
 * arguments (the task pane and `vshu deadlines` do apply them).
 */
import {
  createProductionCalendar,
  type ProductionCalendar,
} from "../core/calendar/productionCalendar";
import { formatDateRu } from "../core/dates/isoDate";
import { computeDueDate, settleDueDate } from "../core/deadlines/computeDueDate";
import { nextQuarterEnd } from "../core/deadlines/nextQuarterEnd";
import { STEP_DEFINITIONS, type StepDefinition } from "../core/deadlines/steps";
import { compactKey } from "../core/text";
import { invalidInput, noAnswer } from "./errors";
import { quartersFor } from "./quarters";
import { dateArg, isMissing, textArg, toSerial } from "./values";

const STEP_BY_KEY = new Map<string, StepDefinition>();
for (const step of STEP_DEFINITIONS) {
  for (const name of [step.title, step.key, step.name]) {
    STEP_BY_KEY.set(compactKey(name), step);
  }
}

let calendar: ProductionCalendar | null = null;
function productionCalendar(): ProductionCalendar {
  calendar ??= createProductionCalendar();
  return calendar;
}

/**
 * A regulated step by its «Шаг» value («приказ», «заседание», «выход в семью», «обследование»,
 * «характеристика», «наблюдение», «успешность», «пересмотр ИПС»), its key («order» …) or its
 * full name; case, spaces, «ё» and Latin look-alikes are ignored.
 * @throws FunctionInputError listing the steps when none matches
 */
export function findStep(step: unknown): StepDefinition {
  if (isMissing(step)) {
    throw invalidInput(`Шаг не указан. Шаги: ${stepTitles()}.`);
  }
  const found = STEP_BY_KEY.get(compactKey(textArg(step)));
  if (found === undefined) {
    throw invalidInput(`Неизвестный шаг «${textArg(step).trim()}». Шаги: ${stepTitles()}.`);
  }
  return found;
}

function stepTitles(): string {
  return STEP_DEFINITIONS.map((s) => s.title).join(", ");
}

/**
 * The due date (Excel serial number) of a step counted from a date: identification for
 * «приказ», registration for the other one-time steps, the last completion (or registration)
 * for the recurring ones. «пересмотр ИПС» is due at the first quarter end after the date
 * (quarters from `quarters`, or the typical ones of the date's school year).
 * @throws FunctionInputError #VALUE! for bad input; #N/A when no quarter end follows the date
 * @example dueDate("приказ", 46340, null) // 14.11.2026 + 14 days = 28.11.2026 (сб) → 30.11.2026
 */
export function dueDate(step: unknown, from: unknown, quarters: unknown): number {
  const definition = findStep(step);
  const base = dateArg(from, "Дата начала отсчёта");
  const rule = definition.rule;
  if (rule.kind !== "quarterEnd") {
    return toSerial(computeDueDate(base, rule.period, productionCalendar()).due);
  }
  const end = nextQuarterEnd(quartersFor(base, quarters), base);
  if (end === null) {
    throw noAnswer(
      `После ${formatDateRu(base)} в учебном году нет конца четверти: укажите четверти следующего года.`
    );
  }
  return toSerial(settleDueDate(end, productionCalendar()).due);
}

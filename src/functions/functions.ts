/*
 * Custom functions of the add-in (shared runtime), namespace VSHU.
 *
 * Rules (guide §2; README «Функции листа»):
 * - every function here is a thin, top-level `@customfunction` wrapper over a pure helper of
 *   src/functions/*.ts; the helper throws FunctionInputError, `run` turns it into
 *   `CustomFunctions.Error` (#VALUE!, or #N/A for "no answer", with the Russian message);
 * - ids are upper-case ASCII and NEVER change once shipped (workbooks store them);
 * - the JSDoc below is the default metadata (functions.json, English: names = ids); the Russian
 *   names and descriptions come from src/functions/functions.ru.json, turned into
 *   functions-ru.json at build time (scripts/functions-locale.js) and chosen by Excel through
 *   `<bt:Override Locale="ru-ru">` on the metadata URL of manifest.xml;
 * - custom-functions-metadata-plugin builds functions.json from these tags and appends the
 *   `CustomFunctions.associate(...)` calls itself, so this file never calls associate;
 * - optional arguments arrive as null; dates come in and go out as Excel serial numbers.
 */

import { ageInYears } from "./age";
import { dueDate } from "./due";
import { FunctionInputError } from "./errors";
import { suggestedGroup } from "./group";
import { indicatorWording } from "./indicator";
import { schoolQuarter } from "./quarters";
import { stepStatus } from "./status";
import { localDaySerial } from "./values";

/**
 * Suggested target group of a list of indicator codes: 2 with any С-code, 1 with any Р-code, 0 with none.
 * @customfunction GROUP
 * @param codes Indicator codes, e.g. "Р2, С14".
 * @returns 0, 1 or 2.
 */
export function group(codes: string): number {
  return run(() => suggestedGroup(codes));
}

/**
 * Full wording of an indicator of family trouble.
 * @customfunction INDICATOR
 * @param code Indicator code, e.g. "Р5".
 * @returns The wording of the indicator.
 */
export function indicator(code: string): string {
  return run(() => indicatorWording(code));
}

/**
 * Due date of a regulated step counted from a date (Civil Code art. 191-193, production calendar, regional days off), with the school's regulation profile when given.
 * @customfunction DUE
 * @param step Step as in the Step column, e.g. "информирование", "приказ", "заседание", "наблюдение".
 * @param from Date the period is counted from.
 * @param [quarters] Optional quarter dates: 4 rows x 2 columns (from, to).
 * @param [regulation] Optional regulation table (sheet "Регламент") with its header row: its period for the level replaces the default.
 * @param [level] Optional level, 1 or 2 (default 1).
 * @param [region] Optional region, as the "Регион" setting (default "Республика Тыва").
 * @returns The due date as an Excel date number.
 */
export function due(
  step: string,
  from: number,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- range cells of any type
  quarters?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- range cells of any type
  regulation?: any[][],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a number or a text cell
  level?: any,
  region?: string
): number {
  return run(() =>
    dueDate(step, from, quarters ?? null, regulation ?? null, level ?? null, region ?? null)
  );
}

/**
 * Status of a step: done, overdue by N days, due today or N days left.
 * @customfunction STATUS
 * @volatile
 * @param due Due date.
 * @param [done] Date the step was done (empty if not done).
 * @param [on] Date of the check (today if omitted or empty).
 * @returns The status text.
 */
export function status(due: number, done?: number, on?: number): string {
  return run(() => stepStatus(due, done ?? null, on ?? null, localDaySerial(new Date())));
}

/**
 * Age in full years on a date.
 * @customfunction AGE
 * @param birth Date of birth.
 * @param on Date the age is counted on.
 * @returns Full years.
 */
export function age(birth: number, on: number): number {
  return run(() => ageInYears(birth, on));
}

/**
 * School quarter of a date (I to IV); holidays belong to the quarter before them.
 * @customfunction QUARTER
 * @param date The date.
 * @param [quarters] Optional quarter dates: 4 rows x 2 columns (from, to); typical quarters if omitted.
 * @returns "I", "II", "III" or "IV".
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- range cells of any type
export function quarter(date: number, quarters?: any[][]): string {
  return run(() => schoolQuarter(date, quarters ?? null));
}

/** Runs a helper; its errors become the #VALUE! / #N/A errors Excel shows with their message. */
function run<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toCustomFunctionError(error);
  }
}

function toCustomFunctionError(error: unknown): CustomFunctions.Error {
  if (error instanceof FunctionInputError) {
    const code =
      error.kind === "notAvailable"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `Не удалось вычислить: ${detail}`
  );
}

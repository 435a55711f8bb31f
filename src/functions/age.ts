/**
 * AGE / ВОЗРАСТ: age in full years on a date.
 *
 * Kept out of functions.ts so that it can be tested without the CustomFunctions runtime.
 * The core's `ageOn` does not apply ГК РФ ст. 192 п. 3 to 29 February, hence `fullYears` here.
 */
import { invalidInput } from "./errors";
import { dateArg } from "./values";

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] | null {
  const match = ISO_RE.exec(iso);
  if (match === null) {
    return null;
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Full years from `birthIso` to `onIso` (both `YYYY-MM-DD`), or `null` if either is malformed
 * or `onIso` is before `birthIso`. A year is completed on the birthday. Someone born on
 * 29 February completes a year on 28 February in common years: a period in years ends on the
 * last day of the month when that month has no such day (Civil Code of the RF, art. 192 p. 3).
 */
export function fullYears(birthIso: string, onIso: string): number | null {
  const birth = parts(birthIso);
  const on = parts(onIso);
  if (birth === null || on === null || onIso < birthIso) {
    return null;
  }
  const [by, bm, bd0] = birth;
  const [oy, om, od] = on;
  const bd = bm === 2 && bd0 === 29 && !isLeap(oy) ? 28 : bd0;
  const beforeBirthday = om < bm || (om === bm && od < bd);
  return oy - by - (beforeBirthday ? 1 : 0);
}

/**
 * Age in full years from Excel arguments.
 * @param birth the birth date (serial)
 * @param on the date of the age (serial)
 * @throws FunctionInputError for a non-date or a date before the birth
 * @example ageInYears(40313, 46330) // 15.05.2010 → 04.11.2026: 16
 */
export function ageInYears(birth: unknown, on: unknown): number {
  const birthIso = dateArg(birth, "Дата рождения");
  const onIso = dateArg(on, "Дата расчёта");
  const years = fullYears(birthIso, onIso);
  if (years === null) {
    throw invalidInput("Дата расчёта раньше даты рождения.");
  }
  return years;
}

/**
 * INDICATOR / ПОКАЗАТЕЛЬ: the full wording of one indicator of family trouble
 * (src/core/indicators/catalog.ts, order No. 223-д annex 1).
 */
import { findIndicator } from "../core/indicators/catalog";
import { parseIndicatorCodes } from "../core/indicators/parseCodes";
import { invalidInput } from "./errors";
import { isMissing, textArg } from "./values";

/**
 * The full wording of an indicator code; Latin look-alikes, case and spaces are accepted
 * («p 2» is «Р2»).
 * @throws FunctionInputError for an empty cell, an unknown code or more than one code
 * @example indicatorWording("Р5") //=> "бытовое пьянство"
 */
export function indicatorWording(code: unknown): string {
  if (isMissing(code)) {
    throw invalidInput("Код показателя не указан.");
  }
  const text = textArg(code);
  const parsed = parseIndicatorCodes(text);
  if (parsed.unknown.length > 0 || parsed.codes.length === 0) {
    throw invalidInput(`Нет показателя с кодом «${text.trim()}». Коды: Р1–Р11, С1–С15.`);
  }
  if (parsed.codes.length > 1) {
    throw invalidInput(`Укажите один код показателя, а не «${text.trim()}».`);
  }
  const indicator = findIndicator(parsed.codes[0] ?? "");
  if (indicator === undefined) {
    throw invalidInput(`Нет показателя с кодом «${text.trim()}».`);
  }
  return indicator.full;
}

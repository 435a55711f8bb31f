/**
 * STATUS / СТАТУС: the state of a step on a date, in the words of the «Сроки» view:
 * «выполнено», «просрочено на N дн.», «сегодня», «осталось N дн.».
 */
import { daysBetween } from "../core/dates/isoDate";
import { dateArg, isBlankDate, optionalDateArg } from "./values";

/**
 * @param due the due date (serial)
 * @param done the completion date (serial), or null / an empty cell when not done
 * @param on the date of the check (serial), or null / an empty cell for `today`
 * @param today today's serial, read from the clock by the wrapper
 * @returns «выполнено» when done on or before `on`; otherwise by the due date compared with `on`
 * @throws FunctionInputError for a non-date
 * @example stepStatus(46350, null, 46347) //=> "осталось 3 дн."
 * @example stepStatus(46350, null, null, 46347) //=> "осталось 3 дн."
 */
export function stepStatus(due: unknown, done: unknown, on: unknown, today?: number): string {
  const dueIso = dateArg(due, "Срок");
  const doneIso = optionalDateArg(done, "Дата выполнения");
  const onIso = dateArg(isBlankDate(on) && today !== undefined ? today : on, "Дата проверки");
  if (doneIso !== null && doneIso <= onIso) {
    return "выполнено";
  }
  const days = daysBetween(onIso, dueIso);
  if (days < 0) {
    return `просрочено на ${-days} дн.`;
  }
  return days === 0 ? "сегодня" : `осталось ${days} дн.`;
}

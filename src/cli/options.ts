/**
 * Checks of command-line values, with Russian messages.
 */
import { isIsoDate, type IsoDate } from "../core/dates/isoDate";
import { UserError } from "./errors";

/** An option that must be a calendar date written YYYY-MM-DD. */
export function isoOption(name: string, value: string | undefined): IsoDate {
  if (value === undefined || !isIsoDate(value.trim())) {
    throw new UserError(
      `${name}: «${value ?? ""}» — укажите дату в виде ГГГГ-ММ-ДД, например 2026-11-23`
    );
  }
  return value.trim();
}

/**
 * Reading custom-function arguments. Excel passes an omitted optional argument as `null`
 * (guide §2.2), an empty cell as `""` or `0` depending on the declared type, and dates as
 * serial numbers of the 1900 date system (guide §2.4). These readers accept exactly that and
 * throw {@link FunctionInputError} with a Russian message for anything else.
 */
import { parseDateText, type IsoDate } from "../core/dates/isoDate";
import { excelSerialToIso, isoToExcelSerial } from "../excel/convert";
import { invalidInput } from "./errors";

/** The years the core calendar and date arithmetic handle. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

/** Whether an argument is absent: an omitted optional argument (null) or an empty cell (""). */
export function isMissing(value: unknown): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/**
 * A date argument: an Excel serial number (a fractional time of day is dropped), or text
 * «ДД.ММ.ГГГГ» / «ГГГГ-ММ-ДД» from a cell formatted as text.
 * @param value the argument as Excel passed it
 * @param what the argument's name in a Russian message, e.g. «Дата рождения»
 * @throws FunctionInputError when the value is missing or is not a date of 1900–2200
 */
export function dateArg(value: unknown, what: string): IsoDate {
  if (isBlankDate(value)) {
    throw invalidInput(`${what}: дата не указана.`);
  }
  let iso: IsoDate | null = null;
  if (typeof value === "number") {
    iso = excelSerialToIso(value);
  } else if (typeof value === "string") {
    iso = parseDateText(value.trim());
  }
  if (iso === null) {
    throw invalidInput(`${what}: «${String(value)}» не является датой.`);
  }
  const year = Number(iso.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw invalidInput(`${what}: дата вне ${FIRST_YEAR}–${LAST_YEAR} годов.`);
  }
  return iso;
}

/**
 * Whether a date argument is blank: missing, or 0 — what a `number` parameter receives for an
 * empty cell (serial 0 is the non-date 00.01.1900).
 */
export function isBlankDate(value: unknown): boolean {
  return isMissing(value) || value === 0;
}

/** An optional date argument: null when omitted or blank, else as {@link dateArg}. */
export function optionalDateArg(value: unknown, what: string): IsoDate | null {
  return isBlankDate(value) ? null : dateArg(value, what);
}

/** Today on the user's computer (its local calendar day) as an Excel serial number. */
export function localDaySerial(now: Date): number {
  return toSerial(
    `${String(now.getFullYear()).padStart(4, "0")}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`
  );
}

/** A text argument; a number (a cell holding a number) is read as its text. */
export function textArg(value: unknown): string {
  if (value === null || value === undefined) {
    return "";
  }
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  throw invalidInput("Ожидается текст.");
}

/** An ISO date as the serial number a custom function returns (the user formats the cell). */
export function toSerial(date: IsoDate): number {
  const serial = isoToExcelSerial(date);
  if (serial === null) {
    throw invalidInput(`Дата ${date} вне диапазона дат Excel.`);
  }
  return serial;
}

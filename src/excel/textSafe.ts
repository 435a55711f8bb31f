/**
 * Cells as the adapter writes them: every value with the number format it needs, set before
 * the value in the same batch. Text gets the text format "@", so a string that begins with
 * `=`, `+`, `-` or `@` stays text and never becomes a formula (shared/spec/workbook.md);
 * a date is an Excel serial number shown ДД.ММ.ГГГГ; a number keeps the general format.
 */
import { isoToExcelSerial, type IsoDate } from "../core/dates/isoDate";
import type { ColumnKind } from "../core/register/layout";

/** Number format of date cells: ДД.ММ.ГГГГ in a Russian Excel (format codes are en-US). */
export const DATE_FORMAT = "dd.mm.yyyy";
export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/** One cell to write: its value and its number format. */
export interface OutCell {
  readonly value: string | number | boolean;
  readonly format: string;
  /**
   * The value is a date (time) as a 1900-system serial; written into a 1904 workbook it is
   * converted (dateSystem.ts `sheetValue`).
   */
  readonly date?: true;
}

export function textCell(text: string): OutCell {
  return { value: text, format: TEXT_FORMAT };
}

export function numberCell(n: number): OutCell {
  return { value: n, format: GENERAL_FORMAT };
}

/** A date as an Excel serial number with the format ДД.ММ.ГГГГ; null date → empty text cell. */
export function dateCell(date: IsoDate | null): OutCell {
  if (date === null) {
    return { value: "", format: DATE_FORMAT, date: true };
  }
  return { value: isoToExcelSerial(date), format: DATE_FORMAT, date: true };
}

/** A cell of a register column of the given kind from a plain value. */
export function cellOfKind(kind: ColumnKind, value: string | number | IsoDate | null): OutCell {
  if (kind === "date") {
    return dateCell(typeof value === "string" && value !== "" ? value : null);
  }
  if (kind === "number") {
    return typeof value === "number" ? numberCell(value) : { value: "", format: GENERAL_FORMAT };
  }
  return textCell(value === null ? "" : String(value));
}

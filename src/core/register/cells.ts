/**
 * Reading single cells of the register: text, dates, whole numbers. Each reader returns a
 * value or a Russian message; the caller adds the sheet, row and column.
 */
import { excelSerialToIso, formatDateRu, parseDateText, type IsoDate } from "../dates/isoDate";
import type { Cell } from "./model";

export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(message: string): Read<T> => ({ ok: false, message });

/** Whether a cell holds nothing (no value, or only spaces). */
export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** A cell as trimmed text; a date cell as ДД.ММ.ГГГГ; a whole number without a decimal point. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) {
    return "";
  }
  if (typeof cell === "string") {
    return cell.trim();
  }
  if (typeof cell === "number") {
    return Number.isInteger(cell) ? String(cell) : String(cell).replace(".", ",");
  }
  if (typeof cell === "boolean") {
    return cell ? "ИСТИНА" : "ЛОЖЬ";
  }
  return formatDateRu(cell.date);
}

/**
 * A date cell, an Excel serial number, or text `ДД.ММ.ГГГГ` / `ГГГГ-ММ-ДД`; empty → null.
 */
export function cellDate(cell: Cell | undefined): Read<IsoDate | null> {
  if (isEmptyCell(cell)) {
    return ok(null);
  }
  if (typeof cell === "object" && cell !== null) {
    return ok(cell.date);
  }
  if (typeof cell === "number") {
    const date = excelSerialToIso(cell);
    return date ? ok(date) : fail(`число ${cell} не является датой`);
  }
  const text = cellText(cell);
  const date = parseDateText(text);
  return date
    ? ok(date)
    : fail(
        `«${text}» — не дата; укажите дату в виде ДД.ММ.ГГГГ (например, 05.09.2026) или ГГГГ-ММ-ДД`
      );
}

/** A non-negative whole number; empty → the default. Accepts «1 234» and «12,0». */
export function cellCount(cell: Cell | undefined, fallback: number): Read<number> {
  if (isEmptyCell(cell)) {
    return ok(fallback);
  }
  let n: number;
  if (typeof cell === "number") {
    n = cell;
  } else if (typeof cell === "string") {
    n = Number(cell.replace(/[\s\u00a0]/g, "").replace(",", "."));
  } else {
    return fail(`«${cellText(cell)}» — не число`);
  }
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
    return fail(`«${cellText(cell)}» — ожидается целое неотрицательное число`);
  }
  return ok(n);
}

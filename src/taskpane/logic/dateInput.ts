/**
 * Dates typed into the task pane: `ДД.ММ.ГГГГ` (or `ГГГГ-ММ-ДД`), checked against the calendar
 * so that an impossible day such as 31.02.2026 is refused with a Russian message.
 */
import { formatDateRu, parseDateText, type IsoDate } from "../../core/dates/isoDate";

export type DateRead =
  | { readonly ok: true; readonly value: IsoDate | null }
  | { readonly ok: false; readonly message: string };

const RU_SHAPE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a typed date. Empty text is `null` (or an error when the date is required).
 * @example readDateInput("31.02.2026") //=> { ok: false, message: "Такой даты нет в календаре: 31.02.2026" }
 */
export function readDateInput(text: string, required = false): DateRead {
  const t = text.trim();
  if (t === "") {
    return required
      ? { ok: false, message: "Укажите дату (ДД.ММ.ГГГГ)" }
      : { ok: true, value: null };
  }
  const date = parseDateText(t);
  if (date !== null) {
    return { ok: true, value: date };
  }
  if (RU_SHAPE.test(t) || ISO_SHAPE.test(t)) {
    return { ok: false, message: `Такой даты нет в календаре: ${t}` };
  }
  return { ok: false, message: "Введите дату в виде ДД.ММ.ГГГГ, например 05.09.2026" };
}

/** An ISO date as the pane shows it (ДД.ММ.ГГГГ); empty for null. */
export function showDate(date: IsoDate | null): string {
  return date === null ? "" : formatDateRu(date);
}

/** Reads a whole non-negative number typed by a person; empty gives the fallback. */
export function readCountInput(
  text: string,
  fallback: number
): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.replace(/[\s\u00a0]/g, "");
  if (t === "") {
    return { ok: true, value: fallback };
  }
  if (!/^\d{1,7}$/.test(t)) {
    return { ok: false, message: "Введите целое неотрицательное число" };
  }
  return { ok: true, value: Number(t) };
}

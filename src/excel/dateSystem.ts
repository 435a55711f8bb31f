/**
 * The workbook's date system. Excel stores a date as a serial number of days: from 1899-12-30
 * in the 1900 system (Excel for Windows, and for Mac since 2011), from 1904-01-01 in the 1904
 * system (workbooks made by Excel for Mac 2008 and earlier, or switched to it in «Параметры →
 * Дополнительно»). The same cell is 1462 days apart in the two. The core and every writer of
 * this adapter work in 1900 serials; this module is the one place that converts, at the edge:
 * cells read from a 1904 workbook become `{ date }` cells, cells written to it get 1462 days
 * less.
 *
 * How the adapter learns the system: `Workbook.use1904DateSystem` is an ExcelApi preview API
 * (not in any released requirement set, so not for an add-in in production), so it asks Excel
 * to evaluate DATE(1904; 1; 1) through `workbook.functions` (ExcelApi 1.2), in the workbook's
 * own system: 0 in a 1904 workbook, 1462 in a 1900 one — a read that writes nothing and rides
 * in a sync the read makes anyway. ExcelApi 1.1 has no `functions`: there the text Excel
 * displays for date cells («Настройки»' quarter dates, the first rows of «Учёт») is compared
 * with their serials; a register without such a date cannot be read there, with a Russian
 * message saying why.
 */
import { excelSerialToIso, parseDateText, type IsoDate } from "../core/dates/isoDate";
import type { HostCapabilities } from "./gateway";
import type { OutCell } from "./textSafe";
import { DAYS_1904, rawTablesIn1900, type DateSystem } from "../core/register/dateSystem";

// The conversion of read tables lives in the core, shared with the command line.
export { DAYS_1904, rawTablesIn1900, type DateSystem };

export const UNKNOWN_DATE_SYSTEM_MESSAGE =
  "Не удалось определить систему дат книги (1900 или 1904): в этой версии Excel её можно узнать только по датам, показанным на листах «Настройки» и «Учёт», а там их не видно. Введите даты четвертей на листе «Настройки» как даты (ДД.ММ.ГГГГ в ячейке с форматом даты, а не текстом) или откройте книгу в Excel 2019 или новее. Пока система дат неизвестна, книга не читается, чтобы не сдвинуть даты на 4 года.";

/**
 * Queues the question «which date system?» in the current batch (ExcelApi 1.2); after the sync
 * the returned function answers, or null when the host cannot be asked (ExcelApi 1.1) or gave
 * no number.
 */
export function queueDateSystemProbe(
  context: Excel.RequestContext,
  caps: Pick<HostCapabilities, "excelApi">
): () => DateSystem | null {
  if (caps.excelApi < 2) {
    return () => null;
  }
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return () => systemOfDate1904(probe.value);
}

/** DATE(1904; 1; 1) as the workbook computes it → its date system. */
export function systemOfDate1904(value: unknown): DateSystem | null {
  return value === 0 ? 1904 : value === DAYS_1904 ? 1900 : null;
}

/**
 * The date system from a date cell's serial and the text Excel displays for it: the year shown
 * is the 1900 reading's or the 1904 reading's (4 or 5 years later). Null when the text shows no
 * such year (not a date, a two-digit year). `Range.text` does not depend on the column's width
 * (no «####», says the reference).
 */
export function systemOfDisplayedDate(serial: unknown, text: unknown): DateSystem | null {
  if (typeof serial !== "number" || typeof text !== "string" || serial < 1) {
    return null;
  }
  const as1900 = excelSerialToIso(serial);
  const as1904 = excelSerialToIso(serial + DAYS_1904);
  if (as1900 === null || as1904 === null) {
    return null;
  }
  const years = new Set(text.match(/\d{4}/g) ?? []);
  const shows1900 = years.has(as1900.slice(0, 4));
  const shows1904 = years.has(as1904.slice(0, 4));
  return shows1900 === shows1904 ? null : shows1904 ? 1904 : 1900;
}

/**
 * The date system shown by cells as read — their values and the texts Excel displays for them
 * («Настройки»' quarter dates, the first rows of «Учёт»): the first number whose text shows the
 * year of exactly one reading decides. Null when none does (no date cells, dates typed as text
 * or under the text format).
 */
export function systemOfShownDates(
  values: readonly (readonly unknown[])[],
  texts: readonly (readonly unknown[])[]
): DateSystem | null {
  for (let i = 0; i < values.length; i++) {
    const row = values[i] ?? [];
    for (let j = 0; j < row.length; j++) {
      const found = systemOfDisplayedDate(row[j], texts[i]?.[j]);
      if (found !== null) {
        return found;
      }
    }
  }
  return null;
}

/** A serial read from a workbook of `system` → ISO date (null when not a date). */
export function serialToIso(serial: number, system: DateSystem): IsoDate | null {
  return excelSerialToIso(system === 1904 ? serial + DAYS_1904 : serial);
}

/**
 * The value to put into a cell of a workbook of `system`: a date cell's 1900 serial made a 1904
 * one; a date before 1904 cannot be stored there (Russian error).
 */
export function sheetValue(cell: OutCell, system: DateSystem = 1900): string | number | boolean {
  if (system === 1900 || cell.date !== true || typeof cell.value !== "number") {
    return cell.value;
  }
  const value = cell.value - DAYS_1904;
  if (value < 0) {
    throw new Error(
      `Дата ${excelSerialToIso(cell.value) ?? cell.value} раньше 1904 года: в книге с системой дат 1904 её не записать.`
    );
  }
  return value;
}

/** Text of a quarter date typed as text stays text; used by parsers of settings values. */
export function parseSettingDate(value: unknown, system: DateSystem): IsoDate | null {
  if (typeof value === "number") {
    return serialToIso(value, system);
  }
  return typeof value === "string" ? parseDateText(value.trim()) : null;
}

/**
 * The school quarters (четверти) a custom function works with: from an optional range of
 * dates, or the typical quarters of the date's school year (src/core/register/defaults.ts).
 */
import { formatDateRu, type IsoDate } from "../core/dates/isoDate";
import { defaultQuarters, schoolYearOf } from "../core/register/defaults";
import type { QuarterDates } from "../core/register/model";
import { quarterOf, type QuarterTable } from "../core/register/quarters";
import { QUARTERS, type Quarter } from "../core/register/schema";
import { invalidInput, noAnswer } from "./errors";
import { dateArg, isBlankDate, isMissing } from "./values";

/**
 * Reads the quarters from a range argument. Accepted shapes:
 * - 4 rows × 2 columns: one row per quarter I–IV, «с» then «по»;
 * - 8 cells in one column or one row: I с, I по, II с, … IV по — the order of the «Значение»
 *   cells of «Настройки».
 * A quarter whose two cells are empty is absent; one empty cell of two is an error.
 * @throws FunctionInputError for another shape, a non-date or a quarter ending before it starts
 */
export function quarterTableArg(range: unknown): QuarterTable {
  const cells = flattenQuarterRange(range);
  const table: Partial<Record<Quarter, QuarterDates>> = {};
  QUARTERS.forEach((q, i) => {
    const from = cells[2 * i];
    const to = cells[2 * i + 1];
    if (isBlankDate(from) && isBlankDate(to)) {
      return;
    }
    if (isBlankDate(from) || isBlankDate(to)) {
      throw invalidInput(`${q} четверть: укажите обе даты («с» и «по») или оставьте обе пустыми.`);
    }
    const dates = { from: dateArg(from, `${q} четверть с`), to: dateArg(to, `${q} четверть по`) };
    if (dates.to < dates.from) {
      throw invalidInput(
        `${q} четверть: конец ${formatDateRu(dates.to)} раньше начала ${formatDateRu(dates.from)}.`
      );
    }
    table[q] = dates;
  });
  return table;
}

function flattenQuarterRange(range: unknown): unknown[] {
  const shapeError = invalidInput(
    "Четверти: ожидается диапазон 4 строки × 2 столбца (с, по) или 8 ячеек подряд."
  );
  if (!Array.isArray(range) || !range.every((row) => Array.isArray(row))) {
    throw shapeError;
  }
  const rows = range as unknown[][];
  const width = rows[0]?.length ?? 0;
  if (rows.length === 4 && rows.every((row) => row.length === 2)) {
    return rows.flat();
  }
  if (rows.length === 8 && rows.every((row) => row.length === 1)) {
    return rows.flat();
  }
  if (rows.length === 1 && width === 8) {
    return rows[0] ?? [];
  }
  throw shapeError;
}

/** The quarters to use for a date: the range given, or the typical ones of its school year. */
export function quartersFor(date: IsoDate, range: unknown): QuarterTable {
  if (!isMissing(range)) {
    return quarterTableArg(range);
  }
  return defaultQuarters(Number(schoolYearOf(date).slice(0, 4)));
}

/**
 * QUARTER / ЧЕТВЕРТЬ: the school quarter of a date, «I»…«IV». A date in the holidays belongs
 * to the quarter before it (src/core/register/quarters.ts).
 * @param date the date (Excel serial number)
 * @param range optional quarters (see {@link quarterTableArg}); omitted → typical quarters
 * @throws FunctionInputError #VALUE! for bad input, #N/A for a date outside the school year
 * @example schoolQuarter(46325, null) // 30.10.2026, autumn holidays → "I"
 */
export function schoolQuarter(date: unknown, range: unknown): Quarter {
  const iso = dateArg(date, "Дата");
  const quarter = quarterOf(iso, quartersFor(iso, range));
  if (quarter === null) {
    throw noAnswer(`Дата ${formatDateRu(iso)} не входит ни в одну четверть учебного года.`);
  }
  return quarter;
}

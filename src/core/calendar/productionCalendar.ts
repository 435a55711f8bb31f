/**
 * The Russian production calendar: which days are working days. ГК РФ ст. 193 moves the last
 * day of a period that falls on a non-working day; non-working days are Saturday and Sunday
 * (ТК РФ ст. 111), the public holidays of ТК РФ ст. 112 and the days moved by the
 * Government's yearly decrees (shipped for 2021–2027 in ru.json). The user's days from the
 * optional sheet «Календарь» win over the data: that is how a user adds a new year without a
 * new release.
 */
import { civilFromDays, formatDateRu, type IsoDate } from "../dates/isoDate";
import type { CalendarOverride } from "../register/model";
import { SHIPPED_CALENDAR } from "./calendarData";
import { checkedDayNumber, yearOf } from "../dates/dayNumber";
import { buildYearTable, DAY_KIND, type YearTable } from "./yearTable";

/** Answers about working days; build one with {@link createProductionCalendar}. */
export interface ProductionCalendar {
  /** Whether the date is a working day. */
  isWorkingDay(date: IsoDate): boolean;
  /** The first working day on or after the date. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** Whether the year's calendar is known: shipped as data, or given by the user's days. */
  isKnownYear(year: number): boolean;
  /** Why a day is not a working day, in Russian; null for a working day. */
  describeNonWorkingDay(date: IsoDate): string | null;
}

/**
 * Builds the production calendar from the shipped data and the user's days (sheet
 * «Календарь»). For a year with neither, only Saturdays, Sundays and the holidays of
 * ТК РФ ст. 112 are days off, and `isKnownYear` is false (see {@link unknownYearWarning}).
 * Years are precomputed lazily as tables of day kinds, so a check is an array lookup.
 *
 * @param overrides the user's days; a later row for the same date wins over an earlier one
 * @returns the calendar
 * @throws RangeError when an override's date is not an ISO date (an adapter bug)
 * @example
 * const calendar = createProductionCalendar();
 * calendar.isWorkingDay("2025-11-01") //=> true (a working Saturday)
 * calendar.nextWorkingDay("2026-12-31") //=> "2027-01-11"
 * calendar.describeNonWorkingDay("2026-01-09") //=> "перенесённый выходной (с 03.01.2026)"
 * @see ГК РФ ст. 193; ТК РФ ст. 111, 112
 */
export function createProductionCalendar(
  overrides: readonly CalendarOverride[] = []
): ProductionCalendar {
  const overridesByYear = new Map<number, CalendarOverride[]>();
  for (const o of overrides) {
    checkedDayNumber(o.date);
    const year = yearOf(o.date);
    const list = overridesByYear.get(year) ?? [];
    list.push(o);
    overridesByYear.set(year, list);
  }
  const tables = new Map<number, YearTable>();
  const tableOf = (year: number): YearTable => {
    let table = tables.get(year);
    if (!table) {
      table = buildYearTable(year, SHIPPED_CALENDAR.get(year), overridesByYear.get(year) ?? []);
      tables.set(year, table);
    }
    return table;
  };
  const nextCache = new Map<IsoDate, IsoDate>();
  const isWorkingKind = (kind: number | undefined): boolean =>
    kind === DAY_KIND.working || kind === DAY_KIND.userWorking;
  const kindOf = (date: IsoDate): number => {
    const day = checkedDayNumber(date);
    const table = tableOf(yearOf(date));
    return table.kinds[day - table.firstDay] ?? DAY_KIND.working;
  };

  return {
    isWorkingDay(date) {
      return isWorkingKind(kindOf(date));
    },
    nextWorkingDay(date) {
      // The hot path of every deadline: memoised, and on day numbers and table indexes.
      const known = nextCache.get(date);
      if (known !== undefined) {
        return known;
      }
      const start = checkedDayNumber(date);
      let year = yearOf(date);
      let table = tableOf(year);
      let day = start;
      for (;;) {
        const i = day - table.firstDay;
        if (i >= table.kinds.length) {
          year += 1;
          table = tableOf(year);
        } else if (isWorkingKind(table.kinds[i])) {
          const next = day === start ? date : civilFromDays(day);
          nextCache.set(date, next);
          return next;
        } else {
          // Terminates: past the user's last day every week has working days.
          day += 1;
        }
      }
    },
    isKnownYear(year) {
      return SHIPPED_CALENDAR.has(year) || overridesByYear.has(year);
    },
    describeNonWorkingDay(date) {
      const kind = kindOf(date);
      const table = tableOf(yearOf(date));
      switch (kind) {
        case DAY_KIND.weekend:
          return "выходной";
        case DAY_KIND.holiday:
          return "праздничный день";
        case DAY_KIND.transferred: {
          const from = table.transferredFrom.get(date);
          return from ? `перенесённый выходной (с ${formatDateRu(from)})` : "перенесённый выходной";
        }
        case DAY_KIND.nonWorking:
          return "нерабочий день";
        case DAY_KIND.userOff: {
          const note = table.notes.get(date) ?? "";
          return `нерабочий день по решению пользователя${note ? ` (${note})` : ""}`;
        }
        default:
          return null;
      }
    },
  };
}

/**
 * The warning for a year whose calendar is not loaded.
 * @example unknownYearWarning(2028)
 * //=> "календарь на 2028 год не загружен: учтены только выходные и праздники ст. 112 ТК РФ"
 */
export function unknownYearWarning(year: number): string {
  return `календарь на ${year} год не загружен: учтены только выходные и праздники ст. 112 ТК РФ`;
}

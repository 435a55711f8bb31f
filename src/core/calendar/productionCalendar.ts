/**
 * The Russian production calendar: which days are working days. ГК РФ ст. 193 moves the last
 * day of a period that falls on a non-working day; non-working days are Saturday and Sunday
 * (ТК РФ ст. 111), the public holidays of ТК РФ ст. 112 and the days moved by the
 * Government's yearly decrees (shipped for 2021–2027 in ru.json), and the holidays of the
 * region's law (./regions.ts, the setting «Регион»). The user's days from the optional sheet
 * «Календарь» win over the data: that is how a user adds a new year, or a Шагаа the program
 * does not know, without a new release.
 */
import {
  addDays,
  civilFromDays,
  formatDateRu,
  formatDateWithWeekdayRu,
  type IsoDate,
} from "../dates/isoDate";
import type { CalendarOverride, Register } from "../register/model";
import { SHIPPED_CALENDAR } from "./calendarData";
import { checkedDayNumber, yearOf } from "../dates/dayNumber";
import { regionData, regionKeyOf, type RegionData, type RegionKey } from "./regions";
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
  /** The region whose holidays count («Регион»); "federal" for the federal calendar only. */
  readonly region: RegionKey;
  /** The same calendar (the same user's days) with another region's holidays. */
  withRegion(region: RegionKey): ProductionCalendar;
  /**
   * Why a day is a regional day off, in Russian («Шагаа, нерабочий день в Республике Тыва»);
   * null when it is not one (including a regional holiday on a weekend).
   */
  regionalDay(date: IsoDate): string | null;
  /**
   * What the program cannot know about a deadline on this day, in Russian: the year's Шагаа is
   * unknown and could be this day; a regional holiday fell on the weekend before and no source
   * confirms that this day became the day off. Empty for most days.
   */
  notesOn(date: IsoDate): readonly string[];
}

export interface CalendarOptions {
  /** The region whose holidays count (default: the federal calendar only). */
  readonly region?: RegionKey;
}

/**
 * Builds the production calendar from the shipped data, the region's holidays and the user's
 * days (sheet «Календарь»). For a year with neither data nor user days, only Saturdays,
 * Sundays and the holidays of ТК РФ ст. 112 (and the region's) are days off, and
 * `isKnownYear` is false (see {@link unknownYearWarning}). Years are precomputed lazily as
 * tables of day kinds, so a check is an array lookup.
 *
 * @param overrides the user's days; a later row for the same date wins over an earlier one
 * @param options the region (default: federal calendar only)
 * @returns the calendar
 * @throws RangeError when an override's date is not an ISO date (an adapter bug)
 * @example
 * const calendar = createProductionCalendar();
 * calendar.isWorkingDay("2025-11-01") //=> true (a working Saturday)
 * calendar.nextWorkingDay("2026-12-31") //=> "2027-01-11"
 * calendar.describeNonWorkingDay("2026-01-09") //=> "перенесённый выходной (с 03.01.2026)"
 * createProductionCalendar([], { region: "tyva" }).isWorkingDay("2026-02-18") //=> false (Шагаа)
 * @see ГК РФ ст. 193; ТК РФ ст. 111, 112
 */
export function createProductionCalendar(
  overrides: readonly CalendarOverride[] = [],
  options: CalendarOptions = {}
): ProductionCalendar {
  const overridesByYear = new Map<number, CalendarOverride[]>();
  for (const o of overrides) {
    checkedDayNumber(o.date);
    const year = yearOf(o.date);
    const list = overridesByYear.get(year) ?? [];
    list.push(o);
    overridesByYear.set(year, list);
  }
  const variants = new Map<RegionKey, ProductionCalendar>();
  const variant = (region: RegionKey): ProductionCalendar => {
    let calendar = variants.get(region);
    if (!calendar) {
      calendar = buildCalendar(overridesByYear, region, variant);
      variants.set(region, calendar);
    }
    return calendar;
  };
  return variant(options.region ?? "federal");
}

/**
 * The calendar of a register: the user's days of «Календарь» and the region of «Регион».
 * @example createRegisterCalendar(register).isWorkingDay("2026-02-18") //=> false in Tyva (Шагаа)
 */
export function createRegisterCalendar(
  register: Pick<Register, "calendar"> & { readonly settings: { readonly region: string } }
): ProductionCalendar {
  return createProductionCalendar(register.calendar, {
    region: regionKeyOf(register.settings.region),
  });
}

function buildCalendar(
  overridesByYear: ReadonlyMap<number, readonly CalendarOverride[]>,
  regionKey: RegionKey,
  variant: (region: RegionKey) => ProductionCalendar
): ProductionCalendar {
  const region: RegionData | null = regionKey === "federal" ? null : regionData(regionKey);
  const tables = new Map<number, YearTable>();
  const tableOf = (year: number): YearTable => {
    let table = tables.get(year);
    if (!table) {
      table = buildYearTable(
        year,
        SHIPPED_CALENDAR.get(year),
        overridesByYear.get(year) ?? [],
        region
      );
      tables.set(year, table);
    }
    return table;
  };
  const nextCache = new Map<IsoDate, IsoDate>();
  const notesCache = new Map<IsoDate, readonly string[]>();
  const isWorkingKind = (kind: number | undefined): boolean =>
    kind === DAY_KIND.working || kind === DAY_KIND.userWorking;
  const kindOf = (date: IsoDate): number => {
    const day = checkedDayNumber(date);
    const table = tableOf(yearOf(date));
    return table.kinds[day - table.firstDay] ?? DAY_KIND.working;
  };
  const describeRegional = (date: IsoDate, kind: number): string | null => {
    const info = tableOf(yearOf(date)).regional.get(date);
    if (!region || !info) {
      return null;
    }
    if (kind === DAY_KIND.regional) {
      return `${info.name}, нерабочий день ${region.locative}`;
    }
    if (kind === DAY_KIND.regionalTransfer && info.from !== null) {
      return `перенесённый выходной ${region.locative} (с ${formatDateRu(info.from)}, ${info.name})`;
    }
    return null;
  };

  const calendar: ProductionCalendar = {
    region: regionKey,
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
        case DAY_KIND.regional:
        case DAY_KIND.regionalTransfer:
          return describeRegional(date, kind);
        default:
          return null;
      }
    },
    withRegion(other) {
      return other === regionKey ? calendar : variant(other);
    },
    regionalDay(date) {
      return region ? describeRegional(date, kindOf(date)) : null;
    },
    notesOn(date) {
      if (!region) {
        return [];
      }
      let notes = notesCache.get(date);
      if (notes === undefined) {
        notes = regionalNotes(date, region, {
          tableOf,
          kindOf,
          userDaysOf: (year) => overridesByYear.get(year) ?? [],
          nextWorkingDay: (d) => calendar.nextWorkingDay(d),
        });
        notesCache.set(date, notes);
      }
      return notes;
    },
  };
  return calendar;
}

interface CalendarParts {
  readonly tableOf: (year: number) => YearTable;
  readonly kindOf: (date: IsoDate) => number;
  readonly userDaysOf: (year: number) => readonly CalendarOverride[];
  readonly nextWorkingDay: (date: IsoDate) => IsoDate;
}

/**
 * The notes of a deadline on a date for a region: a movable holiday whose date is unknown in
 * that year and that may fall on this day (no user day off in its window yet), and a regional
 * holiday of the weekend before whose transfer to this day no source confirms (and the user
 * has no day on «Календарь» in the week after it).
 */
function regionalNotes(date: IsoDate, region: RegionData, parts: CalendarParts): string[] {
  const notes: string[] = [];
  const year = yearOf(date);
  const mmdd = date.slice(5);
  for (const m of region.movable) {
    const [from, to] = m.window;
    if (m.dates.has(year) || mmdd < from || mmdd > to) {
      continue;
    }
    const userSetIt = parts
      .userDaysOf(year)
      .some((o) => !o.working && o.date.slice(5) >= from && o.date.slice(5) <= to);
    if (!userSetIt) {
      notes.push(unknownHolidayNote(m.name, year, region));
    }
  }
  const confirmed = new Set(region.transfers.map((t) => t.from));
  // A holiday of this year, or of the last days of the year before.
  for (const y of mmdd < "01-15" ? [year - 1, year] : [year]) {
    for (const [holiday, info] of parts.tableOf(y).regional) {
      if (
        info.from !== null ||
        confirmed.has(holiday) ||
        parts.kindOf(holiday) !== DAY_KIND.weekend ||
        parts.nextWorkingDay(addDays(holiday, 1)) !== date
      ) {
        continue;
      }
      // A user's day in the week after the holiday: the user has settled the transfer.
      const weekAfter = addDays(holiday, 7);
      if (
        [y, y + 1].some((year) =>
          parts.userDaysOf(year).some((o) => o.date > holiday && o.date <= weekAfter)
        )
      ) {
        continue;
      }
      notes.push(
        `${formatDateWithWeekdayRu(holiday)} — ${info.name}, пришёлся на выходной; перенос ` +
          `выходного на ${formatDateWithWeekdayRu(date)} источником не подтверждён: если этот ` +
          `день объявлен нерабочим, добавьте его на листе «Календарь»`
      );
    }
  }
  return notes;
}

/**
 * The note for a deadline that a regional holiday of unknown date might move.
 * @example unknownHolidayNote("Шагаа", 2027, TYVA)
 * //=> "дата праздника «Шагаа» на 2027 год программе неизвестна (Республика Тыва): добавьте
 * //    этот день на листе «Календарь» (вид дня «нерабочий»), и срок, пришедшийся на него,
 * //    перенесётся"
 */
export function unknownHolidayNote(name: string, year: number, region: RegionData): string {
  return (
    `дата праздника «${name}» на ${year} год программе неизвестна (${region.title}): ` +
    `добавьте этот день на листе «Календарь» (вид дня «нерабочий»), и срок, пришедшийся ` +
    `на него, перенесётся`
  );
}

/**
 * The warning for a year whose calendar is not loaded.
 * @example unknownYearWarning(2028)
 * //=> "календарь на 2028 год не загружен: учтены только выходные и праздники ст. 112 ТК РФ"
 */
export function unknownYearWarning(year: number): string {
  return `календарь на ${year} год не загружен: учтены только выходные и праздники ст. 112 ТК РФ`;
}

/**
 * Regions whose non-working days the program knows (the setting «Регион», workbook.md version
 * 2). ГК РФ ст. 193 speaks of non-working days: a region's own holidays, set by its law, move a
 * deadline as the federal ones do. Known values: «Республика Тыва» (the default; also «Тыва»,
 * «Тува») and «Российская Федерация» (also «РФ», «Россия», «федеральный календарь»): only the
 * federal calendar. Another region's days are added by the user on «Календарь».
 */
import { matchKey } from "../text";
import { TYVA } from "./tyva";

export type RegionKey = "tyva" | "federal";

/** A holiday whose date the region sets each year (e.g. Шагаа). */
export interface MovableHoliday {
  readonly name: string;
  /** The dates a public source confirms, by year. */
  readonly dates: ReadonlyMap<number, string>;
  /** `MM-DD` bounds of the days it can fall on, for the note of a year without a date. */
  readonly window: readonly [from: string, to: string];
}

/** The regional non-working days of one region, as data. */
export interface RegionData {
  readonly key: RegionKey;
  /** The canonical value of «Регион». */
  readonly title: string;
  /** «в Республике Тыва», for messages; "" for the federal calendar. */
  readonly locative: string;
  /** Values of «Регион» that name it (compared ignoring case, spacing and look-alikes). */
  readonly aliases: readonly string[];
  /** Holidays on the same day every year (`MM-DD`), from the year of the law. */
  readonly fixed: readonly {
    readonly mmdd: string;
    readonly name: string;
    readonly since: number;
  }[];
  readonly movable: readonly MovableHoliday[];
  /** Days off a source confirms were moved from a holiday on a weekend. */
  readonly transfers: readonly { readonly dayOff: string; readonly from: string }[];
}

export const FEDERAL: RegionData = {
  key: "federal",
  title: "Российская Федерация",
  locative: "",
  aliases: [
    "Российская Федерация",
    "РФ",
    "Россия",
    "федеральный",
    "федеральный календарь",
    "только федеральный календарь",
    "нет",
  ],
  fixed: [],
  movable: [],
  transfers: [],
};

export const REGIONS: readonly RegionData[] = [TYVA, FEDERAL];

const BY_ALIAS = new Map<string, RegionData>();
for (const region of REGIONS) {
  for (const alias of region.aliases) {
    BY_ALIAS.set(matchKey(alias), region);
  }
}

/**
 * The region a value of «Регион» names, or null when the program does not know it.
 * @example findRegion("  тува ")?.key //=> "tyva"
 * @example findRegion("Бурятия") //=> null
 */
export function findRegion(text: string): RegionData | null {
  return BY_ALIAS.get(matchKey(text)) ?? null;
}

/**
 * The region of a register's setting; an unknown value (reported when the register is read)
 * counts as the federal calendar only, so no day is assumed.
 */
export function regionKeyOf(text: string): RegionKey {
  return findRegion(text)?.key ?? "federal";
}

/** The data of a region by its key. */
export function regionData(key: RegionKey): RegionData {
  return key === "tyva" ? TYVA : FEDERAL;
}

/**
 * The Russian message for a value of «Регион» the program does not know.
 * @example unknownRegionMessage("Бурятия")
 */
export function unknownRegionMessage(text: string): string {
  return (
    `«${text}» — регион, нерабочие дни которого программа не знает; укажите «${TYVA.title}» ` +
    `(15 августа и Шагаа) или «${FEDERAL.title}» (только федеральный календарь), ` +
    `а дни своего региона добавьте на листе «Календарь»`
  );
}

/**
 * The register as typed data: what the adapters read from a workbook (a file or the open workbook)
 * and what every computation of the core takes. One interface per sheet of the contract.
 */
import type { IsoDate } from "../dates/isoDate";
import type { Level } from "../indicators/catalog";
import type {
  ActivityKind,
  AssistanceKind,
  PassportCategory,
  Quarter,
  Block,
  ServiceKind,
  StepKey,
} from "./schema";

/** A value of a cell as the adapters hand it over: a date cell arrives as `{ date }`. */
export type Cell = string | number | boolean | null | { readonly date: IsoDate };

/** One table of a sheet: the header texts as found and the data rows with their sheet row numbers. */
export interface RawTable {
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
  /** Cells whose value the reader could not take, located (e.g. a formula never calculated). */
  readonly problems?: readonly CellProblem[];
  /**
   * Sheet rows typed directly under the table that the table did not grow over (LibreOffice
   * and Р7 do not extend a table): the reader includes them in `rows` and lists them here.
   */
  readonly rowsBelow?: readonly number[];
}

/** A cell whose value the reader could not take. */
export interface CellProblem {
  /** 1-based sheet row. */
  readonly row: number;
  /** Position in `headers`. */
  readonly column: number;
  /**
   * `formulaWithoutValue`: a formula saved without its calculated value (a program that does
   * not calculate wrote the file); `formulaError`: the formula calculated to an error.
   */
  readonly kind: "formulaWithoutValue" | "formulaError";
}

export interface RawRow {
  /** 1-based row number on the sheet, for messages. */
  readonly row: number;
  /** Cells in the order of `headers`. */
  readonly cells: readonly Cell[];
}

/** One registration episode of a child (a row of «Учёт»). */
export interface Episode {
  readonly row: number;
  readonly code: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic: string;
  readonly birthDate: IsoDate | null;
  readonly className: string;
  readonly familyCode: string;
  readonly identified: IsoDate | null;
  readonly source: string;
  /** Canonical Cyrillic codes. */
  readonly indicators: readonly string[];
  /** Decided level; null while the child is identified but not registered. */
  readonly level: Level | null;
  readonly registered: IsoDate | null;
  readonly protocol: string;
  readonly removed: IsoDate | null;
  readonly removalReason: string;
  readonly curator: string;
  readonly note: string;
  /**
   * «Протокол снятия» (version 2): the number of the decision that removed the episode — the
   * council's protocol for level 1, the commission's постановление for level 2; "" when absent.
   */
  readonly removalProtocol: string;
  /** Who the child is, for counting children once: name and birth date, or the episode code. */
  readonly childKey: string;
  /** Which family, for counting families once: the family code, or the child's own key. */
  readonly familyKey: string;
}

export interface Family {
  readonly row: number;
  readonly code: string;
  readonly status: readonly string[];
  readonly mother: string;
  readonly father: string;
  readonly guardian: string;
  readonly address: string;
  readonly registrationAddress: string;
  readonly phone: string;
  /** «Дети семьи» (version 2): free text for «Имеются дети» of annexes 3-а / 4-а; "" when absent. */
  readonly children: string;
}

/** A plan action or a regulated step (a row of «Мероприятия»). */
export interface Action {
  readonly row: number;
  readonly caseCode: string;
  readonly step: StepKey | null;
  readonly section: "ребёнок" | "родители" | null;
  readonly direction: string;
  readonly title: string;
  readonly due: IsoDate | null;
  readonly responsible: string;
  readonly done: IsoDate | null;
  readonly note: string;
  /** «Блок» (version 2): the row block of the plan's table (annex 5); null when empty. */
  readonly block: Block | null;
}

export interface Assistance {
  readonly row: number;
  readonly caseCode: string;
  readonly date: IsoDate;
  readonly kind: AssistanceKind;
  readonly content: string;
}

export interface Activity {
  readonly row: number;
  readonly caseCode: string;
  readonly kind: ActivityKind;
  readonly name: string;
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
}

export interface ServiceEntry {
  readonly row: number;
  readonly date: IsoDate;
  readonly kind: ServiceKind;
  readonly count: number;
  readonly covered: number;
  readonly note: string;
}

export interface PassportRow {
  readonly row: number;
  readonly className: string;
  readonly values: Readonly<Record<PassportCategory, { children: number; families: number }>>;
}

export interface Signal {
  readonly row: number;
  readonly date: IsoDate | null;
  readonly caseCode: string;
  /** Every other column as text, by header. */
  readonly fields: Readonly<Record<string, string>>;
  /** Reason numbers 1–13 of the card. */
  readonly reasons: readonly number[];
  /** «Неорганизован» (version 2): «да» → true; empty or «нет» → false. */
  readonly unorganized: boolean;
}

export interface QuarterDates {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface Settings {
  readonly school: string;
  readonly district: string;
  readonly schoolYear: string;
  /** School quarters (четверти); a quarter with a missing date is absent. */
  readonly quarters: Readonly<Partial<Record<Quarter, QuarterDates>>>;
  readonly ministryAddress: string;
  readonly reportDay: number;
  readonly coordinator: {
    readonly name: string;
    readonly position: string;
    readonly phone: string;
  };
  /** Section VI counts by the settings parameter name. */
  readonly parentCommunity: Readonly<Record<string, number>>;
  /** «Версия книги»: 1 when the parameter is absent (a version-1 register). */
  readonly version: number;
  /** «Регион» (version 2; default «Республика Тыва»): picks the regional non-working days. */
  readonly region: string;
  /** «Директор ФИО», «Заместитель директора по ВР ФИО» (version 2); "" when absent. */
  readonly director: string;
  readonly deputy: string;
  /** «Исполнитель ФИО», «Исполнитель телефон» (version 2): the report's signature block. */
  readonly executor: { readonly name: string; readonly phone: string };
  /** Every parameter as text, including the user's own. */
  readonly raw: Readonly<Record<string, string>>;
}

/**
 * A period of «Регламент»: `0 дн.`, `7 дн.`, `1 мес.`, or `четверть` (the end of the school
 * quarter).
 */
export type RegulationPeriod =
  { readonly days: number } | { readonly months: number } | { readonly quarterEnd: true };

/** One row of «Регламент»: a regulated step's period per level; null = not tracked. */
export interface RegulationStep {
  readonly step: StepKey;
  readonly from: "identification" | "registration";
  readonly level1: RegulationPeriod | null;
  readonly level2: RegulationPeriod | null;
  readonly responsible: string;
  /** The sheet row, or 0 for a default (the step is not on the sheet, or there is no sheet). */
  readonly row: number;
}

/** The regulation profile: every regulated step, in `STEPS` order. */
export interface Regulation {
  readonly steps: readonly RegulationStep[];
  /** Whether the register has the sheet «Регламент» (false: the seed's defaults). */
  readonly fromSheet: boolean;
}

/** A user's change to the production calendar (sheet «Календарь»). */
export interface CalendarOverride {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly note: string;
}

export interface Register {
  readonly settings: Settings;
  readonly episodes: readonly Episode[];
  readonly families: readonly Family[];
  readonly actions: readonly Action[];
  readonly assistance: readonly Assistance[];
  readonly activities: readonly Activity[];
  readonly service: readonly ServiceEntry[];
  readonly passport: readonly PassportRow[];
  readonly signals: readonly Signal[];
  readonly calendar: readonly CalendarOverride[];
  /** «Регламент» (version 2), or the seed's defaults. */
  readonly regulation: Regulation;
}

/** A problem in the register, located for the user. Messages are Russian. */
export interface RegisterIssue {
  readonly sheet: string;
  /** 1-based sheet row; 0 when the issue is about the sheet itself. */
  readonly row: number;
  /** Column header, or "" when the issue is about the sheet or the row. */
  readonly column: string;
  readonly message: string;
}

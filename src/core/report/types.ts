/**
 * The report as data: exactly the JSON of `vshu report --json` (shared/spec/workbook.md,
 * «The report workbook»). Counts only — no name, birth date or address ever appears here.
 */
import type { IsoDate } from "../dates/isoDate";
import type {
  ActivityKind,
  AssistanceKind,
  PassportCategory,
  Quarter,
  ServiceKind,
} from "../register/schema";

/** Children and families, each counted once per cell. */
export interface ChildFamilyCount {
  children: number;
  families: number;
}

/** One line of section II: registered within the period, and on the register at its end. */
export interface RegisterRow {
  /** «Постановка на внутришкольный учёт»: registered within [from, to]. */
  registered: ChildFamilyCount;
  /** «Кол-во»: on the register at `to`. */
  onRegister: ChildFamilyCount;
}

/** Section II for one level: the level row and one row per indicator code of that level. */
export interface RegisterLevel {
  total: RegisterRow;
  /** Keyed by the Cyrillic code («Р1» … «Р11» or «С1» … «С15»), every code present. */
  indicators: Record<string, RegisterRow>;
}

/** Section III for one level of one school. */
export interface AssistanceLevel {
  /** Families on the register at `to`. */
  families: number;
  /** Of them, families that received any assistance within [from, to]. */
  helped: number;
  /** Of them, families that received that kind within [from, to]. */
  byKind: Record<AssistanceKind, number>;
}

/** Section III: one row per school. */
export interface AssistanceRow {
  school: string;
  level1: AssistanceLevel;
  level2: AssistanceLevel;
}

/** Section IV for one school quarter: persons covered and sums of «Количество» by kind. */
export type ServiceQuarter = { covered: number } & Record<ServiceKind, number>;

/** Section V for one kind of activity: children in total and by level. */
export interface ActivityCount {
  total: number;
  level1: number;
  level2: number;
}

/**
 * What [from, to] is in the school year of the settings: exactly one school quarter, exactly the
 * whole year (quarter I's first day to quarter IV's last), or neither (null: a calendar month or
 * any other range, which the dates tell).
 */
export type SchoolTerm = Quarter | "year" | null;

/** The signature block under section VII (settings of version 2); "" where not filled. */
export interface ReportSignature {
  /** «Директор ФИО». */
  director: string;
  /** «Исполнитель ФИО», «Исполнитель телефон»: who made the report. */
  executorName: string;
  executorPhone: string;
}

/**
 * The whole report, sections I–VII: the contract's keys (workbook.md «The report workbook»)
 * plus `schoolTerm`, `otherActivityNames` and `signature`, which the printed form needs.
 */
export interface ReportJson {
  school: string;
  district: string;
  schoolYear: string;
  from: IsoDate;
  to: IsoDate;
  /** The period as the title names it (a school quarter, the school year), or null. */
  schoolTerm: SchoolTerm;
  /** I. Social passport. */
  socialPassport: Record<PassportCategory, ChildFamilyCount>;
  /** II. The register by level and indicator, and removals. */
  register: {
    level1: RegisterLevel;
    level2: RegisterLevel;
    removed: { level1: ChildFamilyCount; level2: ChildFamilyCount };
  };
  /** III. Assistance to families, one row per school. */
  assistance: AssistanceRow[];
  /** IV. The service log by school quarter. */
  service: { I: ServiceQuarter; II: ServiceQuarter; III: ServiceQuarter; IV: ServiceQuarter };
  /** V. Organised activities of children on the register. */
  activities: Record<ActivityKind, ActivityCount>;
  /**
   * V, row 4 «Другие объединения (указать)»: the «Объединение» names of the activities of kind
   * «другое» counted there, each once (case and spacing ignored), in alphabetical order.
   */
  otherActivityNames: string[];
  /** VI. Parent community, keyed by the settings parameter name. */
  parentCommunity: Record<string, number>;
  /** VII. The coordinator. */
  coordinator: { name: string; position: string; phone: string };
  /** Under VII: the director and the executor of the report. */
  signature: ReportSignature;
}

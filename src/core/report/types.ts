/**
 * The report as data: exactly the JSON of `vshu report --json` (shared/spec/workbook.md,
 * «The report workbook»). Counts only — no name, birth date or address ever appears here.
 */
import type { IsoDate } from "../dates/isoDate";
import type {
  ActivityKind,
  AssistanceKind,
  PassportCategory,
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

/** The whole report, sections I–VII. */
export interface ReportJson {
  school: string;
  district: string;
  schoolYear: string;
  from: IsoDate;
  to: IsoDate;
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
  /** VI. Parent community, keyed by the settings parameter name. */
  parentCommunity: Record<string, number>;
  /** VII. The coordinator. */
  coordinator: { name: string; position: string; phone: string };
}

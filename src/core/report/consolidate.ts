/**
 * The district report: the schools' reports summed (shared/spec/domain.md, section III «one row
 * per school»). Every count is added; a child or family known to two schools is counted by
 * both, since the reports carry counts only. Section III keeps one row per school, in the order
 * of the reports (the form's total row is the renderer's sum of them). The coordinator is the
 * one given in `meta`, else the first report's; the school name is `meta.school`, else empty.
 * «Другие объединения» lists the names of every school once. The signature block is the one
 * given in `meta`, else blank (a school's director does not sign the district's report); the
 * title names a quarter or the year when `meta` says so, or when every school's report has the
 * district report's dates and names the same one.
 * No report gives zeros everywhere and no assistance row.
 */
import type { IsoDate } from "../dates/isoDate";
import { ASSISTANCE_KINDS, PARENT_COMMUNITY_PARAMS } from "../register/schema";
import { activitiesSection, uniqueNames } from "./activitiesSection";
import { socialPassport } from "./aggregate";
import { registerSection } from "./registerSection";
import { serviceSection } from "./serviceSection";
import type {
  ActivityCount,
  AssistanceLevel,
  AssistanceRow,
  ChildFamilyCount,
  RegisterLevel,
  RegisterRow,
  ReportJson,
  ReportSignature,
  SchoolTerm,
  ServiceQuarter,
} from "./types";

/** What the district report says about itself rather than sums. */
export interface ConsolidationMeta {
  readonly district: string;
  readonly schoolYear: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly school?: string;
  readonly coordinator?: ReportJson["coordinator"];
  readonly signature?: ReportSignature;
  readonly schoolTerm?: SchoolTerm;
}

const NO_COORDINATOR: ReportJson["coordinator"] = { name: "", position: "", phone: "" };
const NO_SIGNATURE: ReportSignature = { director: "", executorName: "", executorPhone: "" };

/**
 * Sums schools' reports into one district report.
 * @param reports - the schools' reports (any number, none gives zeros)
 * @param meta - district, school year and period of the district report
 * @example consolidateReports([a, b], meta).assistance.length //=> 2
 */
export function consolidateReports(
  reports: readonly ReportJson[],
  meta: ConsolidationMeta
): ReportJson {
  let sum = emptyReport(meta);
  for (const report of reports) {
    sum = addReports(sum, report);
  }
  const coordinator = meta.coordinator ?? reports[0]?.coordinator ?? NO_COORDINATOR;
  return {
    ...sum,
    schoolTerm: meta.schoolTerm !== undefined ? meta.schoolTerm : commonTerm(reports, meta),
    otherActivityNames: uniqueNames(reports.flatMap((r) => r.otherActivityNames)),
    coordinator: { ...coordinator },
    signature: { ...(meta.signature ?? NO_SIGNATURE) },
  };
}

/** The schools' common term when every report covers the district report's dates; else null. */
function commonTerm(reports: readonly ReportJson[], meta: ConsolidationMeta): SchoolTerm {
  const first = reports[0]?.schoolTerm ?? null;
  return reports.every((r) => r.from === meta.from && r.to === meta.to && r.schoolTerm === first)
    ? first
    : null;
}

/** A report with every count zero and no assistance row. */
export function emptyReport(meta: ConsolidationMeta): ReportJson {
  const period = { from: meta.from, to: meta.to };
  return {
    school: meta.school ?? "",
    district: meta.district,
    schoolYear: meta.schoolYear,
    from: meta.from,
    to: meta.to,
    schoolTerm: null,
    socialPassport: socialPassport([]),
    register: registerSection([], period),
    assistance: [],
    service: serviceSection([], {}, meta.to),
    activities: activitiesSection([], new Map(), meta.to),
    otherActivityNames: [],
    parentCommunity: Object.fromEntries(PARENT_COMMUNITY_PARAMS.map((p) => [p, 0])),
    coordinator: { ...NO_COORDINATOR },
    signature: { ...NO_SIGNATURE },
  };
}

function addReports(a: ReportJson, b: ReportJson): ReportJson {
  return {
    ...a,
    socialPassport: addRecord(a.socialPassport, b.socialPassport, addCount),
    register: {
      level1: addLevel(a.register.level1, b.register.level1),
      level2: addLevel(a.register.level2, b.register.level2),
      removed: {
        level1: addCount(a.register.removed.level1, b.register.removed.level1),
        level2: addCount(a.register.removed.level2, b.register.removed.level2),
      },
    },
    assistance: [...a.assistance, ...b.assistance.map((row) => copyOf(row))],
    service: addRecord(a.service, b.service, addNumbers<ServiceQuarter>),
    activities: addRecord(a.activities, b.activities, addActivity),
    parentCommunity: addNumbers(a.parentCommunity, b.parentCommunity),
  };
}

function addCount(a: ChildFamilyCount, b: ChildFamilyCount): ChildFamilyCount {
  return { children: a.children + b.children, families: a.families + b.families };
}

function addActivity(a: ActivityCount, b: ActivityCount): ActivityCount {
  return { total: a.total + b.total, level1: a.level1 + b.level1, level2: a.level2 + b.level2 };
}

function addRow(a: RegisterRow, b: RegisterRow): RegisterRow {
  return {
    registered: addCount(a.registered, b.registered),
    onRegister: addCount(a.onRegister, b.onRegister),
  };
}

function addLevel(a: RegisterLevel, b: RegisterLevel): RegisterLevel {
  return {
    total: addRow(a.total, b.total),
    indicators: addRecord(a.indicators, b.indicators, addRow),
  };
}

/** Adds two records key by key; a key missing on one side counts as that side's zero. */
function addRecord<K extends string, V>(
  a: Record<K, V>,
  b: Record<K, V>,
  add: (x: V, y: V) => V
): Record<K, V> {
  const result = { ...a };
  for (const key of Object.keys(b) as K[]) {
    result[key] = key in a ? add(a[key], b[key]) : copyOf(b[key]);
  }
  return result;
}

/** Adds two flat records of numbers key by key (a missing key is 0). */
function addNumbers<T extends Record<string, number>>(a: T, b: T): T {
  const result: Record<string, number> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    result[key] = (result[key] ?? 0) + value;
  }
  return result as T;
}

/** A deep copy of plain JSON data, so the district report shares no object with a school's. */
function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** One school's line of section III with every count zero. */
export function emptyAssistanceRow(school: string): AssistanceRow {
  const level = (): AssistanceLevel => ({
    families: 0,
    helped: 0,
    byKind: Object.fromEntries(
      ASSISTANCE_KINDS.map((k) => [k.key, 0])
    ) as AssistanceLevel["byKind"],
  });
  return { school, level1: level(), level2: level() };
}

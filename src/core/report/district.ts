/**
 * The district report from schools' reports already read and checked one by one: the set is
 * checked (one period, no school twice, no district report among them — reportSet.ts), the
 * district and section VII are settled, and the reports are summed (consolidate.ts). Used by
 * the add-in's consolidation; `vshu consolidate` follows the same rules with its options.
 */
import { matchKey } from "../text";
import { consolidateReports } from "./consolidate";
import { checkReportSet, type NamedReport } from "./reportSet";
import type { ReportJson } from "./types";

export type Coordinator = ReportJson["coordinator"];

export interface DistrictOptions {
  /** The district typed by the coordinator; empty → the one every report names. */
  readonly district?: string;
  /** Section VII as given; when all empty → the schools' coordinator if they all name one. */
  readonly coordinator?: Partial<Coordinator>;
}

export type DistrictResult =
  | {
      readonly ok: true;
      readonly report: ReportJson;
      /** Section VII is empty (nothing given, the schools disagree or name none). */
      readonly noCoordinator: boolean;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The coordinator every report names (ignoring case and spacing), or null. */
export function sameCoordinator(reports: readonly ReportJson[]): Coordinator | null {
  const first = reports[0]?.coordinator;
  if (!first || `${first.name}${first.position}${first.phone}`.trim() === "") {
    return null;
  }
  const key = (c: Coordinator) => matchKey(`${c.name}|${c.position}|${c.phone}`);
  return reports.every((r) => key(r.coordinator) === key(first)) ? first : null;
}

/** The districts a set of reports names, as «A», «B» (an unnamed one as «—»). */
export function districtNames(named: readonly NamedReport[]): string {
  return [...new Set(named.map((n) => n.report.district.trim() || "—"))].join("», «");
}

/** The reports in the order of their schools' names (section III lists them so). */
export function inSchoolOrder(named: readonly NamedReport[]): ReportJson[] {
  return [...named]
    .sort((a, b) => a.report.school.localeCompare(b.report.school, "ru", { numeric: true }))
    .map((n) => n.report);
}

/**
 * Checks the set and sums it; problems are Russian sentences naming the files.
 * @param named - the schools' reports with the names of their files (at least one)
 */
export function districtReport(
  named: readonly NamedReport[],
  options: DistrictOptions = {}
): DistrictResult {
  if (named.length === 0) {
    return { ok: false, problems: ["Не выбрано ни одного отчёта школы."] };
  }
  const set = checkReportSet(named);
  if (set.problems.length > 0) {
    return { ok: false, problems: set.problems };
  }
  const district = (options.district ?? "").trim() || (set.district ?? "").trim();
  if (district === "") {
    const names = districtNames(named);
    return {
      ok: false,
      problems: [`Отчёты школ называют разные районы («${names}»): укажите район сводного отчёта.`],
    };
  }
  const reports = inSchoolOrder(named);
  const given = options.coordinator ?? {};
  const typed: Coordinator = {
    name: (given.name ?? "").trim(),
    position: (given.position ?? "").trim(),
    phone: (given.phone ?? "").trim(),
  };
  const anyTyped = typed.name !== "" || typed.position !== "" || typed.phone !== "";
  const coordinator = anyTyped ? typed : sameCoordinator(reports);
  const report = consolidateReports(reports, {
    district,
    schoolYear: set.schoolYear,
    from: set.from,
    to: set.to,
    coordinator: coordinator ?? { name: "", position: "", phone: "" },
  });
  return { ok: true, report, noCoordinator: coordinator === null };
}

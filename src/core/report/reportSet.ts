/**
 * The schools' reports a coordinator consolidates, checked as a set before anything is summed:
 * each is one school's report (not a district's), all are of one period, and no school comes
 * twice. The period that most reports share is the district's; the others are named as «of
 * another period». Problems are Russian sentences naming the file.
 */
import { matchKey } from "../text";
import { periodName } from "./duePeriod";
import { isDistrictReport } from "./mailText";
import type { ReportJson } from "./types";

/** A report with the name of the file it came from. */
export interface NamedReport {
  readonly name: string;
  readonly report: ReportJson;
}

export interface ReportSetCheck {
  readonly problems: readonly string[];
  /** The period of the set (the most common one; the first report's on a tie). */
  readonly from: string;
  readonly to: string;
  /** The school year of the first report of that period. */
  readonly schoolYear: string;
  /** The district, when every report names the same one (ignoring case and spacing). */
  readonly district: string | null;
}

/**
 * Checks the reports of a consolidation.
 * @param reports - the schools' reports in the order given (at least one)
 */
export function checkReportSet(reports: readonly NamedReport[]): ReportSetCheck {
  const problems: string[] = [];
  const periods = new Map<string, number>();
  for (const { report } of reports) {
    const key = `${report.from}/${report.to}`;
    periods.set(key, (periods.get(key) ?? 0) + 1);
  }
  let best = "";
  let bestCount = 0;
  for (const [key, count] of periods) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  const [from = "", to = ""] = best.split("/");
  const schools = new Map<string, string>();
  for (const { name, report } of reports) {
    if (isDistrictReport(report)) {
      problems.push(
        `${name}: это сводный отчёт района, а не отчёт школы — сводятся отчёты школ (vshu report)`
      );
      continue;
    }
    if (report.from !== from || report.to !== to) {
      problems.push(
        `${name}: отчёт за ${periodName(report.from, report.to)}, а остальные — за ${periodName(from, to)}: попросите школу прислать отчёт за ${periodName(from, to)}`
      );
    }
    const school = report.school.trim();
    if (school === "") {
      problems.push(
        `${name}: в отчёте не указана образовательная организация — школе нужно заполнить «Образовательная организация» на листе «Настройки» и построить отчёт заново`
      );
      continue;
    }
    const key = matchKey(school);
    const first = schools.get(key);
    if (first !== undefined) {
      problems.push(
        `${name}: отчёт школы «${school}» уже есть в ${first} — одна школа сводится один раз; уберите лишний файл`
      );
    } else {
      schools.set(key, name);
    }
  }
  const districts = new Set(reports.map(({ report }) => matchKey(report.district)));
  const firstOfPeriod = reports.find(({ report }) => report.from === from && report.to === to);
  return {
    problems,
    from,
    to,
    schoolYear: firstOfPeriod?.report.schoolYear ?? "",
    district: districts.size === 1 ? (reports[0]?.report.district.trim() ?? null) : null,
  };
}

/**
 * The coordinator's consolidation in the pane: every picked file read and checked as
 * `vshu consolidate` checks it (src/excel/reportFiles.ts over the core's package check), every
 * bad file named at once, then the set checked and summed by the core (district.ts). Nothing
 * is written unless every file is a school's report of the same period, each school once.
 */
import { districtReport, type DistrictOptions } from "../../core/report/district";
import type { NamedReport } from "../../core/report/reportSet";
import type { ReportJson } from "../../core/report/types";
import { readReportBytes, ReportPackageError } from "../../excel/reportFiles";

/** A picked file: its name and a way to get its bytes (`File.arrayBuffer` in the pane). */
export interface PickedFile {
  readonly name: string;
  /** Its size in bytes when known before reading (`File.size`). */
  readonly size?: number;
  readonly read: () => Promise<ArrayBuffer | Uint8Array>;
}

/**
 * Larger files are refused unread: a school's report is at most a couple of hundred kilobytes,
 * and unzipping a large register in the pane would only freeze it.
 */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

export type ConsolidationResult =
  | {
      readonly ok: true;
      readonly report: ReportJson;
      /** The schools in section III, in the report's order. */
      readonly schools: readonly string[];
      readonly noCoordinator: boolean;
    }
  | { readonly ok: false; readonly problems: readonly string[]; readonly summary: string };

/** Reads, checks and sums the schools' report files. Never throws for a bad file. */
export async function consolidateFiles(
  files: readonly PickedFile[],
  options: DistrictOptions
): Promise<ConsolidationResult> {
  if (files.length === 0) {
    return {
      ok: false,
      problems: [],
      summary: "выберите файлы отчётов школ (.xlsx): можно несколько сразу.",
    };
  }
  const read = await Promise.all(
    files.map(async (f): Promise<NamedReport | string> => {
      if (f.size !== undefined && f.size > MAX_REPORT_BYTES) {
        const mb = (f.size / (1024 * 1024)).toFixed(0);
        return `${f.name}: файл размером ${mb} МБ — это не отчёт ВШУ (отчёт школы меньше мегабайта); выберите файлы отчётов школ`;
      }
      try {
        const bytes = await f.read();
        return { name: f.name, report: (await readReportBytes(f.name, bytes)).report };
      } catch (e) {
        return e instanceof ReportPackageError
          ? e.message
          : `${f.name}: файл не прочитан (${e instanceof Error ? e.message : String(e)}) — выберите его снова`;
      }
    })
  );
  const errors = read.filter((r): r is string => typeof r === "string");
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors,
      summary: `не прочитано отчётов: ${errors.length} из ${files.length} — уберите или замените эти файлы и выберите отчёты снова.`,
    };
  }
  const named = read.filter((r): r is NamedReport => typeof r !== "string");
  const result = districtReport(named, options);
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems,
      summary: "исправьте набор отчётов (список ниже) и выберите их снова.",
    };
  }
  return {
    ok: true,
    report: result.report,
    schools: result.report.assistance.map((a) => a.school),
    noCoordinator: result.noCoordinator,
  };
}

/**
 * Writes a report workbook (`buildReportWorkbook`) with the pairs about sending it — the
 * ministry's address from the register's settings — added to its sheet «Данные», so
 * `vshu send REPORT.xlsx` knows the recipient without the register.
 */
import { metaPairs, type ReportMeta } from "../../core/report/flatten";
import type { ReportJson } from "../../core/report/types";
import { writeAtomically } from "../files";
import { buildReportWorkbook, DATA_SHEET } from "../xlsx/writeReport";

/** Writes the report workbook through a temporary file. */
export async function writeReportWorkbook(
  path: string,
  report: ReportJson,
  meta: ReportMeta
): Promise<void> {
  const wb = buildReportWorkbook(report);
  const data = wb.getWorksheet(DATA_SHEET);
  for (const pair of metaPairs(meta)) {
    data?.addRow(pair);
  }
  // Stored, not deflated, as `vshu report` does (src/cli/commands/report.ts).
  await writeAtomically(path, (tmp) => wb.xlsx.writeFile(tmp, { zip: { compression: "STORE" } }));
}

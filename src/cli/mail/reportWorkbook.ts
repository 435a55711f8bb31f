/**
 * Writes a report workbook (`reportWorkbookBytes`) with the pairs about sending it — the
 * ministry's address from the register's settings — added to its sheet «Данные», so
 * `vshu send REPORT.xlsx` knows the recipient without the register.
 */
import { writeFile } from "node:fs/promises";
import type { IsoDate } from "../../core/dates/isoDate";
import type { ReportMeta } from "../../core/report/flatten";
import type { ReportJson } from "../../core/report/types";
import { writeOutput, type PreparedOutput } from "../outputs";
import { reportWorkbookBytes } from "../xlsx/writeReport";

/**
 * Writes the report workbook to an output checked by `prepareOutput` (never a register, never
 * an input, an existing file only with --force), through a temporary file.
 */
export async function writeReportWorkbook(
  out: PreparedOutput,
  report: ReportJson,
  opts: { readonly made: IsoDate; readonly meta: ReportMeta }
): Promise<void> {
  const bytes = await reportWorkbookBytes(report, opts);
  await writeOutput(out, (tmp) => writeFile(tmp, bytes));
}

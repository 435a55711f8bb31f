/**
 * `vshu report BOOK.xlsx --from --to [--out REPORT.xlsx] [--json]`: read → aggregate → write.
 */
import type { IsoDate } from "../../core/dates/isoDate";
import { formatDateRu } from "../../core/dates/isoDate";
import { aggregateReport } from "../../core/report";
import type { ReportJson } from "../../core/report/types";
import { UserError } from "../errors";
import { writeReportWorkbook } from "../mail/reportWorkbook";
import { readRegister } from "../xlsx/readRegister";

export interface ReportOptions {
  readonly book: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly out?: string | undefined;
}

export async function runReport(
  opts: ReportOptions
): Promise<{ report: ReportJson; message: string }> {
  if (opts.from > opts.to) {
    throw new UserError(
      `--from ${formatDateRu(opts.from)} позже, чем --to ${formatDateRu(opts.to)}: укажите период по порядку`
    );
  }
  if (opts.out !== undefined && !/\.xlsx$/i.test(opts.out)) {
    throw new UserError(`--out ${opts.out}: файл отчёта должен иметь расширение .xlsx`);
  }
  const register = await readRegister(opts.book);
  const report = aggregateReport(register, { from: opts.from, to: opts.to });
  if (opts.out !== undefined) {
    // Stored, not deflated: ~90 KB instead of ~18 KB, and JSZip's JavaScript deflate would cost
    // ~50 ms of a run that must stay close to the time of merely reading the register. The
    // ministry's address goes with it, so `vshu send` knows the recipient.
    await writeReportWorkbook(opts.out, report, {
      ministryAddress: register.settings.ministryAddress,
    });
  }
  const period = `${formatDateRu(opts.from)}–${formatDateRu(opts.to)}`;
  const message =
    opts.out !== undefined
      ? `Отчёт за ${period} записан: ${opts.out}`
      : `Отчёт за ${period} построен`;
  return { report, message };
}

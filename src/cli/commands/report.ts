/**
 * `vshu report BOOK.xlsx --from --to [--out REPORT.xlsx] [--json] [--force]`: read → aggregate
 * → write. The output is checked before the register is read (see outputs.ts): never the
 * register itself nor another register, an existing file only with --force.
 */
import type { IsoDate } from "../../core/dates/isoDate";
import { formatDateRu } from "../../core/dates/isoDate";
import { aggregateReport } from "../../core/report";
import type { ReportJson } from "../../core/report/types";
import { UserError } from "../errors";
import { prepareOutput, writeOutput, type OutputRules } from "../outputs";
import { readRegister } from "../xlsx/readRegister";
import { buildReportWorkbook } from "../xlsx/writeReport";

export interface ReportOptions {
  readonly book: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly out?: string | undefined;
  /** Replace an existing --out file (never a register, never the book). */
  readonly force?: boolean | undefined;
  /** Decides whether a register at --out is the caller's own earlier output (the demo's). */
  readonly replaceableRegister?: OutputRules["replaceableRegister"];
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
  const out =
    opts.out === undefined
      ? null
      : await prepareOutput(opts.out, {
          option: "--out",
          inputs: [opts.book],
          force: opts.force === true,
          ...(opts.replaceableRegister ? { replaceableRegister: opts.replaceableRegister } : {}),
        });
  const register = await readRegister(opts.book);
  const report = aggregateReport(register, { from: opts.from, to: opts.to });
  if (out !== null) {
    const wb = buildReportWorkbook(report);
    // Stored, not deflated: ~90 KB instead of ~18 KB, and JSZip's JavaScript deflate would cost
    // ~50 ms of a run that must stay close to the time of merely reading the register.
    await writeOutput(out, (tmp) => wb.xlsx.writeFile(tmp, { zip: { compression: "STORE" } }));
  }
  const period = `${formatDateRu(opts.from)}–${formatDateRu(opts.to)}`;
  const message =
    opts.out !== undefined
      ? `Отчёт за ${period} записан: ${opts.out}`
      : `Отчёт за ${period} построен`;
  return { report, message };
}

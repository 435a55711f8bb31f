/**
 * `vshu report BOOK.xlsx --from --to [--out REPORT.xlsx] [--json] [--force]`: read → aggregate
 * → write. The output is checked before the register is read (see outputs.ts): never the
 * register itself nor another register, an existing file only with --force.
 */
import type { IsoDate } from "../../core/dates/isoDate";
import { formatDateRu } from "../../core/dates/isoDate";
import { aggregateReport } from "../../core/report";
import { passportWarnings } from "../../core/report/passportChecks";
import type { ReportJson } from "../../core/report/types";
import { today } from "../clock";
import { UserError } from "../errors";
import { writeReportWorkbook } from "../mail/reportWorkbook";
import { prepareOutput, type OutputRules } from "../outputs";
import { formatIssue, readRegister } from "../xlsx/readRegister";

export interface ReportOptions {
  readonly book: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly out?: string | undefined;
  /** The day the report is made (signature block, package dates); today by default. */
  readonly made?: IsoDate | undefined;
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
  // Figures the form would carry as they are, with where to look; the report is still built.
  const warnings = passportWarnings(register.passport);
  if (warnings.length > 0) {
    process.stderr.write(
      `${[
        ...warnings.map((w) => `Предупреждение: ${formatIssue(opts.book, w)}`),
        `Предупреждений: ${warnings.length}. Отчёт построен с этими числами; исправьте их в книге учёта и постройте отчёт снова.`,
      ].join("\n")}\n`
    );
  }
  const report = aggregateReport(register, { from: opts.from, to: opts.to });
  if (out !== null) {
    // The ministry's address goes with it, so `vshu send` knows the recipient.
    await writeReportWorkbook(out, report, {
      made: opts.made ?? today(),
      meta: { ministryAddress: register.settings.ministryAddress },
    });
  }
  const period = `${formatDateRu(opts.from)}–${formatDateRu(opts.to)}`;
  const message =
    opts.out !== undefined
      ? `Отчёт за ${period} записан: ${opts.out}`
      : `Отчёт за ${period} построен`;
  return { report, message };
}

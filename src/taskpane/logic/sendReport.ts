/**
 * «Отправка в министерство»: which report is due today, what it says, and the letter that
 * carries it — the same subject, body and attachment name as `vshu send` (core mailText.ts),
 * and the recipient from «Адрес министерства». Pure: the register and today come in.
 */
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import { DEFAULT_MINISTRY_ADDRESS } from "../../core/register/schema";
import type { Register } from "../../core/register/model";
import { aggregateReport } from "../../core/report/aggregate";
import { duePeriod, periodName, type DuePeriod } from "../../core/report/duePeriod";
import { reportMail, type ReportMail } from "../../core/report/mailText";
import type { ReportJson } from "../../core/report/types";

export interface SendPlan {
  readonly due: DuePeriod;
  readonly report: ReportJson;
  readonly mail: ReportMail;
  /** «Адрес министерства» of the settings (the order's address when empty). */
  readonly address: string;
  /** «Отчёт за ноябрь 2026 г.: срок сдачи — 05.12.2026» (with «срок прошёл» when late). */
  readonly headline: string;
}

/** The command that sends the report by itself, for the note under the letter. */
export const MONTHLY_COMMAND = "vshu monthly книга_учёта.xlsx --send";

/**
 * The report due on `today` (the month before, due by «День отчёта») and its letter.
 * @example sendPlan(register, "2026-12-03").mail.attachmentName //=> "Отчёт ВШУ МБОУ СОШ № 1 ноябрь 2026.xlsx"
 */
export function sendPlan(register: Register, today: IsoDate): SendPlan {
  const { settings } = register;
  const due = duePeriod(today, settings.reportDay);
  const report = aggregateReport(register, { from: due.from, to: due.to });
  const address = settings.ministryAddress.trim() || DEFAULT_MINISTRY_ADDRESS;
  const headline = `Отчёт за ${periodName(due.from, due.to)} г.: срок сдачи — ${formatDateRu(due.deadline)}${due.late ? " (срок прошёл — отправьте как можно скорее)" : ""}`;
  return { due, report, mail: reportMail(report), address, headline };
}

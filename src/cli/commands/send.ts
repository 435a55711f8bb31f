/**
 * `vshu send REPORT.xlsx [--to ADDRESS] [--dry-run FILE.eml] [--force] [--no-tls]`: e-mails a
 * report workbook to the ministry. The file is checked first to be a report of counts only
 * (src/cli/xlsx/readReport.ts); the recipient is the address the report carries from the
 * register's settings unless --to; the send is logged beside the report.
 */
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { periodName } from "../../core/report/duePeriod";
import { reportMail } from "../../core/report/mailText";
import { UserError } from "../errors";
import { prepareOutput, writeOutput } from "../outputs";
import { deliverReport, describePrevious } from "../mail/deliver";
import { composeEml } from "../mail/sendMail";
import { isEmailAddress, loadSmtpSettings } from "../mail/smtpConfig";
import { readReportFile, type ReportFile } from "../xlsx/readReport";

/** How a report is sent: shared by `vshu send` and `vshu monthly --send`. */
export interface MailingOptions {
  readonly to?: string | undefined;
  readonly force?: boolean | undefined;
  readonly noTls?: boolean | undefined;
  readonly env: NodeJS.ProcessEnv;
  /** Lines for the user while sending (standard error). */
  readonly note: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly askPassword?: (question: string) => Promise<string>;
}

export interface SendOptions extends MailingOptions {
  readonly report: string;
  readonly dryRun?: string | undefined;
}

/** The recipient: --to, else the report's «Адрес министерства». */
export function recipientOf(file: ReportFile, to: string | undefined): string {
  const address = (to ?? file.meta.ministryAddress ?? "").trim();
  if (address === "") {
    throw new UserError(
      `${file.file}: в отчёте нет адреса министерства (отчёт построен без него) — укажите адрес: --to АДРЕС (см. «Адрес министерства» на листе «Настройки» книги учёта) или постройте отчёт командой «vshu monthly»`
    );
  }
  if (!isEmailAddress(address)) {
    throw new UserError(
      `${to !== undefined ? "--to" : `${file.file}: адрес министерства`} «${address}» — не адрес электронной почты; укажите адрес вида name@example.ru`
    );
  }
  return address;
}

/** Runs `vshu send`; resolves to the message for the user. */
export async function runSend(opts: SendOptions): Promise<string> {
  const file = await readReportFile(opts.report, { printed: true });
  const to = recipientOf(file, opts.to);
  const mail = reportMail(file.report);
  const period = periodName(file.report.from, file.report.to);
  if (opts.dryRun !== undefined) {
    const target = opts.dryRun;
    if (!/\.eml$/i.test(target)) {
      throw new UserError(`--dry-run ${target}: файл письма должен иметь расширение .eml`);
    }
    // Never the report itself, a register or (without --force) any existing file.
    const out = await prepareOutput(target, {
      option: "--dry-run",
      inputs: [opts.report],
      force: opts.force === true,
    });
    const settings = await loadSmtpSettings({ env: opts.env, noTls: opts.noTls ?? false }).catch(
      () => null
    );
    const eml = await composeEml(settings, {
      to,
      subject: mail.subject,
      text: mail.text,
      attachmentName: mail.attachmentName,
      content: file.bytes,
      senderName: file.report.school,
    });
    await writeOutput(out, (tmp) => writeFile(tmp, eml));
    return [
      `Письмо записано в ${target}; ничего не отправлено и в журнал не записано.`,
      `  Кому: ${to}`,
      `  Тема: ${mail.subject}`,
      `  Вложение: ${mail.attachmentName} (${file.bytes.length} байт, SHA-256 ${file.sha256})`,
    ].join("\n");
  }
  const logDir = dirname(resolve(opts.report));
  const outcome = await deliverReport({
    report: file,
    to,
    logDir,
    force: opts.force ?? false,
    env: opts.env,
    noTls: opts.noTls ?? false,
    note: opts.note,
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.askPassword ? { askPassword: opts.askPassword } : {}),
  });
  if (!outcome.sent) {
    throw new UserError(
      `Отчёт «${file.report.school || file.report.district}» за ${period} ${describePrevious(outcome.previous, logDir)}. Повторно не отправляю; чтобы отправить ещё раз, добавьте --force.`
    );
  }
  return [
    `Отчёт отправлен: ${to}`,
    `  Тема: ${mail.subject}`,
    `  Вложение: ${mail.attachmentName}`,
    `  Ответ сервера: ${outcome.entry.reply}`,
    `  Записано в журнал отправки: ${outcome.logPath}`,
  ].join("\n");
}

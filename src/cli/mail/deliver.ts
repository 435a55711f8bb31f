/**
 * Sending a checked report workbook and logging it: the one path `vshu send` and
 * `vshu monthly --send` share. Order: the send log is consulted (a period already sent is not
 * sent again unless forced), then the mail settings and the password, then — holding the
 * folder's lock, and after looking at the log once more — the letter goes out, and only the
 * server's acceptance is written to the log.
 */
import { basename } from "node:path";
import { periodName } from "../../core/report/duePeriod";
import { reportMail } from "../../core/report/mailText";
import { now } from "../clock";
import { UserError } from "../errors";
import type { ReportFile } from "../xlsx/readReport";
import { canPrompt, promptHidden } from "./prompt";
import { sendMail } from "./sendMail";
import {
  appendSendLog,
  findSent,
  formatStamp,
  readSendLog,
  sendLogPath,
  withSendLock,
  type SendLogEntry,
} from "./sendLog";
import { LOCAL_HOST, loadSmtpSettings, type SmtpSettings } from "./smtpConfig";

export interface DeliverOptions {
  readonly report: ReportFile;
  /** The recipient, already checked to be an address. */
  readonly to: string;
  /** The folder of the send log (the register's, or the report's when sent alone). */
  readonly logDir: string;
  /** Send even when the log says this school's period was sent. */
  readonly force: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly noTls: boolean;
  /** Lines for the user while sending (retries, the --no-tls warning). */
  readonly note: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Asks for the password (default: the terminal, echo off). */
  readonly askPassword?: (question: string) => Promise<string>;
}

export type DeliverOutcome =
  | {
      readonly sent: true;
      readonly entry: SendLogEntry;
      readonly logPath: string;
      readonly attempts: number;
    }
  | { readonly sent: false; readonly previous: SendLogEntry };

/** «уже отправлен 03.12.2026 08:00:12 на addr (журнал отправки: path)». */
export function describePrevious(previous: SendLogEntry, logDir: string): string {
  return `уже отправлен ${previous.at} на ${previous.recipient} (журнал отправки: ${sendLogPath(logDir)})`;
}

async function password(settings: SmtpSettings, opts: DeliverOptions): Promise<SmtpSettings> {
  if (settings.user === "" || settings.password !== null) {
    return settings;
  }
  if (opts.askPassword === undefined && !canPrompt()) {
    throw new UserError(
      `Нет пароля почтового ящика ${settings.user}: задайте его переменной окружения VSHU_SMTP_PASSWORD (так делают для заданий по расписанию, docs/sending.md) или запустите команду в окне терминала — пароль будет запрошен. Ничего не отправлено.`
    );
  }
  const ask = opts.askPassword ?? promptHidden;
  const pass = await ask(`Пароль почтового ящика ${settings.user} (не отображается): `);
  if (pass === "") {
    throw new UserError("Пароль не введён: ничего не отправлено");
  }
  return { ...settings, password: pass };
}

/**
 * Sends the report unless the log shows it sent (then `sent: false` with the earlier entry).
 * @throws UserError on missing settings, a refused or failed send, or an unwritable log
 */
export async function deliverReport(opts: DeliverOptions): Promise<DeliverOutcome> {
  const { report } = opts.report;
  // A district report has no school: its sends are logged under the district.
  const sender = report.school.trim() || report.district.trim();
  const alreadySent = async () =>
    opts.force
      ? undefined
      : findSent(await readSendLog(opts.logDir), sender, report.from, report.to);
  const before = await alreadySent();
  if (before !== undefined) {
    return { sent: false, previous: before };
  }
  let settings = await loadSmtpSettings({ env: opts.env, noTls: opts.noTls });
  if (settings.security === "none") {
    opts.note(
      `Внимание: письмо идёт без шифрования (--no-tls) — это допускается только для почтового сервера на этом компьютере (${LOCAL_HOST}).`
    );
  }
  settings = await password(settings, opts);
  const mail = reportMail(report);
  return withSendLock(opts.logDir, async () => {
    const previous = await alreadySent();
    if (previous !== undefined) {
      return { sent: false, previous };
    }
    const result = await sendMail(
      settings,
      {
        to: opts.to,
        subject: mail.subject,
        text: mail.text,
        attachmentName: mail.attachmentName,
        content: opts.report.bytes,
        senderName: report.school,
      },
      { note: opts.note, ...(opts.sleep ? { sleep: opts.sleep } : {}) }
    );
    const entry: SendLogEntry = {
      at: formatStamp(now()),
      school: sender,
      period: periodName(report.from, report.to),
      from: report.from,
      to: report.to,
      recipient: opts.to,
      file: basename(opts.report.file),
      sha256: opts.report.sha256,
      reply: result.response,
      messageId: result.messageId,
    };
    let logPath: string;
    try {
      logPath = await appendSendLog(opts.logDir, entry);
    } catch (error) {
      throw new UserError(
        `Отчёт ОТПРАВЛЕН на ${opts.to} (ответ сервера: ${result.response}), но записать это в журнал отправки ${sendLogPath(opts.logDir)} не удалось: ${(error as Error).message}. Не отправляйте отчёт повторно; допишите эту отправку в журнал вручную.`
      );
    }
    return { sent: true, entry, logPath, attempts: result.attempts };
  });
}

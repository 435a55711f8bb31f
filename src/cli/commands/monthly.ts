/**
 * `vshu monthly BOOK.xlsx [--on DATE] [--send] [--force] [--to ADDRESS] [--no-tls]`: the job a
 * scheduler runs. It builds the report of the month due on that day (src/core/report/
 * duePeriod.ts: the month before, due by «День отчёта»), writes it beside the register as
 * «Отчёт ВШУ <школа> <месяц>.xlsx», and with --send mails it to «Адрес министерства».
 *
 * Safe to run every day: a month already sent (send log beside the register) is not sent
 * again, and nothing is rebuilt; a report of that month already written is kept when the
 * register still gives the same figures, and replaced only with --force when they differ; a
 * file of that name that is not a report is never overwritten, nor is the register.
 */
import { dirname, join, resolve } from "node:path";
import type { IsoDate } from "../../core/dates/isoDate";
import { formatDateRu } from "../../core/dates/isoDate";
import { aggregateReport } from "../../core/report";
import { duePeriod, periodName } from "../../core/report/duePeriod";
import { flattenReport } from "../../core/report/flatten";
import { reportFileName } from "../../core/report/mailText";
import type { ReportJson } from "../../core/report/types";
import { UserError } from "../errors";
import { exists } from "../files";
import { deliverReport, describePrevious } from "../mail/deliver";
import { prepareOutput } from "../outputs";
import { writeReportWorkbook } from "../mail/reportWorkbook";
import { findSent, readSendLog } from "../mail/sendLog";
import { isEmailAddress } from "../mail/smtpConfig";
import { readRegister } from "../xlsx/readRegister";
import { readReportFile, tryReadReport } from "../xlsx/readReport";
import type { MailingOptions } from "./send";

export interface MonthlyOptions extends MailingOptions {
  readonly book: string;
  readonly on: IsoDate;
  readonly send?: boolean | undefined;
}

/** The figures of a report (its numbers, by key), to tell whether two reports say the same. */
function figures(report: ReportJson): string {
  return flattenReport(report)
    .filter(([key, value]) => typeof value === "number" || ["school", "from", "to"].includes(key))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
}

/** Runs `vshu monthly`; resolves to the message for the user. */
export async function runMonthly(opts: MonthlyOptions): Promise<string> {
  if (!/\.xlsx$/i.test(opts.book)) {
    throw new UserError(`${opts.book}: книга учёта должна быть файлом .xlsx`);
  }
  if (opts.to !== undefined && !isEmailAddress(opts.to)) {
    throw new UserError(
      `--to «${opts.to}» — не адрес электронной почты; укажите адрес вида name@example.ru`
    );
  }
  const register = await readRegister(opts.book);
  const { settings } = register;
  const due = duePeriod(opts.on, settings.reportDay);
  const name = periodName(due.from, due.to);
  const dir = dirname(resolve(opts.book));
  const lines: string[] = [
    `Отчёт за ${name}: срок сдачи — ${formatDateRu(due.deadline)}${due.late ? " (срок прошёл)" : ""}.`,
  ];

  if (opts.send && !opts.force) {
    // As the send log names the sender: the school, or the district when it has no name.
    const sender = settings.school.trim() || settings.district.trim();
    const previous = findSent(await readSendLog(dir), sender, due.from, due.to);
    if (previous !== undefined) {
      lines.push(`Отчёт ${describePrevious(previous, dir)}. Повторно не отправляю.`);
      return lines.join("\n");
    }
  }

  const report = aggregateReport(register, { from: due.from, to: due.to });
  const target = join(dir, reportFileName(report));
  if (resolve(target) === resolve(opts.book)) {
    throw new UserError(
      `${opts.book}: имя книги учёта совпадает с именем отчёта — переименуйте книгу учёта; отчёт не записан`
    );
  }
  let write = true;
  if (await exists(target)) {
    const existing = await tryReadReport(target);
    if (
      existing === null ||
      existing.report.from !== report.from ||
      existing.report.to !== report.to
    ) {
      throw new UserError(
        `${target}: файл уже есть, и это не отчёт ВШУ за ${name} — не перезаписываю. Переименуйте или перенесите его и запустите снова.`
      );
    }
    if (figures(existing.report) === figures(report)) {
      write = false;
      lines.push(`Отчёт уже построен, данные книги учёта не изменились: ${target}`);
    } else if (!opts.force) {
      throw new UserError(
        `${target}: отчёт за ${name} уже построен, но данные книги учёта с тех пор изменились. Проверьте книгу учёта и запустите с --force, чтобы построить отчёт заново${opts.send ? " и отправить его" : ""}.`
      );
    }
  }
  if (write) {
    // Only this month's own report may be replaced here (checked above); never a register.
    const out = await prepareOutput(target, { inputs: [opts.book], force: true });
    await writeReportWorkbook(out, report, {
      made: opts.on,
      meta: { ministryAddress: settings.ministryAddress },
    });
    lines.push(`Отчёт записан: ${target}`);
  }
  if (!opts.send) {
    return lines.join("\n");
  }

  const file = await readReportFile(target, { printed: true });
  const to = (opts.to ?? settings.ministryAddress).trim();
  if (!isEmailAddress(to)) {
    throw new UserError(
      `${opts.book}: лист «Настройки», «Адрес министерства»: «${to}» — не адрес электронной почты; исправьте его (по умолчанию yospitanie17@yandex.ru)`
    );
  }
  const outcome = await deliverReport({
    report: file,
    to,
    logDir: dir,
    force: opts.force ?? false,
    env: opts.env,
    noTls: opts.noTls ?? false,
    note: opts.note,
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.askPassword ? { askPassword: opts.askPassword } : {}),
  });
  if (!outcome.sent) {
    lines.push(`Отчёт ${describePrevious(outcome.previous, dir)}. Повторно не отправляю.`);
    return lines.join("\n");
  }
  lines.push(
    `Отчёт отправлен: ${to} (ответ сервера: ${outcome.entry.reply})`,
    `Записано в журнал отправки: ${outcome.logPath}`
  );
  return lines.join("\n");
}

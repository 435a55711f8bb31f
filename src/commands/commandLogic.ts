/**
 * What the ribbon buttons do, with the workbook behind the `RegisterGateway` port so that
 * tests run it against an in-memory gateway. commands.ts only wires these to Office.
 */
import { formatDateRu, isIsoDate, type IsoDate } from "../core/dates/isoDate";
import { computeDeadlines, groupDeadlines } from "../core/deadlines";
import type { Register, RegisterIssue } from "../core/register/model";
import { aggregateReport } from "../core/report/aggregate";
import type { Period } from "../core/report/episodes";
import type { RegisterGateway } from "../excel/gateway";
import type { CommandMessage, DeadlinesSummary } from "./runtimeState";
import { registerCalendar } from "../excel/writeCase";

export interface ReportOutcome {
  readonly message: CommandMessage;
  readonly period: Period;
  /** The sheet written, or null when nothing was written. */
  readonly sheet: string | null;
  readonly workbookOpened: boolean;
}

export interface DeadlinesOutcome {
  readonly message: CommandMessage;
  readonly summary: DeadlinesSummary | null;
}

/** From the first day of today's month to today. */
export function monthToDate(today: IsoDate): Period {
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** «01.11.2026–23.11.2026» */
export function periodText(period: Period): string {
  return `${formatDateRu(period.from)}–${formatDateRu(period.to)}`;
}

/**
 * «Отчёт»: the report for `period` (the one last chosen in the task pane) or, when null, for
 * the current month to date — written to a sheet of this workbook, then opened as a new
 * workbook where the host can (ExcelApi 1.8). Syncs: 1 to read the columns the report needs
 * (2 when the user moved some; more only for a workbook not laid out by «Создать книгу учёта»),
 * 1 to write the sheet; the new workbook is built in memory and opened by Office.
 */
export async function runReportCommand(
  gateway: RegisterGateway,
  opts: { today: IsoDate; period: Period | null }
): Promise<ReportOutcome> {
  const period = opts.period ?? monthToDate(opts.today);
  if (!isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to) {
    return failed(
      `Неверный период отчёта: ${period.from}–${period.to}. Выберите период в панели.`,
      period
    );
  }
  const read = await readOrExplain(gateway, () => gateway.readReportData());
  if ("error" in read) {
    return failed(read.error, period);
  }
  const report = aggregateReport(read.register, period);
  const { sheet } = await gateway.writeReportSheet(report, { sheetNames: read.sheetNames });
  const parts = [`Отчёт за ${periodText(period)} записан на лист «${sheet}».`];
  let workbookOpened = false;
  let workbookFailed = false;
  try {
    const capabilities = await gateway.capabilities();
    workbookOpened = capabilities.createWorkbook ? await gateway.openReportWorkbook(report) : false;
    parts.push(
      workbookOpened
        ? "Он же открыт в новой книге: сохраните её и отправьте в министерство."
        : "Отдельную книгу эта версия Excel открыть не может (нужен Excel 2019 или новее): скопируйте лист."
    );
  } catch (error) {
    // The sheet is written: say so, and why the new workbook is missing.
    workbookFailed = true;
    parts.push(`Новую книгу открыть не удалось: ${errorText(error)}`);
  }
  const issues = issuesNote(read.issues);
  if (issues !== null) {
    parts.push(issues);
  }
  return {
    message: {
      intent: issues === null && !workbookFailed ? "success" : "warning",
      text: parts.join(" "),
    },
    period,
    sheet,
    workbookOpened,
  };
}

/**
 * «Обновить сроки»: recomputes every regulated step of every open case on `today` (with the
 * user's «Календарь» days) and returns the counts the task pane refreshes «Сроки» with.
 */
export async function runRefreshDeadlinesCommand(
  gateway: RegisterGateway,
  opts: { today: IsoDate }
): Promise<DeadlinesOutcome> {
  const read = await readRegisterOrExplain(gateway);
  if ("error" in read) {
    return { message: { intent: "error", text: read.error }, summary: null };
  }
  const calendar = registerCalendar(read.register);
  const groups = groupDeadlines(computeDeadlines(read.register, opts.today, calendar), opts.today);
  const summary: DeadlinesSummary = {
    on: opts.today,
    overdue: groups.overdue.length,
    today: groups.today.length,
    nextWeek: groups.nextWeek.length,
  };
  const text =
    `Сроки на ${formatDateRu(opts.today)}: просрочено — ${summary.overdue}, сегодня — ` +
    `${summary.today}, в ближайшие 7 дней — ${summary.nextWeek}.`;
  const issues = issuesNote(read.issues);
  return {
    message: {
      intent: issues !== null ? "warning" : summary.overdue > 0 ? "warning" : "success",
      text: issues === null ? text : `${text} ${issues}`,
    },
    summary,
  };
}

/** Reads the register; on failure explains it in Russian (missing sheets, or the error). */
function readRegisterOrExplain(
  gateway: RegisterGateway
): Promise<{ register: Register; issues: readonly RegisterIssue[] } | { error: string }> {
  return readOrExplain(gateway, () => gateway.readRegister());
}

async function readOrExplain<T>(
  gateway: RegisterGateway,
  read: () => Promise<T>
): Promise<T | { error: string }> {
  try {
    return await read();
  } catch (error) {
    let missing: readonly string[] = [];
    try {
      const has = await gateway.hasRegister();
      missing = has.present ? [] : has.missing;
    } catch {
      // Keep the first error.
    }
    if (missing.length > 0) {
      return {
        error:
          `В книге нет листов книги учёта: ${missing.map((m) => `«${m}»`).join(", ")}. ` +
          "Откройте «Учёт и сроки» и создайте книгу учёта.",
      };
    }
    return { error: `Не удалось прочитать книгу учёта: ${errorText(error)}` };
  }
}

function issuesNote(issues: readonly RegisterIssue[]): string | null {
  if (issues.length === 0) {
    return null;
  }
  const first = issues[0];
  const where = first
    ? `${first.sheet}${first.row > 0 ? `, строка ${first.row}` : ""}: ${first.message}`
    : "";
  return `В книге учёта замечаний: ${issues.length} (первое — ${where}); отчёт и сроки могут быть неполными, список — в панели «Учёт и сроки».`;
}

function failed(text: string, period: Period): ReportOutcome {
  return { message: { intent: "error", text }, period, sheet: null, workbookOpened: false };
}

/** A Russian text for an unknown error (Office errors carry English messages). */
export function errorText(error: unknown): string {
  if (error instanceof Error && /[А-Яа-яЁё]/.test(error.message)) {
    return error.message;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `ошибка Excel (${detail}). Повторите позже или сообщите администратору.`;
}

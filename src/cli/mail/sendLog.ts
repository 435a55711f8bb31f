/**
 * The send log: «журнал отправки ВШУ.csv» in the register's folder (or the report's, when a
 * report is sent on its own), one line per letter the server accepted — date and time,
 * school, period, recipient, file, SHA-256 of the file, the server's reply, Message-ID. It is
 * written only after the server's «250», through a temporary file, so it never claims a send
 * that did not happen and is never half-written. CSV with «;» and a BOM opens in Excel.
 *
 * `vshu monthly` reads it so that a period is never sent twice, and `readSentPeriods` gives
 * `vshu deadlines` the months sent (the school's deadline `monthlyReport`).
 */
import { open, readFile, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import Papa from "papaparse";
import { parseDateText, type IsoDate } from "../../core/dates/isoDate";
import { monthOfPeriod } from "../../core/report/duePeriod";
import { matchKey } from "../../core/text";
import { now } from "../clock";
import { UserError } from "../errors";
import { exists, writeAtomically } from "../files";

export const SEND_LOG_NAME = "журнал отправки ВШУ.csv";
const LOCK_NAME = ".журнал отправки ВШУ.lock";

/** A lock older than this is left from a crashed run and is taken over. */
const STALE_LOCK_MS = 2 * 60 * 60 * 1000;

export const SEND_LOG_COLUMNS = [
  "Дата и время",
  "Школа",
  "Период",
  "С",
  "По",
  "Получатель",
  "Файл",
  "SHA-256",
  "Ответ сервера",
  "Message-ID",
] as const;

/** One letter the server accepted. */
export interface SendLogEntry {
  /** «ДД.ММ.ГГГГ ЧЧ:ММ:СС», local time. */
  readonly at: string;
  readonly school: string;
  /** As people name it: «ноябрь 2026». */
  readonly period: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly recipient: string;
  readonly file: string;
  readonly sha256: string;
  readonly reply: string;
  readonly messageId: string;
}

/** The log's path in a folder. */
export function sendLogPath(dir: string): string {
  return join(dir, SEND_LOG_NAME);
}

/** «ДД.ММ.ГГГГ ЧЧ:ММ:СС» of an instant in local time. */
export function formatStamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(at.getDate())}.${p(at.getMonth() + 1)}.${at.getFullYear()} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

/** Undoes the apostrophe put before text that would start a formula in Excel. */
function unescape(text: string | undefined): string {
  const t = (text ?? "").trim();
  return /^'[=+\-@\t\r]/.test(t) ? t.slice(1) : t;
}

/** The entries of the log in a folder (none when there is no log). */
export async function readSendLog(dir: string): Promise<SendLogEntry[]> {
  let text: string;
  try {
    text = await readFile(sendLogPath(dir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return [];
    }
    throw new UserError(
      `${sendLogPath(dir)}: журнал отправки не прочитать (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    );
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    delimiter: ";",
    skipEmptyLines: true,
  });
  const out: SendLogEntry[] = [];
  for (const row of parsed.data) {
    const get = (c: (typeof SEND_LOG_COLUMNS)[number]) => unescape(row[c]);
    const from = parseDateText(get("С"));
    const to = parseDateText(get("По"));
    if (from === null || to === null) {
      continue;
    }
    out.push({
      at: get("Дата и время"),
      school: get("Школа"),
      period: get("Период"),
      from,
      to,
      recipient: get("Получатель"),
      file: get("Файл"),
      sha256: get("SHA-256"),
      reply: get("Ответ сервера"),
      messageId: get("Message-ID"),
    });
  }
  return out;
}

/** The last send of a school's report for a period, if any. */
export function findSent(
  entries: readonly SendLogEntry[],
  school: string,
  from: IsoDate,
  to: IsoDate
): SendLogEntry | undefined {
  const key = matchKey(school);
  return entries.filter((e) => matchKey(e.school) === key && e.from === from && e.to === to).at(-1);
}

function toRow(e: SendLogEntry): string[] {
  const date = (iso: IsoDate) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  return [
    e.at,
    e.school,
    e.period,
    date(e.from),
    date(e.to),
    e.recipient,
    e.file,
    e.sha256,
    e.reply,
    e.messageId,
  ];
}

/** Appends an entry: the whole log is rewritten through a temporary file. */
export async function appendSendLog(dir: string, entry: SendLogEntry): Promise<string> {
  const path = sendLogPath(dir);
  let existing = "";
  try {
    existing = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw error;
    }
  }
  const line = Papa.unparse([toRow(entry)], {
    delimiter: ";",
    escapeFormulae: true,
    newline: "\r\n",
  });
  const head =
    existing.trim() === ""
      ? `${Papa.unparse([[...SEND_LOG_COLUMNS]], { delimiter: ";", newline: "\r\n" })}\r\n`
      : existing.endsWith("\n")
        ? existing
        : `${existing}\r\n`;
  const text = `\uFEFF${head}${line}\r\n`;
  await writeAtomically(path, async (tmp) => {
    const handle = await open(tmp, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
  return path;
}

/**
 * Runs `work` holding the folder's send lock, so two runs (a scheduled one and a person's)
 * cannot both send the same period. A lock older than two hours is taken over.
 */
export async function withSendLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const path = join(dir, LOCK_NAME);
  for (let tries = 0; ; tries++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") {
        throw new UserError(
          `${dir}: в этой папке нельзя записать журнал отправки (${code ?? String(error)}) — проверьте права на папку; ничего не отправлено`
        );
      }
      const age = await stat(path).then(
        (s) => now().getTime() - s.mtimeMs,
        () => 0
      );
      if (tries === 0 && age > STALE_LOCK_MS) {
        await rm(path, { force: true });
        continue;
      }
      throw new UserError(
        `Отчёт из этой папки уже отправляется другой командой (${path}). Подождите её окончания; если отправки нет, удалите этот файл и запустите снова. Ничего не отправлено.`
      );
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * The months (`YYYY-MM`) whose report was sent, from the send log beside the register — for
 * the school's deadline `monthlyReport` of `vshu deadlines`.
 * @param book - the register's path (the log is read from its folder)
 * @param school - only this school's sends (the register's «Образовательная организация»);
 *   all sends in the folder when omitted
 */
export async function readSentPeriods(book: string, school?: string): Promise<string[]> {
  const entries = await readSendLog(dirname(book));
  const key = school === undefined ? null : matchKey(school);
  const months = new Set<string>();
  for (const e of entries) {
    const month = monthOfPeriod(e.from, e.to);
    if (month !== null && (key === null || matchKey(e.school) === key)) {
      months.add(month);
    }
  }
  return [...months].sort();
}

/**
 * The monthly reports sent, with the first day each was sent, for `vshu deadlines`; null when
 * the folder has no send log at all (the school does not send with `vshu`, so the program
 * cannot know what was sent and must not call last month's report overdue).
 * @param book - the register's path (the log is read from its folder)
 * @param school - only this school's sends (the register's «Образовательная организация»)
 */
export async function readSentReports(
  book: string,
  school: string
): Promise<{ period: string; date: IsoDate | null }[] | null> {
  if (!(await exists(sendLogPath(dirname(book))))) {
    return null;
  }
  const key = matchKey(school);
  const first = new Map<string, IsoDate | null>();
  for (const e of await readSendLog(dirname(book))) {
    const month = monthOfPeriod(e.from, e.to);
    if (month === null || matchKey(e.school) !== key) {
      continue;
    }
    const day = parseDateText(e.at.slice(0, 10));
    const prior = first.get(month);
    if (prior === undefined || (day !== null && (prior === null || day < prior))) {
      first.set(month, day);
    }
  }
  return [...first.entries()].sort().map(([period, date]) => ({ period, date }));
}

/**
 * What the sending, monthly and consolidation tests build on disk: a real register workbook of
 * a school, report workbooks as `vshu report` writes them, and the mail settings file (mode 600)
 * pointing at the test SMTP server.
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeReportWorkbook } from "../../src/cli/mail/reportWorkbook";
import { prepareOutput } from "../../src/cli/outputs";
import { buildRegisterWorkbook, type SheetRows } from "../../src/cli/xlsx/writeRegister";
import { defaultSettings } from "../../src/core/register/defaults";
import { SETTING } from "../../src/core/register/schema";
import { aggregateReport } from "../../src/core/report";
import type { ReportJson } from "../../src/core/report/types";
import { randomRegister } from "./builders";
import { SMTP_PASSWORD, SMTP_USER, TEST_CA, type TestSmtp } from "./smtpServer";

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `vshu-${prefix}-`));
}

const d = (date: string) => ({ date });

/** Two children of one school: one registered at level 1 in October, one at level 2 in November. */
export const CASES: SheetRows = [
  {
    Код: "В-1",
    Фамилия: "Монгуш",
    Имя: "Айдыс",
    "Дата рождения": d("2014-03-02"),
    "Код семьи": "С-1",
    "Дата выявления": d("2026-10-01"),
    Показатели: "Р2, Р5",
    Уровень: 1,
    "Дата постановки": d("2026-10-05"),
  },
  {
    Код: "В-2",
    Фамилия: "Ооржак",
    Имя: "Чечек",
    "Дата рождения": d("2012-07-12"),
    "Дата выявления": d("2026-11-10"),
    Показатели: "С14",
    Уровень: 2,
    "Дата постановки": d("2026-11-20"),
  },
];

export interface BookOptions {
  readonly school?: string;
  readonly district?: string;
  readonly ministryAddress?: string;
  readonly cases?: SheetRows;
}

/** Writes a register workbook of a school with the given settings; returns its path. */
export async function writeBook(path: string, opts: BookOptions = {}): Promise<string> {
  const settings = defaultSettings({
    school: opts.school ?? "МБОУ «СОШ № 1 г. Кызыла»",
    district: opts.district ?? "г. Кызыл",
    startYear: 2026,
  }).map(([p, v]) => ({
    Параметр: p,
    Значение: p === SETTING.ministryAddress && opts.ministryAddress ? opts.ministryAddress : v,
  }));
  const wb = buildRegisterWorkbook({
    sheets: {
      settings,
      cases: opts.cases ?? CASES,
      assistance: [{ Код: "В-1", Дата: d("2026-11-15"), "Вид помощи": "вещевая" }],
    },
  });
  await wb.xlsx.writeFile(path);
  return path;
}

/** A school's report for a period from a seeded random register, named as that school. */
export function schoolReport(
  seed: number,
  school: string,
  period: { from: string; to: string } = { from: "2026-11-01", to: "2026-11-30" },
  district = "Кызылский кожуун"
): ReportJson {
  const register = randomRegister(seed, 30);
  const settings = { ...register.settings, school, district };
  return aggregateReport({ ...register, settings }, period);
}

/** Writes a report workbook as `vshu report` does (with the ministry's address). */
export async function writeReport(
  path: string,
  report: ReportJson,
  ministryAddress = "yospitanie17@yandex.ru"
): Promise<string> {
  const out = await prepareOutput(path, { force: true });
  await writeReportWorkbook(out, report, { made: report.to, meta: { ministryAddress } });
  return path;
}

/**
 * The mail settings file for a test server (mode 600) and the environment that names it.
 * @param retry - pauses between attempts in seconds
 */
export function smtpEnv(
  dir: string,
  server: Pick<TestSmtp, "port">,
  opts: { security?: "tls" | "starttls"; retry?: number[]; password?: string | null } = {}
): NodeJS.ProcessEnv {
  const path = join(dir, "smtp.json");
  writeFileSync(
    path,
    JSON.stringify({
      host: "127.0.0.1",
      port: server.port,
      security: opts.security ?? "starttls",
      user: SMTP_USER,
      retryDelays: opts.retry ?? [0.02, 0.05],
      ca: TEST_CA,
    }),
    { mode: 0o600 }
  );
  chmodSync(path, 0o600);
  const env: NodeJS.ProcessEnv = { VSHU_SMTP_CONFIG: path };
  if (opts.password !== null) {
    env["VSHU_SMTP_PASSWORD"] = opts.password ?? SMTP_PASSWORD;
  }
  return env;
}

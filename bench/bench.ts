/**
 * `npm run bench`: the speed figures of the register commands.
 *
 * Builds a register of 10 000 episodes with 30 000 assistance, activity and service rows
 * (plus 10 000 «Мероприятия» rows, so deadlines have completions to look at), then times in
 * separate processes, each run REPEAT times (median):
 *   - baseline: merely reading the file with exceljs's streaming reader;
 *   - `vshu report --out` and `vshu report --json`;
 *   - `vshu deadlines --json`.
 * Prints wall time, the ratio to the baseline (bound: ≤ 1.3) and peak memory (bound: ≤ 300 MB).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { addDays, type IsoDate } from "../src/core/dates/isoDate";
import { INDICATORS } from "../src/core/indicators/catalog";
import { defaultSettings } from "../src/core/register/defaults";
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  SERVICE_KINDS,
  STEPS,
} from "../src/core/register/schema";
import { buildRegisterWorkbook, type WriteCell } from "../src/cli/xlsx/writeRegister";
import { mulberry32 } from "../test/support/builders";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench-out");
const BOOK = join(OUT, "register-10k.xlsx");
const REPEAT = Number(process.env["BENCH_REPEAT"] ?? 3);
const EPISODES = 10_000;
const PER_KIND = 10_000;

async function buildBook(): Promise<void> {
  const rnd = mulberry32(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const day = (from: IsoDate, span: number): { date: IsoDate } => ({
    date: addDays(from, Math.floor(rnd() * span)),
  });
  const cases: Record<string, WriteCell>[] = [];
  for (let i = 1; i <= EPISODES; i++) {
    const identified = day("2025-09-01", 420);
    const registered = rnd() < 0.85 ? addDays(identified.date, 3 + Math.floor(rnd() * 10)) : null;
    const codes = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(INDICATORS).code);
    const level = codes.some((c) => c.startsWith("С")) ? 2 : 1;
    cases.push({
      Код: `В-${i}`,
      Фамилия: pick(["Иванов", "Монгуш", "Ооржак", "Петров", "Сат", "Кузнецов", "Донгак"]),
      Имя: pick(["Артём", "Айдыс", "Мерген", "Иван", "Чечек", "Анна", "Айлана"]),
      Отчество: pick(["Сергеевич", "Орлан-оолович", "Петрович", ""]),
      "Дата рождения": day("2010-01-01", 3650),
      Класс: `${1 + Math.floor(rnd() * 11)}${pick(["А", "Б", "В"])}`,
      "Код семьи": rnd() < 0.9 ? `С-${Math.floor(rnd() * 7000)}` : null,
      "Дата выявления": identified,
      Источник: "классный руководитель",
      Показатели: codes.join(", "),
      Уровень: registered ? level : null,
      "Дата постановки": registered ? { date: registered } : null,
      Протокол: registered ? `№ ${i}` : null,
      "Дата снятия":
        registered && rnd() < 0.25
          ? { date: addDays(registered, 30 + Math.floor(rnd() * 200)) }
          : null,
      "Основание снятия": null,
      Куратор: "Социальный педагог",
      Примечание: null,
    });
  }
  const code = (): string => `В-${1 + Math.floor(rnd() * EPISODES)}`;
  const assistance = Array.from({ length: PER_KIND }, () => ({
    Код: code(),
    Дата: day("2025-09-01", 450),
    "Вид помощи": pick(ASSISTANCE_KINDS).title,
    Содержание: "консультация",
  }));
  const activities = Array.from({ length: PER_KIND }, () => ({
    Код: code(),
    Вид: pick(ACTIVITY_KINDS).title,
    Объединение: "кружок «Умелые руки»",
    "Дата начала": day("2025-09-01", 300),
    "Дата окончания": rnd() < 0.5 ? day("2026-05-01", 300) : null,
  }));
  const service = Array.from({ length: PER_KIND }, () => ({
    Дата: day("2026-09-01", 260),
    "Вид работы": pick(SERVICE_KINDS).title,
    Количество: 1 + Math.floor(rnd() * 3),
    Охвачено: Math.floor(rnd() * 20),
    Примечание: null,
  }));
  const actions = Array.from({ length: PER_KIND }, () => ({
    Код: code(),
    Шаг: pick(STEPS).title,
    Раздел: "ребёнок",
    Направление: null,
    Мероприятие: "регламентный шаг",
    Срок: null,
    Ответственный: "Классный руководитель",
    Выполнено: rnd() < 0.7 ? day("2025-09-10", 440) : null,
    Примечание: null,
  }));
  const settings = defaultSettings({
    school: "Школа для замеров",
    district: "Кызыл",
    startYear: 2026,
  }).map(([p, v]) => ({ Параметр: p, Значение: v }));
  const wb = buildRegisterWorkbook({
    sheets: { settings, cases, assistance, activities, service, actions },
  });
  await wb.xlsx.writeFile(BOOK);
}

interface Run {
  readonly seconds: number;
  readonly rssMb: number;
}

function measure(args: readonly string[]): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", join(__dirname, "rss-hook.cjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) {
    throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  // `vshu` restarts itself once with a larger young generation: the peak is the larger process's.
  const kb = Math.max(0, ...[...r.stderr.matchAll(/@@maxrss_kb=(\d+)/g)].map((m) => Number(m[1])));
  return { seconds, rssMb: kb / 1024 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(BOOK) || process.env["BENCH_REBUILD"] === "1") {
    const t = Date.now();
    await buildBook();
    console.log(
      `Книга для замеров: ${BOOK} (${(statSync(BOOK).size / 1e6).toFixed(1)} МБ), построена за ${((Date.now() - t) / 1000).toFixed(1)} с`
    );
  }
  const vshu = join(ROOT, "bin", "vshu.js");
  const jobs: [string, string[]][] = [
    ["чтение exceljs (база)", [join(__dirname, "read-baseline.cjs"), BOOK]],
    [
      "vshu report --out",
      [
        vshu,
        "report",
        BOOK,
        "--from",
        "2026-09-01",
        "--to",
        "2026-11-30",
        "--out",
        join(OUT, "report.xlsx"),
      ],
    ],
    [
      "vshu report --json",
      [vshu, "report", BOOK, "--from", "2026-09-01", "--to", "2026-11-30", "--json"],
    ],
    ["vshu deadlines --json", [vshu, "deadlines", BOOK, "--on", "2026-11-23", "--json"]],
  ];
  const results = new Map<string, Run[]>();
  for (let i = 0; i < REPEAT; i++) {
    for (const [name, args] of jobs) {
      results.set(name, [...(results.get(name) ?? []), measure(args)]);
    }
  }
  const base = median((results.get(jobs[0]?.[0] ?? "") ?? []).map((r) => r.seconds));
  console.log(
    `\nЗамеры (медиана из ${REPEAT}), ${EPISODES} случаев + ${3 * PER_KIND} строк помощи, занятости и службы + ${PER_KIND} мероприятий:`
  );
  for (const [name] of jobs) {
    const runs = results.get(name) ?? [];
    const s = median(runs.map((r) => r.seconds));
    const mb = Math.max(...runs.map((r) => r.rssMb));
    console.log(
      `  ${name.padEnd(24)} ${s.toFixed(2)} с  ×${(s / base).toFixed(2)} от базы  пик памяти ${mb.toFixed(0)} МБ`
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

/**
 * `node --import tsx bench/import-bench.ts` (part of `npm run bench`): `vshu import` of a CSV
 * file of 10 000 rows (windows-1251, `;`, dates ДД.ММ.ГГГГ, quoted fields with line breaks) into
 * the demo register. Each run starts from a fresh copy of the register, in its own process,
 * BENCH_REPEAT times (default 3); prints the median wall time (bound: ≤ 3 s), the process's CPU
 * time and its peak memory, and checks that the register then holds every row.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import { addDays } from "../src/core/dates/isoDate";
import { readRegister } from "../src/cli/xlsx/readRegister";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench-out", "import");
const VSHU = join(ROOT, "bin", "vshu.js");
const REPEAT = Number(process.env["BENCH_REPEAT"] ?? 3);
const ROWS = 10_000;
const LIMIT_S = 3;

const CPU_HOOK =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();" +
  "process.stderr.write('@@cpu_us='+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMb: number;
}

function vshu(args: readonly string[], hooks = false): Run {
  const pre = hooks ? ["--require", join(__dirname, "rss-hook.cjs"), "--import", CPU_HOOK] : [];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...pre, VSHU, ...args], { cwd: ROOT, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) {
    throw new Error(`vshu ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  const num = (re: RegExp): number =>
    Math.max(0, ...[...r.stderr.matchAll(re)].map((m) => Number(m[1])));
  return { wall, cpu: num(/@@cpu_us=(\d+)/g) / 1e6, rssMb: num(/@@maxrss_kb=(\d+)/g) / 1024 };
}

const SURNAMES = ["Монгуш", "Ооржак", "Куулар", "Салчак", "Иванова", "Сат", "Донгак", "Хомушку"];
const NAMES = ["Айдыс", "Чечек", "Айдын", "Аяна", "Сылдыс", "Алдынай", "Начын", "Долаана"];

function csvText(): string {
  const lines = [
    "Код;Фамилия;Имя;Отчество;Дата рождения;Класс;Дата выявления;Источник;Показатели;Примечание",
  ];
  for (let i = 0; i < ROWS; i++) {
    // Every row a different child: (name, birth date) pairs do not repeat.
    const group = Math.floor(i / 3650);
    const born = addDays("2008-01-01", i % 3650);
    const d = born.slice(8, 10);
    const m = born.slice(5, 7);
    lines.push(
      [
        `И-${i + 1}`,
        SURNAMES[(i + group) % SURNAMES.length],
        NAMES[group % NAMES.length],
        "",
        `${d}.${m}.${born.slice(0, 4)}`,
        `${1 + (i % 11)}${"АБВ"[i % 3]}`,
        `${String(1 + (i % 28)).padStart(2, "0")}.10.2026`,
        "классный руководитель",
        i % 2 === 0 ? "Р2, Р5" : "Р1",
        i % 10 === 0 ? `"примечание; с ""кавычками""\nи переносом"` : i % 10 === 1 ? "=1+1" : "",
      ].join(";")
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  vshu(["demo", "--out", join(OUT, "demo"), "--on", "2026-11-23"]);
  const demo = join(OUT, "demo", "книга_учёта.xlsx");
  const csv = join(OUT, "10000.csv");
  writeFileSync(csv, iconv.encode(csvText(), "win1251"));
  const before = (await readRegister(demo)).episodes.length;
  const runs: Run[] = [];
  const book = join(OUT, "книга.xlsx");
  for (let i = 0; i < REPEAT; i++) {
    copyFileSync(demo, book);
    runs.push(vshu(["import", book, csv, "--sheet", "Учёт"], true));
  }
  const after = (await readRegister(book)).episodes.length;
  if (after !== before + ROWS) {
    throw new Error(`the register holds ${after} episodes, expected ${before + ROWS}`);
  }
  const wall = median(runs.map((r) => r.wall));
  console.log(
    `vshu import: ${ROWS} строк (${(statSync(csv).size / 1e6).toFixed(1)} МБ CSV, windows-1251) в демонстрационную книгу (${before} случаев, ${(statSync(demo).size / 1e3).toFixed(0)} КБ)`
  );
  console.log(
    `  медиана из ${REPEAT}: ${wall.toFixed(2)} с (предел ${LIMIT_S} с), ЦП ${median(runs.map((r) => r.cpu)).toFixed(2)} с, пик памяти ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} МБ, загрузка машины ${loadavg()[0]?.toFixed(1)}`
  );
  console.log(
    `  книга после загрузки: ${(statSync(book).size / 1e6).toFixed(1)} МБ, ${after} случаев`
  );
  if (wall > LIMIT_S) {
    console.log(`  ПРЕВЫШЕН предел ${LIMIT_S} с`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

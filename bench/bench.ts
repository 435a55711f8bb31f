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
import { defaultSettings } from "../src/core/register/defaults";
import { buildRegisterWorkbook } from "../src/cli/xlsx/writeRegister";
import { largeRegisterRows } from "../test/support/largeRegister";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench-out");
const BOOK = join(OUT, "register-10k.xlsx");
const REPEAT = Number(process.env["BENCH_REPEAT"] ?? 3);
const EPISODES = 10_000;
/** largeRegisterRows writes as many rows of each record sheet as there are episodes. */
const PER_KIND = EPISODES;

async function buildBook(): Promise<void> {
  const settings = defaultSettings({
    school: "Школа для замеров",
    district: "Кызыл",
    startYear: 2026,
  }).map(([p, v]) => ({ Параметр: p, Значение: v }));
  const wb = buildRegisterWorkbook({
    sheets: { ...largeRegisterRows(EPISODES), settings },
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
  // The hook runs in `vshu`'s worker thread too; the figure is the whole process's peak.
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
        // Each run replaces the previous run's report.
        "--force",
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

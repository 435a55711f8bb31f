/**
 * `node --import tsx bench/consolidate-bench.ts`: the speed of `vshu consolidate`.
 *
 * Writes SCHOOLS (default 200) school report workbooks as `vshu report` writes them (from seeded
 * random registers, one school each), then:
 *   - times `vshu consolidate <folder> --out district.xlsx` in a separate process, REPEAT times
 *     (median wall time, peak memory; bound: ≤ 5 s for 200 reports);
 *   - times reading and checking each report in this process (`readReportFile`), for the cost
 *     per file, and a `vshu consolidate --json` of one report, for the fixed cost.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { readReportFile } from "../src/cli/xlsx/readReport";
import { schoolReport, writeReport } from "../test/support/smtpFixtures";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench-out", "consolidate");
const REPORTS = join(OUT, "reports");
const SCHOOLS = Number(process.env["BENCH_SCHOOLS"] ?? 200);
const REPEAT = Number(process.env["BENCH_REPEAT"] ?? 3);
const LIMIT_SECONDS = 5;

interface Run {
  readonly seconds: number;
  readonly rssMb: number;
  /** CPU time of the process (user + system): what the run costs on a busy machine. */
  readonly cpuSeconds: number;
}

/** Preloaded into the measured process: prints its CPU time when it exits. */
const CPU_HOOK =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\n@@cpu_us="+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

function measure(args: readonly string[]): Run {
  const start = process.hrtime.bigint();
  const hooks = ["--require", join(__dirname, "rss-hook.cjs"), "--import", CPU_HOOK];
  const r = spawnSync(process.execPath, [...hooks, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) {
    throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  const kb = Math.max(0, ...[...r.stderr.matchAll(/@@maxrss_kb=(\d+)/g)].map((m) => Number(m[1])));
  const cpu = Number(/@@cpu_us=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { seconds, rssMb: kb / 1024, cpuSeconds: cpu / 1e6 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function buildReports(): Promise<void> {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  for (let i = 1; i <= SCHOOLS; i++) {
    const name = `МБОУ «СОШ № ${i}»`;
    await writeReport(
      join(REPORTS, `школа-${String(i).padStart(3, "0")}.xlsx`),
      schoolReport(i, name)
    );
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const have = existsSync(REPORTS) ? readdirSync(REPORTS).length : 0;
  if (have !== SCHOOLS || process.env["BENCH_REBUILD"] === "1") {
    const t = process.hrtime.bigint();
    await buildReports();
    console.log(
      `Отчёты школ: ${SCHOOLS} в ${REPORTS}, построены за ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} с`
    );
  }
  const vshu = join(ROOT, "bin", "vshu.js");
  const files = readdirSync(REPORTS)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(REPORTS, f));

  const runs: Run[] = [];
  for (let i = 0; i < REPEAT; i++) {
    runs.push(measure([vshu, "consolidate", REPORTS, "--out", join(OUT, "район.xlsx"), "--force"]));
  }
  const one: Run[] = [];
  for (let i = 0; i < REPEAT; i++) {
    one.push(measure([vshu, "consolidate", files[0] ?? "", "--json"]));
  }

  // In this process: reading and checking each file, warm (after a first pass).
  for (const f of files.slice(0, 10)) {
    await readReportFile(f);
  }
  const t = process.hrtime.bigint();
  for (const f of files) {
    await readReportFile(f);
  }
  const perFileMs = Number(process.hrtime.bigint() - t) / 1e6 / files.length;

  const wall = median(runs.map((r) => r.seconds));
  const fixed = median(one.map((r) => r.seconds));
  console.log(`vshu consolidate, ${files.length} отчётов (медиана из ${REPEAT}):`);
  console.log(
    `  всего ${wall.toFixed(2)} с (предел ${LIMIT_SECONDS} с), память ${median(runs.map((r) => r.rssMb)).toFixed(0)} МБ`
  );
  console.log(
    `  время процессора (user + sys): ${median(runs.map((r) => r.cpuSeconds)).toFixed(2)} с; нагрузка машины (loadavg 1 мин): ${loadavg()[0]?.toFixed(1)} на ${cpus().length} ядрах`
  );
  console.log(
    `  один отчёт (запуск, чтение, вывод): ${fixed.toFixed(2)} с, процессор ${median(one.map((r) => r.cpuSeconds)).toFixed(2)} с`
  );
  console.log(
    `  на файл: ${(((wall - fixed) / Math.max(1, files.length - 1)) * 1000).toFixed(1)} мс в процессе vshu; чтение и проверка одного отчёта (readReportFile): ${perFileMs.toFixed(1)} мс`
  );
  if (wall > LIMIT_SECONDS) {
    console.log(`ПРЕВЫШЕН ПРЕДЕЛ: ${wall.toFixed(2)} с > ${LIMIT_SECONDS} с`);
    process.exitCode = 1;
  }
}

void main();

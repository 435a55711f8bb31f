/**
 * `node --import tsx bench/document-bench.ts`: how long a person waits for one document.
 *
 * Writes the demo register (`vshu demo`), then times `vshu document` on it in separate
 * processes — each kind as .xlsx and as .docx, BENCH_REPEAT times each (default 5) — and prints
 * the median wall time per kind and format (bound: ≤ 1 s) with the process's CPU time (all its
 * threads; on a machine shared with other work the wall time grows, the CPU time much less),
 * the machine's load, and for reference `vshu deadlines`, which reads the same register.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { demoPicks } from "../src/cli/documents/demoDocuments";
import { readRegister } from "../src/cli/xlsx/readRegister";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench-out", "documents");
const REPEAT = Number(process.env["BENCH_REPEAT"] ?? 5);
const ON = "2026-11-23";
const LIMIT_S = 1;
const VSHU = join(ROOT, "bin", "vshu.js");

/** Preloaded into the measured process: prints its CPU time (all threads) when it exits. */
const CPU_HOOK =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();" +
  "process.stderr.write('@@cpu_us='+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

interface Run {
  /** Wall time, seconds. */
  readonly wall: number;
  /** CPU time of the process, seconds: what the run costs on a machine others do not load. */
  readonly cpu: number;
}

function run(args: readonly string[]): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", CPU_HOOK, VSHU, ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) {
    throw new Error(`vshu ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  // The hook runs in `vshu`'s worker thread too; the process's figure is the larger one.
  const cpu =
    Math.max(0, ...[...r.stderr.matchAll(/@@cpu_us=(\d+)/g)].map((m) => Number(m[1]))) / 1e6;
  return { wall, cpu };
}

function medians(runs: readonly Run[]): Run {
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const demo = join(OUT, "demo");
  run(["demo", "--out", demo, "--on", ON]);
  const book = join(demo, "книга_учёта.xlsx");
  const rows: [string, Run][] = [];
  const times = (args: string[]): Run => medians(Array.from({ length: REPEAT }, () => run(args)));
  rows.push([
    "vshu deadlines (чтение той же книги)",
    times(["deadlines", book, "--on", ON, "--json"]),
  ]);
  // The cases `vshu demo` shows each kind with (src/cli/documents/demoDocuments.ts).
  for (const pick of demoPicks(await readRegister(book), ON)) {
    const kind = pick.kind;
    const which = pick.code !== undefined ? ["--case", pick.code] : ["--row", String(pick.row)];
    for (const ext of ["xlsx", "docx"] as const) {
      const out = join(OUT, `${kind}.${ext}`);
      const args = ["document", book, ...which, "--kind", kind, "--on", ON];
      rows.push([
        `vshu document --kind ${kind} → .${ext}`,
        times([...args, "--out", out, "--force"]),
      ]);
    }
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(
    `Медиана из ${REPEAT} запусков, демонстрационная книга (40 случаев); нагрузка машины: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`
  );
  console.log(`  ${"".padEnd(width)}  время    ЦП`);
  for (const [name, r] of rows) {
    const flag = name.startsWith("vshu document") && r.wall > LIMIT_S ? `  > ${LIMIT_S} с` : "";
    console.log(`  ${name.padEnd(width)}  ${r.wall.toFixed(2)} с  ${r.cpu.toFixed(2)} с${flag}`);
  }
  const docs = rows.filter(([n]) => n.startsWith("vshu document")).map(([, r]) => r);
  const worst = Math.max(...docs.map((r) => r.wall));
  console.log(
    `Дольше всего: ${worst.toFixed(2)} с (граница ${LIMIT_S} с); ЦП не больше ${Math.max(...docs.map((r) => r.cpu)).toFixed(2)} с`
  );
  if (worst > LIMIT_S) {
    process.exitCode = 1;
  }
}

void main();

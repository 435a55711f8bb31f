/**
 * `node --import tsx bench/document-bench.ts`: how long a person waits for one document.
 *
 * Writes the demo register (`vshu demo`), then times `vshu document` on it in separate
 * processes — each kind as .xlsx and as .docx, BENCH_REPEAT times each (default 5) — and prints
 * the median wall time per kind and format (bound: ≤ 1 s), and for reference `vshu deadlines`,
 * which reads the same register.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { DOCUMENT_KINDS, type DocumentKind } from "../src/core/documents";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench-out", "documents");
const REPEAT = Number(process.env["BENCH_REPEAT"] ?? 5);
const ON = "2026-11-23";
const LIMIT_S = 1;
const VSHU = join(ROOT, "bin", "vshu.js");

/** The demo case each kind is timed on (see src/cli/documents/demoDocuments.ts). */
const CASE: Readonly<Record<DocumentKind, string>> = {
  signal: "В-032",
  "vshu-child": "В-006",
  "vshu-family": "В-006",
  "kdn-child": "В-011",
  "kdn-family": "В-011",
  plan: "В-006",
  order: "В-036",
  why: "В-024",
};

function run(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [VSHU, ...args], { cwd: ROOT, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) {
    throw new Error(`vshu ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  return seconds;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function main(): void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const demo = join(OUT, "demo");
  run(["demo", "--out", demo, "--on", ON]);
  const book = join(demo, "книга_учёта.xlsx");
  const rows: [string, number][] = [];
  rows.push([
    "vshu deadlines (чтение той же книги)",
    median(Array.from({ length: REPEAT }, () => run(["deadlines", book, "--on", ON, "--json"]))),
  ]);
  for (const kind of DOCUMENT_KINDS) {
    for (const ext of ["xlsx", "docx"] as const) {
      const out = join(OUT, `${kind}.${ext}`);
      const times = Array.from({ length: REPEAT }, () =>
        run([
          "document",
          book,
          "--case",
          CASE[kind],
          "--kind",
          kind,
          "--on",
          ON,
          "--out",
          out,
          "--force",
        ])
      );
      rows.push([`vshu document --kind ${kind} → .${ext}`, median(times)]);
    }
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`Медиана из ${REPEAT} запусков, демонстрационная книга (40 случаев):`);
  for (const [name, s] of rows) {
    const flag = name.startsWith("vshu document") && s > LIMIT_S ? `  > ${LIMIT_S} с` : "";
    console.log(`  ${name.padEnd(width)}  ${s.toFixed(2)} с${flag}`);
  }
  const worst = Math.max(...rows.filter(([n]) => n.startsWith("vshu document")).map(([, s]) => s));
  console.log(`Дольше всего: ${worst.toFixed(2)} с (граница ${LIMIT_S} с)`);
  if (worst > LIMIT_S) {
    process.exitCode = 1;
  }
}

main();

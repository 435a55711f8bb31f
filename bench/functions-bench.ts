/**
 * Speed of the GROUP (ГРУППА) custom function: 10 000 calls must take ≤ 100 ms in total
 * (issue 3, «Speed»). Run: `node --import tsx bench/functions-bench.ts`.
 *
 * Calls the exported @customfunction wrapper (what Excel calls) with a CustomFunctions
 * stand-in, over a mix of typical «Показатели» cells — one or several codes, Latin look-alikes,
 * empty cells — so every call parses its text. Prints the first (cold) run and the median of
 * 20 warm runs.
 */
import { performance } from "node:perf_hooks";

Object.assign(globalThis, {
  CustomFunctions: {
    Error: class extends Error {},
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  },
});

const CALLS = 10_000;
const LIMIT_MS = 100;
const SAMPLES = [
  "Р2",
  "Р2, Р5",
  "С14",
  "Р1, Р3, С2, С14",
  "p2;p5 c14",
  "",
  "Р 7 / С 11",
  "Р4\nР8\nР10",
  "С1, С3, С5, С7, С9",
  "р11",
];

async function main(): Promise<void> {
  const { group } = await import("../src/functions/functions");
  const inputs = Array.from({ length: CALLS }, (_, i) => SAMPLES[i % SAMPLES.length] ?? "");

  const run = (): { ms: number; checksum: number } => {
    let checksum = 0;
    const start = performance.now();
    for (const codes of inputs) {
      checksum += group(codes);
    }
    return { ms: performance.now() - start, checksum };
  };

  const cold = run();
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) {
    warm.push(run().ms);
  }
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? Number.NaN;
  const ok = cold.ms <= LIMIT_MS && median <= LIMIT_MS;
  console.log(`VSHU.ГРУППА (GROUP): ${CALLS} вызовов`);
  console.log(
    `  первый прогон: ${cold.ms.toFixed(1)} мс (${((cold.ms * 1000) / CALLS).toFixed(2)} мкс на вызов)`
  );
  console.log(`  медиана 20 прогонов: ${median.toFixed(1)} мс`);
  console.log(`  контрольная сумма: ${cold.checksum}`);
  console.log(`  предел ${LIMIT_MS} мс: ${ok ? "выполнен" : "ПРЕВЫШЕН"}`);
  process.exitCode = ok ? 0 : 1;
}

void main();

/**
 * `node --import tsx bench/pane-consolidate-bench.ts`: the add-in's «Свод района» against the
 * fake Excel — SCHOOLS (default 50) school reports, half written by `vshu report` (exceljs,
 * shared strings) and half by the pane (JSZip, inline strings), read and checked in this
 * process as the pane reads picked files (JSZip + the core's package check), summed, and the
 * district sheet written through the Office.js adapter. Prints the syncs (bound ≤ 3), the
 * largest request and response, and the median time of REPEAT runs.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExcelGateway, type ExcelRun } from "../src/excel/excelGateway";
import { buildReportXlsxBytes } from "../src/excel/reportWorkbook";
import { consolidateFiles, type PickedFile } from "../src/taskpane/logic/consolidation";
import { createFakeExcel } from "../test/support/fakeExcel";
import { schoolReport, writeReport } from "../test/support/smtpFixtures";

const SCHOOLS = Number(process.env["BENCH_SCHOOLS"] ?? 50);
const REPEAT = Number(process.env["BENCH_REPEAT"] ?? 5);
const MAX_SYNCS = 3;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "vshu-pane-consolidate-"));
  const files: PickedFile[] = [];
  try {
    for (let i = 0; i < SCHOOLS; i++) {
      const report = schoolReport(i + 1, `МБОУ СОШ № ${i + 1}`);
      const name = `Отчёт ВШУ школа ${i + 1}.xlsx`;
      let bytes: Uint8Array;
      if (i % 2 === 0) {
        const path = await writeReport(join(dir, name), report);
        bytes = new Uint8Array(await readFile(path));
      } else {
        bytes = await buildReportXlsxBytes(report, report.to);
      }
      files.push({ name, read: () => Promise.resolve(bytes) });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const bytesTotal = (await Promise.all(files.map((f) => f.read()))).reduce(
    (n, b) => n + b.byteLength,
    0
  );
  const runs: { read: number; total: number }[] = [];
  let syncs = 0;
  let largestRequest = 0;
  let largestResponse = 0;
  for (let r = 0; r < REPEAT; r++) {
    const fake = createFakeExcel();
    const gateway = createExcelGateway(fake.run as unknown as ExcelRun, fake.host);
    const start = performance.now();
    const result = await consolidateFiles(files, { district: "Кызылский кожуун" });
    if (!result.ok) {
      throw new Error(result.problems.join("\n"));
    }
    const read = performance.now() - start;
    await gateway.writeReportSheet(result.report, { kind: "district" });
    runs.push({ read, total: performance.now() - start });
    syncs = fake.syncCount;
    largestRequest = Math.max(...fake.requests.map((q) => q.bytes));
    largestResponse = Math.max(...fake.requests.map((q) => q.responseBytes));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const read = median(runs.map((x) => x.read));
  const total = median(runs.map((x) => x.total));
  console.log(`schools: ${SCHOOLS} (${(bytesTotal / 1024).toFixed(0)} KB of report files)`);
  console.log(`syncs: ${syncs} (bound ≤ ${MAX_SYNCS})`);
  console.log(`largest request: ${largestRequest} B, largest response: ${largestResponse} B`);
  console.log(
    `median of ${REPEAT}: read + check + sum ${read.toFixed(0)} ms (${(read / SCHOOLS).toFixed(1)} ms per file), with the sheet ${total.toFixed(0)} ms; first run ${runs[0]?.total.toFixed(0)} ms`
  );
  if (syncs > MAX_SYNCS) {
    process.exitCode = 1;
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

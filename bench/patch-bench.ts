/**
 * `node --import tsx bench/patch-bench.ts`: the register write path on a large register.
 *
 * Builds (once, in bench-out/) a register of 10 000 episodes with 10 000 rows each of
 * «Мероприятия», «Помощь», «Занятость», «Служба», then times, each REPEAT times (median):
 *   - the zip step alone: writing the package back after one sheet changed, by copying the
 *     unchanged parts' compressed bytes (patch/zip.ts) against JSZip (load + generateAsync);
 *   - appending 10 000 rows to «Учёт» in the package (open, append, bytes);
 *   - the whole safe replacement (`updateRegister`): read, upgrade check, append 10 000 rows,
 *     «Журнал», write beside, read back whole and compare, rename — the import's budget is 3 s;
 *     in this process, and as the command line runs it: a new node process running the compiled
 *     code (`npm run build:cli`) in a worker thread with vshu's 96 MB young generation.
 * Wall time and CPU time are printed: on a shared machine the wall time also counts the time
 * other processes held the cores.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { defaultSettings } from "../src/core/register/defaults";
import { updateRegister } from "../src/cli/registerUpdate";
import { appendRows, type PatchRow } from "../src/cli/xlsx/patch/appendRows";
import { WorkbookEditor } from "../src/cli/xlsx/patch/book";
import { ZipPackage } from "../src/cli/xlsx/patch/zip";
import { readWorkbookTables } from "../src/cli/xlsx/readWorkbook";
import { registerBytes } from "../src/cli/xlsx/writeRegister";
import { largeRegisterRows } from "../test/support/largeRegister";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench-out");
const BOOK = join(OUT, "register-10k-v2.xlsx");
const WORK = join(OUT, "patch-work.xlsx");
const REPEAT = Number(process.env["BENCH_REPEAT"] ?? 3);
const EPISODES = 10_000;
const ROWS = 10_000;
/** The import's wall-time budget for 10 000 rows (issue 10). */
const BUDGET_S = 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function time(label: string, run: () => Promise<unknown> | unknown): Promise<number> {
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    await run();
    runs.push(Number(process.hrtime.bigint() - t) / 1e9);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1e6);
  }
  report(label, runs, cpu);
  return median(runs);
}

function report(label: string, runs: readonly number[], cpu: readonly number[]): void {
  console.log(
    `${label.padEnd(62)} ${median(runs).toFixed(3)} с, ЦП ${median(cpu).toFixed(3)} с (${runs.map((r) => r.toFixed(2)).join(", ")})`
  );
}

/** The update as `vshu` runs it: a new process, the compiled code, a worker with a 96 MB young generation. */
function timeAsCli(rowsFile: string, readBack: "whole" | "changed"): number {
  const build = join(ROOT, "build", "cli");
  const worker = `
    const { workerData, parentPort } = require("node:worker_threads");
    const { updateRegister } = require(${JSON.stringify(join(build, "registerUpdate.js"))});
    const { appendRows } = require(${JSON.stringify(join(build, "xlsx", "patch", "appendRows.js"))});
    const rows = JSON.parse(require("node:fs").readFileSync(workerData.rows, "utf8"));
    const c = process.cpuUsage();
    updateRegister(workerData.book, { who: "vshu bench", action: "замер", readBack: workerData.readBack, edit: ({ book }) => { appendRows(book, "Учёт", rows); } })
      .then(() => { const u = process.cpuUsage(c); parentPort.postMessage((u.user + u.system) / 1e6); });`;
  const main = `
    const { Worker } = require("node:worker_threads");
    const w = new Worker(${JSON.stringify(worker)}, { eval: true, workerData: { book: ${JSON.stringify(WORK)}, rows: ${JSON.stringify(rowsFile)}, readBack: ${JSON.stringify(readBack)} }, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    w.on("message", (cpu) => console.log("cpu=" + cpu));
    w.on("error", (e) => { console.error(e); process.exitCode = 2; });`;
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    copyFileSync(BOOK, WORK);
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-e", main], { encoding: "utf8" });
    runs.push(Number(process.hrtime.bigint() - t) / 1e9);
    if (r.status !== 0) {
      throw new Error(r.stderr);
    }
    cpu.push(Number(/cpu=([\d.]+)/.exec(r.stdout)?.[1] ?? NaN));
  }
  const how = readBack === "whole" ? "проверка всей книги" : "проверка изменённых листов";
  report(`как vshu: ${ROWS} строк в «Учёт», ${how}`, runs, cpu);
  return median(runs);
}

/** New «Учёт» rows after the register's own (codes В-10001…). */
function newCases(n: number): PatchRow[] {
  return Array.from({ length: n }, (_, i) => ({
    Код: `В-${EPISODES + 1 + i}`,
    Фамилия: i % 50 === 0 ? "=Формула-не-формула" : "Монгуш",
    Имя: "Айдыс",
    Отчество: "Орланович",
    "Дата рождения": { date: "2013-04-05" },
    Класс: "7А",
    "Код семьи": `С-${i % 7000}`,
    "Дата выявления": { date: "2026-10-01" },
    Источник: "классный руководитель",
    Показатели: "Р2, Р5",
    Уровень: "1",
    "Дата постановки": { date: "2026-10-08" },
    Протокол: `№ ${i + 1}`,
    Куратор: "Социальный педагог",
  }));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(BOOK) || process.env["BENCH_REBUILD"] === "1") {
    const t = Date.now();
    const settings = defaultSettings({
      school: "Школа для замеров",
      district: "Кызыл",
      startYear: 2026,
    }).map(([p, v]) => ({ Параметр: p, Значение: v }));
    const bytes = await registerBytes({ sheets: { ...largeRegisterRows(EPISODES), settings } });
    writeFileSync(BOOK, bytes);
    console.log(
      `Книга для замеров: ${BOOK} (${(statSync(BOOK).size / 1e6).toFixed(1)} МБ), ${((Date.now() - t) / 1000).toFixed(1)} с`
    );
  }
  const source = readFileSync(BOOK);
  const rows = newCases(ROWS);

  // The zip step: one sheet part changed, the package written back.
  const sheetPart =
    WorkbookEditor.open(source).findSheet("Учёт")?.part ?? "xl/worksheets/sheet2.xml";
  const changedXml = `${ZipPackage.open(source).text(sheetPart) ?? ""}<!-- changed -->`;
  console.log(
    `Пакет ${(source.length / 1e6).toFixed(1)} МБ; часть ${sheetPart}: ${(changedXml.length / 1e6).toFixed(1)} МБ текста`
  );
  await time("zip: копирование несжатых заново частей (patch/zip.ts)", () => {
    const z = ZipPackage.open(source);
    z.write(sheetPart, changedXml);
    return z.toBuffer();
  });
  await time("zip: JSZip loadAsync + generateAsync (DEFLATE)", async () => {
    const z = await JSZip.loadAsync(source);
    z.file(sheetPart, changedXml);
    return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  });

  await time(`пакет: открыть, дописать ${ROWS} строк в «Учёт», собрать`, () => {
    const book = WorkbookEditor.open(source);
    appendRows(book, "Учёт", rows);
    return book.toBuffer();
  });
  await time("чтение книги целиком (readWorkbookTables)", () => readWorkbookTables(BOOK, () => []));

  const whole = await time(`updateRegister: ${ROWS} строк в «Учёт», с проверкой`, async () => {
    copyFileSync(BOOK, WORK);
    await updateRegister(WORK, {
      who: "vshu bench",
      action: "замер",
      now: "2026-11-23T10:00:00",
      edit: ({ book }) => {
        appendRows(book, "Учёт", rows);
      },
    });
  });
  const rowsFile = join(OUT, "patch-rows.json");
  writeFileSync(rowsFile, JSON.stringify(rows));
  const cliWhole = timeAsCli(rowsFile, "whole");
  const cli = timeAsCli(rowsFile, "changed");
  const after = await readWorkbookTables(WORK, () => []);
  const cases = after.get("Учёт")?.rows.length ?? 0;
  console.log(`Прочитано после записи: «Учёт» ${cases} строк (ожидалось ${EPISODES + ROWS})`);
  console.log(
    `Бюджет импорта 10 000 строк ${BUDGET_S} с: в процессе ${whole.toFixed(2)} с; как vshu ${cliWhole.toFixed(2)} с (вся книга), ${cli.toFixed(2)} с (изменённые листы) — ${cli <= BUDGET_S ? "уложились" : "НЕ уложились"}`
  );
  if (cases !== EPISODES + ROWS) {
    process.exitCode = 1;
  }
}

void main();

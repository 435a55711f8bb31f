/**
 * `vshu consolidate`: the district report from the schools' report workbooks. The sums are
 * checked against an independent oracle (every number of the schools' data sheets added key
 * by key), section III against the schools' own lines and the printed «Итого»; the refusals
 * name every bad file at once; VII and the district come from options, a settings file, or
 * the reports; a report resaved by LibreOffice is read like any other.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runConsolidate } from "../../src/cli/commands/consolidate";
import { UserError } from "../../src/cli/errors";
import { readReportFile } from "../../src/cli/xlsx/readReport";
import { buildRegisterWorkbook } from "../../src/cli/xlsx/writeRegister";
import { SETTING } from "../../src/core/register/schema";
import { flattenReport } from "../../src/core/report/flatten";
import { isDistrictReport } from "../../src/core/report/mailText";
import type { ReportJson } from "../../src/core/report/types";
import { convertWithLibreOffice } from "../support/libreOffice";
import { schoolReport, tempDir, writeBook, writeReport } from "../support/smtpFixtures";

const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");
const quiet = { note: () => undefined };

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    assert.ok(error instanceof UserError, `a UserError, got ${String(error)}`);
    return error.message;
  }
  assert.fail("expected the command to refuse");
}

/** Schools' reports of November in a new folder; returns their paths. */
async function schools(dir: string, names: readonly string[], seed = 1): Promise<string[]> {
  const paths: string[] = [];
  for (const [i, name] of names.entries()) {
    paths.push(await writeReport(join(dir, `школа-${i + 1}.xlsx`), schoolReport(seed + i, name)));
  }
  return paths;
}

/** The oracle: every numeric key outside section III, added over the reports. */
function numericSums(reports: readonly ReportJson[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of reports) {
    for (const [key, value] of flattenReport(r)) {
      if (typeof value === "number" && !key.startsWith("assistance.")) {
        sums.set(key, (sums.get(key) ?? 0) + value);
      }
    }
  }
  return sums;
}

describe("vshu consolidate: the district report", () => {
  test("sums I, II, IV, V, VI; lists every school in III with a total; VII from the options", async () => {
    const dir = tempDir("consolidate");
    const names = ["МБОУ СОШ № 3", "МБОУ СОШ № 1", "МБОУ «Лицей № 15»"];
    const files = await schools(dir, names);
    const inputs = await Promise.all(files.map((f) => readReportFile(f)));
    const out = join(dir, "район.xlsx");
    const progress: [number, number][] = [];
    const { report, message } = await runConsolidate({
      inputs: files,
      out,
      coordinatorName: "Иванова Анна Петровна",
      coordinatorPosition: "главный специалист управления образования",
      coordinatorPhone: "8 (394 22) 2-00-00",
      progress: (done, total) => progress.push([done, total]),
      ...quiet,
    });
    assert.match(message, /Сводный отчёт: Кызылский кожуун, ноябрь 2026, школ: 3/);
    assert.deepEqual(progress, [
      [1, 3],
      [2, 3],
      [3, 3],
    ]);

    const written = await readReportFile(out, { printed: true });
    assert.deepEqual(written.report, report, "the workbook holds what --json prints");
    assert.ok(isDistrictReport(report));
    assert.equal(report.district, "Кызылский кожуун");
    assert.equal(report.from, "2026-11-01");
    assert.equal(report.to, "2026-11-30");

    const oracle = numericSums(inputs.map((i) => i.report));
    const got = new Map(
      flattenReport(report).filter(
        (p): p is [string, number] => typeof p[1] === "number" && !p[0].startsWith("assistance.")
      )
    );
    assert.deepEqual(got, oracle);
    assert.ok(
      (oracle.get("socialPassport.total.children") ?? 0) > 0 &&
        (oracle.get("register.level1.total.onRegister.children") ?? 0) > 0,
      "the oracle adds real counts, not zeros"
    );

    const bySchool = [...inputs.map((i) => i.report.assistance[0])].sort((a, b) =>
      (a?.school ?? "").localeCompare(b?.school ?? "", "ru", { numeric: true })
    );
    assert.deepEqual(report.assistance, bySchool);
    assert.deepEqual(
      report.assistance.map((a) => a.school),
      ["МБОУ «Лицей № 15»", "МБОУ СОШ № 1", "МБОУ СОШ № 3"]
    );
    assert.deepEqual(report.coordinator, {
      name: "Иванова Анна Петровна",
      position: "главный специалист управления образования",
      phone: "8 (394 22) 2-00-00",
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const totals: number[][] = [];
    wb.getWorksheet("Отчёт")?.eachRow((row) => {
      if (row.getCell(2).value === "Итого") {
        totals.push([3, 4, 5, 6, 7, 8, 9].map((c) => Number(row.getCell(c).value)));
      }
    });
    const sumOf = (level: "level1" | "level2") => {
      const rows = report.assistance.map((a) => a[level]);
      const add = (f: (x: (typeof rows)[number]) => number) => rows.reduce((s, x) => s + f(x), 0);
      return [
        add((x) => x.families),
        add((x) => x.helped),
        add((x) => x.byKind.psychological),
        add((x) => x.byKind.financial),
        add((x) => x.byKind.clothing),
        add((x) => x.byKind.employment),
        add((x) => x.byKind.treatment),
      ];
    };
    assert.deepEqual(totals, [sumOf("level1"), sumOf("level2")], "III has a total row per level");
  });

  test("a folder or a wildcard stands for its reports; the output beside them is not read back", async () => {
    const dir = tempDir("consolidate-dir");
    const folder = join(dir, "отчёты");
    mkdirSync(folder);
    await schools(folder, ["Школа А", "Школа Б"]);
    const out = join(folder, "район.xlsx");
    const first = await runConsolidate({
      inputs: [folder],
      out,
      district: "Тес-Хемский кожуун",
      ...quiet,
    });
    assert.equal(first.report.assistance.length, 2);
    assert.equal(first.report.district, "Тес-Хемский кожуун");
    const again = await runConsolidate({
      inputs: [join(folder, "*.xlsx")],
      out,
      force: true,
      ...quiet,
    });
    assert.equal(again.report.assistance.length, 2, "район.xlsx itself is skipped");
  });

  test("VII and the district from a settings file (.json or a workbook's «Настройки»), else from the reports", async () => {
    const dir = tempDir("consolidate-settings");
    const files = await schools(dir, ["Школа 1", "Школа 2"]);
    const json = join(dir, "координатор.json");
    writeFileSync(
      json,
      JSON.stringify({
        Район: "Улуг-Хемский кожуун",
        "Координатор ФИО": "Петров П. П.",
        "Координатор должность": "методист",
        "Координатор телефон": "2-22-22",
      })
    );
    const fromJson = await runConsolidate({ inputs: files, settings: json, ...quiet });
    assert.equal(fromJson.report.district, "Улуг-Хемский кожуун");
    assert.deepEqual(fromJson.report.coordinator, {
      name: "Петров П. П.",
      position: "методист",
      phone: "2-22-22",
    });

    const book = join(dir, "настройки.xlsx");
    await buildRegisterWorkbook({
      sheets: {
        settings: [
          { Параметр: SETTING.district, Значение: "Пий-Хемский кожуун" },
          { Параметр: SETTING.coordinatorName, Значение: "Сидорова С. С." },
        ],
      },
    }).xlsx.writeFile(book);
    const fromBook = await runConsolidate({
      inputs: files,
      settings: book,
      coordinatorPhone: "3-33-33",
      ...quiet,
    });
    assert.equal(fromBook.report.district, "Пий-Хемский кожуун");
    assert.deepEqual(fromBook.report.coordinator, {
      name: "Сидорова С. С.",
      position: "",
      phone: "3-33-33",
    });

    const notes: string[] = [];
    const fromReports = await runConsolidate({ inputs: files, note: (l) => notes.push(l) });
    const first = (await readReportFile(files[0] ?? "")).report;
    assert.deepEqual(fromReports.report.coordinator, first.coordinator, "the schools agree");
    assert.deepEqual(notes, []);

    const unknown = join(dir, "опечатка.json");
    writeFileSync(unknown, JSON.stringify({ Раион: "x" }));
    assert.match(
      await refusal(runConsolidate({ inputs: files, settings: unknown, ...quiet })),
      /неизвестный параметр «Раион»/
    );
  });

  test("a report resaved by LibreOffice is consolidated like the others", async () => {
    const dir = tempDir("consolidate-lo");
    const files = await schools(dir, ["Школа Л", "Школа М"]);
    const resaved = join(dir, "lo");
    mkdirSync(resaved);
    const converted = convertWithLibreOffice(
      files[0] ?? "",
      "xlsx:Calc MS Excel 2007 XML",
      resaved
    );
    const direct = await runConsolidate({ inputs: files, ...quiet });
    const viaLo = await runConsolidate({ inputs: [converted, files[1] ?? ""], ...quiet });
    assert.deepEqual(viaLo.report, direct.report);
  });
});

describe("vshu consolidate refuses, naming the file", () => {
  test("every unreadable file at once: a register, a foreign workbook, a missing file", async () => {
    const dir = tempDir("consolidate-bad");
    const [good] = await schools(dir, ["Школа 1"]);
    const book = await writeBook(join(dir, "книга.xlsx"));
    const foreign = join(dir, "таблица.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Лист1").addRow([1, 2]);
    await wb.xlsx.writeFile(foreign);
    const missing = join(dir, "нет.xlsx");
    const message = await refusal(
      runConsolidate({
        inputs: [good ?? "", book, foreign, missing],
        out: join(dir, "р.xlsx"),
        ...quiet,
      })
    );
    assert.match(message, new RegExp(`${book.replace(/[.]/g, "\\.")}: это книга учёта`));
    assert.match(message, /таблица\.xlsx: это не отчёт ВШУ/);
    assert.match(message, /нет\.xlsx: файл не найден/);
    assert.match(message, /Не прочитано отчётов: 3 из 4\. Сводный отчёт не построен/);
  });

  test("a report of another period, named against the period of the others", async () => {
    const dir = tempDir("consolidate-period");
    const files = await schools(dir, ["Школа 1", "Школа 2"]);
    const october = await writeReport(
      join(dir, "октябрь.xlsx"),
      schoolReport(9, "Школа 3", { from: "2026-10-01", to: "2026-10-31" })
    );
    const message = await refusal(runConsolidate({ inputs: [october, ...files], ...quiet }));
    assert.match(
      message,
      /октябрь\.xlsx: отчёт за октябрь 2026, а остальные — за ноябрь 2026: попросите школу прислать отчёт за ноябрь 2026/
    );
    assert.doesNotMatch(message, /школа-1\.xlsx: отчёт за/);
  });

  test("the same school twice, even written differently", async () => {
    const dir = tempDir("consolidate-twice");
    const files = await schools(dir, ["МБОУ СОШ № 1", "МБОУ СОШ № 2"]);
    const twice = await writeReport(
      join(dir, "ещё раз.xlsx"),
      schoolReport(5, "мбоу  сош №1".replace("№1", "№ 1"))
    );
    const message = await refusal(runConsolidate({ inputs: [...files, twice], ...quiet }));
    assert.match(
      message,
      /ещё раз\.xlsx: отчёт школы «мбоу {2}сош № 1» уже есть в .*школа-1\.xlsx — одна школа сводится один раз/
    );
  });

  test("a district report among the schools', schools of different districts, an output that is not a district report", async () => {
    const dir = tempDir("consolidate-misc");
    const files = await schools(dir, ["Школа 1", "Школа 2"]);
    const district = join(dir, "район.xlsx");
    await runConsolidate({ inputs: files, out: district, ...quiet });
    assert.match(
      await refusal(runConsolidate({ inputs: [...files, district], ...quiet })),
      /район\.xlsx: это сводный отчёт района, а не отчёт школы/
    );

    const other = await writeReport(
      join(dir, "другой район.xlsx"),
      schoolReport(3, "Школа 3", undefined, "Эрзинский кожуун")
    );
    assert.match(
      await refusal(runConsolidate({ inputs: [...files, other], ...quiet })),
      /Отчёты школ называют разные районы \(«Кызылский кожуун», «Эрзинский кожуун»\): укажите район сводного отчёта параметром --district/
    );

    const keep = join(dir, "чужой.xlsx");
    copyFileSync(files[0] ?? "", keep);
    assert.match(
      await refusal(runConsolidate({ inputs: [files[1] ?? ""], out: keep, ...quiet })),
      /--out .*чужой\.xlsx: файл уже существует; укажите другое имя или добавьте --force/
    );
  });

  test("bin/vshu.js consolidate: exit 0 with no progress line off a terminal, exit 1 on a bad set", async () => {
    const dir = tempDir("consolidate-bin");
    const files = await schools(dir, ["Школа 1", "Школа 2"]);
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [VSHU, "consolidate", ...args]);
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
        child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      });
    const ok = await run(...files, "--json");
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal((JSON.parse(ok.stdout) as ReportJson).assistance.length, 2);
    assert.doesNotMatch(ok.stderr, /Чтение отчётов/);
    const twice = await run(
      files[0] ?? "",
      join(dir, "школа-1.xlsx", "..", "школа-1.xlsx"),
      "--json"
    );
    assert.equal(twice.status, 0, "the same path twice is one file");
    const none = await run(...files);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /Укажите файл сводного отчёта: --out DISTRICT\.xlsx/);
  });
});

/**
 * Bad input: the real `vshu` binary exits 1 with a Russian message naming the file, sheet,
 * row and column; writes no output file; leaves the register untouched.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { buildRegisterWorkbook, type SheetRows } from "../../src/cli/xlsx/writeRegister";
import { defaultSettings } from "../../src/core/register/defaults";

const dir = mkdtempSync(join(tmpdir(), "vshu-bad-"));
const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");

function vshu(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [VSHU, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const d = (date: string) => ({ date });

const CASES: SheetRows = [
  {
    Код: "В-1",
    Фамилия: "Монгуш",
    Имя: "Айдыс",
    "Дата рождения": d("2014-03-02"),
    "Код семьи": "С-1",
    "Дата выявления": d("2026-10-01"),
    Показатели: "Р2, Р5",
    Уровень: 1,
    "Дата постановки": d("2026-10-05"),
  },
  {
    Код: "В-2",
    Фамилия: "Ооржак",
    Имя: "Чечек",
    "Дата рождения": d("2012-07-12"),
    "Дата выявления": d("2026-10-10"),
    Показатели: "С14",
    Уровень: 2,
    "Дата постановки": d("2026-10-20"),
  },
];

async function validBook(name: string): Promise<string> {
  const settings = defaultSettings({ school: "Школа", district: "Кызыл", startYear: 2026 }).map(
    ([p, v]) => ({
      Параметр: p,
      Значение: v,
    })
  );
  const wb = buildRegisterWorkbook({
    sheets: {
      settings,
      cases: CASES,
      assistance: [{ Код: "В-1", Дата: d("2026-10-15"), "Вид помощи": "вещевая" }],
    },
  });
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Loads a book, changes it, saves it back. */
async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  await wb.xlsx.writeFile(file);
}

function headerColumn(ws: ExcelJS.Worksheet, header: string): number {
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === header) {
      col = n;
    }
  });
  assert.ok(col > 0, `no header ${header}`);
  return col;
}

function setCase(
  wb: ExcelJS.Workbook,
  row: number,
  header: string,
  value: ExcelJS.CellValue
): void {
  const ws = wb.getWorksheet("Учёт");
  assert.ok(ws);
  ws.getCell(row, headerColumn(ws, header)).value = value;
}

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

interface BadCase {
  readonly name: string;
  readonly change: (wb: ExcelJS.Workbook) => void;
  /** Every fragment must be in the message. */
  readonly expect: readonly string[];
}

const BAD: readonly BadCase[] = [
  {
    name: "a missing sheet",
    change: (wb) => {
      const ws = wb.getWorksheet("Помощь");
      assert.ok(ws);
      wb.removeWorksheet(ws.id);
    },
    expect: ["лист «Помощь»", "нет листа"],
  },
  {
    name: "a missing header",
    change: (wb) => {
      const ws = wb.getWorksheet("Учёт");
      assert.ok(ws);
      ws.getCell(1, headerColumn(ws, "Дата постановки")).value = "Дата пост.";
    },
    expect: ["лист «Учёт»", "столбец «Дата постановки»", "нет столбца"],
  },
  {
    name: "an unknown indicator code",
    change: (wb) => setCase(wb, 3, "Показатели", "С14, Х9"),
    expect: ["лист «Учёт»", "строка 3", "столбец «Показатели»", "«Х9»"],
  },
  {
    name: "an unreadable date",
    change: (wb) => setCase(wb, 2, "Дата выявления", "31.02.2026"),
    expect: ["лист «Учёт»", "строка 2", "столбец «Дата выявления»", "«31.02.2026»"],
  },
  {
    name: "a date in a wrong format",
    change: (wb) => setCase(wb, 2, "Дата постановки", "5 октября"),
    expect: ["строка 2", "столбец «Дата постановки»", "ДД.ММ.ГГГГ"],
  },
  {
    name: "a level other than 1 or 2",
    change: (wb) => setCase(wb, 3, "Уровень", 3),
    expect: ["строка 3", "столбец «Уровень»", "1 или 2"],
  },
  {
    name: "a level without a registration date",
    change: (wb) => setCase(wb, 2, "Дата постановки", null),
    expect: ["строка 2", "столбец «Дата постановки»"],
  },
  {
    name: "an unknown kind of assistance",
    change: (wb) => {
      const ws = wb.getWorksheet("Помощь");
      assert.ok(ws);
      ws.getCell(2, headerColumn(ws, "Вид помощи")).value = "денежная";
    },
    expect: ["лист «Помощь»", "строка 2", "столбец «Вид помощи»", "«денежная»"],
  },
  {
    name: "assistance for a case that does not exist",
    change: (wb) => {
      const ws = wb.getWorksheet("Помощь");
      assert.ok(ws);
      ws.getCell(2, headerColumn(ws, "Код")).value = "В-99";
    },
    expect: ["лист «Помощь»", "строка 2", "столбец «Код»", "«В-99»"],
  },
];

describe("bad input", () => {
  for (const c of BAD) {
    test(`${c.name}: exit 1, located message, no output, register untouched`, async () => {
      const file = await validBook(`${c.name.replace(/\s+/g, "_")}.xlsx`);
      await edit(file, c.change);
      const before = sha(file);
      const out = join(dir, `out-${before.slice(0, 8)}.xlsx`);
      const report = vshu(
        "report",
        file,
        "--from",
        "2026-09-01",
        "--to",
        "2026-11-30",
        "--out",
        out
      );
      assert.equal(report.status, 1, report.stderr);
      assert.ok(report.stderr.includes(file), `the message names the file: ${report.stderr}`);
      for (const fragment of c.expect) {
        assert.ok(report.stderr.includes(fragment), `«${fragment}» missing from: ${report.stderr}`);
      }
      assert.equal(report.stdout, "");
      assert.equal(existsSync(out), false, "no report file is written");
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.endsWith(".tmp")),
        [],
        "no temporary file is left"
      );
      const deadlines = vshu("deadlines", file, "--on", "2026-11-23", "--json");
      assert.equal(deadlines.status, 1);
      assert.equal(deadlines.stdout, "");
      assert.equal(sha(file), before, "the register is untouched");
    });
  }

  test("the valid book itself passes, so the cases above fail for their own reason", async () => {
    const file = await validBook("valid.xlsx");
    const out = join(dir, "valid-report.xlsx");
    const r = vshu("report", file, "--from", "2026-09-01", "--to", "2026-11-30", "--out", out);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(out));
  });

  test("empty rows inside a table are skipped", async () => {
    const settings = defaultSettings({ school: "Школа", district: "Кызыл", startYear: 2026 }).map(
      ([p, v]) => ({
        Параметр: p,
        Значение: v,
      })
    );
    const wb = buildRegisterWorkbook({
      sheets: { settings, cases: [CASES[0] ?? {}, {}, {}, CASES[1] ?? {}] },
    });
    const file = join(dir, "blank-rows.xlsx");
    await wb.xlsx.writeFile(file);
    const r = vshu("report", file, "--from", "2026-09-01", "--to", "2026-11-30", "--json");
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      register: { level2: { total: { onRegister: { children: number } } } };
    };
    assert.equal(json.register.level2.total.onRegister.children, 1);
  });

  test("a file that is not a workbook", async () => {
    const file = join(dir, "not-a-book.xlsx");
    await import("node:fs/promises").then((fs) => fs.writeFile(file, "это не книга"));
    const r = vshu("report", file, "--from", "2026-09-01", "--to", "2026-11-30", "--json");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /это текстовый файл .*а не книга Excel/);
  });

  test("a missing file, a bad period and bad options are refused in Russian", () => {
    const missing = vshu(
      "report",
      join(dir, "нет.xlsx"),
      "--from",
      "2026-09-01",
      "--to",
      "2026-11-30",
      "--json"
    );
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /файл не найден/);
    const badDate = vshu("deadlines", join(dir, "нет.xlsx"), "--on", "23.11.2026");
    assert.equal(badDate.status, 1);
    assert.match(badDate.stderr, /--on: «23\.11\.2026» — укажите дату в виде ГГГГ-ММ-ДД/);
    const noTo = vshu("report", join(dir, "нет.xlsx"), "--from", "2026-09-01");
    assert.equal(noTo.status, 1);
    assert.match(noTo.stderr, /не указан обязательный параметр --to/);
  });
});

describe("init", () => {
  test("refuses to overwrite an existing file", async () => {
    const file = await validBook("existing.xlsx");
    const before = sha(file);
    const r = vshu("init", file);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /уже существует/);
    assert.equal(sha(file), before);
  });

  test("refuses a malformed school year and writes nothing", () => {
    const file = join(dir, "year.xlsx");
    const r = vshu("init", file, "--year", "2026");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /учебный год/);
    assert.equal(existsSync(file), false);
  });
});

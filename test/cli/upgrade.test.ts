/**
 * `vshu upgrade` on registers written by another program at version 1: every original cell,
 * formula, column order and row is still there (an independent reader compares cell by cell),
 * the version-2 columns, settings and sheets are added, LibreOffice opens the result, and the
 * other commands read it. Re-running is a no-op; a newer version and an open register are
 * refused with nothing written.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isoToExcelSerial } from "../../src/core/dates/isoDate";
import { parseRegister } from "../../src/core/register/parseRegister";
import { defaultRegulationRows } from "../../src/core/register/regulation";
import { QUARTERS, SHEET, V2_COLUMNS, quarterParam } from "../../src/core/register/schema";
import { readWorkbookTables } from "../../src/cli/xlsx/readWorkbook";
import { foreignRegister } from "../support/foreignXlsx";
import { convertWithLibreOffice } from "../support/libreOffice";
import { formatOfStyle, readCells } from "../support/xlsxCells";

const dir = mkdtempSync(join(tmpdir(), "vshu-upgrade-"));
const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");

function vshu(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [VSHU, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function v1Book(
  name: string,
  opts: Parameters<typeof foreignRegister>[0] = {}
): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await foreignRegister(opts));
  return file;
}

describe("vshu upgrade of a version-1 register written by another program", () => {
  let book = "";
  let original = Buffer.alloc(0);
  let run: ReturnType<typeof vshu>;
  before(async () => {
    book = await v1Book("школа.xlsx");
    original = readFileSync(book);
    run = vshu("upgrade", book);
  });

  test("exits 0, says what it did in Russian and keeps the old register beside it", () => {
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /обновлена до версии 2/);
    assert.match(run.stdout, /школа\.v1\.xlsx/);
    assert.match(run.stdout, /добавлены столбцы «Протокол снятия»/);
    assert.match(run.stdout, /Регламент/);
    assert.ok(
      readFileSync(join(dir, "школа.v1.xlsx")).equals(original),
      "the backup is the original"
    );
  });

  test("every original cell keeps its value, formula and place", async () => {
    const was = await readCells(original);
    const now = await readCells(readFileSync(book));
    const quarterRows = new Set<number>();
    for (const [addr, cell] of was.get(SHEET.settings) ?? []) {
      if (
        /^A/.test(addr) &&
        QUARTERS.some((q) =>
          [quarterParam(q, "from"), quarterParam(q, "to")].includes(cell.value ?? "")
        )
      ) {
        quarterRows.add(Number(addr.slice(1)));
      }
    }
    assert.equal(quarterRows.size, 8);
    for (const [sheet, cells] of was) {
      const after = now.get(sheet);
      assert.ok(after, `sheet ${sheet}`);
      for (const [addr, cell] of cells) {
        if (
          sheet === SHEET.settings &&
          addr.startsWith("B") &&
          quarterRows.has(Number(addr.slice(1)))
        ) {
          continue; // the quarter dates: checked below
        }
        assert.equal(after.get(addr)?.value, cell.value, `${sheet}!${addr}`);
        assert.equal(after.get(addr)?.formula, cell.formula, `${sheet}!${addr} formula`);
        assert.equal(after.get(addr)?.type, cell.type, `${sheet}!${addr} type`);
      }
    }
  });

  test("the quarter dates are date cells shown ДД.ММ.ГГГГ", async () => {
    const bytes = readFileSync(book);
    const settings = (await readCells(bytes)).get(SHEET.settings);
    const want = [
      "2026-09-01",
      "2026-10-24",
      "2026-11-05",
      "2026-12-28",
      "2027-01-12",
      "2027-03-20",
      "2027-03-30",
      "2027-05-26",
    ];
    for (const [i, date] of want.entries()) {
      const cell = settings?.get(`B${5 + i}`);
      assert.equal(cell?.value, String(isoToExcelSerial(date)), `quarter ${i}`);
      assert.equal(cell?.type, "n");
      assert.equal(await formatOfStyle(bytes, cell?.style ?? 0), "dd.mm.yyyy");
    }
  });

  test("version-2 columns are at the right end of their tables, the user's columns in place", async () => {
    const tables = await readWorkbookTables(book, () => []);
    const was = await readWorkbookTables(join(dir, "школа.v1.xlsx"), () => []);
    for (const [key, added] of Object.entries(V2_COLUMNS)) {
      const name = SHEET[key as keyof typeof SHEET];
      const before = was.get(name)?.headers ?? [];
      assert.deepEqual(tables.get(name)?.headers, [...before, ...(added ?? [])], name);
    }
    assert.deepEqual(tables.get(SHEET.cases)?.headers.slice(0, 7), [
      "Код",
      "Фамилия",
      "Заметка классного руководителя",
      "Имя",
      "Отчество",
      "Дата рождения",
      "Возраст на 01.09",
    ]);
  });

  test("settings, «Регламент» and «Журнал» of version 2; the register reads without an issue", async () => {
    const tables = await readWorkbookTables(book, () => []);
    const { register, issues } = parseRegister(tables);
    assert.deepEqual(issues, []);
    assert.equal(register.settings.version, 2);
    assert.equal(register.settings.region, "Республика Тыва");
    assert.equal(register.settings.raw["Моя настройка"], "не трогать");
    assert.equal(register.regulation.fromSheet, true);
    const regulation = tables.get(SHEET.regulation);
    assert.deepEqual(
      regulation?.rows.map((r) => r.cells[0]),
      defaultRegulationRows().map((r) => r.Шаг)
    );
    const journal = tables.get(SHEET.journal);
    assert.deepEqual(journal?.headers, ["Когда", "Кто", "Действие", "Лист", "Строки", "Код"]);
    assert.equal(journal?.rows.length, 1);
    assert.equal(journal?.rows[0]?.cells[1], "vshu upgrade");
    assert.equal(typeof journal?.rows[0]?.cells[0], "number", "«Когда» is a date-time cell");
  });

  test("the other commands read the upgraded register", () => {
    const d = vshu("deadlines", book, "--on", "2026-11-23", "--json");
    assert.equal(d.status, 0, d.stderr);
    const r = vshu("report", book, "--from", "2026-09-01", "--to", "2026-11-30", "--json");
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { school: string }).school, "МБОУ «СОШ № 3 г. Чадана»");
  });

  test("LibreOffice opens it", () => {
    const pdf = convertWithLibreOffice(book, "pdf", join(dir, "pdf"));
    assert.ok(readFileSync(pdf).length > 1000);
  });

  test("running it again changes nothing", () => {
    const before = readFileSync(book);
    const files = readdirSync(dir).sort();
    const again = vshu("upgrade", book);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /уже версии 2/);
    assert.ok(readFileSync(book).equals(before));
    assert.deepEqual(readdirSync(dir).sort(), files);
  });
});

describe("vshu upgrade refuses", () => {
  test("a register of a newer version: exit 1, nothing written", async () => {
    const book = await v1Book("новая.xlsx", { version: 3 });
    const before = readFileSync(book);
    const r = vshu("upgrade", book);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /версии 3/);
    assert.match(r.stderr, /более новой версией ВШУ/);
    assert.ok(readFileSync(book).equals(before));
    assert.equal(existsSync(join(dir, "новая.v3.xlsx")), false);
  });

  for (const [program, lock] of [
    ["Excel", (n: string) => `~$${n}`],
    ["LibreOffice", (n: string) => `.~lock.${n}#`],
  ] as const) {
    test(`a register open in ${program}: exit 1, nothing written`, async () => {
      const name = `открыта-${program}.xlsx`;
      const book = await v1Book(name);
      const before = readFileSync(book);
      writeFileSync(join(dir, lock(name)), "");
      const r = vshu("upgrade", book);
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`открыта в ${program}`));
      assert.match(r.stderr, /закройте её и повторите/);
      assert.ok(readFileSync(book).equals(before));
      assert.equal(existsSync(join(dir, name.replace(".xlsx", ".v1.xlsx"))), false);
    });
  }

  test("never overwrites a backup: the next one is «BOOK.v1 (2).xlsx»", async () => {
    const book = await v1Book("копия.xlsx");
    writeFileSync(join(dir, "копия.v1.xlsx"), "чужой файл");
    const r = vshu("upgrade", book);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, "копия.v1.xlsx"), "utf8"), "чужой файл");
    assert.ok(existsSync(join(dir, "копия.v1 (2).xlsx")));
    assert.match(r.stdout, /копия\.v1 \(2\)\.xlsx/);
  });

  test("a file that is not a register: exit 1 in Russian", () => {
    const file = join(dir, "не-книга.xlsx");
    writeFileSync(file, "это не zip");
    const r = vshu("upgrade", file);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /не-книга\.xlsx/);
    assert.doesNotMatch(r.stderr, /Внутренняя ошибка/);
  });
});

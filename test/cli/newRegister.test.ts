/**
 * New registers (`vshu init`, `vshu demo`) are of contract version 2: «Регламент» with the
 * seed's periods, «Журнал», the version-2 columns and settings, quarter dates as date cells
 * shown ДД.ММ.ГГГГ in Excel and LibreOffice alike, the version-2 lists; they print readably
 * (landscape, one page wide, header row on every page, wrapped text) and the same input gives
 * the same bytes.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { isoToExcelSerial } from "../../src/core/dates/isoDate";
import { parseRegister } from "../../src/core/register/parseRegister";
import { defaultRegulationRows } from "../../src/core/register/regulation";
import { SHEET, SHEET_COLUMNS, SHEET_ORDER } from "../../src/core/register/schema";
import { DEMO_FILES } from "../../src/cli/commands/demo";
import { readWorkbookTables } from "../../src/cli/xlsx/readWorkbook";
import { convertWithLibreOffice } from "../support/libreOffice";
import { formatOfStyle, readCells } from "../support/xlsxCells";

const dir = mkdtempSync(join(tmpdir(), "vshu-new-"));
const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");

function vshu(...args: string[]): string {
  const r = spawnSync(process.execPath, [VSHU, ...args], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const ARGS = [
  "--school",
  "МБОУ СОШ № 2 г. Шагонара",
  "--district",
  "Улуг-Хемский кожуун",
  "--year",
  "2026/2027",
];
const book = join(dir, "книга.xlsx");
vshu("init", book, ...ARGS);
const bytes = readFileSync(book);

describe("vshu init writes a version-2 register", () => {
  test("the same input gives the same bytes", () => {
    const again = join(dir, "ещё.xlsx");
    vshu("init", again, ...ARGS);
    assert.ok(readFileSync(again).equals(bytes));
  });

  test("it reads as version 2 with «Регламент» from its sheet and no issue", async () => {
    const tables = await readWorkbookTables(book, () => []);
    const { register, issues } = parseRegister(tables);
    assert.deepEqual(issues, []);
    assert.equal(register.settings.version, 2);
    assert.equal(register.settings.region, "Республика Тыва");
    assert.equal(register.regulation.fromSheet, true);
    for (const key of SHEET_ORDER) {
      assert.deepEqual(tables.get(SHEET[key])?.headers, [...SHEET_COLUMNS[key]], SHEET[key]);
    }
    assert.deepEqual(
      tables.get(SHEET.regulation)?.rows.map((r) => r.cells),
      defaultRegulationRows().map((r) => [
        r.Шаг,
        r["От чего"],
        r["Уровень 1"],
        r["Уровень 2"],
        r.Ответственный,
      ])
    );
    assert.match(vshu("upgrade", book), /уже версии 2/);
  });

  test("quarter dates are date cells shown ДД.ММ.ГГГГ, also in LibreOffice", async () => {
    const settings = (await readCells(bytes)).get(SHEET.settings);
    const firstQuarter =
      [...(settings ?? [])].find(([, c]) => c.value === "I четверть с")?.[0] ?? "";
    const cell = settings?.get(`B${firstQuarter.slice(1)}`);
    assert.equal(cell?.value, String(isoToExcelSerial("2026-09-01")));
    assert.equal(await formatOfStyle(bytes, cell?.style ?? 0), "dd.mm.yyyy");
    // UTF-8, cells as shown (LibreOffice's csv filter options).
    const csv = readFileSync(
      convertWithLibreOffice(
        book,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
        join(dir, "csv")
      ),
      "utf8"
    );
    for (const d of ["01.09.2026", "24.10.2026", "05.11.2026", "26.05.2027"]) {
      assert.ok(csv.includes(d), `${d} in ${csv.slice(0, 400)}`);
    }
    assert.doesNotMatch(csv, /46266/);
  });

  test("lists for «Шаг» (with «информирование»), «Блок», «Неорганизован», «От чего»", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
        .map((f) => zip.file(f)?.async("string") ?? "")
    );
    const all = sheets.join("\n");
    for (const list of [
      "информирование,приказ,заседание",
      "специалисты,учебно-воспитательная,профилактическая",
      "да,нет",
      "выявление,постановка",
    ]) {
      assert.ok(all.includes(list), list);
    }
  });

  test("every sheet prints A4 landscape, one page wide, with its header row on every page", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const sheetCount = (workbook.match(/<sheet /g) ?? []).length;
    for (let i = 1; i <= sheetCount; i++) {
      const xml = (await zip.file(`xl/worksheets/sheet${i}.xml`)?.async("string")) ?? "";
      assert.match(xml, /<pageSetup[^>]*paperSize="9"/, `sheet ${i}`);
      assert.match(xml, /<pageSetup[^>]*orientation="landscape"/, `sheet ${i}`);
      assert.match(xml, /<pageSetup[^>]*fitToWidth="1"/, `sheet ${i}`);
      assert.match(xml, /<pageSetup[^>]*fitToHeight="0"/, `sheet ${i}`);
      assert.match(xml, /<pageSetUpPr fitToPage="1"\/>/, `sheet ${i}`);
      assert.match(
        workbook,
        new RegExp(`name="_xlnm.Print_Titles" localSheetId="${i - 1}">[^<]*!\\$1:\\$1<`),
        `sheet ${i}`
      );
    }
  });
});

describe("vshu demo writes its register the same way", () => {
  test("the same date gives the same bytes; long texts wrap in rows tall enough", async () => {
    const a = join(dir, "демо-1");
    const b = join(dir, "демо-2");
    vshu("demo", "--out", a, "--on", "2026-11-23");
    vshu("demo", "--out", b, "--on", "2026-11-23");
    const first = readFileSync(join(a, DEMO_FILES.register));
    assert.ok(first.equals(readFileSync(join(b, DEMO_FILES.register))));
    const zip = await JSZip.loadAsync(first);
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    assert.match(styles, /wrapText="1"/);
    const cases = (await zip.file("xl/worksheets/sheet2.xml")?.async("string")) ?? "";
    // A row holding a long note is taller than one line.
    const heights = [...cases.matchAll(/<row r="(\d+)"[^>]*\sht="([\d.]+)"/g)]
      .filter((m) => m[1] !== "1")
      .map((m) => Number(m[2]));
    assert.ok(
      heights.some((h) => h > 30),
      "some data rows are several lines tall"
    );
  });
});

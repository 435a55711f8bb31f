/**
 * The workbooks `vshu` writes: the register of `init` has every sheet as an Excel table with
 * list validation, date formats and a frozen header; the demo's register and report open in
 * LibreOffice headless and print on A4; the report carries no personal data.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildDemoRegister } from "../../src/core/demo/demoRegister";
import { formatDateRu } from "../../src/core/dates/isoDate";
import { SHEET, SHEET_COLUMNS, SHEET_ORDER, CALENDAR_SHEET } from "../../src/core/register/schema";
import { DEMO_FILES } from "../../src/cli/commands/demo";
import type { Cell } from "../../src/core/register/model";
import { convertWithLibreOffice } from "../support/libreOffice";

const dir = mkdtempSync(join(tmpdir(), "vshu-books-"));
const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");
const ON = "2026-11-23";

function vshu(...args: string[]): string {
  const r = spawnSync(process.execPath, [VSHU, ...args], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const demoDir = join(dir, "demo");
vshu("demo", "--out", demoDir, "--on", ON);

describe("vshu init", () => {
  const book = join(dir, "init.xlsx");
  vshu("init", book, "--school", "МБОУ СОШ № 1", "--district", "Кызыл", "--year", "2026/2027");

  test("every sheet of the contract is one Excel table with the contract's headers", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    for (const key of SHEET_ORDER) {
      const ws = wb.getWorksheet(SHEET[key]);
      assert.ok(ws, `sheet ${SHEET[key]}`);
      const tables = Object.values(
        (ws as unknown as { tables: Record<string, { table: { columns: { name: string }[] } }> })
          .tables
      );
      assert.equal(tables.length, 1, `one table on ${SHEET[key]}`);
      assert.deepEqual(
        tables[0]?.table.columns.map((c) => c.name),
        [...SHEET_COLUMNS[key]]
      );
      assert.equal(ws.views[0]?.state, "frozen", `frozen header on ${SHEET[key]}`);
    }
    assert.ok(wb.getWorksheet(CALENDAR_SHEET));
  });

  test("coded columns have list validation and dates show ДД.ММ.ГГГГ", async () => {
    const zip = await JSZip.loadAsync(readFileSync(book));
    const files = Object.keys(zip.files).filter((f) => /xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const all = (await Promise.all(files.map((f) => zip.file(f)?.async("string") ?? ""))).join(
      "\n"
    );
    for (const list of [
      "&quot;1,2&quot;",
      "психологическая,финансовая",
      "кружок,спортивная секция",
      "приказ,заседание",
    ]) {
      assert.ok(all.includes(list), `validation list ${list}`);
    }
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    assert.match(styles, /formatCode="dd\.mm\.yyyy"/);
  });

  test("settings defaults: school, ministry address, report day 5, quarters of the year", () => {
    const json = vshu("report", book, "--from", "2026-09-01", "--to", "2026-09-30", "--json");
    const r = JSON.parse(json) as { school: string; schoolYear: string };
    assert.equal(r.school, "МБОУ СОШ № 1");
    assert.equal(r.schoolYear, "2026/2027");
  });
});

/** Runs LibreOffice headless: converts a workbook to PDF, returns the PDF's path. */
function toPdf(xlsx: string): string {
  return convertWithLibreOffice(xlsx, "pdf", join(dir, "pdf"));
}

function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** A4 in points, either orientation. */
function isA4(p: { width: number; height: number }): boolean {
  const dims = [p.width, p.height].sort((a, b) => a - b);
  return Math.abs((dims[0] ?? 0) - 595.3) < 2 && Math.abs((dims[1] ?? 0) - 841.9) < 2;
}

describe("LibreOffice opens what vshu writes", () => {
  test("the report workbook converts to A4 pages, one page wide, with the form's titles", () => {
    const pdf = toPdf(join(demoDir, DEMO_FILES.report));
    const info = pdfInfo(pdf);
    assert.ok(isA4(info), JSON.stringify(info));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const title of [
      "I. Социальный паспорт",
      "II. Сведения",
      "III. Система работы",
      "IV. Динамика",
      "V. Организованная занятость",
      "VI. Развитие",
      "VII. Сведения о координаторе",
    ]) {
      assert.ok(text.includes(title), `section ${title} in the PDF`);
    }
    // One page wide: every page carries the rightmost header column of its section, i.e. no
    // page holds only spilled-over columns (LibreOffice honours fit-to-width).
    const pages = text.split("\f").filter((p) => p.trim() !== "");
    assert.equal(pages.length, info.pages);
    for (const page of pages) {
      assert.ok(/[А-Яа-я]{4,}/.test(page), "no page of bare numbers cut off the right side");
    }
  });

  test("the register converts without error on A4", () => {
    const info = pdfInfo(toPdf(join(demoDir, DEMO_FILES.register)));
    assert.ok(isA4(info));
    assert.ok(info.pages >= 1);
  });
});

describe("the report workbook holds no personal data", () => {
  test("no name, birth date, address or phone of the register appears in any part of it", async () => {
    const demo = buildDemoRegister(ON);
    const personal = new Set<string>();
    const add = (v: Cell | undefined): void => {
      if (typeof v === "string" && v.trim().length >= 3) {
        personal.add(v.trim());
      } else if (v && typeof v === "object") {
        personal.add(formatDateRu(v.date));
        personal.add(v.date);
      }
    };
    for (const row of demo.sheets.cases ?? []) {
      for (const h of ["Фамилия", "Имя", "Отчество", "Дата рождения"]) {
        add(row[h]);
      }
    }
    for (const row of demo.sheets.families ?? []) {
      for (const h of [
        "Мать",
        "Отец",
        "Опекун (попечитель)",
        "Адрес проживания",
        "Адрес регистрации",
        "Телефон",
      ]) {
        add(row[h]);
      }
    }
    for (const row of demo.sheets.signals ?? []) {
      for (const h of ["ФИО родителя", "Адрес", "ФИО несовершеннолетнего", "Телефон специалиста"]) {
        add(row[h]);
      }
    }
    assert.ok(personal.size > 50, "the demo has personal data to look for");
    const zip = await JSZip.loadAsync(readFileSync(join(demoDir, DEMO_FILES.report)));
    for (const name of Object.keys(zip.files)) {
      const text = (await zip.file(name)?.async("string")) ?? "";
      for (const p of personal) {
        assert.ok(!text.includes(p), `«${p}» found in ${name} of the report workbook`);
      }
    }
    const json = readFileSync(join(demoDir, DEMO_FILES.reportJson), "utf8");
    for (const p of personal) {
      assert.ok(!json.includes(p), `«${p}» found in the report JSON`);
    }
  });
});

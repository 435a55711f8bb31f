/**
 * Formula-safe text in everything the command line writes: a text beginning with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is stored as text (never a formula) and reads back the same —
 * the new-register writer, the register patch writer (import), the documents (.xlsx and .docx),
 * the report workbook (settings text) and the CSV export. The add-in's cells: textSafe.ts.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { runDocument } from "../../src/cli/commands/document";
import { runExport } from "../../src/cli/commands/export";
import { runImport } from "../../src/cli/commands/import";
import { runInit } from "../../src/cli/commands/init";
import { runReport } from "../../src/cli/commands/report";
import { registerBytes } from "../../src/cli/xlsx/writeRegister";
import { looksLikeFormula } from "../../src/cli/xlsx/patch/values";
import { needsFormulaGuard } from "../../src/core/import/exportCsv";
import { TEXT_FORMAT, textCell } from "../../src/excel/textSafe";
import { formatOfStyle, readCells, type SheetCells } from "../support/xlsxCells";

const SAMPLES = ["=1+1", "+7 999 123-45-67", "-5 баллов", "@имя", "\tx", "\rx"];
const NOW = "2026-12-02T09:30:00" as const;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "vshu-formula-safe-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function noFormulas(cells: SheetCells | undefined, where: string): void {
  assert.ok(cells, where);
  for (const [ref, cell] of cells) {
    assert.equal(cell.formula, null, `${where}: formula in ${ref}`);
  }
}

/** A register (init + import) whose case В-1 carries every sample in its text columns. */
async function registerWithSamples(): Promise<string> {
  const book = join(dir, `book-${Math.random().toString(36).slice(2)}.xlsx`);
  await runInit({ book, school: "=Школа", district: "+Район", today: "2026-09-01" });
  const field = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const csv = join(dir, "cases.csv");
  // Фамилия, Имя, Отчество, Класс, Куратор, Примечание: one sample each.
  writeFileSync(
    csv,
    "Код;Фамилия;Имя;Отчество;Дата рождения;Класс;Куратор;Примечание;Протокол\r\n" +
      `В-1;${field(SAMPLES[0] ?? "")};${field(SAMPLES[1] ?? "")};${field(SAMPLES[2] ?? "")};01.01.2012;${field(SAMPLES[3] ?? "")};${field(SAMPLES[4] ?? "")};${field(SAMPLES[5] ?? "")};1\r\n`
  );
  await runImport({ book, csv, sheet: "Учёт", now: NOW });
  return book;
}

describe("formula-like text stays text", () => {
  test("the detectors agree on what is formula-like", () => {
    for (const s of SAMPLES) {
      assert.ok(looksLikeFormula(s), s);
      assert.ok(needsFormulaGuard(s), s);
    }
    for (const s of ["Монгуш", "5 баллов", "'x", ""]) {
      assert.ok(!looksLikeFormula(s), s);
    }
  });

  test("the add-in writes text cells with the text format «@»", () => {
    for (const s of SAMPLES) {
      assert.deepEqual(textCell(s), { value: s, format: TEXT_FORMAT });
    }
  });

  test("the new-register writer (init, demo): text cells, no formulas, same text back", async () => {
    const bytes = await registerBytes({
      sheets: {
        cases: SAMPLES.map((s, i) => ({ Код: `В-${i}`, Фамилия: s, Примечание: s })),
        settings: [{ Параметр: "Образовательная организация", Значение: "=Школа" }],
      },
    });
    const cells = (await readCells(bytes)).get("Учёт");
    noFormulas(cells, "Учёт");
    for (const [i, s] of SAMPLES.entries()) {
      const cell = cells?.get(`B${i + 2}`);
      assert.equal(cell?.value, s, `B${i + 2}`);
      assert.equal(
        await formatOfStyle(bytes, cell?.style ?? 0),
        "@",
        `B${i + 2} is formatted as text`
      );
    }
    noFormulas((await readCells(bytes)).get("Настройки"), "Настройки");
  });

  test("the patch writer (import): strings with the quote prefix, same text back", async () => {
    const book = await registerWithSamples();
    const bytes = readFileSync(book);
    const cells = (await readCells(bytes)).get("Учёт");
    noFormulas(cells, "Учёт");
    const found = [...(cells?.values() ?? [])].filter((c) => SAMPLES.includes(c.value ?? ""));
    assert.deepEqual(found.map((c) => c.value).sort(), [...SAMPLES].sort());
    const zip = await JSZip.loadAsync(bytes);
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    const xfs = [
      ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(
        /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g
      ),
    ].map((m) => m[0]);
    for (const c of found) {
      assert.match(xfs[c.style] ?? "", /quotePrefix="1"/, `«${c.value}» has the quote prefix`);
    }
  });

  // Documents show the register's texts as its reader gives them, trimmed: «\tx» and «\rx» (in
  // «Куратор» and «Примечание») are not among the fields of this document anyway.
  test("documents (.xlsx and .docx): no formulas, the texts as written", async () => {
    const book = await registerWithSamples();
    const xlsx = join(dir, "doc.xlsx");
    const docx = join(dir, "doc.docx");
    await runDocument({
      book,
      kind: "vshu-child",
      caseCode: "В-1",
      on: "2026-12-01",
      out: xlsx,
      force: true,
    });
    await runDocument({
      book,
      kind: "vshu-child",
      caseCode: "В-1",
      on: "2026-12-01",
      out: docx,
      force: true,
    });
    const sheets = await readCells(readFileSync(xlsx));
    const texts: string[] = [];
    for (const [name, cells] of sheets) {
      noFormulas(cells, name);
      texts.push(...[...cells.values()].map((c) => c.value ?? ""));
    }
    const all = texts.join("\n");
    for (const s of ["=1+1", "+7 999 123-45-67", "-5 баллов", "@имя"]) {
      assert.ok(all.includes(s), `«${s}» in the .xlsx document`);
    }
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    assert.ok(!/<w:fldSimple|<w:instrText/.test(xml), "no fields in the .docx");
    for (const s of ["=1+1", "+7 999 123-45-67", "-5 баллов", "@имя"]) {
      assert.ok(xml.includes(s), `«${s}» in the .docx`);
    }
  });

  test("the report workbook: settings text (school, district) without formulas", async () => {
    const book = await registerWithSamples();
    const out = join(dir, "report.xlsx");
    await runReport({
      book,
      from: "2026-09-01",
      to: "2026-11-30",
      out,
      made: "2026-12-01",
      force: true,
    });
    const sheets = await readCells(readFileSync(out));
    const texts: string[] = [];
    for (const [name, cells] of sheets) {
      noFormulas(cells, name);
      texts.push(...[...cells.values()].map((c) => c.value ?? ""));
    }
    assert.ok(
      texts.some((t) => t.includes("=Школа")),
      "the school's name as typed"
    );
  });

  test("the CSV export: an apostrophe before each, and import gives the text back", async () => {
    const book = await registerWithSamples();
    const out = join(dir, "export.csv");
    await runExport({ book, sheet: "Учёт", out, force: true });
    const text = readFileSync(out, "latin1");
    assert.ok(text.includes('"\'=1+1"'));
    assert.ok(text.includes('"\'\tx"'));
  });

  test("LibreOffice opening the exported CSV: a formula only in the unguarded control file", async () => {
    const book = await registerWithSamples();
    const out = join(dir, "lo-export.csv");
    await runExport({ book, sheet: "Учёт", out, force: true });
    const control = join(dir, "lo-control.csv");
    writeFileSync(control, "Код;Примечание\r\nВ-1;=1+1\r\n");
    const loDir = join(dir, "lo");
    mkdirSync(loDir, { recursive: true });
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "lo-profile")).href}`,
        "--headless",
        "--norestore",
        // ; as the delimiter, " as the quote, character set 34 = windows-1251, from line 1.
        "--infilter=CSV:59,34,34,1",
        "--convert-to",
        "xlsx",
        "--outdir",
        loDir,
        out,
        control,
      ],
      { stdio: "pipe", timeout: 120_000 }
    );
    const exported = (await readCells(readFileSync(join(loDir, "lo-export.xlsx"))))
      .values()
      .next().value;
    noFormulas(exported, "the export in LibreOffice");
    const texts = [...(exported?.values() ?? [])].map((c) => c.value ?? "");
    assert.ok(texts.includes("Фамилия"), "read as windows-1251");
    for (const s of SAMPLES.slice(0, 4)) {
      assert.ok(
        texts.some((t) => t.endsWith(s)),
        `«${s}» shown as text`
      );
    }
    const raw = (await readCells(readFileSync(join(loDir, "lo-control.xlsx"))))
      .values()
      .next().value;
    assert.ok(
      [...(raw?.values() ?? [])].some((c) => c.formula !== null),
      "the control file has a formula"
    );
  });
});

/**
 * The report workbooks — the CLI's (src/cli/xlsx/writeReport.ts) and the add-in's new workbook
 * (src/excel/reportWorkbook.ts) — written from the core layout and read back: the same report
 * gives the same bytes (no clock in the package), the merges, widths, heights and fonts of the
 * layout are in the file, and LibreOffice prints it on A4 landscape without breaking a word.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { aggregateReport } from "../../src/core/report/aggregate";
import { reportFormLayout } from "../../src/core/report/form";
import { unflattenReport } from "../../src/core/report/flatten";
import { FORM_FONT_NAME } from "../../src/core/report/formLayout";
import type { ReportJson } from "../../src/core/report/types";
import { blockAddress } from "../../src/excel/address";
import { buildReportXlsxBase64 } from "../../src/excel/reportWorkbook";
import { REPORT_SHEET, reportWorkbookBytes } from "../../src/cli/xlsx/writeReport";
import { aRegister, aSettings, anActivity, randomRegister } from "../support/builders";
import { convertWithLibreOffice } from "../support/libreOffice";

const MADE = "2026-12-29";
const QUARTER_II = { from: "2026-11-05", to: "2026-12-28" };

function sampleReport(): ReportJson {
  const random = randomRegister(4242, 120);
  const register = aRegister({
    ...random,
    settings: aSettings({
      district: "Барун-Хемчикский кожуун",
      school: "МБОУ «СОШ № 7 с. Кызыл-Мажалык» (демонстрационная школа)",
      director: "Ламажап Сайлык Оскаловна",
      executor: { name: "Сагаан-оол Чечена Кимовна", phone: "8-923-000-21-21" },
      coordinator: {
        name: "Намчак Долгар Григорьевна",
        position:
          "главный специалист Управления образования администрации Барун-Хемчикского кожууна",
        phone: "8-923-000-45-67",
      },
    }),
    activities: [
      ...random.activities,
      anActivity({ caseCode: random.episodes[0]?.code ?? "", kind: "other", name: "Юнармия" }),
    ],
  });
  return aggregateReport(register, QUARTER_II);
}

const report = sampleReport();

async function entriesOf(bytes: Buffer | Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

describe("the same report gives the same bytes", () => {
  test("the CLI's workbook: identical bytes, every entry and the properties dated the report's day", async () => {
    const a = await reportWorkbookBytes(report, { made: MADE });
    const b = await reportWorkbookBytes(report, { made: MADE });
    assert.ok(a.equals(b), "two runs, two different packages");
    const zip = await entriesOf(a);
    zip.forEach((path, entry) => {
      assert.equal(entry.date.toISOString(), `${MADE}T00:00:00.000Z`, path);
    });
    const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
    assert.match(core, /<dcterms:created[^>]*>2026-12-29T00:00:00Z<\/dcterms:created>/);
    assert.match(core, /<dcterms:modified[^>]*>2026-12-29T00:00:00Z<\/dcterms:modified>/);
    const other = await reportWorkbookBytes(report, { made: "2026-12-30" });
    assert.ok(!a.equals(other), "the day the report was made is in it");
  });

  test("the add-in's new workbook: identical base64, every entry dated the report's day", async () => {
    const a = await buildReportXlsxBase64(report, MADE);
    assert.equal(await buildReportXlsxBase64(report, MADE), a);
    const zip = await entriesOf(Buffer.from(a, "base64"));
    zip.forEach((path, entry) => {
      assert.equal(entry.date.toISOString(), `${MADE}T00:00:00.000Z`, path);
    });
  });
});

/** The report sheet of a package, read back with exceljs. */
async function reportSheetOf(
  bytes: Buffer
): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(REPORT_SHEET);
  assert.ok(ws, "sheet «Отчёт»");
  return { wb, ws };
}

describe("the layout is in the file", () => {
  const layout = reportFormLayout(report, { made: MADE });
  const packages: [string, () => Promise<Buffer>][] = [
    ["the CLI's workbook", () => reportWorkbookBytes(report, { made: MADE })],
    [
      "the add-in's new workbook",
      async () => Buffer.from(await buildReportXlsxBase64(report, MADE), "base64"),
    ],
  ];
  for (const [label, bytes] of packages) {
    test(`${label}: merges, widths, heights, fonts, the counts on «Данные»`, async () => {
      const { wb, ws } = await reportSheetOf(await bytes());
      const merges = new Set((ws.model as unknown as { merges: string[] }).merges);
      for (const m of layout.merges) {
        assert.ok(merges.has(blockAddress(m)), `merge ${blockAddress(m)}`);
      }
      assert.equal(merges.size, layout.merges.length);
      layout.widths.forEach((w, i) => {
        assert.equal(ws.getColumn(i + 1).width, w, `column ${i + 1}`);
      });
      layout.heights.forEach((h, i) => {
        assert.equal(ws.getRow(i + 1).height, h, `row ${i + 1}`);
      });
      assert.match(String(ws.getCell("B1").value), /^Форма отчёта/);
      assert.equal(ws.getCell("B1").font?.name, FORM_FONT_NAME);
      assert.equal(ws.getCell("B1").font?.bold, true);
      const pairs: [string, string | number][] = [];
      wb.getWorksheet("Данные")?.eachRow((row, n) => {
        if (n > 1) {
          pairs.push([
            String(row.getCell(1).value),
            (row.getCell(2).value ?? "") as string | number,
          ]);
        }
      });
      assert.deepEqual(unflattenReport(pairs), report);
    });
  }
});

/**
 * Every piece a word may be printed as: the word, or parts of a hyphenated word cut at its
 * hyphens (Russian typography breaks a compound there, keeping the hyphen on the first line).
 */
function printablePieces(texts: readonly string[]): Set<string> {
  const pieces = new Set<string>();
  for (const text of texts) {
    for (const word of text.split(/\s+/).filter((w) => w !== "")) {
      const parts = word.split(/(?<=-)/);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j <= parts.length; j++) {
          pieces.add(parts.slice(i, j).join(""));
        }
      }
    }
  }
  return pieces;
}

/** The words LibreOffice printed, page by page. */
function pdfWords(pdf: string): { pages: number; words: string[]; lastPage: string[] } {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const pages = xml.split("<page ").slice(1);
  const wordsOf = (page: string): string[] =>
    [...page.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) =>
      (m[1] ?? "")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
    );
  return {
    pages: pages.length,
    words: pages.flatMap(wordsOf),
    lastPage: wordsOf(pages[pages.length - 1] ?? ""),
  };
}

describe("LibreOffice prints the report as the ministry reads it", () => {
  const dir = mkdtempSync(join(tmpdir(), "vshu-report-"));
  const layout = reportFormLayout(report, { made: MADE });
  const allowed = printablePieces([
    ...layout.rows.flatMap((r) => r.cells.filter((c) => c !== null).map(String)),
    "Стр. из",
  ]);
  const packages: [string, () => Promise<Buffer>][] = [
    ["cli", () => reportWorkbookBytes(report, { made: MADE })],
    ["addin", async () => Buffer.from(await buildReportXlsxBase64(report, MADE), "base64")],
  ];
  for (const [name, bytes] of packages) {
    test(`${name}: A4 landscape, no word broken inside, the signature block on the last page`, async () => {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await bytes());
      const pdf = convertWithLibreOffice(file, "pdf", dir);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      assert.match(info, /Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      const { pages, words, lastPage } = pdfWords(pdf);
      assert.ok(pages >= 2 && pages <= 6, `${pages} pages`);
      const broken = words.filter((w) => !allowed.has(w) && !/^\d+$/.test(w));
      assert.deepEqual(broken, [], "words printed in pieces (or text that is not the form's)");
      for (const w of ["Директор", "Исполнитель:", "Сагаан-оол", "29.12.2026"]) {
        assert.ok(lastPage.includes(w), `«${w}» on the last page`);
      }
      for (const w of [
        "психологическая",
        "трудоустройстве",
        "Несовершеннолетние,",
        "внутришкольный",
      ]) {
        assert.ok(words.includes(w), `«${w}» printed whole`);
      }
    });
  }
});

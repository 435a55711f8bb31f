/**
 * The add-in's report sheet (src/excel/reportSheet.ts) on the fake Excel: the same layout as
 * the CLI's workbook — the merged two-row headers, the column widths, a height for every row —
 * written in one sync, and the signature block dated the day the report is made.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { formatDateRu } from "../../src/core/dates/isoDate";
import { aggregateReport } from "../../src/core/report/aggregate";
import { reportFormLayout } from "../../src/core/report/form";
import { blockAddress } from "../../src/excel/address";
import { widthPoints } from "../../src/excel/createRegister";
import { createExcelGateway, type ExcelRun } from "../../src/excel/excelGateway";
import { localToday, writeReportSheetIn } from "../../src/excel/reportSheet";
import type { HostCapabilities } from "../../src/excel/gateway";
import { aRegister, aSettings, anEpisode } from "../support/builders";
import { createFakeExcel, FakeRequestContext } from "../support/fakeExcel";

const report = aggregateReport(
  aRegister({
    settings: aSettings({
      district: "Барун-Хемчикский кожуун",
      director: "Ламажап Сайлык Оскаловна",
      executor: { name: "Сагаан-оол Чечена Кимовна", phone: "8-923-000-21-21" },
    }),
    episodes: [anEpisode({ code: "A" })],
  }),
  { from: "2026-11-05", to: "2026-12-28" }
);

function quote(sheet: string): string {
  return `'${sheet}'`;
}

describe("the add-in's report sheet", () => {
  test("merges, widths and row heights of the core layout, in one sync", async () => {
    const fake = createFakeExcel();
    const gateway = createExcelGateway(fake.run as unknown as ExcelRun, fake.host);
    fake.resetCounters();
    const { sheet } = await gateway.writeReportSheet(report, { sheetNames: ["Лист1"] });
    assert.equal(fake.syncCount, 1);
    const model = fake.model.findSheet(sheet);
    assert.ok(model);
    const layout = reportFormLayout(report, { made: localToday() });
    assert.deepEqual(
      [...model.merges].sort(),
      layout.merges.map((m) => `${quote(sheet)}!${blockAddress(m)}`).sort()
    );
    layout.heights.forEach((h, i) => {
      assert.equal(model.rowHeights.get(i), h, `row ${i + 1}`);
    });
    layout.widths.forEach((w, i) => {
      assert.equal(model.columnWidths.get(i), widthPoints(w), `column ${i + 1}`);
    });
    assert.match(String(fake.cell(sheet, "B1").value), /^Форма отчёта/);
    assert.equal(
      fake.cell(sheet, "B2").value,
      "за II четверть 2026/2027 учебного года в Барун-Хемчикском кожууне"
    );
    const last = layout.rows.length;
    assert.equal(
      fake.cell(sheet, `A${last}`).value,
      `Дата составления отчёта: ${formatDateRu(localToday())}`
    );
    assert.equal(
      fake.cell(sheet, `A${last - 2}`).value,
      "Директор  ______________________  (Ламажап Сайлык Оскаловна)"
    );
    assert.equal(model.pageLayout["orientation"], "Landscape");
    assert.equal(model.pageLayout["centerHorizontally"], true);
  });

  test("the day the report is made, when the caller gives it", async () => {
    const fake = createFakeExcel();
    const caps: HostCapabilities = await createExcelGateway(
      fake.run as unknown as ExcelRun,
      fake.host
    ).capabilities();
    const { sheet } = await fake.run((context: FakeRequestContext) =>
      writeReportSheetIn(
        context as unknown as Excel.RequestContext,
        report,
        caps,
        ["Лист1"],
        "2027-01-09"
      )
    );
    const rows = reportFormLayout(report, { made: "2027-01-09" }).rows.length;
    assert.equal(fake.cell(sheet, `A${rows}`).value, "Дата составления отчёта: 09.01.2027");
  });

  test("ExcelApi 1.1: the values and fonts, no merges, widths or heights", async () => {
    const fake = createFakeExcel({ apiVersion: 1 });
    const gateway = createExcelGateway(fake.run as unknown as ExcelRun, fake.host);
    const { sheet } = await gateway.writeReportSheet(report);
    const model = fake.model.findSheet(sheet);
    assert.ok(model);
    assert.deepEqual(model.merges, []);
    assert.equal(model.rowHeights.size, 0);
    assert.match(String(fake.cell(sheet, "B1").value), /^Форма отчёта/);
    const ii = reportFormLayout(report, { made: null }).rows.findIndex(
      (r) => r.cells[2] === "Постановка на внутришкольный учёт"
    );
    assert.equal(fake.cell(sheet, `C${ii + 2}`).value, "детей");
  });
});

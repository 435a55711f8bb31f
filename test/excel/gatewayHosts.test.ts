/**
 * The adapter on each ExcelApi level (Office 2016 volume-licensed has 1.1): the capabilities and
 * their Russian limits, and the same scenario — register, case, entries, transfer, report,
 * selection — on every level the README's support matrix names.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { aggregateReport } from "../../src/core/report";
import { LIMIT_CREATE_WORKBOOK, LIMIT_PAGE_LAYOUT } from "../../src/excel/capabilities";
import { draft, setup, TODAY } from "./gatewaySetup";

describe("ExcelApi 1.1 host (Office 2016 volume-licensed)", () => {
  test("capabilities list the Russian limits", async () => {
    const { gateway } = setup({ apiVersion: 1 });
    const caps = await gateway.capabilities();
    assert.equal(caps.excelApi, 1);
    assert.equal(caps.pageLayout, false);
    assert.equal(caps.createWorkbook, false);
    assert.equal(caps.multiRowAdd, false);
    assert.ok(caps.limits.includes(LIMIT_PAGE_LAYOUT));
    assert.ok(caps.limits.includes(LIMIT_CREATE_WORKBOOK));
    const full = await setup().gateway.capabilities();
    assert.deepEqual(full.limits, []);
  });

  test("register, case entry with steps and the report still work", async () => {
    const { fake, gateway } = setup({ apiVersion: 1 });
    const created = await gateway.createRegister({
      school: "Ш",
      district: "Р",
      schoolYear: "2026/2027",
      today: TODAY,
    });
    assert.ok(created.limits.includes(LIMIT_PAGE_LAYOUT));
    assert.equal(fake.model.findSheet("Учёт")?.validations.length, 0);
    await gateway.readRegister();
    fake.resetCounters();
    const saved = await gateway.saveCase(draft({ lastName: "=1+1" }), { today: TODAY });
    assert.equal(fake.syncCount, 1);
    assert.equal(saved.stepsAdded, 9);
    assert.equal(saved.row, 2, "the new table's empty row takes the first case");
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.episodes[0]?.lastName, "=1+1");
    assert.equal(read.register.actions.length, 9);
    const report = aggregateReport(read.register, { from: "2026-09-01", to: "2026-11-23" });
    fake.resetCounters();
    const { sheet } = await gateway.writeReportSheet(report);
    assert.ok(fake.syncCount <= 3);
    assert.match(String(fake.cell(sheet, "B1").value), /^Форма отчёта/);
    assert.equal(await gateway.openReportWorkbook(report), false);
    assert.equal(await gateway.onCaseSelected(() => undefined).then((u) => typeof u), "function");
  });
});

describe("support matrix (README): the same scenario on each ExcelApi level", () => {
  for (const api of [1, 2, 4, 7, 8, 9, 14, 21]) {
    test(`ExcelApi 1.${api}`, async () => {
      const { fake, gateway } = setup({ apiVersion: api });
      await gateway.createRegister({
        school: "Ш",
        district: "Р",
        schoolYear: "2026/2027",
        today: TODAY,
      });
      const sheet = fake.model.findSheet("Учёт");
      assert.equal((sheet?.validations.length ?? 0) > 0, api >= 8, "list validation");
      assert.equal(sheet?.pageLayout["orientation"] === "Landscape", api >= 9, "page layout");
      assert.equal(sheet?.frozenRows === 1, api >= 7, "frozen header");
      assert.equal((sheet?.columnWidths.size ?? 0) > 0, api >= 2, "column widths");
      await gateway.readRegister();
      fake.resetCounters();
      const saved = await gateway.saveCase(draft({ lastName: "=x" }), { today: TODAY });
      assert.equal(fake.syncCount, 1, "saveCase syncs");
      fake.resetCounters();
      await gateway.markStepDone(saved.code, "visit", "2026-11-20");
      await gateway.addAssistance({
        caseCode: saved.code,
        date: "2026-11-21",
        kind: "clothing",
        content: "",
      });
      await gateway.transferToLevel2(
        saved.code,
        { number: "9", date: "2026-12-01" },
        { today: TODAY }
      );
      assert.equal(fake.syncCount, 3, "one sync per entry");
      const read = await gateway.readRegister();
      assert.deepEqual(read.issues, []);
      fake.resetCounters();
      const data = await gateway.readReportData();
      const report = aggregateReport(data.register, { from: "2026-09-01", to: "2026-12-01" });
      assert.deepEqual(
        report,
        aggregateReport(read.register, { from: "2026-09-01", to: "2026-12-01" })
      );
      await gateway.writeReportSheet(report, { sheetNames: data.sheetNames });
      assert.equal(fake.syncCount, 2, "report syncs: read + write");
      assert.equal(await gateway.openReportWorkbook(report), api >= 8, "report workbook");
      const seen: string[] = [];
      const stop = await gateway.onCaseSelected((code) => seen.push(code));
      fake.select("Учёт", "B2");
      await stop();
      assert.deepEqual(seen, api >= 7 ? [saved.code] : []);
      assert.equal(seen.length, api >= 7 ? 1 : 0, "selection opens the case");
    });
  }
});

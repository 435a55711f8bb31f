/**
 * The report from the add-in against the fake Excel: a 10 000-episode register read and the
 * form written in 2 syncs under the 5 MB limit, moved and renamed columns, the columns read
 * only, the payload limit, the new workbook.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { aggregateReport } from "../../src/core/report";
import { unflattenReport } from "../../src/core/report/flatten";
import { largeRegisterRows, seedRegister } from "../support/fakeRegister";
import { MB5, setup, SHUFFLED_CASES } from "./gatewaySetup";

describe("report", () => {
  test("10 000 episodes: read + report sheet in 2 syncs (bound ≤ 3), every payload under 5 MB", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, largeRegisterRows(10_000));
    const period = { from: "2026-09-01", to: "2026-11-23" };
    const data = await gateway.readReportData();
    assert.equal(fake.syncCount, 1, "the report's columns in one request");
    assert.equal(data.register.episodes.length, 10_000);
    assert.deepEqual(data.issues, []);
    const report = aggregateReport(data.register, period);
    const { sheet } = await gateway.writeReportSheet(report, { sheetNames: data.sheetNames });
    assert.equal(fake.syncCount, 2, "read 1 + write 1");
    assert.equal(sheet, "Отчёт 01.09.2026–23.11.2026");
    for (const r of fake.requests) {
      assert.ok(r.bytes < MB5, `request ${r.bytes} bytes`);
      assert.ok(r.responseBytes < MB5, `response ${r.responseBytes} bytes`);
    }
    // The same figures as from the whole register.
    const whole = await gateway.readRegister();
    assert.deepEqual(report, aggregateReport(whole.register, period));
    assert.match(String(fake.cell(sheet, "B1").value), /^Форма отчёта/);
    assert.equal(fake.model.findSheet(sheet)?.pageLayout["orientation"], "Landscape");
    const second = await gateway.writeReportSheet(report);
    assert.equal(second.sheet, "Отчёт 01.09.2026–23.11.2026 (2)");
  });

  const PERIOD = { from: "2026-09-01", to: "2026-11-23" };

  /** The report of these rows laid out by the contract and read whole. */
  async function reportOfWholeRead(rows: ReturnType<typeof largeRegisterRows>) {
    const plain = setup();
    seedRegister(plain.fake, rows);
    return aggregateReport((await plain.gateway.readRegister()).register, PERIOD);
  }

  test("moved and extra columns: one more sync for the moved ones, the same report", async () => {
    const rows = largeRegisterRows(300);
    const expected = await reportOfWholeRead(rows);
    const { fake, gateway } = setup();
    seedRegister(fake, rows, { headers: { cases: SHUFFLED_CASES } });
    const data = await gateway.readReportData();
    assert.equal(fake.syncCount, 2);
    assert.deepEqual(aggregateReport(data.register, PERIOD), expected);
  });

  test("tables under other names: the general read, the same report", async () => {
    const rows = largeRegisterRows(200);
    const expected = await reportOfWholeRead(rows);
    const { fake, gateway } = setup();
    seedRegister(fake, rows);
    fake.model.findTable("tblCases")!.name = "Таблица1";
    const data = await gateway.readReportData();
    assert.ok(fake.syncCount > 2, "the optimistic read failed as a whole, then the general one");
    assert.equal(data.sheetNames, null);
    assert.deepEqual(aggregateReport(data.register, PERIOD), expected);
  });

  test("issues of the columns read are reported; far less is read than the whole register", async () => {
    const rows = largeRegisterRows(50);
    const cases = rows.cases ?? [];
    cases[3] = { ...cases[3], Уровень: 3 };
    const { fake, gateway } = setup();
    seedRegister(fake, { ...rows, cases });
    const data = await gateway.readReportData();
    assert.deepEqual(
      data.issues.map((i) => [i.sheet, i.row, i.column]),
      [["Учёт", 5, "Уровень"]]
    );
    const reportBytes = fake.requests.reduce((n, r) => n + r.responseBytes, 0);
    fake.resetCounters();
    const whole = await gateway.readRegister();
    assert.equal(whole.issues.length, 1);
    const wholeBytes = fake.requests.reduce((n, r) => n + r.responseBytes, 0);
    assert.ok(reportBytes < 0.6 * wholeBytes, `${reportBytes} of ${wholeBytes} bytes`);
  });

  test("a report sheet of that name made between read and write: the next free name", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake);
    const data = await gateway.readReportData();
    const report = aggregateReport(data.register, { from: "2026-09-01", to: "2026-11-23" });
    fake.seed("Отчёт 01.09.2026–23.11.2026", [["моё"]]);
    fake.resetCounters();
    const { sheet } = await gateway.writeReportSheet(report, { sheetNames: data.sheetNames });
    assert.equal(sheet, "Отчёт 01.09.2026–23.11.2026 (2)");
    assert.equal(fake.cell("Отчёт 01.09.2026–23.11.2026", "A1").value, "моё");
    assert.equal(fake.syncCount, 3, "the failed write, the names, the write");
  });

  test("a read that hits the payload limit is split and still reads everything", async () => {
    const { fake, gateway } = setup({ payloadLimit: 150_000 });
    seedRegister(fake, largeRegisterRows(1_000));
    const read = await gateway.readRegister();
    assert.equal(read.register.episodes.length, 1_000);
    assert.equal(read.register.actions.length, 1_000);
    assert.ok(
      fake.requests.some((r) => r.responseBytes > 150_000),
      "a block failed first"
    );
    assert.ok(fake.syncCount > 5);
  });

  test("the report opens as a new workbook from ExcelApi 1.8", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake);
    const read = await gateway.readRegister();
    const report = aggregateReport(read.register, { from: "2026-09-01", to: "2026-11-23" });
    assert.equal(await gateway.openReportWorkbook(report), true);
    const base64 = fake.createdWorkbooks[0] ?? "";
    assert.match(base64, /^UEsDB/);
    // The package opens as a workbook: the form on «Отчёт», the counts on the hidden «Данные».
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, "base64") as unknown as ArrayBuffer);
    assert.match(String(wb.getWorksheet("Отчёт")?.getCell("B1").value), /^Форма отчёта/);
    const data = wb.getWorksheet("Данные");
    assert.equal(data?.state, "hidden");
    const pairs: [string, string | number][] = [];
    data?.eachRow((row, n) => {
      if (n > 1) {
        pairs.push([String(row.getCell(1).value), (row.getCell(2).value ?? "") as string | number]);
      }
    });
    assert.deepEqual(unflattenReport(pairs), report);
  });
});

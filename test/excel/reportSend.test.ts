/**
 * «Отправка в министерство» and «Свод района» of the pane against the fake Excel: the report
 * workbook the pane offers passes the very check `vshu send` applies (and tampered copies are
 * refused by the pane's own check), the new-workbook path and its fallback, and the
 * coordinator's consolidation of 50 school reports in ≤ 3 syncs with bad files named.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { recipientOf } from "../../src/cli/commands/send";
import { readReportFile } from "../../src/cli/xlsx/readReport";
import { aggregateReport } from "../../src/core/report";
import {
  bytesToBase64,
  prepareReportWorkbook,
  readReportBytes,
  ReportPackageError,
} from "../../src/excel/reportFiles";
import { buildReportXlsxBytes } from "../../src/excel/reportWorkbook";
import {
  consolidateFiles,
  MAX_REPORT_BYTES,
  type PickedFile,
} from "../../src/taskpane/logic/consolidation";
import { sendPlan } from "../../src/taskpane/logic/sendReport";
import { aRegister, randomRegister } from "../support/builders";
import { aSchoolReport } from "../support/schoolReports";
import { schoolReport, writeReport } from "../support/smtpFixtures";
import { MB5, setup } from "./gatewaySetup";

const MADE = "2026-12-02";

/** The pane's report workbook with one part changed. */
async function tampered(
  bytes: Uint8Array,
  change: (zip: JSZip) => Promise<void>
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "uint8array" });
}

async function replaceIn(zip: JSZip, part: string, from: string | RegExp, to: string) {
  const text = await zip.file(part)?.async("string");
  assert.ok(text !== undefined, part);
  zip.file(part, text.replace(from, to));
}

describe("the report workbook the pane offers for sending", () => {
  const register = randomRegister(7, 60);
  const plan = sendPlan(register, MADE);

  test("passes the check `vshu send` applies (the printed form too), with the address", async () => {
    const prepared = await prepareReportWorkbook(
      plan.report,
      MADE,
      { ministryAddress: plan.address },
      plan.mail.attachmentName
    );
    assert.deepEqual(prepared.report, plan.report);
    const dir = await mkdtemp(join(tmpdir(), "vshu-pane-send-"));
    try {
      const path = join(dir, plan.mail.attachmentName);
      await writeFile(path, prepared.bytes);
      const cli = await readReportFile(path, { printed: true });
      assert.deepEqual(cli.report, plan.report);
      assert.equal(cli.meta.ministryAddress, plan.address);
      // `vshu send` needs no --to for it: the recipient travels in the report.
      assert.equal(recipientOf(cli, undefined), plan.address);
      assert.equal(cli.meta.made, MADE);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    assert.equal(prepared.base64, Buffer.from(prepared.bytes).toString("base64"));
  });

  const cases: readonly {
    name: string;
    change: (zip: JSZip) => Promise<void>;
    problem: string;
    message: RegExp;
  }[] = [
    {
      name: "a sheet of the register (personal data)",
      change: (zip) => replaceIn(zip, "xl/workbook.xml", 'name="Отчёт"', 'name="Учёт"'),
      problem: "register",
      message: /это книга учёта или её часть \(листы «Учёт»\)/,
    },
    {
      name: "a name typed into the printed form",
      change: (zip) =>
        replaceIn(
          zip,
          "xl/worksheets/sheet1.xml",
          /<\/row><\/sheetData>/,
          '<c r="A200" t="inlineStr"><is><t>Иванов Пётр</t></is></c></row></sheetData>'
        ),
      problem: "content",
      message: /лист «Отчёт», ячейка A200: текст «Иванов Пётр», которого нет в форме/,
    },
    {
      name: "comments added",
      change: (zip) => {
        zip.file("xl/comments1.xml", "<comments/>");
        return Promise.resolve();
      },
      problem: "content",
      message: /в отчёте есть примечания \(xl\/comments1\.xml\)/,
    },
    {
      name: "a figure changed to text on «Данные»",
      change: (zip) =>
        replaceIn(
          zip,
          "xl/worksheets/sheet2.xml",
          /(register\.level1\.total\.registered\.children<\/t><\/is><\/c>)<c r="(B\d+)"><v>\d+<\/v><\/c>/,
          '$1<c r="$2" t="inlineStr"><is><t>Петров</t></is></c>'
        ),
      problem: "data",
      message:
        /«register\.level1\.total\.registered\.children» = «Петров»: текст, а должно быть число/,
    },
  ];
  for (const c of cases) {
    test(`a tampered copy is refused: ${c.name}`, async () => {
      const bytes = await buildReportXlsxBytes(plan.report, MADE);
      const bad = await tampered(bytes, c.change);
      await assert.rejects(
        readReportBytes("отчёт.xlsx", bad, { printed: true }),
        (e: unknown) =>
          e instanceof ReportPackageError &&
          e.problem === c.problem &&
          c.message.test(e.message) &&
          e.message.startsWith("отчёт.xlsx: ")
      );
    });
  }

  test("bytes that are no workbook are refused as such", async () => {
    await assert.rejects(
      readReportBytes("письмо.xlsx", new TextEncoder().encode("Здравствуйте!")),
      /^Error: письмо\.xlsx: это не книга Excel \(\.xlsx\) или файл повреждён|письмо\.xlsx: это не книга Excel/
    );
  });

  test("bytesToBase64 is standard base64 for every remainder", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256);
      assert.equal(bytesToBase64(bytes), Buffer.from(bytes).toString("base64"), `n=${n}`);
    }
  });
});

describe("opening the report as a new workbook", () => {
  const report = aggregateReport(aRegister(), { from: "2026-11-01", to: "2026-11-30" });

  test("ExcelApi 1.8: Excel.createWorkbook gets the checked workbook, one request", async () => {
    const { fake, gateway } = setup({ apiVersion: 8 });
    const prepared = await prepareReportWorkbook(report, MADE, {}, "отчёт.xlsx");
    assert.equal(await gateway.openReportWorkbook(report, { base64: prepared.base64 }), true);
    assert.deepEqual(fake.createdWorkbooks, [prepared.base64]);
    assert.equal(fake.syncCount, 1, "the workbook itself, no batch around it");
  });

  test("ExcelApi 1.7: false and nothing opened (the pane offers the file instead)", async () => {
    const { fake, gateway } = setup({ apiVersion: 7 });
    const prepared = await prepareReportWorkbook(report, MADE, {}, "отчёт.xlsx");
    assert.equal(await gateway.openReportWorkbook(report, { base64: prepared.base64 }), false);
    assert.deepEqual(fake.createdWorkbooks, []);
    assert.equal(fake.syncCount, 0);
  });
});

/** A school's report as the file the coordinator picks. */
async function fileOf(name: string, report = aSchoolReport(1)): Promise<PickedFile> {
  const bytes = await buildReportXlsxBytes(report, MADE);
  return { name, read: () => Promise.resolve(bytes) };
}

describe("the coordinator's consolidation in the pane", () => {
  test("50 school reports: read in the pane, the district sheet in 2 syncs (≤ 3)", async () => {
    const files = await Promise.all(
      Array.from({ length: 50 }, (_, i) => fileOf(`школа ${i + 1}.xlsx`, aSchoolReport(i + 1)))
    );
    const { fake, gateway } = setup();
    const started = performance.now();
    const result = await consolidateFiles(files, { district: "", coordinator: {} });
    assert.ok(result.ok, result.ok ? "" : result.problems.join("\n"));
    const read = performance.now() - started;
    const { sheet } = await gateway.writeReportSheet(result.report, { kind: "district" });
    const total = performance.now() - started;
    assert.ok(fake.syncCount <= 3, `syncs ${fake.syncCount}`);
    assert.equal(fake.syncCount, 2, "sheet names 1 + the sheet 1");
    assert.equal(sheet, "Свод 01.11.2026–30.11.2026");
    assert.equal(result.schools.length, 50);
    // 1 + 2 + … + 50 children on the register at level 1.
    assert.equal(result.report.register.level1.total.onRegister.children, 1275);
    assert.equal(result.report.register.level2.total.registered.children, 50);
    const largestRequest = Math.max(...fake.requests.map((r) => r.bytes));
    const largestResponse = Math.max(...fake.requests.map((r) => r.responseBytes));
    assert.ok(largestRequest < MB5 && largestResponse < MB5);
    assert.match(String(fake.cell(sheet, "B1").value), /^Форма отчёта/);
    console.log(
      `consolidation of 50 reports: read+check ${read.toFixed(0)} ms, total ${total.toFixed(0)} ms, ${fake.syncCount} syncs, largest request ${largestRequest} B, largest response ${largestResponse} B`
    );
  });

  test("reports written by `vshu report` (exceljs) and by the pane are read alike", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vshu-pane-district-"));
    try {
      const cliReport = schoolReport(4, "МБОУ СОШ № 4");
      const path = await writeReport(join(dir, "школа4.xlsx"), cliReport);
      const cliBytes = new Uint8Array(await readFile(path));
      const paneReport = schoolReport(5, "МБОУ СОШ № 5");
      const result = await consolidateFiles(
        [
          { name: "школа4.xlsx", read: () => Promise.resolve(cliBytes) },
          await fileOf("школа5.xlsx", paneReport),
        ],
        {}
      );
      assert.ok(result.ok, result.ok ? "" : result.problems.join("\n"));
      assert.deepEqual(result.schools, ["МБОУ СОШ № 4", "МБОУ СОШ № 5"]);
      assert.equal(
        result.report.register.level1.total.onRegister.children,
        cliReport.register.level1.total.onRegister.children +
          paneReport.register.level1.total.onRegister.children
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("one bad file among good ones: named, nothing summed, nothing written", async () => {
    const good = await Promise.all(
      [1, 2, 3].map((n) => fileOf(`школа${n}.xlsx`, aSchoolReport(n)))
    );
    const notXlsx: PickedFile = {
      name: "список.xlsx",
      read: () => Promise.resolve(new TextEncoder().encode("Фамилия;Имя\n")),
    };
    const { fake } = setup();
    const result = await consolidateFiles([...good, notXlsx], {});
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.length, 1);
    assert.match(result.problems[0] ?? "", /^список\.xlsx: это не книга Excel/);
    assert.match(result.summary, /не прочитано отчётов: 1 из 4/);
    assert.equal(fake.syncCount, 0);
  });

  test("a file far larger than a report is refused unread", async () => {
    let read = false;
    const huge: PickedFile = {
      name: "книга учёта.xlsx",
      size: MAX_REPORT_BYTES + 1,
      read: () => {
        read = true;
        return Promise.resolve(new Uint8Array());
      },
    };
    const result = await consolidateFiles([await fileOf("a.xlsx"), huge], {});
    assert.ok(!result.ok);
    assert.match(
      result.problems[0] ?? "",
      /^книга учёта\.xlsx: файл размером 10 МБ — это не отчёт ВШУ/
    );
    assert.equal(read, false);
  });

  test("a register, another period, a school twice: each file named", async () => {
    const register = await tampered(await buildReportXlsxBytes(aSchoolReport(9), MADE), (zip) =>
      replaceIn(zip, "xl/workbook.xml", 'name="Отчёт"', 'name="Семьи"')
    );
    const registerFile: PickedFile = { name: "книга.xlsx", read: () => Promise.resolve(register) };
    const first = await consolidateFiles(
      [await fileOf("a.xlsx", aSchoolReport(1)), registerFile],
      {}
    );
    assert.ok(!first.ok);
    assert.match(first.problems.join("\n"), /^книга\.xlsx: это книга учёта или её часть/);

    const second = await consolidateFiles(
      [
        await fileOf("a.xlsx", aSchoolReport(1)),
        await fileOf("b.xlsx", aSchoolReport(2)),
        await fileOf("c.xlsx", aSchoolReport(3, { from: "2026-10-01", to: "2026-10-31" })),
        await fileOf("d.xlsx", aSchoolReport(1)),
      ],
      {}
    );
    assert.ok(!second.ok);
    assert.equal(second.problems.length, 2, second.problems.join("\n"));
    assert.match(second.problems[0] ?? "", /^c\.xlsx: отчёт за октябрь 2026/);
    assert.match(
      second.problems[1] ?? "",
      /^d\.xlsx: отчёт школы «МБОУ СОШ № 1» уже есть в a\.xlsx/
    );
  });
});

/**
 * The 1904 date system (issue 11): a register in a workbook that counts days from 1904-01-01
 * (Excel for Mac 2008 and earlier) is read and written with the dates the user sees — the
 * system asked of Excel through DATE(1904; 1; 1) (ExcelApi 1.2), or read off the text Excel
 * shows for date cells (ExcelApi 1.1), or the register refused in Russian where neither tells.
 * The fake shows dates in the workbook's system (`text`), so a date off by 4 years is seen.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  DAYS_1904,
  rawTablesIn1900,
  sheetValue,
  systemOfDate1904,
  systemOfDisplayedDate,
  systemOfShownDates,
  UNKNOWN_DATE_SYSTEM_MESSAGE,
} from "../../src/excel/dateSystem";
import { dateCell, textCell } from "../../src/excel/textSafe";
import { columnLetters, createFakeExcel } from "../support/fakeExcel";
import { seedRegister, settingsRows } from "../support/fakeRegister";
import { draft, rowOf, setup, TODAY } from "./gatewaySetup";

// 2026-09-01: serial 46266 in the 1900 system, 44804 in the 1904 system.
const SEP1_1900 = 46266;
const SEP1_1904 = SEP1_1900 - DAYS_1904;

describe("which date system", () => {
  test("DATE(1904; 1; 1) as the workbook computes it", () => {
    assert.equal(systemOfDate1904(0), 1904);
    assert.equal(systemOfDate1904(1462), 1900);
    for (const other of [null, "#NUM!", 1461, undefined]) {
      assert.equal(systemOfDate1904(other), null, String(other));
    }
  });

  const shown: [unknown, unknown, 1900 | 1904 | null][] = [
    [SEP1_1900, "01.09.2026", 1900],
    [SEP1_1904, "01.09.2026", 1904],
    [SEP1_1900, "9/1/2026", 1900],
    [SEP1_1900, "01.09.2030", 1904],
    [SEP1_1900, "2026-09-01 12:00", 1900],
    [SEP1_1900, "##########", null],
    [SEP1_1900, "01.09.26", null],
    [SEP1_1900, "46266", null],
    [2, "2", null],
    [2026, "2026", null],
    ["01.09.2026", "01.09.2026", null],
    [SEP1_1900, null, null],
  ];
  for (const [value, text, want] of shown) {
    test(`a cell ${String(value)} shown «${String(text)}» → ${String(want)}`, () => {
      assert.equal(systemOfDisplayedDate(value, text), want);
    });
  }

  test("the first cell that tells decides; cells that do not are passed over", () => {
    const values = [
      ["Параметр", "Значение"],
      ["День отчёта", 5],
      ["I четверть с", SEP1_1904],
    ];
    const texts = [
      ["Параметр", "Значение"],
      ["День отчёта", "5"],
      ["I четверть с", "01.09.2026"],
    ];
    assert.equal(systemOfShownDates(values, texts), 1904);
    assert.equal(systemOfShownDates(values.slice(0, 2), texts.slice(0, 2)), null);
  });
});

describe("converting at the edge", () => {
  test("a 1904 workbook's date cells become dates; other numbers stay numbers", () => {
    const sheets = new Map([
      [
        "Учёт",
        {
          headers: ["Код", "Дата выявления", "Моё число"],
          rows: [{ row: 2, cells: ["В-1", SEP1_1904, 7] }],
        },
      ],
      [
        "Настройки",
        {
          headers: ["Параметр", "Значение"],
          rows: [
            { row: 2, cells: ["I четверть с", SEP1_1904] },
            { row: 3, cells: ["День отчёта", 5] },
          ],
        },
      ],
      [
        "Журнал",
        { headers: ["Когда", "Кто"], rows: [{ row: 2, cells: [SEP1_1904 + 0.5, "надстройка"] }] },
      ],
    ]);
    const got = rawTablesIn1900(sheets, 1904);
    assert.deepEqual(got.get("Учёт")?.rows[0]?.cells, ["В-1", { date: "2026-09-01" }, 7]);
    assert.deepEqual(
      got.get("Настройки")?.rows.map((r) => r.cells[1]),
      [{ date: "2026-09-01" }, 5]
    );
    assert.deepEqual(got.get("Журнал")?.rows[0]?.cells[0], { date: "2026-09-01" });
    assert.deepEqual(rawTablesIn1900(sheets, 1900).get("Учёт")?.rows[0]?.cells[1], SEP1_1904);
  });

  test("a date written into a 1904 workbook is 1462 days less; text and 1900 stay", () => {
    assert.equal(sheetValue(dateCell("2026-09-01"), 1904), SEP1_1904);
    assert.equal(sheetValue(dateCell("2026-09-01"), 1900), SEP1_1900);
    assert.equal(sheetValue(dateCell(null), 1904), "");
    assert.equal(sheetValue(textCell("46266"), 1904), "46266");
    assert.throws(() => sheetValue(dateCell("1903-12-31"), 1904), /раньше 1904 года/);
  });
});

/** DATE(1904;1;1), DATE(1903;12;31) and the text of 01.09.2026's 1900 serial in a fake. */
async function fakeDates(date1904: boolean) {
  const fake = createFakeExcel({ date1904 });
  fake.seed("Лист1", [[SEP1_1900]]);
  fake.model.findSheet("Лист1")?.setFormat(0, 0, "dd.mm.yyyy");
  return fake.run(async (context) => {
    const d = context.workbook.functions.date(1904, 1, 1).load("value");
    const early = context.workbook.functions.date(1903, 12, 31).load("value");
    const cell = context.workbook.worksheets.getItem("Лист1").getRange("A1").load("text");
    await context.sync();
    return { d: d.value, early: early.value, text: cell.text[0]?.[0] };
  });
}

describe("fake Excel: the 1904 date system", () => {
  test("DATE() evaluates in the workbook's system; date cells show in it", async () => {
    assert.deepEqual(await fakeDates(false), { d: 1462, early: 1461, text: "01.09.2026" });
    assert.deepEqual(await fakeDates(true), { d: 0, early: "#NUM!", text: "02.09.2030" });
  });
});

/** The computer's day as Excel shows it (the journal's «Когда» comes from the clock). */
function clockDay(): string {
  const d = new Date();
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** A register in a 1904 workbook with one case and the seed's settings. */
function register1904(apiVersion = 21) {
  const { fake, gateway } = setup({ apiVersion, date1904: true });
  seedRegister(fake, {
    cases: [
      {
        Код: "В-1",
        Фамилия: "Сат",
        Имя: "Чечек",
        "Дата рождения": { date: "2013-02-01" },
        "Дата выявления": { date: "2026-09-10" },
        Показатели: "Р1",
      },
    ],
  });
  return { fake, gateway };
}

/** The text Excel shows in a table's cell by header. */
function shown(
  fake: ReturnType<typeof setup>["fake"],
  table: string,
  index: number,
  header: string
): string {
  const t = fake.table(table);
  const col = t.headers.indexOf(header);
  const first = Number(/\d+/.exec(t.address.split("!")[1] ?? "")?.[0] ?? "1");
  return fake.cell(t.sheet, `${columnLetters(col)}${first + 1 + index}`).text;
}

describe("a register in a 1904 workbook", () => {
  test("reads the dates the user sees and writes them so (ExcelApi 1.2+)", async () => {
    const { fake, gateway } = register1904();
    const read = await gateway.readRegister();
    assert.equal(fake.syncCount, 3, "the question rides in the read's first sync");
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.episodes[0]?.identified, "2026-09-10");
    assert.equal(read.register.episodes[0]?.birthDate, "2013-02-01");
    assert.deepEqual(read.register.settings.quarters.I, { from: "2026-09-01", to: "2026-10-24" });

    fake.resetCounters();
    const saved = await gateway.saveCase(draft(), { today: TODAY });
    assert.equal(fake.syncCount, 1, "saving a case stays one sync");
    assert.equal(shown(fake, "tblCases", 1, "Дата рождения"), "06.05.2014");
    assert.equal(shown(fake, "tblCases", 1, "Дата постановки"), "14.11.2026");
    assert.equal(shown(fake, "tblJournal", 0, "Когда").slice(0, 10), clockDay());
    const steps = fake.table("tblActions");
    assert.equal(steps.rows.length, 9);
    const again = await gateway.readRegister();
    const order = again.register.actions.find(
      (a) => a.caseCode === saved.code && a.step === "order"
    );
    assert.equal(shown(fake, "tblActions", (order?.row ?? 0) - 2, "Срок"), "16.11.2026");
    assert.equal(order?.due, "2026-11-16");

    await gateway.markStepDone(saved.code, "order", "2026-11-20");
    assert.equal(shown(fake, "tblActions", (order?.row ?? 0) - 2, "Выполнено"), "20.11.2026");
    await gateway.addAssistance({
      caseCode: "В-1",
      date: "2026-11-21",
      kind: "clothing",
      content: "куртка",
    });
    assert.equal(shown(fake, "tblAssistance", 0, "Дата"), "21.11.2026");
    await gateway.writeSettings({ "II четверть с": "06.11.2026" });
    assert.equal((await gateway.readSettings())["II четверть с"], "06.11.2026");

    const data = await gateway.readReportData();
    assert.deepEqual(data.issues, []);
    assert.equal(data.register.episodes.find((e) => e.code === "В-1")?.birthDate, "2013-02-01");
    assert.equal(
      data.register.episodes.find((e) => e.code === saved.code)?.registered,
      "2026-11-14"
    );
    assert.deepEqual(data.register.settings.quarters.II?.from, "2026-11-06");
  });

  test("ExcelApi 1.1 reads the system off the dates Excel shows, and refuses when none shows", async () => {
    const { fake, gateway } = register1904(1);
    const read = await gateway.readRegister();
    assert.equal(read.register.episodes[0]?.identified, "2026-09-10");
    await gateway.saveCase(draft(), { today: TODAY });
    assert.equal(shown(fake, "tblCases", 1, "Дата выявления"), "02.11.2026");

    // Quarter dates typed as text and no case yet: nothing shows which system this is.
    const bare = setup({ apiVersion: 1, date1904: true });
    seedRegister(bare.fake, {
      settings: settingsRows().map((r) =>
        typeof r["Значение"] === "object" && r["Значение"] !== null
          ? { ...r, Значение: "01.09.2026" }
          : r
      ),
    });
    await assert.rejects(bare.gateway.readRegister(), { message: UNKNOWN_DATE_SYSTEM_MESSAGE });
  });

  for (const apiVersion of [21, 1]) {
    test(`«Создать книгу учёта» writes the quarter dates in the workbook's system (ExcelApi 1.${apiVersion})`, async () => {
      const { fake, gateway } = setup({ apiVersion, date1904: true });
      await gateway.createRegister({
        school: "Ш",
        district: "Р",
        schoolYear: "2026/2027",
        today: TODAY,
      });
      const settings = fake.table("tblSettings");
      const q1 = settings.rows.findIndex((r) => r[0] === "I четверть с");
      assert.equal(shown(fake, "tblSettings", q1, "Значение"), "01.09.2026");
      assert.equal(shown(fake, "tblJournal", 0, "Когда").slice(0, 10), clockDay());
      const read = await gateway.readRegister();
      assert.deepEqual(read.register.settings.quarters.I, { from: "2026-09-01", to: "2026-10-24" });
    });
  }

  test("the upgrade turns a version-1 register's quarter numbers into dates of its system", async () => {
    const { fake, gateway } = setup({ date1904: true });
    seedRegister(fake, {}, { version: 1 });
    const result = await gateway.upgradeRegister();
    assert.ok(result.dates.includes("I четверть с"));
    const q1 = fake.table("tblSettings").rows.findIndex((r) => r[0] === "I четверть с");
    assert.equal(shown(fake, "tblSettings", q1, "Значение"), "01.09.2026");
    assert.equal(rowOf(fake, "tblSettings", q1)["Значение"], SEP1_1904);
    const read = await gateway.readRegister();
    assert.deepEqual(read.register.settings.quarters.I, { from: "2026-09-01", to: "2026-10-24" });
  });
});

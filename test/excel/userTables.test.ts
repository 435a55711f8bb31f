/**
 * What the user adds to the register's tables survives the pane (issue 11): a calculated column
 * keeps its formula in the rows the pane appends and rewrites, a totals row («Строка итогов») is
 * never read as data and stays the last row, and cells that only carry formatting are not
 * content. Each of these tests failed against the stricter fake before the adapter was fixed.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { columnsOf } from "../../src/excel/tables";
import { columnLetters } from "../support/fakeExcel";
import { seedRegister } from "../support/fakeRegister";
import { draft, setup, TODAY } from "./gatewaySetup";

const STATUS = "=VSHU.СТАТУС([@Срок];[@Выполнено])";
const AGE = "=VSHU.AGE([@[Дата рождения]];TODAY())";

const ACTION_HEADERS = [...columnsOf("actions"), "Статус"];
const CASE_HEADERS = [...columnsOf("cases"), "Возраст"];
const STATUS_COLUMN = columnLetters(ACTION_HEADERS.length - 1);
const AGE_COLUMN = columnLetters(CASE_HEADERS.length - 1);

/** A register whose «Мероприятия» and «Учёт» have the user's formula column (one row each). */
function registerWithFormulas(apiVersion: number) {
  const { fake, gateway } = setup({ apiVersion });
  seedRegister(
    fake,
    {
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
      actions: [{ Код: "В-1", Шаг: "приказ", Мероприятие: "приказ", Срок: { date: "2026-09-24" } }],
    },
    { headers: { actions: ACTION_HEADERS, cases: CASE_HEADERS } }
  );
  fake.formula("Мероприятия", `${STATUS_COLUMN}2`, STATUS);
  fake.formula("Учёт", `${AGE_COLUMN}2`, AGE);
  return { fake, gateway };
}

function formulasOf(
  fake: ReturnType<typeof setup>["fake"],
  sheet: string,
  column: string,
  rows: number
) {
  return Array.from({ length: rows }, (_, i) => fake.cell(sheet, `${column}${i + 2}`).formula);
}

describe("a calculated column the user added keeps its formula", () => {
  for (const apiVersion of [21, 1]) {
    test(`in appended and rewritten rows (ExcelApi 1.${apiVersion})`, async () => {
      const { fake, gateway } = registerWithFormulas(apiVersion);
      await gateway.readRegister();
      fake.resetCounters();
      const saved = await gateway.saveCase(draft(), { today: TODAY });
      assert.equal(fake.syncCount, 1, "saving a case stays one sync");
      assert.equal(saved.stepsAdded, 9);
      // Every step row appended (several at once on 1.4+, one by one on 1.1) has the formula.
      assert.deepEqual(
        formulasOf(fake, "Мероприятия", STATUS_COLUMN, 10),
        Array.from({ length: 10 }, () => STATUS)
      );
      assert.deepEqual(formulasOf(fake, "Учёт", AGE_COLUMN, 2), [AGE, AGE]);
      // A rewritten row (a step done, a case edited) keeps it too.
      await gateway.markStepDone(saved.code, "meeting", "2026-11-20");
      await gateway.saveCase(draft({ code: "В-1", lastName: "Сат", note: "правка" }), {
        today: TODAY,
      });
      assert.deepEqual(
        formulasOf(fake, "Мероприятия", STATUS_COLUMN, 10),
        Array.from({ length: 10 }, () => STATUS)
      );
      assert.deepEqual(formulasOf(fake, "Учёт", AGE_COLUMN, 2), [AGE, AGE]);
      // And what the pane wrote is there.
      const read = await gateway.readRegister();
      assert.deepEqual(read.issues, []);
      assert.equal(read.register.episodes[0]?.note, "правка");
      assert.equal(
        read.register.actions.find((a) => a.caseCode === saved.code && a.step === "meeting")?.done,
        "2026-11-20"
      );
    });
  }

  test("an entry appended to «Мероприятия» by «Выполнено» without an open row keeps it", async () => {
    const { fake, gateway } = registerWithFormulas(21);
    await gateway.readRegister();
    await gateway.markStepDone("В-1", "visit", "2026-11-20");
    assert.deepEqual(formulasOf(fake, "Мероприятия", STATUS_COLUMN, 2), [STATUS, STATUS]);
  });
});

describe("a totals row («Строка итогов») is not data", () => {
  test("reads skip it, appended rows go above it, the report counts without it", async () => {
    const { fake, gateway } = setup();
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
    for (const t of ["tblCases", "tblActions", "tblJournal", "tblSettings"]) {
      fake.showTotals(t);
    }
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.deepEqual(
      read.register.episodes.map((e) => e.code),
      ["В-1"]
    );
    fake.resetCounters();
    const saved = await gateway.saveCase(draft(), { today: TODAY });
    assert.equal(fake.syncCount, 1);
    assert.equal(saved.row, 3, "below В-1, above the totals row");
    const cases = fake.table("tblCases");
    assert.deepEqual(
      cases.rows.map((r) => r[0]),
      ["В-1", saved.code]
    );
    assert.equal(cases.totals?.[0], "Итог", "the totals row is still the table's last row");
    assert.equal(fake.table("tblActions").rows.length, 9);
    const again = await gateway.readRegister();
    assert.deepEqual(again.issues, []);
    assert.equal(again.register.episodes.length, 2);
    assert.equal(again.register.episodes[1]?.row, 3);
    const data = await gateway.readReportData();
    assert.deepEqual(data.issues, []);
    assert.equal(data.register.episodes.length, 2);
  });
});

describe("cells that only carry formatting are not content", () => {
  test("«Создать книгу учёта» lays out a sheet that is only formatted (ExcelApi 1.2+)", async () => {
    const { fake, gateway } = setup({ sheets: ["Семьи"] });
    // The user formatted a column of an empty sheet as dates, down to row 200.
    const sheet = fake.model.findSheet("Семьи");
    for (let r = 0; r < 200; r++) {
      sheet?.formats.set(r * 16_384 + 2, "dd.mm.yyyy");
    }
    const result = await gateway.createRegister({
      school: "Ш",
      district: "Р",
      schoolYear: "2026/2027",
      today: TODAY,
    });
    assert.deepEqual(result.skipped, []);
    assert.ok(result.created.includes("Семьи"));
    assert.deepEqual(fake.table("tblFamilies").headers, [...columnsOf("families")]);
  });

  test("on ExcelApi 1.1 (no values-only used range) such a sheet is left alone, and said so", async () => {
    const { fake, gateway } = setup({ apiVersion: 1, sheets: ["Семьи"] });
    fake.model.findSheet("Семьи")?.formats.set(50 * 16_384 + 2, "dd.mm.yyyy");
    const result = await gateway.createRegister({
      school: "Ш",
      district: "Р",
      schoolYear: "2026/2027",
      today: TODAY,
    });
    assert.deepEqual(
      result.skipped.map((x) => x.sheet),
      ["Семьи"]
    );
    assert.match(result.skipped[0]?.reason ?? "", /C51/);
  });

  test("a plain sheet's rows end where its values end, not where formats end", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake);
    const service = fake.model.findSheet("Служба");
    assert.ok(service);
    service.tables.length = 0;
    service.values.clear();
    fake.type("Служба", "A1", [["Дата", "Вид работы", "Количество", "Охвачено", "Примечание"]]);
    for (let r = 1; r < 300; r++) {
      service.formats.set(r * 16_384, "dd.mm.yyyy");
    }
    await gateway.readRegister();
    await gateway.addService({
      date: "2026-11-11",
      kind: "trainings",
      count: 2,
      covered: 30,
      note: "",
    });
    assert.deepEqual(fake.values("Служба", "C2:D2"), [[2, 30]]);
  });
});

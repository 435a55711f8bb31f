/**
 * What the fake Excel hides no more (issue 11): a table's calculated columns, its totals row
 * («Строка итогов») and the used range counted with formatting, as Microsoft documents them —
 * so the adapter's tests fail where real Excel would lose the user's formulas or read a totals
 * row as data.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createFakeExcel, FakeExcelError, FORMULA_RESULT } from "../support/fakeExcel";

const STATUS = "=VSHU.СТАТУС([@Срок];[@Выполнено])";

function seedSteps(): ReturnType<typeof createFakeExcel> {
  const fake = createFakeExcel();
  fake.seed(
    "Мероприятия",
    [
      ["Код", "Срок", "Выполнено", "Статус"],
      ["В-1", 46000, "", STATUS],
      ["В-2", 46001, "", STATUS],
    ],
    { table: "tblActions" }
  );
  return fake;
}

describe("fake Excel: calculated columns", () => {
  test("a column whose body cells share a formula is calculated: new rows get it", async () => {
    const fake = seedSteps();
    await fake.run(async (context) => {
      const rows = context.workbook.tables.getItem("tblActions").rows;
      rows.add();
      rows.add(undefined, [
        [null, null, null, null],
        ["В-4", 46003, null, null],
      ] as unknown as (string | number | boolean)[][]);
      await context.sync();
    });
    for (const row of [4, 5, 6]) {
      assert.equal(fake.cell("Мероприятия", `D${row}`).formula, STATUS, `D${row}`);
    }
    assert.equal(fake.cell("Мероприятия", "A6").value, "В-4");
  });

  test('a value written over it — "" in rows.add, or range.values — clobbers the formula', async () => {
    const fake = seedSteps();
    await fake.run(async (context) => {
      const table = context.workbook.tables.getItem("tblActions");
      table.rows.add(undefined, [["В-3", 46002, "", ""]]);
      context.workbook.worksheets.getItem("Мероприятия").getRange("D2").values = [["x"]];
      await context.sync();
    });
    assert.equal(fake.cell("Мероприятия", "D4").formula, null);
    assert.equal(fake.cell("Мероприятия", "D2").formula, null);
    assert.equal(fake.cell("Мероприятия", "D3").formula, STATUS);
  });

  test("a column with different formulas (or none in some rows) is not calculated", async () => {
    const fake = createFakeExcel();
    fake.seed(
      "Лист2",
      [
        ["А", "Б"],
        ["=1+1", "=A2"],
        ["=1+1", "=A3"],
        ["", "=A4"],
      ],
      { table: "Т" }
    );
    await fake.run(async (context) => {
      context.workbook.tables.getItem("Т").rows.add();
      await context.sync();
    });
    assert.equal(fake.cell("Лист2", "A5").formula, null);
    assert.equal(fake.cell("Лист2", "B5").formula, null);
  });
});

describe("fake Excel: the totals row («Строка итогов»)", () => {
  test("getRange has it, getHeaderRowRange and getDataBodyRange do not; rows go above it", async () => {
    const fake = createFakeExcel();
    fake.seed(
      "Учёт",
      [
        ["Код", "Фамилия"],
        ["В-1", "Сат"],
        ["В-2", "Ооржак"],
      ],
      { table: "tblCases", totals: true }
    );
    assert.deepEqual(fake.table("tblCases").totals, ["Итог", FORMULA_RESULT]);
    assert.equal(fake.cell("Учёт", "B4").formula, "=SUBTOTAL(103,[Фамилия])");
    await fake.run(async (context) => {
      const t = context.workbook.tables.getItem("tblCases");
      const whole = t.getRange().load("address");
      const header = t.getHeaderRowRange().load("address");
      const body = t.getDataBodyRange().load("address, values");
      const totals = t.getTotalRowRange().load("address");
      t.load("showTotals");
      await context.sync();
      assert.equal(whole.address, "Учёт!A1:B4");
      assert.equal(header.address, "Учёт!A1:B1");
      assert.equal(body.address, "Учёт!A2:B3");
      assert.equal(totals.address, "Учёт!A4:B4");
      assert.deepEqual(body.values, [
        ["В-1", "Сат"],
        ["В-2", "Ооржак"],
      ]);
      assert.equal(t.showTotals, true);
      t.rows.add(undefined, [["В-3", "Монгуш"]]);
      await context.sync();
    });
    const view = fake.table("tblCases");
    assert.deepEqual(
      view.rows.map((r) => r[0]),
      ["В-1", "В-2", "В-3"]
    );
    assert.equal(view.address, "Учёт!A1:B5");
    assert.deepEqual(fake.values("Учёт", "A5"), [["Итог"]]);
  });

  test("showTotals shows and removes it; a table without one has no total row range", async () => {
    const fake = createFakeExcel();
    fake.seed(
      "Лист2",
      [
        ["А", "Б"],
        [1, 2],
      ],
      { table: "Т" }
    );
    fake.type("Лист2", "A3", [["под таблицей"]]);
    await assert.rejects(
      fake.run(async (context) => {
        context.workbook.tables.getItem("Т").getTotalRowRange().load("address");
        await context.sync();
      }),
      (e: unknown) => e instanceof FakeExcelError && e.code === "InvalidArgument"
    );
    await fake.run(async (context) => {
      context.workbook.tables.getItem("Т").showTotals = true;
      await context.sync();
    });
    assert.deepEqual(fake.values("Лист2", "A3:A4"), [["Итог"], ["под таблицей"]]);
    fake.showTotals("Т", false);
    assert.deepEqual(fake.values("Лист2", "A3"), [["под таблицей"]]);
    assert.equal(fake.table("Т").totals, null);
  });
});

describe("fake Excel: used ranges", () => {
  test("formatting counts in getUsedRange(); getUsedRange(true) counts values only", async () => {
    const fake = createFakeExcel({ sheets: ["Лист1", "Формат", "Пусто"] });
    fake.type("Лист1", "B2", [["x"]]);
    // Number formats far below the data, as a laid-out sheet has them.
    fake.seed("Формат", [["Дата"], [null], [null]], { formats: ["dd.mm.yyyy"] });
    fake.model.findSheet("Формат")?.formats.set(16_384 * 40 + 3, "@");
    const got = await fake.run(async (context) => {
      const ws = (name: string) => context.workbook.worksheets.getItem(name);
      const r = {
        all: ws("Лист1").getUsedRange().load("address"),
        values: ws("Лист1").getUsedRange(true).load("address"),
        formatAll: ws("Формат").getUsedRange().load("address"),
        formatValues: ws("Формат").getUsedRange(true).load("address"),
        blank: ws("Пусто").getUsedRange().load("address"),
        blankValues: ws("Пусто").getUsedRange(true).load("address"),
        nullObject: ws("Пусто").getUsedRangeOrNullObject(true).load("address"),
        formatOnly: ws("Формат").getUsedRangeOrNullObject(false).load("address"),
      };
      await context.sync();
      return r;
    });
    assert.equal(got.all.address, "Лист1!B2");
    assert.equal(got.values.address, "Лист1!B2");
    assert.equal(got.formatAll.address, "Формат!A1:D41");
    assert.equal(got.formatValues.address, "Формат!A1");
    assert.equal(got.blank.address, "Пусто!A1", "a blank sheet gives its top-left cell");
    assert.equal(got.blankValues.address, "Пусто!A1");
    assert.equal(got.nullObject.isNullObject, true);
    assert.equal(got.formatOnly.isNullObject, false);
  });

  test("getUsedRange(valuesOnly) is ExcelApi 1.2; a table's range counts as formatted", async () => {
    const fake = createFakeExcel({ apiVersion: 1 });
    fake.seed(
      "Лист2",
      [
        ["А", "Б"],
        [null, null],
      ],
      { table: "Т" }
    );
    const used = await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Лист2").getUsedRange().load("address");
      await context.sync();
      return r.address;
    });
    assert.equal(used, "Лист2!A1:B2");
    await assert.rejects(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Лист2").getUsedRange(true).load("address");
        await context.sync();
      }),
      (e: unknown) => e instanceof FakeExcelError && e.code === "ApiNotFound"
    );
  });
});

describe("fake Excel: deleting table rows, format members", () => {
  test("Range.delete up over a table's columns takes the rows out of the table", async () => {
    const fake = seedSteps();
    fake.seed("Мероприятия", [["под таблицей"]], { at: "A6" });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Мероприятия").getRange("A3:D3").delete("Up");
      await context.sync();
    });
    const t = fake.table("tblActions");
    assert.deepEqual(
      t.rows.map((r) => r[0]),
      ["В-1"]
    );
    assert.equal(t.address, "Мероприятия!A1:D2");
    assert.equal(fake.cell("Мероприятия", "A5").value, "под таблицей", "the cells below move up");
  });

  test("deleting part of a table's columns is refused, as Excel refuses it", async () => {
    const fake = seedSteps();
    await assert.rejects(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Мероприятия").getRange("A2:B2").delete("Up");
        await context.sync();
      }),
      (e: unknown) => e instanceof FakeExcelError && e.code === "InvalidOperation"
    );
    assert.equal(fake.table("tblActions").rows.length, 2);
  });

  test("a format member the fake does not model throws instead of passing unseen", async () => {
    const fake = seedSteps();
    await assert.rejects(
      fake.run(async (context) => {
        const format = context.workbook.worksheets.getItem("Мероприятия").getRange("A1").format;
        (format.font as unknown as Record<string, unknown>)["strikethrough"] = true;
        await context.sync();
      }),
      TypeError
    );
  });
});

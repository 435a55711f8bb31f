/**
 * The fake Excel stays honest: it behaves like Excel where the adapter's correctness depends
 * on it (load/sync before reads, shapes, ItemNotFound vs null objects, table growth, text
 * format vs formulas, addresses, sync counting and payload sizes, requirement sets).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  createFakeExcel,
  FakeExcelError,
  formatAddress,
  parseAddress,
  type FakeRequestContext,
} from "../support/fakeExcel";

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof FakeExcelError && e.code === code);
}

describe("fake Excel: reading", () => {
  test("a property read before load + sync throws PropertyNotLoaded", async () => {
    const fake = createFakeExcel();
    fake.type("Лист1", "A1", [["x"]]);
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Лист1").getRange("A1");
      // The reads before load/sync are the point of this test: the lint rules rightly object.
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
      assert.throws(
        () => r.values,
        (e: unknown) => e instanceof FakeExcelError && e.code === "PropertyNotLoaded"
      );
      r.load("values");
      assert.throws(() => r.values, /не загружено/);
      await context.sync();
      assert.deepEqual(r.values, [["x"]]);
      assert.throws(() => r.address, /«address» не загружено/);
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
    });
  });

  test("a load reads the state at its place in the batch", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Лист1");
      const before = ws.getRange("A1");
      before.load("values");
      ws.getRange("A1").values = [["после"]];
      const after = ws.getRange("A1");
      after.load("values");
      await context.sync();
      assert.deepEqual(before.values, [[""]]);
      assert.deepEqual(after.values, [["после"]]);
    });
  });
});

describe("fake Excel: writing", () => {
  test("a values array must match the range's shape (InvalidArgument)", async () => {
    const fake = createFakeExcel();
    await rejectsWith(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Лист1").getRange("A1:B2").values = [["a", "b"]];
        await context.sync();
      }),
      "InvalidArgument"
    );
  });

  test("text format «@» keeps «=…» as text; without it the string becomes a formula", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Лист1");
      const a = ws.getRange("A1:D1");
      a.numberFormat = [["@", "@", "@", "@"]];
      a.values = [['=HYPERLINK("http://x")', "+7 999", "-1", "@x"]];
      ws.getRange("A2:D2").values = [['=HYPERLINK("http://x")', "+7 999", "-1", "@x"]];
      await context.sync();
    });
    assert.deepEqual(fake.values("Лист1", "A1:D1"), [
      ['=HYPERLINK("http://x")', "+7 999", "-1", "@x"],
    ]);
    assert.equal(fake.cell("Лист1", "A1").formula, null);
    assert.equal(fake.cell("Лист1", "A2").formula, '=HYPERLINK("http://x")');
    assert.equal(fake.cell("Лист1", "B2").formula, "=+7 999");
    assert.equal(fake.cell("Лист1", "C2").value, -1);
    assert.equal(fake.cell("Лист1", "D2").formula, "=@x");
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Лист1").getRange("A1:A2");
      r.load("formulas, values, valueTypes");
      await context.sync();
      assert.deepEqual(r.valueTypes, [["String"], ["Error"]]);
    });
  });

  test("null in a values array leaves the cell unchanged", async () => {
    const fake = createFakeExcel();
    fake.type("Лист1", "A1", [["старое", "b"]]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Лист1").getRange("A1:B1").values = [
        [null, "новое"],
      ] as unknown as string[][];
      await context.sync();
    });
    assert.deepEqual(fake.values("Лист1", "A1:B1"), [["старое", "новое"]]);
  });
});

describe("fake Excel: items", () => {
  test("getItem of a missing sheet or table fails at the sync with ItemNotFound", async () => {
    const fake = createFakeExcel();
    await rejectsWith(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Нет").getRange("A1").load("values");
        await context.sync();
      }),
      "ItemNotFound"
    );
    await rejectsWith(
      fake.run(async (context) => {
        context.workbook.tables.getItem("tblNone").getRange().load("address");
        await context.sync();
      }),
      "ItemNotFound"
    );
  });

  test("getItemOrNullObject gives isNullObject after the sync", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Нет");
      const there = context.workbook.worksheets.getItemOrNullObject("Лист1");
      // eslint-disable-next-line office-addins/call-sync-before-read -- the point of the test
      assert.throws(() => missing.isNullObject, /не загружено/);
      await context.sync();
      assert.equal(missing.isNullObject, true);
      assert.equal(there.isNullObject, false);
    });
  });
});

describe("fake Excel: tables", () => {
  test("a table grows with rows.add, reports its new range and pushes cells below it down", async () => {
    const fake = createFakeExcel();
    fake.seed(
      "Учёт",
      [
        ["Код", "Имя"],
        ["В-1", "Анна"],
      ],
      { table: "tblCases" }
    );
    fake.type("Учёт", "A4", [["заметка"]]);
    const address = await fake.run(async (context) => {
      const t = context.workbook.tables.getItem("tblCases");
      t.rows.add(null as unknown as undefined, [
        ["В-2", "Иван"],
        ["В-3", "Олег"],
      ]);
      const r = t.getRange();
      r.load("address");
      await context.sync();
      return r.address;
    });
    assert.equal(address, "Учёт!A1:B4");
    assert.deepEqual(fake.table("tblCases").rows, [
      ["В-1", "Анна"],
      ["В-2", "Иван"],
      ["В-3", "Олег"],
    ]);
    assert.deepEqual(fake.values("Учёт", "A6"), [["заметка"]]);
  });

  test("a table over a header row alone gets one empty body row", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Лист1");
      ws.getRange("A1:B1").values = [["a", "b"]];
      ws.tables.add("'Лист1'!A1:B1", true).name = "tblX";
      await context.sync();
    });
    assert.equal(fake.table("tblX").address, "Лист1!A1:B2");
  });
});

describe("fake Excel: addresses, syncs, payloads, requirement sets", () => {
  test("addresses parse and print like Excel's", () => {
    assert.deepEqual(parseAddress("Учёт!A1:Q20"), {
      sheet: "Учёт",
      top: 0,
      left: 0,
      bottom: 19,
      right: 16,
    });
    assert.deepEqual(parseAddress("'Отчёт 01.09'!$B$3"), {
      sheet: "Отчёт 01.09",
      top: 2,
      left: 1,
      bottom: 2,
      right: 1,
    });
    assert.equal(formatAddress("Учёт", { top: 0, left: 0, bottom: 19, right: 16 }), "Учёт!A1:Q20");
    assert.equal(
      formatAddress("Отчёт 1", { top: 2, left: 27, bottom: 2, right: 27 }),
      "'Отчёт 1'!AB3"
    );
  });

  test("every sync is counted with its request and response sizes; Excel.run flushes the rest", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Лист1").getRange("A1").values = [["x".repeat(1000)]];
      await context.sync();
      context.workbook.worksheets.getItem("Лист1").getRange("A2").values = [["y"]];
    });
    assert.equal(fake.syncCount, 2);
    assert.ok((fake.requests[0]?.bytes ?? 0) > 1000);
  });

  test("objects of a finished Excel.run cannot queue work; Excel.run(context, …) reopens it", async () => {
    const fake = createFakeExcel();
    const kept = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Лист1").getRange("A1");
      range.load("address");
      await context.sync();
      return { range, context };
    });
    assert.equal(kept.range.address, "Лист1!A1");
    assert.throws(
      () => {
        kept.range.values = [["x"]];
      },
      (e: unknown) => e instanceof FakeExcelError && e.code === "InvalidObjectPath"
    );
    await fake.run(kept.context, async (context) => {
      kept.range.values = [["x"]];
      await context.sync();
    });
    assert.deepEqual(fake.values("Лист1", "A1"), [["x"]]);
  });

  test("a request over 5 MB fails like Excel on the web", async () => {
    const fake = createFakeExcel();
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    await rejectsWith(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Лист1").getRange("A1:A60000").values = big;
        await context.sync();
      }),
      "RequestPayloadSizeLimitExceeded"
    );
  });

  test("an ExcelApi 1.1 host rejects newer members with ApiNotFound", async () => {
    const fake = createFakeExcel({ apiVersion: 1 });
    assert.equal(fake.host.isSetSupported("ExcelApi", "1.1"), true);
    assert.equal(fake.host.isSetSupported("ExcelApi", "1.2"), false);
    const batches = [
      (context: FakeRequestContext) => {
        context.workbook.worksheets.getItem("Лист1").pageLayout.orientation = "Landscape";
      },
      (context: FakeRequestContext) => {
        context.workbook.worksheets.getItem("Лист1").getRange("A1").dataValidation.rule = {};
      },
      (context: FakeRequestContext) => {
        context.workbook.worksheets.getItemOrNullObject("Лист1");
      },
    ];
    // Separate Excel.run batches, one each (not a sync per item of one batch).
    await Promise.all(
      batches.map((batch) =>
        rejectsWith(
          fake.run(async (context) => {
            batch(context);
            await context.sync();
          }),
          "ApiNotFound"
        )
      )
    );
    await rejectsWith(fake.host.createWorkbook("UEsDBA=="), "ApiNotFound");
    fake.seed("Т", [["a"], ["1"]], { table: "tblT" });
    await rejectsWith(
      fake.run(async (context) => {
        context.workbook.tables.getItem("tblT").rows.add(undefined, [["2"], ["3"]]);
        await context.sync();
      }),
      "ApiNotFound"
    );
  });
});

describe("fake Excel: table columns and rows as Excel changes them", () => {
  function withTable(api = 21) {
    const fake = createFakeExcel({ apiVersion: api });
    fake.seed(
      "Лист1",
      [
        ["Код", "Имя"],
        ["В-1", "Аяна"],
        ["В-2", "Саян"],
      ],
      { table: "tblT" }
    );
    fake.type("Лист1", "E2", [["справа"]]);
    fake.type("Лист1", "C5", [["ниже"]]);
    return fake;
  }

  test("columns.add at the end (ExcelApi 1.4): the header is named, the table's rows shift right", async () => {
    const fake = withTable();
    await fake.run(async (context) => {
      context.workbook.tables.getItem("tblT").columns.add(undefined, undefined, "Класс");
      await context.sync();
    });
    assert.equal(fake.table("tblT").address, "Лист1!A1:C3");
    assert.deepEqual(fake.table("tblT").headers, ["Код", "Имя", "Класс"]);
    assert.deepEqual(fake.values("Лист1", "E2:F2"), [["", "справа"]], "a cell in the table's rows");
    assert.deepEqual(fake.values("Лист1", "C5"), [["ниже"]], "a cell below the table stays");
  });

  test("columns.add: appending needs ExcelApi 1.4; values must be header + rows; no table in the way", async () => {
    await rejectsWith(
      withTable(1).run(async (context) => {
        context.workbook.tables.getItem("tblT").columns.add(undefined, undefined, "Класс");
        await context.sync();
      }),
      "ApiNotFound"
    );
    await rejectsWith(
      withTable().run(async (context) => {
        context.workbook.tables.getItem("tblT").columns.add(undefined, [["Класс"], ["6А"]]);
        await context.sync();
      }),
      "InvalidArgument"
    );
    // A table further right reaching below the table's rows cannot be split: Excel refuses.
    const blocked = withTable();
    blocked.seed("Лист1", [["Другая"], ["x"], ["y"], ["z"]], { table: "tblOther", at: "G2" });
    await rejectsWith(
      blocked.run(async (context) => {
        context.workbook.tables.getItem("tblT").columns.add(undefined, undefined, "Класс");
        await context.sync();
      }),
      "InvalidOperation"
    );
    // One within the table's rows moves right whole.
    const beside = withTable();
    beside.seed("Лист1", [["Другая"], ["x"]], { table: "tblOther", at: "G1" });
    await beside.run(async (context) => {
      context.workbook.tables.getItem("tblT").columns.add(undefined, undefined, "Класс");
      await context.sync();
    });
    assert.equal(beside.table("tblOther").address, "Лист1!H1:H2");
    // ExcelApi 1.1 inserts before an existing column only.
    const old = withTable(1);
    await old.run(async (context) => {
      context.workbook.tables.getItem("tblT").columns.add(1, [["Класс"], ["6А"], ["7Б"]]);
      await context.sync();
    });
    assert.deepEqual(old.table("tblT").headers, ["Код", "Класс", "Имя"]);
    assert.deepEqual(old.table("tblT").rows, [
      ["В-1", "6А", "Аяна"],
      ["В-2", "7Б", "Саян"],
    ]);
  });

  test("rows.getItemAt(i).delete removes the row; the cells below in the table's columns move up", async () => {
    const fake = withTable();
    fake.type("Лист1", "A5", [["под таблицей"]]);
    await fake.run(async (context) => {
      context.workbook.tables.getItem("tblT").rows.getItemAt(0).delete();
      await context.sync();
    });
    assert.equal(fake.table("tblT").address, "Лист1!A1:B2");
    assert.deepEqual(fake.table("tblT").rows, [["В-2", "Саян"]]);
    assert.deepEqual(fake.values("Лист1", "A4"), [["под таблицей"]]);
    assert.deepEqual(fake.values("Лист1", "C5"), [["ниже"]], "outside the table's columns: stays");
    // The last row: the table keeps one empty body row.
    await fake.run(async (context) => {
      context.workbook.tables.getItem("tblT").rows.getItemAt(0).delete();
      await context.sync();
    });
    assert.equal(fake.table("tblT").address, "Лист1!A1:B2");
    assert.deepEqual(fake.table("tblT").rows, [["", ""]]);
  });
});

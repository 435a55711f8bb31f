/**
 * CSV import in the add-in against the fake Excel: 10 000 rows in at most 5 write syncs (2 000
 * rows a sync), every request under 5 MB, the «Журнал» row in the last batch; formula-looking
 * text stays text, dates are date cells (1904 system too), the user's formula column keeps its
 * formula; a batch that fails leaves the table as it was; errors and duplicates.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isoToExcelSerial } from "../../src/core/dates/isoDate";
import type { ImportPlan } from "../../src/core/import/plan";
import { createExcelGateway, type ExcelRun } from "../../src/excel/excelGateway";
import type { RegisterGateway } from "../../src/excel/gateway";
import { importBatches, rowsWord } from "../../src/excel/importWrites";
import { textCell } from "../../src/excel/textSafe";
import { columnLetters, createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { columnsOf } from "../../src/excel/tables";
import { seedRegister, settingsRows, type SeedRows } from "../support/fakeRegister";
import { MB5 } from "./gatewaySetup";

const enc = new TextEncoder();

/** «Учёт» rows as a CSV (UTF-8): codes В-1…В-n, some text that looks like a formula. */
function casesCsv(n: number, start = 1): Uint8Array {
  const lines = ["Код;Фамилия;Имя;Отчество;Дата рождения;Класс;Дата выявления;Примечание"];
  for (let i = start; i < start + n; i++) {
    const note = i % 1000 === 1 ? "=1+2" : i % 1000 === 2 ? "+7 (923) 000-00-00" : "";
    lines.push(
      `В-${i};Фамилия${i};Имя;Отчество;${String((i % 28) + 1).padStart(2, "0")}.03.2012;${(i % 11) + 1}А;2026-10-01;${note}`
    );
  }
  return enc.encode(`${lines.join("\r\n")}\r\n`);
}

/** A version-2 register with a few cases, read by the gateway. */
async function book(
  opts: {
    rows?: SeedRows;
    date1904?: boolean;
    payloadLimit?: number;
    apiVersion?: number;
    headers?: string[];
    run?: (fake: FakeExcel) => ExcelRun;
  } = {}
): Promise<{ fake: FakeExcel; gateway: RegisterGateway }> {
  const fake = createFakeExcel({
    ...(opts.date1904 ? { date1904: true } : {}),
    ...(opts.payloadLimit ? { payloadLimit: opts.payloadLimit } : {}),
    ...(opts.apiVersion ? { apiVersion: opts.apiVersion } : {}),
  });
  seedRegister(
    fake,
    {
      settings: settingsRows(),
      cases: [
        { Код: "А-1", Фамилия: "Монгуш", Имя: "Айдыс", "Дата рождения": { date: "2014-05-06" } },
      ],
      ...opts.rows,
    },
    opts.headers ? { headers: { cases: opts.headers } } : {}
  );
  const run = opts.run ? opts.run(fake) : (fake.run as unknown as ExcelRun);
  const gateway = createExcelGateway(run, fake.host, () => new Date(2026, 10, 23, 10, 0));
  await gateway.readRegister();
  return { fake, gateway };
}

function casesRows(fake: FakeExcel): unknown[][] {
  return fake.table("tblCases").rows;
}

function column(fake: FakeExcel, table: string, header: string): unknown[] {
  const t = fake.table(table);
  const i = t.headers.indexOf(header);
  return t.rows.map((r) => r[i]);
}

async function plan(
  gateway: RegisterGateway,
  bytes: Uint8Array,
  sheet = "Учёт"
): Promise<ImportPlan> {
  return gateway.planImport({ bytes, sheet });
}

describe("CSV import (Office.js adapter)", () => {
  test("10 000 rows: 5 write syncs of ≤ 2 000 rows, every request < 5 MB, one «Журнал» row", async () => {
    const { fake, gateway } = await book();
    const p = await plan(gateway, casesCsv(10_000));
    assert.deepEqual(p.errors, []);
    assert.equal(p.rows.length, 10_000);
    const before = fake.syncCount;
    const requestsBefore = fake.requests.length;
    const filled = (rows: unknown[][]) => rows.filter((r) => r.some((v) => v !== "" && v !== null));
    const journalBefore = filled(fake.table("tblJournal").rows).length;
    const started = performance.now();
    const result = await gateway.importRows(p, { duplicates: "skip" });
    const ms = performance.now() - started;
    const writes = fake.requests.slice(requestsBefore);
    assert.equal(fake.syncCount - before, 5, "one sync per 2 000 rows");
    assert.equal(result.batches, 5);
    const largest = Math.max(...writes.map((r) => r.bytes));
    assert.ok(largest < MB5, `largest request ${largest} bytes`);
    for (const r of writes) {
      assert.ok(r.responseBytes < MB5);
    }
    console.log(
      `import 10 000 rows: ${writes.length} syncs, largest request ${(largest / 1024 / 1024).toFixed(2)} MB, ${Math.round(ms)} ms on the fake`
    );
    assert.equal(result.rows, 10_000);
    assert.equal(result.first, 3, "below the one case already there");
    assert.equal(result.last, 10_002);
    const rows = casesRows(fake);
    assert.equal(rows.length, 10_001);
    const codes = column(fake, "tblCases", "Код");
    assert.equal(codes[1], "В-1");
    assert.equal(codes[10_000], "В-10000");
    // «Журнал»: one row for the sheet, its rows, codes shortened to fit a cell.
    const journal = fake.table("tblJournal");
    assert.equal(filled(journal.rows).length, journalBefore + 1);
    const last = journal.rows[journal.rows.length - 1] ?? [];
    const at = (h: string) => last[journal.headers.indexOf(h)];
    assert.equal(at("Действие"), "импорт из файла CSV: 10 000 строк");
    assert.equal(at("Лист"), "Учёт");
    assert.equal(at("Строки"), "3–10002");
    assert.equal(at("Код"), "В-1, …, В-10000 (всего 10000)");
    // The register reads back whole.
    const read = await gateway.readRegister();
    assert.equal(read.register.episodes.length, 10_001);
  });

  test("long texts: batches close by size, every request under 5 MB (2 000 rows of 2 500-character notes)", async () => {
    const { fake, gateway } = await book();
    const lines = ["Код;Фамилия;Имя;Примечание"];
    for (let i = 1; i <= 2000; i++) {
      lines.push(`В-${i};Фамилия${i};Имя;${"характеристика ".repeat(166)}`);
    }
    const p = await plan(gateway, enc.encode(lines.join("\r\n")));
    assert.deepEqual(p.errors, []);
    const requestsBefore = fake.requests.length;
    const result = await gateway.importRows(p, { duplicates: "skip" });
    const writes = fake.requests.slice(requestsBefore);
    assert.ok(result.batches >= 3, `${result.batches} batches for ~10 MB`);
    assert.equal(writes.length, result.batches);
    const largest = Math.max(...writes.map((r) => r.bytes));
    assert.ok(largest < MB5, `largest request ${largest} bytes`);
    assert.equal(result.rows, 2000);
    console.log(
      `import 2 000 rows of 2 500 characters: ${result.batches} syncs, largest request ${(largest / 1024 / 1024).toFixed(2)} MB`
    );
  });

  test("Excel 2016 (ExcelApi 1.3: one row per rows.add): 2 500 rows in 2 syncs all the same", async () => {
    const { fake, gateway } = await book({ apiVersion: 3 });
    const p = await plan(gateway, casesCsv(2_500));
    const before = fake.syncCount;
    const result = await gateway.importRows(p, { duplicates: "skip" });
    assert.equal(fake.syncCount - before, 2);
    assert.equal(result.rows, 2_500);
    assert.equal(column(fake, "tblCases", "Код")[2_500], "В-2500");
  });

  test("formula-looking text stays text; dates are date cells; the 1904 system is honoured", async () => {
    for (const date1904 of [false, true]) {
      const { fake, gateway } = await book({ date1904 });
      const result = await gateway.importRows(await plan(gateway, casesCsv(3)), {
        duplicates: "skip",
      });
      const row = result.first;
      const note = fake.cell("Учёт", `${letter(fake, "Примечание")}${row}`);
      assert.equal(note.value, "=1+2");
      assert.equal(note.formula, null, "never a formula");
      assert.equal(note.format, "@");
      const phone = fake.cell("Учёт", `${letter(fake, "Примечание")}${row + 1}`);
      assert.equal(phone.value, "+7 (923) 000-00-00");
      const birth = fake.cell("Учёт", `${letter(fake, "Дата рождения")}${row}`);
      assert.equal(birth.value, isoToExcelSerial("2012-03-02") - (date1904 ? 1462 : 0));
      assert.equal(birth.format, "dd.mm.yyyy");
      assert.equal(birth.text, "02.03.2012");
    }
  });

  test("the user's formula column keeps its formula in the imported rows", async () => {
    const headers = [...columnsOf("cases"), "Моя формула"];
    const { fake, gateway } = await book({ headers });
    // A calculated column of the user's at the right end of «Учёт».
    fake.formula("Учёт", `${columnLetters(headers.length - 1)}2`, "=LEN([@Фамилия])");
    await gateway.readRegister();
    const result = await gateway.importRows(await plan(gateway, casesCsv(5)), {
      duplicates: "skip",
    });
    const cell = fake.cell("Учёт", `${letter(fake, "Моя формула")}${result.last}`);
    assert.equal(cell.formula, "=LEN([@Фамилия])");
  });

  for (const failing of [3, 5]) {
    test(`a batch that fails (batch ${failing} of 5${failing === 5 ? ", with the «Журнал» row" : ""}): every row added is deleted, the tables as before, a Russian message`, async () => {
      let writes = 0;
      let armed = false;
      const { fake, gateway } = await book({
        run: (f) =>
          ((batch: (context: unknown) => Promise<unknown>) =>
            f.run(async (context) => {
              const real = context.sync.bind(context);
              (context as { sync: () => Promise<void> }).sync = async () => {
                await real();
                if (armed && ++writes === failing) {
                  // Excel applied the batch, then the request failed (the connection dropped).
                  throw new Error("Сеть недоступна");
                }
              };
              return batch(context);
            })) as unknown as ExcelRun,
      });
      const before = JSON.stringify(casesRows(fake));
      const journalBefore = JSON.stringify(fake.table("tblJournal").rows);
      const p = await plan(gateway, casesCsv(10_000));
      armed = true;
      await assert.rejects(gateway.importRows(p, { duplicates: "skip" }), (e: Error) => {
        assert.match(
          e.message,
          /^Загрузка прервалась: Сеть недоступна\. Добавленные строки удалены, лист «Учёт» такой же, как до загрузки/
        );
        return true;
      });
      assert.equal(JSON.stringify(casesRows(fake)), before, "«Учёт» as before");
      assert.equal(JSON.stringify(fake.table("tblJournal").rows), journalBefore, "no journal row");
      const largest = Math.max(...fake.requests.map((r) => r.bytes));
      assert.ok(largest < MB5);
    });
  }

  test("a later batch Excel refuses before running (over its size limit): the earlier batches are deleted", async () => {
    const { fake, gateway } = await book({ payloadLimit: 200_000 });
    const before = JSON.stringify(casesRows(fake));
    // Rows 401–600 carry long notes: the 3rd batch of 200 rows is ~0.5 MB, over this limit.
    const lines = ["Код;Фамилия;Имя;Примечание"];
    for (let i = 1; i <= 600; i++) {
      lines.push(`В-${i};Фамилия${i};Имя;${i > 400 ? "я".repeat(1200) : ""}`);
    }
    const p = await plan(gateway, enc.encode(lines.join("\r\n")));
    assert.deepEqual(p.errors, []);
    await assert.rejects(
      gateway.importRows(p, { duplicates: "skip", batchRows: 200 }),
      /^Error: Загрузка прервалась: Размер запроса \d+ байт больше предела 200000\. Добавленные строки удалены/
    );
    assert.equal(JSON.stringify(casesRows(fake)), before);
  });

  test("an empty table's row typed into meanwhile: the import is undone and what was typed stays", async () => {
    const { fake, gateway } = await book({ rows: { cases: [] } });
    const p = await plan(gateway, casesCsv(2_500));
    assert.deepEqual(p.errors, []);
    // The user types a code into the table's empty row after the file was checked.
    fake.seed("Учёт", [["В-руками"]], { at: "A2" });
    await assert.rejects(
      gateway.importRows(p, { duplicates: "skip" }),
      /^Error: Загрузка прервалась: в пустую строку таблицы тем временем что-то ввели; введённое сохранено\. Добавленные строки удалены/
    );
    assert.deepEqual(column(fake, "tblCases", "Код"), ["В-руками"]);
  });

  test("a row added to the table meanwhile: ours go below it and «Журнал» says where (1 more sync)", async () => {
    const { fake, gateway } = await book();
    const p = await plan(gateway, casesCsv(3));
    await fake.run(async (context) => {
      context.workbook.tables.getItem("tblCases").rows.add();
      await context.sync();
    });
    const before = fake.syncCount;
    const result = await gateway.importRows(p, { duplicates: "skip" });
    assert.equal(fake.syncCount - before, 2, "the write, then «Строки» corrected");
    assert.equal(result.first, 4);
    const journal = fake.table("tblJournal");
    const last = journal.rows[journal.rows.length - 1] ?? [];
    assert.equal(last[journal.headers.indexOf("Строки")], "4–6");
    assert.deepEqual(column(fake, "tblCases", "Код").slice(2), ["В-1", "В-2", "В-3"]);
  });

  test("a file with errors is refused before anything is written", async () => {
    const { fake, gateway } = await book();
    const before = fake.syncCount;
    const bad = enc.encode(
      "Код;Фамилия;Имя;Дата рождения\r\nВ-1;Ооржак;Саян;31.02.2012\r\nА-1;Ещё;Раз;\r\n"
    );
    const p = await plan(gateway, bad);
    assert.ok(p.errors.length >= 2, JSON.stringify(p.errors));
    assert.ok(p.errors.some((e) => e.row === 2 && e.column === "Дата рождения"));
    assert.ok(p.errors.some((e) => e.row === 3 && e.column === "Код"));
    const reads = fake.syncCount - before;
    await assert.rejects(
      gateway.importRows(p, { duplicates: "add" }),
      /ошибки .*Ничего не записано/
    );
    assert.equal(fake.syncCount - before, reads, "no sync for a refused plan");
    assert.equal(casesRows(fake).length, 1);
  });

  test("duplicates: left out unless the user adds them", async () => {
    const csv = enc.encode(
      "Код;Фамилия;Имя;Дата рождения\r\nВ-1;Монгуш;Айдыс;06.05.2014\r\nВ-2;Ооржак;Саян;01.01.2013\r\n"
    );
    for (const duplicates of ["skip", "add"] as const) {
      const { fake, gateway } = await book();
      const p = await plan(gateway, csv);
      assert.deepEqual(p.errors, []);
      assert.equal(p.duplicates.length, 1);
      assert.equal(p.duplicates[0]?.row, 2);
      const result = await gateway.importRows(p, { duplicates });
      assert.equal(result.rows, duplicates === "add" ? 2 : 1);
      assert.equal(result.skipped, duplicates === "add" ? 0 : 1);
      assert.deepEqual(
        column(fake, "tblCases", "Код"),
        duplicates === "add" ? ["А-1", "В-1", "В-2"] : ["А-1", "В-2"]
      );
    }
  });
});

describe("import batches", () => {
  test("at most 2 000 rows and the byte budget a batch", () => {
    const rows = Array.from({ length: 4001 }, (_, i) => ({ Код: textCell(`В-${i}`) }));
    assert.deepEqual(
      importBatches(rows).map((b) => b.length),
      [2000, 2000, 1]
    );
    const wide = Array.from({ length: 10 }, () => ({ Примечание: textCell("я".repeat(1000)) }));
    assert.deepEqual(
      importBatches(wide, 2000, 5000).map((b) => b.length),
      [2, 2, 2, 2, 2]
    );
  });

  test("rows in Russian", () => {
    assert.equal(rowsWord(1), "1 строка");
    assert.equal(rowsWord(3), "3 строки");
    assert.equal(rowsWord(11), "11 строк");
    assert.equal(rowsWord(22), "22 строки");
    assert.equal(rowsWord(10_000), "10 000 строк");
  });
});

function letter(fake: FakeExcel, header: string): string {
  const t = fake.table("tblCases");
  const i = t.headers.indexOf(header);
  assert.ok(i >= 0, header);
  const start = /!([A-Z]+)/.exec(t.address)?.[1] ?? "A";
  let n = 0;
  for (const ch of start) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  n += i;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

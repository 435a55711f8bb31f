/**
 * The package editor (src/cli/xlsx/patch): what it writes, read back by an independent reader
 * (JSZip + regular expressions, test/support/xlsxCells.ts), on registers written by another
 * program (test/support/foreignXlsx.ts): rows and columns appended as Excel grows a table,
 * everything else kept, refusals where cells would have to move.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { isoToExcelSerial } from "../../src/core/dates/isoDate";
import { SHEET } from "../../src/core/register/schema";
import { appendColumns } from "../../src/cli/xlsx/patch/appendColumns";
import { appendRows } from "../../src/cli/xlsx/patch/appendRows";
import { PatchError, WorkbookEditor } from "../../src/cli/xlsx/patch/book";
import { readColumn, setCell } from "../../src/cli/xlsx/patch/cells";
import { shiftFormulaRows } from "../../src/cli/xlsx/patch/formula";
import { ZipPackage } from "../../src/cli/xlsx/patch/zip";
import { readWorkbookTables } from "../../src/cli/xlsx/readWorkbook";
import { foreignRegister, foreignSheets, type ForeignSheet } from "../support/foreignXlsx";
import { convertWithLibreOffice } from "../support/libreOffice";
import { formatOfStyle, readCells, readParts } from "../support/xlsxCells";

const dir = mkdtempSync(join(tmpdir(), "vshu-patch-"));

/** Opens, edits and returns the new bytes with the bytes before. */
async function edited(
  edit: (book: WorkbookEditor) => void,
  opts: Parameters<typeof foreignRegister>[0] = {}
): Promise<{ before: Buffer; after: Buffer }> {
  const before = await foreignRegister(opts);
  const book = WorkbookEditor.open(before);
  edit(book);
  return { before, after: book.toBuffer() };
}

const NEW_CASE = {
  Код: "В-4",
  Фамилия: "Донгак",
  Имя: "Чечек",
  "Дата рождения": { date: "2012-05-06" },
  Уровень: "2",
  "Дата постановки": { date: "2026-11-02" },
  Примечание: "+не формула",
} as const;

describe("appending rows to a table", () => {
  test("values land under the table in the right columns, user columns and formulas kept", async () => {
    const { before, after } = await edited((b) => {
      const r = appendRows(b, SHEET.cases, [NEW_CASE]);
      assert.deepEqual(r, { first: 5, last: 5 });
    });
    const was = (await readCells(before)).get(SHEET.cases);
    const now = (await readCells(after)).get(SHEET.cases);
    assert.ok(was && now);
    // Every original cell is there with the same value, formula and style.
    for (const [addr, cell] of was) {
      assert.deepEqual(now.get(addr), cell, addr);
    }
    // Columns: A Код, B Фамилия, C Заметка (user), D Имя, E Отчество, F Дата рождения, G user formula.
    assert.equal(now.get("A5")?.value, "В-4");
    assert.equal(now.get("B5")?.value, "Донгак");
    assert.equal(now.get("C5"), undefined, "the user's column stays empty");
    assert.equal(now.get("D5")?.value, "Чечек");
    assert.equal(now.get("F5")?.value, String(isoToExcelSerial("2012-05-06")));
    assert.equal(now.get("G5"), undefined, "a plain formula column is not filled in");
  });

  test("text that looks like a formula is a string cell with a quote prefix, never a formula", async () => {
    const risky = [
      "=1+2",
      "+7 900",
      "-5",
      "@home",
      "\tтаб",
      "\rвозврат",
      "a & <b> \"c\" 'd'",
      "&lt;",
    ];
    const { after } = await edited((b) => {
      appendRows(
        b,
        SHEET.cases,
        risky.map((t, i) => ({ Код: `Т-${i}`, Примечание: t }))
      );
    });
    const cells = (await readCells(after)).get(SHEET.cases);
    const note = "S"; // «Примечание» after the two user columns
    for (const [i, t] of risky.entries()) {
      const c = cells?.get(`${note}${5 + i}`);
      assert.equal(c?.type, "s", t);
      assert.equal(c?.formula, null, t);
      assert.equal(c?.value, t);
    }
    const styles = (await JSZip.loadAsync(after)).file("xl/styles.xml");
    assert.match((await styles?.async("string")) ?? "", /quotePrefix="1"/);
    // And the product's reader reads the very same texts back.
    const file = join(dir, "risky.xlsx");
    writeFileSync(file, after);
    const t = (await readWorkbookTables(file, () => [])).get(SHEET.cases);
    const col = t?.headers.indexOf("Примечание") ?? -1;
    assert.deepEqual(
      t?.rows.slice(3).map((r) => r.cells[col]),
      risky
    );
  });

  test("a date cell takes a date format derived from the cell above when that shows no date", async () => {
    const { after } = await edited((b) => {
      // «Примечание» above is text: a date written there still shows as a date.
      appendRows(b, SHEET.cases, [
        {
          Код: "Д-1",
          Примечание: { date: "2026-12-01" },
          "Дата выявления": { date: "2026-12-01" },
        },
      ]);
    });
    const cells = (await readCells(after)).get(SHEET.cases);
    const note = cells?.get("S5");
    const found = cells?.get("J5");
    assert.equal(note?.value, String(isoToExcelSerial("2026-12-01")));
    assert.equal(await formatOfStyle(after, note?.style ?? 0), "dd.mm.yyyy");
    // The date column keeps the style of the cell above (built-in date 14).
    assert.equal(found?.style, 1);
  });

  test("a calculated column gets its formula in the new rows; validations and ranges grow", async () => {
    const { after } = await edited((b) => {
      appendRows(b, SHEET.assistance, [
        { Код: "В-1", Дата: { date: "2026-11-03" }, "Вид помощи": "вещевая", Содержание: "куртка" },
        { Код: "В-1", Дата: { date: "2026-12-03" }, "Вид помощи": "вещевая", Содержание: "обувь" },
      ]);
      appendRows(b, SHEET.cases, [NEW_CASE, { ...NEW_CASE, Код: "В-5" }]);
    });
    const cells = (await readCells(after)).get(SHEET.assistance);
    assert.equal(cells?.get("E3")?.formula, "MONTH(tblHelp[[#This Row],[Дата]])");
    assert.equal(cells?.get("E4")?.formula, "MONTH(tblHelp[[#This Row],[Дата]])");
    assert.equal(cells?.get("E4")?.value, null, "no stored value: computed on opening");
    const zip = await JSZip.loadAsync(after);
    const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    assert.match(wb, /fullCalcOnLoad="1"/);
    const tables = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.startsWith("xl/tables/"))
        .map((f) => zip.file(f)?.async("string") ?? "")
    );
    const help = tables.find((t) => t.includes("tblHelp")) ?? "";
    assert.match(help, /ref="A1:E4"/);
    assert.match(help, /<autoFilter ref="A1:E4"/);
    const casesXml = (await zip.file("xl/worksheets/sheet2.xml")?.async("string")) ?? "";
    assert.match(casesXml, /<dimension ref="A1:S6"\/>/);
    // «Уровень» (column M) had a list over rows 2–4: it now reaches row 6.
    assert.match(casesXml, /sqref="M2:M6"/);
  });

  test("an empty table's blank first row is filled first", async () => {
    const { after } = await edited((b) => {
      const r = appendRows(b, SHEET.activities, [
        { Код: "В-1", Вид: "кружок", Объединение: "шахматы" },
      ]);
      assert.deepEqual(r, { first: 2, last: 2 });
    });
    const cells = (await readCells(after)).get(SHEET.activities);
    assert.equal(cells?.get("A2")?.value, "В-1");
    assert.equal(cells?.get("A3"), undefined);
  });

  test("a value typed under the table is refused with the sheet and row, nothing moved", async () => {
    const sheets = foreignSheets();
    const service = sheets.find((s) => s.name === SHEET.service) as ForeignSheet;
    const withNote: ForeignSheet = {
      ...service,
      below: new Map([[3, [null, "заметка под таблицей"]]]),
    };
    const bytes = await foreignRegister(
      {},
      sheets.map((s) => (s === service ? withNote : s))
    );
    const book = WorkbookEditor.open(bytes);
    assert.throws(
      () =>
        appendRows(book, SHEET.service, [
          { Дата: { date: "2026-11-01" }, "Вид работы": "тренинг" },
        ]),
      (e: unknown) =>
        e instanceof PatchError &&
        /«Служба»/.test(e.message) &&
        /строке 3/.test(e.message) &&
        /B3/.test(e.message)
    );
  });

  test("an unknown header is refused, naming the sheet and the column", async () => {
    const book = WorkbookEditor.open(await foreignRegister());
    assert.throws(
      () => appendRows(book, SHEET.cases, [{ Код: "X", Отчество2: "?" }]),
      /нет столбца «Отчество2»/
    );
  });

  test("rows and cells without `r` and a namespace prefix are understood", async () => {
    for (const opts of [{ noRefs: true }, { prefix: "x" }, { prefix: "x", noRefs: true }]) {
      const { before, after } = await edited((b) => {
        appendRows(b, SHEET.cases, [NEW_CASE]);
        appendColumns(b, SHEET.cases, [{ header: "Протокол снятия", kind: "text" }]);
      }, opts);
      const was = (await readCells(before)).get(SHEET.cases);
      const now = (await readCells(after)).get(SHEET.cases);
      for (const [addr, cell] of was ?? []) {
        assert.equal(now?.get(addr)?.value, cell.value, `${JSON.stringify(opts)} ${addr}`);
      }
      assert.equal(now?.get("A5")?.value, "В-4", JSON.stringify(opts));
      assert.equal(now?.get("T1")?.value, "Протокол снятия", JSON.stringify(opts));
      if (opts.prefix) {
        const xml =
          (await (
            await JSZip.loadAsync(after)
          )
            .file("xl/worksheets/sheet2.xml")
            ?.async("string")) ?? "";
        assert.doesNotMatch(xml, /<(row|c|v)\b/, "every new element carries the prefix");
      }
    }
  });
});

describe("a large sheet", () => {
  test("only its last rows are decoded; the others come back byte for byte", async () => {
    const sheets = foreignSheets();
    const cases = sheets.find((s) => s.name === SHEET.cases) as ForeignSheet;
    const template = cases.rows[0] ?? [];
    const many: ForeignSheet = {
      ...cases,
      rows: Array.from({ length: 4000 }, (_, i) =>
        template.map((v, k) => (k === 0 ? `К-${i}` : v))
      ),
    };
    const before = await foreignRegister(
      {},
      sheets.map((s) => (s === cases ? many : s))
    );
    const book = WorkbookEditor.open(before);
    const part = book.findSheet(SHEET.cases)?.part ?? "";
    assert.ok(
      (ZipPackage.open(before).read(part)?.length ?? 0) > 1_000_000,
      "a sheet of megabytes"
    );
    appendRows(book, SHEET.cases, [NEW_CASE, { ...NEW_CASE, Код: "В-5" }]);
    // A second edit of the same sheet that needs every row still sees them all.
    appendColumns(book, SHEET.cases, [{ header: "Протокол снятия", kind: "text" }]);
    appendRows(book, SHEET.cases, [{ ...NEW_CASE, Код: "В-6" }]);
    const after = book.toBuffer();
    const was = (await readCells(before)).get(SHEET.cases);
    const now = (await readCells(after)).get(SHEET.cases);
    for (const [addr, cell] of was ?? []) {
      assert.deepEqual(now?.get(addr), cell, addr);
    }
    assert.equal(now?.get("A4002")?.value, "В-4");
    assert.equal(now?.get("A4003")?.value, "В-5");
    assert.equal(now?.get("A4004")?.value, "В-6");
    assert.equal(now?.get("T1")?.value, "Протокол снятия");
    const file = join(dir, "large.xlsx");
    writeFileSync(file, after);
    const t = (await readWorkbookTables(file, () => [])).get(SHEET.cases);
    assert.equal(t?.rows.length, 4003);
  });

  test("appending alone leaves the rows before the table's end as they were, byte for byte", async () => {
    const sheets = foreignSheets();
    const cases = sheets.find((s) => s.name === SHEET.cases) as ForeignSheet;
    const template = cases.rows[0] ?? [];
    const many: ForeignSheet = {
      ...cases,
      rows: Array.from({ length: 4000 }, (_, i) =>
        template.map((v, k) => (k === 0 ? `К-${i}` : v))
      ),
    };
    const before = await foreignRegister(
      {},
      sheets.map((s) => (s === cases ? many : s))
    );
    const book = WorkbookEditor.open(before);
    const part = book.findSheet(SHEET.cases)?.part ?? "";
    appendRows(book, SHEET.cases, [NEW_CASE]);
    const was = ZipPackage.open(before).text(part) ?? "";
    const now = ZipPackage.open(book.toBuffer()).text(part) ?? "";
    const lastRow = was.lastIndexOf("<row ");
    assert.ok(lastRow > 1_000_000);
    assert.equal(
      now.slice(now.indexOf("<row "), lastRow),
      was.slice(was.indexOf("<row "), lastRow)
    );
    assert.ok(now.includes('<row r="4002"'));
  });
});

describe("appending columns", () => {
  test("a column goes to the table's right end with a header like its neighbour's and a list", async () => {
    const { after } = await edited((b) => {
      appendColumns(b, SHEET.actions, [
        {
          header: "Блок",
          kind: "text",
          list: { values: ["специалисты", "профилактическая"], strict: true },
        },
      ]);
    });
    const cells = (await readCells(after)).get(SHEET.actions);
    assert.equal(cells?.get("J1")?.value, "Блок");
    assert.equal(cells?.get("J1")?.style, cells?.get("I1")?.style);
    const zip = await JSZip.loadAsync(after);
    const sheet = (await zip.file("xl/worksheets/sheet5.xml")?.async("string")) ?? "";
    assert.match(
      sheet,
      /sqref="J2:J502"><formula1>&quot;специалисты,профилактическая&quot;<\/formula1>|sqref="J2:J502"><formula1>"специалисты,профилактическая"<\/formula1>/
    );
    const table = (await zip.file("xl/tables/table4.xml")?.async("string")) ?? "";
    assert.match(table, /<tableColumn id="10" name="Блок"\/><\/tableColumns>/);
    assert.match(table, /tableColumns count="10"/);
    assert.match(table, /ref="A1:J2"/);
  });

  test("cells to the right of the table are refused", async () => {
    const sheets = foreignSheets();
    const service = sheets.find((s) => s.name === SHEET.service) as ForeignSheet;
    const withRight: ForeignSheet = {
      ...service,
      rows: [[...(service.rows[0] ?? []), "справа"]],
    };
    const bytes = await foreignRegister(
      {},
      sheets.map((s) => (s === service ? withRight : s))
    );
    const book = WorkbookEditor.open(bytes);
    assert.throws(
      () => appendColumns(book, SHEET.service, [{ header: "Новый" }]),
      (e: unknown) =>
        e instanceof PatchError && /справа от таблицы/.test(e.message) && /F2/.test(e.message)
    );
  });
});

describe("setting cells", () => {
  test("a date in a text cell becomes a date cell shown ДД.ММ.ГГГГ", async () => {
    const { after } = await edited((b) => {
      const params = readColumn(b, SHEET.settings, "Параметр");
      const row = params.find((p) => p.value === "I четверть с")?.row ?? 0;
      setCell(b, SHEET.settings, row, "Значение", { date: "2026-09-01" });
    });
    const cells = (await readCells(after)).get(SHEET.settings);
    const c = cells?.get("B5");
    assert.equal(c?.value, String(isoToExcelSerial("2026-09-01")));
    assert.equal(await formatOfStyle(after, c?.style ?? 0), "dd.mm.yyyy");
  });
});

describe("the package", () => {
  test("parts the edit did not touch keep their bytes; the rest is a valid zip", async () => {
    const { before, after } = await edited((b) =>
      appendRows(b, SHEET.service, [{ Дата: { date: "2026-11-01" }, "Вид работы": "тренинг" }])
    );
    const was = await readParts(before);
    const now = await readParts(after);
    const changed = new Set([
      "xl/worksheets/sheet8.xml",
      "xl/tables/table7.xml",
      "xl/sharedStrings.xml",
    ]);
    for (const [name, bytes] of was) {
      if (!changed.has(name)) {
        assert.ok(now.get(name)?.equals(bytes), `${name} unchanged`);
      }
    }
    assert.deepEqual([...now.keys()].sort(), [...was.keys()].sort());
    // Unchanged parts are copied compressed: same compressed size as before.
    const z1 = ZipPackage.open(before);
    const z2 = ZipPackage.open(after);
    assert.deepEqual(z2.names(), z1.names());
  });

  test("LibreOffice opens a patched register", async () => {
    const { after } = await edited((b) => {
      appendRows(b, SHEET.cases, [NEW_CASE]);
      appendColumns(b, SHEET.cases, [{ header: "Протокол снятия", kind: "text" }]);
      appendRows(b, SHEET.assistance, [
        { Код: "В-1", Дата: { date: "2026-11-03" }, "Вид помощи": "вещевая" },
      ]);
    });
    const file = join(dir, "patched.xlsx");
    writeFileSync(file, after);
    const back = convertWithLibreOffice(file, "xlsx:Calc MS Excel 2007 XML", join(dir, "lo"));
    const all = await readCells(readFileSync(back));
    const cells = all.get(SHEET.cases);
    assert.equal(cells?.get("A5")?.value, "В-4");
    assert.equal(cells?.get("T1")?.value, "Протокол снятия");
    const help = all.get(SHEET.assistance);
    assert.equal(help?.get("E3")?.value, "11", "LibreOffice computed the calculated column");
  });
});

describe("moving a formula down", () => {
  const cases: [string, number, string][] = [
    ["A2*2", 3, "A5*2"],
    ["$A$2+A$2+$A2", 1, "$A$2+A$2+$A3"],
    ["SUM(B2:C2)", 2, "SUM(B4:C4)"],
    ['"A1"&A1', 1, '"A1"&A2'],
    ["tblHelp[[#This Row],[Дата]]", 5, "tblHelp[[#This Row],[Дата]]"],
    ["[@Код]&B2", 1, "[@Код]&B3"],
    ["LOG10(A2)", 1, "LOG10(A3)"],
    ["'Лист 1'!B2", 2, "'Лист 1'!B4"],
    ["Sheet1!C3", 1, "Sheet1!C4"],
    ["A:A", 3, "A:A"],
  ];
  for (const [formula, delta, want] of cases) {
    test(`${formula} +${delta}`, () => {
      assert.equal(shiftFormulaRows(formula, delta), want);
    });
  }
});

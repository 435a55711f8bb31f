/**
 * `vshu import` and `vshu export` on real .xlsx files: every row lands and reads back the same
 * (formula-like text stays text), «Журнал» gets its row, a bad file or a duplicate leaves the
 * register byte for byte as it was, and export → import gives back the same values.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { runExport } from "../../src/cli/commands/export";
import { runImport } from "../../src/cli/commands/import";
import { runInit } from "../../src/cli/commands/init";
import { UserError } from "../../src/cli/errors";
import { readWorkbookTables } from "../../src/cli/xlsx/readWorkbook";
import { excelSerialToIso, isoToExcelSerial } from "../../src/core/dates/isoDate";
import { columnLayout } from "../../src/core/register/layout";
import type { Cell, RawTable } from "../../src/core/register/model";
import { SHEET, SHEET_COLUMNS, SHEET_ORDER } from "../../src/core/register/schema";
import { matchKey } from "../../src/core/text";
import { foreignRegister } from "../support/foreignXlsx";
import { readCells } from "../support/xlsxCells";
import { sha, vshu } from "../support/vshuBin";

const NOW = "2026-12-02T09:30:00" as const;
const FORMULA_LIKE = ["=1+1", "+7 999 123-45-67", "-5 баллов", "@имя", "\tx", "\rx"];

let dir: string;
let empty: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "vshu-import-"));
  empty = join(dir, "empty.xlsx");
  await runInit({ book: empty, school: "Школа", today: "2026-09-01" });
});
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A fresh copy of the empty register. */
function book(): string {
  const file = join(dir, `book${++n}.xlsx`);
  copyFileSync(empty, file);
  return file;
}

function csvFile(text: string, encoding: "utf8" | "win1251" = "win1251"): string {
  const file = join(dir, `in${++n}.csv`);
  writeFileSync(
    file,
    encoding === "utf8" ? Buffer.from(text, "utf8") : iconv.encode(text, "win1251")
  );
  return file;
}

function expectedHeaders(name: string): readonly string[] {
  const key = SHEET_ORDER.find((k) => matchKey(SHEET[k]) === matchKey(name));
  return key ? SHEET_COLUMNS[key] : [];
}

async function table(file: string, sheet: string): Promise<RawTable> {
  const t = (await readWorkbookTables(file, expectedHeaders)).get(sheet);
  assert.ok(t, `sheet ${sheet}`);
  return t;
}

/** The non-empty rows of a sheet as objects of the named columns. */
async function rowsOf(file: string, sheet: string, columns: readonly string[]) {
  const t = await table(file, sheet);
  const at = columns.map((c) => t.headers.findIndex((h) => matchKey(h) === matchKey(c)));
  // The reader hands date cells over as serial numbers (the register's parser converts them).
  const asDate = (c: string, v: Cell): Cell =>
    typeof v === "number" && columnLayout(c).kind === "date"
      ? { date: excelSerialToIso(v) ?? "" }
      : v;
  return t.rows
    .filter((r) => r.cells.some((c) => c !== null && c !== ""))
    .map((r) =>
      Object.fromEntries(columns.map((c, i) => [c, asDate(c, r.cells[at[i] ?? -1] ?? null)]))
    );
}

async function refused(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    assert.ok(error instanceof UserError, String(error));
    assert.equal(error.exitCode, 1);
    return error.message;
  }
  assert.fail("the command did not refuse");
}

const CASES_CSV =
  "Код;Фамилия;Имя;Дата рождения;Класс;Уровень;Дата постановки;Источник;Примечание\r\n" +
  FORMULA_LIKE.map(
    (note, i) =>
      `В-${i + 1};Монгуш;Ребёнок${i + 1};0${i + 1}.03.2012;5А;1;2026-10-0${i + 1};пдн овд;"${note}"`
  ).join("\r\n") +
  "\r\n";

describe("vshu import", () => {
  test("every row lands, dates and lists converted, formula-like text stays text", async () => {
    const b = book();
    const message = await runImport({ book: b, csv: csvFile(CASES_CSV), sheet: "учет", now: NOW });
    assert.match(message, /добавлено: 6 строк .*кодировка windows-1251.*разделитель «;»/);
    const rows = await rowsOf(b, "Учёт", [
      "Код",
      "Имя",
      "Дата рождения",
      "Уровень",
      "Дата постановки",
      "Источник",
      "Примечание",
    ]);
    assert.deepEqual(
      rows,
      FORMULA_LIKE.map((note, i) => ({
        Код: `В-${i + 1}`,
        Имя: `Ребёнок${i + 1}`,
        "Дата рождения": { date: `2012-03-0${i + 1}` },
        Уровень: 1,
        "Дата постановки": { date: `2026-10-0${i + 1}` },
        Источник: "ПДН ОВД",
        Примечание: note,
      }))
    );
    // Stored as strings, never as formulas.
    const cells = (await readCells(readFileSync(b))).get("Учёт");
    assert.ok(cells);
    for (const [ref, cell] of cells) {
      assert.equal(cell.formula, null, `formula in ${ref}`);
    }
    const notes = [...cells.values()].filter((c) => FORMULA_LIKE.includes(c.value ?? ""));
    assert.equal(notes.length, FORMULA_LIKE.length);
    assert.ok(notes.every((c) => c.type === "s"));
  });

  test("«Журнал»: when, vshu import, what, sheet, rows, episode codes — no names", async () => {
    const b = book();
    await runImport({ book: b, csv: csvFile(CASES_CSV), sheet: "Учёт", now: NOW });
    const journal = await rowsOf(b, "Журнал", ["Кто", "Действие", "Лист", "Строки", "Код"]);
    assert.deepEqual(journal, [
      {
        Кто: "vshu import",
        Действие: "импорт из файла CSV: 6 строк",
        Лист: "Учёт",
        Строки: "2–7",
        Код: "В-1, В-2, В-3, В-4, В-5, В-6",
      },
    ]);
    // «Когда»: the date and time of the write, as a date-time cell.
    const cells = (await readCells(readFileSync(b))).get("Журнал");
    const when = [...(cells?.entries() ?? [])].find(([ref]) => ref === "A2")?.[1];
    assert.ok(when?.value !== null && when !== undefined);
    assert.ok(
      Math.abs(Number(when.value) - (isoToExcelSerial("2026-12-02") + 9.5 / 24)) < 1e-6,
      `«Когда» ${when.value}`
    );
    const all = JSON.stringify(
      await rowsOf(b, "Журнал", ["Когда", "Кто", "Действие", "Лист", "Строки", "Код"])
    );
    assert.ok(!all.includes("Монгуш") && !all.includes("Ребёнок"));
  });

  test("rows of another sheet reference episodes; a second import appends below", async () => {
    const b = book();
    await runImport({ book: b, csv: csvFile(CASES_CSV, "utf8"), sheet: "Учёт", now: NOW });
    const actions =
      'Код,Шаг,Мероприятие,Срок,Выполнено\r\nв-1,Приказ,Приказ о постановке,10.10.2026,\r\nВ-2,,"Беседа, ""доверие""",46300,\r\n';
    await runImport({ book: b, csv: csvFile(actions, "utf8"), sheet: "Мероприятия", now: NOW });
    await runImport({
      book: b,
      csv: csvFile("Код;Мероприятие\r\nВ-3;Ещё\r\n"),
      sheet: "Мероприятия",
      now: NOW,
    });
    assert.deepEqual(await rowsOf(b, "Мероприятия", ["Код", "Шаг", "Мероприятие", "Срок"]), [
      {
        Код: "В-1", // as «Учёт» writes it
        Шаг: "приказ",
        Мероприятие: "Приказ о постановке",
        Срок: { date: "2026-10-10" },
      },
      { Код: "В-2", Шаг: null, Мероприятие: 'Беседа, "доверие"', Срок: { date: "2026-10-05" } },
      { Код: "В-3", Шаг: null, Мероприятие: "Ещё", Срок: null },
    ]);
    const journal = await rowsOf(b, "Журнал", ["Лист", "Строки"]);
    assert.deepEqual(journal.slice(1), [
      { Лист: "Мероприятия", Строки: "2–3" },
      { Лист: "Мероприятия", Строки: "4" },
    ]);
  });

  const bad: Array<[string, string, RegExp]> = [
    [
      "an impossible date",
      "Код;Фамилия;Имя;Дата рождения\r\nВ-1;А;Б;01.01.2012\r\nВ-2;В;Г;31.02.2012\r\n",
      /строка 3, столбец «Дата рождения», значение «31\.02\.2012»: такой даты нет/,
    ],
    [
      "a missing required column",
      "Код;Имя\r\nВ-1;Б\r\n",
      /строка 1, столбец «Фамилия»: в файле нет обязательного столбца/,
    ],
    [
      "a duplicate code in the file",
      "Код;Фамилия;Имя\r\nВ-1;А;Б\r\nв-1;В;Г\r\n",
      /строка 3, столбец «Код», значение «в-1»: код «в-1» уже встречается в строке 2/,
    ],
    [
      "an unknown list value",
      "Код;Фамилия;Имя;Уровень\r\nВ-1;А;Б;3\r\n",
      /строка 2, столбец «Уровень», значение «3»/,
    ],
  ];
  for (const [name, csv, expected] of bad) {
    test(`refused, register byte-identical: ${name}`, async () => {
      const b = book();
      const before = sha(b);
      const file = csvFile(csv);
      const message = await refused(runImport({ book: b, csv: file, sheet: "Учёт" }));
      assert.ok(message.startsWith(`${file}: `), message);
      assert.match(message, expected);
      assert.match(message, /Книга учёта не изменена: не загружено ни одной строки/);
      assert.equal(sha(b), before);
    });
  }

  test("an unknown episode code in «Помощь»: refused, nothing written", async () => {
    const b = book();
    await runImport({ book: b, csv: csvFile(CASES_CSV), sheet: "Учёт", now: NOW });
    const before = sha(b);
    const message = await refused(
      runImport({
        book: b,
        csv: csvFile(
          "Код;Дата;Вид помощи\r\nВ-1;01.10.2026;вещевая\r\nВ-77;01.10.2026;вещевая\r\n"
        ),
        sheet: "Помощь",
      })
    );
    assert.match(
      message,
      /строка 3, столбец «Код», значение «В-77»: нет случая с кодом «В-77» на листе «Учёт»/
    );
    assert.equal(sha(b), before);
  });

  test("wrong encoding forced: refused naming the line", async () => {
    const b = book();
    const before = sha(b);
    const message = await refused(
      runImport({ book: b, csv: csvFile(CASES_CSV), sheet: "Учёт", encoding: "utf-8" })
    );
    assert.match(message, /строка 1: файл не в кодировке UTF-8/);
    assert.equal(sha(b), before);
  });

  test("duplicates: refused listing them unless --allow-duplicates", async () => {
    const b = book();
    await runImport({ book: b, csv: csvFile(CASES_CSV), sheet: "Учёт", now: NOW });
    const again = csvFile(
      "Код;Фамилия;Имя;Дата рождения\r\nВ-10;монгуш;РЕБЁНОК1;2012-03-01\r\nВ-11;Новый;Ребёнок;01.01.2014\r\n"
    );
    const before = sha(b);
    const message = await refused(runImport({ book: b, csv: again, sheet: "Учёт" }));
    assert.match(
      message,
      /строка 2, столбец «Фамилия», значение «монгуш РЕБЁНОК1, 01\.03\.2012»: этот ребёнок уже есть на листе «Учёт» \(строка 2, код В-1\)/
    );
    assert.match(message, /--allow-duplicates/);
    assert.equal(sha(b), before);
    const ok = await runImport({
      book: b,
      csv: again,
      sheet: "Учёт",
      allowDuplicates: true,
      now: NOW,
    });
    assert.match(ok, /добавлено: 2 строки/);
    assert.match(ok, /Из них 1 — дети, которые уже были/);
    assert.equal((await rowsOf(b, "Учёт", ["Код"])).length, 8);
  });
});

describe("vshu import into a version-1 register of another program", () => {
  test("upgraded in the same write; user and version-2 columns filled; «Журнал» created", async () => {
    const b = join(dir, `v1-${++n}.xlsx`);
    writeFileSync(b, await foreignRegister());
    const csv = csvFile(
      "Код;Фамилия;Имя;Заметка классного руководителя;Протокол снятия\r\nН-101;Хомушку;Начын;=важно;7\r\n"
    );
    const message = await runImport({ book: b, csv, sheet: "Учёт", now: NOW });
    assert.match(message, /добавлено: 1 строка/);
    assert.match(message, /обновлена до версии 2/);
    const rows = await rowsOf(b, "Учёт", [
      "Код",
      "Фамилия",
      "Заметка классного руководителя",
      "Протокол снятия",
    ]);
    assert.deepEqual(rows.at(-1), {
      Код: "Н-101",
      Фамилия: "Хомушку",
      "Заметка классного руководителя": "=важно",
      "Протокол снятия": "7",
    });
    const journal = await rowsOf(b, "Журнал", ["Кто", "Действие", "Лист", "Код"]);
    assert.deepEqual(
      journal.map((j) => j["Действие"]),
      ["обновление книги учёта до версии 2", "импорт из файла CSV: 1 строка"]
    );
    assert.equal(journal[1]?.["Код"], "Н-101");
  });
});

describe("vshu export", () => {
  test("windows-1251, ;, CRLF, dates ДД.ММ.ГГГГ, formula guard; export → import gives back the same", async () => {
    const b = book();
    await runImport({ book: b, csv: csvFile(CASES_CSV), sheet: "Учёт", now: NOW });
    const out = join(dir, "export.csv");
    const message = await runExport({ book: b, sheet: "учёт", out });
    assert.match(message, /6 строк и строка заголовков/);
    const bytes = readFileSync(out);
    const text = iconv.decode(bytes, "win1251");
    assert.deepEqual([...iconv.encode(text, "win1251")], [...bytes]);
    const lines = text.split("\r\n");
    assert.equal(lines[0], SHEET_COLUMNS.cases.join(";"));
    assert.match(
      lines[1] ?? "",
      /^В-1;Монгуш;Ребёнок1;;01\.03\.2012;5А;;;ПДН ОВД;;1;01\.10\.2026;.*"'=1\+1"/
    );
    assert.equal(lines[7], "");
    assert.equal(lines.length, 8);

    const copy = book();
    await runImport({ book: copy, csv: out, sheet: "Учёт", now: NOW });
    const columns = SHEET_COLUMNS.cases;
    assert.deepEqual(await rowsOf(copy, "Учёт", columns), await rowsOf(b, "Учёт", columns));
  });

  test("letters windows-1251 lacks: refused naming the cell; --encoding utf-8 writes them with a BOM", async () => {
    const b = book();
    await runImport({
      book: b,
      csv: csvFile("Код;Фамилия;Имя\r\nВ-1;Доңгак;Өлзий\r\n", "utf8"),
      sheet: "Учёт",
      now: NOW,
    });
    const out = join(dir, "tuvan.csv");
    const message = await refused(runExport({ book: b, sheet: "Учёт", out }));
    assert.match(
      message,
      /лист «Учёт», строка 2, столбец «Фамилия»: символа «ң» нет в кодировке windows-1251/
    );
    assert.match(message, /--encoding utf-8/);
    await runExport({ book: b, sheet: "Учёт", out, encoding: "utf-8" });
    const bytes = readFileSync(out);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString("utf8"), /В-1;Доңгак;Өлзий/);
  });

  test("never over the register; an existing file only with --force", async () => {
    const b = book();
    const before = sha(b);
    const message = await refused(
      runExport({ book: b, sheet: "Учёт", out: b.replace(/xlsx$/, "csv") }).then(() =>
        runExport({ book: b, sheet: "Учёт", out: b.replace(/xlsx$/, "csv") })
      )
    );
    assert.match(message, /уже существует.*--force/);
    await runExport({ book: b, sheet: "Учёт", out: b.replace(/xlsx$/, "csv"), force: true });
    assert.match(await refused(runExport({ book: b, sheet: "Учёт", out: b })), /\.csv/);
    assert.equal(sha(b), before);
  });
});

describe("the binary", () => {
  test("exit 1 with the Russian message; help lists both commands", () => {
    const b = book();
    const before = sha(b);
    const file = csvFile("Код;Фамилия\r\nВ-1;А\r\n");
    const r = vshu(["import", b, file, "--sheet", "Учёт"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /столбец «Имя»: в файле нет обязательного столбца «Имя»/);
    assert.equal(sha(b), before);
    const help = vshu(["--help"]);
    assert.match(help.stdout, /import .*загрузить строки из файла CSV/s);
    assert.match(help.stdout, /export .*выгрузить таблицу листа/s);
  });
});

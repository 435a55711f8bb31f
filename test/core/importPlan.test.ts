/**
 * The import plan (src/core/import/plan.ts through src/csv's prepareImport): every refusal with
 * its row, column, value and reason; duplicates; user and version-2 columns; codes; and the
 * formula-safe CSV export text with its round trip through the import. Table-driven.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { unquoteFormulaText } from "../../src/core/import/columns";
import {
  csvField,
  csvRecords,
  findNon1251,
  needsFormulaGuard,
  toCsvText,
} from "../../src/core/import/exportCsv";
import { rowsToImport } from "../../src/core/import/plan";
import type { Cell } from "../../src/core/register/model";
import { bom, cp1251, plan, reasons, register } from "../support/importFixtures";

describe("the plan", () => {
  test("good rows: values by table column, preview, encoding and delimiter", () => {
    const p = plan(
      cp1251(
        "Код;Фамилия;Имя;Дата рождения;Уровень;Дата постановки\r\nВ-2;Ооржак;Айдын;31.01.2013;1;01.10.2026\r\n"
      )
    );
    assert.deepEqual(reasons(p), []);
    assert.equal(p.encoding, "windows-1251");
    assert.equal(p.delimiter, ";");
    assert.deepEqual(p.rows, [
      {
        row: 2,
        values: {
          Код: "В-2",
          Фамилия: "Ооржак",
          Имя: "Айдын",
          "Дата рождения": { date: "2013-01-31" },
          Уровень: 1,
          "Дата постановки": { date: "2026-10-01" },
        },
      },
    ]);
    assert.deepEqual(p.preview.rows, [["В-2", "Ооржак", "Айдын", "31.01.2013", "1", "01.10.2026"]]);
  });

  const bad: Array<[string, string, string, RegExp[]]> = [
    [
      "missing required column",
      "Учёт",
      "Код;Имя\r\nВ-2;Айдын\r\n",
      [/^1\|Фамилия\|\|в файле нет обязательного столбца «Фамилия»/],
    ],
    [
      "unknown column",
      "Учёт",
      "Код;Фамилия;Имя;Телефон\r\nВ-2;О;А;1\r\n",
      [/^1\|Телефон\|Телефон\|столбца «Телефон» нет в таблице листа «Учёт»/],
    ],
    [
      "repeated column",
      "Учёт",
      "Код;Фамилия;Имя;имя\r\nВ-2;О;А;Б\r\n",
      [/^1\|имя\|имя\|столбец «Имя» указан в файле дважды/],
    ],
    [
      "code already on the sheet",
      "Учёт",
      "Код;Фамилия;Имя\r\nв-1;О;А\r\n",
      [/^2\|Код\|в-1\|код «в-1» уже есть на листе «Учёт» \(строка 2\)/],
    ],
    [
      "code twice in the file",
      "Учёт",
      "Код;Фамилия;Имя\r\nВ-2;О;А\r\nВ-2;П;Б\r\n",
      [/^3\|Код\|В-2\|код «В-2» уже встречается в строке 2 файла/],
    ],
    [
      "impossible date",
      "Учёт",
      "Код;Фамилия;Имя;Дата выявления\r\nВ-2;О;А;30.02.2026\r\n",
      [/^2\|Дата выявления\|30\.02\.2026\|такой даты нет/],
    ],
    [
      "level without registration date (the register's own rule)",
      "Учёт",
      "Код;Фамилия;Имя;Уровень\r\nВ-2;О;А;2\r\n",
      [/^2\|Дата постановки\|\|указан уровень, но нет даты постановки/],
    ],
    [
      "unknown indicator",
      "Учёт",
      "Код;Фамилия;Имя;Показатели\r\nВ-2;О;А;Р2, Z9\r\n",
      [/^2\|Показатели\|Р2, Z9\|неизвестный показатель «Z9»/],
    ],
    [
      "unknown episode code referenced",
      "Мероприятия",
      "Код;Мероприятие\r\nВ-9;беседа\r\nВ-1;беседа\r\n",
      [/^2\|Код\|В-9\|нет случая с кодом «В-9» на листе «Учёт»/],
    ],
    [
      "unknown list value",
      "Мероприятия",
      "Код;Мероприятие;Шаг\r\nВ-1;беседа;прогулка\r\n",
      [/^2\|Шаг\|прогулка\|нет в списке значений/],
    ],
    [
      "unknown family status",
      "Семьи",
      "Код семьи;Социальный статус\r\nС-1;полная, богатая\r\n",
      [/^2\|Социальный статус\|полная, богатая\|неизвестный статус «богатая»/],
    ],
    [
      "more fields than headers",
      "Учёт",
      "Код;Фамилия;Имя\r\nВ-2;О;А;лишнее\r\n",
      [/^2\|\|лишнее\|в строке 4 значений/],
    ],
    [
      "values under an empty header",
      "Учёт",
      "Код;Фамилия;Имя;\r\nВ-2;О;А;x\r\n",
      [/^1\|\|\|у столбца 4 нет заголовка/],
    ],
    [
      "unclosed quote",
      "Учёт",
      'Код;Фамилия;Имя\r\nВ-2;"О;А\r\n',
      [/^2\|\|\|кавычка открыта и не закрыта/],
    ],
    ["empty file", "Учёт", "", [/^0\|\|\|файл пуст/]],
    ["header only", "Учёт", "Код;Фамилия;Имя\r\n", [/^1\|\|\|в файле нет строк с данными/]],
    [
      "not an importable sheet",
      "Журнал",
      "Когда\r\n1\r\n",
      [/^0\|\|Журнал\|в книгу учёта можно загрузить строки листов/],
    ],
    [
      "sheet missing in the book",
      "Помощь",
      "Код;Дата;Вид помощи\r\nВ-1;01.10.2026;вещевая\r\n",
      [/^0\|\|Помощь\|в книге учёта нет листа «Помощь»/],
    ],
  ];
  for (const [name, sheet, csv, expected] of bad) {
    test(`refused: ${name}`, () => {
      const got = reasons(plan(csv, sheet));
      assert.equal(got.length, expected.length, got.join("\n"));
      expected.forEach((re, i) => assert.match(got[i] ?? "", re));
    });
  }

  test("«Соцпаспорт»: a row a class, totals rows aside", () => {
    const p = plan(
      "Класс;Всего: детей\r\n5А;20\r\nИтого;20\r\n5 а;3\r\nИтого;3\r\n7б;1\r\n",
      "Соцпаспорт"
    );
    assert.deepEqual(reasons(p), [
      "4|Класс|5 а|класс «5 а» уже встречается в строке 2 файла; на листе одна строка на класс",
      "6|Класс|7б|класс «7б» уже есть на листе «Соцпаспорт» (строка 2); на листе одна строка на класс",
    ]);
  });

  test("every bad row is listed, in file order", () => {
    const p = plan(
      "Код;Фамилия;Имя;Дата рождения\r\nВ-1;А;Б;01.01.2012\r\nВ-3;В;Г;x\r\nВ-4;Д;Е;02.01.2012\r\n"
    );
    assert.deepEqual(
      p.errors.map((e) => `${e.row}:${e.column}`),
      ["2:Код", "3:Дата рождения"]
    );
  });

  test("duplicates: the same child on «Учёт» or twice in the file (surname, name, birth date)", () => {
    const p = plan(
      "Код;Фамилия;Имя;Отчество;Дата рождения\r\n" +
        "В-2;МОНГУШ;Айдыс;Другое;2012-03-05\r\n" + // on the sheet (patronymic ignored)
        "В-3;Ооржак;Айдын;;01.01.2013\r\n" +
        "В-4;Ооржак;Айдын;;01.01.2013\r\n" + // twice in the file
        "В-5;Ооржак;Айдын;;02.01.2013\r\n" // another birth date: another child
    );
    assert.deepEqual(reasons(p), []);
    assert.deepEqual(
      p.duplicates.map((d) => `${d.row}|${d.value}|${d.reason}`),
      [
        "2|МОНГУШ Айдыс, 05.03.2012|этот ребёнок уже есть на листе «Учёт» (строка 2, код В-1)",
        "4|Ооржак Айдын, 01.01.2013|этот ребёнок уже есть в строке 3 файла",
      ]
    );
    assert.deepEqual(
      rowsToImport(p, "skip").map((r) => r.row),
      [3, 5]
    );
    assert.deepEqual(
      rowsToImport(p, "add").map((r) => r.row),
      [2, 3, 4, 5]
    );
  });

  test("episode codes are written as «Учёт» spells them", () => {
    const p = plan("Код;Мероприятие\r\nв-1;беседа\r\n B-1 ;беседа\r\n", "Мероприятия");
    assert.deepEqual(reasons(p), []);
    assert.deepEqual(
      p.rows.map((r) => r.values["Код"]),
      ["В-1", "В-1"]
    );
  });

  test("a user column of the table and a version-2 column missing from a version-1 table", () => {
    const reg = register(["Моё поле"]);
    const p = plan("Код;Фамилия;Имя;мое поле;Протокол снятия\r\nВ-2;О;А;x;7\r\n", "учет", reg);
    assert.deepEqual(reasons(p), []);
    assert.deepEqual(p.rows[0]?.values, {
      Код: "В-2",
      Фамилия: "О",
      Имя: "А",
      "Моё поле": "x",
      "Протокол снятия": "7",
    });
  });

  test("«sep=,» on the first line sets the delimiter and is not a row (as in Excel)", () => {
    const p = plan("sep=,\r\nКод,Фамилия,Имя,Примечание\r\nВ-2,О,А,x;y\r\n");
    assert.deepEqual(reasons(p), []);
    assert.equal(p.delimiter, ",");
    assert.deepEqual(
      p.rows.map((r) => [r.row, r.values["Примечание"]]),
      [[2, "x;y"]]
    );
  });

  test("comma-delimited UTF-8 with BOM and blank lines", () => {
    const p = plan(bom("\r\nКод,Фамилия,Имя\r\n\r\nВ-2,О,А\r\n,,\r\n"));
    assert.deepEqual(reasons(p), []);
    assert.equal(p.delimiter, ",");
    assert.equal(p.bom, true);
    assert.deepEqual(
      p.rows.map((r) => r.row),
      [4]
    );
  });
});

describe("formula-safe CSV export text", () => {
  const samples = [
    "=1+1",
    "+7 999 123-45-67",
    "-5 баллов",
    "@имя",
    "\tx",
    "\rx",
    "'=x",
    "''+1",
    "обычный",
    "a;b",
    'он "сказал"',
    "две\nстроки",
    "'текст",
  ];
  test("guarded exactly when a spreadsheet would run it", () => {
    assert.deepEqual(samples.map(needsFormulaGuard), [
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test("export → import gives back every text", () => {
    const table = {
      headers: ["Код", "Фамилия", "Имя", "Примечание"],
      rows: samples.map((s, i) => ({ row: i + 2, cells: [`В-${i + 10}`, "О", "А", s] as Cell[] })),
    };
    const text = toCsvText(csvRecords("cases", table));
    assert.ok(text.includes('"\'=1+1"'));
    const p = plan(text);
    assert.deepEqual(reasons(p), []);
    assert.deepEqual(
      p.rows.map((r) => r.values["Примечание"]),
      samples
    );
  });

  test("fields: quoted when needed, CRLF rows, dates and decimal commas", () => {
    assert.equal(csvField("a;b"), '"a;b"');
    assert.equal(csvField("=A1"), '"\'=A1"');
    assert.equal(csvField("просто"), "просто");
    const text = toCsvText(
      csvRecords("service", {
        headers: ["Дата", "Вид работы", "Количество", "Моё"],
        rows: [
          { row: 2, cells: [{ date: "2026-10-05" }, "тренинг", 2, 1.5] },
          { row: 3, cells: [46300, null, null, null] },
          { row: 4, cells: [null, "  ", null, null] },
        ],
      })
    );
    assert.equal(
      text,
      "Дата;Вид работы;Количество;Моё\r\n05.10.2026;тренинг;2;1,5\r\n05.10.2026;;;\r\n"
    );
  });

  test("«Когда» of «Журнал» keeps its time of day", () => {
    const serial = 46358 + 9.5 / 24; // 2026-12-02 09:30
    const text = toCsvText(
      csvRecords("journal", {
        headers: ["Когда", "Кто"],
        rows: [{ row: 2, cells: [serial, "vshu import"] }],
      })
    );
    assert.equal(text, "Когда;Кто\r\n02.12.2026 09:30;vshu import\r\n");
  });

  test("characters windows-1251 lacks are found with their cell", () => {
    const records = csvRecords("cases", {
      headers: ["Код", "Имя"],
      rows: [
        { row: 5, cells: ["В-1", "Айдыс"] },
        { row: 6, cells: ["В-2", "Өлзий"] },
      ],
    });
    assert.deepEqual(findNon1251(records, ["Код", "Имя"], 1), [
      { row: 6, column: "Имя", char: "Ө" },
    ]);
    assert.equal(unquoteFormulaText("'-5"), "-5");
  });
});

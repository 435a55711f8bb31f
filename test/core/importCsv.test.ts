/**
 * The pure CSV import core (src/core/import) and its papaparse layer (src/csv): encodings,
 * delimiters, headers, values, checks, duplicates, and the formula-safe export text. Table-driven.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { convertField, matchHeaders, unquoteFormulaText } from "../../src/core/import/columns";
import { detectDelimiter } from "../../src/core/import/delimiter";
import {
  decodeCsvBytes,
  decodeUtf8,
  decodeWindows1251,
  encodeWindows1251,
  invalidUtf8At,
  WINDOWS_1251,
} from "../../src/core/import/encoding";
import {
  csvField,
  csvRecords,
  findNon1251,
  needsFormulaGuard,
  toCsvText,
} from "../../src/core/import/exportCsv";
import { rowsToImport, type ImportPlan } from "../../src/core/import/plan";
import type { Cell, RawTable } from "../../src/core/register/model";
import { CASE_COLUMNS, ACTION_COLUMNS } from "../../src/core/register/schema";
import { parseCsv, prepareImport } from "../../src/csv/parseCsv";

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "utf8"));
const cp1251 = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, "win1251"));
const bom = (s: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

function caseRow(
  row: number,
  values: Partial<Record<string, Cell>>
): { row: number; cells: Cell[] } {
  return { row, cells: CASE_COLUMNS.map((c) => values[c] ?? null) };
}

/** A register with one episode В-1 (Монгуш Айдыс, 05.03.2012) and an empty «Мероприятия». */
function register(extraCaseHeaders: string[] = []): Map<string, RawTable> {
  return new Map<string, RawTable>([
    [
      "Учёт",
      {
        headers: [...CASE_COLUMNS, ...extraCaseHeaders],
        rows: [
          caseRow(2, {
            Код: "В-1",
            Фамилия: "Монгуш",
            Имя: "Айдыс",
            "Дата рождения": { date: "2012-03-05" },
          }),
        ],
      },
    ],
    ["Мероприятия", { headers: [...ACTION_COLUMNS], rows: [] }],
    ["Семьи", { headers: ["Код семьи", "Социальный статус"], rows: [] }],
  ]);
}

const plan = (csv: string | Uint8Array, sheet = "Учёт", reg = register()): ImportPlan =>
  prepareImport({ bytes: typeof csv === "string" ? utf8(csv) : csv, sheet, register: reg });

const reasons = (p: ImportPlan): string[] =>
  p.errors.map((e) => `${e.row}|${e.column}|${e.value}|${e.reason}`);

describe("encodings", () => {
  test("windows-1251: every byte decodes as iconv-lite does (0x98 has no character)", () => {
    for (let b = 0; b < 256; b++) {
      const ours = decodeWindows1251(new Uint8Array([b]));
      const theirs = iconv.decode(Buffer.from([b]), "win1251");
      if (b === 0x98) {
        assert.equal(ours, "\ufffd");
      } else {
        assert.equal(ours, theirs, `byte 0x${b.toString(16)}`);
      }
    }
  });

  test("windows-1251: encoding gives back every byte and lists what has none", () => {
    const all = WINDOWS_1251.filter((_, b) => b !== 0x98).join("");
    const { bytes, missing } = encodeWindows1251(all);
    assert.deepEqual([...bytes], [...iconv.encode(all, "win1251")]);
    assert.deepEqual(missing, []);
    assert.deepEqual(encodeWindows1251("Өлзий ң😀").missing, [0, 6, 7]);
  });

  test("UTF-8 decoding matches Node's for Russian, Tuvan and astral text", () => {
    const text = "Код;Фамилия\r\nВ-1;Өлзий Доңгак ёЁ 😀 €";
    assert.equal(decodeUtf8(utf8(text)), text);
    assert.equal(invalidUtf8At(utf8(text)), -1);
  });

  const cases: Array<[string, Uint8Array, string, "utf-8" | "windows-1251" | null, boolean]> = [
    ["UTF-8 without BOM", utf8("Код;Имя\r\nВ-1;Ёлка"), "auto", "utf-8", false],
    ["UTF-8 with BOM", bom("Код;Имя\r\nВ-1;Ёлка"), "auto", "utf-8", true],
    ["windows-1251", cp1251("Код;Имя\r\nВ-1;Ёлка"), "auto", "windows-1251", false],
    ["plain ASCII is UTF-8", utf8("a;b\r\n"), "auto", "utf-8", false],
    ["windows-1251 forced on 1251 bytes", cp1251("Код"), "windows-1251", "windows-1251", false],
    ["UTF-8 forced on 1251 bytes: refused", cp1251("Код;Имя\r\nВ-1;Ёлка"), "utf-8", null, false],
    [
      "BOM then 1251 bytes: mixed, refused",
      new Uint8Array([0xef, 0xbb, 0xbf, ...cp1251("Код")]),
      "auto",
      null,
      false,
    ],
    ["BOM with --encoding windows-1251: refused", bom("Код"), "windows-1251", null, false],
    ["byte 0x98 in 1251: refused", new Uint8Array([0x41, 0x0a, 0x98]), "auto", null, false],
    [
      "an .xlsx given as CSV: refused",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]),
      "auto",
      null,
      false,
    ],
    ["UTF-16: refused", new Uint8Array([0xff, 0xfe, 0x41, 0]), "auto", null, false],
    ["NUL bytes: refused", new Uint8Array([0x41, 0, 0x42]), "auto", null, false],
  ];
  for (const [name, bytes, choice, encoding, hasBom] of cases) {
    test(name, () => {
      const r = decodeCsvBytes(bytes, choice as "auto");
      if (encoding === null) {
        assert.equal(r.ok, false);
        if (!r.ok) {
          assert.match(r.problem.reason, /[а-я]/);
        }
      } else {
        assert.ok(r.ok);
        assert.equal(r.value.encoding, encoding);
        assert.equal(r.value.bom, hasBom);
      }
    });
  }

  test("a bad byte is reported on its line", () => {
    const bytes = new Uint8Array([...utf8("Код;Имя\r\nВ-1;Ок\r\n"), ...cp1251("В-2;Ёж")]);
    const r = decodeCsvBytes(bytes, "utf-8");
    assert.ok(!r.ok && r.problem.line === 3);
  });
});

describe("delimiters", () => {
  const cases: Array<[string, string]> = [
    ["Код;Фамилия;Имя\r\n", ";"],
    ["Код,Фамилия,Имя\r\n", ","],
    ['"Код;1","Фамилия",Имя\n', ","],
    ['"a,b,c";d\n', ";"],
    ["Код\r\n", ";"],
    ["\r\n\r\nКод,Имя\r\n", ","],
    ["Код;Примечание\r\nВ-1;a,b,c,d\r\n", ";"],
  ];
  for (const [text, d] of cases) {
    test(JSON.stringify(text), () => assert.equal(detectDelimiter(text), d));
  }
});

describe("parsing (papaparse)", () => {
  test("quotes, doubled quotes, delimiters and line breaks inside fields", () => {
    const { records, problems } = parseCsv(
      'a;b\r\n"x;y";"он сказал ""да"""\r\n"две\r\nстроки";z\r\n',
      ";"
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(records, [
      ["a", "b"],
      ["x;y", 'он сказал "да"'],
      ["две\r\nстроки", "z"],
    ]);
  });

  test("an unclosed quote is a problem with its row", () => {
    const { problems } = parseCsv('a;b\r\n1;2\r\n"3;4\r\n5;6\r\n', ";");
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.row, 3);
  });
});

describe("headers", () => {
  const cases: Array<[string, string | null]> = [
    ["Код", "Код"],
    ["  КОД ", "Код"],
    ["дата  рождения", "Дата рождения"],
    ["Дата\u00a0рождения", "Дата рождения"],
    ["Основание снятия", "Основание снятия"],
    ["Протокол снятия", "Протокол снятия"],
    ["Kод", "Код"], // Latin K
    ["Моё поле", "Моё поле"], // the table's own column
    ["мое поле", "Моё поле"], // ё/е
    ["Телефон", null],
  ];
  for (const [header, column] of cases) {
    test(`«${header}» → ${column === null ? "no column" : `«${column}»`}`, () => {
      const [m] = matchHeaders("cases", [header], [...CASE_COLUMNS, "Моё поле"]);
      assert.equal(m?.column, column);
    });
  }
});

describe("values", () => {
  const cases: Array<[string, string, string, unknown]> = [
    ["cases", "Дата рождения", "05.03.2012", { date: "2012-03-05" }],
    ["cases", "Дата рождения", "5.3.2012", { date: "2012-03-05" }],
    ["cases", "Дата рождения", "2012-03-05", { date: "2012-03-05" }],
    ["cases", "Дата рождения", " 2012-03-05 ", { date: "2012-03-05" }],
    ["cases", "Дата рождения", "40973", { date: "2012-03-05" }],
    ["cases", "Дата рождения", "40973,5", { date: "2012-03-05" }],
    ["cases", "Дата рождения", "31.02.2012", "такой даты нет в календаре"],
    ["cases", "Дата рождения", "2012-13-01", "такой даты нет в календаре"],
    ["cases", "Дата рождения", "2012", /не дата/],
    ["cases", "Дата рождения", "12/03/2012", /не дата/],
    ["cases", "Дата рождения", "", null],
    ["cases", "Уровень", "2", 2],
    ["cases", "Уровень", "2 — СОП", "2 — СОП"],
    ["cases", "Источник", "пдн  овд", "ПДН ОВД"],
    ["cases", "Источник", "сосед", "сосед"],
    ["cases", "Фамилия", "  Монгуш ", "  Монгуш "],
    ["cases", "Примечание", "=1+1", "=1+1"],
    ["cases", "Примечание", "'=1+1", "=1+1"],
    ["cases", "Примечание", "''=1+1", "'=1+1"],
    ["cases", "Примечание", "'текст", "'текст"],
    ["actions", "Шаг", "Выход в семью", "выход в семью"],
    ["actions", "Шаг", "прогулка", /допустимы: «информирование»/],
    ["actions", "Раздел", "РЕБЕНОК", "ребёнок"],
    ["service", "Количество", "1 234", 1234],
    ["service", "Количество", "-1", /неотрицательное/],
    ["service", "Количество", "много", /неотрицательное/],
    ["signals", "Неорганизован", "Да", "да"],
    ["signals", "Неорганизован", "может быть", /допустимы: «да», «нет»/],
  ];
  for (const [sheet, column, text, expected] of cases) {
    test(`${sheet}.${column}: «${text}»`, () => {
      const r = convertField(sheet as "cases", column, text);
      if (expected instanceof RegExp || (typeof expected === "string" && !r.ok)) {
        assert.equal(r.ok, false);
        if (!r.ok) {
          assert.match(r.reason, expected instanceof RegExp ? expected : new RegExp(expected));
        }
      } else {
        assert.deepEqual(r, { ok: true, value: expected });
      }
    });
  }
});

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

/**
 * The pure CSV import core (src/core/import) and its papaparse layer (src/csv): encodings,
 * delimiters, parsing, headers and values. Table-driven. The plan and the export text:
 * importPlan.test.ts.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { convertField, matchHeaders } from "../../src/core/import/columns";
import { detectDelimiter } from "../../src/core/import/delimiter";
import {
  decodeCsvBytes,
  decodeUtf8,
  decodeWindows1251,
  encodeWindows1251,
  invalidUtf8At,
  WINDOWS_1251,
} from "../../src/core/import/encoding";
import { CASE_COLUMNS } from "../../src/core/register/schema";
import { parseCsv } from "../../src/csv/parseCsv";
import { bom, cp1251, utf8 } from "../support/importFixtures";

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
    [
      "windows-1251 with «Сёмин», «РОС» and «Р»»",
      cp1251("Фамилия;Примечание\r\nСёмин;ООО «РОС» Р»\r\n"),
      "auto",
      "windows-1251",
      false,
    ],
    [
      "UTF-8 lines and a windows-1251 line: mixed, refused",
      new Uint8Array([...utf8("Код;Фамилия\r\nВ-1;Монгуш\r\n"), ...cp1251("В-2;Ооржак\r\n")]),
      "auto",
      null,
      false,
    ],
    [
      "UTF-8 with one stray byte: refused",
      new Uint8Array([...utf8("Код;Фамилия\r\nВ-1;Мон"), 0xff, ...utf8("гуш\r\n")]),
      "auto",
      null,
      false,
    ],
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

/**
 * What the reader noticed about a table, as the parser reports it: a formula without a value in
 * a contract column is an error at that cell (and the only one there), in a user's column it is
 * ignored; rows typed under a table are a warning, not an error; a missing or unreadable «Учёт»
 * is one error, not one per reference to it.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseRegister } from "../../src/core/register/parseRegister";
import type { Cell, CellProblem, RawTable } from "../../src/core/register/model";
import { SHEET, SHEET_COLUMNS, SHEET_ORDER, type SheetKey } from "../../src/core/register/schema";

type Rows = Partial<Record<SheetKey, Record<string, Cell>[]>>;

/** Every sheet with the contract's headers plus a user's column «Мои заметки». */
function sheets(
  rows: Rows,
  extra: Partial<Record<SheetKey, Partial<RawTable>>> = {},
  leaveOut: readonly SheetKey[] = []
): Map<string, RawTable> {
  const map = new Map<string, RawTable>();
  for (const key of SHEET_ORDER) {
    if (leaveOut.includes(key)) {
      continue;
    }
    const headers = [...SHEET_COLUMNS[key], "Мои заметки"];
    map.set(SHEET[key], {
      headers,
      rows: (rows[key] ?? []).map((r, i) => ({
        row: i + 2,
        cells: headers.map((h) => r[h] ?? null),
      })),
      ...extra[key],
    });
  }
  return map;
}

const CASE = {
  Код: "В-1",
  Фамилия: "Монгуш",
  Имя: "Айдыс",
  "Дата выявления": "01.10.2026",
  Показатели: "Р2",
  Уровень: 1,
  "Дата постановки": "05.10.2026",
};

const column = (key: SheetKey, header: string): number =>
  [...SHEET_COLUMNS[key], "Мои заметки"].indexOf(header);

describe("formula cells without a value", () => {
  const cases: {
    name: string;
    header: string;
    kind: CellProblem["kind"];
    issue: RegExp | null;
  }[] = [
    {
      name: "in «Показатели»",
      header: "Показатели",
      kind: "formulaWithoutValue",
      issue: /формула без вычисленного значения.*сохраните/,
    },
    {
      name: "in «Код»",
      header: "Код",
      kind: "formulaWithoutValue",
      issue: /формула без вычисленного значения/,
    },
    {
      name: "an error result in «Дата постановки»",
      header: "Дата постановки",
      kind: "formulaError",
      issue: /вычислилась с ошибкой/,
    },
    {
      name: "in the user's own column",
      header: "Мои заметки",
      kind: "formulaWithoutValue",
      issue: null,
    },
  ];
  for (const c of cases) {
    test(`${c.name}: ${c.issue ? "an error at that cell, the only one there" : "ignored"}`, () => {
      const row: Record<string, Cell> = { ...CASE, [c.header]: null };
      const { issues } = parseRegister(
        sheets(
          { cases: [row] },
          { cases: { problems: [{ row: 2, column: column("cases", c.header), kind: c.kind }] } }
        )
      );
      if (c.issue === null) {
        assert.deepEqual(issues, []);
        return;
      }
      const here = issues.filter((i) => i.sheet === "Учёт" && i.row === 2 && i.column === c.header);
      assert.equal(here.length, 1, JSON.stringify(issues));
      assert.match(here[0]?.message ?? "", c.issue);
    });
  }

  test("on «Календарь» too", () => {
    const raw = sheets({});
    raw.set("Календарь", {
      headers: ["Дата", "Вид дня", "Примечание"],
      rows: [{ row: 2, cells: [null, "нерабочий", ""] }],
      problems: [{ row: 2, column: 0, kind: "formulaWithoutValue" }],
    });
    const { issues } = parseRegister(raw);
    assert.ok(issues.some((i) => i.sheet === "Календарь" && i.row === 2 && i.column === "Дата"));
  });
});

describe("rows typed under a table", () => {
  test("read as part of it, with one warning naming the rows", () => {
    const { register, issues, warnings } = parseRegister(
      sheets(
        { cases: [CASE, { ...CASE, Код: "В-2" }, { ...CASE, Код: "В-3" }] },
        { cases: { rowsBelow: [3, 4] } }
      )
    );
    assert.deepEqual(issues, []);
    assert.equal(register.episodes.length, 3);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.sheet, "Учёт");
    assert.match(warnings[0]?.message ?? "", /строки 3–4 под таблицей.*расширьте таблицу/);
  });

  test("one row: «строка N»", () => {
    const { warnings } = parseRegister(
      sheets({ cases: [CASE, { ...CASE, Код: "В-2" }] }, { cases: { rowsBelow: [3] } })
    );
    assert.match(warnings[0]?.message ?? "", /^строка 3 под таблицей/);
  });
});

describe("a missing or unreadable «Учёт» is one error", () => {
  const help = Array.from({ length: 30 }, (_, i) => ({
    Код: `В-${i + 1}`,
    Дата: "15.10.2026",
    "Вид помощи": "вещевая",
  }));
  test("no sheet «Учёт»: its one error, no «нет случая с кодом» for the 30 help rows", () => {
    const { issues } = parseRegister(sheets({ assistance: help }, {}, ["cases"]));
    assert.deepEqual(
      issues.map((i) => i.message),
      ["в книге нет листа «Учёт»"]
    );
  });

  test("«Учёт» without its column «Код»: the column's error only", () => {
    const raw = sheets({ assistance: help });
    const cases = raw.get("Учёт");
    assert.ok(cases);
    raw.set("Учёт", { ...cases, headers: cases.headers.map((h) => (h === "Код" ? "Шифр" : h)) });
    const { issues } = parseRegister(raw);
    assert.equal(issues.length, 1, JSON.stringify(issues));
    assert.equal(issues[0]?.column, "Код");
  });

  test("with «Учёт» readable, a wrong code is still an error", () => {
    const { issues } = parseRegister(
      sheets({ cases: [CASE], assistance: [{ ...help[0], Код: "В-99" }] })
    );
    assert.equal(issues.length, 1);
    assert.match(issues[0]?.message ?? "", /нет случая с кодом «В-99»/);
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { cellCount, cellDate, cellText } from "../../src/core/register/cells";
import { readLevel } from "../../src/core/register/parseCases";
import { parseRegister } from "../../src/core/register/parseRegister";
import type { Cell, RawTable } from "../../src/core/register/model";
import { SHEET, SHEET_COLUMNS, SHEET_ORDER, type SheetKey } from "../../src/core/register/schema";

describe("cellDate", () => {
  const ok: { cell: Cell; date: string | null }[] = [
    { cell: null, date: null },
    { cell: "  ", date: null },
    { cell: { date: "2026-11-23" }, date: "2026-11-23" },
    { cell: "23.11.2026", date: "2026-11-23" },
    { cell: "3.1.2026", date: "2026-01-03" },
    { cell: " 2026-11-23 ", date: "2026-11-23" },
    { cell: 46349, date: "2026-11-23" },
    { cell: 46349.75, date: "2026-11-23" },
    { cell: "29.02.2024", date: "2024-02-29" },
  ];
  for (const c of ok) {
    test(`${JSON.stringify(c.cell)} → ${c.date}`, () => {
      assert.deepEqual(cellDate(c.cell), { ok: true, value: c.date });
    });
  }
  const bad: Cell[] = [
    "31.02.2026",
    "29.02.2026",
    "2026/11/23",
    "23-11-2026",
    "вчера",
    "23.11.26",
    -5,
    true,
  ];
  for (const cell of bad) {
    test(`${JSON.stringify(cell)} is refused with a hint`, () => {
      const r = cellDate(cell);
      assert.equal(r.ok, false);
    });
  }
});

describe("cellCount and cellText", () => {
  test("counts", () => {
    assert.deepEqual(cellCount(null, 1), { ok: true, value: 1 });
    assert.deepEqual(cellCount("1 234", 0), { ok: true, value: 1234 });
    assert.deepEqual(cellCount(3, 0), { ok: true, value: 3 });
    assert.equal(cellCount(-1, 0).ok, false);
    assert.equal(cellCount(1.5, 0).ok, false);
    assert.equal(cellCount("много", 0).ok, false);
  });
  test("text", () => {
    assert.equal(cellText(12), "12");
    assert.equal(cellText({ date: "2026-01-05" }), "05.01.2026");
    assert.equal(cellText("  =SUM(A1) "), "=SUM(A1)");
  });
});

describe("readLevel", () => {
  const cases: { cell: Cell; level: 1 | 2 | null }[] = [
    { cell: null, level: null },
    { cell: "", level: null },
    { cell: 1, level: 1 },
    { cell: 2, level: 2 },
    { cell: "2 — СОП", level: 2 },
    { cell: "1 уровень", level: 1 },
    { cell: " 2", level: 2 },
  ];
  for (const c of cases) {
    test(`${JSON.stringify(c.cell)} → ${c.level}`, () => {
      assert.deepEqual(readLevel(c.cell), { level: c.level });
    });
  }
  for (const cell of [3, 0, "12", "СОП", "второй", 1.5] as Cell[]) {
    test(`${JSON.stringify(cell)} is refused`, () => {
      assert.ok("error" in readLevel(cell));
    });
  }
});

/** A register with every sheet present and empty, and `rows` on the named sheets. */
function sheets(rows: Partial<Record<SheetKey, Record<string, Cell>[]>>): Map<string, RawTable> {
  const map = new Map<string, RawTable>();
  for (const key of SHEET_ORDER) {
    const headers = SHEET_COLUMNS[key];
    map.set(SHEET[key], {
      headers,
      rows: (rows[key] ?? []).map((r, i) => ({
        row: i + 2,
        cells: headers.map((h) => r[h] ?? null),
      })),
    });
  }
  return map;
}

describe("parseRegister", () => {
  test("children are told apart by name and birth date; families by code, else the child", () => {
    const { register, issues } = parseRegister(
      sheets({
        cases: [
          {
            Код: "1",
            Фамилия: "Ооржак",
            Имя: "Айдыс",
            "Дата рождения": "01.02.2014",
            "Код семьи": "С-1",
            Уровень: 1,
            "Дата постановки": "01.10.2026",
          },
          {
            Код: "2",
            Фамилия: "ООРЖАК",
            Имя: "айдыс",
            "Дата рождения": "2014-02-01",
            "Код семьи": "c-1",
            Уровень: 2,
            "Дата постановки": "01.11.2026",
          },
          {
            Код: "3",
            Фамилия: "Ооржак",
            Имя: "Чечек",
            "Дата рождения": "2016-05-05",
            "Код семьи": "С-1",
          },
          { Код: "4", Фамилия: "", Имя: "", "Код семьи": "" },
        ],
      })
    );
    assert.deepEqual(issues, []);
    const [a, b, c, d] = register.episodes;
    assert.equal(a?.childKey, b?.childKey);
    assert.notEqual(a?.childKey, c?.childKey);
    assert.equal(a?.familyKey, c?.familyKey);
    assert.equal(d?.familyKey, d?.childKey);
    assert.notEqual(d?.childKey, a?.childKey);
  });

  test("every missing sheet is reported by name", () => {
    const map = sheets({});
    map.delete(SHEET.service);
    map.delete(SHEET.signals);
    const { issues } = parseRegister(map);
    assert.deepEqual(
      issues.map((i) => i.sheet),
      [SHEET.service, SHEET.signals]
    );
    assert.match(issues[0]?.message ?? "", /нет листа/);
  });

  test("sheet names and headers match regardless of case and spacing; extra columns are kept out", () => {
    const map = new Map<string, RawTable>();
    for (const [name, table] of sheets({})) {
      map.set(name.toUpperCase(), {
        headers: [...table.headers.map((h) => ` ${h.toLowerCase()} `), "Моё поле"],
        rows: [],
      });
    }
    assert.deepEqual(parseRegister(map).issues, []);
  });

  test("issues name the sheet, the row and the column", () => {
    const { issues } = parseRegister(
      sheets({
        cases: [
          { Код: "1", Показатели: "Р2, Х9", Уровень: "3", "Дата постановки": "01.10.2026" },
          { Код: "1", Уровень: 1 },
          { Код: "2", Уровень: 1 },
          { Код: "3", "Дата постановки": "01.10.2026" },
        ],
        assistance: [{ Код: "нет", Дата: "01.10.2026", "Вид помощи": "денежная" }],
        service: [{ Дата: "", "Вид работы": "тренинг", Количество: "два" }],
      })
    );
    const where = issues.map((i) => `${i.sheet}|${i.row}|${i.column}`);
    assert.deepEqual(where, [
      "Учёт|2|Показатели",
      "Учёт|2|Уровень",
      "Учёт|3|Код",
      "Учёт|4|Дата постановки",
      "Учёт|5|Уровень",
      "Помощь|2|Код",
      "Помощь|2|Вид помощи",
      "Служба|2|Дата",
      "Служба|2|Количество",
    ]);
  });

  test("settings: quarters, defaults and numbers", () => {
    const { register, issues } = parseRegister(
      sheets({
        settings: [
          { Параметр: "I четверть с", Значение: "01.09.2026" },
          { Параметр: "I четверть по", Значение: { date: "2026-10-24" } },
          { Параметр: "II ЧЕТВЕРТЬ С", Значение: "2026-11-05" },
          { Параметр: "Совет отцов", Значение: 2 },
        ],
      })
    );
    assert.deepEqual(issues, []);
    assert.deepEqual(register.settings.quarters, { I: { from: "2026-09-01", to: "2026-10-24" } });
    assert.equal(register.settings.ministryAddress, "yospitanie17@yandex.ru");
    assert.equal(register.settings.reportDay, 5);
    assert.equal(register.settings.parentCommunity["Совет отцов"], 2);
    assert.equal(register.settings.parentCommunity["Семейные клубы"], 0);
  });

  test("service defaults: Количество 1, Охвачено 0; passport total rows typed by people are skipped", () => {
    const { register, issues } = parseRegister(
      sheets({
        service: [{ Дата: "01.10.2026", "Вид работы": "ПЕДСОВЕТ/МО" }],
        passport: [
          { Класс: "1А", "Всего: детей": 20, "Всего: семей": 18 },
          { Класс: "Итого", "Всего: детей": 20, "Всего: семей": 18 },
        ],
      })
    );
    assert.deepEqual(issues, []);
    assert.deepEqual(
      register.service.map((s) => [s.kind, s.count, s.covered]),
      [["pedagogicalCouncils", 1, 0]]
    );
    assert.equal(register.passport.length, 1);
  });

  test("text that begins with = + - @ is read as text", () => {
    const { register } = parseRegister(
      sheets({ cases: [{ Код: "1", Примечание: "=1+1", Куратор: "@иванова" }] })
    );
    assert.equal(register.episodes[0]?.note, "=1+1");
    assert.equal(register.episodes[0]?.curator, "@иванова");
  });
});

/**
 * Nothing read wrong without a word, through the real binary: a formula saved without its value
 * is an error naming the cell (ignored in a user's own column); rows typed under a table are
 * read, with a warning naming them; a missing «Учёт» is one error; a removal before
 * registration is refused. Every refusal: exit 1, the file named, nothing written, the file
 * byte-identical.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CASES,
  PERIOD,
  USER_COLUMN,
  date,
  refusedBoth,
  writeBook,
  type Row,
  type Value,
} from "../support/bookWriter";
import { sha, vshu } from "../support/vshuBin";

const dir = mkdtempSync(join(tmpdir(), "vshu-cells-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("formula cells saved without their value", () => {
  test("in a contract column: an error naming the cell, saying to recalculate", async () => {
    const [first, second] = CASES;
    const file = await writeBook(dir, "формула.xlsx", {
      cases: [first ?? {}, { ...second, Показатели: { formula: '"С"&"14"' } as Value }],
    });
    refusedBoth(
      dir,
      file,
      "лист «Учёт»",
      "строка 3",
      "столбец «Показатели»",
      "формула",
      "сохраните"
    );
  });

  test("an error result (#N/A) in a contract column: an error naming the cell", async () => {
    const [first, second] = CASES;
    const file = await writeBook(dir, "формула-ошибка.xlsx", {
      cases: [
        first ?? {},
        { ...second, "Дата постановки": { formula: "NA()", result: { error: "#N/A" } } as Value },
      ],
    });
    refusedBoth(dir, file, "строка 3", "столбец «Дата постановки»", "ошибкой");
  });

  test("in the user's own column: ignored, the register is read", async () => {
    const file = await writeBook(dir, "своя-формула.xlsx", {
      cases: CASES.map((c, i) => ({ ...c, [USER_COLUMN]: { formula: `A${i + 2}&"!"` } as Value })),
    });
    const r = vshu(["report", file, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
  });

  test("a calculated empty or zero result is a value, not a missing one", async () => {
    const file = await writeBook(dir, "формула-пусто.xlsx", {
      cases: CASES.map((c) => ({
        ...c,
        Примечание: { formula: '""', result: "" } as Value,
        Класс: { formula: "0", result: 0 } as Value,
      })),
    });
    const r = vshu(["report", file, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
  });

  test("with calculated values (the same book after Excel or LibreOffice): read", async () => {
    const [first, second] = CASES;
    const file = await writeBook(dir, "формула-вычислена.xlsx", {
      cases: [
        first ?? {},
        { ...second, Показатели: { formula: '"С"&"14"', result: "С14" } as Value },
      ],
    });
    const r = vshu(["report", file, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      register: { level2: { indicators: Record<string, { onRegister: { children: number } }> } };
    };
    assert.equal(json.register.level2.indicators["С14"]?.onRegister.children, 1);
  });
});

describe("rows typed just under a table", () => {
  const third: Row = {
    Код: "В-3",
    Фамилия: "Куулар",
    Имя: "Саян",
    "Дата рождения": date("2013-01-15"),
    "Дата выявления": date("2026-10-12"),
    Показатели: "С14",
    Уровень: 2,
    "Дата постановки": date("2026-10-22"),
  };
  const fourth: Row = { ...third, Код: "В-4", Имя: "Белек", "Дата рождения": date("2011-05-05") };

  test("are read as part of the table, with a warning naming them; the run succeeds", async () => {
    // The table covers rows 1–3; rows 4 and 5 were typed under it, row 7 after a gap.
    const file = await writeBook(dir, "под-таблицей.xlsx", {
      below: [
        { row: 4, values: third },
        { row: 5, values: fourth },
        { row: 7, values: { ...third, Код: "В-7", Имя: "После пропуска" } },
      ],
    });
    const before = sha(file);
    const r = vshu(["report", file, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /Предупреждение: .*лист «Учёт»: строки 4–5 под таблицей/);
    assert.match(r.stderr, /расширьте таблицу/);
    assert.doesNotMatch(r.stderr, /строк[аи] 7/);
    const json = JSON.parse(r.stdout) as {
      register: { level2: { indicators: Record<string, { onRegister: { children: number } }> } };
    };
    // В-2, В-3, В-4 (С14); the row after the gap is not the table's.
    assert.equal(json.register.level2.indicators["С14"]?.onRegister.children, 3);
    assert.equal(sha(file), before);
    const d = vshu(["deadlines", file, "--on", "2026-11-23", "--json"]);
    assert.equal(d.status, 0, d.stderr);
    assert.match(d.stdout, /"В-4"/);
    assert.doesNotMatch(d.stdout, /"В-7"/);
  });

  test("an empty row under the table ends it: nothing below is read, no warning", async () => {
    const file = await writeBook(dir, "после-пустой.xlsx", { below: [{ row: 5, values: third }] });
    const r = vshu(["deadlines", file, "--on", "2026-11-23", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
    assert.doesNotMatch(r.stdout, /"В-3"/);
  });
});

describe("one error per cause", () => {
  test("a missing «Учёт» is one error, not one per row of «Помощь»", async () => {
    const help = Array.from({ length: 25 }, (_, i) => ({
      Код: `В-${i + 1}`,
      Дата: date("2026-10-15"),
      "Вид помощи": "вещевая",
    }));
    const file = await writeBook(dir, "без-учёта.xlsx", { leaveOut: ["cases"], assistance: help });
    refusedBoth(dir, file, "лист «Учёт»", "нет листа", "Ошибок в книге учёта: 1.");
  });

  test("a removal date before the registration date is refused, naming the cell", async () => {
    const [first, second] = CASES;
    const file = await writeBook(dir, "снятие-раньше.xlsx", {
      cases: [
        first ?? {},
        { ...second, "Дата снятия": date("2026-10-15"), "Основание снятия": "выбыл" },
      ],
    });
    refusedBoth(
      dir,
      file,
      "лист «Учёт»",
      "строка 3",
      "столбец «Дата снятия»",
      "15.10.2026",
      "20.10.2026"
    );
  });
});

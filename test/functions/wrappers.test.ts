/**
 * The @customfunction wrappers of src/functions/functions.ts, against a stand-in for the
 * CustomFunctions runtime global: values pass through, helper errors become #VALUE! or #N/A
 * with the Russian message, omitted optional arguments (null) take their defaults.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { isoToExcelSerial } from "../../src/excel/convert";

class FakeCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

const s = (iso: string): number => isoToExcelSerial(iso) ?? Number.NaN;

let fns: typeof import("../../src/functions/functions");

before(async () => {
  Object.assign(globalThis, {
    CustomFunctions: {
      Error: FakeCustomFunctionError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
  });
  fns = await import("../../src/functions/functions");
});

function assertExcelError(fn: () => unknown, code: string, message: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof FakeCustomFunctionError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });
}

describe("custom function wrappers", () => {
  test("values pass through", () => {
    assert.equal(fns.group("Р2, С14"), 2);
    assert.equal(fns.indicator("Р5"), "бытовое пьянство");
    assert.equal(fns.due("приказ", s("2026-11-14")), s("2026-11-30"));
    assert.equal(fns.status(s("2026-11-20"), undefined, s("2026-11-23")), "просрочено на 3 дн.");
    assert.equal(fns.age(s("2010-05-15"), s("2026-05-15")), 16);
    assert.equal(fns.quarter(s("2026-10-30")), "I");
  });

  test("optional arguments arrive as null", () => {
    // Excel passes null for an omitted optional argument, never undefined.
    const nul = null as unknown as undefined;
    assert.equal(fns.due("заседание", s("2026-11-13"), nul), s("2026-11-20"));
    assert.equal(fns.due("заседание", s("2026-11-13"), nul, nul, nul, nul), s("2026-11-20"));
    assert.equal(fns.quarter(s("2026-11-05"), nul), "II");
    assert.equal(fns.status(s("2026-11-20"), s("2026-11-19"), nul), "выполнено");
    // `on` omitted → today: a due date far ahead is always «осталось … дн.».
    assert.match(fns.status(s("2199-01-01"), nul, nul), /^осталось \d+ дн\.$/);
  });

  test("DUE with the school's «Регламент» and a level", () => {
    const nul = null as unknown as undefined;
    const regulation = [
      ["Шаг", "От чего", "Уровень 1", "Уровень 2", "Ответственный"],
      ["приказ", "выявление", "10 дн.", "", "директор"],
    ];
    assert.equal(fns.due("приказ", s("2026-11-02"), nul, regulation, 1), s("2026-11-12"));
    assertExcelError(
      () => fns.due("приказ", s("2026-11-02"), nul, regulation, 2),
      "#N/A",
      /не отслеживается/
    );
    assertExcelError(
      () => fns.due("приказ", s("2026-11-02"), nul, nul, nul, "Марс"),
      "#VALUE!",
      /«Марс» — регион/
    );
  });

  test("bad input → #VALUE! with a Russian message", () => {
    assertExcelError(() => fns.group("x9"), "#VALUE!", /Неизвестные коды показателей/);
    assertExcelError(() => fns.indicator("Р99"), "#VALUE!", /Нет показателя/);
    assertExcelError(() => fns.due("совещание", s("2026-11-13")), "#VALUE!", /Неизвестный шаг/);
    assertExcelError(() => fns.status(0), "#VALUE!", /Срок: дата не указана/);
    assertExcelError(() => fns.age(s("2010-05-15"), s("2009-01-01")), "#VALUE!", /раньше/);
    assertExcelError(() => fns.quarter(s("2026-11-05"), [[1]]), "#VALUE!", /4 строки/);
  });

  test("no answer → #N/A with a Russian message", () => {
    assertExcelError(() => fns.quarter(s("2026-08-01")), "#N/A", /не входит ни в одну четверть/);
    assertExcelError(() => fns.due("пересмотр ИПС", s("2027-05-27")), "#N/A", /нет конца четверти/);
  });
});

/**
 * The pure helpers behind the custom functions, table-driven: every case is one row of
 * input → expected value, or input → the Russian message of the error (and its kind).
 * Dates are written ISO in the tables and passed as Excel serial numbers, as Excel does.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isoToExcelSerial } from "../../src/excel/convert";
import { ageInYears } from "../../src/functions/age";
import { dueDate, findStep } from "../../src/functions/due";
import { FunctionInputError, type FunctionErrorKind } from "../../src/functions/errors";
import { suggestedGroup } from "../../src/functions/group";
import { indicatorWording } from "../../src/functions/indicator";
import { quarterTableArg, schoolQuarter } from "../../src/functions/quarters";
import { stepStatus } from "../../src/functions/status";
import { dateArg, localDaySerial, optionalDateArg } from "../../src/functions/values";

/** ISO date → Excel serial (the way a date reaches a custom function). */
function s(iso: string): number {
  const serial = isoToExcelSerial(iso);
  assert.ok(serial !== null, iso);
  return serial;
}

/** Asserts that `fn` throws FunctionInputError of `kind` whose message matches `message`. */
function assertFails(fn: () => unknown, message: RegExp, kind: FunctionErrorKind = "invalidValue") {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof FunctionInputError, String(error));
    assert.match(error.message, message);
    assert.equal(error.kind, kind);
    assert.match(error.message, /[А-Яа-яЁё]/, "the message is Russian");
    return true;
  });
}

describe("GROUP: suggestedGroup", () => {
  const cases: [unknown, 0 | 1 | 2][] = [
    ["Р2, С14", 2],
    ["р1", 1],
    ["Р1; Р11", 1],
    ["С15", 2],
    ["p2;p5 c14", 2], // Latin look-alikes
    ["P 2 / С 14", 2],
    ["Р3\nР4", 1],
    ["", 0],
    ["   ", 0],
    [null, 0],
  ];
  for (const [codes, group] of cases) {
    test(`${JSON.stringify(codes)} → ${group}`, () => assert.equal(suggestedGroup(codes), group));
  }
  const bad: [unknown, RegExp][] = [
    ["x9", /Неизвестные коды показателей: x9/],
    ["Р12", /Р12/],
    ["С0, Р2", /С0/],
    [5, /5/],
    [{}, /Ожидается текст/],
  ];
  for (const [codes, message] of bad) {
    test(`${JSON.stringify(codes)} → #VALUE!`, () =>
      assertFails(() => suggestedGroup(codes), message));
  }
});

describe("INDICATOR: indicatorWording", () => {
  const cases: [unknown, RegExp][] = [
    ["Р5", /^бытовое пьянство$/],
    ["p5", /^бытовое пьянство$/],
    [" р 3 ", /нецелевое|не по целевому назначению/],
    ["С14", /./],
  ];
  for (const [code, wording] of cases) {
    test(`${JSON.stringify(code)}`, () => assert.match(indicatorWording(code), wording));
  }
  const bad: [unknown, RegExp][] = [
    ["", /не указан/],
    [null, /не указан/],
    ["Р99", /Нет показателя с кодом «Р99»/],
    ["абв", /Нет показателя/],
    ["Р2, С14", /один код/],
  ];
  for (const [code, message] of bad) {
    test(`${JSON.stringify(code)} → #VALUE!`, () =>
      assertFails(() => indicatorWording(code), message));
  }
});

describe("DUE: dueDate (ГК РФ ст. 191–193, production calendar)", () => {
  const cases: [string, string, string, string][] = [
    // [what, step, from, due]
    ["working day stays", "заседание", "2026-11-13", "2026-11-20"],
    ["14 days onto a Saturday → Monday", "приказ", "2026-11-14", "2026-11-30"],
    ["onto a Sunday → Monday", "обследование", "2026-11-15", "2026-11-23"],
    ["onto a holiday (04.11) → next day", "выход в семью", "2026-10-28", "2026-11-05"],
    [
      "onto a transferred day off (09.03.2026) → 10.03",
      "характеристика",
      "2026-03-02",
      "2026-03-10",
    ],
    [
      "onto the transferred 31.12.2026 → after the New Year holidays",
      "заседание",
      "2026-12-24",
      "2027-01-11",
    ],
    ["onto a working Saturday (01.11.2025) stays", "наблюдение", "2025-10-18", "2025-11-01"],
    ["a month, last day of February (ст. 192)", "успешность", "2026-01-31", "2026-03-02"],
    ["a month, same day", "успешность", "2026-09-15", "2026-10-15"],
    ["quarter end onto a Saturday (24.10.2026)", "пересмотр ИПС", "2026-10-01", "2026-10-26"],
    ["the next quarter end after one", "пересмотр ИПС", "2026-10-24", "2026-12-28"],
    ["step by key", "order", "2026-11-13", "2026-11-27"],
    ["step by full name", "приказ о постановке на учёт", "2026-11-13", "2026-11-27"],
    ["case, spaces and ё ignored", "  Выход  в  Семью ", "2026-11-13", "2026-11-20"],
    ["informing: the same day", "информирование", "2026-11-13", "2026-11-13"],
    ["informing on a Saturday → Monday (ГК 193)", "информирование", "2026-11-21", "2026-11-23"],
    // Default region «Республика Тыва»: 15 August and Шагаа are days off.
    ["onto 15.08.2025 (Fri, Tyva) → Monday 18.08", "заседание", "2025-08-08", "2025-08-18"],
    ["onto Шагаа 18.02.2026 (Wed) → 19.02", "приказ", "2026-02-04", "2026-02-19"],
    ["onto Saturday 15.08.2026 → Monday 17.08", "заседание", "2026-08-08", "2026-08-17"],
    ["onto 16.08.2021, the confirmed transfer → 17.08", "обследование", "2021-08-09", "2021-08-17"],
  ];
  for (const [what, step, from, due] of cases) {
    test(`${what}: ${step} от ${from} → ${due}`, () => {
      assert.equal(dueDate(step, s(from), null), s(due));
    });
  }

  // «Регламент» as Excel passes tblRegulation[#All]: the header row, then one row per step.
  const REGULATION = [
    ["Шаг", "От чего", "Уровень 1", "Уровень 2", "Ответственный"],
    ["информирование", "выявление", "0 дн.", "1 дн.", "социальный педагог"],
    ["приказ", "выявление", "10 дн.", "", "директор"],
    ["обследование", "постановка", 3, "", ""],
    ["наблюдение", "постановка", "2 нед.", "1 мес.", ""],
    ["успешность", "постановка", "четверть", "", ""],
    ["", "", "", "", ""],
  ];
  const profile: [string, string, string, unknown, string][] = [
    // [what, step, from, level, due]
    ["level 1 by default", "приказ", "2026-11-02", null, "2026-11-12"],
    ["level 1", "приказ", "2026-11-02", 1, "2026-11-12"],
    ["level 2 as text «2 — СОП»", "информирование", "2026-11-02", "2 — СОП", "2026-11-03"],
    ["a bare number of days", "обследование", "2026-11-02", 1, "2026-11-05"],
    ["weeks", "наблюдение", "2026-11-02", 1, "2026-11-16"],
    ["months for level 2", "наблюдение", "2026-11-02", 2, "2026-12-02"],
    ["«четверть» for a recurring step", "успешность", "2026-11-02", 1, "2026-12-28"],
    ["a step the table leaves out keeps the default", "заседание", "2026-11-02", 2, "2026-11-09"],
  ];
  for (const [what, step, from, level, due] of profile) {
    test(`Регламент: ${what}: ${step} от ${from} → ${due}`, () => {
      assert.equal(dueDate(step, s(from), null, REGULATION, level), s(due));
    });
  }

  test("Регламент without its header row: columns in the contract's order", () => {
    assert.equal(dueDate("приказ", s("2026-11-02"), null, REGULATION.slice(1), 1), s("2026-11-12"));
  });

  test("Регламент: an empty period → #N/A, the step is not tracked for that level", () => {
    assertFails(
      () => dueDate("приказ", s("2026-11-02"), null, REGULATION, 2),
      /«приказ» для уровня 2 не отслеживается/,
      "notAvailable"
    );
  });

  test("without «Регламент» the level changes nothing (the defaults are the same)", () => {
    assert.equal(dueDate("приказ", s("2026-11-02"), null, null, 2), s("2026-11-16"));
  });

  const badProfile: [string, unknown[][], RegExp][] = [
    [
      "an unreadable period",
      [REGULATION[0] ?? [], ["приказ", "выявление", "две недели", "", ""]],
      /строка 2 диапазона, столбец «Уровень 1»: «две недели» — не срок/,
    ],
    [
      "an unknown step",
      [REGULATION[0] ?? [], ["совещание", "выявление", "7 дн.", "", ""]],
      /строка 2 диапазона, столбец «Шаг»: неизвестный шаг «совещание»/,
    ],
    ["not a range", "tblRegulation" as unknown as unknown[][], /ожидается диапазон/],
    ["too narrow without headers", [["приказ", "7 дн."]], /ожидается таблица со столбцами/],
  ];
  for (const [what, range, message] of badProfile) {
    test(`Регламент: ${what} → #VALUE!`, () =>
      assertFails(() => dueDate("приказ", s("2026-11-02"), null, range, 1), message));
  }

  const regions: [string, unknown, string, string][] = [
    // [what, region, from, due] — заседание, 7 days
    ["Тыва by alias", "Тува", "2025-08-08", "2025-08-18"],
    ["only the federal calendar", "Российская Федерация", "2025-08-08", "2025-08-15"],
    ["РФ", "РФ", "2026-02-11", "2026-02-18"],
    ["Тыва: Шагаа", "Республика Тыва", "2026-02-11", "2026-02-19"],
  ];
  for (const [what, region, from, due] of regions) {
    test(`region ${what}: заседание от ${from} → ${due}`, () => {
      assert.equal(dueDate("заседание", s(from), null, null, null, region), s(due));
    });
  }
  test("an unknown region or level → #VALUE!", () => {
    assertFails(
      () => dueDate("заседание", s("2026-02-11"), null, null, null, "Бурятия"),
      /«Бурятия» — регион, нерабочие дни которого программа не знает/
    );
    assertFails(() => dueDate("заседание", s("2026-02-11"), null, null, 3), /Уровень: «3»/);
  });

  test("пересмотр ИПС with the quarters given as a range", () => {
    const quarters = [
      [s("2026-09-01"), s("2026-10-23")],
      [s("2026-11-02"), s("2026-12-29")],
      ["", ""],
      ["", ""],
    ];
    assert.equal(dueDate("пересмотр ИПС", s("2026-10-01"), quarters), s("2026-10-23"));
    assert.equal(dueDate("пересмотр ИПС", s("2026-10-23"), quarters), s("2026-12-29"));
    assertFails(
      () => dueDate("пересмотр ИПС", s("2026-12-29"), quarters),
      /нет конца четверти/,
      "notAvailable"
    );
  });

  test("every «Шаг» title is a step", () => {
    for (const title of [
      "информирование",
      "приказ",
      "заседание",
      "выход в семью",
      "обследование",
      "характеристика",
      "наблюдение",
      "успешность",
      "пересмотр ИПС",
    ]) {
      assert.equal(findStep(title).title, title);
    }
  });

  const bad: [string, unknown, unknown, RegExp][] = [
    ["unknown step", "совещание", s("2026-11-13"), /Неизвестный шаг «совещание»/],
    ["empty step", "", s("2026-11-13"), /Шаг не указан/],
    ["no date", "приказ", 0, /дата не указана/],
    ["the fictitious 29.02.1900", "приказ", 60, /не является датой/],
    ["text that is no date", "приказ", "вчера", /не является датой/],
    ["an impossible text date", "приказ", "31.02.2026", /не является датой/],
    ["a year after 2200", "приказ", s("2301-01-01"), /вне 1900–2200/],
  ];
  for (const [what, step, from, message] of bad) {
    test(`${what} → #VALUE!`, () => assertFails(() => dueDate(step, from, null), message));
  }
  test("after the last quarter of the year → #N/A", () => {
    assertFails(
      () => dueDate("пересмотр ИПС", s("2027-05-26"), null),
      /нет конца четверти/,
      "notAvailable"
    );
  });
});

describe("STATUS: stepStatus", () => {
  const cases: [string, unknown, unknown, string, string][] = [
    // [what, due, done, on, status]
    ["overdue", "2026-11-20", null, "2026-11-23", "просрочено на 3 дн."],
    ["overdue by one day", "2026-11-22", null, "2026-11-23", "просрочено на 1 дн."],
    ["today", "2026-11-23", null, "2026-11-23", "сегодня"],
    ["days left", "2026-11-26", null, "2026-11-23", "осталось 3 дн."],
    ["days left across the year", "2027-01-11", null, "2026-12-31", "осталось 11 дн."],
    ["done before the due date", "2026-11-20", "2026-11-19", "2026-11-23", "выполнено"],
    ["done late is still done", "2026-11-20", "2026-11-22", "2026-11-23", "выполнено"],
    ["done on the day of the check", "2026-11-20", "2026-11-23", "2026-11-23", "выполнено"],
    [
      "done after the day of the check is not done yet",
      "2026-11-26",
      "2026-11-25",
      "2026-11-23",
      "осталось 3 дн.",
    ],
    ["an empty done cell (0)", "2026-11-20", 0, "2026-11-23", "просрочено на 3 дн."],
    ['an empty done cell ("")', "2026-11-26", "", "2026-11-23", "осталось 3 дн."],
  ];
  const arg = (v: unknown): unknown => (typeof v === "string" && /^\d{4}-/.test(v) ? s(v) : v);
  for (const [what, due, done, on, status] of cases) {
    test(`${what} → «${status}»`, () =>
      assert.equal(stepStatus(arg(due), arg(done), arg(on)), status));
  }
  const bad: [string, unknown, unknown, unknown, RegExp][] = [
    ["no due date", 0, null, s("2026-11-23"), /Срок: дата не указана/],
    ["due is text", "скоро", null, s("2026-11-23"), /Срок: «скоро» не является датой/],
    ["done is no date", s("2026-11-20"), -5, s("2026-11-23"), /Дата выполнения/],
    ["on is no date", s("2026-11-20"), null, Number.NaN, /Дата проверки/],
  ];
  for (const [what, due, done, on, message] of bad) {
    test(`${what} → #VALUE!`, () => assertFails(() => stepStatus(due, done, on), message));
  }
  test("the date of the check omitted or empty → today", () => {
    for (const on of [null, 0, ""]) {
      assert.equal(stepStatus(s("2026-11-26"), null, on, s("2026-11-23")), "осталось 3 дн.");
    }
    assert.equal(stepStatus(s("2026-11-26"), null, s("2026-11-26"), s("2026-11-23")), "сегодня");
    assertFails(() => stepStatus(s("2026-11-26"), null, null), /Дата проверки: дата не указана/);
  });
});

describe("AGE: ageInYears", () => {
  const cases: [string, string, number][] = [
    ["2010-05-15", "2026-05-14", 15],
    ["2010-05-15", "2026-05-15", 16],
    ["2012-02-29", "2023-02-28", 11], // ГК РФ ст. 192 п. 3
    ["2012-02-29", "2024-02-28", 11],
    ["2012-02-29", "2024-02-29", 12],
    ["2020-01-01", "2020-01-01", 0],
  ];
  for (const [birth, on, years] of cases) {
    test(`${birth} → ${on}: ${years}`, () => assert.equal(ageInYears(s(birth), s(on)), years));
  }
  test("a date before birth and non-dates → #VALUE!", () => {
    assertFails(() => ageInYears(s("2010-05-15"), s("2010-05-14")), /раньше даты рождения/);
    assertFails(() => ageInYears(0, s("2010-05-14")), /Дата рождения: дата не указана/);
    assertFails(() => ageInYears(s("2010-05-15"), "завтра"), /Дата расчёта/);
  });
});

describe("QUARTER: schoolQuarter", () => {
  const typical: [string, string][] = [
    ["2026-09-01", "I"],
    ["2026-10-24", "I"],
    ["2026-10-30", "I"], // autumn holidays belong to quarter I
    ["2026-11-05", "II"],
    ["2027-01-05", "II"], // winter holidays
    ["2027-01-12", "III"],
    ["2027-03-25", "III"],
    ["2027-03-30", "IV"],
    ["2027-06-30", "IV"], // summer, same school year
    ["2025-12-01", "II"], // another school year: its own typical quarters
  ];
  for (const [date, quarter] of typical) {
    test(`typical quarters: ${date} → ${quarter}`, () =>
      assert.equal(schoolQuarter(s(date), null), quarter));
  }
  test("before quarter I of the school year → #N/A", () => {
    assertFails(
      () => schoolQuarter(s("2026-08-20"), null),
      /не входит ни в одну четверть/,
      "notAvailable"
    );
  });

  const own = [
    [s("2026-09-01"), s("2026-10-25")],
    [s("2026-11-03"), s("2026-12-27")],
    [s("2027-01-09"), s("2027-03-21")],
    [s("2027-03-31"), s("2027-05-31")],
  ];
  const ownCases: [string, string][] = [
    ["2026-11-02", "I"],
    ["2026-11-03", "II"],
    ["2027-01-09", "III"],
    ["2027-03-30", "III"],
    ["2027-03-31", "IV"],
  ];
  for (const [date, quarter] of ownCases) {
    test(`quarters from a 4×2 range: ${date} → ${quarter}`, () =>
      assert.equal(schoolQuarter(s(date), own), quarter));
  }
  test("the same quarters as 8 cells of a column, as a row, and as text dates", () => {
    const column = own.flat().map((v) => [v]);
    assert.equal(schoolQuarter(s("2026-11-03"), column), "II");
    assert.equal(schoolQuarter(s("2026-11-03"), [own.flat()]), "II");
    const text = [
      ["01.09.2026", "25.10.2026"],
      ["2026-11-03", "27.12.2026"],
      ["", ""],
      [null, null],
    ];
    assert.equal(schoolQuarter(s("2027-02-01"), text), "II");
  });
  test("a quarter left empty: its days fall to the quarter before", () => {
    const noSecond = [own[0], ["", ""], own[2], own[3]];
    assert.deepEqual(Object.keys(quarterTableArg(noSecond)), ["I", "III", "IV"]);
    assert.equal(schoolQuarter(s("2026-11-20"), noSecond), "I");
  });
  const bad: [string, unknown, unknown, RegExp][] = [
    ["no date", 0, null, /Дата: дата не указана/],
    ["a range of 3 rows", s("2026-11-03"), own.slice(0, 3), /4 строки × 2 столбца/],
    ["a range of 4×3", s("2026-11-03"), own.map((r) => [...r, 1]), /4 строки × 2 столбца/],
    ["a single cell", s("2026-11-03"), [[s("2026-09-01")]], /4 строки × 2 столбца/],
    [
      "one date of a pair",
      s("2026-11-03"),
      [own[0], [s("2026-11-03"), ""], own[2], own[3]],
      /II четверть: укажите обе даты/,
    ],
    [
      "an end before the start",
      s("2026-11-03"),
      [[s("2026-10-25"), s("2026-09-01")], own[1], own[2], own[3]],
      /I четверть: конец 01\.09\.2026 раньше начала 25\.10\.2026/,
    ],
    [
      "text in a date cell",
      s("2026-11-03"),
      [own[0], ["осень", s("2026-12-27")], own[2], own[3]],
      /II четверть с: «осень» не является датой/,
    ],
  ];
  for (const [what, date, range, message] of bad) {
    test(`${what} → #VALUE!`, () => assertFails(() => schoolQuarter(date, range), message));
  }
});

describe("argument readers", () => {
  const dates: [unknown, string | null][] = [
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [46330.75, "2026-11-04"], // the time of day is dropped
    ["15.05.2010", "2010-05-15"],
    [" 2010-05-15 ", "2010-05-15"],
    [null, null],
    ["", null],
    [0, null],
  ];
  for (const [value, iso] of dates) {
    test(`optional date ${JSON.stringify(value)} → ${iso}`, () =>
      assert.equal(optionalDateArg(value, "Дата"), iso));
  }
  test("non-dates", () => {
    for (const value of [60, -1, Number.POSITIVE_INFINITY, "30.02.2026", true, 3e7]) {
      assert.throws(() => dateArg(value, "Дата"), FunctionInputError, String(value));
    }
  });
  test("today is the local calendar day of the computer", () => {
    assert.equal(localDaySerial(new Date(2026, 10, 23, 23, 59)), s("2026-11-23"));
    assert.equal(localDaySerial(new Date(2026, 10, 23, 0, 0)), s("2026-11-23"));
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  createProductionCalendar,
  createRegisterCalendar,
  unknownYearWarning,
} from "../../src/core/calendar/productionCalendar";
import { isLaborCodeHoliday } from "../../src/core/calendar/laborCodeHolidays";
import { findRegion, regionKeyOf, unknownRegionMessage } from "../../src/core/calendar/regions";
import type { CalendarOverride } from "../../src/core/register/model";
import ru from "../../src/core/calendar/ru.json";

const calendar = createProductionCalendar();
const off = (date: string, note = ""): CalendarOverride => ({ date, working: false, note });
const on = (date: string, note = ""): CalendarOverride => ({ date, working: true, note });

const DAY_MS = 86_400_000;

/** Every date from `from` to `to` inclusive (test-side arithmetic, not the code under test). */
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Saturday or Sunday, computed in UTC by the test itself. */
function isSatOrSun(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

describe("production calendar: shipped data (shared/calendar/README.md spot checks and more)", () => {
  const rows: { name: string; date: string; working: boolean; why: string | null }[] = [
    { name: "working Saturday 2025", date: "2025-11-01", working: true, why: null },
    {
      name: "New-Year transfer",
      date: "2026-01-09",
      working: false,
      why: "перенесённый выходной (с 03.01.2026)",
    },
    {
      name: "8 March on Sunday",
      date: "2026-03-09",
      working: false,
      why: "перенесённый выходной (с 08.03.2026)",
    },
    {
      name: "9 May on Saturday",
      date: "2026-05-11",
      working: false,
      why: "перенесённый выходной (с 09.05.2026)",
    },
    {
      name: "31 December 2026",
      date: "2026-12-31",
      working: false,
      why: "перенесённый выходной (с 04.01.2026)",
    },
    { name: "4 November holiday", date: "2026-11-04", working: false, why: "праздничный день" },
    { name: "5 November working", date: "2026-11-05", working: true, why: null },
    { name: "first working day of 2027", date: "2027-01-11", working: true, why: null },
    { name: "working Saturday 2027", date: "2027-02-20", working: true, why: null },
    {
      name: "day off for 20 Feb 2027",
      date: "2027-02-22",
      working: false,
      why: "перенесённый выходной (с 20.02.2027)",
    },
    { name: "holiday on a Saturday", date: "2027-01-02", working: false, why: "праздничный день" },
    { name: "ordinary Saturday", date: "2026-11-21", working: false, why: "выходной" },
    { name: "ordinary Sunday", date: "2026-11-22", working: false, why: "выходной" },
    { name: "ordinary Monday", date: "2026-11-23", working: true, why: null },
    { name: "29 February 2024 (Thursday)", date: "2024-02-29", working: true, why: null },
    { name: "working Saturday 2024", date: "2024-12-28", working: true, why: null },
    {
      name: "day off for 28 Dec 2024",
      date: "2024-12-30",
      working: false,
      why: "перенесённый выходной (с 28.12.2024)",
    },
    {
      name: "2021: 1 May on Saturday → 3 May (ст. 112 ч. 2)",
      date: "2021-05-03",
      working: false,
      why: "перенесённый выходной (с 01.05.2021)",
    },
    {
      name: "2021: 9 May on Sunday → 10 May",
      date: "2021-05-10",
      working: false,
      why: "перенесённый выходной (с 09.05.2021)",
    },
    {
      name: "2021: 12 June on Saturday → 14 June",
      date: "2021-06-14",
      working: false,
      why: "перенесённый выходной (с 12.06.2021)",
    },
    {
      name: "2021: President's non-working day",
      date: "2021-05-04",
      working: false,
      why: "нерабочий день",
    },
    {
      name: "2021: 1 November non-working day",
      date: "2021-11-01",
      working: false,
      why: "нерабочий день",
    },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.date}`, () => {
      assert.equal(calendar.isWorkingDay(row.date), row.working);
      assert.equal(calendar.describeNonWorkingDay(row.date), row.why);
    });
  }

  test("1–10 January 2027 are all days off, 11 January is the first working day", () => {
    for (const date of datesBetween("2027-01-01", "2027-01-10")) {
      assert.equal(calendar.isWorkingDay(date), false, date);
    }
    assert.equal(calendar.nextWorkingDay("2027-01-01"), "2027-01-11");
  });

  const next: [string, string][] = [
    ["2026-11-23", "2026-11-23"], // working day: itself
    ["2026-11-21", "2026-11-23"], // Saturday → Monday
    ["2025-11-01", "2025-11-01"], // working Saturday: itself
    ["2025-11-03", "2025-11-05"], // transferred day off, then the 4 November holiday
    ["2026-12-31", "2027-01-11"], // across the New-Year holidays
    ["2026-05-09", "2026-05-12"], // holiday Saturday, Sunday, transferred Monday
    ["2026-03-07", "2026-03-10"],
    ["2026-02-21", "2026-02-24"], // weekend, then 23 February (Monday)
  ];
  for (const [from, expected] of next) {
    test(`nextWorkingDay(${from}) = ${expected}`, () => {
      assert.equal(calendar.nextWorkingDay(from), expected);
    });
  }

  test("working days per year match the published calendars", () => {
    // 2021: 247 published, of which 7 were the President's paid non-working days.
    const expected: Record<number, number> = {
      2021: 240,
      2022: 247,
      2023: 247,
      2024: 248,
      2025: 247,
      2026: 247,
      2027: 247,
    };
    for (const [year, count] of Object.entries(expected)) {
      const days = datesBetween(`${year}-01-01`, `${year}-12-31`).filter((d) =>
        calendar.isWorkingDay(d)
      );
      assert.equal(days.length, count, year);
    }
  });

  test("every day of 2021–2027 follows the rule of ru.json", () => {
    for (const [year, data] of Object.entries(ru.years)) {
      const daysOff = new Set<string>(data.daysOff);
      const workingWeekends = new Set<string>(data.workingWeekends);
      for (const date of datesBetween(`${year}-01-01`, `${year}-12-31`)) {
        const expected = isSatOrSun(date) ? workingWeekends.has(date) : !daysOff.has(date);
        assert.equal(calendar.isWorkingDay(date), expected, date);
        assert.equal(calendar.describeNonWorkingDay(date) === null, expected, date);
      }
    }
  });

  test("2021–2027 are known years, 2020 and 2028 are not", () => {
    for (let year = 2021; year <= 2027; year++) {
      assert.equal(calendar.isKnownYear(year), true, String(year));
    }
    assert.equal(calendar.isKnownYear(2020), false);
    assert.equal(calendar.isKnownYear(2028), false);
  });
});

describe("production calendar: the user's days (sheet «Календарь») win over the data", () => {
  test("a working day made non-working, with the user's note", () => {
    const c = createProductionCalendar([off("2026-11-05", "день здоровья")]);
    assert.equal(c.isWorkingDay("2026-11-05"), false);
    assert.equal(
      c.describeNonWorkingDay("2026-11-05"),
      "нерабочий день по решению пользователя (день здоровья)"
    );
    assert.equal(c.nextWorkingDay("2026-11-04"), "2026-11-06");
    assert.equal(calendar.isWorkingDay("2026-11-05"), true, "other calendars are not affected");
  });

  test("without a note the message has no parentheses", () => {
    const c = createProductionCalendar([off("2026-11-06")]);
    assert.equal(c.describeNonWorkingDay("2026-11-06"), "нерабочий день по решению пользователя");
  });

  test("a Saturday, a holiday and a transferred day off made working", () => {
    const c = createProductionCalendar([on("2026-11-21"), on("2026-11-04"), on("2026-01-09")]);
    for (const date of ["2026-11-21", "2026-11-04", "2026-01-09"]) {
      assert.equal(c.isWorkingDay(date), true, date);
      assert.equal(c.describeNonWorkingDay(date), null, date);
    }
    assert.equal(c.isWorkingDay("2026-11-22"), false, "the Sunday after stays off");
    assert.equal(c.nextWorkingDay("2026-01-03"), "2026-01-09");
  });

  test("a later row for the same date wins", () => {
    assert.equal(
      createProductionCalendar([off("2026-11-23"), on("2026-11-23")]).isWorkingDay("2026-11-23"),
      true
    );
    assert.equal(
      createProductionCalendar([on("2026-11-23"), off("2026-11-23")]).isWorkingDay("2026-11-23"),
      false
    );
  });

  test("a user adds year 2028: it becomes known, ст. 112 holidays still apply, the user's days win", () => {
    const c = createProductionCalendar([
      off("2028-01-10", "перенос с 01.01.2028"),
      on("2028-01-08"),
    ]);
    assert.equal(c.isKnownYear(2028), true);
    assert.equal(c.isKnownYear(2029), false);
    assert.equal(c.isWorkingDay("2028-01-07"), false);
    assert.equal(c.isWorkingDay("2028-01-08"), true);
    assert.equal(c.nextWorkingDay("2028-01-09"), "2028-01-11");
  });

  test("many user days in a row are skipped", () => {
    const c = createProductionCalendar(datesBetween("2026-11-23", "2027-02-28").map((d) => off(d)));
    assert.equal(c.nextWorkingDay("2026-11-23"), "2027-03-01");
  });

  test("does not mutate the overrides", () => {
    const overrides = Object.freeze([Object.freeze(off("2026-11-05", "x"))]);
    const before = JSON.stringify(overrides);
    createProductionCalendar(overrides).isWorkingDay("2026-11-05");
    assert.equal(JSON.stringify(overrides), before);
  });
});

describe("production calendar: a year without data falls back to weekends and ТК РФ ст. 112", () => {
  const rows: { date: string; working: boolean; why: string | null }[] = [
    { date: "2028-01-01", working: false, why: "праздничный день" }, // Saturday
    { date: "2028-01-03", working: false, why: "праздничный день" }, // Monday
    { date: "2028-01-08", working: false, why: "праздничный день" },
    { date: "2028-01-09", working: false, why: "выходной" }, // Sunday
    { date: "2028-01-10", working: true, why: null },
    { date: "2028-02-23", working: false, why: "праздничный день" }, // Wednesday
    { date: "2028-03-08", working: false, why: "праздничный день" },
    { date: "2028-05-01", working: false, why: "праздничный день" },
    { date: "2028-05-09", working: false, why: "праздничный день" },
    { date: "2028-06-12", working: false, why: "праздничный день" },
    { date: "2028-11-04", working: false, why: "праздничный день" }, // Saturday
    { date: "2028-11-06", working: true, why: null }, // no decree loaded: no transfer
    { date: "2028-02-29", working: true, why: null },
    { date: "2028-12-30", working: false, why: "выходной" },
    { date: "2020-01-09", working: true, why: null }, // before the data, too
    { date: "2020-03-09", working: true, why: null },
  ];
  for (const row of rows) {
    test(row.date, () => {
      assert.equal(calendar.isWorkingDay(row.date), row.working);
      assert.equal(calendar.describeNonWorkingDay(row.date), row.why);
    });
  }

  test("crossing from 2027 into the unknown 2028", () => {
    assert.equal(calendar.nextWorkingDay("2027-12-31"), "2028-01-10");
  });

  test("the warning text", () => {
    assert.equal(
      unknownYearWarning(2028),
      "календарь на 2028 год не загружен: учтены только выходные и праздники ст. 112 ТК РФ"
    );
  });

  test("isLaborCodeHoliday lists exactly the 14 days of ст. 112", () => {
    const holidays = datesBetween("2030-01-01", "2030-12-31").filter(isLaborCodeHoliday);
    assert.deepEqual(holidays, [
      ...datesBetween("2030-01-01", "2030-01-08"),
      "2030-02-23",
      "2030-03-08",
      "2030-05-01",
      "2030-05-09",
      "2030-06-12",
      "2030-11-04",
    ]);
  });
});

describe("production calendar: invalid input and speed", () => {
  for (const bad of ["2026-02-30", "09.01.2026", "", "2026-1-9"]) {
    test(`«${bad}» is rejected`, () => {
      assert.throws(() => calendar.isWorkingDay(bad), RangeError);
      assert.throws(() => calendar.nextWorkingDay(bad), RangeError);
      assert.throws(() => calendar.describeNonWorkingDay(bad), RangeError);
      assert.throws(() => createProductionCalendar([off(bad)]), RangeError);
    });
  }

  test("80 000 nextWorkingDay calls over 2021–2028 move every non-working day (speed: npm run bench)", () => {
    const c = createProductionCalendar([off("2026-11-05")]);
    const dates = datesBetween("2021-01-01", "2028-12-31");
    c.nextWorkingDay("2026-01-01"); // build a table first
    let moved = 0;
    for (let i = 0; i < 80_000; i++) {
      const date = dates[i % dates.length] ?? "2026-01-01";
      if (c.nextWorkingDay(date) !== date) {
        moved++;
      }
    }
    assert.ok(moved > 20_000, `moved ${moved}`);
  });
});

// ---- regional non-working days («Регион»; shared/calendar/tyva.md) ----------------------------

describe("Republic of Tyva: 15 August and Шагаа (law № 143 of 12.02.1999)", () => {
  const tyva = createProductionCalendar([], { region: "tyva" });
  const rows: { name: string; date: string; working: boolean; why: string | null }[] = [
    {
      name: "15.08.2025, a Friday",
      date: "2025-08-15",
      working: false,
      why: "День Республики Тыва, нерабочий день в Республике Тыва",
    },
    {
      name: "15.08.2026, a Saturday, stays a weekend",
      date: "2026-08-15",
      working: false,
      why: "выходной",
    },
    { name: "17.08.2026: no source for a transfer", date: "2026-08-17", working: true, why: null },
    {
      name: "16.08.2021: the transfer tuva-news.net reported",
      date: "2021-08-16",
      working: false,
      why: "перенесённый выходной в Республике Тыва (с 15.08.2021, День Республики Тыва)",
    },
    {
      name: "Шагаа 12.02.2021",
      date: "2021-02-12",
      working: false,
      why: "Шагаа, нерабочий день в Республике Тыва",
    },
    {
      name: "Шагаа 21.02.2023",
      date: "2023-02-21",
      working: false,
      why: "Шагаа, нерабочий день в Республике Тыва",
    },
    { name: "Шагаа 01.03.2025, a Saturday", date: "2025-03-01", working: false, why: "выходной" },
    { name: "03.03.2025: no source for a transfer", date: "2025-03-03", working: true, why: null },
    {
      name: "Шагаа 18.02.2026",
      date: "2026-02-18",
      working: false,
      why: "Шагаа, нерабочий день в Республике Тыва",
    },
    { name: "2027: no Шагаа is guessed", date: "2027-02-08", working: true, why: null },
    { name: "2022: no Шагаа is guessed", date: "2022-02-01", working: true, why: null },
    { name: "federal holidays stay", date: "2026-02-23", working: false, why: "праздничный день" },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.date}`, () => {
      assert.equal(tyva.isWorkingDay(row.date), row.working);
      assert.equal(tyva.describeNonWorkingDay(row.date), row.why);
    });
  }

  test("the federal calendar has none of them, and the same user's days", () => {
    const federal = createProductionCalendar([off("2026-11-06")]);
    assert.equal(federal.region, "federal");
    for (const date of ["2025-08-15", "2021-08-16", "2026-02-18", "2023-02-21"]) {
      assert.equal(federal.isWorkingDay(date), true, date);
      assert.equal(federal.regionalDay(date), null, date);
    }
    const regional = federal.withRegion("tyva");
    assert.equal(regional.region, "tyva");
    assert.equal(regional.isWorkingDay("2026-02-18"), false);
    assert.equal(regional.isWorkingDay("2026-11-06"), false, "the user's day is kept");
    assert.equal(regional.withRegion("tyva"), regional, "one calendar per region");
    assert.equal(regional.withRegion("federal"), federal);
  });

  test("Шагаа known: a deadline moves off it and says why", () => {
    assert.equal(tyva.nextWorkingDay("2026-02-18"), "2026-02-19");
    assert.equal(tyva.regionalDay("2026-02-18"), "Шагаа, нерабочий день в Республике Тыва");
    assert.equal(tyva.regionalDay("2026-02-19"), null);
  });

  test("a year whose Шагаа is unknown: a note on the days it can fall, until the user adds it", () => {
    const note = tyva.notesOn("2027-02-08");
    assert.equal(note.length, 1);
    assert.match(note[0] ?? "", /дата праздника «Шагаа» на 2027 год программе неизвестна/);
    assert.match(note[0] ?? "", /листе «Календарь»/);
    assert.deepEqual(tyva.notesOn("2027-01-19"), [], "before the window");
    assert.equal(tyva.notesOn("2027-01-20").length, 1, "the window's first day");
    assert.equal(tyva.notesOn("2027-03-15").length, 1, "the window's last day");
    assert.deepEqual(tyva.notesOn("2027-03-16"), [], "after the window");
    assert.equal(tyva.notesOn("2024-02-12").length, 1, "2024 is unknown too");
    assert.deepEqual(tyva.notesOn("2026-02-12"), [], "2026 is known");
    const added = createProductionCalendar([off("2027-02-07", "Шагаа")], { region: "tyva" });
    assert.deepEqual(added.notesOn("2027-02-08"), [], "the user's day off in the window");
    assert.equal(added.isWorkingDay("2027-02-07"), false);
    assert.deepEqual(createProductionCalendar().notesOn("2027-02-08"), [], "federal: no note");
  });

  test("a regional holiday on a weekend: the Monday after carries the unconfirmed transfer", () => {
    const [note] = tyva.notesOn("2026-08-17");
    assert.equal(
      note,
      "15.08.2026 (сб) — День Республики Тыва, пришёлся на выходной; перенос выходного на " +
        "17.08.2026 (пн) источником не подтверждён: если этот день объявлен нерабочим, добавьте " +
        "его на листе «Календарь»"
    );
    assert.deepEqual(tyva.notesOn("2026-08-18"), []);
    assert.equal(tyva.notesOn("2027-08-16").length, 1, "15.08.2027 is a Sunday");
    assert.equal(tyva.notesOn("2025-03-03").length, 1, "Шагаа 2025 was a Saturday");
    assert.deepEqual(tyva.notesOn("2021-08-17"), [], "2021's transfer is confirmed");
    const decided = createProductionCalendar([off("2026-08-17", "перенос")], { region: "tyva" });
    assert.equal(decided.nextWorkingDay("2026-08-15"), "2026-08-18");
    assert.deepEqual(decided.notesOn("2026-08-18"), [], "the user decided");
  });

  test("a register's calendar: its «Регион» and its «Календарь»", () => {
    const tyvaBook = createRegisterCalendar({
      calendar: [off("2027-02-07", "Шагаа")],
      settings: { region: "Республика Тыва" },
    });
    assert.equal(tyvaBook.region, "tyva");
    assert.equal(tyvaBook.isWorkingDay("2027-02-07"), false);
    assert.equal(tyvaBook.isWorkingDay("2026-02-18"), false);
    const rf = createRegisterCalendar({ calendar: [], settings: { region: "РФ" } });
    assert.equal(rf.region, "federal");
    assert.equal(rf.isWorkingDay("2026-02-18"), true);
  });

  test("the user's day wins over a regional one", () => {
    const c = createProductionCalendar([on("2026-02-18", "рабочий по приказу")], {
      region: "tyva",
    });
    assert.equal(c.isWorkingDay("2026-02-18"), true);
    assert.equal(c.regionalDay("2026-02-18"), null);
  });
});

describe("the setting «Регион»: known values", () => {
  const rows: [string, string | null][] = [
    ["Республика Тыва", "tyva"],
    ["  тыва ", "tyva"],
    ["Тува", "tyva"],
    ["РЕСПУБЛИКА ТУВА", "tyva"],
    ["Российская Федерация", "federal"],
    ["РФ", "federal"],
    ["только федеральный календарь", "federal"],
    ["Бурятия", null],
    ["Тыва, Кызыл", null],
  ];
  for (const [text, key] of rows) {
    test(`«${text}» → ${key ?? "unknown"}`, () => {
      assert.equal(findRegion(text)?.key ?? null, key);
      assert.equal(regionKeyOf(text), key ?? "federal", "an unknown region assumes no day");
    });
  }
  test("the message for an unknown region names what to write", () => {
    assert.match(
      unknownRegionMessage("Бурятия"),
      /«Бурятия».*«Республика Тыва».*«Российская Федерация».*«Календарь»/
    );
  });
});

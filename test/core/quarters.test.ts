import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { quarterOf, type QuarterTable } from "../../src/core/register/quarters";
import type { Quarter } from "../../src/core/register/schema";
import { QUARTERS_2026 } from "../support/builders";

function without(...missing: Quarter[]): QuarterTable {
  const table = { ...QUARTERS_2026 };
  for (const q of missing) {
    delete table[q];
  }
  return table;
}

describe("quarterOf", () => {
  const rows: Array<{
    name: string;
    date: string;
    quarters?: QuarterTable;
    expected: Quarter | null;
  }> = [
    { name: "the day before quarter I", date: "2026-08-31", expected: null },
    { name: "long before quarter I", date: "2025-12-31", expected: null },
    { name: "first day of quarter I", date: "2026-09-01", expected: "I" },
    { name: "inside quarter I", date: "2026-10-01", expected: "I" },
    { name: "last day of quarter I", date: "2026-10-24", expected: "I" },
    { name: "autumn holidays belong to quarter I", date: "2026-10-25", expected: "I" },
    { name: "last day of the autumn holidays", date: "2026-11-04", expected: "I" },
    { name: "first day of quarter II", date: "2026-11-05", expected: "II" },
    { name: "winter holidays belong to quarter II", date: "2026-12-31", expected: "II" },
    { name: "new year's holidays belong to quarter II", date: "2027-01-08", expected: "II" },
    { name: "first day of quarter III", date: "2027-01-09", expected: "III" },
    { name: "spring holidays belong to quarter III", date: "2027-03-25", expected: "III" },
    { name: "first day of quarter IV", date: "2027-04-01", expected: "IV" },
    { name: "last day of quarter IV", date: "2027-05-26", expected: "IV" },
    { name: "summer belongs to quarter IV", date: "2027-07-15", expected: "IV" },
    { name: "the last day of the summer", date: "2027-08-31", expected: "IV" },
    {
      name: "a year after quarter I's start is the next school year",
      date: "2027-09-01",
      expected: null,
    },
    { name: "no quarter set", date: "2026-10-01", quarters: {}, expected: null },
    {
      name: "quarter II unset: its days fall to quarter I",
      date: "2026-12-01",
      quarters: without("II"),
      expected: "I",
    },
    {
      name: "quarter I unset: before quarter II",
      date: "2026-09-10",
      quarters: without("I"),
      expected: null,
    },
    {
      name: "quarter I unset: in quarter II",
      date: "2026-11-05",
      quarters: without("I"),
      expected: "II",
    },
    {
      name: "quarter I unset: the bound is a year after quarter II's start",
      date: "2027-11-05",
      quarters: without("I"),
      expected: null,
    },
    {
      name: "quarter IV unset: its days fall to quarter III",
      date: "2027-05-01",
      quarters: without("IV"),
      expected: "III",
    },
    {
      name: "only quarter III set",
      date: "2027-06-01",
      quarters: without("I", "II", "IV"),
      expected: "III",
    },
    {
      name: "end dates do not matter",
      date: "2026-10-20",
      quarters: { ...QUARTERS_2026, I: { from: "2026-09-01", to: "2026-09-02" } },
      expected: "I",
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      assert.equal(quarterOf(row.date, row.quarters ?? QUARTERS_2026), row.expected);
    });
  }

  test("does not mutate its input", () => {
    const table = JSON.parse(JSON.stringify(QUARTERS_2026)) as QuarterTable;
    quarterOf("2026-12-01", table);
    assert.deepEqual(table, QUARTERS_2026);
  });
});

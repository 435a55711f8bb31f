/**
 * «Журнал» rows: row numbers as ranges, episode codes distinct and bounded, the values by header.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  JOURNAL_CODES_LIMIT,
  formatJournalCodes,
  formatRowRanges,
  journalRow,
} from "../../src/core/register/journal";
import { JOURNAL_COLUMNS } from "../../src/core/register/schema";

describe("row numbers as ranges", () => {
  const cases: [number[], string][] = [
    [[], ""],
    [[7], "7"],
    [[12, 13, 14, 15], "12–15"],
    [[20, 12, 14, 13], "12–14, 20"],
    [[5, 5, 6], "5–6"],
    [[2, 4, 6], "2, 4, 6"],
  ];
  for (const [rows, want] of cases) {
    test(`${JSON.stringify(rows)} → «${want}»`, () => {
      assert.equal(formatRowRanges(rows), want);
    });
  }
});

describe("episode codes", () => {
  test("distinct, trimmed, in order of first appearance", () => {
    assert.equal(formatJournalCodes([" В-2", "В-1", "В-2", "", "В-3 "]), "В-2, В-1, В-3");
  });

  test("a long list is cut at the limit and the rest counted", () => {
    const codes = Array.from({ length: 2000 }, (_, i) => `В-${i + 1}`);
    const text = formatJournalCodes(codes);
    assert.ok(text.length <= JOURNAL_CODES_LIMIT + 20, String(text.length));
    const listed = text.split(" и ещё ")[0]?.split(", ").length ?? 0;
    assert.match(text, new RegExp(`и ещё ${2000 - listed}$`));
    assert.ok(text.startsWith("В-1, В-2, В-3"));
  });
});

test("a journal row has exactly the contract's columns", () => {
  const row = journalRow({
    when: "2026-11-23T09:30:00",
    who: "vshu import",
    action: "импорт из CSV",
    sheet: "Учёт",
    rows: [3, 4, 5],
    codes: ["В-1", "В-2"],
  });
  assert.deepEqual(Object.keys(row).sort(), [...JOURNAL_COLUMNS].sort());
  assert.deepEqual(row, {
    Когда: { dateTime: "2026-11-23T09:30:00" },
    Кто: "vshu import",
    Действие: "импорт из CSV",
    Лист: "Учёт",
    Строки: "3–5",
    Код: "В-1, В-2",
  });
});

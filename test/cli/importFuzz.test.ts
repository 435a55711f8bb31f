/**
 * Property test of `vshu import` (in process, seeded): ~200 random CSV files for «Учёт»,
 * «Мероприятия», «Помощь» and «Служба» — three encodings,
 * both delimiters, quotes, delimiters and line breaks inside fields, formula-like text, blank
 * lines, header spelling variants, and one defect in half of them (bad bytes, mixed encodings,
 * missing or unknown columns, repeated or existing codes, impossible dates, unclosed quotes,
 * unknown list values or episode codes, extra fields, duplicates) — plus a file of 10 000 rows.
 * After each run either every row landed (read back and compared with what the file meant) or
 * the register is unchanged byte for byte; a clean file always lands, a defective one never does.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { runImport } from "../../src/cli/commands/import";
import { runInit } from "../../src/cli/commands/init";
import { UserError } from "../../src/cli/errors";
import { readWorkbookTables } from "../../src/cli/xlsx/readWorkbook";
import { excelSerialToIso, type IsoDate } from "../../src/core/dates/isoDate";
import { columnLayout } from "../../src/core/register/layout";
import type { Cell } from "../../src/core/register/model";
import { SHEET, SHEET_COLUMNS, SHEET_ORDER } from "../../src/core/register/schema";
import { matchKey } from "../../src/core/text";
import { Gen, SPECS, WORDS, field, makeCase } from "../support/csvFuzz";
import { sha } from "../support/vshuBin";

const NOW = "2026-12-02T09:30:00" as const;
const RUNS = 200;

let dir: string;
let base: string;

function expectedHeaders(name: string): readonly string[] {
  const key = SHEET_ORDER.find((k) => matchKey(SHEET[k]) === matchKey(name));
  return key ? SHEET_COLUMNS[key] : [];
}

/** The sheet's non-empty rows as values by column (date cells as { date }). */
async function sheetRows(file: string, sheet: string): Promise<Record<string, Cell>[]> {
  const t = (await readWorkbookTables(file, expectedHeaders)).get(sheet);
  assert.ok(t);
  return t.rows
    .filter((r) => r.cells.some((c) => c !== null && c !== ""))
    .map((r) =>
      Object.fromEntries(
        t.headers.map((h, i) => {
          const v = r.cells[i] ?? null;
          const date = typeof v === "number" && columnLayout(h).kind === "date";
          return [h, date ? { date: excelSerialToIso(v) ?? "" } : v];
        })
      )
    );
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "vshu-import-fuzz-"));
  base = join(dir, "base.xlsx");
  await runInit({ book: base, school: "Школа", today: "2026-09-01" });
  const seed = join(dir, "seed.csv");
  writeFileSync(
    seed,
    "Код;Фамилия;Имя;Дата рождения\r\nВ-1;Монгуш;Айдыс;05.03.2012\r\nВ-2;Ооржак;Айдын;2013-01-31\r\nВ-3;Сат;Чечек;01.09.2011\r\n"
  );
  await runImport({ book: base, csv: seed, sheet: "Учёт", now: NOW });
});
after(() => rmSync(dir, { recursive: true, force: true }));

function sameValue(column: string, got: Cell | undefined, want: Cell): boolean {
  if (want !== null && typeof want === "object") {
    return typeof got === "object" && got !== null && got.date === want.date;
  }
  if (column === "Код" && typeof want === "string") {
    return got === want;
  }
  return (got ?? null) === want;
}

describe("vshu import never damages a register", () => {
  test(`${RUNS} random files: all rows land, or the register is unchanged byte for byte`, async () => {
    const before = new Map<string, Record<string, Cell>[]>();
    for (const sheet of Object.keys(SPECS)) {
      before.set(sheet, await sheetRows(base, sheet));
    }
    const tally = { landed: 0, refused: 0, sheets: {} as Record<string, number> };
    for (let seed = 1; seed <= RUNS; seed++) {
      const c = makeCase(seed);
      tally.sheets[c.sheet] = (tally.sheets[c.sheet] ?? 0) + 1;
      const book = join(dir, `fuzz${seed}.xlsx`);
      const csv = join(dir, `fuzz${seed}.csv`);
      copyFileSync(base, book);
      writeFileSync(csv, c.bytes);
      const hash = sha(book);
      let error: unknown = null;
      try {
        await runImport({
          book,
          csv,
          sheet: c.sheet,
          allowDuplicates: c.allowDuplicates,
          now: NOW,
        });
      } catch (e) {
        error = e;
      }
      const where = `seed ${seed} (${c.defect ?? "clean"}): ${error instanceof Error ? error.message.slice(0, 400) : ""}`;
      if (error !== null) {
        assert.ok(error instanceof UserError && error.exitCode === 1, where);
        assert.ok(error.message.startsWith(`${csv}: `), where);
        assert.equal(sha(book), hash, `register changed: ${where}`);
        assert.notEqual(c.defect, null, `a clean file was refused: ${where}`);
        tally.refused++;
      } else {
        assert.equal(c.defect, null, `a defective file was imported: ${where}`);
        const rows = await sheetRows(book, c.sheet);
        const old = before.get(c.sheet) ?? [];
        assert.deepEqual(rows.slice(0, old.length), old, where);
        const added = rows.slice(old.length);
        assert.equal(added.length, c.expected.length, where);
        c.expected.forEach((want, k) => {
          for (const [column, value] of Object.entries(want)) {
            const got = added[k]?.[column];
            assert.ok(
              sameValue(column, got, value),
              `${where} row ${k + 2} «${column}»: ${JSON.stringify(got)} ≠ ${JSON.stringify(value)}`
            );
          }
        });
        tally.landed++;
      }
      rmSync(book);
      rmSync(csv);
    }
    assert.ok(tally.landed > RUNS / 4 && tally.refused > RUNS / 4, JSON.stringify(tally));
    assert.ok(
      Object.keys(SPECS).every((sheet) => (tally.sheets[sheet] ?? 0) > 10),
      JSON.stringify(tally)
    );
  });

  test("10 000 rows land, every one read back", async () => {
    const book = join(dir, "big.xlsx");
    const csv = join(dir, "big.csv");
    copyFileSync(base, book);
    const g = new Gen(10_000);
    const want: { code: string; last: string; birth: IsoDate; note: string }[] = [];
    let text = "Код;Фамилия;Имя;Дата рождения;Примечание\r\n";
    for (let k = 0; k < 10_000; k++) {
      const d = g.date();
      const row = { code: `Б-${k}`, last: g.pick(WORDS), birth: d.iso, note: g.text(false) };
      want.push(row);
      text += `${row.code};${row.last};Имя${k};${d.text};${field(g, row.note, ";")}\r\n`;
    }
    writeFileSync(csv, iconv.encode(text, "win1251"));
    await runImport({ book, csv, sheet: "Учёт", now: NOW });
    const rows = (await sheetRows(book, "Учёт")).slice(3);
    assert.equal(rows.length, 10_000);
    rows.forEach((r, k) => {
      const w = want[k];
      assert.ok(w);
      assert.equal(r["Код"], w.code);
      assert.equal(r["Фамилия"], w.last);
      assert.deepEqual(r["Дата рождения"], { date: w.birth });
      assert.equal(r["Примечание"], w.note);
    });
    const journal = await sheetRows(book, "Журнал");
    assert.equal(journal.at(-1)?.["Строки"], "5–10004");
    assert.ok(readFileSync(book).length > 0);
  });
});

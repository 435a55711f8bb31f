/**
 * REPORT_COLUMNS: the add-in reads only these columns for the report, so a register parsed from
 * them alone must give exactly the report of the whole register — on generated registers, every
 * period — and every column listed must matter to some figure (a list that could drop a column
 * unnoticed would let the test pass vacuously).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Cell, RawTable } from "../../src/core/register/model";
import { parseRegister, type ColumnSelection } from "../../src/core/register/parseRegister";
import { SHEET, SHEET_COLUMNS, SHEET_ORDER, type SheetKey } from "../../src/core/register/schema";
import { aggregateReport } from "../../src/core/report/aggregate";
import { REPORT_COLUMNS } from "../../src/core/report/columns";
import { RANDOM_PERIODS, randomRegister } from "../support/builders";
import { Messy, messyRows } from "../support/registerXlsx";

type Sheets = Map<string, RawTable>;

function toCell(v: string | number | Date | null | undefined): Cell {
  if (v === null || v === undefined) {
    return null;
  }
  return v instanceof Date ? { date: v.toISOString().slice(0, 10) } : v;
}

/** The raw sheets of a generated register, every contract column present. */
function rawSheets(seed: number): Sheets {
  const rows = messyRows(randomRegister(seed, 30 + (seed % 60)), new Messy(seed));
  const sheets: Sheets = new Map();
  for (const key of SHEET_ORDER) {
    const headers = [...SHEET_COLUMNS[key]];
    sheets.set(SHEET[key], {
      headers,
      rows: (rows[key] ?? []).map((r, i) => ({
        row: i + 2,
        cells: headers.map((h) => toCell(r[h])),
      })),
    });
  }
  return sheets;
}

/** Only the selected sheets and columns, as a reader that fetched just those would give them. */
function limit(sheets: Sheets, selection: ColumnSelection): Sheets {
  const out: Sheets = new Map();
  for (const key of SHEET_ORDER) {
    const wanted = selection[key];
    const t = sheets.get(SHEET[key]);
    if (!wanted || !t) {
      continue;
    }
    const at = wanted.map((c) => t.headers.indexOf(c));
    out.set(SHEET[key], {
      headers: [...wanted],
      rows: t.rows.map((r) => ({ row: r.row, cells: at.map((i) => r.cells[i] ?? null) })),
    });
  }
  return out;
}

function isSelected(issue: { sheet: string; column: string }): boolean {
  const key = SHEET_ORDER.find((k) => SHEET[k] === issue.sheet);
  const columns = key ? REPORT_COLUMNS[key] : undefined;
  return columns !== undefined && (issue.column === "" || columns.includes(issue.column));
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 7000 + i);

function reportsDiffer(selection: ColumnSelection): boolean {
  for (const seed of SEEDS) {
    const sheets = rawSheets(seed);
    const full = parseRegister(sheets).register;
    const part = parseRegister(limit(sheets, selection), { columns: selection }).register;
    for (const p of RANDOM_PERIODS) {
      try {
        assert.deepEqual(aggregateReport(part, p), aggregateReport(full, p));
      } catch {
        return true;
      }
    }
  }
  return false;
}

describe("REPORT_COLUMNS", () => {
  test("the report from the listed columns alone equals the report from the whole register", () => {
    for (const seed of SEEDS) {
      const sheets = rawSheets(seed);
      const full = parseRegister(sheets);
      const part = parseRegister(limit(sheets, REPORT_COLUMNS), { columns: REPORT_COLUMNS });
      // The generator writes rows naming unknown cases: the same issues, none from elsewhere.
      assert.deepEqual(part.issues, full.issues.filter(isSelected), `seed ${seed}: issues`);
      for (const p of RANDOM_PERIODS) {
        assert.deepEqual(
          aggregateReport(part.register, p),
          aggregateReport(full.register, p),
          `seed ${seed}, ${p.from}..${p.to}`
        );
      }
    }
  });

  const listed = (Object.entries(REPORT_COLUMNS) as [SheetKey, readonly string[]][]).flatMap(
    ([key, columns]) => columns.map((column) => ({ key, column }))
  );
  for (const { key, column } of listed.filter(
    // Settings are a key/value list and every passport cell is summed into section I; the
    // generator never makes two children who differ by patronymic alone.
    ({ key, column }) => key !== "settings" && key !== "passport" && column !== "Отчество"
  )) {
    test(`without «${column}» of «${SHEET[key]}» some report changes`, () => {
      const fewer: ColumnSelection = {
        ...REPORT_COLUMNS,
        [key]: (REPORT_COLUMNS[key] ?? []).filter((c) => c !== column),
      };
      assert.ok(reportsDiffer(fewer), `«${column}» looks unused by the report`);
    });
  }

  test("a limited read reports a missing listed column, and no column it left out", () => {
    const sheets = limit(rawSheets(7001), REPORT_COLUMNS);
    const cases = sheets.get(SHEET.cases) as RawTable;
    const at = cases.headers.indexOf("Уровень");
    sheets.set(SHEET.cases, {
      headers: cases.headers.filter((_, i) => i !== at),
      rows: cases.rows.map((r) => ({ row: r.row, cells: r.cells.filter((_, i) => i !== at) })),
    });
    const { issues } = parseRegister(sheets, { columns: REPORT_COLUMNS });
    assert.deepEqual(issues[0], {
      sheet: SHEET.cases,
      row: 0,
      column: "Уровень",
      message: "на листе нет столбца «Уровень» (строка заголовков таблицы)",
    });
    assert.ok(issues.every(isSelected), "every issue is about a column that was read");
  });
});

/**
 * The fake Excel (test/support/fakeExcel) seeded with a `MemoryWorkbook`: each sheet with its
 * Excel table (the contract's table names), dates as serial numbers shown ДД.ММ.ГГГГ, text
 * columns formatted as text — as a saved register opens in Excel.
 */
import { isoToExcelSerial } from "../../src/core/dates/isoDate";
import { columnLayout } from "../../src/core/register/layout";
import { SHEET, SHEET_ORDER, TABLE_NAME } from "../../src/core/register/schema";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import type { MemoryWorkbook } from "./memoryWorkbook";

export function fakeExcelOf(book: MemoryWorkbook, apiVersion = 21): FakeExcel {
  const fake = createFakeExcel({ apiVersion, sheets: [] });
  for (const [name, sheet] of book.sheets) {
    const key = SHEET_ORDER.find((k) => SHEET[k] === name);
    const formats = sheet.headers.map((h) => {
      const kind = columnLayout(h).kind;
      return kind === "date" ? "dd.mm.yyyy" : kind === "text" ? "@" : null;
    });
    const rows = sheet.rows.map((r) =>
      r.map((c) => (c === null ? "" : typeof c === "object" ? isoToExcelSerial(c.date) : c))
    );
    fake.seed(
      name,
      [sheet.headers, ...rows],
      key === undefined ? { formats } : { table: TABLE_NAME[key], formats }
    );
  }
  return fake;
}

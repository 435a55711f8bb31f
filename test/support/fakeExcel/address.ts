/**
 * A1 addresses of the fake Excel: parse «Учёт!A1:Q20», «'Отчёт 01.09.2026'!B3», «A:A» is not
 * supported (the adapter never uses whole columns). Rows and columns are 0-based inside the
 * fake, 1-based and lettered in addresses, like Excel.
 */
import { FakeExcelError } from "./errors";

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface ParsedAddress extends Rect {
  /** Sheet name when the address names one. */
  readonly sheet: string | null;
}

/** Excel's limits: 1 048 576 rows, 16 384 columns. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n - 1;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseCell(text: string, whole: string): { row: number; col: number } {
  const m = CELL_RE.exec(text);
  if (!m) {
    throw new FakeExcelError("InvalidArgument", `Неверный адрес диапазона: ${whole}`);
  }
  const col = columnIndex(m[1] ?? "");
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLUMNS) {
    throw new FakeExcelError("InvalidArgument", `Адрес вне листа: ${whole}`);
  }
  return { row, col };
}

/** Parses `Sheet!A1:B2`, `'My sheet'!A1`, `A1:B2`, `A1`. */
export function parseAddress(address: string): ParsedAddress {
  let sheet: string | null = null;
  let rest = address.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    let name = rest.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
      name = name.slice(1, -1).replace(/''/g, "'");
    }
    sheet = name;
    rest = rest.slice(bang + 1);
  }
  const [a, b, extra] = rest.split(":");
  if (a === undefined || extra !== undefined) {
    throw new FakeExcelError("InvalidArgument", `Неверный адрес диапазона: ${address}`);
  }
  const p = parseCell(a, address);
  const q = b === undefined ? p : parseCell(b, address);
  return {
    sheet,
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Whether a sheet name must be quoted in an address (anything but letters, digits, _). */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Учёт!A1:Q20`, or `Учёт!B3` for a single cell, like Excel's `range.address`. */
export function formatAddress(sheet: string, r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  const b = `${columnLetters(r.right)}${r.bottom + 1}`;
  return `${quoteSheetName(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

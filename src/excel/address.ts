/**
 * A1 addresses for Office.js: build `A2:Q2` from 0-based rows and columns, and read back the
 * sheet and the block of an address Excel returns (`Учёт!A1:Q20`, `'Отчёт 1'!A1`).
 */

export interface Block {
  /** 0-based first row and column; last row and column inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

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

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n - 1;
}

/** `A2:Q2` (no sheet) for a block; a single cell as `B3`. */
export function blockAddress(b: Block): string {
  const a = `${columnLetters(b.left)}${b.top + 1}`;
  const z = `${columnLetters(b.right)}${b.bottom + 1}`;
  return a === z ? a : `${a}:${z}`;
}

/** Splits an address Excel returns into its sheet name and block; null when unreadable. */
export function parseRangeAddress(address: string): { sheet: string | null; block: Block } | null {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let rest = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    }
    rest = address.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(rest);
  if (!m) {
    return null;
  }
  const left = columnIndex(m[1] ?? "A");
  const top = Number(m[2]) - 1;
  const right = m[3] ? columnIndex(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  return { sheet, block: { top, left, bottom, right } };
}

/** A sheet name as an address prefix: always quoted (`'Учёт'`), quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

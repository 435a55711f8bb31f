/**
 * A1 references and ranges: column letters, `A1:Q20`, and space-separated range lists
 * (`sqref` of validations and conditional formats).
 */

export interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const LETTERS: string[] = [];

/** 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  const known = LETTERS[n];
  if (known !== undefined) {
    return known;
  }
  let s = "";
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  if (n < 1024) {
    LETTERS[n] = s;
  }
  return s;
}

/** A → 1, AA → 27 (upper-case letters only). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    n = n * 26 + (letters.charCodeAt(i) - 64);
  }
  return n;
}

/** `B12` → { col: 2, row: 12 }; null when it is not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) {
    return null;
  }
  return { col: columnNumber((m[1] ?? "").toUpperCase()), row: Number(m[2]) };
}

/** `A1:Q20` or `B3` → a range; whole columns/rows (`A:A`, `1:1`) are not cell ranges → null. */
export function parseRange(ref: string): Range | null {
  const [a, b] = ref.trim().split(":");
  const from = a === undefined ? null : parseCellRef(a);
  const to = b === undefined ? from : parseCellRef(b);
  if (!from || !to) {
    return null;
  }
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function formatRange(r: Range): string {
  const a = cellRef(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellRef(r.bottom, r.right)}`;
}

export function intersects(a: Range, b: Range): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(r: Range, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** Parts of an `sqref`: ranges, or null for a part we do not understand (kept as is). */
export function parseSqref(sqref: string): { text: string; range: Range | null }[] {
  return sqref
    .trim()
    .split(/\s+/)
    .filter((t) => t !== "")
    .map((text) => ({ text, range: parseRange(text) }));
}

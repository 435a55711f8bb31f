/**
 * The check before a register is replaced: the new file, read back whole, must hold every
 * sheet, column and row of the original with the same values, plus exactly the changes the
 * edit made (patch/changes.ts) — nothing lost, nothing moved, nothing extra.
 */
import { isoToExcelSerial } from "../../core/dates/isoDate";
import type { Cell, RawTable } from "../../core/register/model";
import { matchKey } from "../../core/text";
import type { Change, Expected } from "./patch/changes";

/** A cell in comparable form: dates as the serial day the reader would see. */
type Plain = string | number | boolean | null;

interface SheetImage {
  readonly name: string;
  headers: string[];
  readonly rows: Map<number, (Expected | Plain)[]>;
}

function plain(cell: Cell | undefined, date1904: boolean): Plain {
  if (cell === undefined || cell === null || cell === "") {
    return null;
  }
  if (typeof cell === "object") {
    return isoToExcelSerial(cell.date) - (date1904 ? 1462 : 0);
  }
  return cell;
}

function image(name: string, t: RawTable, date1904: boolean): SheetImage {
  const headers = [...t.headers];
  const rows = new Map<number, (Expected | Plain)[]>();
  for (const r of t.rows) {
    rows.set(
      r.row,
      headers.map((_, i) => plain(r.cells[i], date1904))
    );
  }
  return { name, headers, rows };
}

/** The position of a header: the exact text first, else the same key. */
function headerIndex(headers: readonly string[], header: string): number {
  const exact = headers.indexOf(header);
  return exact >= 0 ? exact : headers.findIndex((h) => matchKey(h) === matchKey(header));
}

function isEmptyRow(row: readonly (Expected | Plain)[] | undefined): boolean {
  return !row || row.every((v) => v === null);
}

function matches(want: Expected | Plain, got: Plain): boolean {
  if (want !== null && typeof want === "object") {
    if ("formula" in want) {
      return true;
    }
    return got === want.raw || got === want.day;
  }
  return want === got;
}

function show(v: Expected | Plain): string {
  if (v === null) {
    return "пусто";
  }
  if (typeof v === "object") {
    return "formula" in v ? "формула" : String(v.raw);
  }
  return `«${String(v)}»`;
}

/**
 * Differences between what the file should hold and what it holds, in Russian (at most
 * `limit`); an empty list means the write is exactly what was intended.
 */
export function compareWrite(
  before: ReadonlyMap<string, RawTable>,
  after: ReadonlyMap<string, RawTable>,
  changes: readonly Change[],
  date1904: boolean,
  limit = 10
): string[] {
  const want = new Map<string, SheetImage>();
  for (const [name, t] of before) {
    want.set(name, image(name, t, date1904));
  }
  const sheetOf = (name: string): SheetImage | undefined =>
    want.get(name) ?? [...want.values()].find((s) => matchKey(s.name) === matchKey(name));
  const rowOf = (s: SheetImage, values: ReadonlyMap<string, Expected>): (Expected | Plain)[] => {
    const row: (Expected | Plain)[] = s.headers.map(() => null);
    for (const [h, v] of values) {
      const i = headerIndex(s.headers, h);
      if (i >= 0) {
        row[i] = v;
      }
    }
    return row;
  };
  for (const c of changes) {
    if (c.kind === "sheet") {
      const s: SheetImage = { name: c.sheet, headers: [...c.headers], rows: new Map() };
      for (const r of c.rows) {
        s.rows.set(r.row, rowOf(s, r.values));
      }
      want.set(c.sheet, s);
      continue;
    }
    const s = sheetOf(c.sheet);
    if (!s) {
      return [`лист «${c.sheet}» изменён, но не прочитан`];
    }
    if (c.kind === "columns") {
      s.headers.push(...c.headers);
      for (const row of s.rows.values()) {
        row.push(...c.headers.map(() => null));
      }
    } else if (c.kind === "rows") {
      for (const r of c.rows) {
        s.rows.set(r.row, rowOf(s, r.values));
      }
    } else {
      const row = s.rows.get(c.row) ?? s.headers.map(() => null);
      const i = headerIndex(s.headers, c.header);
      if (i >= 0) {
        row[i] = c.value;
      }
      s.rows.set(c.row, row);
    }
  }

  const problems: string[] = [];
  const say = (text: string): boolean => {
    problems.push(text);
    return problems.length >= limit;
  };
  const found = new Map<string, SheetImage>();
  for (const [name, t] of after) {
    found.set(name, image(name, t, date1904));
  }
  for (const name of found.keys()) {
    if (!want.has(name) && say(`появился лишний лист «${name}»`)) {
      return problems;
    }
  }
  for (const [name, w] of want) {
    const g = found.get(name);
    if (!g) {
      if (say(`пропал лист «${name}»`)) {
        return problems;
      }
      continue;
    }
    if (w.headers.join("\u0000") !== g.headers.join("\u0000")) {
      if (say(`лист «${name}»: столбцы ${g.headers.join(", ")} вместо ${w.headers.join(", ")}`)) {
        return problems;
      }
      continue;
    }
    const numbers = new Set<number>();
    for (const [n, row] of [...w.rows, ...g.rows]) {
      if (!isEmptyRow(row)) {
        numbers.add(n);
      }
    }
    for (const n of [...numbers].sort((a, b) => a - b)) {
      const wr = w.rows.get(n);
      const gr = g.rows.get(n);
      for (let i = 0; i < w.headers.length; i++) {
        const wv = wr?.[i] ?? null;
        const gv = (gr?.[i] ?? null) as Plain;
        if (!matches(wv, gv)) {
          const where = `лист «${name}», строка ${n}, столбец «${w.headers[i] ?? ""}»`;
          if (say(`${where}: ожидалось ${show(wv)}, записано ${show(gv)}`)) {
            return problems;
          }
        }
      }
    }
  }
  return problems;
}

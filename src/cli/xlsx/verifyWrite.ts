/**
 * The check before a register is replaced: the new file, read back whole, must hold every
 * sheet, column and row of the original with the same values, plus exactly the changes the
 * edit made (patch/changes.ts) — nothing lost, nothing moved, nothing extra.
 */
import { isoToExcelSerial } from "../../core/dates/isoDate";
import type { Cell, RawRow, RawTable } from "../../core/register/model";
import { matchKey } from "../../core/text";
import { expectedOf, type Change, type Expected, type RowChange } from "./patch/changes";

/** A cell in comparable form: dates as the serial the reader would see. */
type Plain = string | number | boolean | null;

function plain(cell: Cell | undefined, date1904: boolean): Plain {
  if (cell === undefined || cell === null || cell === "") {
    return null;
  }
  if (typeof cell === "object") {
    return isoToExcelSerial(cell.date) - (date1904 ? 1462 : 0);
  }
  return cell;
}

/** The position of a header: the exact text first, else the same key. */
function headerIndex(headers: readonly string[], header: string): number {
  const exact = headers.indexOf(header);
  return exact >= 0 ? exact : headers.findIndex((h) => matchKey(h) === matchKey(header));
}

function matches(want: Expected, got: Plain): boolean {
  if (want !== null && typeof want === "object") {
    return "formula" in want ? true : got === want.raw || got === want.day;
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

/** What one sheet must look like after the write. */
interface Plan {
  /** The sheet as it was (absent for a new sheet). */
  readonly before: RawTable | null;
  readonly headers: string[];
  /** Rows written, each as its expected cells by final column. */
  readonly rows: Map<number, Expected[]>;
}

function expectedRow(headers: readonly string[], change: RowChange, date1904: boolean): Expected[] {
  const row: Expected[] = headers.map(() => null);
  for (const h in change.values) {
    const i = headerIndex(headers, h);
    if (i >= 0) {
      row[i] = expectedOf(change.values[h], date1904);
    }
  }
  for (const h of change.formulas ?? []) {
    const i = headerIndex(headers, h);
    if (i >= 0) {
      row[i] = { formula: true };
    }
  }
  return row;
}

function plans(
  before: ReadonlyMap<string, RawTable>,
  changes: readonly Change[],
  date1904: boolean
): Map<string, Plan> | string {
  const out = new Map<string, Plan>();
  for (const [name, t] of before) {
    out.set(name, { before: t, headers: [...t.headers], rows: new Map() });
  }
  const find = (name: string): Plan | undefined =>
    out.get(name) ?? [...out].find(([n]) => matchKey(n) === matchKey(name))?.[1];
  for (const c of changes) {
    if (c.kind === "sheet") {
      const plan: Plan = { before: null, headers: [...c.headers], rows: new Map() };
      for (const r of c.rows) {
        plan.rows.set(r.row, expectedRow(plan.headers, r, date1904));
      }
      out.set(c.sheet, plan);
      continue;
    }
    const plan = find(c.sheet);
    if (!plan) {
      return `лист «${c.sheet}» изменён, но в книге до записи не прочитан`;
    }
    if (c.kind === "columns") {
      plan.headers.push(...c.headers);
      for (const row of plan.rows.values()) {
        row.push(...c.headers.map(() => null));
      }
    } else if (c.kind === "rows") {
      for (const r of c.rows) {
        plan.rows.set(r.row, expectedRow(plan.headers, r, date1904));
      }
    } else {
      let row = plan.rows.get(c.row);
      if (!row) {
        const old = plan.before?.rows.find((r) => r.row === c.row);
        row = plan.headers.map((_, i) => plain(old?.cells[i], date1904));
        plan.rows.set(c.row, row);
      }
      const i = headerIndex(plan.headers, c.header);
      if (i >= 0) {
        row[i] = c.value;
      }
    }
  }
  return out;
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
  const planned = plans(before, changes, date1904);
  if (typeof planned === "string") {
    return [planned];
  }
  const problems: string[] = [];
  const full = (): boolean => problems.length >= limit;
  for (const name of after.keys()) {
    if (!planned.has(name)) {
      problems.push(`появился лишний лист «${name}»`);
    }
  }
  for (const [name, plan] of planned) {
    if (full()) {
      break;
    }
    const got = after.get(name);
    if (!got) {
      problems.push(`пропал лист «${name}»`);
      continue;
    }
    if (plan.headers.join("\u0000") !== got.headers.join("\u0000")) {
      problems.push(
        `лист «${name}»: столбцы ${got.headers.join(", ")} вместо ${plan.headers.join(", ")}`
      );
      continue;
    }
    compareSheet(name, plan, got, date1904, problems, limit);
  }
  return problems.slice(0, limit);
}

function compareSheet(
  name: string,
  plan: Plan,
  got: RawTable,
  date1904: boolean,
  problems: string[],
  limit: number
): void {
  const width = plan.headers.length;
  const say = (row: number, col: number, want: Expected | Plain, value: Plain): boolean => {
    problems.push(
      `лист «${name}», строка ${row}, столбец «${plan.headers[col] ?? ""}»: ожидалось ${show(want)}, записано ${show(value)}`
    );
    return problems.length >= limit;
  };
  const gotRows = new Map<number, RawRow>();
  for (const r of got.rows) {
    gotRows.set(r.row, r);
  }
  const seen = new Set<number>();
  for (const r of plan.before?.rows ?? []) {
    if (plan.rows.has(r.row)) {
      continue;
    }
    seen.add(r.row);
    const g = gotRows.get(r.row);
    for (let i = 0; i < width; i++) {
      const want = plain(r.cells[i], date1904);
      const value = plain(g?.cells[i], date1904);
      if (want !== value && say(r.row, i, want, value)) {
        return;
      }
    }
  }
  for (const [n, want] of plan.rows) {
    seen.add(n);
    const g = gotRows.get(n);
    for (let i = 0; i < width; i++) {
      const value = plain(g?.cells[i], date1904);
      if (!matches(want[i] ?? null, value) && say(n, i, want[i] ?? null, value)) {
        return;
      }
    }
  }
  for (const r of got.rows) {
    if (seen.has(r.row)) {
      continue;
    }
    for (let i = 0; i < width; i++) {
      const value = plain(r.cells[i], date1904);
      if (value !== null && say(r.row, i, null, value)) {
        return;
      }
    }
  }
}

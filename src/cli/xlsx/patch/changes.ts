/**
 * What an edit did to the workbook, in the register's terms (sheet, header, row, value): the
 * safe replacement checks the written file against the original plus exactly these changes,
 * and «Журнал» records them.
 */
import { dateSerial, dateTimeSerial, isBlank, type PatchValue } from "./values";

/**
 * A value as it must read back: text, number, boolean, empty; a date as its stored serial
 * (`day` is the calendar day's serial, `raw` what the cell stores); a formula without a stored
 * value reads as anything.
 */
export type Expected =
  | string
  | number
  | boolean
  | null
  | { readonly day: number; readonly raw: number }
  | { readonly formula: true };

export interface RowChange {
  readonly row: number;
  /** The values written, by header (as the caller named it). */
  readonly values: Readonly<Record<string, PatchValue>>;
  /** Headers of cells that got a calculated column's formula (no stored value). */
  readonly formulas?: readonly string[];
}

export type Change =
  | { readonly kind: "rows"; readonly sheet: string; readonly rows: readonly RowChange[] }
  | { readonly kind: "columns"; readonly sheet: string; readonly headers: readonly string[] }
  | {
      readonly kind: "cell";
      readonly sheet: string;
      readonly row: number;
      readonly header: string;
      readonly value: Expected;
    }
  | {
      readonly kind: "sheet";
      readonly sheet: string;
      readonly headers: readonly string[];
      readonly rows: readonly RowChange[];
    };

/** How a written value reads back. */
export function expectedOf(value: PatchValue | undefined, date1904: boolean): Expected {
  if (value === undefined || isBlank(value)) {
    return null;
  }
  if (typeof value !== "object" || value === null) {
    return value;
  }
  if ("date" in value) {
    const raw = dateSerial(value.date, date1904);
    return { day: raw, raw };
  }
  const raw = dateTimeSerial(value.dateTime, date1904);
  return { day: Math.floor(raw), raw };
}

export class ChangeLog {
  private readonly items: Change[] = [];

  add(change: Change): void {
    this.items.push(change);
  }

  list(): readonly Change[] {
    return this.items;
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** The rows written on each sheet (appended rows and set cells), in order of first change. */
  rowsBySheet(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    const add = (sheet: string, rows: readonly number[]): void => {
      out.set(sheet, [...(out.get(sheet) ?? []), ...rows]);
    };
    for (const c of this.items) {
      if (c.kind === "rows" || c.kind === "sheet") {
        add(
          c.sheet,
          c.rows.map((r) => r.row)
        );
      } else if (c.kind === "cell") {
        add(c.sheet, [c.row]);
      } else {
        add(c.sheet, []);
      }
    }
    return out;
  }
}

/**
 * A register workbook held in memory for the task pane's end-to-end tests: sheets as header +
 * rows of cells (a date cell is `{ date }`), as `parseRegister` reads them. Browser-safe (no Node).
 */
import type { Cell, RawTable } from "../../src/core/register/model";
import type { RawSheets } from "../../src/core/register/parseRegister";
import { matchKey } from "../../src/core/text";

export interface MemorySheet {
  readonly headers: string[];
  readonly rows: Cell[][];
}

export class MemoryWorkbook {
  readonly sheets = new Map<string, MemorySheet>();

  addSheet(name: string, headers: readonly string[]): MemorySheet {
    const sheet = { headers: [...headers], rows: [] };
    this.sheets.set(name, sheet);
    return sheet;
  }

  sheet(name: string): MemorySheet {
    const s = this.sheets.get(name);
    if (!s) {
      throw new Error(`в книге нет листа «${name}»`);
    }
    return s;
  }

  /** Appends a row given by header; returns its 1-based sheet row (the header is row 1). */
  append(name: string, values: Readonly<Record<string, Cell>>): number {
    const s = this.sheet(name);
    s.rows.push(s.headers.map((h) => values[h] ?? null));
    return s.rows.length + 1;
  }

  get(name: string, index: number, header: string): Cell {
    const s = this.sheet(name);
    const col = s.headers.indexOf(header);
    return col < 0 ? null : (s.rows[index]?.[col] ?? null);
  }

  set(name: string, index: number, header: string, value: Cell): void {
    const s = this.sheet(name);
    const col = s.headers.indexOf(header);
    const row = s.rows[index];
    if (col < 0 || row === undefined) {
      throw new Error(`нет ячейки «${header}» в строке ${index + 2} листа «${name}»`);
    }
    row[col] = value;
  }

  /** Index of the first row whose column matches (case, spacing and look-alikes ignored). */
  find(name: string, header: string, value: string, from = 0): number {
    const s = this.sheet(name);
    const col = s.headers.indexOf(header);
    const key = matchKey(value);
    for (let i = from; i < s.rows.length; i++) {
      const cell = s.rows[i]?.[col];
      if (typeof cell === "string" && matchKey(cell) === key) {
        return i;
      }
    }
    return -1;
  }

  /** The sheets as `parseRegister` takes them. */
  raw(): RawSheets {
    const out = new Map<string, RawTable>();
    for (const [name, s] of this.sheets) {
      out.set(name, {
        headers: s.headers,
        rows: s.rows.map((cells, i) => ({ row: i + 2, cells })),
      });
    }
    return out;
  }

  /** A sheet's rows as plain objects by header, dates as ISO text (what tests assert on). */
  rowsOf(name: string): Record<string, string | number | boolean | null>[] {
    const s = this.sheet(name);
    return s.rows.map((row) =>
      Object.fromEntries(
        s.headers.map((h, i) => {
          const c = row[i] ?? null;
          return [h, c !== null && typeof c === "object" ? c.date : c];
        })
      )
    );
  }
}

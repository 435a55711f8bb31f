/**
 * A sheet's table bound to the contract's columns: finds each column by its header (case,
 * spacing and look-alike letters ignored; order free; extra columns kept and ignored) and
 * collects located issues while rows are read.
 */
import { matchKey } from "../text";
import { cellCount, cellDate, cellText, isEmptyCell, type Read } from "./cells";
import type { Cell, RawRow, RawTable, RegisterIssue } from "./model";
import type { IsoDate } from "../dates/isoDate";

export class BoundTable {
  private readonly index = new Map<string, number>();
  /** Column name → position, or -1 when the sheet has no such column. */
  private readonly resolved = new Map<string, number>();

  /**
   * @param only - when given, the columns this read is limited to: only they are required, the
   *   others read as empty (a reader that fetched part of the columns, e.g. the add-in's report)
   */
  constructor(
    readonly sheet: string,
    private readonly table: RawTable,
    private readonly issues: RegisterIssue[],
    private readonly only: ReadonlySet<string> | null = null
  ) {
    table.headers.forEach((h, i) => {
      const key = matchKey(h);
      if (key !== "" && !this.index.has(key)) {
        this.index.set(key, i);
      }
    });
  }

  /** Reports every required column that is missing; true when all are present. */
  requireColumns(columns: readonly string[]): boolean {
    let all = true;
    for (const c of columns) {
      if (this.only !== null && !this.only.has(matchKey(c))) {
        continue;
      }
      if (!this.index.has(matchKey(c))) {
        all = false;
        this.issues.push({
          sheet: this.sheet,
          row: 0,
          column: c,
          message: `на листе нет столбца «${c}» (строка заголовков таблицы)`,
        });
      }
    }
    return all;
  }

  /** Whether every column is present (nothing reported). */
  hasColumns(columns: readonly string[]): boolean {
    return columns.every((c) => this.index.has(matchKey(c)));
  }

  /** The non-empty data rows. */
  rows(): RawRow[] {
    return this.table.rows.filter((r) => r.cells.some((c) => !isEmptyCell(c)));
  }

  cell(row: RawRow, column: string): Cell {
    const i = this.columnIndex(column);
    return i === undefined ? null : (row.cells[i] ?? null);
  }

  /** The position of a column, looked up once per column name (this runs for every cell). */
  private columnIndex(column: string): number | undefined {
    let i = this.resolved.get(column);
    if (i === undefined) {
      i = this.index.get(matchKey(column)) ?? -1;
      this.resolved.set(column, i);
    }
    return i < 0 ? undefined : i;
  }

  text(row: RawRow, column: string): string {
    return cellText(this.cell(row, column));
  }

  date(row: RawRow, column: string): IsoDate | null {
    return this.take(row, column, cellDate(this.cell(row, column)), null);
  }

  count(row: RawRow, column: string, fallback: number): number {
    return this.take(row, column, cellCount(this.cell(row, column), fallback), fallback);
  }

  /** Records an issue at this row and column. */
  report(row: RawRow, column: string, message: string): void {
    this.issues.push({ sheet: this.sheet, row: row.row, column, message });
  }

  private take<T>(row: RawRow, column: string, read: Read<T>, fallback: T): T {
    if (read.ok) {
      return read.value;
    }
    this.report(row, column, read.message);
    return fallback;
  }
}

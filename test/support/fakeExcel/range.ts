/**
 * Ranges of the fake Excel API: values, formulas and number formats with Excel's shape rules,
 * navigation (rows, columns, offsets), formats and data validation as recorded styles.
 */
import { FakeExcelError } from "./errors";
import { type Rect } from "./address";
import { FakeContext } from "./context";
import { FakeObject } from "./object";
import { bodyBottom, displayText, type SheetModel } from "./model";

export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

function shapeOf(rect: Rect): [number, number] {
  return [rect.bottom - rect.top + 1, rect.right - rect.left + 1];
}

function checkShape(rect: Rect, data: unknown, what: string): unknown[][] {
  const [rows, cols] = shapeOf(rect);
  const ok =
    Array.isArray(data) &&
    data.length === rows &&
    data.every((r) => Array.isArray(r) && r.length === cols);
  if (!ok) {
    const got = Array.isArray(data)
      ? `${data.length}×${Array.isArray(data[0]) ? (data[0] as unknown[]).length : "?"}`
      : typeof data;
    throw new FakeExcelError(
      "InvalidArgument",
      `Размер массива ${what} (${got}) не совпадает с размером диапазона (${rows}×${cols})`
    );
  }
  return data as unknown[][];
}

function sub(t: RangeTarget, rect: Rect): RangeTarget {
  if (rect.top < 0 || rect.left < 0 || rect.bottom < rect.top || rect.right < rect.left) {
    throw new FakeExcelError("InvalidArgument", "Диапазон выходит за пределы листа");
  }
  return { sheet: t.sheet, rect };
}

function grid<T>(t: RangeTarget, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: T[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      row.push(cell(r, c));
    }
    out.push(row);
  }
  return out;
}

export class Range extends FakeObject<RangeTarget> {
  static on(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    member: string,
    args: readonly unknown[],
    since: number,
    find: () => RangeTarget | null,
    nullable = false
  ): Range {
    return new Range(ctx).bindBy(parent, member, args, since, find, nullable);
  }

  private derive(
    member: string,
    args: readonly unknown[],
    since: number,
    f: (t: RangeTarget) => Rect
  ): Range {
    return Range.on(this.ctx, this, member, args, since, () => sub(this.t(), f(this.t())));
  }

  protected override defaultProps(): string[] {
    return ["address", "values", "numberFormat", "rowCount", "columnCount"];
  }

  protected read(prop: string): unknown {
    const t = this.t();
    const [rows, cols] = shapeOf(t.rect);
    switch (prop) {
      case "address":
        return t.sheet.address(t.rect);
      case "values":
        return grid(t, (r, c) => t.sheet.value(r, c));
      case "formulas":
        return grid(t, (r, c) => t.sheet.formula(r, c));
      case "text":
        return grid(t, (r, c) =>
          displayText(t.sheet.value(r, c), t.sheet.format(r, c), this.ctx.host.model.date1904)
        );
      case "numberFormat":
        return grid(t, (r, c) => t.sheet.format(r, c));
      case "valueTypes":
        return grid(t, (r, c) => {
          const v = t.sheet.value(r, c);
          return typeof v === "number"
            ? "Double"
            : typeof v === "boolean"
              ? "Boolean"
              : v === ""
                ? "Empty"
                : v.startsWith("#") && t.sheet.formula(r, c) !== v
                  ? "Error"
                  : "String";
        });
      case "rowCount":
        return rows;
      case "columnCount":
        return cols;
      case "rowIndex":
        return t.rect.top;
      case "columnIndex":
        return t.rect.left;
      case "cellCount":
        return rows * cols;
      default:
        throw new FakeExcelError(
          "InvalidArgument",
          `Фальшивый Excel не знает свойства Range.${prop}`
        );
    }
  }

  get address(): string {
    return this.loadedValue("address") as string;
  }
  get values(): unknown[][] {
    return this.loadedValue("values") as unknown[][];
  }
  set values(data: unknown[][]) {
    this.call("values", [data], 1, () => {
      const t = this.t();
      const rows = checkShape(t.rect, data, "values");
      rows.forEach((row, i) =>
        row.forEach((v, j) => t.sheet.write(t.rect.top + i, t.rect.left + j, v))
      );
    });
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas") as unknown[][];
  }
  set formulas(data: unknown[][]) {
    this.call("formulas", [data], 1, () => {
      const t = this.t();
      const rows = checkShape(t.rect, data, "formulas");
      rows.forEach((row, i) =>
        row.forEach((v, j) => t.sheet.write(t.rect.top + i, t.rect.left + j, v))
      );
    });
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat") as unknown[][];
  }
  set numberFormat(data: unknown[][]) {
    this.call("numberFormat", [data], 1, () => {
      const t = this.t();
      const rows = checkShape(t.rect, data, "numberFormat");
      rows.forEach((row, i) =>
        row.forEach((v, j) => t.sheet.setFormat(t.rect.top + i, t.rect.left + j, v))
      );
    });
  }
  /** What Excel displays in each cell (dates in the workbook's date system). */
  get text(): string[][] {
    return this.loadedValue("text") as string[][];
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes") as string[][];
  }
  get rowCount(): number {
    return this.loadedValue("rowCount") as number;
  }
  get columnCount(): number {
    return this.loadedValue("columnCount") as number;
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex") as number;
  }

  getRow(i: number): Range {
    return this.derive("getRow", [i], 1, (t) => {
      if (i < 0 || i > t.rect.bottom - t.rect.top) {
        throw new FakeExcelError("InvalidArgument", `Строка ${i} вне диапазона`);
      }
      return { ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i };
    });
  }
  getColumn(i: number): Range {
    return this.derive("getColumn", [i], 1, (t) => {
      if (i < 0 || i > t.rect.right - t.rect.left) {
        throw new FakeExcelError("InvalidArgument", `Столбец ${i} вне диапазона`);
      }
      return { ...t.rect, left: t.rect.left + i, right: t.rect.left + i };
    });
  }
  getCell(r: number, c: number): Range {
    return this.derive("getCell", [r, c], 1, (t) => ({
      top: t.rect.top + r,
      bottom: t.rect.top + r,
      left: t.rect.left + c,
      right: t.rect.left + c,
    }));
  }
  getLastRow(): Range {
    return this.derive("getLastRow", [], 2, (t) => ({ ...t.rect, top: t.rect.bottom }));
  }
  getLastColumn(): Range {
    return this.derive("getLastColumn", [], 2, (t) => ({ ...t.rect, left: t.rect.right }));
  }
  getOffsetRange(dr: number, dc: number): Range {
    return this.derive("getOffsetRange", [dr, dc], 1, (t) => ({
      top: t.rect.top + dr,
      bottom: t.rect.bottom + dr,
      left: t.rect.left + dc,
      right: t.rect.right + dc,
    }));
  }
  getResizedRange(dr: number, dc: number): Range {
    return this.derive("getResizedRange", [dr, dc], 2, (t) => ({
      ...t.rect,
      bottom: t.rect.bottom + dr,
      right: t.rect.right + dc,
    }));
  }
  getBoundingRect(other: Range): Range {
    return this.derive("getBoundingRect", [other._id], 1, (t) => {
      const o = other.t();
      if (o.sheet !== t.sheet) {
        throw new FakeExcelError("InvalidArgument", "Диапазоны на разных листах");
      }
      return {
        top: Math.min(t.rect.top, o.rect.top),
        left: Math.min(t.rect.left, o.rect.left),
        bottom: Math.max(t.rect.bottom, o.rect.bottom),
        right: Math.max(t.rect.right, o.rect.right),
      };
    });
  }

  select(): void {
    this.call("select", [], 1, () => {
      const t = this.t();
      const wb = this.ctx.host.model;
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rect: t.rect };
    });
  }
  /**
   * `Range.delete("Up")` (ExcelApi 1.1): the cells below move up over the range's columns. Rows
   * of a table's body are removed from the table only when the range spans the table's columns
   * (Excel refuses to shift part of a table); a table keeps one body row.
   */
  delete(shift: string): void {
    this.call("delete", [shift], 1, () => {
      const t = this.t();
      if (shift !== "Up") {
        throw new FakeExcelError("InvalidArgument", `Фальшивый Excel сдвигает только вверх`);
      }
      const { top, bottom, left, right } = t.rect;
      const count = bottom - top + 1;
      const model = this.ctx.host.model;
      for (const table of t.sheet.tables) {
        const crosses = table.left <= right && table.right >= left;
        const inBody = top > table.top && top <= bodyBottom(table);
        if (!crosses || !inBody) {
          continue;
        }
        if (table.left < left || table.right > right) {
          throw new FakeExcelError(
            "InvalidOperation",
            "Операция сдвинула бы часть ячеек таблицы: удалите строки таблицы целиком"
          );
        }
        const index = top - table.top - 1;
        model.deleteTableRows(table, index, Math.min(count, bodyBottom(table) - top + 1));
        return;
      }
      t.sheet.shiftUp(top, left, right, count);
    });
  }
  clear(): void {
    this.call("clear", [], 1, () => this.t().sheet.clear(this.t().rect));
  }
  merge(across = false): void {
    this.call("merge", [across], 2, () => {
      const t = this.t();
      t.sheet.merges.push(t.sheet.address(t.rect));
    });
  }

  /** Records a format change of this range on its sheet. */
  style(property: string, value: unknown, since = 1): void {
    this.call(`format.${property}`, [value], since, () => {
      const t = this.t();
      t.sheet.styles.push({ address: t.sheet.address(t.rect), property, value });
      if (property === "columnWidth" && typeof value === "number") {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          t.sheet.columnWidths.set(c, value);
        }
      }
      if (property === "rowHeight" && typeof value === "number") {
        for (let r = t.rect.top; r <= t.rect.bottom; r++) {
          t.sheet.rowHeights.set(r, value);
        }
      }
    });
  }

  get format(): RangeFormat {
    return new RangeFormat(this);
  }

  get dataValidation(): DataValidation {
    return new DataValidation(this.ctx, this);
  }

  /** The range's target for sibling proxies of this module. */
  targetNow(): RangeTarget {
    return this.t();
  }
}

/**
 * Format proxies are frozen: setting a member the fake does not model throws (TypeError in
 * strict code) instead of passing silently, as Excel would reject a member it does not have.
 */
export class RangeFormat {
  constructor(private readonly range: Range) {
    Object.freeze(this);
  }
  set columnWidth(v: number) {
    this.range.style("columnWidth", v, 2);
  }
  set rowHeight(v: number) {
    this.range.style("rowHeight", v, 2);
  }
  set wrapText(v: boolean) {
    this.range.style("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.range.style("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.range.style("verticalAlignment", v);
  }
  autofitRows(): void {
    this.range.style("autofitRows", true, 2);
  }
  get font(): {
    bold: boolean;
    italic: boolean;
    size: number;
    color: string;
    name: string;
    underline: string;
  } {
    const range = this.range;
    return Object.freeze({
      set name(v: string) {
        range.style("font.name", v);
      },
      set underline(v: string) {
        range.style("font.underline", v);
      },
      set bold(v: boolean) {
        range.style("font.bold", v);
      },
      set italic(v: boolean) {
        range.style("font.italic", v);
      },
      set size(v: number) {
        range.style("font.size", v);
      },
      set color(v: string) {
        range.style("font.color", v);
      },
    }) as {
      bold: boolean;
      italic: boolean;
      size: number;
      color: string;
      name: string;
      underline: string;
    };
  }
  get fill(): { color: string } {
    const range = this.range;
    return Object.freeze({
      set color(v: string) {
        range.style("fill.color", v);
      },
    }) as { color: string };
  }
  get borders(): { getItem(index: string): { style: string; color: string } } {
    const range = this.range;
    return {
      getItem(index: string) {
        return Object.freeze({
          set style(v: string) {
            range.style(`borders.${index}.style`, v);
          },
          set color(v: string) {
            range.style(`borders.${index}.color`, v);
          },
        }) as { style: string; color: string };
      },
    };
  }
}

export class DataValidation {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: Range
  ) {}
  private record(field: "rule" | "errorAlert" | "prompt", value: unknown): void {
    this.ctx.enqueue({
      wire: { o: this.range._id, m: `dataValidation.${field}`, a: [value] },
      since: 8,
      run: () => {
        const t = this.range.targetNow();
        const address = t.sheet.address(t.rect);
        let v = t.sheet.validations.find((x) => x.address === address);
        if (!v) {
          v = { address, rule: null, errorAlert: null, prompt: null };
          t.sheet.validations.push(v);
        }
        v[field] = value;
      },
    });
  }
  set rule(v: unknown) {
    this.record("rule", v);
  }
  set errorAlert(v: unknown) {
    this.record("errorAlert", v);
  }
  set prompt(v: unknown) {
    this.record("prompt", v);
  }
}

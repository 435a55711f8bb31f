/**
 * One sheet of the fake workbook: cells (value, formula, number format) with the rules Excel
 * applies when a script writes them, shifting cells as rows and columns are inserted or
 * deleted, and what the adapter records (styles, validation, widths, page layout).
 */
import { FakeExcelError } from "./errors";
import { formatAddress, MAX_COLUMNS, parseAddress, type Rect } from "./address";

export type CellValue = string | number | boolean;

export const GENERAL = "General";

/** Excel's message-less value of a formula the fake does not compute. */
export const FORMULA_RESULT = "#NAME?";

export interface TableModel {
  name: string;
  sheet: SheetModel;
  /**
   * Header row at `top`; body rows `top + 1 … bottom` (`bottom - 1` with a totals row, which is
   * then the table's last row `bottom`).
   */
  top: number;
  left: number;
  bottom: number;
  right: number;
  style: string;
  /** «Строка итогов» shown (`showTotals`). */
  totals?: boolean;
}

/** The last body row of a table (above its totals row, if shown). */
export function bodyBottom(t: TableModel): number {
  return t.bottom - (t.totals === true ? 1 : 0);
}

/** Style records that do not make a cell "used" (sizes of whole rows and columns). */
const SIZE_PROPERTIES = new Set(["columnWidth", "rowHeight", "autofitRows"]);

export interface StyleRecord {
  readonly address: string;
  readonly property: string;
  readonly value: unknown;
}

export interface ValidationRecord {
  readonly address: string;
  rule: unknown;
  errorAlert: unknown;
  prompt: unknown;
}

const DAY_MS = 86_400_000;

/** The date and time of a serial in a date system: [y, m, d, hh, mm], or null before its day 0. */
export function serialParts(serial: number, date1904: boolean): number[] | null {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  if (!Number.isFinite(serial) || serial < 0) {
    return null;
  }
  const d = new Date(epoch + Math.round(serial * 1440) * 60_000);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
}

/** DATE(y; m; d) in a date system; null where Excel gives #NUM! (before the system's day 0). */
export function dateSerial(y: number, m: number, d: number, date1904: boolean): number | null {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const days = Math.round((Date.UTC(y, m - 1, d) - epoch) / DAY_MS);
  return days < (date1904 ? 0 : 1) ? null : days;
}

/**
 * What Excel displays for a value under a number format: a number under a date format
 * («dd.mm.yyyy», «dd.mm.yyyy hh:mm», «m/d/yyyy») as that date in the workbook's system, any other
 * value as its text. (Columns too narrow for a date, «####», are not modelled.)
 */
export function displayText(value: CellValue | "", format: string, date1904: boolean): string {
  if (typeof value !== "number" || !/y/i.test(format)) {
    return typeof value === "boolean" ? (value ? "ИСТИНА" : "ЛОЖЬ") : String(value);
  }
  const parts = serialParts(value, date1904);
  if (parts === null) {
    return "#".repeat(10);
  }
  const [y, m, d, hh, mi] = parts.map((n) => String(n));
  const two = (t: string | undefined): string => (t ?? "").padStart(2, "0");
  let out = format.toLowerCase();
  const hasTime = out.includes("hh");
  out = out.replace("yyyy", y ?? "").replace("dd", two(d));
  if (hasTime) {
    out = out.replace("hh", two(hh));
    const minutes = out.lastIndexOf("mm");
    out = out.slice(0, minutes) + two(mi) + out.slice(minutes + 2);
  }
  return out
    .replace("mm", two(m))
    .replace(/\bm\b/, m ?? "")
    .replace(/\bd\b/, d ?? "");
}

export class SheetModel {
  readonly values = new Map<number, CellValue>();
  readonly formulas = new Map<number, string>();
  readonly formats = new Map<number, string>();
  readonly tables: TableModel[] = [];
  readonly styles: StyleRecord[] = [];
  readonly validations: ValidationRecord[] = [];
  readonly merges: string[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly pageLayout: Record<string, unknown> = {};
  frozenRows = 0;
  /** `Worksheet.showGridlines` (ExcelApi 1.8); Excel shows them by default. */
  showGridlines = true;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";

  constructor(public name: string) {}

  static key(row: number, col: number): number {
    return row * MAX_COLUMNS + col;
  }

  value(row: number, col: number): CellValue | "" {
    const k = SheetModel.key(row, col);
    return this.formulas.has(k) ? FORMULA_RESULT : (this.values.get(k) ?? "");
  }

  formula(row: number, col: number): CellValue | "" {
    const k = SheetModel.key(row, col);
    return this.formulas.get(k) ?? this.values.get(k) ?? "";
  }

  format(row: number, col: number): string {
    return this.formats.get(SheetModel.key(row, col)) ?? GENERAL;
  }

  /**
   * Writes what a script puts into `range.values` (or `formulas`): null leaves the cell as it
   * is, "" clears it. Under the text format "@" a string is kept as typed. Otherwise a string
   * that begins with "=" (or "+", "-", "@" and is not a number) becomes a formula, and a string
   * that reads as a number becomes that number — Excel's behaviour for the "General" format.
   */
  write(row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) {
      return;
    }
    const k = SheetModel.key(row, col);
    this.formulas.delete(k);
    if (input === "") {
      this.values.delete(k);
      return;
    }
    if (typeof input === "number" || typeof input === "boolean") {
      if (typeof input === "number" && !Number.isFinite(input)) {
        throw new FakeExcelError("InvalidArgument", `Недопустимое число: ${input}`);
      }
      this.values.set(k, input);
      return;
    }
    if (typeof input !== "string") {
      throw new FakeExcelError("InvalidArgument", `Недопустимое значение ячейки: ${String(input)}`);
    }
    if (this.format(row, col) === "@") {
      this.values.set(k, input);
      return;
    }
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(input.trim())) {
      this.values.set(k, Number(input.trim()));
      return;
    }
    if (input.length > 1 && /^[=+\-@]/.test(input)) {
      this.values.delete(k);
      this.formulas.set(k, input.startsWith("=") ? input : `=${input}`);
      return;
    }
    this.values.set(k, input);
  }

  setFormat(row: number, col: number, format: unknown): void {
    if (format === null || format === undefined) {
      return;
    }
    if (typeof format !== "string") {
      throw new FakeExcelError(
        "InvalidArgument",
        `Недопустимый числовой формат: ${String(format)}`
      );
    }
    const k = SheetModel.key(row, col);
    // "" resets the number format to General, as in Excel.
    if (format === GENERAL || format === "") {
      this.formats.delete(k);
    } else {
      this.formats.set(k, format);
    }
  }

  clear(rect: Rect): void {
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const k = SheetModel.key(r, c);
        this.values.delete(k);
        this.formulas.delete(k);
        this.formats.delete(k);
      }
    }
  }

  /**
   * The used range as Excel computes it: every cell holding a value or a formula and, unless
   * `valuesOnly` (ExcelApi 1.2's `getUsedRange(true)`), every cell with formatting too — a
   * number format, a recorded style (fill, font, borders, alignment; not column widths or row
   * heights), list validation, a merge, an Excel table's range (its style formats every cell).
   * Null for a sheet with nothing of that.
   */
  usedRect(valuesOnly = true): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const seeRect = (r: Rect): void => {
      top = Math.min(top, r.top);
      left = Math.min(left, r.left);
      bottom = Math.max(bottom, r.bottom);
      right = Math.max(right, r.right);
    };
    const see = (k: number): void => {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      seeRect({ top: r, left: c, bottom: r, right: c });
    };
    this.values.forEach((_v, k) => see(k));
    this.formulas.forEach((_v, k) => see(k));
    if (!valuesOnly) {
      this.formats.forEach((_v, k) => see(k));
      const seeAddress = (address: string): void => {
        try {
          seeRect(parseAddress(address));
        } catch {
          // Whole rows or columns: not a cell of the used range.
        }
      };
      for (const st of this.styles) {
        if (!SIZE_PROPERTIES.has(st.property)) {
          seeAddress(st.address);
        }
      }
      this.validations.forEach((v) => seeAddress(v.address));
      this.merges.forEach(seeAddress);
      for (const t of this.tables) {
        seeRect(t);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Moves the cells of columns left…right from row `from` down by `n` rows (rows inserted). */
  shiftDown(from: number, left: number, right: number, n: number): void {
    for (const map of [this.values, this.formulas, this.formats] as Map<number, unknown>[]) {
      const moved: [number, unknown][] = [];
      for (const [k, v] of map) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r >= from && c >= left && c <= right) {
          moved.push([k, v]);
        }
      }
      for (const [k] of moved) {
        map.delete(k);
      }
      for (const [k, v] of moved) {
        map.set(k + n * MAX_COLUMNS, v);
      }
    }
    for (const t of this.tables) {
      if (t.top >= from && t.left <= right && t.right >= left) {
        t.top += n;
        t.bottom += n;
      }
    }
  }

  /**
   * Moves the cells of rows top…bottom from column `from` rightwards by `n` columns (cells
   * inserted, shifted right — what Excel does to the rows of a table that gets a column).
   */
  shiftRight(from: number, top: number, bottom: number, n: number): void {
    for (const map of [this.values, this.formulas, this.formats] as Map<number, unknown>[]) {
      const moved: [number, unknown][] = [];
      for (const [k, v] of map) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r >= top && r <= bottom && c >= from) {
          if (c + n >= MAX_COLUMNS) {
            throw new FakeExcelError("InvalidOperation", "Сдвиг выводит ячейки за край листа");
          }
          moved.push([k, v]);
        }
      }
      for (const [k] of moved) {
        map.delete(k);
      }
      for (const [k, v] of moved) {
        map.set(k + n, v);
      }
    }
  }

  /** Moves the cells of columns left…right below row `from` up by one (row `from` removed). */
  shiftUp(from: number, left: number, right: number, count = 1): void {
    this.clear({ top: from, bottom: from + count - 1, left, right });
    for (const map of [this.values, this.formulas, this.formats] as Map<number, unknown>[]) {
      const moved: [number, unknown][] = [];
      for (const [k, v] of map) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r >= from + count && c >= left && c <= right) {
          moved.push([k, v]);
        }
      }
      for (const [k] of moved) {
        map.delete(k);
      }
      for (const [k, v] of moved) {
        map.set(k - count * MAX_COLUMNS, v);
      }
    }
    for (const t of this.tables) {
      if (t.top > from && t.left <= right && t.right >= left) {
        t.top -= count;
        t.bottom -= count;
      }
    }
  }

  address(rect: Rect): string {
    return formatAddress(this.name, rect);
  }
}

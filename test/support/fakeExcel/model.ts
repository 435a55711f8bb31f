/**
 * The workbook the fake Excel keeps: sheets of cells (value, formula, number format), tables
 * (ListObjects) with their ranges, and the page layout, validation, widths and styles the
 * adapter writes. Pure data with the rules Excel applies when cells are written.
 */
import { FakeExcelError } from "./errors";
import { formatAddress, MAX_COLUMNS, type Rect } from "./address";

export type CellValue = string | number | boolean;

export const GENERAL = "General";

/** Excel's message-less value of a formula the fake does not compute. */
export const FORMULA_RESULT = "#NAME?";

export interface TableModel {
  name: string;
  sheet: SheetModel;
  /** Header row at `top`; body rows `top + 1 … bottom`. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  style: string;
}

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

  /** Every cell holding a value or a formula (formats alone do not count, like `valuesOnly`). */
  usedRect(): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const see = (k: number): void => {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    this.values.forEach((_v, k) => see(k));
    this.formulas.forEach((_v, k) => see(k));
    for (const t of this.tables) {
      see(SheetModel.key(t.top, t.left));
      see(SheetModel.key(t.bottom, t.right));
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
  shiftUp(from: number, left: number, right: number): void {
    this.clear({ top: from, bottom: from, left, right });
    for (const map of [this.values, this.formulas, this.formats] as Map<number, unknown>[]) {
      const moved: [number, unknown][] = [];
      for (const [k, v] of map) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r > from && c >= left && c <= right) {
          moved.push([k, v]);
        }
      }
      for (const [k] of moved) {
        map.delete(k);
      }
      for (const [k, v] of moved) {
        map.set(k - MAX_COLUMNS, v);
      }
    }
    for (const t of this.tables) {
      if (t.top > from && t.left <= right && t.right >= left) {
        t.top -= 1;
        t.bottom -= 1;
      }
    }
  }

  address(rect: Rect): string {
    return formatAddress(this.name, rect);
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;

  findSheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  tables(): TableModel[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  findTable(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables().find((t) => t.name.toLowerCase() === key);
  }

  addSheet(name: string): SheetModel {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
      throw new FakeExcelError("InvalidArgument", `Недопустимое имя листа: «${name}»`);
    }
    if (this.findSheet(name)) {
      throw new FakeExcelError("ItemAlreadyExists", `Лист «${name}» уже существует`);
    }
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    if (!this.activeSheet) {
      this.activeSheet = sheet;
    }
    return sheet;
  }

  /** Creates a table over a range whose first row is the header; one empty body row at least. */
  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    const top = rect.top;
    let bottom = rect.bottom;
    if (!hasHeaders) {
      sheet.shiftDown(top, rect.left, rect.right, 1);
      bottom += 1;
      for (let c = rect.left; c <= rect.right; c++) {
        sheet.write(top, c, `Столбец${c - rect.left + 1}`);
      }
    }
    for (const t of this.tables()) {
      const overlaps =
        t.sheet === sheet &&
        t.top <= bottom &&
        t.bottom >= top &&
        t.left <= rect.right &&
        t.right >= rect.left;
      if (overlaps) {
        throw new FakeExcelError("InvalidOperation", "Таблицы не могут перекрываться");
      }
    }
    if (bottom === top) {
      bottom = top + 1;
    }
    // Header cells become unique non-empty texts, as Excel makes them.
    const seen = new Set<string>();
    for (let c = rect.left; c <= rect.right; c++) {
      let name = String(sheet.value(top, c) ?? "").trim();
      if (name === "") {
        name = `Столбец${c - rect.left + 1}`;
      }
      let unique = name;
      for (let i = 2; seen.has(unique.toLowerCase()); i++) {
        unique = `${name}${i}`;
      }
      seen.add(unique.toLowerCase());
      if (unique !== sheet.value(top, c)) {
        sheet.formulas.delete(SheetModel.key(top, c));
        sheet.values.set(SheetModel.key(top, c), unique);
      }
    }
    let n = this.tables().length + 1;
    while (this.findTable(`Таблица${n}`)) {
      n++;
    }
    const table: TableModel = {
      name: `Таблица${n}`,
      sheet,
      top,
      left: rect.left,
      bottom,
      right: rect.right,
      style: "TableStyleMedium2",
    };
    sheet.tables.push(table);
    return table;
  }

  renameTable(table: TableModel, name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new FakeExcelError("InvalidArgument", `Недопустимое имя таблицы: «${name}»`);
    }
    const other = this.findTable(name);
    if (other && other !== table) {
      throw new FakeExcelError("ItemAlreadyExists", `Таблица «${name}» уже существует`);
    }
    table.name = name;
  }

  /**
   * Adds columns to a table before the table column `index` (null: at its right end), as
   * Excel's `table.columns.add`: the cells of the table's rows from there rightwards shift
   * right (another table in those rows makes it fail, as in Excel); the headers are made unique
   * («Столбец5» when none is given); `values` (header row and body, one column) are written.
   */
  addTableColumn(
    table: TableModel,
    index: number | null,
    values: readonly (readonly unknown[])[] | null,
    name: string | null
  ): number {
    const width = table.right - table.left + 1;
    const at = index === null || index === -1 ? width : index;
    if (at < 0 || at > width) {
      throw new FakeExcelError("InvalidArgument", `Индекс столбца таблицы вне диапазона: ${at}`);
    }
    const height = table.bottom - table.top + 1;
    if (values !== null) {
      const ok =
        Array.isArray(values) &&
        values.length === height &&
        values.every((r) => Array.isArray(r) && r.length === 1);
      if (!ok) {
        throw new FakeExcelError(
          "InvalidArgument",
          `Массив значений столбца должен иметь ${height}×1 (заголовок и строки таблицы)`
        );
      }
    }
    const sheet = table.sheet;
    const col = table.left + at;
    for (const other of sheet.tables) {
      if (
        other !== table &&
        other.right >= col &&
        other.top <= table.bottom &&
        other.bottom >= table.top
      ) {
        throw new FakeExcelError(
          "InvalidOperation",
          "Операция сдвигает ячейки другой таблицы листа: так нельзя"
        );
      }
    }
    sheet.shiftRight(col, table.top, table.bottom, 1);
    table.right += 1;
    const taken = new Set<string>();
    for (let c = table.left; c <= table.right; c++) {
      if (c !== col) {
        taken.add(String(sheet.value(table.top, c)).toLowerCase());
      }
    }
    const wanted = (name ?? (values?.[0]?.[0] as string | undefined) ?? "").toString().trim();
    let header = wanted === "" ? `Столбец${at + 1}` : wanted;
    for (let i = 2; taken.has(header.toLowerCase()); i++) {
      header = `${wanted === "" ? "Столбец" : wanted}${i}`;
    }
    values?.forEach((row, i) => {
      if (i > 0) {
        sheet.write(table.top + i, col, row[0]);
      }
    });
    sheet.formulas.delete(SheetModel.key(table.top, col));
    sheet.values.set(SheetModel.key(table.top, col), header);
    return col;
  }

  /** Deletes a table row (body index); the cells below within the table's columns move up. */
  deleteTableRow(table: TableModel, index: number): void {
    const bodyRows = table.bottom - table.top;
    if (index < 0 || index >= bodyRows) {
      throw new FakeExcelError("InvalidArgument", `Строки таблицы с номером ${index} нет`);
    }
    const row = table.top + 1 + index;
    if (bodyRows === 1) {
      // A table keeps one (empty) body row.
      table.sheet.clear({ top: row, bottom: row, left: table.left, right: table.right });
      return;
    }
    table.sheet.shiftUp(row, table.left, table.right);
    table.bottom -= 1;
  }

  /**
   * Adds rows to a table at a body index (null: at the end), shifting the cells below the
   * table within its columns down; new rows take the number formats of the row above.
   */
  addTableRows(table: TableModel, index: number | null, rows: readonly unknown[][]): number {
    const width = table.right - table.left + 1;
    const bodyRows = table.bottom - table.top;
    const at = index === null ? bodyRows : index;
    if (at < 0 || at > bodyRows) {
      throw new FakeExcelError("InvalidArgument", `Индекс строки таблицы вне диапазона: ${at}`);
    }
    for (const row of rows) {
      if (!Array.isArray(row) || row.length !== width) {
        throw new FakeExcelError(
          "InvalidArgument",
          `Число столбцов в строке (${Array.isArray(row) ? row.length : "?"}) не равно числу столбцов таблицы (${width})`
        );
      }
    }
    const n = rows.length;
    const firstNew = table.top + 1 + at;
    const sheet = table.sheet;
    sheet.shiftDown(firstNew, table.left, table.right, n);
    // shiftDown moved this table too when its top was at/below `firstNew` (never: top < firstNew).
    table.bottom += n;
    const formatRow = firstNew - 1;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < width; c++) {
        const col = table.left + c;
        if (formatRow > table.top) {
          sheet.setFormat(firstNew + i, col, sheet.format(formatRow, col));
        }
        sheet.write(firstNew + i, col, (rows[i] as unknown[])[c]);
      }
    }
    return firstNew;
  }
}

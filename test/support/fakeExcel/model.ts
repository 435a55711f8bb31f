/**
 * The workbook the fake Excel keeps: sheets of cells (value, formula, number format), tables
 * (ListObjects) with their ranges, and the page layout, validation, widths and styles the
 * adapter writes. Pure data with the rules Excel applies when cells are written.
 */
import { FakeExcelError } from "./errors";
import type { Rect } from "./address";
import { bodyBottom, SheetModel, type TableModel } from "./sheetModel";

export {
  bodyBottom,
  dateSerial,
  displayText,
  FORMULA_RESULT,
  GENERAL,
  SheetModel,
  type CellValue,
  type StyleRecord,
  type TableModel,
  type ValidationRecord,
} from "./sheetModel";

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  /**
   * The workbook's date system: serials count days from 1904-01-01 (true; Excel for Mac 2008
   * and earlier) instead of 1899-12-30. The fake stores what scripts write; it shows in the
   * text of date cells and in what DATE() evaluates to.
   */
  date1904 = false;
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
    // Another table in these rows shifts whole; one reaching above or below them cannot.
    const moved: TableModel[] = [];
    for (const other of sheet.tables) {
      if (
        other !== table &&
        other.right >= col &&
        other.top <= table.bottom &&
        other.bottom >= table.top
      ) {
        if (other.top < table.top || other.bottom > table.bottom) {
          throw new FakeExcelError(
            "InvalidOperation",
            "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet."
          );
        }
        moved.push(other);
      }
    }
    sheet.shiftRight(col, table.top, table.bottom, 1);
    for (const other of moved) {
      other.left += 1;
      other.right += 1;
    }
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
  /** Removes `count` body rows from `index` with one shift (a table row range deleted «Up»). */
  deleteTableRows(table: TableModel, index: number, count: number): void {
    const bodyRows = bodyBottom(table) - table.top;
    if (index < 0 || count < 1 || index + count > bodyRows) {
      throw new FakeExcelError(
        "InvalidArgument",
        `Строк таблицы ${index}–${index + count - 1} нет (в таблице ${bodyRows})`
      );
    }
    const row = table.top + 1 + index;
    // A table keeps one (empty) body row.
    const keep = count === bodyRows ? 1 : 0;
    if (count - keep > 0) {
      table.sheet.shiftUp(row + keep, table.left, table.right, count - keep);
      table.bottom -= count - keep;
    }
    if (keep === 1) {
      table.sheet.clear({ top: row, bottom: row, left: table.left, right: table.right });
    }
  }

  deleteTableRow(table: TableModel, index: number): void {
    const bodyRows = bodyBottom(table) - table.top;
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
   * The calculated columns of a table, as Excel keeps them: a column whose body cells all hold
   * the same formula (structured references such as `[@Срок]` read the same in every row).
   * Column offset → formula.
   */
  calculatedColumns(table: TableModel): Map<number, string> {
    const out = new Map<number, string>();
    const last = bodyBottom(table);
    if (last <= table.top) {
      return out;
    }
    for (let c = table.left; c <= table.right; c++) {
      const first = table.sheet.formulas.get(SheetModel.key(table.top + 1, c));
      let same = first !== undefined;
      for (let r = table.top + 2; same && r <= last; r++) {
        same = table.sheet.formulas.get(SheetModel.key(r, c)) === first;
      }
      if (same && first !== undefined) {
        out.set(c - table.left, first);
      }
    }
    return out;
  }

  /**
   * Adds rows to a table at a body index (null: at the end, above a totals row), shifting the
   * cells below the table within its columns down; new rows take the number formats of the
   * row above, and a calculated column's formula, as in Excel. A value given for a cell
   * (`""` included) then replaces what is there — over a calculated column it clobbers the
   * user's formula in that row; `null` leaves the cell.
   */
  addTableRows(table: TableModel, index: number | null, rows: readonly unknown[][]): number {
    const width = table.right - table.left + 1;
    const bodyRows = bodyBottom(table) - table.top;
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
    const calculated = this.calculatedColumns(table);
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
        const formula = calculated.get(c);
        if (formula !== undefined) {
          sheet.formulas.set(SheetModel.key(firstNew + i, col), formula);
        }
        sheet.write(firstNew + i, col, (rows[i] as unknown[])[c]);
      }
    }
    return firstNew;
  }

  /**
   * Shows or removes a table's totals row («Строка итогов»), as `table.showTotals` does: shown,
   * it takes the row under the body (the cells below within the table's columns move down) with
   * «Итог» in the first column and a SUBTOTAL formula in the last; removed, that row goes.
   */
  setTotals(table: TableModel, show: boolean): void {
    if ((table.totals === true) === show) {
      return;
    }
    const sheet = table.sheet;
    if (show) {
      const row = table.bottom + 1;
      sheet.shiftDown(row, table.left, table.right, 1);
      table.bottom += 1;
      table.totals = true;
      sheet.write(row, table.left, "Итог");
      if (table.right > table.left) {
        const header = String(sheet.value(table.top, table.right));
        sheet.formulas.set(SheetModel.key(row, table.right), `=SUBTOTAL(103,[${header}])`);
      }
      return;
    }
    sheet.shiftUp(table.bottom, table.left, table.right);
    table.bottom -= 1;
    table.totals = false;
  }
}

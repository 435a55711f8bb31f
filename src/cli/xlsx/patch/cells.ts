/**
 * Reading and setting single cells of a sheet's table by row and header: what «Настройки»
 * (Параметр / Значение) needs.
 */
import { matchKey } from "../../../core/text";
import { PatchError, type WorkbookEditor } from "./book";
import { appendRows, columnIndex, requireSheet, type PatchRow } from "./appendRows";
import { expectedOf } from "./changes";
import type { SheetValue } from "./sheet";
import type { PatchValue } from "./values";

export interface ColumnCell {
  readonly row: number;
  readonly value: SheetValue;
  /** Whether the cell's format shows a date. */
  readonly dateFormat: boolean;
}

/** The cells of one table column, data rows only, top to bottom. */
export function readColumn(book: WorkbookEditor, sheetName: string, header: string): ColumnCell[] {
  const ref = requireSheet(book, sheetName);
  const sheet = book.sheet(ref);
  const table = book.mainTable(ref);
  const col = columnIndex(table).get(matchKey(header))?.col;
  if (col === undefined) {
    throw new PatchError(`в таблице листа «${ref.name}» нет столбца «${header}»`);
  }
  const { top, bottom } = table.range;
  const styles = book.styles();
  const out: ColumnCell[] = [];
  for (const row of sheet.rows()) {
    if (row.num <= top || row.num > bottom || row.selfClosing) {
      continue;
    }
    const cell = sheet.cells(row).find((c) => c.col === col);
    out.push({
      row: row.num,
      value: cell ? sheet.value(cell, book.strings()) : null,
      dateFormat: styles.isDate(cell?.style ?? sheet.columnStyle(col) ?? 0),
    });
  }
  return out;
}

/** Sets one cell of a table's data row, keeping its format (a date gets a date format). */
export function setCell(
  book: WorkbookEditor,
  sheetName: string,
  row: number,
  header: string,
  value: PatchValue
): void {
  const ref = requireSheet(book, sheetName);
  const sheet = book.sheet(ref);
  const table = book.mainTable(ref);
  const found = columnIndex(table).get(matchKey(header));
  const { top, bottom } = table.range;
  if (!found || row <= top || row > bottom) {
    throw new PatchError(`на листе «${ref.name}» нет ячейки «${header}» в строке ${row} таблицы`);
  }
  const style = sheet.cell(row, found.col)?.style ?? sheet.columnStyle(found.col);
  const xml = book.writer(sheet).cell(row, found.col, value, style);
  sheet.setCells(row, new Map([[found.col, xml]]));
  book.changes.add({
    kind: "cell",
    sheet: ref.name,
    row,
    header: found.info.name,
    value: expectedOf(value, book.date1904),
  });
}

/**
 * Sets parameters of a «Параметр» / «Значение» table: an existing parameter's value is
 * replaced (only when `overwrite` says so), a missing one is appended as a new row.
 */
export function setParameters(
  book: WorkbookEditor,
  sheetName: string,
  values: readonly (readonly [string, PatchValue])[],
  overwrite: (param: string) => boolean = () => true
): void {
  const params = readColumn(book, sheetName, "Параметр");
  const rowOf = new Map<string, number>();
  for (const p of params) {
    const key = matchKey(typeof p.value === "string" ? p.value : String(p.value ?? ""));
    if (key !== "" && !rowOf.has(key)) {
      rowOf.set(key, p.row);
    }
  }
  const append: PatchRow[] = [];
  for (const [param, value] of values) {
    const row = rowOf.get(matchKey(param));
    if (row === undefined) {
      append.push({ Параметр: param, Значение: value });
    } else if (overwrite(param)) {
      setCell(book, sheetName, row, "Значение", value);
    }
  }
  appendRows(book, sheetName, append);
}

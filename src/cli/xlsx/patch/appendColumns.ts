/**
 * Appending columns at the right end of a sheet's Excel table: the header cell (formatted like
 * the header to its left), a table column with a new id, the column's width and format, and
 * its drop-down list. Cells to the right of the table must be empty: nothing is moved.
 */
import { matchKey } from "../../../core/text";
import { PatchError, type WorkbookEditor } from "./book";
import { requireFree, requireSheet } from "./appendRows";
import { cellRef } from "./refs";
import { DATE_FORMAT } from "./styles";
import { addListValidation } from "./validations";

export interface NewColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width?: number;
  /** The format of the column's cells: text («@»), date (ДД.ММ.ГГГГ) or general. */
  readonly kind?: "text" | "date" | "number";
  /** A drop-down list for the column's cells. */
  readonly list?: { readonly values: readonly string[]; readonly strict: boolean };
  /** A hint shown with the drop-down list. */
  readonly hint?: string;
}

/** Rows below the data that get the new column's list too, for typing by hand. */
const SPARE_ROWS = 500;

/** Appends columns to the table of `sheetName`; returns the sheet columns they took. */
export function appendColumns(
  book: WorkbookEditor,
  sheetName: string,
  columns: readonly NewColumn[]
): number[] {
  if (columns.length === 0) {
    return [];
  }
  const ref = requireSheet(book, sheetName);
  const sheet = book.sheet(ref);
  const table = book.mainTable(ref);
  const range = table.range;
  const names = new Set(table.columns().map((c) => matchKey(c.name)));
  for (const c of columns) {
    if (names.has(matchKey(c.header))) {
      throw new PatchError(`в таблице листа «${ref.name}» уже есть столбец «${c.header}»`);
    }
    names.add(matchKey(c.header));
  }
  const first = range.right + 1;
  const newRight = range.right + columns.length;
  const area = { top: range.top, bottom: range.bottom, left: first, right: newRight };
  const taken = sheet.firstValueIn(area);
  if (taken) {
    throw new PatchError(
      `на листе «${ref.name}» справа от таблицы в ячейке ${cellRef(taken.row, taken.col)} есть данные; ВШУ не сдвигает ячейки: перенесите их (или включите этот столбец в таблицу) и повторите`
    );
  }
  requireFree(book, ref, sheet, table, area, `справа от таблицы`);

  const styles = book.styles();
  const writer = book.writer(sheet);
  const headerStyle = sheet.cell(range.top, range.right)?.style ?? sheet.columnStyle(range.right);
  const header = new Map<number, string>();
  columns.forEach((c, i) => {
    header.set(first + i, writer.cell(range.top, first + i, c.header, headerStyle));
  });
  sheet.setCells(range.top, header);

  const base = sheet.columnStyle(range.right) ?? 0;
  columns.forEach((c, i) => {
    const col = first + i;
    const style =
      c.kind === "text"
        ? styles.derive(base, { numFmt: "@" })
        : c.kind === "date"
          ? styles.derive(base, { numFmt: DATE_FORMAT })
          : undefined;
    sheet.addCol(col, c.width ?? Math.min(Math.max(c.header.length + 2, 10), 30), style);
    if (c.list) {
      addListValidation(sheet, {
        range: {
          top: range.top + 1,
          bottom: Math.max(range.bottom, range.top + 1) + SPARE_ROWS,
          left: col,
          right: col,
        },
        list: c.list.values,
        strict: c.list.strict,
        ...(c.hint ? { title: c.header, prompt: c.hint } : {}),
      });
    }
  });
  table.addColumns(columns.map((c) => c.header));
  table.setRange({ ...range, right: newRight });
  sheet.growDimension({ ...range, right: newRight });
  book.changes.add({ kind: "columns", sheet: ref.name, headers: columns.map((c) => c.header) });
  return columns.map((_, i) => first + i);
}

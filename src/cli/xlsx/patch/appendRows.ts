/**
 * Appending rows to a sheet's Excel table, as Excel grows a table: new cells take the format
 * of the cell above, a calculated column gets its formula, validations over the last row are
 * extended, and the table's range, its filter and the sheet's dimension follow. Nothing below
 * the table is moved: a value in the way is refused.
 */
import { matchKey } from "../../../core/text";
import { PatchError, type SheetRef, type WorkbookEditor } from "./book";
import type { RowChange } from "./changes";
import { shiftFormulaRows } from "./formula";
import { type Range, cellRef, intersects } from "./refs";
import type { CellInfo, SheetEditor } from "./sheet";
import type { TableColumnInfo, TablePart } from "./table";
import { heightOfLines, wrappedLines } from "./rowHeight";
import { getAttr, setAttr } from "./xml";
import { extensionEdits } from "./validations";
import type { PatchValue } from "./values";

export type PatchRow = Readonly<Record<string, PatchValue>>;

export interface AppendResult {
  /** Sheet rows written, first and last (first > last when nothing was written). */
  readonly first: number;
  readonly last: number;
}

/** The sheet by name, or a PatchError naming it. */
export function requireSheet(book: WorkbookEditor, name: string): SheetRef {
  const ref = book.findSheet(name);
  if (!ref) {
    throw new PatchError(`в книге нет листа «${name}»`);
  }
  return ref;
}

/** Table column positions (sheet column numbers) by header key. */
export function columnIndex(table: TablePart): Map<string, { col: number; info: TableColumnInfo }> {
  const { left } = table.range;
  const map = new Map<string, { col: number; info: TableColumnInfo }>();
  table.columns().forEach((info, i) => {
    const key = matchKey(info.name);
    if (!map.has(key)) {
      map.set(key, { col: left + i, info });
    }
  });
  return map;
}

/** Refuses when another table or a merged range of the sheet overlaps `area`. */
export function requireFree(
  book: WorkbookEditor,
  ref: SheetRef,
  sheet: SheetEditor,
  own: TablePart,
  area: Range,
  where: string
): void {
  for (const t of book.tables(ref)) {
    if (t !== own && intersects(t.range, area)) {
      throw new PatchError(
        `на листе «${ref.name}» ${where} стоит другая таблица («${t.name}»); ВШУ не сдвигает ячейки: перенесите её и повторите`
      );
    }
  }
  for (const m of sheet.mergedRanges()) {
    if (intersects(m, area)) {
      throw new PatchError(
        `на листе «${ref.name}» ${where} есть объединённые ячейки; отмените объединение и повторите`
      );
    }
  }
}

/** Appends `rows` (values by header) to the table of sheet `sheetName`. */
export function appendRows(
  book: WorkbookEditor,
  sheetName: string,
  rows: readonly PatchRow[]
): AppendResult {
  const ref = requireSheet(book, sheetName);
  const table = book.mainTable(ref);
  const range = table.range;
  // Only the table's last row (or its blank first row) and what follows are read.
  const sheet = book.sheetForAppend(
    ref,
    range.bottom <= range.top + 1 ? range.top + 1 : range.bottom
  );
  if (table.totalsRows > 0) {
    throw new PatchError(
      `у таблицы на листе «${ref.name}» включена строка итогов; отключите её («Конструктор таблиц → Строка итогов») и повторите`
    );
  }
  const index = columnIndex(table);
  const byCol = new Map<number, TableColumnInfo>();
  for (const { col, info } of index.values()) {
    byCol.set(col, info);
  }
  const keys = new Map<string, number>();
  for (const row of rows) {
    for (const header of Object.keys(row)) {
      if (keys.has(header)) {
        continue;
      }
      const found = index.get(matchKey(header));
      if (!found) {
        throw new PatchError(`в таблице листа «${ref.name}» нет столбца «${header}»`);
      }
      keys.set(header, found.col);
    }
  }
  const blankFirst =
    range.bottom === range.top ||
    (range.bottom === range.top + 1 &&
      sheet.firstValueIn({ ...range, top: range.top + 1 }) === null);
  const start = blankFirst ? range.top + 1 : range.bottom + 1;
  if (rows.length === 0) {
    return { first: start, last: start - 1 };
  }
  const newBottom = start + rows.length - 1;
  const below: Range = {
    top: Math.max(start, range.bottom + 1),
    bottom: newBottom,
    left: range.left,
    right: range.right,
  };
  if (below.top <= below.bottom) {
    const taken = sheet.firstValueIn(below);
    if (taken) {
      throw new PatchError(
        `на листе «${ref.name}» в строке ${taken.row} сразу под таблицей есть данные (ячейка ${cellRef(taken.row, taken.col)}); ВШУ не сдвигает ячейки: перенесите эти строки ниже или внутрь таблицы и повторите`
      );
    }
    requireFree(
      book,
      ref,
      sheet,
      table,
      below,
      `под таблицей (строки ${below.top}–${below.bottom})`
    );
  }

  // The format of each column's new cells: the cell above (or, filling the blank first row,
  // that row's own cell), else the column's format.
  const styleRow = blankFirst ? range.top + 1 : range.bottom;
  const styleCells = new Map<number, CellInfo>(
    (sheet.row(styleRow)
      ? sheet.cells(sheet.row(styleRow) as NonNullable<ReturnType<SheetEditor["row"]>>)
      : []
    ).map((c) => [c.col, c])
  );
  const styles = new Map<number, number | undefined>();
  for (let c = range.left; c <= range.right; c++) {
    styles.set(c, styleCells.get(c)?.style ?? sheet.columnStyle(c));
  }
  const writer = book.writer(sheet);
  const width = range.right - range.left + 1;
  const colStyles = Array.from({ length: width }, (_, i) => styles.get(range.left + i));
  const formulas = Array.from(
    { length: width },
    (_, i) => byCol.get(range.left + i)?.formula ?? null
  );
  const anyFormula = formulas.some((f) => f !== null);
  // Columns whose cells wrap their text: new rows get a height for their longest text.
  const stylesEditor = book.styles();
  const wrapWidths = colStyles.map((st, i) =>
    st !== undefined && stylesEditor.wraps(st) ? sheet.columnWidth(range.left + i) : null
  );
  const wrapAny = wrapWidths.some((w) => w !== null);
  let wroteFormula = false;
  const changes: RowChange[] = [];
  const xml: string[] = [];
  const values: (PatchValue | undefined)[] = new Array<PatchValue | undefined>(width);
  type ColumnWriter = ReturnType<typeof writer.column>;
  const columnWriters: ColumnWriter[] = colStyles.map((st, k) => writer.column(range.left + k, st));
  for (let i = 0; i < rows.length; i++) {
    const rn = start + i;
    const row = rows[i] ?? {};
    values.fill(undefined);
    for (const header in row) {
      const col = keys.get(header);
      if (col !== undefined) {
        values[col - range.left] = row[header];
      }
    }
    const written: string[] | null = anyFormula ? [] : null;
    let cells = "";
    for (let k = 0; k < width; k++) {
      const v = values[k];
      const formula = formulas[k];
      if (formula && (v === undefined || v === null)) {
        const shifted = shiftFormulaRows(formula, rn - (range.top + 1));
        cells += writer.formula(rn, range.left + k, shifted, colStyles[k]);
        written?.push(byCol.get(range.left + k)?.name ?? "");
        wroteFormula = true;
        continue;
      }
      cells += (columnWriters[k] as ColumnWriter)(rn, v);
    }
    let lines = 1;
    if (wrapAny) {
      for (let k = 0; k < width; k++) {
        const v = values[k];
        const w = wrapWidths[k];
        if (typeof v === "string" && w !== null && w !== undefined) {
          lines = Math.max(lines, wrappedLines(v, w));
        }
      }
    }
    const height = lines > 1 ? heightOfLines(lines) : undefined;
    xml.push(mergeRow(sheet, rn, cells, range.left, range.right, height));
    changes.push(written ? { row: rn, values: row, formulas: written } : { row: rn, values: row });
  }
  // Every edit of the sheet is computed on its current text and applied in one copy.
  sheet.apply([
    sheet.rowsEdit(start, newBottom, xml.join("")),
    sheet.dimensionEdit({
      top: range.top,
      left: range.left,
      bottom: newBottom,
      right: range.right,
    }),
    ...extensionEdits(sheet, styleRow, newBottom, range.left, range.right),
  ]);
  table.setRange({ ...range, bottom: Math.max(range.bottom, newBottom) });
  if (wroteFormula) {
    book.requestFullCalculation();
  }
  book.changes.add({ kind: "rows", sheet: ref.name, rows: changes });
  return { first: start, last: newBottom };
}

/**
 * Row `rn` with our cells for columns `left`–`right`: a new row, or the existing row (empty
 * within the table's columns) with its cells outside those columns and its attributes kept.
 */
export function mergeRow(
  sheet: SheetEditor,
  rn: number,
  cells: string,
  left: number,
  right: number,
  height?: number
): string {
  const p = sheet.p;
  const existing = sheet.row(rn);
  if (!existing) {
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    return `<${p}row r="${rn}"${ht}>${cells}</${p}row>`;
  }
  const own = existing.selfClosing ? [] : sheet.cells(existing);
  const before = own
    .filter((c) => c.col < left)
    .map((c) => c.xml)
    .join("");
  const after = own
    .filter((c) => c.col > right)
    .map((c) => c.xml)
    .join("");
  let tag = existing.tag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, "").replace(/\s*\/>$/, ">");
  const ht = Number(getAttr(tag, "ht") ?? "0");
  if (height !== undefined && !(getAttr(tag, "customHeight") === "1" && ht >= height)) {
    tag = setAttr(setAttr(tag, "ht", String(height)), "customHeight", "1");
  }
  return `${tag}${before}${cells}${after}</${p}row>`;
}

/**
 * The package editor: changes to an existing register at the XML level, keeping everything
 * else as it was. Commands use it inside `updateRegister` (src/cli/registerUpdate.ts), which
 * records, checks and journals what it does:
 *
 *   await updateRegister(book, {
 *     who: "vshu import",
 *     action: "импорт из CSV",
 *     edit: ({ book, before }) => { appendRows(book, "Учёт", rows); },
 *   });
 */
export { addSheet, type NewSheet, type NewSheetColumn } from "./addSheet";
export { appendColumns, type NewColumn } from "./appendColumns";
export { appendRows, type AppendResult, type PatchRow } from "./appendRows";
export { PatchError, WorkbookEditor, type SheetRef } from "./book";
export { readColumn, setCell, setParameters, type ColumnCell } from "./cells";
export { looksLikeFormula, type PatchValue } from "./values";

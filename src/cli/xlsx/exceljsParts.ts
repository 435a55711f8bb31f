/**
 * The parts of exceljs a command needs, loaded on first use. `import ExcelJS from "exceljs"`
 * loads the whole library (the CSV module, both stream writers, every model: ≈ 280 ms of module
 * loading on this machine), while a command that only reads a register needs the streaming
 * reader and one that writes a document needs the workbook model. Every command a person waits
 * for (`vshu document` ≤ 1 s) starts faster by what it does not load. Types come from the
 * package's own declarations; the modules are exceljs's published files.
 */
import type ExcelJS from "exceljs";

type WorkbookReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;
type WorkbookClass = typeof ExcelJS.Workbook;

let reader: WorkbookReaderClass | undefined;
let workbook: WorkbookClass | undefined;

/** exceljs's streaming workbook reader (`ExcelJS.stream.xlsx.WorkbookReader`). */
export function workbookReaderClass(): WorkbookReaderClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  reader ??= require("exceljs/lib/stream/xlsx/workbook-reader") as WorkbookReaderClass;
  return reader;
}

/** exceljs's workbook model (`ExcelJS.Workbook`), for writing a whole workbook. */
export function workbookClass(): WorkbookClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  workbook ??= require("exceljs/lib/doc/workbook") as WorkbookClass;
  return workbook;
}

/** `ExcelJS.ValueType.Formula` without loading the library (exceljs's `doc/enums`). */
export const FORMULA_VALUE_TYPE = 6;

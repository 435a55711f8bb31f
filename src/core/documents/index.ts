/**
 * The documents of a case (shared/spec/documents.md): the signal card, the four
 * «Представление», the support plan, the draft registration order and «Почему на учёте».
 *
 * Use: `prepareDocument(register, request, deadlines)` finds what the document needs and says
 * what stands in the way; `buildDocument(kind, context, quarter)` gives the content
 * (`DocumentModel`); `documentSheet(model)` gives the print layout of a worksheet, which the
 * command line's workbook writer and the add-in draw; the Word writer reads the model itself.
 */
export { buildDocument } from "./build";
export type { DocumentContext, DocumentDeadline } from "./common";
export {
  closestCodes,
  prepareDocument,
  type DocumentRequest,
  type PreparedDocument,
} from "./request";
export {
  BLANK_DATE,
  DOCUMENT_KINDS,
  DOCUMENT_NAMES,
  documentTexts,
  type DocumentBlock,
  type DocumentKind,
  type DocumentModel,
  type FieldValue,
} from "./model";
export {
  documentSheet,
  DOCUMENT_FONT,
  FONT,
  GRID_COLUMNS,
  GRID_UNIT,
  lineColumns,
  signatureColumns,
  type CellStyle,
  type LayoutArea,
  type PageSetup,
  type SheetLayout,
} from "./layout/sheetLayout";
export { documentSheetName } from "./sheetName";

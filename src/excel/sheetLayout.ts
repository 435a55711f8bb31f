/**
 * How a register sheet is laid out by the add-in, as `vshu init` lays it out
 * (src/core/register/layout.ts): one table per sheet with its header row, each column's number
 * format down to spare rows below the data, widths, list and date validation, a frozen header,
 * A4 landscape — each as far as the host allows. Queued only: the caller syncs.
 */
import { columnLayout, type ColumnLayout } from "../core/register/layout";
import { blockAddress, columnLetters, quoteSheet } from "./address";
import type { HostCapabilities, LayoutKey } from "./gateway";
import { columnsOf, tableNameOf } from "./tables";
import { DATE_FORMAT, GENERAL_FORMAT, TEXT_FORMAT } from "./textSafe";

/** Rows below the data that get formats and validation for typing by hand (as `vshu init`). */
export const SPARE_ROWS = 500;

/** Excel column width in points for a width in characters (7 px a character + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}

export type Value = string | number;

/** The number format of a column of this kind. */
export function formatOf(l: ColumnLayout): string {
  return l.kind === "date" ? DATE_FORMAT : l.kind === "text" ? TEXT_FORMAT : GENERAL_FORMAT;
}

/**
 * Queues one column's layout on rows `top`…`bottom` (0-based, the body and spare rows): its
 * number format, its width, its list or date validation and hint.
 */
export function queueColumn(
  ws: Excel.Worksheet,
  l: ColumnLayout,
  column: number,
  top: number,
  bottom: number,
  caps: HostCapabilities
): void {
  const body = (): Excel.Range =>
    ws.getRange(blockAddress({ top, bottom, left: column, right: column }));
  const format = formatOf(l);
  if (format !== GENERAL_FORMAT && bottom >= top) {
    body().numberFormat = Array.from({ length: bottom - top + 1 }, () => [format]);
  }
  if (caps.formatting) {
    ws.getRange(`${columnLetters(column)}${top}`).format.columnWidth = widthPoints(l.width);
  }
  if (!caps.dataValidation || bottom < top) {
    return;
  }
  const range = body();
  if (l.list) {
    range.dataValidation.rule = { list: { inCellDropDown: true, source: l.list.join(",") } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: l.strictList ? "Stop" : "Warning",
      title: "ВШУ",
      message: `Выберите значение из списка: ${l.list.join(", ")}`,
    };
  } else if (l.kind === "date") {
    range.dataValidation.rule = {
      date: { formula1: "1990-01-01", formula2: "2100-12-31", operator: "Between" },
    };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: "ВШУ",
      message: "Введите дату в виде ДД.ММ.ГГГГ, например 05.09.2026",
    };
  }
  if (l.hint) {
    range.dataValidation.prompt = { showPrompt: true, title: l.header, message: l.hint };
  }
}

/** Queues the layout of one sheet at A1 (the sheet exists or is added in the same batch). */
export function queueSheet(
  ws: Excel.Worksheet,
  sheetName: string,
  key: LayoutKey,
  body: { values: Value[][]; formats: string[][] } | null,
  caps: HostCapabilities
): void {
  const layouts: ColumnLayout[] = columnsOf(key).map(columnLayout);
  const width = layouts.length;
  const dataRows = body ? body.values.length : 0;
  const lastRow = 1 + Math.max(dataRows, 1) + SPARE_ROWS;
  // Formats, widths and validation of each column down to the spare rows, before any value.
  layouts.forEach((l, i) => queueColumn(ws, l, i, 1, lastRow - 1, caps));
  const header = ws.getRange(blockAddress({ top: 0, bottom: 0, left: 0, right: width - 1 }));
  header.numberFormat = [layouts.map(() => TEXT_FORMAT)];
  header.values = [layouts.map((l) => l.header)];
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.verticalAlignment = "Center";
  if (body && dataRows > 0) {
    const data = ws.getRange(blockAddress({ top: 1, bottom: dataRows, left: 0, right: width - 1 }));
    data.numberFormat = body.formats;
    data.values = body.values;
  }
  const table = ws.tables.add(
    `${quoteSheet(sheetName)}!${blockAddress({ top: 0, bottom: dataRows, left: 0, right: width - 1 })}`,
    true
  );
  table.name = tableNameOf(key);
  table.style = "TableStyleMedium2";
  if (caps.formatting) {
    header.format.rowHeight = 32;
  }
  if (caps.freezePanes) {
    ws.freezePanes.freezeRows(1);
  }
  if (caps.pageLayout) {
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintTitleRows("$1:$1");
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Стр. &P из &N";
  }
}

/**
 * A document as a print-ready worksheet (.xlsx, exceljs): draws the core's sheet layout
 * (src/core/documents/layout/sheetLayout.ts) — merged areas, fonts, lines, row heights, column
 * widths, A4 portrait page set-up, no gridlines.
 */
import type ExcelJS from "exceljs";
import { workbookClass } from "../xlsx/exceljsParts";
import { isoParts, type IsoDate } from "../../core/dates/isoDate";
import type { CellStyle, LayoutArea, SheetLayout } from "../../core/documents";
import { columnLetters } from "../xlsx/patch/refs";

const CM_PER_INCH = 2.54;

/**
 * exceljs's column width (characters of the default font, Calibri 11: 7 pixels each) for a width
 * in points: 7.5 pt = 10 px = 1.43 characters.
 */
export function excelColumnWidth(points: number): number {
  return points / 0.75 / 7;
}

const LINE: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function font(style: CellStyle, name: string): Partial<ExcelJS.Font> {
  return {
    name,
    size: style.size,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.underline ? { underline: true } : {}),
  };
}

function drawArea(ws: ExcelJS.Worksheet, a: LayoutArea, fontName: string): void {
  const top = a.row + 1;
  const left = a.col + 1;
  const bottom = a.row + a.rows;
  const right = a.col + a.cols;
  if (a.rows > 1 || a.cols > 1) {
    ws.mergeCells(top, left, bottom, right);
  }
  const first = ws.getCell(top, left);
  if (a.text !== "") {
    // A string is always stored as text: «=», «+», «-», «@» never start a formula here.
    first.value = a.text;
  }
  first.font = font(a.style, fontName);
  first.alignment = {
    horizontal: a.style.horizontal,
    vertical: a.style.vertical === "center" ? "middle" : a.style.vertical,
    wrapText: a.style.wrap,
  };
  const edges = a.style.border;
  if (!edges) {
    return;
  }
  // Excel and LibreOffice draw a merged range's lines from each of its cells.
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const border: Partial<ExcelJS.Borders> = {};
      if (edges.top && r === top) {
        border.top = LINE;
      }
      if (edges.bottom && r === bottom) {
        border.bottom = LINE;
      }
      if (edges.left && c === left) {
        border.left = LINE;
      }
      if (edges.right && c === right) {
        border.right = LINE;
      }
      if (Object.keys(border).length > 0) {
        ws.getCell(r, c).border = border;
      }
    }
  }
}

export interface WorkbookMeta {
  readonly sheetName: string;
  readonly title: string;
  /** The day the document is made: the workbook's dates, so that one input gives one file. */
  readonly made: IsoDate;
}

/** The workbook holding one document on one sheet. */
export function buildDocumentWorkbook(layout: SheetLayout, meta: WorkbookMeta): ExcelJS.Workbook {
  const wb = new (workbookClass())();
  const { y, m, d } = isoParts(meta.made);
  const made = new Date(Date.UTC(y, m - 1, d));
  wb.creator = "ВШУ";
  wb.lastModifiedBy = "ВШУ";
  wb.title = meta.title;
  wb.created = made;
  wb.modified = made;
  const margins = layout.page.margins;
  const inches = (cm: number): number => Math.round((cm / CM_PER_INCH) * 1000) / 1000;
  const ws = wb.addWorksheet(meta.sheetName, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: layout.page.orientation,
      fitToPage: true,
      fitToWidth: layout.page.fitToWidth,
      fitToHeight: layout.page.fitToHeight,
      margins: {
        left: inches(margins.left),
        right: inches(margins.right),
        top: inches(margins.top),
        bottom: inches(margins.bottom),
        header: inches(margins.header),
        footer: inches(margins.footer),
      },
    },
    ...(layout.page.footer !== "" ? { headerFooter: { oddFooter: layout.page.footer } } : {}),
  });
  layout.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = excelColumnWidth(w);
  });
  layout.rowHeights.forEach((h, i) => {
    ws.getRow(i + 1).height = h;
  });
  for (const a of layout.areas) {
    drawArea(ws, a, layout.fontName);
  }
  const lastCol = columnLetters(layout.columnWidths.length);
  ws.pageSetup.printArea = `A1:${lastCol}${layout.rowHeights.length}`;
  const repeat = layout.page.repeatRows;
  if (repeat) {
    ws.pageSetup.printTitlesRow = `${repeat.from + 1}:${repeat.to + 1}`;
  }
  return wb;
}

/**
 * The report workbook sent to the ministry: sheet «Отчёт» with the form I–VII, print-ready on
 * A4, and the hidden sheet «Данные» with the same counts as key–value pairs for consolidation.
 */
import ExcelJS from "exceljs";
import {
  buildReportForm,
  FORM_COLUMNS,
  FORM_WIDTHS,
  type FormRow,
  type RowStyle,
} from "../../core/report/form";
import { flattenReport } from "../../core/report/flatten";
import type { ReportJson } from "../../core/report/types";

export const REPORT_SHEET = "Отчёт";
export const DATA_SHEET = "Данные";

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const FILL_HEADER: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDE7F3" },
};
const FILL_TOTAL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};

function styleRow(r: ExcelJS.Row, style: RowStyle, width: number): void {
  r.alignment = { vertical: "middle", wrapText: true };
  if (style === "title" || style === "section") {
    r.font = { bold: true, size: style === "title" ? 13 : 11 };
    return;
  }
  if (style === "subtitle" || style === "blank" || style === "note") {
    return;
  }
  for (let c = 1; c <= width; c++) {
    const cell = r.getCell(c);
    cell.border = BORDER;
    if (c > 2) {
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
    if (style === "header") {
      cell.fill = FILL_HEADER;
      cell.font = { bold: true, size: 9 };
    } else if (style === "total") {
      cell.fill = FILL_TOTAL;
      cell.font = { bold: true };
    } else if (style === "group") {
      cell.font = { italic: true };
    }
  }
}

/** How many columns a row's frame spans: up to its last non-empty cell, at least 4. */
function frameWidth(row: FormRow): number {
  let last = 0;
  row.cells.forEach((c, i) => {
    if (c !== null && c !== "") {
      last = i + 1;
    }
  });
  return Math.max(last, 4);
}

/** How many wrapped lines the tallest cell of a row needs (no row auto-fit in LibreOffice). */
function estimateLines(row: FormRow, charsPerWidth: number): number {
  let lines = 1;
  row.cells.forEach((c, i) => {
    if (typeof c === "string") {
      const chars = (FORM_WIDTHS[i] ?? 10) * charsPerWidth;
      lines = Math.max(lines, Math.ceil(c.length / chars));
    }
  });
  return lines;
}

/** Builds the report workbook from the report's counts. */
export function buildReportWorkbook(report: ReportJson): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ВШУ";
  wb.title = "Отчёт о деятельности с несовершеннолетними (семьёй) группы риска";
  const ws = wb.addWorksheet(REPORT_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "Стр. &P из &N" },
  });
  ws.columns = FORM_WIDTHS.map((w) => ({ width: w }));
  const form = buildReportForm(report);
  form.forEach((fr, i) => {
    const r = ws.getRow(i + 1);
    fr.cells.forEach((c, j) => {
      if (c !== null) {
        r.getCell(j + 1).value = c;
      }
    });
    if (fr.style === "title" || fr.style === "subtitle" || fr.style === "section") {
      const from = fr.style === "section" ? 1 : 2;
      ws.mergeCells(i + 1, from, i + 1, FORM_COLUMNS);
      r.height = fr.style === "section" ? 30 : 18;
    }
    if (fr.style === "data" || fr.style === "total" || fr.style === "group") {
      const lines = estimateLines(fr, 1);
      if (lines > 1) {
        r.height = 13.5 * lines + 3;
      }
    }
    styleRow(
      r,
      fr.style,
      fr.style === "header" || fr.style === "data" || fr.style === "total" || fr.style === "group"
        ? frameWidth(fr)
        : 0
    );
    if (fr.style === "header") {
      r.height = Math.max(30, 12 * estimateLines(fr, 0.95) + 8);
    }
  });
  ws.pageSetup.printArea = `A1:I${form.length}`;

  const data = wb.addWorksheet(DATA_SHEET, { state: "hidden" });
  data.columns = [
    { header: "Ключ", key: "k", width: 50 },
    { header: "Значение", key: "v", width: 16 },
  ];
  for (const [k, v] of flattenReport(report)) {
    data.addRow([k, v]);
  }
  return wb;
}

/**
 * The report workbook sent to the ministry: sheet «Отчёт» with the form I–VII laid out by the
 * core (merged two-row headers, widths, row heights; src/core/report/formLayout.ts), print-ready
 * on A4 landscape, and the hidden sheet «Данные» with the same counts as key–value pairs for
 * consolidation.
 *
 * The same report gives the same bytes: the workbook's created/modified properties and every
 * zip entry's time are the day the report was made (midnight UTC), never the clock.
 */
import type ExcelJS from "exceljs";
import { workbookClass } from "./exceljsParts";
import JSZip from "jszip";
import { keepCarriageReturnsIn } from "./carriageReturns";
import type { IsoDate } from "../../core/dates/isoDate";
import { reportFormLayout, FORM_COLUMNS } from "../../core/report/form";
import {
  cellStyle,
  FORM_BORDER_COLOR,
  FORM_FILLS,
  FORM_FONT_NAME,
  type FormCellStyle,
} from "../../core/report/formLayout";
import { flattenReport, type ReportMeta } from "../../core/report/flatten";
import type { ReportJson } from "../../core/report/types";

export const REPORT_SHEET = "Отчёт";
export const DATA_SHEET = "Данные";

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: `FF${FORM_BORDER_COLOR}` } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function fillOf(fill: FormCellStyle["fill"]): ExcelJS.Fill | undefined {
  return fill === null
    ? undefined
    : { type: "pattern", pattern: "solid", fgColor: { argb: `FF${FORM_FILLS[fill]}` } };
}

/** Midnight UTC of the report's day: the time stamp of the package and its entries. */
export function reportTimestamp(made: IsoDate): Date {
  return new Date(`${made}T00:00:00Z`);
}

export interface ReportWorkbookOptions {
  /** The day the report was made: printed under section VII and stamped on the package. */
  readonly made: IsoDate;
  /** Pairs about sending the report (the ministry's address), added to «Данные». */
  readonly meta?: ReportMeta;
}

/** Builds the report workbook from the report's counts. */
export function buildReportWorkbook(
  report: ReportJson,
  opts: ReportWorkbookOptions
): ExcelJS.Workbook {
  const wb = new (workbookClass())();
  wb.creator = "ВШУ";
  wb.lastModifiedBy = "ВШУ";
  wb.title = "Отчёт о деятельности с несовершеннолетними (семьёй) группы риска";
  wb.created = reportTimestamp(opts.made);
  wb.modified = reportTimestamp(opts.made);
  const ws = wb.addWorksheet(REPORT_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "Стр. &P из &N" },
  });
  const layout = reportFormLayout(report, { made: opts.made });
  ws.columns = layout.widths.map((w) => ({ width: w }));
  layout.rows.forEach((fr, i) => {
    const r = ws.getRow(i + 1);
    r.height = layout.heights[i] ?? 15;
    for (let c = 0; c < FORM_COLUMNS; c++) {
      const style = cellStyle(fr, c);
      const value = fr.cells[c] ?? null;
      if (value === null && !style.border) {
        continue;
      }
      const cell = r.getCell(c + 1);
      if (value !== null) {
        cell.value = value;
      }
      cell.font = {
        name: FORM_FONT_NAME,
        size: style.font.size,
        bold: style.font.bold,
        italic: style.font.italic,
      };
      cell.alignment = { horizontal: style.align, vertical: "middle", wrapText: true };
      if (style.border) {
        cell.border = BORDER;
      }
      const fill = fillOf(style.fill);
      if (fill) {
        cell.fill = fill;
      }
    }
  });
  for (const m of layout.merges) {
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  ws.pageSetup.printArea = `A1:I${layout.rows.length}`;

  const data = wb.addWorksheet(DATA_SHEET, { state: "hidden" });
  data.columns = [
    { header: "Ключ", key: "k", width: 50 },
    { header: "Значение", key: "v", width: 16 },
  ];
  for (const [k, v] of flattenReport(report, { ...opts.meta, made: opts.made })) {
    data.addRow([k, v]);
  }
  return wb;
}

/**
 * The report workbook as the bytes of an .xlsx: the package exceljs writes, its entries
 * stamped with the report's day. Stored, not deflated: ~90 KB instead of ~18 KB, and JSZip's
 * JavaScript deflate would cost ~50 ms of a run that must stay close to the time of merely
 * reading the register.
 */
export async function reportWorkbookBytes(
  report: ReportJson,
  opts: ReportWorkbookOptions
): Promise<Buffer> {
  const wb = buildReportWorkbook(report, opts);
  const written = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as never);
  const zip = await JSZip.loadAsync(keepCarriageReturnsIn(Buffer.from(written as ArrayBuffer)));
  const date = reportTimestamp(opts.made);
  zip.forEach((_path, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
}

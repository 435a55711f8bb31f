/**
 * The report form I–VII (src/core/report/form.ts) written into a sheet of this workbook, laid
 * out as the CLI's report workbook (src/cli/xlsx/writeReport.ts) from the same core layout
 * (src/core/report/formLayout.ts): one 2-D block of values, text cells formatted as text, the
 * merged two-row headers, fonts, frames and fills, column widths and row heights (Excel does
 * not auto-fit the rows of merged cells), A4 landscape print set-up where the host allows. The
 * form has about a hundred rows whatever the register's size (counts only), so the write is one
 * request far below 5 MB. Syncs: sheet names (1), the sheet (1).
 */
import { formatDateRu, type IsoDate } from "../core/dates/isoDate";
import { FORM_COLUMNS, reportFormLayout } from "../core/report/form";
import {
  cellStyle,
  FORM_BORDER_COLOR,
  FORM_FILLS,
  FORM_FONT_NAME,
} from "../core/report/formLayout";
import type { ReportJson } from "../core/report/types";
import { blockAddress } from "./address";
import { widthPoints } from "./createRegister";
import type { HostCapabilities } from "./gateway";
import { writeNewSheet } from "./newSheet";
import { GENERAL_FORMAT, TEXT_FORMAT } from "./textSafe";

/** Today on this computer's calendar: the day a report made in the add-in is made. */
export function localToday(): IsoDate {
  const now = new Date();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${m}-${d}`;
}

/** What a report sheet is called before its dates: a school's report or the district's. */
export type ReportSheetKind = "school" | "district";

const SHEET_PREFIX: Readonly<Record<ReportSheetKind, string>> = {
  school: "Отчёт",
  district: "Свод",
};

/**
 * «Отчёт 01.09.2026–23.11.2026» («Свод …» for the district's: «Свод района …» would pass
 * Excel's 31 characters), made unique against the workbook's sheet names.
 */
export function reportSheetName(
  report: Pick<ReportJson, "from" | "to">,
  taken: readonly string[],
  kind: ReportSheetKind = "school"
): string {
  const base = `${SHEET_PREFIX[kind]} ${formatDateRu(report.from)}–${formatDateRu(report.to)}`;
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) {
    return base;
  }
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`.slice(0, 31);
    if (!used.has(name.toLowerCase())) {
      return name;
    }
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] as const;

/** Queues the whole form into `ws` (no sync); returns the number of rows written. */
export function queueReportForm(
  ws: Excel.Worksheet,
  report: ReportJson,
  caps: HostCapabilities,
  made: IsoDate = localToday()
): number {
  const layout = reportFormLayout(report, { made });
  const rows = layout.rows;
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  for (const fr of rows) {
    const v: (string | number)[] = [];
    const f: string[] = [];
    for (let c = 0; c < FORM_COLUMNS; c++) {
      const cell = fr.cells[c] ?? null;
      v.push(cell === null ? "" : cell);
      f.push(typeof cell === "number" ? GENERAL_FORMAT : TEXT_FORMAT);
    }
    values.push(v);
    formats.push(f);
  }
  const range = (top: number, left: number, bottom = top, right = left): Excel.Range =>
    ws.getRange(blockAddress({ top, left, bottom, right }));
  const all = range(0, 0, rows.length - 1, FORM_COLUMNS - 1);
  all.numberFormat = formats;
  all.values = values;
  all.format.wrapText = true;
  all.format.verticalAlignment = "Center";
  all.format.font.name = FORM_FONT_NAME;
  if (caps.formatting) {
    for (const m of layout.merges) {
      range(m.top, m.left, m.bottom, m.right).merge(false);
    }
  }
  rows.forEach((fr, i) => {
    const style = cellStyle(fr, 0);
    const line = range(i, 0, i, FORM_COLUMNS - 1);
    line.format.font.size = style.font.size;
    if (style.font.bold) {
      line.format.font.bold = true;
    }
    if (style.font.italic) {
      line.format.font.italic = true;
    }
    if (fr.frame > 0) {
      const framed = range(i, 0, i, fr.frame - 1);
      for (const edge of EDGES) {
        const b = framed.format.borders.getItem(edge);
        b.style = "Continuous";
        b.color = `#${FORM_BORDER_COLOR}`;
      }
      if (style.fill !== null) {
        framed.format.fill.color = `#${FORM_FILLS[style.fill]}`;
      }
    }
    // Alignment by runs of cells that share it (left is the default).
    for (let c = 0; c < FORM_COLUMNS; c++) {
      if (cellStyle(fr, c).align !== "center") {
        continue;
      }
      let end = c;
      while (end + 1 < FORM_COLUMNS && cellStyle(fr, end + 1).align === "center") {
        end += 1;
      }
      range(i, c, i, end).format.horizontalAlignment = "Center";
      c = end;
    }
    if (caps.formatting) {
      line.format.rowHeight = layout.heights[i] ?? 15;
    }
  });
  if (caps.formatting) {
    layout.widths.forEach((w, i) => {
      range(0, i).format.columnWidth = widthPoints(w);
    });
  }
  if (caps.pageLayout) {
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.centerHorizontally = true;
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintArea(
      blockAddress({ top: 0, bottom: rows.length - 1, left: 0, right: FORM_COLUMNS - 1 })
    );
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Стр. &P из &N";
  }
  return rows.length;
}

/**
 * Writes the report into a new sheet of this workbook and shows it: 1 sync when the caller
 * read the sheet names just before (`knownSheets`), 2 otherwise. `made` is the day printed
 * under section VII (this computer's today unless the caller passes its own). Should a sheet of that name
 * have appeared in between, the batch fails before anything is written and the names are read
 * again.
 */
export async function writeReportSheetIn(
  context: Excel.RequestContext,
  report: ReportJson,
  caps: HostCapabilities,
  knownSheets?: readonly string[],
  made: IsoDate = localToday(),
  kind: ReportSheetKind = "school"
): Promise<{ sheet: string }> {
  const writeBeside = async (names: readonly string[]): Promise<{ sheet: string }> => {
    const name = reportSheetName(report, names, kind);
    const ws = context.workbook.worksheets.add(name);
    queueReportForm(ws, report, caps, made);
    ws.activate();
    await context.sync();
    return { sheet: name };
  };
  return writeNewSheet(context, knownSheets, writeBeside);
}

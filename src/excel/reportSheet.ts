/**
 * The report form I–VII (src/core/report/form.ts) written into a sheet of this workbook, like
 * the CLI's report workbook (src/cli/xlsx/writeReport.ts): one 2-D block of values, text cells
 * formatted as text, bold titles, framed tables, merged titles, widths and A4 landscape print
 * set-up where the host allows. The form has about a hundred rows whatever the register's
 * size (counts only), so the write is one request far below 5 MB. Syncs: sheet names (1),
 * the sheet (1).
 */
import { formatDateRu } from "../core/dates/isoDate";
import { buildReportForm, FORM_COLUMNS, FORM_WIDTHS, type FormRow } from "../core/report/form";
import type { ReportJson } from "../core/report/types";
import { blockAddress } from "./address";
import { widthPoints } from "./createRegister";
import type { HostCapabilities } from "./gateway";
import { GENERAL_FORMAT, TEXT_FORMAT } from "./textSafe";

/** «Отчёт 01.09.2026–23.11.2026», made unique against the workbook's sheet names. */
export function reportSheetName(
  report: Pick<ReportJson, "from" | "to">,
  taken: readonly string[]
): string {
  const base = `Отчёт ${formatDateRu(report.from)}–${formatDateRu(report.to)}`;
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

/** How many columns a row's frame spans: up to its last non-empty cell, at least 4 (as the CLI). */
function frameWidth(row: FormRow): number {
  let last = 0;
  row.cells.forEach((c, i) => {
    if (c !== null && c !== "") {
      last = i + 1;
    }
  });
  return Math.max(last, 4);
}

/** Queues the whole form into `ws` (no sync). */
export function queueReportForm(
  ws: Excel.Worksheet,
  report: ReportJson,
  caps: HostCapabilities
): number {
  const form = buildReportForm(report);
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  for (const fr of form) {
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
  const all = ws.getRange(
    blockAddress({ top: 0, bottom: form.length - 1, left: 0, right: FORM_COLUMNS - 1 })
  );
  all.numberFormat = formats;
  all.values = values;
  all.format.wrapText = true;
  all.format.verticalAlignment = "Center";
  form.forEach((fr, i) => {
    const rowRange = (right: number, left = 0): Excel.Range =>
      ws.getRange(blockAddress({ top: i, bottom: i, left, right }));
    if (fr.style === "title" || fr.style === "section") {
      const r = rowRange(FORM_COLUMNS - 1, fr.style === "section" ? 0 : 1);
      r.format.font.bold = true;
      if (fr.style === "title") {
        r.format.font.size = 13;
      }
      if (caps.formatting) {
        r.merge(false);
        r.format.rowHeight = fr.style === "section" ? 30 : 18;
      }
    } else if (fr.style === "subtitle" && caps.formatting) {
      rowRange(FORM_COLUMNS - 1, 1).merge(false);
    } else if (
      fr.style === "header" ||
      fr.style === "data" ||
      fr.style === "total" ||
      fr.style === "group"
    ) {
      const r = rowRange(frameWidth(fr) - 1);
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"]) {
        const b = r.format.borders.getItem(edge as Excel.BorderIndex);
        b.style = "Continuous";
        b.color = "#808080";
      }
      if (fr.style === "header") {
        r.format.fill.color = "#DDE7F3";
        r.format.font.bold = true;
        r.format.font.size = 9;
      } else if (fr.style === "total") {
        r.format.fill.color = "#F2F2F2";
        r.format.font.bold = true;
      } else if (fr.style === "group") {
        r.format.font.italic = true;
      }
      if (frameWidth(fr) > 2) {
        rowRange(frameWidth(fr) - 1, 2).format.horizontalAlignment = "Center";
      }
    }
  });
  if (caps.formatting) {
    FORM_WIDTHS.forEach((w, i) => {
      ws.getRange(blockAddress({ top: 0, bottom: 0, left: i, right: i })).format.columnWidth =
        widthPoints(w);
    });
  }
  if (caps.pageLayout) {
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintArea(
      blockAddress({ top: 0, bottom: form.length - 1, left: 0, right: FORM_COLUMNS - 1 })
    );
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Стр. &P из &N";
  }
  return form.length;
}

/**
 * Writes the report into a new sheet of this workbook and shows it: 1 sync when the caller
 * read the sheet names just before (`knownSheets`), 2 otherwise. Should a sheet of that name
 * have appeared in between, the batch fails before anything is written and the names are read
 * again.
 */
export async function writeReportSheetIn(
  context: Excel.RequestContext,
  report: ReportJson,
  caps: HostCapabilities,
  knownSheets?: readonly string[]
): Promise<{ sheet: string }> {
  const writeBeside = async (names: readonly string[]): Promise<{ sheet: string }> => {
    const name = reportSheetName(report, names);
    const ws = context.workbook.worksheets.add(name);
    queueReportForm(ws, report, caps);
    ws.activate();
    await context.sync();
    return { sheet: name };
  };
  if (knownSheets) {
    try {
      return await writeBeside(knownSheets);
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code !== "ItemAlreadyExists") {
        throw e;
      }
    }
  }
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return writeBeside(sheets.items.map((s) => s.name));
}

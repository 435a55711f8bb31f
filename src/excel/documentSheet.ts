/**
 * A document of a case (src/core/documents) as a new print-ready worksheet, drawn from the same
 * sheet layout as the CLI's .xlsx (`documentSheet(model)`, src/core/documents/layout): one 2-D
 * block of text (number format "@" first, so nothing typed in the register becomes a formula),
 * the whole block set to the document's font, size, alignment and wrap, then only what differs
 * area by area (merges, sizes, bold/italic/underline, alignment, lines), row heights in runs of
 * equal height, the column grid in one call, no gridlines, A4 portrait with the layout's margins
 * and fit to one page width; then the sheet is activated. ONE `context.sync` for all of it (two
 * when the sheet names are not known from the latest read).
 *
 * Graceful on older Excel: merges, row heights and column widths need ExcelApi 1.2 (without them
 * the document is written as lines of text in column A, `plainLines`), hiding the gridlines 1.8,
 * the page set-up 1.9 (the user sets A4 and «Вписать все столбцы на одну страницу» in «Файл →
 * Печать»). `documentSheetLimits` says which in Russian.
 */
import {
  documentSheet,
  documentSheetName,
  type CellStyle,
  type DocumentModel,
  type LayoutArea,
  type SheetLayout,
} from "../core/documents";
import { blockAddress } from "./address";
import type { HostCapabilities } from "./gateway";
import { writeNewSheet } from "./newSheet";
import { TEXT_FORMAT } from "./textSafe";

/** What the pane reports after a document sheet is written. */
export interface DocumentSheetResult {
  /** The new sheet's name («Представление ВШУ Иванов И. И.»). */
  readonly sheet: string;
  /** Rows of the document on the sheet. */
  readonly rows: number;
  /** What this Excel could not set (Russian, for the pane); empty on Excel 2021 and later. */
  readonly limits: readonly string[];
}

export const DOC_LIMIT_FORMATTING =
  "Документ записан простыми строками в столбец A: расположить его по форме (ширина столбцов, объединение ячеек) может Excel 2019 или новее. Проверьте лист перед печатью.";
export const DOC_LIMIT_GRIDLINES =
  "Сетка листа не скрыта (нужен Excel 2019 или новее); на печать она не выводится.";
export const DOC_LIMIT_PAGE =
  "Параметры страницы не заданы (нужен Excel 2021 или новее или Microsoft 365): в «Файл → Печать» выберите A4, книжную ориентацию и «Вписать все столбцы на одну страницу».";

/** The Russian notes of what this host cannot set on a document sheet. */
export function documentSheetLimits(caps: HostCapabilities): string[] {
  const out: string[] = [];
  if (!caps.formatting) {
    out.push(DOC_LIMIT_FORMATTING);
  }
  if (caps.excelApi < 8) {
    out.push(DOC_LIMIT_GRIDLINES);
  }
  if (!caps.pageLayout) {
    out.push(DOC_LIMIT_PAGE);
  }
  return out;
}

const CM_TO_POINTS = 72 / 2.54;

/** The style every cell of the block gets first; areas set only what differs from it. */
const BASE = { horizontal: "left", vertical: "bottom", wrap: true } as const;

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const EDGE = {
  top: "EdgeTop",
  bottom: "EdgeBottom",
  left: "EdgeLeft",
  right: "EdgeRight",
} as const;

/** The values of the block: each area's text in its top-left cell, "" elsewhere. */
export function layoutValues(layout: SheetLayout): string[][] {
  const width = layout.columnWidths.length;
  const values = layout.rowHeights.map(() => Array.from({ length: width }, () => ""));
  for (const a of layout.areas) {
    const row = values[a.row];
    if (row !== undefined && a.text !== "") {
      row[a.col] = a.text;
    }
  }
  return values;
}

/** Runs of consecutive rows of the same height: [first row, last row, height]. */
export function heightRuns(heights: readonly number[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  heights.forEach((h, i) => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[2] === h && last[1] === i - 1) {
      last[1] = i;
    } else {
      runs.push([i, i, h]);
    }
  });
  return runs;
}

function areaRange(ws: Excel.Worksheet, a: LayoutArea): Excel.Range {
  return ws.getRange(
    blockAddress({ top: a.row, left: a.col, bottom: a.row + a.rows - 1, right: a.col + a.cols - 1 })
  );
}

/** Queues one area's differences from the block's base style. */
function queueArea(ws: Excel.Worksheet, a: LayoutArea, base: { size: number }): void {
  const s: CellStyle = a.style;
  const wide = a.rows > 1 || a.cols > 1;
  const differs =
    wide ||
    s.size !== base.size ||
    s.bold === true ||
    s.italic === true ||
    s.underline === true ||
    s.horizontal !== BASE.horizontal ||
    s.vertical !== BASE.vertical ||
    s.wrap !== BASE.wrap ||
    s.border !== undefined;
  if (!differs) {
    return;
  }
  const range = areaRange(ws, a);
  if (wide) {
    range.merge(false);
  }
  const f = range.format;
  if (s.size !== base.size) {
    f.font.size = s.size;
  }
  if (s.bold === true) {
    f.font.bold = true;
  }
  if (s.italic === true) {
    f.font.italic = true;
  }
  if (s.underline === true) {
    f.font.underline = "Single";
  }
  if (s.horizontal !== BASE.horizontal) {
    f.horizontalAlignment = H_ALIGN[s.horizontal];
  }
  if (s.vertical !== BASE.vertical) {
    f.verticalAlignment = V_ALIGN[s.vertical];
  }
  if (s.wrap !== BASE.wrap) {
    f.wrapText = s.wrap;
  }
  const edges = s.border;
  if (edges !== undefined) {
    for (const side of ["top", "bottom", "left", "right"] as const) {
      if (edges[side] === true) {
        const b = f.borders.getItem(EDGE[side]);
        b.style = "Continuous";
        b.color = "#000000";
      }
    }
  }
}

/** One line of the document as plain text, for hosts that cannot lay out the grid. */
export interface PlainLine {
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
}

/**
 * The layout as lines of text, one per layout row, left to right: labels and values as they
 * read, a blank to fill by hand as «________», the cells of a table row between «|». For
 * ExcelApi 1.1, which sets no column widths: the 68 narrow columns of the grid would stay 64 px
 * wide there and spread one form over nine pages, while one line a row in column A prints on
 * one page width as the text runs on to the right.
 */
export function plainLines(layout: SheetLayout): PlainLine[] {
  const byRow = layout.rowHeights.map(() => [] as LayoutArea[]);
  for (const a of layout.areas) {
    byRow[a.row]?.push(a);
  }
  return byRow.flatMap((areas) => {
    const sorted = [...areas].sort((x, y) => x.col - y.col);
    const table = sorted.some(
      (a) => a.style.border?.left === true && a.style.border.right === true
    );
    const parts = sorted
      .map((a) =>
        a.text !== ""
          ? a.text
          : a.style.border?.bottom === true && !table
            ? "_".repeat(Math.max(4, Math.round(a.cols * 0.6)))
            : ""
      )
      .filter((t) => t !== "" || table);
    const texts = sorted.filter((a) => a.text !== "");
    const size = texts.length > 0 ? Math.max(...texts.map((a) => a.style.size)) : FONT_BODY;
    const bold = texts.some((a) => a.style.bold === true);
    // A page holds about 80 characters of 12 pt Times, 60 of a wider substitute: longer
    // lines go on in the next row.
    const width = Math.floor((60 * FONT_BODY) / size);
    return wrapWords(parts.join(table ? " | " : " ").trim(), width).map((text) => ({
      text,
      size,
      bold,
    }));
  });
}

/** Splits a text into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

const FONT_BODY = 12;

/** ExcelApi 1.1: the document as lines in column A (see `plainLines`). Returns the rows. */
function queuePlainLines(ws: Excel.Worksheet, layout: SheetLayout): number {
  const lines = plainLines(layout);
  const all = ws.getRange(blockAddress({ top: 0, left: 0, bottom: lines.length - 1, right: 0 }));
  all.numberFormat = lines.map(() => [TEXT_FORMAT]);
  all.values = lines.map((l) => [l.text]);
  all.format.font.name = layout.fontName;
  all.format.font.size = FONT_BODY;
  all.format.wrapText = false;
  lines.forEach((l, i) => {
    if (l.size === FONT_BODY && !l.bold) {
      return;
    }
    const cell = ws.getRange(blockAddress({ top: i, left: 0, bottom: i, right: 0 }));
    if (l.size !== FONT_BODY) {
      cell.format.font.size = l.size;
    }
    if (l.bold) {
      cell.format.font.bold = true;
    }
  });
  return lines.length;
}

/**
 * Queues the whole document into `ws` (no sync): values, styles, sizes, gridlines, page set-up,
 * as far as the host allows (on ExcelApi 1.1 as lines of text, `plainLines`). Returns the number
 * of rows.
 */
export function queueDocumentSheet(
  ws: Excel.Worksheet,
  layout: SheetLayout,
  caps: HostCapabilities
): number {
  const rows = layout.rowHeights.length;
  const cols = layout.columnWidths.length;
  if (rows === 0) {
    return 0;
  }
  if (!caps.formatting) {
    return queuePlainLines(ws, layout);
  }
  const all = ws.getRange(blockAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 }));
  // Text format before the values: «=», «+», «-», «@» stay text.
  all.numberFormat = layout.rowHeights.map(() => Array.from({ length: cols }, () => TEXT_FORMAT));
  all.values = layoutValues(layout);
  const base = { size: commonestSize(layout) };
  all.format.font.name = layout.fontName;
  all.format.font.size = base.size;
  all.format.verticalAlignment = V_ALIGN[BASE.vertical];
  all.format.wrapText = true;
  for (const a of layout.areas) {
    queueArea(ws, a, base);
  }
  const widths = new Set(layout.columnWidths);
  if (widths.size === 1) {
    ws.getRange(blockAddress({ top: 0, left: 0, bottom: 0, right: cols - 1 })).format.columnWidth =
      layout.columnWidths[0] ?? 7.5;
  } else {
    layout.columnWidths.forEach((w, i) => {
      ws.getRange(blockAddress({ top: 0, left: i, bottom: 0, right: i })).format.columnWidth = w;
    });
  }
  for (const [from, to, h] of heightRuns(layout.rowHeights)) {
    ws.getRange(blockAddress({ top: from, left: 0, bottom: to, right: 0 })).format.rowHeight = h;
  }
  if (caps.excelApi >= 8) {
    ws.showGridlines = false;
  }
  if (caps.pageLayout) {
    const p = layout.page;
    const pl = ws.pageLayout;
    pl.orientation = "Portrait";
    pl.paperSize = "A4";
    pl.setPrintMargins("Points", {
      left: round(p.margins.left * CM_TO_POINTS),
      right: round(p.margins.right * CM_TO_POINTS),
      top: round(p.margins.top * CM_TO_POINTS),
      bottom: round(p.margins.bottom * CM_TO_POINTS),
      header: round(p.margins.header * CM_TO_POINTS),
      footer: round(p.margins.footer * CM_TO_POINTS),
    });
    pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
    pl.printGridlines = false;
    pl.setPrintArea(blockAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 }));
    if (p.footer !== "") {
      pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
    }
    if (p.repeatRows !== null) {
      pl.setPrintTitleRows(`$${p.repeatRows.from + 1}:$${p.repeatRows.to + 1}`);
    }
  }
  return rows;
}

/** The font size most areas have (the body text): the block's base size. */
function commonestSize(layout: SheetLayout): number {
  const counts = new Map<number, number>();
  for (const a of layout.areas) {
    counts.set(a.style.size, (counts.get(a.style.size) ?? 0) + 1);
  }
  let best = 12;
  let most = 0;
  for (const [size, n] of counts) {
    if (n > most) {
      best = size;
      most = n;
    }
  }
  return best;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Writes the document into a new sheet named after it and its subject, unique in the workbook,
 * and activates it: 1 sync when `knownSheets` are the workbook's names (the latest read), 2
 * otherwise. Should a sheet of that name have appeared in between, that batch fails before
 * anything is written (the sheet is added first) and the names are read again.
 */
export async function writeDocumentSheetIn(
  context: Excel.RequestContext,
  model: DocumentModel,
  caps: HostCapabilities,
  knownSheets?: readonly string[]
): Promise<DocumentSheetResult> {
  const layout = documentSheet(model);
  const writeBeside = async (names: readonly string[]): Promise<DocumentSheetResult> => {
    const name = documentSheetName(model, names);
    const ws = context.workbook.worksheets.add(name);
    const rows = queueDocumentSheet(ws, layout, caps);
    ws.activate();
    await context.sync();
    return { sheet: name, rows, limits: documentSheetLimits(caps) };
  };
  return writeNewSheet(context, knownSheets, writeBeside);
}

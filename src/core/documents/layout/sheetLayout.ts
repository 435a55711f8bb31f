/**
 * The print layout of a document on a worksheet, renderer-neutral: a grid of equal columns,
 * rows with their heights, and areas (a cell or a merged range) with their text and style;
 * A4 portrait, margins 2 cm left and 1–1.5 cm elsewhere, a serif font, no gridlines, fit to one
 * page width. The CLI's exceljs writer and the add-in (Office.js, one `context.sync` for the
 * sheet) both draw exactly this.
 *
 * Units: points for widths and heights (Office.js takes points; exceljs converts them to its
 * character widths). Rows and columns are 0-based.
 */
import {
  BLANK_DATE,
  type DocumentBlock,
  type DocumentModel,
  type LineBlock,
  type TableBlock,
} from "../model";
import { rowHeight, textWidth, wrappedLines } from "./textMetrics";

/** The grid: 68 columns of 7.5 pt make 510 pt, A4's 21 cm less 2 cm left and 1 cm right. */
export const GRID_UNIT = 7.5;
export const GRID_COLUMNS = 68;
/** The serif font of every document. */
export const DOCUMENT_FONT = "Times New Roman";
/** Sizes in points: body text, titles, captions under lines, tables. */
export const FONT = {
  body: 12,
  title: 14,
  caption: 8,
  note: 10,
  table: 9,
  tableHeader: 8,
} as const;

/** The first column of the top-right block (addressee, approval). */
const CORNER_START = 32;
/** Space a cell's text keeps from its edges, in points (both sides together). */
const PADDING = 5;
/** Height of an empty row between parts of the form. */
const SPACE_HEIGHT = 8;
/** Least height of a row with a line to write on: room for handwriting. */
const LINE_HEIGHT = 21;
/** Labels are measured a little less generously than wrapped text: they sit close to their line. */
const LABEL_FACTOR = 0.93;

export interface CellStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly horizontal: "left" | "center" | "right";
  readonly vertical: "top" | "center" | "bottom";
  readonly wrap: boolean;
  /** Thin black lines on these edges of the area. */
  readonly border?: {
    readonly top?: boolean;
    readonly bottom?: boolean;
    readonly left?: boolean;
    readonly right?: boolean;
  };
}

/** A cell or a merged range with its text and style. */
export interface LayoutArea {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly text: string;
  readonly style: CellStyle;
}

export interface PageSetup {
  readonly paper: "A4";
  readonly orientation: "portrait";
  /** Margins in centimetres. */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly fitToWidth: 1;
  /** 1: the whole document on one page; 0: as many pages as it takes. */
  readonly fitToHeight: 0 | 1;
  readonly showGridLines: false;
  /** Page footer (Excel codes: &P page, &N pages), or "" for none. */
  readonly footer: string;
  /**
   * Rows repeated at the top of each printed page, 0-based inclusive; null for none (a table's
   * header repeated on every page would also stand alone above the signatures after it).
   */
  readonly repeatRows: { readonly from: number; readonly to: number } | null;
}

export interface SheetLayout {
  readonly fontName: string;
  /** Width of each column in points. */
  readonly columnWidths: readonly number[];
  /** Height of each row in points. */
  readonly rowHeights: readonly number[];
  /** Every area with text or lines; areas never overlap. */
  readonly areas: readonly LayoutArea[];
  readonly page: PageSetup;
}

/** The width of `units` grid columns, in points. */
export function unitsWidth(units: number): number {
  return units * GRID_UNIT;
}

/**
 * How many grid columns each part of a line takes within `total` columns: each label as much
 * as its text needs (its estimated width times `labelScale`), the values sharing the rest by
 * weight (a label that cannot fit wraps).
 */
export function lineColumns(line: LineBlock, total: number, labelScale = LABEL_FACTOR): number[] {
  const labels = line.parts.map((p) =>
    p.type === "label"
      ? Math.ceil((textWidth(p.text, FONT.body, p.marked) * labelScale + PADDING + 2) / GRID_UNIT)
      : 0
  );
  const values = line.parts.filter((p) => p.type === "value");
  const minValue = 4;
  let labelTotal = labels.reduce((a, b) => a + b, 0);
  const free = total - values.length * minValue;
  if (labelTotal > free && labelTotal > 0) {
    const scale = Math.max(free, values.length === 0 ? total : 0) / labelTotal;
    for (let i = 0; i < labels.length; i++) {
      labels[i] = Math.max(1, Math.floor((labels[i] ?? 0) * scale));
    }
    labelTotal = labels.reduce((a, b) => a + b, 0);
  }
  if (values.length === 0) {
    // A line of labels only: the last one takes what is left.
    const last = labels.length - 1;
    labels[last] = (labels[last] ?? 0) + total - labelTotal;
    return labels;
  }
  const weights = line.parts.map((p) => (p.type === "value" ? (p.weight ?? 1) : 0));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const room = total - labelTotal;
  // Each filled value gets at least the room its text needs when the line can give it (so a
  // name is not wrapped beside a wide empty line); the rest is shared by weight.
  const need = line.parts.map((p) =>
    p.type === "value" && p.value !== null
      ? Math.ceil(
          (textWidth(p.value, FONT.body) * Math.max(1, labelScale) + PADDING + 2) / GRID_UNIT
        )
      : minValue
  );
  const needTotal = line.parts.reduce(
    (a, p, i) => a + (p.type === "value" ? (need[i] ?? 0) : 0),
    0
  );
  const fits = needTotal <= room;
  const spare = fits ? room - needTotal : room;
  const out = line.parts.map((p, i) => {
    if (p.type !== "value") {
      return labels[i] ?? 0;
    }
    const share = Math.floor((spare * (weights[i] ?? 0)) / weightTotal);
    return fits ? (need[i] ?? 0) + share : Math.max(minValue, share);
  });
  // Rounding leftovers go to the widest value.
  const used = out.reduce((a, b) => a + b, 0);
  let widest = -1;
  out.forEach((w, i) => {
    if (line.parts[i]?.type === "value" && (widest < 0 || w > (out[widest] ?? 0))) {
      widest = i;
    }
  });
  if (widest >= 0) {
    out[widest] = (out[widest] ?? 0) + total - used;
  }
  return out;
}

/** Builds the layout row by row. */
class Builder {
  readonly heights: number[] = [];
  readonly areas: LayoutArea[] = [];

  /** Adds a row; returns its index. */
  row(height: number): number {
    this.heights.push(height);
    return this.heights.length - 1;
  }

  area(row: number, col: number, cols: number, text: string, style: CellStyle, rows = 1): void {
    if (cols > 0) {
      this.areas.push({ row, col, rows, cols, text, style });
    }
  }

  /** Grows a row to hold `lines` lines at `size`. */
  fit(row: number, lines: number, size: number): void {
    const h = rowHeight(lines, size);
    if (h > (this.heights[row] ?? 0)) {
      this.heights[row] = h;
    }
  }
}

const body = (extra: Partial<CellStyle> = {}): CellStyle => ({
  size: FONT.body,
  horizontal: "left",
  vertical: "bottom",
  wrap: true,
  ...extra,
});

/** Lays out one line of labels and values from column `start`, with its captions row. */
function layLine(b: Builder, line: LineBlock, start: number, total: number): void {
  const widths = lineColumns(line, total);
  const r = b.row(
    line.parts.some((p) => p.type === "value") ? LINE_HEIGHT : rowHeight(1, FONT.body)
  );
  let col = start;
  let tallest = 1;
  const cells: { col: number; cols: number; text: string; style: Partial<CellStyle> }[] = [];
  const captions: { col: number; cols: number; text: string }[] = [];
  line.parts.forEach((p, i) => {
    const cols = widths[i] ?? 0;
    const room = unitsWidth(cols) - PADDING;
    if (p.type === "label") {
      tallest = Math.max(tallest, wrappedLines(p.text, room / LABEL_FACTOR, FONT.body, p.marked));
      cells.push({
        col,
        cols,
        text: p.text,
        style: p.marked ? { bold: true, underline: true } : {},
      });
    } else {
      const text = p.value ?? "";
      tallest = Math.max(tallest, text === "" ? 1 : wrappedLines(text, room, FONT.body));
      const short = (p.weight ?? 1) < 1;
      cells.push({
        col,
        cols,
        text,
        style: { horizontal: short ? "center" : "left", border: { bottom: true } },
      });
      if (p.caption !== undefined) {
        captions.push({ col, cols, text: p.caption });
      }
    }
    col += cols;
  });
  // Everything sits on its line; but a single value that wraps reads from the top, its label
  // beside its first line.
  const values = line.parts.filter((p) => p.type === "value").length;
  const vertical = tallest > 1 && values === 1 ? "top" : "bottom";
  for (const c of cells) {
    b.area(r, c.col, c.cols, c.text, body({ ...c.style, vertical }));
  }
  b.fit(r, tallest, FONT.body);
  if (captions.length > 0) {
    const c = b.row(rowHeight(1, FONT.caption));
    let lines = 1;
    for (const cap of captions) {
      lines = Math.max(lines, wrappedLines(cap.text, unitsWidth(cap.cols) - PADDING, FONT.caption));
      b.area(c, cap.col, cap.cols, cap.text, {
        size: FONT.caption,
        horizontal: "center",
        vertical: "top",
        wrap: true,
      });
    }
    b.fit(c, lines, FONT.caption);
  }
}

/** A paragraph across the page. */
function layText(
  b: Builder,
  text: string,
  style: CellStyle,
  start = 0,
  total = GRID_COLUMNS
): void {
  const r = b.row(rowHeight(1, style.size));
  b.area(r, start, total, text, style);
  b.fit(r, wrappedLines(text, unitsWidth(total) - PADDING, style.size, style.bold), style.size);
}

const MARKERS = { tick: "✓", dash: "–" } as const;

function layList(b: Builder, block: Extract<DocumentBlock, { type: "list" }>): void {
  const markerCols = 4;
  block.items.forEach((item, i) => {
    const marker = block.marker === "number" ? `${i + 1}.` : MARKERS[block.marker];
    const r = b.row(rowHeight(1, FONT.body));
    // The marker stays beside the first line of an item that wraps.
    b.area(r, 0, markerCols, marker, body({ horizontal: "right", vertical: "top" }));
    const style = body({
      vertical: "top",
      ...(item.marked ? { bold: true, underline: true } : {}),
    });
    let textCols = GRID_COLUMNS - markerCols;
    if (item.blank) {
      textCols = Math.min(
        textCols - 8,
        Math.ceil((textWidth(item.text, FONT.body, item.marked) + PADDING + 2) / GRID_UNIT)
      );
      b.area(
        r,
        markerCols + textCols,
        GRID_COLUMNS - markerCols - textCols,
        "",
        body({ border: { bottom: true } })
      );
    }
    b.area(r, markerCols, textCols, item.text, style);
    b.fit(
      r,
      wrappedLines(item.text, unitsWidth(textCols) - PADDING, FONT.body, item.marked),
      FONT.body
    );
  });
}

const ALL_BORDERS = { top: true, bottom: true, left: true, right: true } as const;

/** The table: a header row, then its rows. */
function layTable(b: Builder, t: TableBlock): void {
  const starts: number[] = [];
  let col = 0;
  for (const c of t.columns) {
    starts.push(col);
    col += c.units;
  }
  const cellStyle = (size: number, extra: Partial<CellStyle> = {}): CellStyle => ({
    size,
    horizontal: "left",
    vertical: "top",
    wrap: true,
    border: ALL_BORDERS,
    ...extra,
  });
  const header = b.row(rowHeight(1, FONT.tableHeader));
  let lines = 1;
  t.columns.forEach((c, i) => {
    lines = Math.max(
      lines,
      wrappedLines(c.header, unitsWidth(c.units) - PADDING, FONT.tableHeader, true)
    );
    b.area(
      header,
      starts[i] ?? 0,
      c.units,
      c.header,
      cellStyle(FONT.tableHeader, { bold: true, horizontal: "center", vertical: "center" })
    );
  });
  b.fit(header, lines, FONT.tableHeader);
  for (const row of t.rows) {
    const r = b.row(rowHeight(1, FONT.table));
    let tallest = 1;
    if (row.type === "cells") {
      row.cells.forEach((text, i) => {
        const c = t.columns[i];
        if (!c) {
          return;
        }
        const s = cellStyle(FONT.table, { horizontal: c.align ?? "left" });
        tallest = Math.max(
          tallest,
          wrappedLines(text ?? "", unitsWidth(c.units) - PADDING, FONT.table)
        );
        b.area(r, starts[i] ?? 0, c.units, text ?? "", s);
      });
    } else {
      let i = 0;
      for (const span of row.spans) {
        const units = t.columns.slice(i, i + span.columns).reduce((a, c) => a + c.units, 0);
        const s = cellStyle(FONT.table, {
          bold: true,
          italic: row.style === "section",
          horizontal: row.style === "subheader" ? "center" : "left",
        });
        tallest = Math.max(
          tallest,
          wrappedLines(span.text, unitsWidth(units) - PADDING, FONT.table, true)
        );
        b.area(r, starts[i] ?? 0, units, span.text, s);
        i += span.columns;
      }
    }
    b.fit(r, tallest, FONT.table);
  }
}

/** The columns of a signature line: role (when it fits on the line), sign, name, date. */
export interface SignatureColumns {
  /** Whether the role stands on the signature's line (else on a line of its own above). */
  readonly inline: boolean;
  readonly role: number;
  readonly sign: number;
  /** Empty columns between the sign and the name. */
  readonly gap: number;
  readonly name: number;
  /** The date at the right end (0: no date on this line). */
  readonly date: number;
}

export function signatureColumns(
  s: Extract<DocumentBlock, { type: "signature" }>,
  labelScale = 1
): SignatureColumns {
  const role = Math.ceil((textWidth(s.role, FONT.body) * labelScale + PADDING + 2) / GRID_UNIT);
  const sign = 12;
  const gap = 2;
  const date = s.date === undefined ? 0 : 19;
  // The name takes what is left, 20 to 26 columns (a full name of three words fits in 26).
  const rest = (used: number): number => Math.min(26, GRID_COLUMNS - used - sign - gap - date - 1);
  const inline = rest(role) >= 20;
  return { inline, role: inline ? role : 0, sign, gap, name: rest(inline ? role : 0), date };
}

function laySignature(b: Builder, s: Extract<DocumentBlock, { type: "signature" }>): void {
  const cols = signatureColumns(s);
  if (!cols.inline) {
    layText(b, s.role, body());
  }
  const r = b.row(rowHeight(1, FONT.body) + 6);
  if (cols.inline) {
    b.area(r, 0, cols.role, s.role, body());
  }
  const signCol = cols.role;
  b.area(r, signCol, cols.sign, "", body({ border: { bottom: true } }));
  const nameCol = signCol + cols.sign + cols.gap;
  const name = s.name ?? "";
  b.area(r, nameCol, cols.name, name, body({ horizontal: "center", border: { bottom: true } }));
  b.fit(r, wrappedLines(name, unitsWidth(cols.name) - PADDING, FONT.body), FONT.body);
  if (s.date !== undefined) {
    b.area(
      r,
      GRID_COLUMNS - cols.date,
      cols.date,
      s.date ?? BLANK_DATE,
      body({ horizontal: "right" })
    );
  }
  const c = b.row(rowHeight(1, FONT.caption));
  const caption = (col0: number, n: number, text: string): void =>
    b.area(c, col0, n, text, {
      size: FONT.caption,
      horizontal: "center",
      vertical: "top",
      wrap: true,
    });
  caption(signCol, cols.sign, "(подпись)");
  caption(nameCol, cols.name, "(расшифровка подписи)");
}

/**
 * The worksheet layout of a document.
 * @example documentSheet(model).page.fitToHeight //=> 1 for the signal card and the four «Представление»
 */
export function documentSheet(model: DocumentModel): SheetLayout {
  const b = new Builder();
  for (const block of model.blocks) {
    switch (block.type) {
      case "corner":
        for (const l of block.lines) {
          layLine(b, l, CORNER_START, GRID_COLUMNS - CORNER_START);
        }
        break;
      case "title":
        for (const t of block.lines) {
          layText(b, t, body({ size: FONT.title, bold: true, horizontal: "center" }));
        }
        break;
      case "line":
        layLine(b, block, 0, GRID_COLUMNS);
        break;
      case "text":
        layText(
          b,
          block.text,
          block.style === "note"
            ? body({ size: FONT.note, italic: true })
            : body({
                bold: block.style === "bold" || block.marked === true,
                underline: block.marked === true,
                horizontal:
                  block.style === "center" || block.style === "right" ? block.style : "left",
              })
        );
        break;
      case "list":
        layList(b, block);
        break;
      case "table":
        layTable(b, block);
        break;
      case "signature":
        laySignature(b, block);
        break;
      case "space":
        b.row(SPACE_HEIGHT);
        break;
    }
  }
  return {
    fontName: DOCUMENT_FONT,
    columnWidths: Array.from({ length: GRID_COLUMNS }, () => GRID_UNIT),
    rowHeights: b.heights,
    areas: b.areas,
    page: {
      paper: "A4",
      orientation: "portrait",
      margins: { left: 2, right: 1, top: 1.5, bottom: 1.5, header: 0.6, footer: 0.6 },
      fitToWidth: 1,
      fitToHeight: model.onePage ? 1 : 0,
      showGridLines: false,
      footer: model.onePage ? "" : "Стр. &P из &N",
      repeatRows: null,
    },
  };
}

/**
 * The print layout of a document on a worksheet, renderer-neutral: a grid of equal columns,
 * rows with their heights, and areas (a cell or a merged range) with their text and style;
 * A4 portrait, margins 2 cm left and 1–1.5 cm elsewhere, a serif font, no gridlines, fit to one
 * page width. The command line's workbook writer and the add-in (one `context.sync` for the
 * sheet) both draw exactly this.
 *
 * Units: points for widths and heights (the add-in sets points; the workbook writer converts
 * them to character widths). Rows and columns are 0-based.
 */
import {
  BLANK_DATE,
  type DocumentBlock,
  type DocumentModel,
  type LineBlock,
  type TableBlock,
} from "../model";
import {
  CORNER_START,
  DOCUMENT_FONT,
  FONT,
  GRID_COLUMNS,
  GRID_UNIT,
  LABEL_FACTOR,
  LINE_HEIGHT,
  PADDING,
  SPACE_HEIGHT,
  lineColumns,
  signatureColumns,
  unitsWidth,
  type CellStyle,
  type LayoutArea,
  type SheetLayout,
} from "./grid";
import { rowHeight, textWidth, wrappedLines } from "./textMetrics";

export {
  DOCUMENT_FONT,
  FONT,
  GRID_COLUMNS,
  GRID_UNIT,
  lineColumns,
  signatureColumns,
  unitsWidth,
  type CellStyle,
  type LayoutArea,
  type PageSetup,
  type SheetLayout,
  type SignatureColumns,
} from "./grid";

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

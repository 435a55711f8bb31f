/**
 * How the report form is laid out on the sheet, the same for every writer (the CLI's workbook,
 * the add-in's sheet, the add-in's new workbook): merged cells, the style of each cell, column
 * widths so that the longest word of a column fits (text wraps only between words), and row
 * heights tall enough for the wrapped text (LibreOffice does not auto-fit rows of merged cells,
 * and Excel never does for merged cells).
 *
 * Text is measured in column-width units (the width of a digit of the workbook's default 11 pt
 * font), letter by letter: the widths are DejaVu's (what LibreOffice falls back to without the
 * Microsoft fonts, and the widest of the usual fonts), with a margin for Calibri, Aptos and
 * Times New Roman, so a word measured here fits wherever the report is opened. A row may come
 * out a little taller than it needs; it is never cut.
 */
import type { FormCell, FormRow, RowStyle } from "./form";

/** The font of the whole form: what a ministry's documents use. */
export const FORM_FONT_NAME = "Times New Roman";

export interface FormFont {
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface FormCellStyle {
  readonly font: FormFont;
  readonly align: "left" | "center";
  /** «header» light blue, «total» light grey. */
  readonly fill: "header" | "total" | null;
  /** A thin frame around the cell (cells of a table). */
  readonly border: boolean;
}

/** A merged block of cells, 0-based and inclusive. */
export interface FormMerge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface FormLayout {
  readonly rows: readonly FormRow[];
  readonly merges: readonly FormMerge[];
  /** Column widths in Excel's units (characters of the default font). */
  readonly widths: readonly number[];
  /** Row heights in points. */
  readonly heights: readonly number[];
}

/** Colours of the fills, as RGB hex. */
export const FORM_FILLS = { header: "DDE7F3", total: "F2F2F2" } as const;
/** The frame's colour, RGB hex. */
export const FORM_BORDER_COLOR = "808080";

/** Smallest widths: № | the row titles | seven columns of numbers. */
const MIN_WIDTHS = [5, 50, 9, 9, 9, 9, 9, 9, 9] as const;

/** Characters by their width in digits (DejaVu Sans or Serif, whichever is wider). */
const CHAR_WIDTHS: ReadonlyArray<readonly [string, number]> = [
  ["'", 0.45],
  [" .,j", 0.5],
  [":;/il", 0.55],
  ["-f", 0.6],
  ["()!tIJ[]", 0.65],
  ['"', 0.75],
  ["–r_*", 0.8],
  ["г?sz", 0.85],
  ["зсэc", 0.9],
  ["втухьvxy•", 0.95],
  ["абеёкоя0123456789«»aeko", 1],
  ["ийлнпрчГЗТbdghnpquLTY", 1.05],
  ["дцРЬFPSZ", 1.1],
  ["ъЕЁУХAEVX", 1.15],
  ["АБВBKR", 1.2],
  ["мКСЧЭC", 1.25],
  ["ыДОЯDGOQ", 1.3],
  ["фЛЪwU+=#<>", 1.35],
  ["юИЙНПФЦHN&", 1.4],
  ["ж", 1.45],
  ["шщ%", 1.5],
  ["Ыm", 1.55],
  ["—@", 1.6],
  ["М№MW", 1.65],
  ["ЖШЩ", 1.8],
  ["Ю", 1.9],
];

const WIDTH_OF = new Map<string, number>(
  CHAR_WIDTHS.flatMap(([chars, w]) => [...chars].map((c) => [c, w] as const))
);

/** Other fonts against DejaVu (Calibri's letters are wider for its narrow digits). */
const FONT_MARGIN = 1.1;
/** Bold letters against regular ones, digits included. */
const BOLD = 1.12;
/** The cell's inner margins, in units. */
const PADDING = 1;
/** Line height against the font size, and the row's margin in points. */
const LINE = 1.25;
const ROW_MARGIN = 3;

/** The width of a text on one line, in column-width units. */
export function textWidth(text: string, font: FormFont): number {
  let digits = 0;
  for (const c of text) {
    digits += WIDTH_OF.get(c) ?? 1.2;
  }
  return (digits * FONT_MARGIN * (font.bold ? BOLD : 1) * font.size) / 11;
}

/** The widest word of a text (words end at white space). */
export function longestWordWidth(text: string, font: FormFont): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, font)));
}

/**
 * How many lines a text takes in a cell `width` units wide when it wraps between words only
 * (a line break in the text starts a new line).
 */
export function wrappedLines(text: string, width: number, font: FormFont): number {
  const room = Math.max(1, width - PADDING);
  const space = textWidth(" ", font);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const w = textWidth(word, font);
      if (used > 0 && used + space + w > room) {
        lines += 1;
        used = w;
      } else {
        used += (used > 0 ? space : 0) + w;
      }
    }
  }
  return Math.max(1, lines);
}

/** The row height in points for `lines` lines of that font. */
export function linesHeight(lines: number, font: FormFont): number {
  return Math.ceil((lines * LINE * font.size + ROW_MARGIN) * 4) / 4;
}

const FONTS: Readonly<Record<RowStyle, FormFont>> = {
  title: { size: 13, bold: true, italic: false },
  subtitle: { size: 11, bold: false, italic: false },
  section: { size: 11, bold: true, italic: false },
  header: { size: 10, bold: true, italic: false },
  group: { size: 11, bold: false, italic: true },
  data: { size: 11, bold: false, italic: false },
  total: { size: 11, bold: true, italic: false },
  note: { size: 10, bold: false, italic: true },
  blank: { size: 11, bold: false, italic: false },
  signature: { size: 11, bold: false, italic: false },
};

/** The style of a cell of the form. */
export function cellStyle(row: FormRow, col: number): FormCellStyle {
  const font = FONTS[row.style];
  const border = col < row.frame;
  const fill = row.style === "header" ? "header" : row.style === "total" ? "total" : null;
  const centred =
    row.style === "title" ||
    row.style === "subtitle" ||
    row.style === "header" ||
    (border && col !== 1 && row.style !== "group");
  return { font, align: centred ? "center" : "left", fill: border ? fill : null, border };
}

function cellText(cell: FormCell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

/** The merged blocks of the form, 0-based. */
function mergesOf(rows: readonly FormRow[]): FormMerge[] {
  return rows.flatMap((r, top) =>
    r.spans.map((s) => ({
      top,
      left: s.col,
      bottom: top + s.rows - 1,
      right: s.col + s.cols - 1,
    }))
  );
}

/** The block a cell starts, or a 1×1 block. */
function blockAt(merges: readonly FormMerge[], top: number, left: number): FormMerge {
  return (
    merges.find((m) => m.top === top && m.left === left) ?? { top, left, bottom: top, right: left }
  );
}

/**
 * Widths: each column at least its smallest width and as wide as the longest word of its
 * cells; a merged block's longest word widens its columns evenly. The title column (B) grows
 * only for a word longer than it.
 */
function widthsOf(rows: readonly FormRow[], merges: readonly FormMerge[]): number[] {
  const widths: number[] = [...MIN_WIDTHS];
  const blocks: { block: FormMerge; need: number }[] = [];
  rows.forEach((r, top) => {
    r.cells.forEach((cell, left) => {
      const text = cellText(cell);
      if (text === "") {
        return;
      }
      const block = blockAt(merges, top, left);
      const need = longestWordWidth(text, cellStyle(r, left).font) + PADDING;
      blocks.push({ block, need });
    });
  });
  // Single cells first, then merged blocks over the widths those give.
  for (const { block, need } of blocks.filter((b) => b.block.left === b.block.right)) {
    widths[block.left] = Math.max(widths[block.left] ?? 0, need);
  }
  for (const { block, need } of blocks.filter((b) => b.block.left !== b.block.right)) {
    const span = block.right - block.left + 1;
    const have = widths.slice(block.left, block.right + 1).reduce((a, b) => a + b, 0);
    if (have < need) {
      for (let c = block.left; c <= block.right; c++) {
        widths[c] = (widths[c] ?? 0) + (need - have) / span;
      }
    }
  }
  return widths.map((w) => Math.ceil(w * 2) / 2);
}

/**
 * Heights: each row as tall as its tallest one-row cell needs; a block over several rows adds
 * what it still lacks to its last row.
 */
function heightsOf(
  rows: readonly FormRow[],
  merges: readonly FormMerge[],
  widths: readonly number[]
): number[] {
  const blockWidth = (b: FormMerge): number =>
    widths.slice(b.left, b.right + 1).reduce((a, w) => a + w, 0);
  const heights = rows.map((r) => linesHeight(1, FONTS[r.style]));
  const tall: { block: FormMerge; need: number }[] = [];
  rows.forEach((r, top) => {
    r.cells.forEach((cell, left) => {
      const text = cellText(cell);
      if (text === "") {
        return;
      }
      const block = blockAt(merges, top, left);
      const font = cellStyle(r, left).font;
      const need = linesHeight(wrappedLines(text, blockWidth(block), font), font);
      if (block.bottom === block.top) {
        heights[top] = Math.max(heights[top] ?? 0, need);
      } else {
        tall.push({ block, need });
      }
    });
  });
  for (const { block, need } of tall) {
    const have = heights.slice(block.top, block.bottom + 1).reduce((a, h) => a + h, 0);
    if (have < need) {
      heights[block.bottom] = (heights[block.bottom] ?? 0) + need - have;
    }
  }
  return heights;
}

/** The form laid out: merges, widths and heights. */
export function layoutForm(rows: readonly FormRow[]): FormLayout {
  const merges = mergesOf(rows);
  const widths = widthsOf(rows, merges);
  return { rows, merges, widths, heights: heightsOf(rows, merges, widths) };
}

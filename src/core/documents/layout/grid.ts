/**
 * The grid every document sheet is drawn on, and the measures both renderers share: the page
 * (A4 portrait, 68 columns of 7.5 pt), the fonts and sizes, the styles and areas a layout is
 * made of, and how a line of labels and values or a signature divides the grid's columns.
 * `sheetLayout.ts` lays a document out on it; the Word writer uses the same proportions.
 */
import type { DocumentBlock, LineBlock } from "../model";
import { textWidth } from "./textMetrics";

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
export const CORNER_START = 32;
/** Space a cell's text keeps from its edges, in points (both sides together). */
export const PADDING = 5;
/** Height of an empty row between parts of the form. */
export const SPACE_HEIGHT = 8;
/** Least height of a row with a line to write on: room for handwriting. */
export const LINE_HEIGHT = 21;
/** Labels are measured a little less generously than wrapped text: they sit close to their line. */
export const LABEL_FACTOR = 0.93;

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

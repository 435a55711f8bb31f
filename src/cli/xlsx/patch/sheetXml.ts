/**
 * The pieces of a worksheet's XML the editor works with: the schema order of its children, the
 * rows and cells found by scanning, and a cell's value.
 */
import type { SharedStrings } from "./sharedStrings";
import { columnNumber } from "./refs";
import { START_TAG_BODY, decodeXml } from "./xml";

/** Children of <worksheet> in schema order (CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** A replacement of `[start, end)` of a part's text. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Stands for the rows a compact editor keeps as bytes (a comment: no scan takes it for a row). */
export const HIDDEN_ROWS = "<!--vshu:rows-->";

export interface RowInfo {
  readonly num: number;
  readonly start: number;
  readonly openEnd: number;
  readonly contentEnd: number;
  readonly end: number;
  readonly tag: string;
  readonly selfClosing: boolean;
}

export interface CellInfo {
  readonly col: number;
  /** Offsets inside the row's text. */
  readonly start: number;
  readonly end: number;
  readonly tag: string;
  readonly style: number | undefined;
  readonly type: string | undefined;
  /** The cell's XML as found. */
  readonly xml: string;
  /** A value, a formula or an inline string is present. */
  readonly hasValue: boolean;
}

/** A cell value as read from the sheet (formulas give their stored result). */
export type SheetValue = string | number | boolean | null;

/** The cells of a row's content. */
export function scanCells(body: string, p: string): CellInfo[] {
  const re = new RegExp(`<${p}c(?=[\\s/>])(${START_TAG_BODY})(/?)>`, "g");
  const close = `</${p}c>`;
  const out: CellInfo[] = [];
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const tag = m[0];
    const r = /\sr\s*=\s*["']\$?([A-Za-z]+)/.exec(tag);
    const col = r ? columnNumber((r[1] ?? "").toUpperCase()) : last + 1;
    let end: number;
    let inner = "";
    if (m[2] === "/") {
      end = m.index + tag.length;
    } else {
      const c = body.indexOf(close, m.index + tag.length);
      end = c < 0 ? body.length : c + close.length;
      inner = body.slice(m.index + tag.length, c < 0 ? body.length : c);
    }
    const s = /\ss\s*=\s*["'](\d+)["']/.exec(tag);
    const t = /\st\s*=\s*["'](\w+)["']/.exec(tag);
    out.push({
      col,
      start: m.index,
      end,
      tag,
      style: s ? Number(s[1]) : undefined,
      type: t ? t[1] : undefined,
      xml: body.slice(m.index, end),
      hasValue: inner !== "" && new RegExp(`<${p}(?:v|f|is)(?=[\\s/>])`).test(inner),
    });
    last = col;
    re.lastIndex = end;
  }
  return out;
}

export function cellValue(cell: CellInfo, p: string, strings: SharedStrings): SheetValue {
  const v = new RegExp(`<${p}v(?:\\s[^>]*)?>([^<]*)</${p}v>`).exec(cell.xml)?.[1];
  switch (cell.type) {
    case "s":
      return v === undefined ? null : strings.text(Number(v));
    case "inlineStr": {
      const ts = [...cell.xml.matchAll(new RegExp(`<${p}t(?:\\s[^>]*)?>([^<]*)</${p}t>`, "g"))].map(
        (x) => x[1] ?? ""
      );
      return decodeXml(ts.join(""));
    }
    case "str":
    case "e":
      return v === undefined ? null : decodeXml(v);
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim() === "true";
    default:
      return v === undefined || v.trim() === "" ? null : Number(v);
  }
}

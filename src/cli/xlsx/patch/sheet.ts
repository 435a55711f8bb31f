/**
 * One worksheet part, edited as text: rows and cells are found by scanning the XML (no DOM,
 * so a sheet of 10 000 rows is scanned in milliseconds), and every change is a splice of the
 * part's text, so rows, cells and elements we do not touch stay exactly as they were.
 *
 * The spec lets a writer leave out the `r` of rows and cells (their position then follows
 * the previous one); such a sheet is given explicit references before it is edited.
 */
import { type Range, cellRef, columnLetters, formatRange, parseRange } from "./refs";
import type { SharedStrings } from "./sharedStrings";
import {
  HIDDEN_ROWS,
  WORKSHEET_ORDER,
  cellValue,
  scanCells,
  type CellInfo,
  type Edit,
  type RowInfo,
  type SheetValue,
} from "./sheetXml";
import {
  NS_MAIN,
  NS_REL,
  START_TAG_BODY,
  ensurePrefix,
  findElement,
  getAttr,
  insertInOrder,
  prefixOf,
  rootTag,
  setAttr,
  splice,
  spliceAll,
} from "./xml";

export class SheetEditor {
  readonly p: string;
  private rowCache: RowInfo[] | null = null;
  private rowByNum: Map<number, RowInfo> | null = null;
  private changedFlag = false;

  /**
   * The rows an edit does not need, kept as bytes: a large sheet opened for appending rows is
   * decoded only around its last rows (see `compact`), and `hidden` stands in the text as
   * HIDDEN_ROWS until the part is written back.
   */
  private readonly hidden: Buffer | null;

  /** Whether some rows are hidden as bytes (the editor sees only the sheet's last rows). */
  get partial(): boolean {
    return this.hidden !== null;
  }

  /** The part as bytes, hidden rows put back in place. */
  bytes(): Buffer {
    if (this.hidden === null) {
      return Buffer.from(this.text, "utf8");
    }
    const at = this.text.indexOf(HIDDEN_ROWS);
    if (at < 0 || this.text.indexOf(HIDDEN_ROWS, at + 1) >= 0) {
      throw new Error("the hidden rows' marker was lost");
    }
    return Buffer.concat([
      Buffer.from(this.text.slice(0, at), "utf8"),
      this.hidden,
      Buffer.from(this.text.slice(at + HIDDEN_ROWS.length), "utf8"),
    ]);
  }

  /** `hidden`: rows kept as bytes, standing in `text` as HIDDEN_ROWS (compactSheet.ts). */
  constructor(
    private text: string,
    hidden: Buffer | null = null
  ) {
    this.hidden = hidden;
    if (prefixOf(text, NS_MAIN) === null) {
      const root = rootTag(text);
      throw new Error(
        root && /purl\.oclc\.org/.test(root.tag)
          ? "strict"
          : "the worksheet part has no SpreadsheetML namespace"
      );
    }
    this.p = prefixOf(text, NS_MAIN) ?? "";
    this.ensureRefs();
  }

  get xml(): string {
    return this.text;
  }

  get changed(): boolean {
    return this.changedFlag;
  }

  /** Carries the changed state over to an editor reopened on the same text. */
  markChanged(changed: boolean): void {
    this.changedFlag = this.changedFlag || changed;
  }

  private set(xml: string): void {
    this.text = xml;
    this.rowCache = null;
    this.rowByNum = null;
    this.changedFlag = true;
  }

  /** Where <sheetData> is; a self-closing one is opened first. */
  private sheetData(): { openEnd: number; contentEnd: number } {
    const p = this.p;
    let f = findElement(this.text, `${p}sheetData`);
    if (!f) {
      this.set(
        insertInOrder(this.text, p, WORKSHEET_ORDER, "sheetData", `<${p}sheetData></${p}sheetData>`)
      );
      f = findElement(this.text, `${p}sheetData`);
    } else if (f.selfClosing) {
      this.set(splice(this.text, f.start, f.end, `<${p}sheetData></${p}sheetData>`));
      f = findElement(this.text, `${p}sheetData`);
    }
    if (!f) {
      throw new Error("no <sheetData>");
    }
    return { openEnd: f.openEnd, contentEnd: f.contentEnd };
  }

  /** Every row element, in order. */
  rows(): RowInfo[] {
    if (this.rowCache) {
      return this.rowCache;
    }
    const { openEnd, contentEnd } = this.sheetData();
    const p = this.p;
    const re = new RegExp(`<${p}row(?=[\\s/>])(${START_TAG_BODY})(/?)>`, "g");
    re.lastIndex = openEnd;
    const close = `</${p}row>`;
    const out: RowInfo[] = [];
    let last = 0;
    for (let m = re.exec(this.text); m && m.index < contentEnd; m = re.exec(this.text)) {
      const tag = m[0];
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
      const num = r ? Number(r[1]) : last + 1;
      const rowOpenEnd = m.index + tag.length;
      const selfClosing = m[2] === "/";
      const rowContentEnd = selfClosing ? rowOpenEnd : this.text.indexOf(close, rowOpenEnd);
      if (rowContentEnd < 0) {
        throw new Error("unclosed <row>");
      }
      const end = selfClosing ? rowOpenEnd : rowContentEnd + close.length;
      out.push({
        num,
        start: m.index,
        openEnd: rowOpenEnd,
        contentEnd: rowContentEnd,
        end,
        tag,
        selfClosing,
      });
      last = num;
      re.lastIndex = end;
    }
    this.rowCache = out;
    return out;
  }

  row(num: number): RowInfo | undefined {
    if (!this.rowByNum) {
      this.rowByNum = new Map(this.rows().map((r) => [r.num, r]));
    }
    return this.rowByNum.get(num);
  }

  /** The cells of a row, in order. */
  cells(row: RowInfo): CellInfo[] {
    return scanCells(this.text.slice(row.openEnd, row.contentEnd), this.p);
  }

  cell(rowNum: number, col: number): CellInfo | undefined {
    const row = this.row(rowNum);
    return row ? this.cells(row).find((c) => c.col === col) : undefined;
  }

  /** The value of a cell (shared strings resolved). */
  value(cell: CellInfo, strings: SharedStrings): SheetValue {
    return cellValue(cell, this.p, strings);
  }

  /**
   * Replaces the rows numbered `from`–`to` (those that exist) with `xml`, which holds rows in
   * that range; rows outside it are untouched. Rows must stay in order, so `xml` goes where
   * the first of them was, or after the last row before `from`.
   */
  replaceRows(from: number, to: number, xml: string): void {
    this.apply([this.rowsEdit(from, to, xml)]);
  }

  /** The edit `replaceRows` makes, for applying together with others in one copy. */
  rowsEdit(from: number, to: number, xml: string): Edit {
    const rows = this.rows();
    const inRange = rows.filter((r) => r.num >= from && r.num <= to);
    const first = inRange[0];
    const last = inRange[inRange.length - 1];
    if (first && last) {
      return { start: first.start, end: last.end, text: xml };
    }
    let before: RowInfo | undefined;
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i];
      if (r && r.num < from) {
        before = r;
        break;
      }
    }
    const at = before ? before.end : this.sheetData().openEnd;
    return { start: at, end: at, text: xml };
  }

  /**
   * Applies edits of the current text at once: one copy of a large sheet instead of one per
   * edit (a sheet of 10 000 rows is tens of megabytes in memory).
   */
  apply(edits: readonly (Edit | null)[]): void {
    const list = edits.filter((e): e is Edit => e !== null);
    if (list.length > 0) {
      this.set(spliceAll(this.text, list));
    }
  }

  /**
   * Sets cells of row `rn` (XML by column; "" removes the cell), keeping its other cells and
   * attributes; creates the row when it does not exist.
   */
  setCells(rn: number, cells: ReadonlyMap<number, string>): void {
    const p = this.p;
    const existing = this.row(rn);
    const own = existing && !existing.selfClosing ? this.cells(existing) : [];
    const merged = new Map<number, string>(own.map((c) => [c.col, c.xml]));
    for (const [col, xml] of cells) {
      merged.set(col, xml);
    }
    const body = [...merged.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, xml]) => xml)
      .join("");
    const tag = existing
      ? existing.tag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, "").replace(/\s*\/>$/, ">")
      : `<${p}row r="${rn}">`;
    this.replaceRows(rn, rn, `${tag}${body}</${p}row>`);
  }

  /** The `<col>` definitions: ranges of columns with their attributes. */
  cols(): { min: number; max: number; tag: string }[] {
    const f = findElement(this.text, `${this.p}cols`, 0, this.sheetDataStart());
    if (!f) {
      return [];
    }
    const re = new RegExp(`<${this.p}col(?=[\\s/>])${START_TAG_BODY}/?>`, "g");
    return [...this.text.slice(f.start, f.end).matchAll(re)].map((m) => ({
      min: Number(getAttr(m[0], "min") ?? "0"),
      max: Number(getAttr(m[0], "max") ?? "0"),
      tag: m[0],
    }));
  }

  /** The default style of a column (`<col style>`), if any. */
  columnStyle(col: number): number | undefined {
    const c = this.cols().find((x) => col >= x.min && col <= x.max);
    const s = c ? getAttr(c.tag, "style") : undefined;
    return s === undefined ? undefined : Number(s);
  }

  /** The width of a column in characters (`<col width>`, or the sheet's default 8.43). */
  columnWidth(col: number): number {
    const c = this.cols().find((x) => col >= x.min && col <= x.max);
    const w = c ? Number(getAttr(c.tag, "width")) : NaN;
    return Number.isFinite(w) && w > 0 ? w : 8.43;
  }

  /** Adds a `<col>` for a column no `<col>` covers yet (width in characters, optional style). */
  addCol(col: number, width: number, style: number | undefined): void {
    if (this.cols().some((c) => col >= c.min && col <= c.max)) {
      return;
    }
    const p = this.p;
    const el =
      `<${p}col min="${col}" max="${col}" width="${width}" customWidth="1"` +
      `${style === undefined ? "" : ` style="${style}"`}/>`;
    const f = findElement(this.text, `${p}cols`, 0, this.sheetDataStart());
    if (!f) {
      this.insertChild("cols", `<${p}cols>${el}</${p}cols>`);
      return;
    }
    // Keep <col> elements sorted by column.
    const later = this.cols().find((c) => c.min > col);
    const at = later ? this.text.indexOf(later.tag, f.start) : f.contentEnd;
    this.set(splice(this.text, at, at, el));
  }

  private sheetDataStart(): number {
    const i = this.text.search(new RegExp(`<${this.p}sheetData(?=[\\s/>])`));
    return i < 0 ? this.text.length : i;
  }

  private sheetDataEnd(): number {
    const close = `</${this.p}sheetData>`;
    const i = this.text.lastIndexOf(close);
    if (i >= 0) {
      return i + close.length;
    }
    const f = findElement(this.text, `${this.p}sheetData`);
    return f ? f.end : 0;
  }

  /** A child element of <worksheet>, the first of its name (searched outside <sheetData>). */
  child(local: string): { start: number; end: number; xml: string } | null {
    const after = WORKSHEET_ORDER.indexOf(local) > WORKSHEET_ORDER.indexOf("sheetData");
    const f = after
      ? findElement(this.text, `${this.p}${local}`, this.sheetDataEnd())
      : findElement(this.text, `${this.p}${local}`, 0, this.sheetDataStart());
    return f ? { start: f.start, end: f.end, xml: this.text.slice(f.start, f.end) } : null;
  }

  /** Replaces the whole part (after an edit computed on `xml`). */
  replaceAll(xml: string): void {
    this.set(xml);
  }

  /** Replaces a child element found by `child()`. */
  replaceChild(found: { start: number; end: number }, xml: string): void {
    this.set(splice(this.text, found.start, found.end, xml));
  }

  /** Inserts a child element of <worksheet> in schema order. */
  insertChild(local: string, element: string): void {
    const rank = WORKSHEET_ORDER.indexOf(local);
    const rootClose = this.text.lastIndexOf("</");
    let at = rootClose;
    const dataStart = this.sheetDataStart();
    const dataEnd = this.sheetDataEnd();
    for (const later of WORKSHEET_ORDER.slice(rank + 1)) {
      const laterAfterData = WORKSHEET_ORDER.indexOf(later) > WORKSHEET_ORDER.indexOf("sheetData");
      const f = laterAfterData
        ? findElement(this.text, `${this.p}${later}`, dataEnd)
        : later === "sheetData"
          ? { start: dataStart }
          : findElement(this.text, `${this.p}${later}`, 0, dataStart);
      if (f && f.start < at) {
        at = f.start;
      }
    }
    this.set(splice(this.text, at, at, element));
  }

  /** Sets the `ref` of <dimension> to cover `range` too (when the sheet has a dimension). */
  growDimension(range: Range): void {
    this.apply([this.dimensionEdit(range)]);
  }

  /** The edit `growDimension` makes (null: the sheet has no dimension). */
  dimensionEdit(range: Range): Edit | null {
    const d = this.child("dimension");
    if (!d) {
      return null;
    }
    const current = parseRange(getAttr(d.xml, "ref") ?? "");
    const merged = current
      ? {
          top: Math.min(current.top, range.top),
          left: Math.min(current.left, range.left),
          bottom: Math.max(current.bottom, range.bottom),
          right: Math.max(current.right, range.right),
        }
      : range;
    return { start: d.start, end: d.end, text: setAttr(d.xml, "ref", formatRange(merged)) };
  }

  /** Merged cell ranges of the sheet. */
  mergedRanges(): Range[] {
    const m = this.child("mergeCells");
    if (!m) {
      return [];
    }
    const re = new RegExp(`<${this.p}mergeCell\\b${START_TAG_BODY}/?>`, "g");
    return [...m.xml.matchAll(re)]
      .map((x) => parseRange(getAttr(x[0], "ref") ?? ""))
      .filter((r): r is Range => r !== null);
  }

  /** The prefix of the relationships namespace, declared on the root when missing. */
  relPrefix(): string {
    const { xml, prefix } = ensurePrefix(this.text, NS_REL, "r");
    if (xml !== this.text) {
      this.set(xml);
    }
    return prefix;
  }

  /** Relationship ids of the sheet's <tablePart> elements. */
  tablePartIds(): string[] {
    const t = this.child("tableParts");
    if (!t) {
      return [];
    }
    const re = new RegExp(`<${this.p}tablePart\\b${START_TAG_BODY}/?>`, "g");
    return [...t.xml.matchAll(re)]
      .map((m) => /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1])
      .filter((x): x is string => x !== undefined);
  }

  /** Whether any cell in `range` holds a value (for refusing to write over it). */
  firstValueIn(range: Range): { row: number; col: number } | null {
    for (const row of this.rows()) {
      if (row.num < range.top || row.num > range.bottom || row.selfClosing) {
        continue;
      }
      for (const c of this.cells(row)) {
        if (c.col >= range.left && c.col <= range.right && c.hasValue) {
          return { row: row.num, col: c.col };
        }
      }
    }
    return null;
  }

  /** Gives every row and cell an explicit `r` when some lack it (positions unchanged). */
  private ensureRefs(): void {
    const p = this.p;
    const rowNoRef = new RegExp(`<${p}row(?=[\\s/>])(?![^>]*\\sr\\s*=)`);
    const cellNoRef = new RegExp(`<${p}c(?=[\\s/>])(?![^>]*\\sr\\s*=)`);
    if (!rowNoRef.test(this.text) && !cellNoRef.test(this.text)) {
      return;
    }
    const rows = this.rows();
    let out = "";
    let at = 0;
    for (const row of rows) {
      out += this.text.slice(at, row.start);
      let tag = row.tag;
      if (!/\sr\s*=/.test(tag)) {
        tag = setAttr(tag, "r", String(row.num));
      }
      out += tag;
      if (!row.selfClosing) {
        const body = this.text.slice(row.openEnd, row.contentEnd);
        let b = "";
        let bAt = 0;
        for (const c of scanCells(body, p)) {
          b += body.slice(bAt, c.start);
          b += /\sr\s*=/.test(c.tag)
            ? c.xml
            : setAttr(c.tag, "r", cellRef(row.num, c.col)) + c.xml.slice(c.tag.length);
          bAt = c.end;
        }
        out += b + body.slice(bAt) + this.text.slice(row.contentEnd, row.end);
      }
      at = row.end;
    }
    this.set(out + this.text.slice(at));
    this.changedFlag = false;
  }
}

export { cellRef, columnLetters, scanCells, WORKSHEET_ORDER };
export type { CellInfo, Edit, RowInfo, SheetValue };

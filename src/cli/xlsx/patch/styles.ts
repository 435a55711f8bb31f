/**
 * The package's cell styles (xl/styles.xml): finds what an existing cell format shows (a date
 * or not) and derives new cell formats from existing ones (a date format, «@», bold, wrapped,
 * a quote prefix). New formats are appended; existing indexes never change, so every cell of
 * the workbook keeps its look.
 */
import {
  NS_MAIN,
  START_TAG_BODY,
  escapeAttr,
  findElement,
  getAttr,
  insertInOrder,
  openElement,
  prefixOf,
  setAttr,
  splice,
} from "./xml";

/** Children of <styleSheet> in schema order. */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Built-in number formats that show a date (ECMA-376 18.8.30; 27–36, 50–58 are East Asian dates). */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57,
  58,
]);

export const DATE_FORMAT = "dd.mm.yyyy";
export const DATE_TIME_FORMAT = "dd.mm.yyyy hh:mm";
const TEXT_FORMAT_ID = 49;

/** Whether a number format code shows a date (ignoring quoted text, escapes and [..] sections). */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0];
  return /[dy]/i.test(bare ?? "");
}

export interface XfChange {
  /** Number format code («dd.mm.yyyy», «@»). */
  readonly numFmt?: string;
  readonly quotePrefix?: boolean;
  readonly bold?: boolean;
  readonly wrap?: boolean;
  readonly verticalTop?: boolean;
}

export class StylesEditor {
  private numFmts = new Map<number, string>();
  private readonly xfs: string[] = [];
  private readonly fonts: string[] = [];
  private readonly addedXfs: string[] = [];
  private readonly addedFonts: string[] = [];
  private readonly addedNumFmts: [number, string][] = [];
  private readonly derived = new Map<string, number>();
  private readonly p: string;

  constructor(private xml: string) {
    this.p = prefixOf(xml, NS_MAIN) ?? "";
    const p = this.p;
    const nf = findElement(xml, `${p}numFmts`);
    if (nf) {
      const re = new RegExp(`<${p}numFmt\\b(${START_TAG_BODY})/?>`, "g");
      for (const m of xml.slice(nf.start, nf.end).matchAll(re)) {
        const id = Number(getAttr(m[0], "numFmtId"));
        const code = getAttr(m[0], "formatCode");
        if (Number.isFinite(id) && code !== undefined) {
          this.numFmts.set(id, code);
        }
      }
    }
    this.xfs = children(xml, `${p}cellXfs`, `${p}xf`);
    this.fonts = children(xml, `${p}fonts`, `${p}font`);
  }

  /** Number of cell formats (existing and added). */
  get count(): number {
    return this.xfs.length + this.addedXfs.length;
  }

  private xf(index: number): string {
    return this.xfs[index] ?? this.addedXfs[index - this.xfs.length] ?? this.xfs[0] ?? "<xf/>";
  }

  /** The number format code of a cell format ("General" for 0). */
  formatCode(index: number): string {
    const id = Number(getAttr(this.startTag(this.xf(index)), "numFmtId") ?? "0");
    return this.codeOf(id);
  }

  private codeOf(id: number): string {
    const custom =
      this.numFmts.get(id) ?? this.addedNumFmts.find(([i]) => i === id)?.[1] ?? undefined;
    if (custom !== undefined) {
      return custom;
    }
    if (BUILTIN_DATES.has(id)) {
      return "dd.mm.yyyy";
    }
    return id === TEXT_FORMAT_ID ? "@" : "General";
  }

  /** Whether cells of this format show a date. */
  isDate(index: number): boolean {
    const id = Number(getAttr(this.startTag(this.xf(index)), "numFmtId") ?? "0");
    return BUILTIN_DATES.has(id) || (id >= 164 && isDateFormatCode(this.codeOf(id)));
  }

  /** Whether cells of this format wrap their text. */
  wraps(index: number): boolean {
    return /\swrapText\s*=\s*["'](1|true)["']/.test(this.xf(index));
  }

  /** A cell format like `base` with `change` applied (an existing identical one is reused). */
  derive(base: number, change: XfChange): number {
    const key = `${base}|${JSON.stringify(change)}`;
    const known = this.derived.get(key);
    if (known !== undefined) {
      return known;
    }
    const source = this.xf(base);
    let tag = this.startTag(source);
    let inner = source.endsWith("/>") ? "" : source.slice(tag.length, source.lastIndexOf("</"));
    if (tag.endsWith("/>")) {
      tag = `${tag.slice(0, -2)}>`;
    }
    if (change.numFmt !== undefined) {
      tag = setAttr(tag, "numFmtId", String(this.numFmtId(change.numFmt)));
      tag = setAttr(tag, "applyNumberFormat", "1");
    }
    if (change.quotePrefix) {
      tag = setAttr(tag, "quotePrefix", "1");
    }
    if (change.bold) {
      const fontId = Number(getAttr(tag, "fontId") ?? "0");
      tag = setAttr(tag, "fontId", String(this.boldFont(fontId)));
      tag = setAttr(tag, "applyFont", "1");
    }
    if (change.wrap || change.verticalTop) {
      const p = this.p;
      const alignRe = new RegExp(`<${p}alignment\\b${START_TAG_BODY}/?>(?:</${p}alignment>)?`);
      const current = alignRe.exec(inner)?.[0];
      let align = current
        ? (current.match(new RegExp(`^<${p}alignment\\b${START_TAG_BODY}/?>`))?.[0] ?? "")
        : `<${p}alignment/>`;
      if (!align.endsWith("/>")) {
        align = `${align.slice(0, -1)}/>`;
      }
      if (change.wrap) {
        align = setAttr(align, "wrapText", "1");
      }
      if (change.verticalTop) {
        align = setAttr(align, "vertical", "top");
      }
      inner = current ? inner.replace(current, align) : align + inner;
      tag = setAttr(tag, "applyAlignment", "1");
    }
    const closing = `</${this.p}xf>`;
    const xf = inner === "" ? `${tag.slice(0, -1)}/>` : `${tag}${inner}${closing}`;
    const all = [...this.xfs, ...this.addedXfs];
    let index = all.indexOf(xf);
    if (index < 0) {
      this.addedXfs.push(xf);
      index = all.length;
    }
    this.derived.set(key, index);
    return index;
  }

  /** The id of a number format code, added when the workbook has none like it. */
  numFmtId(code: string): number {
    if (code === "@") {
      return TEXT_FORMAT_ID;
    }
    const want = code.toLowerCase();
    for (const [id, c] of [...this.numFmts, ...this.addedNumFmts]) {
      if (c.toLowerCase() === want) {
        return id;
      }
    }
    const ids = [163, ...this.numFmts.keys(), ...this.addedNumFmts.map(([i]) => i)];
    const id = Math.max(...ids) + 1;
    this.addedNumFmts.push([id, code]);
    return id;
  }

  private boldFont(fontId: number): number {
    const p = this.p;
    const font = this.fonts[fontId] ?? this.fonts[0] ?? `<${p}font/>`;
    if (new RegExp(`<${p}b(?:\\s+val="(?:1|true)")?\\s*/>`).test(font)) {
      return fontId;
    }
    const open = font.match(new RegExp(`^<${p}font\\b${START_TAG_BODY}/?>`))?.[0] ?? `<${p}font>`;
    const bold = open.endsWith("/>")
      ? `${open.slice(0, -2)}><${p}b/></${p}font>`
      : `${open}<${p}b/>${font.slice(open.length)}`;
    const all = [...this.fonts, ...this.addedFonts];
    const found = all.indexOf(bold);
    if (found >= 0) {
      return found;
    }
    this.addedFonts.push(bold);
    return all.length;
  }

  private startTag(element: string): string {
    return element.match(new RegExp(`^<[\\w:]+\\b${START_TAG_BODY}/?>`))?.[0] ?? element;
  }

  /** Whether anything was added. */
  get changed(): boolean {
    return this.addedXfs.length + this.addedFonts.length + this.addedNumFmts.length > 0;
  }

  /** The styles part with the added formats. */
  toXml(): string {
    let xml = this.xml;
    const p = this.p;
    if (this.addedNumFmts.length > 0) {
      const items = this.addedNumFmts
        .map(([id, code]) => `<${p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`)
        .join("");
      xml = appendChildren(xml, p, "numFmts", items, this.numFmts.size + this.addedNumFmts.length);
    }
    if (this.addedFonts.length > 0) {
      xml = appendChildren(
        xml,
        p,
        "fonts",
        this.addedFonts.join(""),
        this.fonts.length + this.addedFonts.length
      );
    }
    if (this.addedXfs.length > 0) {
      xml = appendChildren(xml, p, "cellXfs", this.addedXfs.join(""), this.count);
    }
    this.xml = xml;
    this.numFmts = new Map([...this.numFmts, ...this.addedNumFmts]);
    this.fonts.push(...this.addedFonts.splice(0));
    this.xfs.push(...this.addedXfs.splice(0));
    this.addedNumFmts.splice(0);
    return xml;
  }
}

/** The child elements of a root child, as strings. */
function children(xml: string, parent: string, child: string): string[] {
  const f = findElement(xml, parent);
  if (!f || f.selfClosing) {
    return [];
  }
  const body = xml.slice(f.openEnd, f.contentEnd);
  const out: string[] = [];
  const re = new RegExp(`<${child.replace(/:/g, "\\:")}(?=[\\s/>])${START_TAG_BODY}(/?)>`, "g");
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1] === "/") {
      out.push(m[0]);
      continue;
    }
    const close = `</${child}>`;
    const end = body.indexOf(close, m.index + m[0].length);
    const stop = end < 0 ? body.length : end + close.length;
    out.push(body.slice(m.index, stop));
    re.lastIndex = stop;
  }
  return out;
}

/** Appends child elements to a root child (created in schema order if absent), updating `count`. */
function appendChildren(
  xml: string,
  p: string,
  local: string,
  items: string,
  count: number
): string {
  const qname = `${p}${local}`;
  let f = findElement(xml, qname);
  if (!f) {
    xml = insertInOrder(xml, p, STYLESHEET_ORDER, local, `<${qname} count="0"></${qname}>`);
    f = findElement(xml, qname);
    if (!f) {
      throw new Error(`cannot add <${qname}>`);
    }
  }
  const opened = openElement(xml, f, qname);
  xml = splice(opened.xml, opened.at, opened.at, items);
  const g = findElement(xml, qname);
  if (g) {
    xml = splice(xml, g.start, g.openEnd, setAttr(g.tag, "count", String(count)));
  }
  return xml;
}

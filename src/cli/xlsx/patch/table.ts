/**
 * An Excel table part (xl/tables/tableN.xml): its range, its columns (with a calculated
 * column's formula) and the edits a growing table needs — a new bottom or right edge of `ref`
 * and of its autoFilter, and new columns.
 */
import { type Range, formatRange, parseRange } from "./refs";
import {
  NS_MAIN,
  START_TAG_BODY,
  decodeXml,
  escapeAttr,
  findElement,
  getAttr,
  prefixOf,
  setAttr,
  splice,
} from "./xml";

export interface TableColumnInfo {
  readonly id: number;
  readonly name: string;
  /** The calculated column formula (relative to the first data row), if any. */
  readonly formula: string | null;
}

export class TablePart {
  private readonly p: string;
  private changedFlag = false;

  constructor(
    readonly part: string,
    private text: string
  ) {
    this.p = prefixOf(text, NS_MAIN) ?? "";
  }

  get xml(): string {
    return this.text;
  }

  get changed(): boolean {
    return this.changedFlag;
  }

  private tableTag(): { start: number; end: number; tag: string } {
    const f = findElement(this.text, `${this.p}table`);
    if (!f) {
      throw new Error(`${this.part}: no <table>`);
    }
    return { start: f.start, end: f.openEnd, tag: f.tag };
  }

  get name(): string {
    return (
      getAttr(this.tableTag().tag, "displayName") ?? getAttr(this.tableTag().tag, "name") ?? ""
    );
  }

  get id(): number {
    return Number(getAttr(this.tableTag().tag, "id") ?? "0");
  }

  get range(): Range {
    const r = parseRange(getAttr(this.tableTag().tag, "ref") ?? "");
    if (!r) {
      throw new Error(`${this.part}: table without a readable ref`);
    }
    return r;
  }

  get headerRows(): number {
    return Number(getAttr(this.tableTag().tag, "headerRowCount") ?? "1");
  }

  get totalsRows(): number {
    return Number(getAttr(this.tableTag().tag, "totalsRowCount") ?? "0");
  }

  columns(): TableColumnInfo[] {
    const p = this.p;
    const re = new RegExp(`<${p}tableColumn(?=[\\s/>])${START_TAG_BODY}(/?)>`, "g");
    const out: TableColumnInfo[] = [];
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      let formula: string | null = null;
      if (m[1] !== "/") {
        const close = this.text.indexOf(`</${p}tableColumn>`, m.index);
        const body = this.text.slice(m.index + m[0].length, close);
        const f = new RegExp(
          `<${p}calculatedColumnFormula(?:\\s${START_TAG_BODY})?>([\\s\\S]*?)</${p}calculatedColumnFormula>`
        ).exec(body);
        // An array formula cannot be written cell by cell; it is left to the user.
        formula = f && !/\sarray\s*=\s*["'](1|true)/.test(f[0]) ? decodeXml(f[1] ?? "") : null;
        re.lastIndex = close;
      }
      out.push({
        id: Number(getAttr(m[0], "id") ?? "0"),
        name: decodeXml(getAttr(m[0], "name") ?? ""),
        formula,
      });
    }
    return out;
  }

  /** Sets the table's range, and its autoFilter's (which covers the header and data rows). */
  setRange(range: Range): void {
    const t = this.tableTag();
    this.text = splice(this.text, t.start, t.end, setAttr(t.tag, "ref", formatRange(range)));
    const af = findElement(this.text, `${this.p}autoFilter`);
    if (af) {
      const bottom = range.bottom - this.totalsRows;
      const ref = formatRange({ ...range, bottom });
      this.text = splice(this.text, af.start, af.openEnd, setAttr(af.tag, "ref", ref));
    }
    this.changedFlag = true;
  }

  /** Appends columns to <tableColumns> with new ids. */
  addColumns(names: readonly string[]): void {
    const p = this.p;
    const f = findElement(this.text, `${p}tableColumns`);
    if (!f || f.selfClosing) {
      throw new Error(`${this.part}: no <tableColumns>`);
    }
    const cols = this.columns();
    let id = Math.max(0, ...cols.map((c) => c.id));
    const items = names
      .map((n) => `<${p}tableColumn id="${++id}" name="${escapeAttr(n)}"/>`)
      .join("");
    this.text = splice(this.text, f.contentEnd, f.contentEnd, items);
    const g = findElement(this.text, `${p}tableColumns`);
    if (g) {
      this.text = splice(
        this.text,
        g.start,
        g.openEnd,
        setAttr(g.tag, "count", String(cols.length + names.length))
      );
    }
    this.changedFlag = true;
  }
}

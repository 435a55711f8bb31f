/**
 * The shared string table (xl/sharedStrings.xml): read for the texts of existing cells, and
 * appended to for the texts we write. Text goes to shared strings rather than inline strings
 * because every reader treats them alike (exceljs's streaming reader decodes inline strings
 * twice, so «&lt;» typed by a user would come back as «<»). Existing entries keep their index;
 * new texts are appended (each once).
 */
import {
  NS_MAIN,
  START_TAG_BODY,
  decodeXml,
  escapeText,
  findElement,
  prefixOf,
  setAttr,
  splice,
} from "./xml";

export class SharedStrings {
  private texts: string[] | null = null;
  private readonly added: string[] = [];
  private addedRefs = 0;
  private readonly p: string;

  /** `xml` is null when the package has no shared strings part yet. */
  constructor(private readonly xml: string | null) {
    this.p = xml === null ? "" : (prefixOf(xml, NS_MAIN) ?? "");
  }

  /** The text of entry `i` (rich text runs joined; phonetic runs left out). */
  text(i: number): string {
    if (this.texts === null) {
      this.texts = [...(this.xml === null ? [] : parseItems(this.xml, this.p)), ...this.added];
    }
    return this.texts[i] ?? "";
  }

  /**
   * The index of `text` in the table, appended when it is not among the texts added so far.
   * The existing entries are not searched: parsing a large register's table costs more than a
   * repeated entry (Excel, LibreOffice and every reader take an index as it comes).
   */
  add(text: string): number {
    this.addedRefs++;
    const known = this.addedIndex.get(text);
    if (known !== undefined) {
      return known;
    }
    const i = this.existingCount() + this.added.length;
    this.added.push(text);
    this.addedIndex.set(text, i);
    if (this.texts !== null) {
      this.texts.push(text);
    }
    return i;
  }

  private readonly addedIndex = new Map<string, number>();
  private existing: number | null = null;

  /** How many entries the table had (its <si> elements, counted without parsing them). */
  private existingCount(): number {
    if (this.existing === null) {
      if (this.texts !== null) {
        this.existing = this.texts.length - this.added.length;
      } else if (this.xml === null) {
        this.existing = 0;
      } else {
        const re = new RegExp(`<${this.p}si(?=[\\s/>])`, "g");
        this.existing = (this.xml.match(re) ?? []).length;
      }
    }
    return this.existing;
  }

  get changed(): boolean {
    return this.addedRefs > 0;
  }

  /** The part with the new entries (a new part when there was none). */
  toXml(): string {
    const p = this.p;
    const items = this.added
      .map((t) => {
        const space = /^\s|\s$|\n|\t/.test(t) ? ' xml:space="preserve"' : "";
        return `<${p}si><${p}t${space}>${escapeText(t)}</${p}t></${p}si>`;
      })
      .join("");
    const unique = String(this.existingCount() + this.added.length);
    if (this.xml === null) {
      return (
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<sst xmlns="${NS_MAIN}" count="${this.addedRefs}" uniqueCount="${unique}">${items}</sst>`
      );
    }
    let xml = this.xml;
    const sst = findElement(xml, `${p}sst`);
    if (!sst) {
      throw new Error("shared strings part without <sst>");
    }
    let tag = sst.tag;
    const count = Number(/\scount="(\d+)"/.exec(tag)?.[1] ?? "NaN");
    if (Number.isFinite(count)) {
      tag = setAttr(tag, "count", String(count + this.addedRefs));
    }
    tag = setAttr(tag, "uniqueCount", unique);
    if (sst.selfClosing) {
      return splice(xml, sst.start, sst.end, `${tag.slice(0, -2)}>${items}</${p}sst>`);
    }
    xml = splice(xml, sst.contentEnd, sst.contentEnd, items);
    return splice(xml, sst.start, sst.openEnd, tag);
  }
}

/** Every <si> as text: its <t> texts in order, except those inside phonetic runs (<rPh>). */
function parseItems(xml: string, p: string): string[] {
  const out: string[] = [];
  const siClose = `</${p}si>`;
  const siRe = new RegExp(`<${p}si(?=[\\s/>])${START_TAG_BODY}(/?)>`, "g");
  const tRe = new RegExp(`<${p}t(?=[\\s/>])${START_TAG_BODY}(?:/>|>([^<]*)</${p}t>)`, "g");
  const rPhRe = new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, "g");
  for (let m = siRe.exec(xml); m; m = siRe.exec(xml)) {
    if (m[1] === "/") {
      out.push("");
      continue;
    }
    const end = xml.indexOf(siClose, m.index);
    let body = xml.slice(m.index + m[0].length, end < 0 ? xml.length : end);
    if (body.includes("rPh")) {
      body = body.replace(rPhRe, "");
    }
    let text = "";
    for (const t of body.matchAll(tRe)) {
      text += t[1] ?? "";
    }
    out.push(decodeXml(text));
    siRe.lastIndex = end < 0 ? xml.length : end + siClose.length;
  }
  return out;
}

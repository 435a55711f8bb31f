/**
 * An independent reader for tests: every cell of every sheet of an .xlsx package (JSZip and
 * regular expressions, none of the product's code), with its value as stored, its formula and
 * its style index; and the package's parts as bytes. Namespace prefixes and rows or cells
 * without `r` are understood.
 */
import JSZip from "jszip";

export interface RawCell {
  /** The text of a string cell (shared or inline), or the stored number/boolean as text. */
  readonly value: string | null;
  readonly type: string;
  readonly formula: string | null;
  readonly style: number;
}

export type SheetCells = Map<string, RawCell>;

const decode = (t: string): string =>
  t
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function letters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) {
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  }
  return s;
}

function number(col: string): number {
  return [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function texts(xml: string): string {
  return (
    [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)]
      // An XML reader turns a bare CR (and CR LF) into LF before it decodes references (XML 1.0
      // §2.11): so does this one, so a CR written without `&#13;` shows as the LF Excel would read.
      .map((m) => decode((m[1] ?? "").replace(/\r\n?/g, "\n")))
      .join("")
  );
}

/** Every sheet's cells by address («B12»), by sheet name in workbook order. */
export async function readCells(bytes: Buffer): Promise<Map<string, SheetCells>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string> =>
    (await zip.file(name)?.async("string")) ?? "";
  const wb = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const relsById = new Map(
    [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => {
      const a = m[1] ?? "";
      return [
        /\bId="([^"]+)"/.exec(a)?.[1] ?? "",
        {
          target: /\bTarget="([^"]+)"/.exec(a)?.[1] ?? "",
          type: /\bType="([^"]+)"/.exec(a)?.[1] ?? "",
        },
      ];
    })
  );
  const sstTarget = [...relsById.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const sstXml = sstTarget ? await text(`xl/${sstTarget.replace(/^\/?xl\//, "")}`) : "";
  const shared = [
    ...sstXml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g),
  ].map((m) => texts((m[1] ?? "").replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "")));
  const out = new Map<string, SheetCells>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1] ?? "";
    const name = decode(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? "");
    const rid = /\b\w+:id="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const rel = relsById.get(rid);
    if (!rel || !rel.type.endsWith("/worksheet")) {
      continue;
    }
    const part = rel.target.startsWith("/") ? rel.target.slice(1) : `xl/${rel.target}`;
    const xml = await text(part);
    const cells: SheetCells = new Map();
    let rowNo = 0;
    for (const row of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
      const r = /\br="(\d+)"/.exec(row[1] ?? "");
      rowNo = r ? Number(r[1]) : rowNo + 1;
      let colNo = 0;
      for (const c of (row[2] ?? "").matchAll(
        /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g
      )) {
        const a = c[1] ?? "";
        const ref = /\br="([A-Z]+)(\d+)"/.exec(a);
        colNo = ref ? number(ref[1] ?? "") : colNo + 1;
        const type = /\bt="(\w+)"/.exec(a)?.[1] ?? "n";
        const body = c[2] ?? "";
        const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(body)?.[1];
        const f = /<(?:\w+:)?f\b[^>]*>([^<]*)<\/(?:\w+:)?f>/.exec(body)?.[1];
        let value: string | null = null;
        if (type === "s" && v !== undefined) {
          value = shared[Number(v)] ?? null;
        } else if (type === "inlineStr") {
          value = texts(body);
        } else if (v !== undefined) {
          value = decode(v);
        }
        cells.set(`${letters(colNo)}${rowNo}`, {
          value,
          type,
          formula: f === undefined ? null : decode(f),
          style: Number(/\bs="(\d+)"/.exec(a)?.[1] ?? "0"),
        });
      }
    }
    out.set(name, cells);
  }
  return out;
}

/** Every part of the package and its bytes (uncompressed). */
export async function readParts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) {
    if (!f.dir) {
      out.set(name, await f.async("nodebuffer"));
    }
  }
  return out;
}

/** The number format code of cell style `s` (built-in 14 read as a date). */
export async function formatOfStyle(bytes: Buffer, s: number): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? "";
  const xf = [...xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)][s]?.[0] ?? "";
  const id = Number(/numFmtId="(\d+)"/.exec(xf)?.[1] ?? "0");
  const custom = new RegExp(`numFmtId="${id}"\\s+formatCode="([^"]*)"`).exec(styles)?.[1];
  return (
    custom ?? (id === 14 ? "dd.mm.yyyy" : id === 49 ? "@" : id === 0 ? "General" : `builtin ${id}`)
  );
}

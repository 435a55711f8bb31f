/**
 * Where each sheet's Excel table (ListObject) stands: sheet names in workbook order, and for
 * each sheet the first table's range. Read from the small XML parts of the .xlsx package
 * (workbook, relationships, tables) without touching the large sheet parts, which the
 * streaming reader parses afterwards.
 */
import type { XlsxPackage } from "./xlsxPackage";

export interface TableRange {
  readonly top: number;
  readonly left: number;
  /** The last data row: a totals row («Итоги»), when the table shows one, is left out. */
  readonly bottom: number;
  readonly right: number;
  /** How many totals rows the table shows below `bottom` (0 or absent: none). */
  readonly totalsRows?: number;
}

export interface SheetInfo {
  readonly name: string;
  /** Path of the sheet part inside the package, e.g. `xl/worksheets/sheet2.xml`. */
  readonly part: string;
  readonly table: TableRange | null;
}

const ATTR = (name: string): RegExp => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`);

function attr(tag: string, name: string): string | undefined {
  const m = ATTR(name).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n;
}

/** Parses `A1:Q20` into a range (1-based rows and columns). */
export function parseRef(ref: string): TableRange | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) {
    return null;
  }
  const left = columnNumber(m[1] ?? "A");
  const top = Number(m[2]);
  return {
    top,
    left,
    right: m[3] ? columnNumber(m[3]) : left,
    bottom: m[4] ? Number(m[4]) : top,
  };
}

export interface PackageMap {
  /** Every sheet, in workbook order. */
  readonly sheets: SheetInfo[];
  /** The shared-strings part, if the workbook has one. */
  readonly sharedStrings: string | null;
}

interface Relationship {
  readonly target: string;
  readonly type: string;
}

/** Relationship id → target path, resolved against the folder of the part that owns them. */
function readRels(xml: string, baseDir: string): Map<string, Relationship> {
  const map = new Map<string, Relationship>();
  for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id && target && attr(tag, "TargetMode") !== "External") {
      map.set(id, {
        target: resolvePath(baseDir, decodeXml(target)),
        type: attr(tag, "Type") ?? "",
      });
    }
  }
  return map;
}

function resolvePath(baseDir: string, target: string): string {
  if (target.startsWith("/")) {
    return target.slice(1);
  }
  const parts = baseDir.split("/").filter((p) => p !== "");
  for (const seg of target.split("/")) {
    if (seg === "..") {
      parts.pop();
    } else if (seg !== ".") {
      parts.push(seg);
    }
  }
  return parts.join("/");
}

/** Reads the sheet list, the table ranges and where the shared strings are. */
export async function readTableMap(pkg: XlsxPackage): Promise<PackageMap> {
  const workbook = await pkg.text("xl/workbook.xml");
  const rels = await pkg.text("xl/_rels/workbook.xml.rels");
  if (workbook === null || rels === null) {
    throw new Error("не найдено описание книги (xl/workbook.xml)");
  }
  const wbRels = readRels(rels, "xl");
  const sheets: SheetInfo[] = [];
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = decodeXml(attr(tag, "name") ?? "");
    const rid = attr(tag, "r:id") ?? attr(tag, "\\w+:id");
    const part = rid ? wbRels.get(rid)?.target : undefined;
    if (!part) {
      continue;
    }
    sheets.push({ name, part, table: await firstTable(part) });
  }
  const strings = [...wbRels.values()].find((r) => r.type.endsWith("/sharedStrings"));
  return { sheets, sharedStrings: strings?.target ?? null };

  async function firstTable(part: string): Promise<TableRange | null> {
    const dir = part.slice(0, part.lastIndexOf("/"));
    const file = part.slice(part.lastIndexOf("/") + 1);
    const sheetRels = await pkg.text(`${dir}/_rels/${file}.rels`);
    if (sheetRels === null) {
      return null;
    }
    for (const { target } of readRels(sheetRels, dir).values()) {
      if (!/\/tables\/[^/]+\.xml$/i.test(target)) {
        continue;
      }
      const xml = await pkg.text(target);
      const tag = xml ? /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] : undefined;
      const ref = tag ? attr(tag, "ref") : undefined;
      const range = ref ? parseRef(ref) : null;
      if (range) {
        const totals = Number(attr(tag ?? "", "totalsRowCount") ?? 0);
        return totals > 0 ? { ...range, bottom: range.bottom - totals, totalsRows: totals } : range;
      }
    }
    return null;
  }
}

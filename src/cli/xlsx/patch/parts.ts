/**
 * The package's plumbing: relationships (`.rels` parts), content types, part paths; and the
 * smallest styles part for a package that has none.
 */
import { PatchError } from "./errors";
import { NS_MAIN, NS_PKG_REL, NS_REL, START_TAG_BODY, escapeAttr, getAttr, splice } from "./xml";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export const REL_TYPE = {
  worksheet: `${NS_REL}/worksheet`,
  table: `${NS_REL}/table`,
  styles: `${NS_REL}/styles`,
  sharedStrings: `${NS_REL}/sharedStrings`,
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
} as const;

/** An empty relationships part. */
export const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;

export function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against the folder of its source part. */
export function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith("/")) {
    return target.slice(1);
  }
  const parts = baseDir.split("/").filter((x) => x !== "");
  for (const seg of target.split("/")) {
    if (seg === "..") {
      parts.pop();
    } else if (seg !== "." && seg !== "") {
      parts.push(seg);
    }
  }
  return parts.join("/");
}

export function readRels(xml: string | null, baseDir: string): Relationship[] {
  if (xml === null) {
    return [];
  }
  return [
    ...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?Relationship\\b${START_TAG_BODY}/?>`, "g")),
  ].map((m) => {
    const external = getAttr(m[0], "TargetMode") === "External";
    const target = getAttr(m[0], "Target") ?? "";
    return {
      id: getAttr(m[0], "Id") ?? "",
      type: getAttr(m[0], "Type") ?? "",
      target: external ? target : resolveTarget(baseDir, target),
      external,
    };
  });
}

/** A target for a relationship from a part in `fromDir` to `part` (both package paths). */
export function relativeTarget(fromDir: string, part: string): string {
  const from = fromDir.split("/").filter((x) => x !== "");
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) {
    i++;
  }
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** A relationship id not used in a rels part. */
function freeRelId(xml: string): string {
  const used = new Set([...xml.matchAll(/\sId\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]));
  for (let n = 1; ; n++) {
    if (!used.has(`rId${n}`)) {
      return `rId${n}`;
    }
  }
}

/** Adds a relationship to a rels part's text; returns the new text and the id. */
export function addRelationship(
  xml: string,
  type: string,
  target: string
): { xml: string; id: string } {
  const id = freeRelId(xml);
  const p = /<(\w+:)?Relationships\b/.exec(xml)?.[1] ?? "";
  const close = xml.lastIndexOf(`</${p}Relationships>`);
  const rel = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
  if (close < 0) {
    const m = new RegExp(`<${p}Relationships\\b(${START_TAG_BODY})/>`).exec(xml);
    if (!m) {
      throw new PatchError("повреждён список связей частей книги (.rels)");
    }
    const open = `<${p}Relationships${m[1] ?? ""}>`;
    return {
      xml: splice(xml, m.index, m.index + m[0].length, `${open}${rel}</${p}Relationships>`),
      id,
    };
  }
  return { xml: splice(xml, close, close, rel), id };
}

/** Adds a content-type override for a new part to `[Content_Types].xml`. */
export function addOverride(xml: string, part: string, type: string): string {
  const p = /<(\w+:)?Types\b/.exec(xml)?.[1] ?? "";
  const close = xml.lastIndexOf(`</${p}Types>`);
  return splice(
    xml,
    close,
    close,
    `<${p}Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`
  );
}

/** The smallest valid styles part, for a package that has none. */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

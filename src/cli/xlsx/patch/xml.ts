/**
 * Small, fast string-level XML helpers for the parts of an .xlsx package. Parts are edited in
 * place: what the package editor does not touch stays as the other program wrote it, including
 * its namespace prefixes (`<x:row>` from the OpenXML SDK as well as Excel's plain `<row>`).
 */

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const NS_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";

/** An element's start tag, attribute values with `>` inside quotes included. */
export const START_TAG_BODY = `(?:[^>"']|"[^"]*"|'[^']*')*?`;

/** Escapes text for element content. CR is kept as a character reference (parsers fold a raw CR). */
export function escapeText(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/\r/g, "&#13;")
      // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters: dropped
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

/** Escapes text for an attribute value in double quotes. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

/** Decodes the five named entities and numeric character references. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) {
    return text;
  }
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|quot|apos|amp);/g, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      case "amp":
        return "&";
      default:
        return String.fromCodePoint(
          e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        );
    }
  });
}

/** The value of attribute `name` (exact, may carry a prefix) in a start tag, decoded. */
export function getAttr(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : undefined;
}

/** Sets (or adds) an attribute of a start tag; `undefined` removes it. */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (value === undefined) {
    return tag.replace(re, "");
  }
  const attr = ` ${name}="${escapeAttr(value)}"`;
  if (re.test(tag)) {
    return tag.replace(re, attr);
  }
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)}${attr}${tag.slice(close)}`;
}

/**
 * The prefix (with its colon, or "") under which `ns` is bound on the root element of a part,
 * or null when the root does not bind it.
 */
export function prefixOf(xml: string, ns: string): string | null {
  const root = rootTag(xml);
  if (!root) {
    return null;
  }
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(root.tag); m; m = re.exec(root.tag)) {
    if ((m[2] ?? m[3]) === ns) {
      return m[1] ? `${m[1]}:` : "";
    }
  }
  return null;
}

/** The root element's start tag and where it is. */
export function rootTag(xml: string): { tag: string; start: number; name: string } | null {
  const re = new RegExp(`<([\\w.:-]+)(${START_TAG_BODY})(/?)>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = m[1] ?? "";
    if (name.startsWith("?") || name.startsWith("!")) {
      continue;
    }
    return { tag: m[0], start: m.index, name };
  }
  return null;
}

/**
 * Makes sure the root binds `ns` and returns its prefix: the existing one, or `preferred`
 * declared on the root.
 */
export function ensurePrefix(
  xml: string,
  ns: string,
  preferred: string
): { xml: string; prefix: string } {
  const existing = prefixOf(xml, ns);
  if (existing !== null) {
    return { xml, prefix: existing };
  }
  const root = rootTag(xml);
  if (!root) {
    throw new Error("XML part without a root element");
  }
  let name = preferred;
  for (let i = 2; new RegExp(`\\sxmlns:${name}\\s*=`).test(root.tag); i++) {
    name = `${preferred}${i}`;
  }
  const tag = setAttr(root.tag, `xmlns:${name}`, ns);
  return {
    xml: xml.slice(0, root.start) + tag + xml.slice(root.start + root.tag.length),
    prefix: `${name}:`,
  };
}

/** One element found in a part: its start tag, and (unless self-closing) its content. */
export interface Found {
  /** Index of `<`. */
  readonly start: number;
  /** Index just after the start tag. */
  readonly openEnd: number;
  /** Index just after the element (after `/>` or the end tag). */
  readonly end: number;
  readonly tag: string;
  readonly selfClosing: boolean;
  /** Index of the end tag's `<` (== end for a self-closing element). */
  readonly contentEnd: number;
}

/**
 * The first element `prefix + local` at or after `from` (not nested search: the first match
 * of the name, which is what we need for the unique children of a part's root).
 */
export function findElement(xml: string, qname: string, from = 0, to = xml.length): Found | null {
  const re = new RegExp(
    `<${qname.replace(/[.:]/g, "\\$&")}(?=[\\s/>])(${START_TAG_BODY})(/?)>`,
    "g"
  );
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m || m.index >= to) {
    return null;
  }
  const openEnd = m.index + m[0].length;
  if (m[2] === "/") {
    return {
      start: m.index,
      openEnd,
      end: openEnd,
      tag: m[0],
      selfClosing: true,
      contentEnd: openEnd,
    };
  }
  const close = `</${qname}>`;
  // Same-named nested elements do not occur in the parts we edit this way.
  const contentEnd = xml.indexOf(close, openEnd);
  if (contentEnd < 0) {
    throw new Error(`unclosed element <${qname}>`);
  }
  return {
    start: m.index,
    openEnd,
    end: contentEnd + close.length,
    tag: m[0],
    selfClosing: false,
    contentEnd,
  };
}

/** Replaces `[start, end)` of `xml` with `text`. */
export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/** Replaces several non-overlapping ranges at once (one copy of a large part, not one per edit). */
export function spliceAll(
  xml: string,
  edits: readonly { readonly start: number; readonly end: number; readonly text: string }[]
): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(xml.slice(at));
  return parts.join("");
}

/**
 * Inserts `element` as a child of the root so that the schema's child order holds: before the
 * first existing child whose local name comes after `local` in `order`.
 */
export function insertInOrder(
  xml: string,
  prefix: string,
  order: readonly string[],
  local: string,
  element: string
): string {
  const root = rootTag(xml);
  if (!root) {
    throw new Error("XML part without a root element");
  }
  const rank = order.indexOf(local);
  const rootEnd = root.start + root.tag.length;
  const closeRoot = xml.lastIndexOf(`</${root.name}>`);
  let at = closeRoot;
  for (const later of order.slice(rank + 1)) {
    const f = findElement(xml, `${prefix}${later}`, rootEnd, closeRoot);
    if (f && f.start < at) {
      at = f.start;
    }
  }
  return splice(xml, at, at, element);
}

/** Expands a self-closing root child `<x/>` into `<x></x>` so content can be added. */
export function openElement(xml: string, f: Found, qname: string): { xml: string; at: number } {
  if (!f.selfClosing) {
    return { xml, at: f.contentEnd };
  }
  const open = `${f.tag.slice(0, -2)}>`;
  return { xml: splice(xml, f.start, f.end, `${open}</${qname}>`), at: f.start + open.length };
}

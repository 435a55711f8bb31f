/**
 * Data validations and conditional formats of a sheet when its table grows: a range that
 * covered the table's last row in a table column is extended over the new rows, as Excel
 * does. Also adds the list validation of a new column.
 */
import { type Range, formatRange, intersects, parseSqref } from "./refs";
import type { Edit, SheetEditor } from "./sheet";
import { START_TAG_BODY, escapeAttr, escapeText, splice } from "./xml";

interface Area {
  readonly kind: "validation" | "format";
  /** Offsets of the sqref text in the sheet XML. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Every sqref of validations and conditional formats (classic and Excel 2010 extensions). */
function areas(xml: string, p: string): Area[] {
  const dataEnd = Math.max(0, xml.lastIndexOf(`</${p}sheetData>`));
  const out: Area[] = [];
  const attrAreas = (local: string, kind: Area["kind"]): void => {
    const re = new RegExp(`<${p}${local}(?=[\\s/>])${START_TAG_BODY}/?>`, "g");
    re.lastIndex = dataEnd;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const a = /\ssqref\s*=\s*"([^"]*)"/.exec(m[0]);
      if (a && a[1] !== undefined) {
        const start = m.index + a.index + a[0].length - 1 - a[1].length;
        out.push({ kind, start, end: start + a[1].length, text: a[1] });
      }
    }
  };
  attrAreas("dataValidation", "validation");
  attrAreas("conditionalFormatting", "format");
  const ext = xml.indexOf(`<${p}extLst`, dataEnd);
  if (ext >= 0) {
    const dvBlocks: [number, number][] = [];
    const blockRe = /<(\w+:)dataValidations\b[\s\S]*?<\/\1dataValidations>/g;
    blockRe.lastIndex = ext;
    for (let m = blockRe.exec(xml); m; m = blockRe.exec(xml)) {
      dvBlocks.push([m.index, m.index + m[0].length]);
    }
    const re = /<(\w+:)sqref>([^<]*)<\/\1sqref>/g;
    re.lastIndex = ext;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const start = m.index + (m[1] ?? "").length + "<sqref>".length;
      const text = m[2] ?? "";
      const inDv = dvBlocks.some(([a, b]) => m !== null && m.index > a && m.index < b);
      out.push({ kind: inDv ? "validation" : "format", start, end: start + text.length, text });
    }
  }
  return out;
}

/**
 * Extends validations and conditional formats that cover row `lastRow` in columns
 * `left`–`right` down to `newBottom`. An extension that would overlap another validation is
 * left out (two validations on one cell make Excel repair the file).
 */
export function extendOverNewRows(
  sheet: SheetEditor,
  lastRow: number,
  newBottom: number,
  left: number,
  right: number
): void {
  sheet.apply(extensionEdits(sheet, lastRow, newBottom, left, right));
}

/** The edits `extendOverNewRows` makes, for applying together with others. */
export function extensionEdits(
  sheet: SheetEditor,
  lastRow: number,
  newBottom: number,
  left: number,
  right: number
): Edit[] {
  if (newBottom <= lastRow) {
    return [];
  }
  const all = areas(sheet.xml, sheet.p);
  const validationRanges = all
    .filter((a) => a.kind === "validation")
    .map((a) => ({ area: a, ranges: parseSqref(a.text).map((x) => x.range) }));
  const edits: { area: Area; text: string }[] = [];
  for (const area of all) {
    const parts = parseSqref(area.text);
    const added: Range[] = [];
    const texts = parts.map((part) => {
      const r = part.range;
      if (!r || r.top > lastRow || r.bottom < lastRow || r.bottom >= newBottom) {
        return part.text;
      }
      const cols = { left: Math.max(r.left, left), right: Math.min(r.right, right) };
      if (cols.left > cols.right) {
        return part.text;
      }
      const extension: Range = { top: r.bottom + 1, bottom: newBottom, ...cols };
      if (area.kind === "validation") {
        const clash = validationRanges.some(
          (v) => v.area !== area && v.ranges.some((x) => x !== null && intersects(x, extension))
        );
        if (clash) {
          return part.text;
        }
      }
      if (r.left >= left && r.right <= right) {
        return formatRange({ ...r, bottom: newBottom });
      }
      added.push(extension);
      return part.text;
    });
    const text = [...texts, ...added.map(formatRange)].join(" ");
    if (text !== area.text) {
      edits.push({ area, text });
    }
  }
  return edits.map((e) => ({ start: e.area.start, end: e.area.end, text: e.text }));
}

export interface ListValidation {
  readonly range: Range;
  readonly list: readonly string[];
  /** Refuse other values (true) or only warn (false). */
  readonly strict: boolean;
  readonly title?: string;
  readonly prompt?: string;
}

/** The `<dataValidation>` element of a drop-down list. */
export function listValidationXml(p: string, v: ListValidation): string {
  const list = `"${v.list.join(",")}"`;
  const prompt =
    v.prompt && v.title
      ? ` showInputMessage="1" promptTitle="${escapeAttr(v.title)}" prompt="${escapeAttr(v.prompt)}"`
      : "";
  return (
    `<${p}dataValidation type="list"${v.strict ? "" : ` errorStyle="warning"`} allowBlank="1"` +
    `${prompt} showErrorMessage="1" errorTitle="ВШУ" error="${escapeAttr(
      `Выберите значение из списка: ${v.list.join(", ")}`
    )}" sqref="${formatRange(v.range)}"><${p}formula1>${escapeText(list)}</${p}formula1></${p}dataValidation>`
  );
}

/**
 * Adds a list validation unless another validation already covers part of its range (the
 * user's own rule wins). Returns whether it was added.
 */
export function addListValidation(sheet: SheetEditor, v: ListValidation): boolean {
  const existing = areas(sheet.xml, sheet.p).filter((a) => a.kind === "validation");
  if (
    existing.some((a) => parseSqref(a.text).some((x) => x.range && intersects(x.range, v.range)))
  ) {
    return false;
  }
  const p = sheet.p;
  const el = listValidationXml(p, v);
  const found = sheet.child("dataValidations");
  if (!found) {
    sheet.insertChild(
      "dataValidations",
      `<${p}dataValidations count="1">${el}</${p}dataValidations>`
    );
    return true;
  }
  const count = (found.xml.match(new RegExp(`<${p}dataValidation(?=[\\s/>])`, "g")) ?? []).length;
  let block = found.xml;
  if (block.endsWith("/>")) {
    block = `${block.slice(0, -2)}></${p}dataValidations>`;
  }
  const close = block.lastIndexOf(`</${p}dataValidations>`);
  block = splice(block, close, close, el).replace(
    /^(<[\w:]*dataValidations\b[^>]*?)(\s+count\s*=\s*"\d*")?(\s*>)/,
    `$1 count="${count + 1}"$3`
  );
  sheet.replaceChild(found, block);
  return true;
}

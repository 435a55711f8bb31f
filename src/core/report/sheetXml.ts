/**
 * Reading the parts of a report workbook (.xlsx) that the report checks and consolidation
 * need: the workbook's sheet list, relationships, shared strings, styles (which cells are
 * dates) and a sheet's cells. Pure text in, data out: the command line gets the parts with its
 * zip reader, the add-in would get them with JSZip.
 *
 * A report workbook is small and regular (two sheets, a few hundred cells), so a tolerant
 * scan of the XML is enough and about a hundred times faster than loading the workbook with a
 * general reader; namespace prefixes (`<x:c>`) and both string kinds (shared, inline) are read.
 */

/** A sheet as the workbook lists it. */
export interface SheetEntry {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  /** The relationship id of its part. */
  readonly rid: string;
}

/** One cell of a sheet. */
export interface SheetCell {
  /** A1-style reference, e.g. `B12`. */
  readonly ref: string;
  /** 1-based row number. */
  readonly row: number;
  /** 1-based column number. */
  readonly col: number;
  /** Text, number, or null for an empty cell; a boolean or an error is its text. */
  readonly value: string | number | null;
  /** `s`, `str`, `inlineStr`, `n`, `b`, `e` or `d` (`n` when the cell has no type). */
  readonly type: string;
  /** Index into the styles' cell formats (0 when absent). */
  readonly style: number;
  /** Whether the cell holds a formula. */
  readonly formula: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/** Decodes XML character and entity references. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) {
    return text;
  }
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) {
      return String.fromCodePoint(parseInt(ref.slice(2), 16));
    }
    if (ref.startsWith("#")) {
      return String.fromCodePoint(Number(ref.slice(1)));
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** The attributes of one start tag's attribute text, by name without namespace prefix. */
function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = (m[1] ?? "").replace(/^[\w.-]+:/, "");
    // A prefixed attribute (r:id) wins over nothing but never replaces an unprefixed one.
    if (!out.has(name) || !(m[1] ?? "").includes(":")) {
      out.set(name, decodeXml(m[2] ?? m[3] ?? ""));
    }
  }
  return out;
}

/** The concatenated text of every `<t>` element in a fragment (rich-text runs included). */
function textOf(fragment: string): string {
  let out = "";
  const withoutPhonetic = fragment.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "");
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) {
    out += decodeXml(m[1] ?? "");
  }
  return out;
}

/** The sheets of `xl/workbook.xml`, in the workbook's order. */
export function parseWorkbookSheets(xml: string): SheetEntry[] {
  const out: SheetEntry[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1] ?? "");
    out.push({
      name: a.get("name") ?? "",
      state: a.get("state") ?? "visible",
      rid: a.get("id") ?? "",
    });
  }
  return out;
}

/**
 * The targets of a relationships part by id, resolved against `baseDir` (e.g. `xl/`) unless
 * absolute (`/xl/...`).
 */
export function parseRelationships(xml: string, baseDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1] ?? "");
    const id = a.get("Id");
    const target = a.get("Target");
    if (id !== undefined && target !== undefined) {
      out.set(id, resolvePart(baseDir, target));
    }
  }
  return out;
}

/** A part name from a relationship target: `worksheets/sheet1.xml` in `xl/` → `xl/worksheets/sheet1.xml`. */
export function resolvePart(baseDir: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `${baseDir}${target}`;
  const parts: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") {
      parts.pop();
    } else if (seg !== "." && seg !== "") {
      parts.push(seg);
    }
  }
  return parts.join("/");
}

/** The shared strings of `xl/sharedStrings.xml`, in order. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    out.push(textOf(m[1] ?? ""));
  }
  return out;
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a number format code shows a date or time: d, m, y, h or s outside quotes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Indices of the cell formats (`cellXfs`) of `xl/styles.xml` that show dates or times. */
export function parseDateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1] ?? "");
    custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
  }
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attributes(m[1] ?? "").get("numFmtId") ?? "0");
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id)) {
      out.add(index);
    }
    index++;
  }
  return out;
}

/** Column letters to a 1-based number: `A` → 1, `AB` → 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n;
}

/** Column number (1-based) to letters: 28 → `AB`. */
export function columnName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

const CELL_RE = /<(?:\w+:)?c\b((?:\s[^>]*?)?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW_RE = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const VALUE_RE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA_RE = /<(?:\w+:)?f\b/;
const REF_ATTR = /(?:^|\s)r\s*=\s*"([A-Za-z]+)(\d+)"/;
const TYPE_ATTR = /(?:^|\s)t\s*=\s*"([^"]*)"/;
const STYLE_ATTR = /(?:^|\s)s\s*=\s*"(\d+)"/;

/** One cell from its attribute text and content, or null when it holds nothing. */
function readCell(
  attrs: string,
  inner: string,
  row: number,
  col: number,
  sharedStrings: readonly string[]
): SheetCell | null {
  const type = TYPE_ATTR.exec(attrs)?.[1] ?? "n";
  const formula = inner !== "" && FORMULA_RE.test(inner);
  const raw = inner === "" ? undefined : VALUE_RE.exec(inner)?.[1];
  let value: string | number | null = null;
  if (type === "inlineStr") {
    value = textOf(inner);
  } else if (raw !== undefined) {
    const text = decodeXml(raw);
    if (type === "s") {
      value = sharedStrings[Number(text)] ?? "";
    } else if (type === "n") {
      const n = Number(text);
      value = text.trim() === "" || !Number.isFinite(n) ? text : n;
    } else {
      value = text;
    }
  }
  if (value === null && !formula) {
    return null;
  }
  return {
    ref: `${columnName(col)}${row}`,
    row,
    col,
    value,
    type,
    style: Number(STYLE_ATTR.exec(attrs)?.[1] ?? "0"),
    formula,
  };
}

/**
 * The cells of a sheet part that hold something (a value or a formula), in order. Cells carry
 * their reference (`r`) in every writer we know, and are then read in one pass; a sheet with a
 * cell without one is read row by row, the cell taking the next column of its row, as in the
 * format.
 */
export function parseSheetCells(xml: string, sharedStrings: readonly string[]): SheetCell[] {
  const out: SheetCell[] = [];
  for (const cm of xml.matchAll(CELL_RE)) {
    const attrs = cm[1] ?? "";
    const ref = REF_ATTR.exec(attrs);
    if (ref === null) {
      return parseRowByRow(xml, sharedStrings);
    }
    const cell = readCell(
      attrs,
      cm[2] ?? "",
      Number(ref[2]),
      columnNumber(ref[1] ?? ""),
      sharedStrings
    );
    if (cell !== null) {
      out.push(cell);
    }
  }
  return out;
}

function parseRowByRow(xml: string, sharedStrings: readonly string[]): SheetCell[] {
  const out: SheetCell[] = [];
  let rowNumber = 0;
  for (const rm of xml.matchAll(ROW_RE)) {
    const r = Number(attributes(rm[1] ?? "").get("r") ?? rowNumber + 1);
    rowNumber = Number.isFinite(r) && r > 0 ? r : rowNumber + 1;
    let col = 0;
    for (const cm of (rm[2] ?? "").matchAll(CELL_RE)) {
      const attrs = cm[1] ?? "";
      const ref = REF_ATTR.exec(attrs);
      col = ref ? columnNumber(ref[1] ?? "") : col + 1;
      const cell = readCell(
        attrs,
        cm[2] ?? "",
        ref ? Number(ref[2]) : rowNumber,
        col,
        sharedStrings
      );
      if (cell !== null) {
        out.push(cell);
      }
    }
  }
  return out;
}

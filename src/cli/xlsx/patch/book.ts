/**
 * An existing workbook package opened for editing at the XML level: its sheets, their tables,
 * its styles and shared strings. Parts are read when first needed and written back only when
 * changed; every other part keeps its compressed bytes (zip.ts).
 */
import { matchKey } from "../../../core/text";
import { ChangeLog } from "./changes";
import { SharedStrings } from "./sharedStrings";
import { SheetEditor } from "./sheet";
import { StylesEditor } from "./styles";
import { TablePart } from "./table";
import { CellWriter } from "./values";
import {
  NS_MAIN,
  NS_PKG_REL,
  NS_REL,
  START_TAG_BODY,
  decodeXml,
  escapeAttr,
  findElement,
  getAttr,
  insertInOrder,
  prefixOf,
  setAttr,
  splice,
} from "./xml";
import { ZipPackage } from "./zip";

/** Sheet parts larger than this are opened compactly for appending rows (SheetEditor.compact). */
const COMPACT_FROM = 256 * 1024;

/** A change the program cannot make to this workbook; the message is for the user (Russian). */
export class PatchError extends Error {
  override readonly name = "PatchError";
}

export interface SheetRef {
  readonly name: string;
  /** The sheet part, e.g. `xl/worksheets/sheet2.xml`. */
  readonly part: string;
  readonly rId: string;
  readonly sheetId: number;
}

interface Relationship {
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

/** Children of <workbook> in schema order (CT_Workbook). */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

function relsPartOf(part: string): string {
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

function readRels(xml: string | null, baseDir: string): Relationship[] {
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

export class WorkbookEditor {
  readonly changes = new ChangeLog();
  private workbookXml: string;
  private readonly workbookPart: string;
  private workbookRelsXml: string;
  private contentTypesXml: string;
  private workbookChanged = false;
  private relsChanged = false;
  private typesChanged = false;
  private readonly sheetEditors = new Map<string, SheetEditor>();
  private readonly tableParts = new Map<string, TablePart>();
  private readonly sheetRels = new Map<string, string | null>();
  private stylesEditor: StylesEditor | null = null;
  private sharedStrings: SharedStrings | null = null;
  private sheetList: SheetRef[];

  private constructor(readonly zip: ZipPackage) {
    const types = zip.text("[Content_Types].xml");
    const root = readRels(zip.text("_rels/.rels"), "").find((r) =>
      r.type.endsWith("/officeDocument")
    );
    this.workbookPart = root?.target ?? "xl/workbook.xml";
    const wb = zip.text(this.workbookPart);
    if (types === null || wb === null) {
      throw new PatchError("в файле нет описания книги Excel (xl/workbook.xml)");
    }
    if (prefixOf(wb, NS_MAIN) === null) {
      throw new PatchError(
        "книга сохранена в формате «Strict Open XML»; сохраните её в Excel как обычную «Книгу Excel (.xlsx)»"
      );
    }
    this.contentTypesXml = types;
    this.workbookXml = wb;
    this.workbookRelsXml =
      zip.text(relsPartOf(this.workbookPart)) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
    this.sheetList = this.readSheets();
  }

  /** Opens a package; throws ZipFormatError or PatchError when it cannot be edited. */
  static open(bytes: Buffer): WorkbookEditor {
    return new WorkbookEditor(ZipPackage.open(bytes));
  }

  private get wbDir(): string {
    return dirOf(this.workbookPart);
  }

  private workbookRels(): Relationship[] {
    return readRels(this.workbookRelsXml, this.wbDir);
  }

  private readSheets(): SheetRef[] {
    const p = prefixOf(this.workbookXml, NS_MAIN) ?? "";
    const rels = new Map(this.workbookRels().map((r) => [r.id, r]));
    const sheets = findElement(this.workbookXml, `${p}sheets`);
    if (!sheets) {
      return [];
    }
    const body = this.workbookXml.slice(sheets.start, sheets.end);
    const out: SheetRef[] = [];
    for (const m of body.matchAll(new RegExp(`<${p}sheet(?=[\\s/>])${START_TAG_BODY}/?>`, "g"))) {
      const rId = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1] ?? "";
      const rel = rels.get(rId);
      if (!rel || !rel.type.endsWith("/worksheet")) {
        continue; // chart sheets, dialog sheets: not ours to edit
      }
      out.push({
        name: decodeXml(getAttr(m[0], "name") ?? ""),
        part: rel.target,
        rId,
        sheetId: Number(getAttr(m[0], "sheetId") ?? "0"),
      });
    }
    return out;
  }

  /** Worksheets in workbook order. */
  sheets(): readonly SheetRef[] {
    return this.sheetList;
  }

  /** The names of every sheet of any kind (for picking a new sheet's name). */
  allSheetNames(): string[] {
    const p = prefixOf(this.workbookXml, NS_MAIN) ?? "";
    return [
      ...this.workbookXml.matchAll(new RegExp(`<${p}sheet(?=[\\s/>])${START_TAG_BODY}/?>`, "g")),
    ].map((m) => decodeXml(getAttr(m[0], "name") ?? ""));
  }

  /** A worksheet by name (case, spacing, ё and look-alikes ignored). */
  findSheet(name: string): SheetRef | undefined {
    const exact = this.sheetList.find((s) => s.name === name);
    return exact ?? this.sheetList.find((s) => matchKey(s.name) === matchKey(name));
  }

  /**
   * A sheet opened for appending rows below row `keepFrom` - 1: a large sheet is decoded only
   * around its last rows (SheetEditor.compact), the rest copied back as bytes.
   */
  sheetForAppend(ref: SheetRef, keepFrom: number): SheetEditor {
    const known = this.sheetEditors.get(ref.part);
    if (known) {
      return known;
    }
    const bytes = this.zip.read(ref.part);
    const compact =
      bytes && bytes.length > COMPACT_FROM ? SheetEditor.compact(bytes, keepFrom) : null;
    if (compact) {
      this.sheetEditors.set(ref.part, compact);
      return compact;
    }
    return this.sheet(ref);
  }

  sheet(ref: SheetRef): SheetEditor {
    let ed = this.sheetEditors.get(ref.part);
    if (ed?.partial) {
      // Opened for appending; another edit needs every row: decode it whole, edits kept.
      const whole = new SheetEditor(ed.bytes().toString("utf8"));
      whole.markChanged(ed.changed);
      this.sheetEditors.set(ref.part, whole);
      return whole;
    }
    if (!ed) {
      const xml = this.zip.text(ref.part);
      if (xml === null) {
        throw new PatchError(`в книге нет данных листа «${ref.name}» (${ref.part})`);
      }
      try {
        ed = new SheetEditor(xml);
      } catch (error) {
        throw new PatchError(
          error instanceof Error && error.message === "strict"
            ? "книга сохранена в формате «Strict Open XML»; сохраните её в Excel как обычную «Книгу Excel (.xlsx)»"
            : `лист «${ref.name}» не удалось разобрать`
        );
      }
      this.sheetEditors.set(ref.part, ed);
    }
    return ed;
  }

  private relsOf(part: string): Relationship[] {
    const relsPart = relsPartOf(part);
    if (!this.sheetRels.has(relsPart)) {
      this.sheetRels.set(relsPart, this.zip.text(relsPart));
    }
    return readRels(this.sheetRels.get(relsPart) ?? null, dirOf(part));
  }

  /**
   * The tables of a sheet, in the order of its relationships (as the reader takes them,
   * tableMap.ts). Read from the sheet's relationships, so the sheet part itself is not
   * inflated just to find its tables.
   */
  tables(ref: SheetRef): TablePart[] {
    const out: TablePart[] = [];
    for (const rel of this.relsOf(ref.part)) {
      if (rel.external || !rel.type.endsWith("/table")) {
        continue;
      }
      let t = this.tableParts.get(rel.target);
      if (!t) {
        const xml = this.zip.text(rel.target);
        if (xml === null) {
          continue;
        }
        t = new TablePart(rel.target, xml);
        this.tableParts.set(rel.target, t);
      }
      out.push(t);
    }
    return out;
  }

  /** The sheet's table the register reads (the first), or a PatchError saying what to do. */
  mainTable(ref: SheetRef): TablePart {
    const t = this.tables(ref)[0];
    if (!t) {
      throw new PatchError(
        `лист «${ref.name}» не оформлен как таблица Excel: выделите его заголовки и строки и нажмите «Главная → Форматировать как таблицу» («Таблица с заголовками»), сохраните книгу и повторите`
      );
    }
    if (t.headerRows !== 1) {
      throw new PatchError(`у таблицы на листе «${ref.name}» нет строки заголовков`);
    }
    return t;
  }

  /** Every table of the workbook (for unique names and ids). */
  allTables(): TablePart[] {
    return this.sheetList.flatMap((s) => this.tables(s));
  }

  /** Whether the workbook uses the 1904 date system. */
  get date1904(): boolean {
    const p = prefixOf(this.workbookXml, NS_MAIN) ?? "";
    const pr = findElement(this.workbookXml, `${p}workbookPr`);
    const v = pr ? getAttr(pr.tag, "date1904") : undefined;
    return v === "1" || v === "true";
  }

  styles(): StylesEditor {
    if (!this.stylesEditor) {
      const rel = this.workbookRels().find((r) => r.type === REL_TYPE.styles);
      const xml = rel ? this.zip.text(rel.target) : null;
      this.stylesEditor = new StylesEditor(xml ?? MINIMAL_STYLES);
      if (!rel || xml === null) {
        this.addWorkbookPart("styles.xml", REL_TYPE.styles, CONTENT_TYPE.styles, MINIMAL_STYLES);
      }
    }
    return this.stylesEditor;
  }

  strings(): SharedStrings {
    if (!this.sharedStrings) {
      const rel = this.workbookRels().find((r) => r.type === REL_TYPE.sharedStrings);
      this.sharedStrings = new SharedStrings(rel ? this.zip.text(rel.target) : null);
    }
    return this.sharedStrings;
  }

  /** A cell writer for a sheet (its namespace prefix). */
  writer(sheet: SheetEditor): CellWriter {
    return new CellWriter(this.styles(), this.strings(), this.date1904, sheet.p);
  }

  /** Asks Excel and LibreOffice to compute every formula on opening (new formula cells have no value). */
  requestFullCalculation(): void {
    const p = prefixOf(this.workbookXml, NS_MAIN) ?? "";
    const f = findElement(this.workbookXml, `${p}calcPr`);
    if (f) {
      this.workbookXml = splice(
        this.workbookXml,
        f.start,
        f.openEnd,
        setAttr(f.tag, "fullCalcOnLoad", "1")
      );
    } else {
      this.workbookXml = insertInOrder(
        this.workbookXml,
        p,
        WORKBOOK_ORDER,
        "calcPr",
        `<${p}calcPr fullCalcOnLoad="1"/>`
      );
    }
    this.workbookChanged = true;
  }

  /** A part name not in the package yet: `${stem}${n}.xml`. */
  freePartName(stem: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}.xml`;
      if (!this.zip.has(name)) {
        return name;
      }
    }
  }

  /** Adds a content-type override for a new part. */
  addContentType(part: string, type: string): void {
    const p = /<(\w+:)?Types\b/.exec(this.contentTypesXml)?.[1] ?? "";
    const close = this.contentTypesXml.lastIndexOf(`</${p}Types>`);
    this.contentTypesXml = splice(
      this.contentTypesXml,
      close,
      close,
      `<${p}Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`
    );
    this.typesChanged = true;
  }

  /** A relationship id not used in a rels part. */
  private freeRelId(xml: string): string {
    const used = new Set([...xml.matchAll(/\sId\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]));
    for (let n = 1; ; n++) {
      if (!used.has(`rId${n}`)) {
        return `rId${n}`;
      }
    }
  }

  /** Adds a relationship to a rels part's text and returns the new text and id. */
  private addRel(xml: string, type: string, target: string): { xml: string; id: string } {
    const id = this.freeRelId(xml);
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

  /** Adds a part related to the workbook (styles, shared strings, a worksheet). */
  addWorkbookPart(
    file: string,
    type: string,
    contentType: string,
    xml: string
  ): { id: string; part: string } {
    const part = this.wbDir === "" ? file : `${this.wbDir}/${file}`;
    this.zip.write(part, xml);
    const added = this.addRel(this.workbookRelsXml, type, file);
    this.workbookRelsXml = added.xml;
    this.relsChanged = true;
    this.addContentType(part, contentType);
    return { id: added.id, part };
  }

  /** Adds a relationship from a sheet part to another part (a table); returns its id. */
  addSheetRel(sheetPart: string, type: string, targetPart: string): string {
    const relsPart = relsPartOf(sheetPart);
    this.relsOf(sheetPart);
    const current =
      this.sheetRels.get(relsPart) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
    const added = this.addRel(current, type, relativeTarget(dirOf(sheetPart), targetPart));
    this.sheetRels.set(relsPart, added.xml);
    this.zip.write(relsPart, added.xml);
    return added.id;
  }

  /**
   * Registers a new worksheet part in the workbook (at the end of the sheet list) and returns
   * its reference and position.
   */
  registerSheet(name: string, part: string): { ref: SheetRef; index: number } {
    const rel = this.addRel(
      this.workbookRelsXml,
      REL_TYPE.worksheet,
      relativeTarget(this.wbDir, part)
    );
    this.workbookRelsXml = rel.xml;
    this.relsChanged = true;
    this.addContentType(part, CONTENT_TYPE.worksheet);
    const p = prefixOf(this.workbookXml, NS_MAIN) ?? "";
    const ensured = ensureRelPrefix(this.workbookXml);
    this.workbookXml = ensured.xml;
    const sheetIds = [...this.workbookXml.matchAll(/\ssheetId\s*=\s*["'](\d+)["']/g)].map((m) =>
      Number(m[1])
    );
    const sheetId = Math.max(0, ...sheetIds) + 1;
    const index = this.allSheetNames().length;
    const sheets = findElement(this.workbookXml, `${p}sheets`);
    if (!sheets || sheets.selfClosing) {
      throw new PatchError("в книге нет списка листов");
    }
    this.workbookXml = splice(
      this.workbookXml,
      sheets.contentEnd,
      sheets.contentEnd,
      `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${ensured.prefix}id="${rel.id}"/>`
    );
    this.workbookChanged = true;
    const ref: SheetRef = { name, part, rId: rel.id, sheetId };
    this.sheetList = [...this.sheetList, ref];
    return { ref, index };
  }

  /** Adds a defined name (e.g. `_xlnm.Print_Titles`) local to sheet `index`. */
  addDefinedName(name: string, localSheetId: number, formula: string): void {
    const p = prefixOf(this.workbookXml, NS_MAIN) ?? "";
    const el = `<${p}definedName name="${escapeAttr(name)}" localSheetId="${localSheetId}">${formula
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")}</${p}definedName>`;
    const f = findElement(this.workbookXml, `${p}definedNames`);
    if (!f) {
      this.workbookXml = insertInOrder(
        this.workbookXml,
        p,
        WORKBOOK_ORDER,
        "definedNames",
        `<${p}definedNames>${el}</${p}definedNames>`
      );
    } else if (f.selfClosing) {
      this.workbookXml = splice(
        this.workbookXml,
        f.start,
        f.end,
        `<${p}definedNames>${el}</${p}definedNames>`
      );
    } else {
      this.workbookXml = splice(this.workbookXml, f.contentEnd, f.contentEnd, el);
    }
    this.workbookChanged = true;
  }

  /** Names of every table and defined name (a new table's name must differ from all). */
  usedNames(): Set<string> {
    const names = new Set(this.allTables().map((t) => t.name.toLowerCase()));
    for (const m of this.workbookXml.matchAll(
      /<(?:\w+:)?definedName\b[^>]*\sname\s*=\s*["']([^"']*)["']/g
    )) {
      names.add((m[1] ?? "").toLowerCase());
    }
    return names;
  }

  /** Writes every changed part into the package and returns its bytes. */
  toBuffer(opts: { readonly level?: number; readonly fixedTimes?: boolean } = {}): Buffer {
    for (const [part, ed] of this.sheetEditors) {
      if (ed.changed) {
        this.zip.write(part, ed.bytes());
      }
    }
    for (const t of this.tableParts.values()) {
      if (t.changed) {
        this.zip.write(t.part, t.xml);
      }
    }
    if (this.stylesEditor?.changed) {
      const rel = this.workbookRels().find((r) => r.type === REL_TYPE.styles);
      if (rel) {
        this.zip.write(rel.target, this.stylesEditor.toXml());
      }
    }
    if (this.sharedStrings?.changed) {
      const rel = this.workbookRels().find((r) => r.type === REL_TYPE.sharedStrings);
      const xml = this.sharedStrings.toXml();
      if (rel) {
        this.zip.write(rel.target, xml);
      } else {
        this.addWorkbookPart(
          "sharedStrings.xml",
          REL_TYPE.sharedStrings,
          CONTENT_TYPE.sharedStrings,
          xml
        );
      }
    }
    if (this.workbookChanged) {
      this.zip.write(this.workbookPart, this.workbookXml);
    }
    if (this.relsChanged) {
      this.zip.write(relsPartOf(this.workbookPart), this.workbookRelsXml);
    }
    if (this.typesChanged) {
      this.zip.write("[Content_Types].xml", this.contentTypesXml);
    }
    return this.zip.toBuffer(opts);
  }
}

/** A target for a relationship from a part in `fromDir` to `part` (both package paths). */
function relativeTarget(fromDir: string, part: string): string {
  const from = fromDir.split("/").filter((x) => x !== "");
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) {
    i++;
  }
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

function ensureRelPrefix(xml: string): { xml: string; prefix: string } {
  const existing = prefixOf(xml, NS_REL);
  if (existing !== null && existing !== "") {
    return { xml, prefix: existing };
  }
  const root = /<((?:\w+:)?workbook)\b/.exec(xml);
  if (!root) {
    throw new PatchError("в книге нет описания книги");
  }
  const at = root.index + root[0].length;
  let name = "r";
  for (
    let i = 2;
    new RegExp(`\\sxmlns:${name}\\s*=`).test(xml.slice(0, xml.indexOf(">", at)));
    i++
  ) {
    name = `r${i}`;
  }
  return { xml: splice(xml, at, at, ` xmlns:${name}="${NS_REL}"`), prefix: `${name}:` };
}

/** The smallest valid styles part, for a package that has none. */
const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

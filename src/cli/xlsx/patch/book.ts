/**
 * An existing workbook package opened for editing at the XML level: its sheets, their tables,
 * its styles and shared strings. Parts are read when first needed and written back only when
 * changed; every other part keeps its compressed bytes (zip.ts).
 */
import { matchKey } from "../../../core/text";
import { ChangeLog } from "./changes";
import { PatchError } from "./errors";
import {
  CONTENT_TYPE,
  EMPTY_RELS,
  MINIMAL_STYLES,
  REL_TYPE,
  addOverride,
  addRelationship,
  dirOf,
  readRels,
  relativeTarget,
  relsPartOf,
  type Relationship,
} from "./parts";
import { openForAppend } from "./compactSheet";
import { SharedStrings } from "./sharedStrings";
import { SheetEditor } from "./sheet";
import { StylesEditor } from "./styles";
import { TablePart } from "./table";
import { CellWriter } from "./values";
import { NS_MAIN, START_TAG_BODY, decodeXml, findElement, getAttr, prefixOf } from "./xml";
import { withDefinedName, withFullCalcOnLoad, withSheet } from "./workbookXml";
import { ZipPackage } from "./zip";

export { CONTENT_TYPE, PatchError, REL_TYPE };

/** Sheet parts larger than this are opened compactly for appending rows (compactSheet.ts). */
const COMPACT_FROM = 256 * 1024;

export interface SheetRef {
  readonly name: string;
  /** The sheet part, e.g. `xl/worksheets/sheet2.xml`. */
  readonly part: string;
  readonly rId: string;
  readonly sheetId: number;
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
    this.workbookRelsXml = zip.text(relsPartOf(this.workbookPart)) ?? EMPTY_RELS;
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
   * around its last rows (compactSheet.ts), the rest copied back as bytes.
   */
  sheetForAppend(ref: SheetRef, keepFrom: number): SheetEditor {
    const known = this.sheetEditors.get(ref.part);
    if (known) {
      return known;
    }
    const bytes = this.zip.read(ref.part);
    const compact = bytes && bytes.length > COMPACT_FROM ? openForAppend(bytes, keepFrom) : null;
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
    this.workbookXml = withFullCalcOnLoad(this.workbookXml);
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
    this.contentTypesXml = addOverride(this.contentTypesXml, part, type);
    this.typesChanged = true;
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
    const added = addRelationship(this.workbookRelsXml, type, file);
    this.workbookRelsXml = added.xml;
    this.relsChanged = true;
    this.addContentType(part, contentType);
    return { id: added.id, part };
  }

  /** Adds a relationship from a sheet part to another part (a table); returns its id. */
  addSheetRel(sheetPart: string, type: string, targetPart: string): string {
    const relsPart = relsPartOf(sheetPart);
    this.relsOf(sheetPart);
    const current = this.sheetRels.get(relsPart) ?? EMPTY_RELS;
    const added = addRelationship(current, type, relativeTarget(dirOf(sheetPart), targetPart));
    this.sheetRels.set(relsPart, added.xml);
    this.zip.write(relsPart, added.xml);
    return added.id;
  }

  /**
   * Registers a new worksheet part in the workbook (at the end of the sheet list) and returns
   * its reference and position.
   */
  registerSheet(name: string, part: string): { ref: SheetRef; index: number } {
    const rel = addRelationship(
      this.workbookRelsXml,
      REL_TYPE.worksheet,
      relativeTarget(this.wbDir, part)
    );
    this.workbookRelsXml = rel.xml;
    this.relsChanged = true;
    this.addContentType(part, CONTENT_TYPE.worksheet);
    const index = this.allSheetNames().length;
    const added = withSheet(this.workbookXml, name, rel.id);
    this.workbookXml = added.xml;
    const sheetId = added.sheetId;
    this.workbookChanged = true;
    const ref: SheetRef = { name, part, rId: rel.id, sheetId };
    this.sheetList = [...this.sheetList, ref];
    return { ref, index };
  }

  /** Adds a defined name (e.g. `_xlnm.Print_Titles`) local to sheet `index`. */
  addDefinedName(name: string, localSheetId: number, formula: string): void {
    this.workbookXml = withDefinedName(this.workbookXml, name, localSheetId, formula);
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

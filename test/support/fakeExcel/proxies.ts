/**
 * The proxy objects of the fake Excel API: the members the adapter uses, with Excel's
 * semantics where they matter. Calls are queued; they run in order at `context.sync()`.
 * A property can be read only after `load()` and a `sync()` (PropertyNotLoaded otherwise);
 * navigation to a missing sheet or table fails at the sync (ItemNotFound); the
 * `…OrNullObject` variants give `isNullObject`. Each member carries the ExcelApi version that
 * introduced it, so a host configured as ExcelApi 1.1 rejects the newer ones (ApiNotFound).
 */
import { FakeExcelError } from "./errors";
import { parseAddress, type Rect } from "./address";
import { FakeContext } from "./context";
import type { SheetModel, TableModel, WorkbookModel } from "./model";

type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

function propsOf(arg: LoadArg): string[] {
  if (arg === undefined) {
    return [];
  }
  const text = Array.isArray(arg)
    ? arg.join(",")
    : typeof arg === "string"
      ? arg
      : (arg.select ?? "");
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The base of every proxy: identity, the object it stands for, and load/read rules. */
abstract class FakeObject<T> {
  readonly _id: number;
  private target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  private nullable = false;

  constructor(protected readonly ctx: FakeContext) {
    this._id = ctx.newId();
  }

  /** Queues the navigation that finds this object; it runs at the sync, in order. */
  protected bindBy(
    parent: FakeObject<unknown>,
    member: string,
    args: readonly unknown[],
    since: number,
    find: () => T | null,
    nullable = false
  ): this {
    this.nullable = nullable;
    this.ctx.enqueue({
      wire: { o: this._id, m: member, a: [parent._id, ...args] },
      since,
      run: () => {
        const found = find();
        this.target = found;
        if (nullable) {
          this.ctx.respond({ o: this._id, isNullObject: found === null }, () => {
            this.loaded.set("isNullObject", found === null);
          });
        }
      },
    });
    return this;
  }

  /** Binds to an object known now (collection items, the workbook). */
  protected bindNow(target: T): this {
    this.target = target;
    return this;
  }

  /** The object this proxy stands for, when an operation runs. */
  protected t(): T {
    if (this.target === undefined) {
      throw new FakeExcelError("InvalidObjectPath", "Объект ещё не найден в книге");
    }
    if (this.target === null) {
      throw new FakeExcelError(
        "InvalidObjectPath",
        "Операция над несуществующим объектом (isNullObject)"
      );
    }
    return this.target;
  }

  get isNullObject(): boolean {
    if (!this.nullable) {
      return false;
    }
    return this.loadedValue("isNullObject") as boolean;
  }

  /** Reads one property of the object when a load runs. */
  protected abstract read(prop: string): unknown;

  load(arg?: LoadArg): this {
    const props = propsOf(arg);
    this.ctx.enqueue({
      wire: { o: this._id, m: "load", a: [props] },
      since: 1,
      run: () => {
        if (this.target === null) {
          this.ctx.respond({ o: this._id, isNullObject: true }, () => undefined);
          return;
        }
        const got: Record<string, unknown> = {};
        for (const p of props.length > 0 ? props : this.defaultProps()) {
          got[p] = this.read(p);
        }
        this.ctx.respond({ o: this._id, ...got }, () => {
          for (const [k, v] of Object.entries(got)) {
            this.publish(k, v);
          }
        });
      },
    });
    return this;
  }

  /** Properties of an empty `load()`. */
  protected defaultProps(): string[] {
    return [];
  }

  protected publish(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected markLoaded(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected loadedValue(prop: string): unknown {
    if (!this.loaded.has(prop)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `Свойство «${prop}» не загружено: вызовите load("${prop}") и context.sync() перед чтением`
      );
    }
    return this.loaded.get(prop);
  }

  /** Queues a call or a property write on this object. */
  protected call(member: string, args: readonly unknown[], since: number, run: () => void): void {
    this.ctx.enqueue({ wire: { o: this._id, m: member, a: args }, since, run });
  }

  toJSON(): unknown {
    return { _id: this._id };
  }
}

// ---- ranges --------------------------------------------------------------------------------

interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

function shapeOf(rect: Rect): [number, number] {
  return [rect.bottom - rect.top + 1, rect.right - rect.left + 1];
}

function checkShape(rect: Rect, data: unknown, what: string): unknown[][] {
  const [rows, cols] = shapeOf(rect);
  const ok =
    Array.isArray(data) &&
    data.length === rows &&
    data.every((r) => Array.isArray(r) && r.length === cols);
  if (!ok) {
    const got = Array.isArray(data)
      ? `${data.length}×${Array.isArray(data[0]) ? (data[0] as unknown[]).length : "?"}`
      : typeof data;
    throw new FakeExcelError(
      "InvalidArgument",
      `Размер массива ${what} (${got}) не совпадает с размером диапазона (${rows}×${cols})`
    );
  }
  return data as unknown[][];
}

function sub(t: RangeTarget, rect: Rect): RangeTarget {
  if (rect.top < 0 || rect.left < 0 || rect.bottom < rect.top || rect.right < rect.left) {
    throw new FakeExcelError("InvalidArgument", "Диапазон выходит за пределы листа");
  }
  return { sheet: t.sheet, rect };
}

function grid<T>(t: RangeTarget, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: T[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      row.push(cell(r, c));
    }
    out.push(row);
  }
  return out;
}

export class Range extends FakeObject<RangeTarget> {
  static on(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    member: string,
    args: readonly unknown[],
    since: number,
    find: () => RangeTarget | null,
    nullable = false
  ): Range {
    return new Range(ctx).bindBy(parent, member, args, since, find, nullable);
  }

  private derive(
    member: string,
    args: readonly unknown[],
    since: number,
    f: (t: RangeTarget) => Rect
  ): Range {
    return Range.on(this.ctx, this, member, args, since, () => sub(this.t(), f(this.t())));
  }

  protected override defaultProps(): string[] {
    return ["address", "values", "numberFormat", "rowCount", "columnCount"];
  }

  protected read(prop: string): unknown {
    const t = this.t();
    const [rows, cols] = shapeOf(t.rect);
    switch (prop) {
      case "address":
        return t.sheet.address(t.rect);
      case "values":
        return grid(t, (r, c) => t.sheet.value(r, c));
      case "formulas":
        return grid(t, (r, c) => t.sheet.formula(r, c));
      case "numberFormat":
        return grid(t, (r, c) => t.sheet.format(r, c));
      case "valueTypes":
        return grid(t, (r, c) => {
          const v = t.sheet.value(r, c);
          return typeof v === "number"
            ? "Double"
            : typeof v === "boolean"
              ? "Boolean"
              : v === ""
                ? "Empty"
                : v.startsWith("#") && t.sheet.formula(r, c) !== v
                  ? "Error"
                  : "String";
        });
      case "rowCount":
        return rows;
      case "columnCount":
        return cols;
      case "rowIndex":
        return t.rect.top;
      case "columnIndex":
        return t.rect.left;
      case "cellCount":
        return rows * cols;
      default:
        throw new FakeExcelError(
          "InvalidArgument",
          `Фальшивый Excel не знает свойства Range.${prop}`
        );
    }
  }

  get address(): string {
    return this.loadedValue("address") as string;
  }
  get values(): unknown[][] {
    return this.loadedValue("values") as unknown[][];
  }
  set values(data: unknown[][]) {
    this.call("values", [data], 1, () => {
      const t = this.t();
      const rows = checkShape(t.rect, data, "values");
      rows.forEach((row, i) =>
        row.forEach((v, j) => t.sheet.write(t.rect.top + i, t.rect.left + j, v))
      );
    });
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas") as unknown[][];
  }
  set formulas(data: unknown[][]) {
    this.call("formulas", [data], 1, () => {
      const t = this.t();
      const rows = checkShape(t.rect, data, "formulas");
      rows.forEach((row, i) =>
        row.forEach((v, j) => t.sheet.write(t.rect.top + i, t.rect.left + j, v))
      );
    });
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat") as unknown[][];
  }
  set numberFormat(data: unknown[][]) {
    this.call("numberFormat", [data], 1, () => {
      const t = this.t();
      const rows = checkShape(t.rect, data, "numberFormat");
      rows.forEach((row, i) =>
        row.forEach((v, j) => t.sheet.setFormat(t.rect.top + i, t.rect.left + j, v))
      );
    });
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes") as string[][];
  }
  get rowCount(): number {
    return this.loadedValue("rowCount") as number;
  }
  get columnCount(): number {
    return this.loadedValue("columnCount") as number;
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex") as number;
  }

  getRow(i: number): Range {
    return this.derive("getRow", [i], 1, (t) => {
      if (i < 0 || i > t.rect.bottom - t.rect.top) {
        throw new FakeExcelError("InvalidArgument", `Строка ${i} вне диапазона`);
      }
      return { ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i };
    });
  }
  getColumn(i: number): Range {
    return this.derive("getColumn", [i], 1, (t) => {
      if (i < 0 || i > t.rect.right - t.rect.left) {
        throw new FakeExcelError("InvalidArgument", `Столбец ${i} вне диапазона`);
      }
      return { ...t.rect, left: t.rect.left + i, right: t.rect.left + i };
    });
  }
  getCell(r: number, c: number): Range {
    return this.derive("getCell", [r, c], 1, (t) => ({
      top: t.rect.top + r,
      bottom: t.rect.top + r,
      left: t.rect.left + c,
      right: t.rect.left + c,
    }));
  }
  getLastRow(): Range {
    return this.derive("getLastRow", [], 2, (t) => ({ ...t.rect, top: t.rect.bottom }));
  }
  getOffsetRange(dr: number, dc: number): Range {
    return this.derive("getOffsetRange", [dr, dc], 1, (t) => ({
      top: t.rect.top + dr,
      bottom: t.rect.bottom + dr,
      left: t.rect.left + dc,
      right: t.rect.right + dc,
    }));
  }
  getResizedRange(dr: number, dc: number): Range {
    return this.derive("getResizedRange", [dr, dc], 2, (t) => ({
      ...t.rect,
      bottom: t.rect.bottom + dr,
      right: t.rect.right + dc,
    }));
  }
  getBoundingRect(other: Range): Range {
    return this.derive("getBoundingRect", [other._id], 1, (t) => {
      const o = other.t();
      if (o.sheet !== t.sheet) {
        throw new FakeExcelError("InvalidArgument", "Диапазоны на разных листах");
      }
      return {
        top: Math.min(t.rect.top, o.rect.top),
        left: Math.min(t.rect.left, o.rect.left),
        bottom: Math.max(t.rect.bottom, o.rect.bottom),
        right: Math.max(t.rect.right, o.rect.right),
      };
    });
  }

  select(): void {
    this.call("select", [], 1, () => {
      const t = this.t();
      const wb = this.ctx.host.model;
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rect: t.rect };
    });
  }
  clear(): void {
    this.call("clear", [], 1, () => this.t().sheet.clear(this.t().rect));
  }
  merge(across = false): void {
    this.call("merge", [across], 2, () => {
      const t = this.t();
      t.sheet.merges.push(t.sheet.address(t.rect));
    });
  }

  /** Records a format change of this range on its sheet. */
  style(property: string, value: unknown, since = 1): void {
    this.call(`format.${property}`, [value], since, () => {
      const t = this.t();
      t.sheet.styles.push({ address: t.sheet.address(t.rect), property, value });
      if (property === "columnWidth" && typeof value === "number") {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          t.sheet.columnWidths.set(c, value);
        }
      }
      if (property === "rowHeight" && typeof value === "number") {
        for (let r = t.rect.top; r <= t.rect.bottom; r++) {
          t.sheet.rowHeights.set(r, value);
        }
      }
    });
  }

  get format(): RangeFormat {
    return new RangeFormat(this);
  }

  get dataValidation(): DataValidation {
    return new DataValidation(this.ctx, this);
  }

  /** The range's target for sibling proxies of this module. */
  targetNow(): RangeTarget {
    return this.t();
  }
}

export class RangeFormat {
  constructor(private readonly range: Range) {}
  set columnWidth(v: number) {
    this.range.style("columnWidth", v, 2);
  }
  set rowHeight(v: number) {
    this.range.style("rowHeight", v, 2);
  }
  set wrapText(v: boolean) {
    this.range.style("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.range.style("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.range.style("verticalAlignment", v);
  }
  autofitRows(): void {
    this.range.style("autofitRows", true, 2);
  }
  get font(): { bold: boolean; italic: boolean; size: number; color: string } {
    const range = this.range;
    return {
      set bold(v: boolean) {
        range.style("font.bold", v);
      },
      set italic(v: boolean) {
        range.style("font.italic", v);
      },
      set size(v: number) {
        range.style("font.size", v);
      },
      set color(v: string) {
        range.style("font.color", v);
      },
    } as { bold: boolean; italic: boolean; size: number; color: string };
  }
  get fill(): { color: string } {
    const range = this.range;
    return {
      set color(v: string) {
        range.style("fill.color", v);
      },
    } as { color: string };
  }
  get borders(): { getItem(index: string): { style: string; color: string } } {
    const range = this.range;
    return {
      getItem(index: string) {
        return {
          set style(v: string) {
            range.style(`borders.${index}.style`, v);
          },
          set color(v: string) {
            range.style(`borders.${index}.color`, v);
          },
        } as { style: string; color: string };
      },
    };
  }
}

export class DataValidation {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: Range
  ) {}
  private record(field: "rule" | "errorAlert" | "prompt", value: unknown): void {
    this.ctx.enqueue({
      wire: { o: this.range._id, m: `dataValidation.${field}`, a: [value] },
      since: 8,
      run: () => {
        const t = this.range.targetNow();
        const address = t.sheet.address(t.rect);
        let v = t.sheet.validations.find((x) => x.address === address);
        if (!v) {
          v = { address, rule: null, errorAlert: null, prompt: null };
          t.sheet.validations.push(v);
        }
        v[field] = value;
      },
    });
  }
  set rule(v: unknown) {
    this.record("rule", v);
  }
  set errorAlert(v: unknown) {
    this.record("errorAlert", v);
  }
  set prompt(v: unknown) {
    this.record("prompt", v);
  }
}

// ---- worksheets ----------------------------------------------------------------------------

export class Worksheet extends FakeObject<SheetModel> {
  static of(ctx: FakeContext, sheet: SheetModel, props: Record<string, unknown> = {}): Worksheet {
    const w = new Worksheet(ctx).bindNow(sheet);
    for (const [k, v] of Object.entries(props)) {
      w.markLoaded(k, v);
    }
    return w;
  }
  static on(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    member: string,
    args: readonly unknown[],
    since: number,
    find: () => SheetModel | null,
    nullable = false
  ): Worksheet {
    return new Worksheet(ctx).bindBy(parent, member, args, since, find, nullable);
  }

  protected override defaultProps(): string[] {
    return ["name", "visibility", "position"];
  }
  protected read(prop: string): unknown {
    const s = this.t();
    switch (prop) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "position":
        return this.ctx.host.model.sheets.indexOf(s);
      default:
        throw new FakeExcelError(
          "InvalidArgument",
          `Фальшивый Excel не знает свойства Worksheet.${prop}`
        );
    }
  }
  get name(): string {
    return this.loadedValue("name") as string;
  }
  set name(v: string) {
    this.call("name", [v], 1, () => {
      const other = this.ctx.host.model.findSheet(v);
      if (other && other !== this.t()) {
        throw new FakeExcelError("ItemAlreadyExists", `Лист «${v}» уже существует`);
      }
      this.t().name = v;
    });
  }
  get visibility(): string {
    return this.loadedValue("visibility") as string;
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.call("visibility", [v], 1, () => {
      this.t().visibility = v;
    });
  }

  getRange(address?: string): Range {
    return Range.on(this.ctx, this, "getRange", [address ?? null], 1, () => {
      const sheet = this.t();
      if (address === undefined) {
        return { sheet, rect: { top: 0, left: 0, bottom: 1_048_575, right: 16_383 } };
      }
      const p = parseAddress(address);
      if (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new FakeExcelError("InvalidArgument", `Адрес ${address} указывает на другой лист`);
      }
      return { sheet, rect: p };
    });
  }
  getUsedRange(valuesOnly?: boolean): Range {
    const args = valuesOnly === undefined ? [] : [valuesOnly];
    return Range.on(this.ctx, this, "getUsedRange", args, valuesOnly === undefined ? 1 : 2, () => {
      const sheet = this.t();
      return { sheet, rect: sheet.usedRect() ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return Range.on(
      this.ctx,
      this,
      "getUsedRangeOrNullObject",
      [valuesOnly ?? false],
      4,
      () => {
        const sheet = this.t();
        const rect = sheet.usedRect();
        return rect ? { sheet, rect } : null;
      },
      true
    );
  }
  activate(): void {
    this.call("activate", [], 1, () => {
      this.ctx.host.model.activeSheet = this.t();
    });
  }
  delete(): void {
    this.call("delete", [], 1, () => {
      const model = this.ctx.host.model;
      const i = model.sheets.indexOf(this.t());
      model.sheets.splice(i, 1);
    });
  }
  get tables(): TableCollection {
    return new TableCollection(this.ctx, this, () => this.t());
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) =>
        this.call("freezePanes.freezeRows", [n], 7, () => {
          this.t().frozenRows = n;
        }),
    };
  }
  get pageLayout(): PageLayout {
    return new PageLayout(this.ctx, this);
  }
  get onSelectionChanged(): {
    add(handler: (e: { address: string; worksheetId: string }) => Promise<unknown>): {
      remove(): void;
    };
  } {
    return {
      add: (handler) => {
        const listener = (address: string, sheet: string): void => {
          void handler({ address, worksheetId: sheet });
        };
        let registered = false;
        this.call("onSelectionChanged.add", [], 7, () => {
          const name = this.t().name;
          registered = true;
          const wrapped = (address: string, sheet: string): void => {
            if (sheet === name) {
              listener(address, sheet);
            }
          };
          this.ctx.host.selectionHandlers.add(wrapped);
          removeIt = () => this.ctx.host.selectionHandlers.delete(wrapped);
        });
        let removeIt = (): boolean => registered;
        return {
          remove: () => {
            this.call("onSelectionChanged.remove", [], 7, () => {
              removeIt();
            });
          },
        };
      },
    };
  }

  sheetNow(): SheetModel {
    return this.t();
  }
}

export class PageLayout {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: Worksheet
  ) {}
  private set_(field: string, value: unknown): void {
    this.ctx.enqueue({
      wire: { o: this.ws._id, m: `pageLayout.${field}`, a: [value] },
      since: 9,
      run: () => {
        this.ws.sheetNow().pageLayout[field] = value;
      },
    });
  }
  set orientation(v: string) {
    this.set_("orientation", v);
  }
  set paperSize(v: string) {
    this.set_("paperSize", v);
  }
  set centerHorizontally(v: boolean) {
    this.set_("centerHorizontally", v);
  }
  set zoom(v: unknown) {
    this.set_("zoom", v);
  }
  set printGridlines(v: boolean) {
    this.set_("printGridlines", v);
  }
  setPrintArea(area: string): void {
    this.set_("printArea", area);
  }
  setPrintTitleRows(rows: string): void {
    this.set_("printTitleRows", rows);
  }
  setPrintMargins(unit: string, margins: unknown): void {
    this.set_("margins", { unit, margins });
  }
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const set = (v: string): void => this.set_("centerFooter", v);
    return {
      defaultForAllPages: {
        set centerFooter(v: string) {
          set(v);
        },
      } as { centerFooter: string },
    };
  }
}

export class WorksheetCollection extends FakeObject<WorkbookModel> {
  static of(ctx: FakeContext, model: WorkbookModel): WorksheetCollection {
    return new WorksheetCollection(ctx).bindNow(model);
  }
  protected read(prop: string): unknown {
    if (prop.startsWith("items")) {
      return null;
    }
    if (prop === "count") {
      return this.t().sheets.length;
    }
    throw new FakeExcelError(
      "InvalidArgument",
      `Фальшивый Excel не знает свойства WorksheetCollection.${prop}`
    );
  }
  override load(arg?: LoadArg): this {
    const props = propsOf(arg);
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const wantsItems =
      props.length === 0 || props.some((p) => p === "items" || p.startsWith("items/"));
    this.call("load", [props], 1, () => {
      const sheets = [...this.t().sheets];
      const rows = sheets.map((s) => {
        const got: Record<string, unknown> = {};
        for (const p of itemProps.length > 0 ? itemProps : ["name", "visibility", "position"]) {
          got[p] =
            p === "name" ? s.name : p === "visibility" ? s.visibility : this.t().sheets.indexOf(s);
        }
        return got;
      });
      this.ctx.respond({ o: this._id, items: wantsItems ? rows : undefined }, () => {
        this.markLoaded("count", sheets.length);
        if (wantsItems) {
          this.markLoaded(
            "items",
            sheets.map((s, i) => Worksheet.of(this.ctx, s, rows[i]))
          );
        }
      });
    });
    return this;
  }
  get items(): Worksheet[] {
    return this.loadedValue("items") as Worksheet[];
  }
  getItem(name: string): Worksheet {
    return Worksheet.on(this.ctx, this, "getItem", [name], 1, () => {
      const s = this.t().findSheet(name);
      if (!s) {
        throw new FakeExcelError("ItemNotFound", `Лист «${name}» не найден`);
      }
      return s;
    });
  }
  getItemOrNullObject(name: string): Worksheet {
    return Worksheet.on(
      this.ctx,
      this,
      "getItemOrNullObject",
      [name],
      4,
      () => this.t().findSheet(name) ?? null,
      true
    );
  }
  add(name?: string): Worksheet {
    return Worksheet.on(this.ctx, this, "add", [name ?? null], 1, () => {
      const model = this.t();
      let n = model.sheets.length + 1;
      while (name === undefined && model.findSheet(`Лист${n}`)) {
        n++;
      }
      return model.addSheet(name ?? `Лист${n}`);
    });
  }
  getActiveWorksheet(): Worksheet {
    return Worksheet.on(this.ctx, this, "getActiveWorksheet", [], 1, () => {
      const s = this.t().activeSheet ?? this.t().sheets[0];
      if (!s) {
        throw new FakeExcelError("ItemNotFound", "В книге нет листов");
      }
      return s;
    });
  }
}

// ---- tables --------------------------------------------------------------------------------

export class Table extends FakeObject<TableModel> {
  static of(ctx: FakeContext, table: TableModel, props: Record<string, unknown>): Table {
    const t = new Table(ctx).bindNow(table);
    for (const [k, v] of Object.entries(props)) {
      t.markLoaded(k, v);
    }
    return t;
  }
  static on(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    member: string,
    args: readonly unknown[],
    since: number,
    find: () => TableModel | null,
    nullable = false
  ): Table {
    return new Table(ctx).bindBy(parent, member, args, since, find, nullable);
  }
  protected override defaultProps(): string[] {
    return ["name", "style"];
  }
  protected read(prop: string): unknown {
    const t = this.t();
    if (prop === "name") {
      return t.name;
    }
    if (prop === "style") {
      return t.style;
    }
    throw new FakeExcelError("InvalidArgument", `Фальшивый Excel не знает свойства Table.${prop}`);
  }
  get name(): string {
    return this.loadedValue("name") as string;
  }
  set name(v: string) {
    this.call("name", [v], 1, () => this.ctx.host.model.renameTable(this.t(), v));
  }
  set style(v: string) {
    this.call("style", [v], 1, () => {
      this.t().style = v;
    });
  }
  private range(member: string, f: (t: TableModel) => Rect): Range {
    return Range.on(this.ctx, this, member, [], 1, () => {
      const t = this.t();
      return { sheet: t.sheet, rect: f(t) };
    });
  }
  getRange(): Range {
    return this.range("getRange", (t) => ({
      top: t.top,
      left: t.left,
      bottom: t.bottom,
      right: t.right,
    }));
  }
  getHeaderRowRange(): Range {
    return this.range("getHeaderRowRange", (t) => ({
      top: t.top,
      left: t.left,
      bottom: t.top,
      right: t.right,
    }));
  }
  getDataBodyRange(): Range {
    return this.range("getDataBodyRange", (t) => ({
      top: t.top + 1,
      left: t.left,
      bottom: t.bottom,
      right: t.right,
    }));
  }
  get rows(): TableRowCollection {
    return new TableRowCollection(this.ctx, this);
  }
  get worksheet(): Worksheet {
    return Worksheet.on(this.ctx, this, "worksheet", [], 2, () => this.t().sheet);
  }
  tableNow(): TableModel {
    return this.t();
  }
}

export class TableRowCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly table: Table
  ) {}
  /** Adds rows (several at once only from ExcelApi 1.4); returns the first added row. */
  add(index?: number | null, values?: unknown[][]): { getRange(): Range } {
    const data = values ?? [[]];
    const since = data.length > 1 ? 4 : 1;
    let first = -1;
    this.ctx.enqueue({
      wire: { o: this.table._id, m: "rows.add", a: [index ?? null, data] },
      since,
      run: () => {
        const t = this.table.tableNow();
        const rows = values ?? [Array.from({ length: t.right - t.left + 1 }, () => "")];
        first = this.ctx.host.model.addTableRows(t, index ?? null, rows);
      },
    });
    const table = this.table;
    return {
      getRange: () =>
        Range.on(this.ctx, table, "rows.getRange", [], 1, () => {
          const t = table.tableNow();
          return {
            sheet: t.sheet,
            rect: { top: first, bottom: first, left: t.left, right: t.right },
          };
        }),
    };
  }
}

export class TableCollection extends FakeObject<WorkbookModel> {
  constructor(
    ctx: FakeContext,
    parent: FakeObject<unknown> | null,
    private readonly scope: (() => SheetModel) | null
  ) {
    super(ctx);
    void parent;
    this.bindNow(ctx.host.model);
  }
  private list(): TableModel[] {
    return this.scope ? [...this.scope().tables] : this.t().tables();
  }
  protected read(prop: string): unknown {
    if (prop === "count") {
      return this.list().length;
    }
    throw new FakeExcelError(
      "InvalidArgument",
      `Фальшивый Excel не знает свойства TableCollection.${prop}`
    );
  }
  override load(arg?: LoadArg): this {
    const props = propsOf(arg);
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.call("load", [props], 1, () => {
      const tables = this.list();
      const rows = tables.map((t) => {
        const got: Record<string, unknown> = {};
        for (const p of itemProps.length > 0 ? itemProps : ["name"]) {
          if (p !== "name" && p !== "style") {
            throw new FakeExcelError(
              "InvalidArgument",
              `Фальшивый Excel не загружает Table.${p} из коллекции`
            );
          }
          got[p] = p === "name" ? t.name : t.style;
        }
        return got;
      });
      this.ctx.respond({ o: this._id, items: rows }, () => {
        this.markLoaded("count", tables.length);
        this.markLoaded(
          "items",
          tables.map((t, i) => Table.of(this.ctx, t, rows[i] ?? {}))
        );
      });
    });
    return this;
  }
  get items(): Table[] {
    return this.loadedValue("items") as Table[];
  }
  get count(): number {
    return this.loadedValue("count") as number;
  }
  private find(name: string): TableModel | null {
    const key = name.toLowerCase();
    return this.list().find((t) => t.name.toLowerCase() === key) ?? null;
  }
  getItem(name: string): Table {
    return Table.on(this.ctx, this, "getItem", [name], 1, () => {
      const t = this.find(name);
      if (!t) {
        throw new FakeExcelError("ItemNotFound", `Таблица «${name}» не найдена`);
      }
      return t;
    });
  }
  getItemOrNullObject(name: string): Table {
    return Table.on(this.ctx, this, "getItemOrNullObject", [name], 4, () => this.find(name), true);
  }
  getItemAt(index: number): Table {
    return Table.on(this.ctx, this, "getItemAt", [index], 1, () => {
      const t = this.list()[index];
      if (!t) {
        throw new FakeExcelError("ItemNotFound", `Нет таблицы с номером ${index}`);
      }
      return t;
    });
  }
  add(address: string, hasHeaders: boolean): Table {
    return Table.on(this.ctx, this, "add", [address, hasHeaders], 1, () => {
      const p = parseAddress(address);
      const model = this.t();
      const sheet = p.sheet !== null ? model.findSheet(p.sheet) : this.scope?.();
      if (!sheet) {
        throw new FakeExcelError("InvalidArgument", `Нет листа для адреса ${address}`);
      }
      if (this.scope && this.scope() !== sheet) {
        throw new FakeExcelError("InvalidArgument", `Адрес ${address} указывает на другой лист`);
      }
      return model.addTable(sheet, p, hasHeaders);
    });
  }
}

// ---- workbook and context ------------------------------------------------------------------

export class Workbook extends FakeObject<WorkbookModel> {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.bindNow(ctx.host.model);
    this.worksheets = WorksheetCollection.of(ctx, ctx.host.model);
    this.tables = new TableCollection(ctx, this, null);
  }
  protected read(prop: string): unknown {
    throw new FakeExcelError(
      "InvalidArgument",
      `Фальшивый Excel не знает свойства Workbook.${prop}`
    );
  }
  getSelectedRange(): Range {
    return Range.on(this.ctx, this, "getSelectedRange", [], 1, () => {
      const sel = this.t().selection;
      const sheet = sel?.sheet ?? this.t().activeSheet ?? this.t().sheets[0];
      if (!sheet) {
        throw new FakeExcelError("ItemNotFound", "В книге нет листов");
      }
      return { sheet, rect: sel?.rect ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

export class FakeRequestContext extends FakeContext {
  readonly workbook: Workbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(host: FakeContext["host"]) {
    super(host);
    this.workbook = new Workbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.enqueue({
          wire: { o: 0, m: "suspendApiCalculationUntilNextSync" },
          since: 6,
          run: () => undefined,
        }),
    };
  }
}

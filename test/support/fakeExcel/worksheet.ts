/**
 * Worksheets of the fake Excel API: ranges by address, used ranges, tables of the sheet, frozen
 * panes, page layout, selection events; the collection with add/getItem.
 */
import { FakeExcelError } from "./errors";
import { parseAddress } from "./address";
import { FakeContext } from "./context";
import { FakeObject, propsOf, type LoadArg } from "./object";
import { Range } from "./range";
import { TableCollection } from "./table";
import type { SheetModel, WorkbookModel } from "./model";

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
  /**
   * The used range: cells with a value or formatting; with `valuesOnly` (ExcelApi 1.2) cells
   * with a value only. A blank sheet gives its top-left cell A1, as Excel says.
   */
  getUsedRange(valuesOnly?: boolean): Range {
    const args = valuesOnly === undefined ? [] : [valuesOnly];
    return Range.on(this.ctx, this, "getUsedRange", args, valuesOnly === undefined ? 1 : 2, () => {
      const sheet = this.t();
      return {
        sheet,
        rect: sheet.usedRect(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }
  /** As `getUsedRange`, with a null object for a blank sheet (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return Range.on(
      this.ctx,
      this,
      "getUsedRangeOrNullObject",
      [valuesOnly ?? false],
      4,
      () => {
        const sheet = this.t();
        const rect = sheet.usedRect(valuesOnly === true);
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
  set showGridlines(v: boolean) {
    this.call("showGridlines", [v], 8, () => {
      this.t().showGridlines = v;
    });
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
  ) {
    // A member the fake does not model throws instead of passing silently.
    Object.freeze(this);
  }
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
      defaultForAllPages: Object.freeze({
        set centerFooter(v: string) {
          set(v);
        },
      }) as { centerFooter: string },
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

/**
 * Tables (ListObjects) of the fake Excel API: ranges of the header, body and whole table, rows
 * and columns added as Excel adds them, the collections with getItem/add.
 */
import { FakeExcelError } from "./errors";
import { parseAddress, type Rect } from "./address";
import { FakeContext } from "./context";
import { FakeObject, propsOf, type LoadArg } from "./object";
import { Range } from "./range";
import { Worksheet } from "./worksheet";
import { bodyBottom, type SheetModel, type TableModel, type WorkbookModel } from "./model";

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
    if (prop === "showTotals") {
      return t.totals === true;
    }
    throw new FakeExcelError("InvalidArgument", `Фальшивый Excel не знает свойства Table.${prop}`);
  }
  get showTotals(): boolean {
    return this.loadedValue("showTotals") as boolean;
  }
  /** Shows or removes the totals row (ExcelApi 1.1). */
  set showTotals(v: boolean) {
    this.call("showTotals", [v], 1, () => this.ctx.host.model.setTotals(this.t(), v));
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
  /** The body: the rows between the header and the totals row (never the totals row). */
  getDataBodyRange(): Range {
    return this.range("getDataBodyRange", (t) => ({
      top: t.top + 1,
      left: t.left,
      bottom: bodyBottom(t),
      right: t.right,
    }));
  }
  /** The totals row; a table without one has none to give (InvalidArgument). */
  getTotalRowRange(): Range {
    return this.range("getTotalRowRange", (t) => {
      if (t.totals !== true) {
        throw new FakeExcelError("InvalidArgument", `У таблицы «${t.name}» нет строки итогов`);
      }
      return { top: t.bottom, left: t.left, bottom: t.bottom, right: t.right };
    });
  }
  get rows(): TableRowCollection {
    return new TableRowCollection(this.ctx, this);
  }
  get columns(): TableColumnCollection {
    return new TableColumnCollection(this.ctx, this);
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
  /**
   * Adds rows (several at once only from ExcelApi 1.4) above the totals row; returns the first
   * added row. Without values, one blank row (calculated columns filled); a value clobbers a
   * calculated column's formula in its row, `null` leaves it (see WorkbookModel.addTableRows).
   */
  add(index?: number | null, values?: unknown[][]): { getRange(): Range } {
    const data = values ?? [[]];
    const since = data.length > 1 ? 4 : 1;
    let first = -1;
    this.ctx.enqueue({
      wire: { o: this.table._id, m: "rows.add", a: [index ?? null, values ?? null] },
      since,
      run: () => {
        const t = this.table.tableNow();
        const rows = values ?? [Array.from({ length: t.right - t.left + 1 }, () => null)];
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

  /** The row at a body index (ExcelApi 1.1); found when the batch runs. */
  getItemAt(index: number): { delete(): void } {
    const table = this.table;
    return {
      delete: () =>
        this.ctx.enqueue({
          wire: { o: table._id, m: "rows.getItemAt.delete", a: [index] },
          since: 1,
          run: () => this.ctx.host.model.deleteTableRow(table.tableNow(), index),
        }),
    };
  }
}

/** A column of a table, as `columns.add` returns it: its ranges, found when the batch runs. */
export class TableColumn extends FakeObject<{ table: TableModel; column: number }> {
  static on(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    member: string,
    args: readonly unknown[],
    since: number,
    find: () => { table: TableModel; column: number } | null
  ): TableColumn {
    return new TableColumn(ctx).bindBy(parent, member, args, since, find);
  }
  protected override defaultProps(): string[] {
    return ["name", "index"];
  }
  protected read(prop: string): unknown {
    const { table, column } = this.t();
    if (prop === "name") {
      return table.sheet.value(table.top, column);
    }
    if (prop === "index") {
      return column - table.left;
    }
    throw new FakeExcelError(
      "InvalidArgument",
      `Фальшивый Excel не знает свойства TableColumn.${prop}`
    );
  }
  get name(): string {
    return this.loadedValue("name") as string;
  }
  private range(member: string, rows: (t: TableModel) => [number, number]): Range {
    return Range.on(this.ctx, this, member, [], 1, () => {
      const { table, column } = this.t();
      const [top, bottom] = rows(table);
      return { sheet: table.sheet, rect: { top, bottom, left: column, right: column } };
    });
  }
  getRange(): Range {
    return this.range("getRange", (t) => [t.top, t.bottom]);
  }
  getHeaderRowRange(): Range {
    return this.range("getHeaderRowRange", (t) => [t.top, t.top]);
  }
  getDataBodyRange(): Range {
    return this.range("getDataBodyRange", (t) => [t.top + 1, bodyBottom(t)]);
  }
}

export class TableColumnCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly table: Table
  ) {}
  /**
   * Adds a column (ExcelApi 1.1 only before an existing column: appending at the end — index
   * null or -1 — and `name` need ExcelApi 1.4, as Microsoft's reference says).
   */
  add(index?: number | null, values?: unknown[][] | null, name?: string | null): TableColumn {
    const atEnd = index === undefined || index === null || index === -1;
    const since = atEnd || (name !== undefined && name !== null) ? 4 : 1;
    const table = this.table;
    let column = -1;
    this.ctx.enqueue({
      wire: { o: table._id, m: "columns.add", a: [index ?? null, values ?? null, name ?? null] },
      since,
      run: () => {
        const t = table.tableNow();
        const width = t.right - t.left + 1;
        if (!atEnd && (index as number) >= width) {
          throw new FakeExcelError(
            "InvalidArgument",
            `Индекс столбца ${index} не меньше числа столбцов таблицы (${width})`
          );
        }
        column = this.ctx.host.model.addTableColumn(
          t,
          atEnd ? null : (index as number),
          values ?? null,
          name ?? null
        );
      },
    });
    return TableColumn.on(this.ctx, table, "columns.item", [], 1, () => ({
      table: table.tableNow(),
      column,
    }));
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
          if (p !== "name" && p !== "style" && p !== "showTotals") {
            throw new FakeExcelError(
              "InvalidArgument",
              `Фальшивый Excel не загружает Table.${p} из коллекции`
            );
          }
          got[p] = p === "name" ? t.name : p === "style" ? t.style : t.totals === true;
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

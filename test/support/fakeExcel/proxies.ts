/**
 * The proxy objects of the fake Excel API: the members the adapter uses, with Excel's
 * semantics where they matter. Calls are queued; they run in order at `context.sync()`.
 * A property can be read only after `load()` and a `sync()` (PropertyNotLoaded otherwise);
 * navigation to a missing sheet or table fails at the sync (ItemNotFound); the
 * `…OrNullObject` variants give `isNullObject`. Each member carries the ExcelApi version that
 * introduced it, so a host configured as ExcelApi 1.1 rejects the newer ones (ApiNotFound).
 */
import { FakeExcelError } from "./errors";
import { FakeContext } from "./context";
import { FakeObject } from "./object";
import { Range } from "./range";
import { TableCollection } from "./table";
import { WorksheetCollection } from "./worksheet";
import { dateSerial, type WorkbookModel } from "./model";

export { FakeObject } from "./object";
export { DataValidation, Range, RangeFormat } from "./range";
export { Table, TableCollection, TableColumnCollection, TableRowCollection } from "./table";
export { PageLayout, Worksheet, WorksheetCollection } from "./worksheet";

/** The result of a worksheet function evaluated by `workbook.functions` (ExcelApi 1.2). */
export class FunctionResult extends FakeObject<{ value: unknown; error: string | null }> {
  static on(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    member: string,
    args: readonly unknown[],
    evaluate: () => { value: unknown; error: string | null }
  ): FunctionResult {
    return new FunctionResult(ctx).bindBy(parent, member, args, 2, evaluate);
  }
  protected override defaultProps(): string[] {
    return ["value", "error"];
  }
  protected read(prop: string): unknown {
    const r = this.t();
    if (prop === "value") {
      return r.value;
    }
    if (prop === "error") {
      return r.error;
    }
    throw new FakeExcelError(
      "InvalidArgument",
      `Фальшивый Excel не знает свойства FunctionResult.${prop}`
    );
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
  get error(): string | null {
    return this.loadedValue("error") as string | null;
  }
}

/** `workbook.functions`: the worksheet functions the adapter evaluates (ExcelApi 1.2). */
export class Functions {
  constructor(
    private readonly ctx: FakeContext,
    private readonly workbook: Workbook
  ) {}
  /** DATE(year; month; day) in the workbook's date system (#NUM! before its day 0). */
  date(year: number, month: number, day: number): FunctionResult {
    return FunctionResult.on(this.ctx, this.workbook, "functions.date", [year, month, day], () => {
      const serial = dateSerial(year, month, day, this.ctx.host.model.date1904);
      return serial === null ? { value: "#NUM!", error: "#NUM!" } : { value: serial, error: null };
    });
  }
}

export class Workbook extends FakeObject<WorkbookModel> {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly functions: Functions;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.bindNow(ctx.host.model);
    this.worksheets = WorksheetCollection.of(ctx, ctx.host.model);
    this.tables = new TableCollection(ctx, this, null);
    this.functions = new Functions(ctx, this);
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

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
import type { WorkbookModel } from "./model";

export { FakeObject } from "./object";
export { DataValidation, Range, RangeFormat } from "./range";
export { Table, TableCollection, TableColumnCollection, TableRowCollection } from "./table";
export { PageLayout, Worksheet, WorksheetCollection } from "./worksheet";

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

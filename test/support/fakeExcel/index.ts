/**
 * A fake of the Excel JavaScript API surface the add-in uses, for Node tests and for the
 * task pane in headless Chromium (no Node imports anywhere in this folder).
 *
 * ```ts
 * const fake = createFakeExcel({ apiVersion: 4 });          // an ExcelApi 1.4 host
 * const gateway = createExcelGateway(fake.run, fake.host);
 * await gateway.saveCase(draft, { today });
 * fake.syncCount;             // context.sync() calls so far (Excel.run's final flush included)
 * fake.requests;              // [{ bytes, responseBytes, operations }] per sync
 * fake.cell("Учёт", "A2");    // { value, formula, format }
 * ```
 */
import { columnIndex, formatAddress, parseAddress, type Rect } from "./address";
import { utf8Bytes, type HostState, type SyncRecord } from "./context";
import { FakeExcelError } from "./errors";
import {
  bodyBottom,
  displayText,
  FORMULA_RESULT,
  SheetModel,
  WorkbookModel,
  type CellValue,
  type TableModel,
} from "./model";
import { FakeRequestContext } from "./proxies";

export { FakeExcelError } from "./errors";
export { columnLetters, formatAddress, parseAddress } from "./address";
export { FakeRequestContext } from "./proxies";
export type { SyncRecord } from "./context";

export interface FakeExcelOptions {
  /** Highest ExcelApi minor version of the host: 1 (Office 2016 MSI) … 21. Default 21. */
  readonly apiVersion?: number;
  /** Request/response size limit in bytes; default 5 MB (Excel on the web). */
  readonly payloadLimit?: number;
  /** Sheets to start with (an empty workbook has one sheet, «Лист1»). */
  readonly sheets?: readonly string[];
  /** The workbook uses the 1904 date system (Excel for Mac 2008 and earlier). */
  readonly date1904?: boolean;
}

export interface CellView {
  readonly value: CellValue | "";
  /** What Excel displays (dates in the workbook's date system). */
  readonly text: string;
  /** The formula when the cell holds one, else null. */
  readonly formula: string | null;
  readonly format: string;
}

export interface TableView {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly headers: string[];
  /** Body rows as Excel's `values` gives them (the totals row is not one of them). */
  readonly rows: (CellValue | "")[][];
  /** The totals row («Строка итогов»), or null when the table shows none. */
  readonly totals: (CellValue | "")[] | null;
}

/** What `Office.context.requirements` answers on this host. */
export interface FakeHost {
  isSetSupported(name: string, minVersion?: string): boolean;
  /** `Excel.createWorkbook` (ExcelApi 1.8): records the base64 workbook it was given. */
  createWorkbook(base64?: string): Promise<void>;
}

export interface FakeExcel {
  /** Stands in for `Excel.run(batch)`. */
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  /** `Excel.run(context, batch)`: a new batch on the context of an earlier one (event handlers). */
  run<T>(
    context: FakeRequestContext,
    batch: (context: FakeRequestContext) => Promise<T>
  ): Promise<T>;
  readonly host: FakeHost;
  readonly model: WorkbookModel;
  /** Every `context.sync()`, in order. */
  readonly requests: readonly SyncRecord[];
  readonly syncCount: number;
  /** Forgets the recorded syncs (the workbook stays). */
  resetCounters(): void;
  /** Workbooks passed to `createWorkbook`. */
  readonly createdWorkbooks: readonly (string | null)[];
  sheetNames(): string[];
  cell(sheet: string, address: string): CellView;
  /** Values of a block, like `range.values`. */
  values(sheet: string, address: string): (CellValue | "")[][];
  table(name: string): TableView;
  /** Types cells as a user would (General format rules apply), outside any API batch. */
  type(sheet: string, address: string, rows: readonly (readonly unknown[])[]): void;
  /**
   * The user formats a block General and types the same formula into each of its cells — in a
   * table column that makes it a calculated column.
   */
  formula(sheet: string, address: string, formula: string): void;
  /**
   * Adds a sheet and, when `table` is given, a table over `rows` (first row: headers), with
   * its totals row shown when `totals`.
   */
  seed(
    sheet: string,
    rows: readonly (readonly unknown[])[],
    opts?: {
      table?: string;
      at?: string;
      formats?: readonly (string | null)[];
      totals?: boolean;
    }
  ): void;
  /** Shows or removes a table's totals row, as the user does («Строка итогов»). */
  showTotals(table: string, show?: boolean): void;
  /** The user selects a range: selection handlers registered through the API fire. */
  select(sheet: string, address: string): void;
}

function needSheet(model: WorkbookModel, name: string): SheetModel {
  const s = model.findSheet(name);
  if (!s) {
    throw new FakeExcelError("ItemNotFound", `Лист «${name}» не найден`);
  }
  return s;
}

function viewTable(t: TableModel): TableView {
  const headers: string[] = [];
  for (let c = t.left; c <= t.right; c++) {
    headers.push(String(t.sheet.value(t.top, c)));
  }
  const rowAt = (r: number): (CellValue | "")[] => {
    const row: (CellValue | "")[] = [];
    for (let c = t.left; c <= t.right; c++) {
      row.push(t.sheet.value(r, c));
    }
    return row;
  };
  const rows: (CellValue | "")[][] = [];
  for (let r = t.top + 1; r <= bodyBottom(t); r++) {
    rows.push(rowAt(r));
  }
  return {
    name: t.name,
    sheet: t.sheet.name,
    address: t.sheet.address(t),
    headers,
    rows,
    totals: t.totals === true ? rowAt(t.bottom) : null,
  };
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const model = new WorkbookModel();
  model.date1904 = options.date1904 === true;
  for (const name of options.sheets ?? ["Лист1"]) {
    model.addSheet(name);
  }
  const requests: SyncRecord[] = [];
  const state: HostState = {
    model,
    apiVersion: options.apiVersion ?? 21,
    payloadLimit: options.payloadLimit ?? 5 * 1024 * 1024,
    requests,
    nextId: 0,
    selectionHandlers: new Set(),
  };
  const created: (string | null)[] = [];

  const host: FakeHost = {
    isSetSupported(name, minVersion = "1.1") {
      if (name !== "ExcelApi") {
        return false;
      }
      const minor = Number(minVersion.split(".")[1] ?? "0");
      return Number(minVersion.split(".")[0]) === 1 && minor <= state.apiVersion;
    },
    async createWorkbook(base64) {
      if (state.apiVersion < 8) {
        throw new FakeExcelError("ApiNotFound", "Excel.createWorkbook требует ExcelApi 1.8");
      }
      requests.push({ bytes: utf8Bytes(base64 ?? null), responseBytes: 0, operations: 1 });
      created.push(base64 ?? null);
    },
  };

  const rectOf = (address: string): Rect => parseAddress(address);

  const fake: FakeExcel = {
    async run<T>(
      first: FakeRequestContext | ((context: FakeRequestContext) => Promise<T>),
      second?: (context: FakeRequestContext) => Promise<T>
    ): Promise<T> {
      const ctx = first instanceof FakeRequestContext ? first : new FakeRequestContext(state);
      const batch = first instanceof FakeRequestContext ? second : first;
      if (!batch) {
        throw new FakeExcelError("InvalidArgument", "Excel.run без функции пакета");
      }
      ctx.open = true;
      try {
        const result = await batch(ctx);
        if (ctx.pending > 0) {
          await ctx.sync();
        }
        return result;
      } finally {
        ctx.open = false;
      }
    },
    host,
    model,
    requests,
    get syncCount() {
      return requests.length;
    },
    resetCounters() {
      requests.length = 0;
    },
    createdWorkbooks: created,
    sheetNames() {
      return model.sheets.map((s) => s.name);
    },
    cell(sheet, address) {
      const s = needSheet(model, sheet);
      const r = rectOf(address);
      const k = SheetModel.key(r.top, r.left);
      return {
        value: s.value(r.top, r.left),
        text: displayText(s.value(r.top, r.left), s.format(r.top, r.left), model.date1904),
        formula: s.formulas.get(k) ?? null,
        format: s.format(r.top, r.left),
      };
    },
    values(sheet, address) {
      const s = needSheet(model, sheet);
      const r = rectOf(address);
      const out: (CellValue | "")[][] = [];
      for (let i = r.top; i <= r.bottom; i++) {
        const row: (CellValue | "")[] = [];
        for (let j = r.left; j <= r.right; j++) {
          row.push(s.value(i, j));
        }
        out.push(row);
      }
      return out;
    },
    table(name) {
      const t = model.findTable(name);
      if (!t) {
        throw new FakeExcelError("ItemNotFound", `Таблица «${name}» не найдена`);
      }
      return viewTable(t);
    },
    type(sheet, address, rows) {
      const s = needSheet(model, sheet);
      const r = rectOf(address);
      rows.forEach((row, i) => row.forEach((v, j) => s.write(r.top + i, r.left + j, v)));
    },
    formula(sheet, address, formula) {
      const s = needSheet(model, sheet);
      const r = rectOf(address);
      for (let i = r.top; i <= r.bottom; i++) {
        for (let j = r.left; j <= r.right; j++) {
          s.setFormat(i, j, "General");
          s.write(i, j, formula);
        }
      }
    },
    seed(sheet, rows, opts = {}) {
      const s = model.findSheet(sheet) ?? model.addSheet(sheet);
      const at = rectOf(opts.at ?? "A1");
      const width = Math.max(1, ...rows.map((r) => r.length));
      rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const f = opts.formats?.[j];
          if (i > 0 && f) {
            s.setFormat(at.top + i, at.left + j, f);
          }
          if (v !== null && v !== undefined && v !== "") {
            // Seeded data is stored as given (a text "=x" stays text): it stands for a saved file.
            const k = SheetModel.key(at.top + i, at.left + j);
            if (typeof v === "string" && v.startsWith("=") && f !== "@") {
              s.formulas.set(k, v);
            } else {
              s.values.set(k, v as CellValue);
            }
          }
        })
      );
      if (opts.table) {
        const table = model.addTable(
          s,
          {
            top: at.top,
            left: at.left,
            bottom: at.top + Math.max(rows.length - 1, 0),
            right: at.left + width - 1,
          },
          true
        );
        model.renameTable(table, opts.table);
        if (opts.totals === true) {
          model.setTotals(table, true);
        }
      }
    },
    showTotals(name, show = true) {
      const t = model.findTable(name);
      if (!t) {
        throw new FakeExcelError("ItemNotFound", `Таблица «${name}» не найдена`);
      }
      model.setTotals(t, show);
    },
    select(sheet, address) {
      const s = needSheet(model, sheet);
      const r = rectOf(address);
      model.activeSheet = s;
      model.selection = { sheet: s, rect: r };
      for (const h of [...state.selectionHandlers]) {
        h(formatAddress(s.name, r).split("!")[1] ?? address, s.name);
      }
    },
  };
  return fake;
}

/** Column letter(s) → 0-based index, for tests that address cells. */
export function columnNumber(letters: string): number {
  return columnIndex(letters);
}

export { FORMULA_RESULT };

/**
 * What the e2e tests see of the workbook, the same whether the pane runs on the Office.js
 * adapter over the fake Excel or on the in-memory gateway: table rows by header (dates as ISO
 * text), the gateway calls, the user's selection, the sheets, the workbooks opened.
 */
import { excelSerialToIso } from "../../src/core/dates/isoDate";
import { columnLayout } from "../../src/core/register/layout";
import { SHEET, SHEET_ORDER, TABLE_NAME } from "../../src/core/register/schema";
import type { RegisterGateway } from "../../src/excel/gateway";
import type { FakeExcel } from "../support/fakeExcel";
import type { MemoryGateway } from "./memoryGateway";

export type ProbeRow = Record<string, string | number | boolean | null>;

/** The ribbon commands' side, as the commands would use it. */
export interface RibbonProbe {
  /** «Обновить сроки» pressed. */
  refresh(): void;
  /** A command published its result. */
  message(text: string): void;
  /** The period the pane last built a report for. */
  period(): Promise<{ from: string; to: string } | null>;
  /** «Документы» pressed. */
  documents(): void;
}

export interface E2eProbe {
  ribbon?: RibbonProbe;
  readonly kind: "excel" | "memory";
  rowsOf(sheet: string): ProbeRow[];
  calls(method: string): number;
  /** The user selects the row of a case on «Учёт». */
  selectCase(code: string): void;
  /** The selected sheet and the first cell of the selection («Учёт!A3»), or null. */
  selection(): string | null;
  sheetNames(): string[];
  /** Workbooks opened by «Открыть как новую книгу». */
  createdWorkbooks(): number;
  /** `context.sync()` calls so far (the fake Excel only; -1 for the memory gateway). */
  syncCount(): number;
  /** `context.sync()` calls made by the last call of a gateway method (-1 when unknown). */
  lastSyncs(method: string): number;
}

export interface CallLog {
  readonly counts: Map<string, number>;
  /** Syncs of the latest completed call, by method. */
  readonly syncs: Map<string, number>;
}

/** Wraps a gateway so every call is counted by method name, with the syncs it made. */
export function countCalls(
  gateway: RegisterGateway,
  log: CallLog,
  syncCount: () => number
): RegisterGateway {
  return new Proxy(gateway, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string") {
        return value;
      }
      return (...args: unknown[]) => {
        log.counts.set(prop, (log.counts.get(prop) ?? 0) + 1);
        const before = syncCount();
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) {
          void result.then(
            () => log.syncs.set(prop, syncCount() - before),
            () => log.syncs.set(prop, syncCount() - before)
          );
        }
        return result;
      };
    },
  });
}

function tableNameOf(sheet: string): string | null {
  const key = SHEET_ORDER.find((k) => SHEET[k] === sheet);
  return key === undefined ? null : TABLE_NAME[key];
}

function plain(header: string, value: unknown): string | number | boolean | null {
  if (value === "" || value === null || value === undefined) {
    return null;
  }
  if (typeof value === "number" && columnLayout(header).kind === "date") {
    return excelSerialToIso(value);
  }
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? value
    : String(value);
}

export function excelProbe(fake: FakeExcel, log: CallLog): E2eProbe {
  return {
    kind: "excel",
    rowsOf(sheet) {
      const name = tableNameOf(sheet);
      const table = name !== null ? fake.table(name) : null;
      if (table === null) {
        return [];
      }
      return table.rows
        .filter((r) => r.some((v) => v !== "" && v !== null))
        .map((r) => Object.fromEntries(table.headers.map((h, i) => [h, plain(h, r[i])])));
    },
    calls: (method) => log.counts.get(method) ?? 0,
    lastSyncs: (method) => log.syncs.get(method) ?? -1,
    selectCase(code) {
      const table = fake.table(TABLE_NAME.cases);
      const col = table.headers.indexOf("Код");
      const index = table.rows.findIndex((r) => r[col] === code);
      if (index < 0) {
        throw new Error(`no case ${code}`);
      }
      const top = Number(/\d+/.exec(table.address.split("!")[1] ?? "A1")?.[0] ?? "1");
      fake.select(SHEET.cases, `B${top + 1 + index}`);
    },
    selection() {
      const sel = fake.model.selection;
      if (sel === null) {
        return null;
      }
      return `${sel.sheet.name}!${String.fromCharCode(65 + sel.rect.left)}${sel.rect.top + 1}`;
    },
    sheetNames: () => fake.sheetNames(),
    createdWorkbooks: () => fake.createdWorkbooks.length,
    syncCount: () => fake.syncCount,
  };
}

export function memoryProbe(gateway: MemoryGateway): E2eProbe {
  return {
    kind: "memory",
    rowsOf(sheet) {
      return gateway.book
        .rowsOf(sheet)
        .map((r) =>
          Object.fromEntries(Object.entries(r).map(([h, v]) => [h, v === "" ? null : v]))
        );
    },
    calls: (method) => gateway.calls.filter((c) => c.method === method).length,
    selectCase: (code) => gateway.selectCase(code),
    selection() {
      const sel = gateway.selection;
      if (sel === null) {
        return null;
      }
      const index = gateway.book.find(SHEET.cases, "Код", sel.code);
      return `${SHEET.cases}!A${index + 2}`;
    },
    sheetNames: () => [...gateway.book.sheets.keys()],
    createdWorkbooks: () => gateway.calls.filter((c) => c.method === "openReportWorkbook").length,
    syncCount: () => -1,
    lastSyncs: () => -1,
  };
}

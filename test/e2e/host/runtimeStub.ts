/**
 * office.js for the shared-runtime page in headless Chromium (test/e2e/runtime.test.ts): the
 * page built from the add-in's own entries (taskpane.ts, commands.ts) runs against the fake
 * Excel as if Office had loaded it hidden — `Office.addin` with its visibility event (fired by
 * the test), `showAsTaskpane` ignored as for a Marketplace add-in, the dialog API answering for
 * dialog.html, the ribbon's `Office.actions.associate` recorded. `?book=fixture|blank` chooses
 * the workbook. `window.__runtime` is what the test reads and fires.
 */
import type { FakeExcel } from "../../support/fakeExcel";
import { fakeExcelOf } from "../fakeHost";
import { blankWorkbook, fixtureWorkbook } from "../fixtureWorkbook";

export interface RuntimeProbe {
  /** `Excel.run` batches started so far. */
  runs: number;
  /** Every member called on the workbook, in order («load(values)» with what it loaded). */
  readonly operations: () => string[];
  /** Fires Office's visibility event of the task pane. */
  setVisibility(mode: "Taskpane" | "Hidden"): void;
  /** Presses a ribbon button: runs its ExecuteFunction handler; resolves once it completed. */
  press(name: string): Promise<void>;
  readonly showAsTaskpane: number;
  readonly dialogs: string[];
  readonly sentToDialog: string[];
}

declare global {
  interface Window {
    __runtime?: RuntimeProbe;
  }
}

const params = new URLSearchParams(window.location.search);
const fake: FakeExcel = fakeExcelOf(
  params.get("book") === "blank" ? blankWorkbook() : fixtureWorkbook()
);
const info = { host: "Excel", platform: "PC" };
const associations = new Map<string, (event: { completed(): void }) => unknown>();
const visibility: ((args: { visibilityMode: string }) => void)[] = [];
const wireOps: string[] = [];
const probe = {
  runs: 0,
  showAsTaskpane: 0,
  dialogs: [] as string[],
  sentToDialog: [] as string[],
  operations: () => wireOps,
  setVisibility(mode: "Taskpane" | "Hidden") {
    for (const h of visibility) {
      h({ visibilityMode: mode });
    }
  },
  press(name: string): Promise<void> {
    const handler = associations.get(name);
    if (!handler) {
      return Promise.reject(new Error(`no handler for ${name}`));
    }
    return new Promise<void>((done) => {
      void handler({ completed: () => done() });
    });
  },
};
window.__runtime = probe;

const globals = window as unknown as Record<string, unknown>;
globals.Office = {
  HostType: { Excel: "Excel" },
  VisibilityMode: { taskpane: "Taskpane", hidden: "Hidden" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  },
  context: {
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        name === "SharedRuntime" || name === "DialogApi" || fake.host.isSetSupported(name, version),
    },
    ui: {
      displayDialogAsync: (
        url: string,
        _options: unknown,
        cb: (r: { status: string; value: unknown }) => void
      ) => {
        probe.dialogs.push(url);
        const handlers = new Map<string, (args: unknown) => void>();
        cb({
          status: "succeeded",
          value: {
            addEventHandler: (type: string, h: (args: unknown) => void) => handlers.set(type, h),
            messageChild: (m: string) => probe.sentToDialog.push(m),
            close: () => undefined,
          },
        });
        // dialog.html registers its handler, then says it is ready.
        setTimeout(() => {
          handlers.get("dialogMessageReceived")?.({ message: "vshu-dialog-ready" });
        }, 10);
      },
    },
  },
  addin: {
    onVisibilityModeChanged: (h: (args: { visibilityMode: string }) => void) => {
      visibility.push(h);
      return Promise.resolve(() => Promise.resolve());
    },
    // A Marketplace add-in: Office ignores it (no visibility event follows).
    showAsTaskpane: () => {
      probe.showAsTaskpane += 1;
      return Promise.resolve();
    },
  },
  actions: {
    associate: (name: string, f: (event: { completed(): void }) => unknown) =>
      associations.set(name, f),
  },
  onReady: (cb?: (i: typeof info) => void) =>
    Promise.resolve().then(() => {
      cb?.(info);
      return info;
    }),
};
globals.Excel = {
  run: (batch: unknown) => {
    probe.runs += 1;
    const before = fake.requests.length;
    return (fake.run as (b: unknown) => Promise<unknown>)(batch).finally(() => {
      for (const r of fake.requests.slice(before)) {
        wireOps.push(...(r.calls ?? []));
      }
    });
  },
  createWorkbook: fake.host.createWorkbook,
};

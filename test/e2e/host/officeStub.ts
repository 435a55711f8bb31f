/**
 * Stands in for the CDN's office.js when the PRODUCTION bundle is loaded in headless Chromium
 * (bench/taskpane-bench.ts): `Office`, `Excel` and `CustomFunctions` globals backed by the fake
 * Excel seeded with the fixture register, so the real adapter reads a real-looking register.
 */
import { fakeExcelOf } from "../fakeHost";
import { fixtureWorkbook } from "../fixtureWorkbook";

const fake = fakeExcelOf(fixtureWorkbook());
const info = { host: "Excel", platform: "PC" };
const globals = window as unknown as Record<string, unknown>;

globals.Office = {
  HostType: { Excel: "Excel" },
  context: { requirements: { isSetSupported: fake.host.isSetSupported } },
  actions: { associate: () => undefined },
  onReady: (cb?: (i: typeof info) => void) =>
    Promise.resolve().then(() => {
      cb?.(info);
      return info;
    }),
};
globals.Excel = { run: fake.run, createWorkbook: fake.host.createWorkbook };
globals.CustomFunctions = {
  associate: () => undefined,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  Error: class extends Error {},
};

/**
 * The e2e host page: the real task pane (mountTaskpane) with the Office.js adapter
 * (createExcelGateway) over the fake Excel, or over an in-memory gateway. The URL chooses:
 * `?book=fixture|v1|empty|blank&today=YYYY-MM-DD&api=21&gateway=excel|memory` (v1: the fixture
 * register as version 1).
 * `window.__vshu` is the probe the tests read the workbook through.
 */
import { createExcelGateway, type ExcelRun } from "../../../src/excel/excelGateway";
import type { RegisterGateway } from "../../../src/excel/gateway";
import {
  publishCommandMessage,
  recallReportPeriod,
  requestDeadlinesRefresh,
  requestDocumentsTab,
} from "../../../src/commands/runtimeState";
import { mountTaskpane } from "../../../src/taskpane/mount";
import { runtimeRibbonBridge } from "../../../src/taskpane/ribbonBridge";
import { fakeExcelOf } from "../fakeHost";
import {
  blankWorkbook,
  emptyRegisterWorkbook,
  FIXTURE_TODAY,
  fixtureWorkbook,
} from "../fixtureWorkbook";
import { FULL_CAPABILITIES, MemoryGateway } from "../memoryGateway";
import { countCalls, excelProbe, memoryProbe, type E2eProbe } from "../probe";

declare global {
  interface Window {
    __vshu?: E2eProbe;
  }
}

const params = new URLSearchParams(window.location.search);
const today = params.get("today") ?? FIXTURE_TODAY;
const bookName = params.get("book") ?? "fixture";
const apiVersion = Number(params.get("api") ?? "21");
const book =
  bookName === "empty"
    ? emptyRegisterWorkbook()
    : bookName === "blank"
      ? blankWorkbook()
      : fixtureWorkbook(bookName === "v1" ? 1 : 2);
const log = { counts: new Map<string, number>(), syncs: new Map<string, number>() };
let gateway: RegisterGateway;

if (params.get("gateway") === "memory") {
  const memory = new MemoryGateway(book, FULL_CAPABILITIES);
  gateway = memory;
  window.__vshu = memoryProbe(memory);
} else {
  const fake = fakeExcelOf(book, apiVersion);
  gateway = countCalls(
    createExcelGateway(fake.run as unknown as ExcelRun, fake.host),
    log,
    () => fake.syncCount
  );
  window.__vshu = excelProbe(fake, log);
}

const probe = window.__vshu;
if (probe !== undefined) {
  probe.ribbon = {
    refresh: () => requestDeadlinesRefresh({ on: today, overdue: 0, today: 0, nextWeek: 0 }),
    message: (text) => publishCommandMessage({ intent: "success", text }),
    period: () => recallReportPeriod(null),
    documents: () => requestDocumentsTab(),
  };
}

Office.onReady(() => {
  const root = document.getElementById("root");
  if (root !== null) {
    mountTaskpane(root, gateway, today, runtimeRibbonBridge());
  }
});

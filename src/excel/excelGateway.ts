/**
 * The Office.js adapter of the add-in: `RegisterGateway` (./gateway.ts) over the Excel
 * JavaScript API. Every method is one `Excel.run` batch with one `context.sync` per logical
 * step (never one per row): saving a case, adding an entry, marking a step done, a transfer —
 * exactly one sync, because what they must know of the workbook (where each table is, its
 * header order, the rows of the cases) comes from the snapshot of the latest `readRegister`
 * (session.ts). Each write appends its «Журнал» rows in the same batch (journal.ts) and, on a
 * version-1 register, upgrades it first (upgrade.ts).
 *
 * By concern: tables.ts and readColumns.ts read; caseWrites.ts, entryWrites.ts,
 * settingsIO.ts write; upgrade.ts brings a register to version 2; navigation.ts selects rows
 * and listens to the selection; reportIO.ts reads for and writes the report;
 * createRegister.ts lays out a new register.
 *
 * `createExcelGateway(run = Excel.run, host, now)`: tests pass the fake Excel's `run` and host
 * (test/support/fakeExcel) and a fixed clock.
 */
import type { RegisterGateway } from "./gateway";
import { removeCase, saveCase, transferToLevel2 } from "./caseWrites";
import { createRegisterIn } from "./createRegister";
import { addActivity, addAssistance, addService, markStepDone } from "./entryWrites";
import { goToCase, onCaseSelected } from "./navigation";
import { openReportWorkbook, readReportData, writeReportSheet } from "./reportIO";
import { GatewaySession, type ExcelRun, type OfficeHost } from "./session";
import { readSettings, writeSettings } from "./settingsIO";
import { loadNames, missingSheets } from "./tables";
import { upgradeRegister, upgradeStatus } from "./upgrade";

export { STALE_MESSAGE, type ExcelRun, type OfficeHost } from "./session";
export { TRANSFER_REASON, removalBody } from "./caseWrites";

/** Creates the gateway over `Excel.run` (or the fake's `run` in tests). */
export function createExcelGateway(
  run: ExcelRun = Excel.run,
  host?: OfficeHost,
  now: () => Date = () => new Date()
): RegisterGateway {
  const s = new GatewaySession(run, host, now);
  return {
    capabilities: () => s.capabilities(),
    async hasRegister() {
      const names = await s.run((context) => loadNames(context));
      const missing = missingSheets(names);
      return { present: missing.length === 0, missing };
    },
    async createRegister(opts) {
      const c = await s.capabilities();
      const result = await s.run((context) => createRegisterIn(context, opts, c, s.now()));
      s.last = null;
      return result;
    },
    readRegister: () => s.readRegister(),
    upgradeStatus: (read) => upgradeStatus(s, read),
    upgradeRegister: () => upgradeRegister(s),
    saveCase: (draft, opts) => saveCase(s, draft, opts),
    addAssistance: (d) => addAssistance(s, d),
    addActivity: (d) => addActivity(s, d),
    addService: (d) => addService(s, d),
    removeCase: (code, removal) => removeCase(s, code, removal),
    transferToLevel2: (code, decision, opts) => transferToLevel2(s, code, decision, opts),
    markStepDone: (code, step, date) => markStepDone(s, code, step, date),
    goToCase: (code, step) => goToCase(s, code, step),
    onCaseSelected: (callback) => onCaseSelected(s, callback),
    readReportData: () => readReportData(s),
    writeReportSheet: (report, opts) =>
      writeReportSheet(s, report, opts?.sheetNames, opts?.kind ?? "school"),
    openReportWorkbook: (report, opts) => openReportWorkbook(s, report, opts?.base64),
    // The import (papaparse, the import core) and the documents' layout are fetched on first
    // use: they stay out of the pane's first bundle.
    planImport: async (input) => (await import("./importWrites")).planFileImport(s, input),
    importRows: async (plan, opts) => (await import("./importWrites")).writeImport(s, plan, opts),
    async writeDocumentSheet(model) {
      const { writeDocumentSheetIn } = await import("./documentSheet");
      const c = await s.capabilities();
      const read = s.last;
      const result = await s.run((context) =>
        writeDocumentSheetIn(context, model, c, read?.snapshot.sheetNames)
      );
      // The next document knows this name is taken without reading the names again.
      if (read !== null && s.last === read && read.snapshot.sheetNames) {
        s.last = {
          ...read,
          snapshot: { ...read.snapshot, sheetNames: [...read.snapshot.sheetNames, result.sheet] },
        };
      }
      return result;
    },
    readSettings: () => readSettings(s),
    writeSettings: (values) => writeSettings(s, values),
  };
}

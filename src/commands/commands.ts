/*
 * Ribbon commands (ExecuteFunction buttons of manifest.xml: «Отчёт» → buildReport,
 * «Обновить сроки» → refreshDeadlines, «Документы» → openDocuments; «Учёт и сроки» is a ShowTaskpane action and needs no
 * code). In the shared runtime they run in the task pane page, so there is no commands.html.
 * The ids passed to Office.actions.associate must match the <FunctionName> elements.
 *
 * Logic lives in handlers.ts / commandLogic.ts / feedback.ts (tested with an in-memory gateway);
 * results and failures are reported in Russian to the task pane through runtimeState.ts, and
 * where the pane does not open, in a dialog (dialogHost.ts, dialog.html). Nothing runs at load
 * but the association of the handlers: the runtime stays idle until a button is pressed.
 */
import { makeIsoDate, type IsoDate } from "../core/dates/isoDate";
import { commandGateway } from "./gatewayFactory";
import { createRibbonHandlers } from "./handlers";
import { officeDialog } from "./dialogHost";
import { isPaneVisible, recallReportPeriod, waitForPane } from "./runtimeState";

/** The local calendar day of the user's computer. */
function today(): IsoDate {
  const now = new Date();
  return makeIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? "2026-01-01";
}

/**
 * Asks for the task pane (SharedRuntime 1.1). Office ignores it for Marketplace add-ins, and a
 * failure to show it is not a command failure: feedback.ts then shows a dialog.
 */
async function showTaskpane(): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // Hosts without Office.addin: the dialog (or the pane when it opens) shows the message.
  }
}

const handlers = createRibbonHandlers({
  gateway: () => commandGateway(),
  today,
  recallPeriod: () => recallReportPeriod(),
  paneVisible: isPaneVisible,
  showTaskpane,
  paneShown: waitForPane,
  showDialog: officeDialog(),
});

async function buildReport(event: Office.AddinCommands.Event): Promise<void> {
  await handlers.buildReport(event);
}

async function refreshDeadlines(event: Office.AddinCommands.Event): Promise<void> {
  await handlers.refreshDeadlines(event);
}

async function openDocuments(event: Office.AddinCommands.Event): Promise<void> {
  await handlers.openDocuments(event);
}

Office.onReady(() => {
  // The task pane entry of the same page sets the shared gateway factory at load
  // (gatewayFactory.ts); the gateway is made when a button is pressed. Nothing else runs here.
});

Office.actions.associate("buildReport", buildReport);
Office.actions.associate("refreshDeadlines", refreshDeadlines);
Office.actions.associate("openDocuments", openDocuments);

/*
 * Ribbon commands (ExecuteFunction buttons of manifest.xml: «Отчёт» → buildReport,
 * «Обновить сроки» → refreshDeadlines; «Учёт и сроки» is a ShowTaskpane action and needs no
 * code). In the shared runtime they run in the task pane page, so there is no commands.html.
 * The ids passed to Office.actions.associate must match the <FunctionName> elements.
 *
 * Logic lives in handlers.ts / commandLogic.ts (tested with an in-memory gateway); results and
 * failures are reported in Russian to the task pane through runtimeState.ts.
 */
import { makeIsoDate, type IsoDate } from "../core/dates/isoDate";
import { commandGateway } from "./gatewayFactory";
import { createRibbonHandlers } from "./handlers";
import { recallReportPeriod } from "./runtimeState";

/** The local calendar day of the user's computer. */
function today(): IsoDate {
  const now = new Date();
  return makeIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? "2026-01-01";
}

/** Shows the task pane (SharedRuntime 1.1); a failure to show it is not a command failure. */
async function showTaskpane(): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // Older hosts without Office.addin: the message waits in runtimeState for the pane.
  }
}

const handlers = createRibbonHandlers({
  gateway: () => commandGateway(),
  today,
  recallPeriod: () => recallReportPeriod(),
  showTaskpane,
});

async function buildReport(event: Office.AddinCommands.Event): Promise<void> {
  await handlers.buildReport(event);
}

async function refreshDeadlines(event: Office.AddinCommands.Event): Promise<void> {
  await handlers.refreshDeadlines(event);
}

Office.onReady(() => {
  // The task pane entry of the same page sets the shared gateway at load (gatewayFactory.ts);
  // it is only looked up when a button is pressed. Nothing else to prepare.
});

Office.actions.associate("buildReport", buildReport);
Office.actions.associate("refreshDeadlines", refreshDeadlines);

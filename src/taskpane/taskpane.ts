/*
 * Task pane entry point (shared runtime: this page also hosts the custom functions and the ribbon
 * commands, and Office may load it hidden for them). Hands the ribbon commands the factory of
 * the one Office.js gateway, and mounts the React pane — which reads the register — only once
 * the pane is on screen (activation.ts): until then the page touches no workbook. Today's date
 * is read from the host clock when the pane starts.
 */
import { setGatewayFactory } from "../commands/gatewayFactory";
import { requestDocumentsTab, setPaneVisible } from "../commands/runtimeState";
import { createExcelGateway } from "../excel/excelGateway";
import type { RegisterGateway } from "../excel/gateway";
import { whenPaneActive } from "./activation";
import { mountTaskpane } from "./mount";
import { browserPaneSignals } from "./paneSignals";
import { runtimeRibbonBridge } from "./ribbonBridge";
import { todayFromClock } from "./today";

let gateway: RegisterGateway | null = null;

/** One gateway per runtime, shared by the pane and the ribbon commands (one register snapshot). */
function sharedGateway(): RegisterGateway {
  if (gateway === null) {
    gateway = createExcelGateway();
  }
  return gateway;
}

setGatewayFactory(sharedGateway);

// manifest-taskpane.xml's «Документы» opens the pane alone with ?tab=documents.
if (new URLSearchParams(window.location.search).get("tab") === "documents") {
  requestDocumentsTab();
}

Office.onReady((info) => {
  const root = document.getElementById("root");
  if (root === null) {
    return;
  }
  if (info.host !== Office.HostType.Excel) {
    const paragraph = document.createElement("p");
    paragraph.textContent = "ВШУ работает только в Excel.";
    root.replaceChildren(paragraph);
    return;
  }
  void whenPaneActive(browserPaneSignals(root), setPaneVisible).then(() => {
    root.replaceChildren();
    mountTaskpane(root, sharedGateway(), todayFromClock(new Date()), runtimeRibbonBridge());
  });
});

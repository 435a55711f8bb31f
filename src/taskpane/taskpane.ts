/*
 * Task pane entry point (shared runtime: this page also hosts the custom functions and the ribbon
 * commands). Creates the Office.js gateway once, hands it to the ribbon commands too, reads
 * today's date from the host clock, and mounts the React pane when Office is ready.
 */
import { setGatewayFactory } from "../commands/gatewayFactory";
import { createExcelGateway } from "../excel/excelGateway";
import type { RegisterGateway } from "../excel/gateway";
import { mountTaskpane } from "./mount";
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
  root.replaceChildren();
  mountTaskpane(root, sharedGateway(), todayFromClock(new Date()), runtimeRibbonBridge());
});

/**
 * Mounts the pane into the page with the Fluent theme; the entry point supplies the gateway,
 * today's date and the ribbon commands' bridge.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { IsoDate } from "../core/dates/isoDate";
import type { RegisterGateway } from "../excel/gateway";
import { App } from "./components/App";
import { NO_RIBBON, type RibbonBridge } from "./ribbonBridge";

export function mountTaskpane(
  element: HTMLElement,
  gateway: RegisterGateway,
  today: IsoDate,
  ribbon: RibbonBridge = NO_RIBBON
): Root {
  performance.mark("vshu:mount");
  const root = createRoot(element);
  root.render(
    <FluentProvider theme={webLightTheme} lang="ru">
      <App gateway={gateway} today={today} ribbon={ribbon} />
    </FluentProvider>
  );
  return root;
}

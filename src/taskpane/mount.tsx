/**
 * Mounts the pane into the page with the Fluent theme; the entry point supplies the gateway,
 * today's date and the ribbon commands' bridge. The register's first read starts here, before
 * React renders, so the two overlap.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { IsoDate } from "../core/dates/isoDate";
import type { RegisterGateway } from "../excel/gateway";
import { App } from "./components/App";
import { startRegisterRead } from "./hooks/useRegister";
import { NO_RIBBON, type RibbonBridge } from "./ribbonBridge";

export function mountTaskpane(
  element: HTMLElement,
  gateway: RegisterGateway,
  today: IsoDate,
  ribbon: RibbonBridge = NO_RIBBON
): Root {
  performance.mark("vshu:mount");
  const firstRead = startRegisterRead(gateway);
  const root = createRoot(element);
  root.render(
    <FluentProvider theme={webLightTheme} lang="ru">
      <App gateway={gateway} today={today} ribbon={ribbon} firstRead={firstRead} />
    </FluentProvider>
  );
  return root;
}

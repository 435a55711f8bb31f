/**
 * The task pane: header, host limits, then either the offer to create the register or the five
 * tabs. Everything about the workbook goes through the `RegisterGateway` it is given.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { IsoDate } from "../../core/dates/isoDate";
import type { RegisterGateway } from "../../excel/gateway";
import { useCapabilities } from "../hooks/useCapabilities";
import { useCaseSelection } from "../hooks/useCaseSelection";
import { useRegister, type ReadAhead } from "../hooks/useRegister";
import { useDocumentsButton, useRibbon } from "../hooks/useRibbon";
import { NO_RIBBON, type RibbonBridge } from "../ribbonBridge";
import { ActionMessageBar } from "./common/ActionMessageBar";
import { Header } from "./Header";
import { LimitsBar } from "./LimitsBar";
import { RegisterBody } from "./RegisterBody";
import type { TabId } from "./PaneTabs";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "288px",
    boxSizing: "border-box",
  },
});

export interface AppProps {
  readonly gateway: RegisterGateway;
  /** Today's date from the host clock, read once by the entry point. */
  readonly today: IsoDate;
  /** The ribbon commands' side of the shared runtime (none by default). */
  readonly ribbon?: RibbonBridge;
  /** The register's first read, started before the pane renders (mountTaskpane). */
  readonly firstRead?: ReadAhead | null;
}

export function App({ gateway, today, ribbon = NO_RIBBON, firstRead = null }: AppProps) {
  const s = useStyles();
  const capabilities = useCapabilities(gateway);
  const { state, refresh } = useRegister(gateway, firstRead);
  const [tab, setTab] = useState<TabId>("case");
  const [caseView, setCaseView] = useState({ code: "", serial: 0, notice: null as string | null });

  const openCase = useCallback((code: string, notice: string | null = null) => {
    setCaseView((v) => ({ code, serial: v.serial + 1, notice }));
  }, []);
  useCaseSelection(gateway, state.status === "ready", (code) => {
    openCase(code);
    setTab("case");
  });
  const ribbonMessage = useRibbon(ribbon, () => {
    setTab("deadlines");
    void refresh();
  });
  useDocumentsButton(ribbon, () => setTab("documents"));

  return (
    <div className={s.root}>
      <Header
        school={state.status === "ready" ? state.register.settings.school : ""}
        today={today}
      />
      <LimitsBar limits={capabilities?.limits ?? []} />
      <ActionMessageBar message={ribbonMessage} />
      <RegisterBody
        gateway={gateway}
        today={today}
        state={state}
        refresh={refresh}
        capabilities={capabilities}
        tab={tab}
        onTab={setTab}
        caseView={caseView}
        openCase={openCase}
        ribbon={ribbon}
      />
    </div>
  );
}

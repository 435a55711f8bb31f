/**
 * Below the header: loading, an error, the offer to create the register, or the register's
 * version (the offer to upgrade it), its issues and the tabs.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { IsoDate } from "../../core/dates/isoDate";
import type { HostCapabilities, RegisterGateway } from "../../excel/gateway";
import type { RegisterState } from "../hooks/useRegister";
import type { RibbonBridge } from "../ribbonBridge";
import { IssuesBar } from "./IssuesBar";
import { PaneTabs, type CaseView, type TabId } from "./PaneTabs";
import { CreateRegisterPanel } from "./settings/CreateRegisterPanel";
import { UpgradeBar } from "./UpgradeBar";

/** The coordinator's consolidation works in any workbook: offered below «Создать книгу учёта». */
const DistrictSection = lazy(() =>
  import("./report/DistrictSection").then((m) => ({ default: m.DistrictSection }))
);

export interface RegisterBodyProps {
  readonly gateway: RegisterGateway;
  readonly today: IsoDate;
  readonly state: RegisterState;
  readonly refresh: () => Promise<void>;
  readonly capabilities: HostCapabilities | null;
  readonly tab: TabId;
  readonly onTab: (tab: TabId) => void;
  readonly caseView: CaseView;
  readonly openCase: (code: string, notice?: string | null) => void;
  readonly ribbon: RibbonBridge;
}

export function RegisterBody(props: RegisterBodyProps) {
  const { state } = props;
  if (state.status === "loading") {
    // The tabs are usable at once; their content waits for the register.
    return <PaneTabs {...props} register={null} />;
  }
  if (state.status === "error") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>Книга учёта не прочитана: {state.message}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => void props.refresh()}>Повторить</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (state.status === "missing") {
    return (
      <>
        <CreateRegisterPanel
          gateway={props.gateway}
          today={props.today}
          missing={state.missing}
          onCreated={props.refresh}
        />
        <Suspense fallback={<Spinner size="tiny" />}>
          <DistrictSection gateway={props.gateway} />
        </Suspense>
      </>
    );
  }
  return (
    <>
      <UpgradeBar gateway={props.gateway} status={state.upgrade} onUpgraded={props.refresh} />
      <IssuesBar issues={state.issues} />
      <PaneTabs {...props} register={state.register} />
    </>
  );
}

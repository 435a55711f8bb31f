/**
 * The register's version: a version-1 (or incomplete) register gets the offer «Обновить книгу
 * до версии 2» with one sentence on what it adds; a register of a newer version is read but not
 * changed; an Excel that cannot append table columns says what is needed.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { ArrowUpRegular } from "@fluentui/react-icons";
import type { RegisterGateway, UpgradeStatus } from "../../excel/gateway";
import { useAction } from "../hooks/useAction";
import { describeUpgrade } from "../logic/upgradeText";
import { ActionMessageBar } from "./common/ActionMessageBar";

export interface UpgradeBarProps {
  readonly gateway: RegisterGateway;
  readonly status: UpgradeStatus;
  readonly onUpgraded: () => Promise<void>;
}

export function UpgradeBar({ gateway, status, onUpgraded }: UpgradeBarProps) {
  const action = useAction();
  const upgrade = (): void => {
    void action.run("Книга не обновлена", async () => {
      const result = await gateway.upgradeRegister();
      await onUpgraded();
      return describeUpgrade(result);
    });
  };
  const message = <ActionMessageBar message={action.message} />;
  if (status.state === "current") {
    return message;
  }
  if (status.state === "newer" || status.state === "unsupported") {
    return (
      <MessageBar
        intent={status.state === "newer" ? "error" : "warning"}
        layout="multiline"
        data-testid="upgrade"
      >
        <MessageBarBody>{status.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <MessageBar intent="info" layout="multiline" data-testid="upgrade">
        <MessageBarBody>
          <MessageBarTitle>
            {status.version < 2 ? "Книга учёта версии 1." : "Книга учёта не полная."}
          </MessageBarTitle>
          {status.message} Если не нажать кнопку, книгу обновит первая запись из панели.
        </MessageBarBody>
        <MessageBarActions>
          <Button
            appearance="primary"
            icon={<ArrowUpRegular />}
            disabled={action.busy}
            onClick={upgrade}
          >
            Обновить книгу до версии 2
          </Button>
        </MessageBarActions>
      </MessageBar>
      {message}
    </>
  );
}

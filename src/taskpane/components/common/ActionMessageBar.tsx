/** The outcome of the last write (saved / failed), announced to screen readers. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ActionMessage } from "../../hooks/useAction";

export function ActionMessageBar({ message }: { readonly message: ActionMessage | null }) {
  if (message === null) {
    return null;
  }
  return (
    <MessageBar
      intent={message.intent}
      politeness={message.intent === "error" ? "assertive" : "polite"}
      data-testid="action-message"
    >
      <MessageBarBody>{message.text}</MessageBarBody>
    </MessageBar>
  );
}

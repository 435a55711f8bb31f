/**
 * How a ribbon command's result reaches the user when it must be seen (a failure, a warning,
 * «Обновить сроки»): in the task pane when the pane is on screen or opens
 * (`Office.addin.showAsTaskpane`); otherwise in a small dialog (`displayDialogAsync` with
 * dialog.html, the message passed by `messageChild`). `showAsTaskpane` alone is not enough:
 * Office ignores it for add-ins from the Microsoft Marketplace (since 23 February 2026) and it
 * needs a shared runtime. Pure: the Office calls are the dependencies (dialogHost.ts, tests).
 */
import type { CommandMessage } from "./runtimeState";

/** How long a command waits for the pane to appear before it shows the dialog. */
export const PANE_WAIT_MS = 1500;

export interface FeedbackDeps {
  /** Whether the task pane is on screen now. */
  readonly paneVisible: () => boolean;
  /** Asks Office to show the task pane; never throws. */
  readonly showTaskpane: () => Promise<void>;
  /** Resolves true as soon as the pane is on screen, false after `ms`. */
  readonly paneShown: (ms: number) => Promise<boolean>;
  /** Shows the message in a dialog; false when no dialog could be opened. Never throws. */
  readonly showDialog: (message: CommandMessage) => Promise<boolean>;
}

/** Where the message was shown: the pane, a dialog, or nowhere but the pane's later view. */
export type Delivery = "pane" | "dialog" | "later";

/**
 * Makes sure the user sees `message`: the pane when it is or becomes visible, else a dialog.
 * The message is already published (the pane shows it whenever it opens).
 */
export async function deliver(deps: FeedbackDeps, message: CommandMessage): Promise<Delivery> {
  if (deps.paneVisible()) {
    return "pane";
  }
  await deps.showTaskpane();
  if (await deps.paneShown(PANE_WAIT_MS)) {
    return "pane";
  }
  return (await deps.showDialog(message)) ? "dialog" : "later";
}

/** The text the dialog page receives (`messageChild`), and how it reads it back. */
export function dialogPayload(message: CommandMessage): string {
  return JSON.stringify({ kind: "vshu-message", intent: message.intent, text: message.text });
}

export function parseDialogPayload(payload: string): CommandMessage | null {
  try {
    const v = JSON.parse(payload) as Record<string, unknown>;
    const intent = v["intent"];
    const text = v["text"];
    if (
      v["kind"] === "vshu-message" &&
      (intent === "success" || intent === "warning" || intent === "error") &&
      typeof text === "string"
    ) {
      return { intent, text };
    }
  } catch {
    // Not ours.
  }
  return null;
}

/** What the dialog page says to its parent. */
export const DIALOG_READY = "vshu-dialog-ready";
export const DIALOG_CLOSE = "vshu-dialog-close";

/**
 * The dialog a ribbon command shows its message in when the task pane cannot open
 * (feedback.ts): `Office.context.ui.displayDialogAsync` with dialog.html from the add-in's own
 * folder (the same domain, as the dialog API requires), the message handed over by
 * `Dialog.messageChild` (DialogApi 1.2) once the page says it is ready — never in the URL, so
 * nothing of the register reaches the web server's logs. One dialog at a time: an open one is
 * closed first (a page may have one dialog, error 12007).
 */
import { DIALOG_CLOSE, DIALOG_READY, dialogPayload } from "./feedback";
import type { CommandMessage } from "./runtimeState";

/** Gives up when the dialog neither opens nor says it is ready within this time. */
const DIALOG_TIMEOUT_MS = 10_000;

/** The dialog page beside the page the commands run in (taskpane.html in the shared runtime). */
export function dialogUrl(pageUrl: string): string {
  return new URL("dialog.html", pageUrl).href;
}

/** `showDialog` of FeedbackDeps over Office's dialog API; false where there is none. */
export function officeDialog(): (message: CommandMessage) => Promise<boolean> {
  let current: Office.Dialog | null = null;
  return (message) =>
    new Promise<boolean>((resolve) => {
      const ui = typeof Office === "undefined" ? undefined : Office.context?.ui;
      if (ui === undefined || !Office.context.requirements.isSetSupported("DialogApi", "1.2")) {
        resolve(false);
        return;
      }
      let settled = false;
      const settle = (shown: boolean): void => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          resolve(shown);
        }
      };
      const timer = setTimeout(() => settle(false), DIALOG_TIMEOUT_MS);
      current?.close();
      current = null;
      ui.displayDialogAsync(
        dialogUrl(window.location.href),
        { height: 35, width: 30, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            settle(false);
            return;
          }
          const dialog = result.value;
          current = dialog;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (args) => {
            const text = "message" in args ? args.message : "";
            if (text === DIALOG_READY) {
              dialog.messageChild(dialogPayload(message));
              settle(true);
            } else if (text === DIALOG_CLOSE) {
              dialog.close();
              current = current === dialog ? null : current;
            }
          });
          // Closed by the user (12006) or failed to load (12002): nothing more to send.
          dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
            current = current === dialog ? null : current;
            settle(false);
          });
        }
      );
    });
}

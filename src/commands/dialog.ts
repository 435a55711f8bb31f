/*
 * Entry of dialog.html: the page a ribbon command opens with `displayDialogAsync` to show its
 * message where the task pane cannot open (dialogHost.ts). It registers for the parent's
 * message, then says it is ready; «Закрыть» asks the parent to close it.
 */
import { DIALOG_CLOSE, DIALOG_READY, parseDialogPayload } from "./feedback";
import { renderDialogMessage } from "./dialogView";

Office.onReady(() => {
  document.getElementById("close")?.addEventListener("click", () => {
    Office.context.ui.messageParent(DIALOG_CLOSE);
  });
  Office.context.ui.addHandlerAsync(
    Office.EventType.DialogParentMessageReceived,
    (arg) => {
      const message = parseDialogPayload(arg.message);
      if (message !== null) {
        renderDialogMessage(document, message);
      }
    },
    (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        Office.context.ui.messageParent(DIALOG_READY);
      }
    }
  );
});

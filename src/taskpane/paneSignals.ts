/**
 * The browser's side of activation.ts: Office's visibility event of the task pane
 * (`Office.addin.onVisibilityModeChanged`, SharedRuntime 1.1 — the same requirement set that
 * loads this page hidden), the Page Visibility API with an IntersectionObserver on the pane's
 * root (the page is seen), and the user's first input.
 */
import type { PaneSignals } from "./activation";

function sharedRuntime(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") === true &&
    typeof Office.addin?.onVisibilityModeChanged === "function"
  );
}

export function browserPaneSignals(root: HTMLElement): PaneSignals {
  return {
    onVisibility: sharedRuntime()
      ? (handler) => {
          void Office.addin
            .onVisibilityModeChanged((args) =>
              handler(args.visibilityMode === Office.VisibilityMode.taskpane)
            )
            .catch(() => undefined);
          document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "hidden") {
              handler(false);
            }
          });
        }
      : null,
    onSeen: (handler) => {
      if (typeof IntersectionObserver !== "function") {
        return;
      }
      let onScreen = false;
      const check = (): void => {
        if (onScreen && document.visibilityState === "visible") {
          observer.disconnect();
          handler();
        }
      };
      const observer = new IntersectionObserver((entries) => {
        onScreen = entries.some((e) => e.isIntersecting);
        check();
      });
      observer.observe(root);
      document.addEventListener("visibilitychange", check);
    },
    onInput: (handler) => {
      const once = (): void => {
        for (const type of ["pointerdown", "keydown", "focusin"]) {
          window.removeEventListener(type, once, true);
        }
        handler();
      };
      for (const type of ["pointerdown", "keydown", "focusin"]) {
        window.addEventListener(type, once, true);
      }
    },
  };
}

/**
 * When the pane starts working. In the shared runtime (manifest.xml) this page also loads when
 * nobody looks at it: for a custom function in any open workbook, or for a ribbon button. Then
 * nothing may touch the workbook — above all not a workbook that is not a register. So the pane
 * is mounted (and the register read) only once it is on screen: Office reports the task pane
 * visible (`Office.addin.onVisibilityModeChanged`, SharedRuntime 1.1), the page is seen (the
 * document visible and its root on screen), or the user types or clicks in it. Where the page
 * only ever loads to be shown (manifest-taskpane.xml, no shared runtime), it starts at once.
 * Pure: the signals come from paneSignals.ts (the browser) or from tests.
 */

export interface PaneSignals {
  /**
   * Calls back with each change of the task pane's visibility (true: shown); null where the
   * page is never loaded hidden (no shared runtime).
   */
  readonly onVisibility: ((handler: (visible: boolean) => void) => void) | null;
  /** Calls back once the page is seen: the document visible and the pane's root on screen. */
  readonly onSeen: (handler: () => void) => void;
  /** Calls back on the user's first input in the page (a click, a key, focus). */
  readonly onInput: (handler: () => void) => void;
}

/**
 * Resolves when the pane should start; keeps `setVisible` told whether the pane is on screen
 * (the ribbon commands ask it before they show a dialog).
 */
export function whenPaneActive(
  signals: PaneSignals,
  setVisible: (visible: boolean) => void
): Promise<void> {
  return new Promise((resolve) => {
    const shown = (): void => {
      setVisible(true);
      resolve();
    };
    if (signals.onVisibility === null) {
      shown();
      return;
    }
    signals.onVisibility((visible) => (visible ? shown() : setVisible(false)));
    signals.onSeen(shown);
    signals.onInput(shown);
  });
}

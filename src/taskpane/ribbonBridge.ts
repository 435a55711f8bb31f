/**
 * What the task pane exchanges with the ribbon commands (src/commands/runtimeState.ts): the
 * report period it last used (the «Отчёт» button builds for it), «Обновить сроки» (re-read the
 * register and show «Сроки»), «Документы» (show that tab), and the Russian result of a command to show in a message bar.
 * An interface, so the pane gets it as a prop and tests can pass their own.
 */
import {
  lastCommandMessage,
  onCommandMessage,
  onDeadlinesRefresh,
  onDocumentsRequest,
  rememberReportPeriod,
  type CommandMessage,
} from "../commands/runtimeState";
import type { Period } from "../core/report/episodes";

export interface RibbonBridge {
  /** «Обновить сроки» was pressed; returns the unsubscribe. */
  onRefresh(listener: () => void): () => void;
  /** A ribbon command finished; returns the unsubscribe. */
  onMessage(listener: (message: CommandMessage) => void): () => void;
  /** The latest command message (a command run while the pane was closed), or null. */
  lastMessage(): CommandMessage | null;
  /** The period the pane built a report for: the ribbon's «Отчёт» uses it next. */
  rememberPeriod(period: Period): Promise<void>;
  /**
   * «Документы» was pressed (also before the pane mounted: the listener is called at once);
   * returns the unsubscribe. Optional: a bridge without it has no such button.
   */
  onDocuments?(listener: () => void): () => void;
}

export type { CommandMessage };

/** The bridge over the shared runtime's state (the add-in and the e2e host page). */
export function runtimeRibbonBridge(): RibbonBridge {
  return {
    onRefresh: (listener) => onDeadlinesRefresh(() => listener()),
    onMessage: (listener) => onCommandMessage(listener),
    lastMessage: () => lastCommandMessage(),
    rememberPeriod: (period) => rememberReportPeriod(period),
    onDocuments: (listener) => onDocumentsRequest(listener),
  };
}

/** A bridge that does nothing (a pane without ribbon commands). */
export const NO_RIBBON: RibbonBridge = {
  onRefresh: () => () => undefined,
  onMessage: () => () => undefined,
  lastMessage: () => null,
  rememberPeriod: async () => undefined,
};

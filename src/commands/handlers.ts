/**
 * The ribbon handlers, built from their dependencies so that tests drive them with a fake
 * event and an in-memory gateway. Every handler calls `event.completed()` in `finally` once its
 * work is done and its Russian result published through runtimeState (or Office keeps the
 * button busy); then a result the user must see — a failure, a warning, «Обновить сроки» —
 * is brought to the screen: the task pane, or a dialog where the pane does not open
 * (feedback.ts).
 */
import type { IsoDate } from "../core/dates/isoDate";
import type { Period } from "../core/report/episodes";
import type { RegisterGateway } from "../excel/gateway";
import { errorText, runRefreshDeadlinesCommand, runReportCommand } from "./commandLogic";
import { deliver, type Delivery, type FeedbackDeps } from "./feedback";
import {
  publishCommandMessage,
  requestDeadlinesRefresh,
  requestDocumentsTab,
  type CommandMessage,
} from "./runtimeState";

/** Shown in a dialog only where «Документы» cannot open the pane (Marketplace add-ins). */
export const DOCUMENTS_NO_PANE: CommandMessage = {
  intent: "warning",
  text: "Панель ВШУ не открылась сама. Нажмите «Учёт и сроки» на вкладке «Главная»: панель откроется на вкладке «Документы».",
};

/** The part of `Office.AddinCommands.Event` a handler uses. */
export interface CompletableEvent {
  completed(): void;
}

export interface HandlerDeps extends FeedbackDeps {
  readonly gateway: () => RegisterGateway;
  readonly today: () => IsoDate;
  readonly recallPeriod: () => Promise<Period | null>;
}

export interface RibbonHandlers {
  /** Resolves with where a message that must be seen was shown (null: none needed). */
  buildReport(event: CompletableEvent): Promise<Delivery | null>;
  refreshDeadlines(event: CompletableEvent): Promise<Delivery | null>;
  /**
   * «Документы»: the pane on its «Документы» tab (documents are made there, from a case); where
   * the pane does not open, a dialog says how to open it. Reads nothing.
   */
  openDocuments(event: CompletableEvent): Promise<Delivery>;
}

export function createRibbonHandlers(deps: HandlerDeps): RibbonHandlers {
  /**
   * Runs a command; publishes its message; completes the event; then shows a failure, a
   * warning, or what asked for the pane, in the pane or a dialog.
   */
  async function handle(
    event: CompletableEvent,
    failurePrefix: string,
    work: () => Promise<{ message: CommandMessage; showPane: boolean }>
  ): Promise<Delivery | null> {
    let result: { message: CommandMessage; showPane: boolean } = {
      message: { intent: "error", text: `${failurePrefix}.` },
      showPane: true,
    };
    try {
      try {
        result = await work();
      } catch (error) {
        result = {
          message: { intent: "error", text: `${failurePrefix}: ${errorText(error)}` },
          showPane: true,
        };
      }
      publishCommandMessage(result.message);
    } finally {
      event.completed();
    }
    if (!result.showPane && result.message.intent === "success") {
      return null;
    }
    try {
      return await deliver(deps, result.message);
    } catch {
      // The message stays published: the pane shows it when it opens.
      return "later";
    }
  }

  return {
    async openDocuments(event) {
      try {
        requestDocumentsTab();
      } finally {
        event.completed();
      }
      try {
        return await deliver(deps, DOCUMENTS_NO_PANE);
      } catch {
        return "later";
      }
    },
    buildReport: (event) =>
      handle(event, "Отчёт не построен", async () => {
        const outcome = await runReportCommand(deps.gateway(), {
          today: deps.today(),
          period: await deps.recallPeriod(),
        });
        return { message: outcome.message, showPane: false };
      }),
    refreshDeadlines: (event) =>
      handle(event, "Сроки не обновлены", async () => {
        const outcome = await runRefreshDeadlinesCommand(deps.gateway(), { today: deps.today() });
        if (outcome.summary !== null) {
          requestDeadlinesRefresh(outcome.summary);
        }
        // The user asked to see the deadlines: open the pane on «Сроки».
        return { message: outcome.message, showPane: true };
      }),
  };
}

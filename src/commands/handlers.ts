/**
 * The ribbon handlers, built from their dependencies so that tests drive them with a fake
 * event and an in-memory gateway. Every handler calls `event.completed()` in `finally` (or
 * Office keeps the button busy) and reports its result in Russian through runtimeState.
 */
import type { IsoDate } from "../core/dates/isoDate";
import type { Period } from "../core/report/episodes";
import type { RegisterGateway } from "../excel/gateway";
import { errorText, runRefreshDeadlinesCommand, runReportCommand } from "./commandLogic";
import {
  publishCommandMessage,
  requestDeadlinesRefresh,
  type CommandMessage,
} from "./runtimeState";

/** The part of `Office.AddinCommands.Event` a handler uses. */
export interface CompletableEvent {
  completed(): void;
}

export interface HandlerDeps {
  readonly gateway: () => RegisterGateway;
  readonly today: () => IsoDate;
  readonly recallPeriod: () => Promise<Period | null>;
  /** Opens the task pane (`Office.addin.showAsTaskpane`); must not throw. */
  readonly showTaskpane: () => Promise<void>;
}

export interface RibbonHandlers {
  buildReport(event: CompletableEvent): Promise<void>;
  refreshDeadlines(event: CompletableEvent): Promise<void>;
}

export function createRibbonHandlers(deps: HandlerDeps): RibbonHandlers {
  /** Runs a command; publishes its message; opens the pane on failure or when asked. */
  async function handle(
    event: CompletableEvent,
    failurePrefix: string,
    work: () => Promise<{ message: CommandMessage; showPane: boolean }>
  ): Promise<void> {
    try {
      let result: { message: CommandMessage; showPane: boolean };
      try {
        result = await work();
      } catch (error) {
        result = {
          message: { intent: "error", text: `${failurePrefix}: ${errorText(error)}` },
          showPane: true,
        };
      }
      publishCommandMessage(result.message);
      if (result.showPane || result.message.intent === "error") {
        await deps.showTaskpane();
      }
    } finally {
      event.completed();
    }
  }

  return {
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

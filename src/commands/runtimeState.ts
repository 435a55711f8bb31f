/**
 * State shared by the ribbon commands and the task pane. In the shared runtime (one
 * `lifetime="long"` page for pane, functions and commands) it lives in one page-wide object
 * (sharedSlot.ts: the bundles have separate module instances); the report period is also kept
 * in `OfficeRuntime.storage` so that it survives closing the workbook.
 *
 * The task pane:
 * - calls `rememberReportPeriod(period)` when the user builds a report (the «Отчёт» button then
 *   uses that period; before any choice it uses the current month to date);
 * - subscribes with `onDeadlinesRefresh` (re-read the register, show «Сроки») and with
 *   `onCommandMessage` (show the message of a ribbon command in a message bar), and shows
 *   `lastCommandMessage()` when it mounts, for a command run while the pane was closed.
 *
 * A command publishes its Russian result here; when the user must see it (a failure, a warning,
 * «Обновить сроки») and the pane is not on screen, the command opens the pane and, when the pane
 * does not show up (`showAsTaskpane` is ignored for Marketplace add-ins), shows the message in a
 * dialog (feedback.ts). The pane reports whether it is on screen (`setPaneVisible`).
 */
import type { IsoDate } from "../core/dates/isoDate";
import { isIsoDate } from "../core/dates/isoDate";
import type { Period } from "../core/report/episodes";
import { sharedSlot } from "./sharedSlot";

/** What the commands need of `OfficeRuntime.storage` (same signatures). */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

export interface CommandMessage {
  readonly intent: "success" | "warning" | "error";
  /** Russian, for the user. */
  readonly text: string;
}

/** Counts of the «Сроки» groups after «Обновить сроки». */
export interface DeadlinesSummary {
  readonly on: IsoDate;
  readonly overdue: number;
  readonly today: number;
  readonly nextWeek: number;
}

export const REPORT_PERIOD_KEY = "vshu.reportPeriod";

interface RuntimeState {
  reportPeriod: Period | null;
  lastMessage: CommandMessage | null;
  /** Whether the task pane is on screen (set by the pane's entry point). */
  paneVisible: boolean;
  readonly refreshListeners: Set<(summary: DeadlinesSummary) => void>;
  readonly messageListeners: Set<(message: CommandMessage) => void>;
  readonly paneListeners: Set<(visible: boolean) => void>;
  /** «Документы» was asked for and no pane has shown the tab yet. */
  documentsPending: boolean;
  readonly documentsListeners: Set<() => void>;
}

const state = sharedSlot<RuntimeState>("runtimeState", () => ({
  reportPeriod: null,
  lastMessage: null,
  paneVisible: false,
  refreshListeners: new Set(),
  messageListeners: new Set(),
  paneListeners: new Set(),
  documentsPending: false,
  documentsListeners: new Set(),
}));
const { refreshListeners, messageListeners, paneListeners, documentsListeners } = state;

/** `OfficeRuntime.storage` when the runtime has it, else null (tests, plain browser). */
export function officeStorage(): KeyValueStorage | null {
  return typeof OfficeRuntime !== "undefined" && OfficeRuntime.storage !== undefined
    ? OfficeRuntime.storage
    : null;
}

/** Remembers the period last chosen in the task pane (module variable + storage). */
export async function rememberReportPeriod(
  period: Period,
  storage: KeyValueStorage | null = officeStorage()
): Promise<void> {
  state.reportPeriod = { from: period.from, to: period.to };
  if (storage !== null) {
    try {
      await storage.setItem(REPORT_PERIOD_KEY, JSON.stringify(state.reportPeriod));
    } catch {
      // The module variable still holds it for this session.
    }
  }
}

/** The period last chosen in the task pane, or null when none (or the stored one is damaged). */
export async function recallReportPeriod(
  storage: KeyValueStorage | null = officeStorage()
): Promise<Period | null> {
  if (state.reportPeriod !== null) {
    return state.reportPeriod;
  }
  if (storage === null) {
    return null;
  }
  try {
    const raw = await storage.getItem(REPORT_PERIOD_KEY);
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    if (isPeriod(parsed)) {
      state.reportPeriod = { from: parsed.from, to: parsed.to };
      return state.reportPeriod;
    }
  } catch {
    // A damaged value is treated as no choice.
  }
  return null;
}

function isPeriod(value: unknown): value is Period {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const { from, to } = value as Record<string, unknown>;
  return (
    typeof from === "string" &&
    typeof to === "string" &&
    isIsoDate(from) &&
    isIsoDate(to) &&
    from <= to
  );
}

/** Forgets the remembered period in this session (tests). */
export function resetRuntimeState(): void {
  state.reportPeriod = null;
  state.lastMessage = null;
  state.paneVisible = false;
  refreshListeners.clear();
  messageListeners.clear();
  paneListeners.clear();
  state.documentsPending = false;
  documentsListeners.clear();
}

/** The pane's entry point says whether the pane is on screen. */
export function setPaneVisible(visible: boolean): void {
  state.paneVisible = visible;
  for (const listener of [...paneListeners]) {
    listener(visible);
  }
}

/** Whether the task pane is on screen, as far as the page knows. */
export function isPaneVisible(): boolean {
  return state.paneVisible;
}

/** Resolves true as soon as the pane is on screen, false when it is not within `ms`. */
export function waitForPane(ms: number): Promise<boolean> {
  if (state.paneVisible) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const listener = (visible: boolean): void => {
      if (visible) {
        paneListeners.delete(listener);
        clearTimeout(timer);
        resolve(true);
      }
    };
    const timer = setTimeout(() => {
      paneListeners.delete(listener);
      resolve(false);
    }, ms);
    paneListeners.add(listener);
  });
}

/** Subscribes to «Обновить сроки»; returns the unsubscribe. */
export function onDeadlinesRefresh(listener: (summary: DeadlinesSummary) => void): () => void {
  refreshListeners.add(listener);
  return () => refreshListeners.delete(listener);
}

/** Tells the task pane to re-read the register and show «Сроки». */
export function requestDeadlinesRefresh(summary: DeadlinesSummary): void {
  for (const listener of [...refreshListeners]) {
    try {
      listener(summary);
    } catch {
      // A failing listener must not stop the command or the other listeners.
    }
  }
}

/** Subscribes to the messages of ribbon commands; returns the unsubscribe. */
export function onCommandMessage(listener: (message: CommandMessage) => void): () => void {
  messageListeners.add(listener);
  return () => messageListeners.delete(listener);
}

/** Publishes a command's result; the latest one is kept for a pane that opens later. */
export function publishCommandMessage(message: CommandMessage): void {
  state.lastMessage = message;
  for (const listener of [...messageListeners]) {
    try {
      listener(message);
    } catch {
      // See requestDeadlinesRefresh.
    }
  }
}

/** The latest command message, or null. */
export function lastCommandMessage(): CommandMessage | null {
  return state.lastMessage;
}

/**
 * The ribbon's «Документы» (or the page opened with `?tab=documents`): the pane shows the tab
 * now, or when it mounts (the request waits until a listener takes it).
 */
export function requestDocumentsTab(): void {
  const listeners = [...documentsListeners];
  state.documentsPending = listeners.length === 0;
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // See requestDeadlinesRefresh.
    }
  }
}

/** Subscribes to «Документы»; a request made before is delivered at once. Returns the unsubscribe. */
export function onDocumentsRequest(listener: () => void): () => void {
  documentsListeners.add(listener);
  if (state.documentsPending) {
    state.documentsPending = false;
    listener();
  }
  return () => documentsListeners.delete(listener);
}

/**
 * Where the ribbon commands get their `RegisterGateway`. A factory that can be swapped: the
 * task pane entry (src/taskpane/taskpane.ts) sets its own gateway so that pane and commands share
 * one register snapshot; tests set an in-memory gateway. commands.ts does not import the
 * Office.js adapter itself: that would put a second copy of it (~45 KB gzip) into commands.js,
 * which every page load of the shared runtime downloads.
 */
import type { RegisterGateway } from "../excel/gateway";
import { sharedSlot } from "./sharedSlot";

export type GatewayFactory = () => RegisterGateway;

/** Page-wide (sharedSlot.ts): the task pane bundle may set what the commands bundle uses. */
const slot = sharedSlot<{ factory: GatewayFactory | null; cached: RegisterGateway | null }>(
  "gatewayFactory",
  () => ({ factory: null, cached: null })
);

/** Sets (or, with null, clears) the factory; the gateway is created on first use. */
export function setGatewayFactory(next: GatewayFactory | null): void {
  slot.factory = next;
  slot.cached = null;
}

/**
 * The gateway for a command, created once per runtime: from the factory set by the task pane
 * entry, else from `fallback`.
 */
export function commandGateway(fallback: GatewayFactory | null = null): RegisterGateway {
  if (slot.cached === null) {
    const factory = slot.factory ?? fallback;
    if (factory === null) {
      throw new Error("Связь с книгой Excel не настроена: надстройка загружена не полностью.");
    }
    slot.cached = factory();
  }
  return slot.cached;
}

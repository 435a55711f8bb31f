/**
 * The hidden runtime stays idle: the pane (and its read of the workbook) starts only once it is
 * on screen — Office's visibility event, the page seen, or the user's input — and at once where
 * the page is never loaded hidden (no shared runtime).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { whenPaneActive, type PaneSignals } from "../../src/taskpane/activation";

/** Signals the test fires by hand. */
function signals(sharedRuntime: boolean) {
  const handlers: {
    visibility?: (visible: boolean) => void;
    seen?: () => void;
    input?: () => void;
  } = {};
  const s: PaneSignals = {
    onVisibility: sharedRuntime ? (h) => (handlers.visibility = h) : null,
    onSeen: (h) => (handlers.seen = h),
    onInput: (h) => (handlers.input = h),
  };
  return { s, handlers };
}

/** Whether a promise has settled by now (after the pending microtasks). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe("when the pane starts", () => {
  test("no shared runtime (task-pane-only manifest): at once, and it is on screen", async () => {
    const { s } = signals(false);
    const seen: boolean[] = [];
    await whenPaneActive(s, (v) => seen.push(v));
    assert.deepEqual(seen, [true]);
  });

  test("shared runtime loaded hidden: nothing until Office shows the pane", async () => {
    const { s, handlers } = signals(true);
    const seen: boolean[] = [];
    const active = whenPaneActive(s, (v) => seen.push(v));
    assert.equal(await settled(active), false);
    handlers.visibility?.(false);
    assert.equal(await settled(active), false);
    assert.deepEqual(seen, [false]);
    handlers.visibility?.(true);
    assert.equal(await settled(active), true);
    assert.deepEqual(seen, [false, true]);
    handlers.visibility?.(false);
    assert.deepEqual(seen, [false, true, false], "closing the pane is still reported");
  });

  for (const signal of ["seen", "input"] as const) {
    test(`shared runtime opened by the user: starts when the page is ${signal}`, async () => {
      const { s, handlers } = signals(true);
      const active = whenPaneActive(s, () => undefined);
      assert.equal(await settled(active), false);
      handlers[signal]?.();
      assert.equal(await settled(active), true);
    });
  }
});

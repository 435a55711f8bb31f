/**
 * One object per page, whichever bundle asks. webpack gives each entry (taskpane.js,
 * functions.js, commands.js) its own module instances, even in the one page of the shared
 * runtime, so a module-level variable is NOT shared between the task pane and the commands.
 * State that both need lives on `globalThis` under a registered symbol instead.
 */
export function sharedSlot<T extends object>(name: string, init: () => T): T {
  const key = Symbol.for(`vshu.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  let slot = store[key];
  if (slot === undefined) {
    slot = init();
    store[key] = slot;
  }
  return slot;
}

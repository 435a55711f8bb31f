/**
 * A second, separate instance of a module (as when two bundles of one page each include it),
 * under both test runners: Node's runner drops the module from `require.cache`; Jest keeps its
 * own registry (deleting from its `require.cache` does nothing), so there the module is loaded
 * again inside `jest.isolateModules`.
 */
import { createRequire } from "node:module";

declare const jest: { isolateModules(fn: () => void): void } | undefined;

/** A fresh instance of the module at the absolute path `file`. */
export function requireFresh<T>(file: string): T {
  const load = createRequire(file);
  if (typeof jest !== "undefined") {
    let fresh: T | undefined;
    jest.isolateModules(() => {
      fresh = load(file) as T;
    });
    return fresh as T;
  }
  delete load.cache[file];
  return load(file) as T;
}

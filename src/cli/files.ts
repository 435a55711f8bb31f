/**
 * File output that never leaves a half-written file: everything is written to a temporary
 * file beside the target and renamed over it only when complete.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "./errors";

/** Writes a file through a temporary sibling; the target appears only when complete. */
export async function writeAtomically(
  target: string,
  write: (tmpPath: string) => Promise<void>
): Promise<void> {
  const dir = dirname(resolve(target));
  await mkdir(dir, { recursive: true });
  const tmp = join(
    dir,
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  try {
    await write(tmp);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Whether a path exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Fails with a Russian message when the register file is missing. */
export async function requireFile(path: string): Promise<void> {
  if (!(await exists(path))) {
    throw new UserError(`${path}: файл не найден`);
  }
}

/**
 * File output that never leaves a half-written file: everything is written to a temporary
 * file beside the target and renamed over it only when complete.
 *
 * A command's outputs go through `prepareOutput` / `writeOutput` (outputs.ts), which also refuse
 * to overwrite registers, inputs and — without --force — any existing file. `writeAtomically`
 * is the bare mechanism for a path the caller has already cleared.
 */
import { rename, rm, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UserError } from "./errors";
import { fsUserError } from "./fsErrors";
import { makeDirs, temporaryBeside } from "./outputs";

/** Writes a file through a temporary sibling; the target appears only when complete. */
export async function writeAtomically(
  target: string,
  write: (tmpPath: string) => Promise<void>
): Promise<void> {
  await makeDirs(dirname(resolve(target)));
  const tmp = temporaryBeside(resolve(target));
  try {
    await write(tmp);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw fsUserError(error, target, "write") ?? error;
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

/**
 * Fails with a Russian message when the file is missing or is a folder; `ifFolder` is what the
 * message says after the path when it is a folder.
 */
export async function requireFile(
  path: string,
  ifFolder = "это папка, а не файл; укажите путь к файлу"
): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new UserError(`${path}: файл не найден`);
    }
    throw fsUserError(error, path, "read") ?? error;
  }
  if (info.isDirectory()) {
    throw new UserError(`${path}: ${ifFolder}`);
  }
}

/**
 * The real `vshu` binary for tests (`bin/vshu.js` over `build/`, so run `npm run -s build:cli`
 * first), always with a timeout: a command that hangs (a recursive mkdir under /proc spun
 * forever) fails its test instead of stalling the run. And a snapshot of a folder, to show that
 * a refused command wrote nothing and changed nothing.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");

/** Generous for a loaded shared machine; a hang is what it catches. */
const TIMEOUT_MS = 60_000;

export interface Run {
  /** The exit code, or null when the process was killed (the timeout). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `vshu` with the arguments; `user` runs it as another account through runuser (root only). */
export function vshu(args: readonly string[], user?: string): Run {
  const command = user ? "runuser" : process.execPath;
  const argv = user ? ["-u", user, "--", process.execPath, VSHU, ...args] : [VSHU, ...args];
  const r = spawnSync(command, argv, { encoding: "utf8", timeout: TIMEOUT_MS });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

export const sha = (file: string): string =>
  createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every file under a folder (names relative to it) with its hash: "nothing written, nothing changed". */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub === "" ? name : join(sub, name);
      const full = join(dir, rel);
      if (statSync(full).isDirectory()) {
        out[`${rel}/`] = "";
        walk(rel);
      } else {
        out[rel] = sha(full);
      }
    }
  };
  walk("");
  return out;
}

/** Words of parsers and Node that must never reach the user. */
export const RAW_ERROR_WORDS: readonly RegExp[] = [
  /FILE_ENDED/,
  /undefined entity/i,
  /end of central directory/i,
  /invalid signature/i,
  /\bE[A-Z]{3,}\b/, // EACCES, ENOENT, EISDIR…
  /Внутренняя ошибка/,
  /\bat [\w.<>]+ \(/, // a stack frame
  /Error:/,
];

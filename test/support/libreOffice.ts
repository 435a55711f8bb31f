/** LibreOffice headless, as the tests run it: converts a file and returns the converted file's path. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * A LibreOffice profile of this process: two soffice processes on one profile do not both
 * convert (the second hands its file to the first or fails), and test files run in parallel.
 */
const PROFILE = join(tmpdir(), `vshu-lo-profile-${process.pid}`);
mkdirSync(PROFILE, { recursive: true });

/**
 * Converts `file` with `soffice --convert-to <format>` into `outDir`. `format` is the target
 * extension, optionally with a filter after a colon (`xlsx:Calc MS Excel 2007 XML`).
 */
export function convertWithLibreOffice(file: string, format: string, outDir: string): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(PROFILE).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    {
      stdio: "pipe",
      timeout: 120_000,
    }
  );
  const name = `${basename(file, extname(file))}.${format.split(":")[0] ?? format}`;
  assert.ok(readdirSync(outDir).includes(name), `LibreOffice wrote ${name}`);
  return join(outDir, name);
}

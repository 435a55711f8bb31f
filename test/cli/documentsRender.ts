/**
 * Rendering documents for the tests: many files converted by one LibreOffice call (each call
 * costs seconds), the PDF's text and page count read with poppler, and the check that values
 * appear in a text in a given order.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** A LibreOffice profile of this process (two processes on one profile do not both convert). */
const PROFILE = join(tmpdir(), `vshu-lo-docs-${process.pid}`);
mkdirSync(PROFILE, { recursive: true });

/** Converts files to PDF in one LibreOffice call; returns the PDFs' paths in the same order. */
export function convertAllToPdf(files: readonly string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(PROFILE).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 600_000 }
  );
  return files.map((f) => {
    const pdf = join(outDir, `${basename(f, extname(f))}.pdf`);
    assert.ok(existsSync(pdf), `LibreOffice wrote ${pdf}`);
    return pdf;
  });
}

/** The PDF's text as `pdftotext -layout` gives it. */
export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
}

/** Pages and page size (points) of a PDF. */
export function pdfPages(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? "0");
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
}

/**
 * The words of a text, each hyphenated word in its parts («педагога-», «психолога»): a cell or a
 * line may break after a hyphen, and the parts then stand apart in the extracted text. «№» is a
 * word of its own (poppler may see no space after its wide glyph: «№4»).
 */
export function words(text: string): string[] {
  return text
    .replace(/\u00a0/g, " ")
    .split(/\s+/)
    .flatMap((w) => w.split(/(?<=[\p{L}\d]-)(?=[\p{L}\d])|(?<=№)(?=\S)/u))
    .filter((w) => w !== "");
}

/** How far back a value may start from the previous one: cells of one row share lines. */
const BACK = 12;

/**
 * The values that do not appear in the text in this order. A value counts as present when its
 * first word appears after (or a few words before: a wrapped cell of the same row may start a
 * line higher) the previous value's first word, and its other words follow within a short
 * distance (a value wrapped in a cell shares its lines with the cells beside it).
 */
export function missingInOrder(text: string, values: readonly string[]): string[] {
  const tokens = words(text);
  const missing: string[] = [];
  let cursor = 0;
  for (const v of values) {
    const want = words(v);
    const first = want[0];
    if (first === undefined) {
      continue;
    }
    let found = -1;
    const from = Math.max(0, cursor - BACK);
    for (let i = tokens.indexOf(first, from); i >= 0; i = tokens.indexOf(first, i + 1)) {
      let at = i;
      let ok = true;
      for (const w of want.slice(1)) {
        const next = tokens.indexOf(w, at + 1);
        if (next < 0 || next > at + 40) {
          ok = false;
          break;
        }
        at = next;
      }
      if (ok) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      missing.push(v);
    } else {
      cursor = found;
    }
  }
  return missing;
}

/**
 * Like `missingInOrder`, for a table whose narrow columns may break words anywhere (Word keeps
 * its column widths, and a font wider than the one laid out for breaks long words): each value's
 * characters, spaces left out, must appear in order within a short stretch of the text's
 * characters (the cells beside it interleave), the values in order.
 */
export function missingLettersInOrder(text: string, values: readonly string[]): string[] {
  const t = text.replace(/\s+/g, "");
  const missing: string[] = [];
  let cursor = 0;
  for (const value of values) {
    const v = value.replace(/\s+/g, "");
    const first = v[0];
    if (first === undefined) {
      continue;
    }
    let found = -1;
    for (
      let i = t.indexOf(first, Math.max(0, cursor - 40));
      i >= 0 && found < 0;
      i = t.indexOf(first, i + 1)
    ) {
      let at = i;
      let ok = true;
      for (const ch of v.slice(1)) {
        const next = t.indexOf(ch, at + 1);
        if (next < 0 || next > at + 120) {
          ok = false;
          break;
        }
        at = next;
      }
      if (ok && at - i <= v.length * 8) {
        found = i;
      }
    }
    if (found < 0) {
      missing.push(value);
    } else {
      cursor = found;
    }
  }
  return missing;
}

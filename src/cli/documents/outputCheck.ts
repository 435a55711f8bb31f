/**
 * The output check of `vshu document`: never overwrite an existing file without `--force`, and
 * never the register or another register, even with `--force`.
 *
 * TODO(lead): a minimal local check until W-safe's shared output check in src/cli/files.ts
 * (or src/cli/outputs.ts) lands; then call that one here instead and delete this file.
 */
import { readFile, realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { UserError } from "../errors";
import { exists } from "../files";
import { openPackage } from "../xlsx/xlsxPackage";

/** The path as the file system resolves it (the file's own path when it does not exist yet). */
async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/** Paths compare without regard to case on Windows and macOS. */
function samePath(a: string, b: string): boolean {
  return process.platform === "win32" || process.platform === "darwin"
    ? a.toLowerCase() === b.toLowerCase()
    : a === b;
}

/** Whether an existing file is a register workbook: its workbook names «Учёт» and «Настройки». */
async function isRegister(path: string): Promise<boolean> {
  try {
    const pkg = await openPackage(await readFile(path));
    const workbook = (await pkg.text("xl/workbook.xml")) ?? "";
    const names = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) =>
      (m[1] ?? "").toLowerCase().replace(/ё/g, "е")
    );
    return names.includes("учет") && names.includes("настройки");
  } catch {
    return false;
  }
}

/**
 * Refuses an output that is one of the inputs or an existing register (always), or any other
 * existing file without `force`.
 */
export async function checkOutput(
  out: string,
  inputs: readonly string[],
  force: boolean
): Promise<void> {
  const target = await realOrResolved(out);
  for (const input of inputs) {
    if (samePath(target, await realOrResolved(input))) {
      throw new UserError(
        `--out ${out}: это входной файл команды (книга учёта); укажите другой файл для документа`
      );
    }
  }
  if (!(await exists(out))) {
    return;
  }
  if (await isRegister(out)) {
    throw new UserError(
      `--out ${out}: это книга учёта; документ не записывается поверх книги учёта даже с --force — укажите другой файл`
    );
  }
  if (!force) {
    throw new UserError(
      `--out ${out}: файл уже существует; чтобы заменить его, добавьте --force, или укажите другое имя`
    );
  }
}

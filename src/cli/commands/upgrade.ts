/**
 * `vshu upgrade BOOK.xlsx`: brings a version-1 register to contract version 2 (new columns,
 * settings, «Регламент», «Журнал», quarter dates as date cells), keeping a copy of the register
 * as it was beside it: `BOOK.v1.xlsx`, or `BOOK.v1 (2).xlsx`, … when that name is taken (a
 * backup is never overwritten). A register already at version 2 is left untouched.
 */
import { constants } from "node:fs";
import { copyFile, readFile, rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { CONTRACT_VERSION } from "../../core/register/schema";
import { UserError } from "../errors";
import { exists, requireFile } from "../files";
import { assertNotOpen } from "../registerLock";
import { UPGRADE_ACTION, updateRegister } from "../registerUpdate";
import { PatchError, WorkbookEditor } from "../xlsx/patch/book";
import { ZipFormatError } from "../xlsx/patch/zip";
import { registerVersion, upgradeToV2 } from "../xlsx/upgradeRegister";

export interface UpgradeOptions {
  readonly book: string;
}

/** `BOOK.v1.xlsx`, then `BOOK.v1 (2).xlsx`, `BOOK.v1 (3).xlsx`, …: the first free name. */
export async function backupName(book: string, version: number): Promise<string> {
  const ext = extname(book);
  const stem = join(dirname(book), `${basename(book, ext)}.v${version}`);
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}${ext}` : `${stem} (${n})${ext}`;
    if (!(await exists(name))) {
      return name;
    }
  }
}

/** Copies the register without ever overwriting a file; returns the copy's name. */
async function keepBackup(book: string, version: number): Promise<string> {
  for (;;) {
    const name = await backupName(book, version);
    try {
      await copyFile(book, name, constants.COPYFILE_EXCL);
      return name;
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") {
        throw error;
      }
    }
  }
}

/** What upgrading would do, without writing: the version found and the steps. */
async function plan(book: string): Promise<{ version: number; steps: string[] }> {
  try {
    const editor = WorkbookEditor.open(await readFile(book));
    const version = registerVersion(editor);
    return { version, steps: upgradeToV2(editor) };
  } catch (error) {
    if (error instanceof ZipFormatError || error instanceof PatchError) {
      throw new UserError(`${book}: ${error.message}. Книга не изменена.`);
    }
    throw error;
  }
}

export async function runUpgrade(opts: UpgradeOptions): Promise<string> {
  const { book } = opts;
  if (!/\.xlsx$/i.test(book)) {
    throw new UserError(`${book}: книга учёта должна быть файлом .xlsx`);
  }
  await requireFile(book);
  await assertNotOpen(book);
  const { version, steps } = await plan(book);
  if (steps.length === 0) {
    return `Книга учёта ${book} уже версии ${CONTRACT_VERSION}: ничего не изменено.`;
  }
  const backup = await keepBackup(book, version);
  try {
    const outcome = await updateRegister(book, {
      who: "vshu upgrade",
      action: UPGRADE_ACTION,
      requireValid: false,
    });
    return [
      `Книга учёта ${book} обновлена до версии ${CONTRACT_VERSION}.`,
      `Копия книги до обновления: ${backup}`,
      "Сделано:",
      ...outcome.upgraded.map((s) => `  — ${s}`),
      "Ваши столбцы, их порядок и все записи сохранены.",
    ].join("\n");
  } catch (error) {
    await rm(backup, { force: true });
    throw error;
  }
}

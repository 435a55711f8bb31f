/**
 * The one way a command changes a register: `updateRegister(book, { who, action, edit })`.
 *
 * 1. Refuses when the register is open in Excel or LibreOffice.
 * 2. Reads it whole (the same reader as every command) and opens its package for editing.
 * 3. Brings a version-1 register to version 2 in the same write (workbook.md: whatever writes
 *    first upgrades it); refuses a version newer than this program.
 * 4. Applies the edit through the package editor (patch/), which records every change.
 * 5. Appends «Журнал» rows: when, who, what, sheet, rows, episode codes.
 * 6. Writes a new file beside the register, reads it back whole and checks that every original
 *    sheet, column, row and value is there, plus exactly the recorded changes, and that the
 *    register has no error it did not have before.
 * 7. Only then renames the new file over the register. On any failure the register is
 *    untouched and the new file removed.
 */
import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { IsoDate } from "../core/dates/isoDate";
import { journalRow, type JournalEntry } from "../core/register/journal";
import type { RawTable, RegisterIssue } from "../core/register/model";
import { parseRegister, type ParsedRegister } from "../core/register/parseRegister";
import {
  CALENDAR_COLUMNS,
  CALENDAR_SHEET,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
} from "../core/register/schema";
import { matchKey } from "../core/text";
import { nowLocal } from "./clock";
import { UserError } from "./errors";
import { requireFile } from "./files";
import { assertNotOpen, busyError, isBusy } from "./registerLock";
import { appendRows } from "./xlsx/patch/appendRows";
import { PatchError, WorkbookEditor } from "./xlsx/patch/book";
import type { Change } from "./xlsx/patch/changes";
import { ZipFormatError } from "./xlsx/patch/zip";
import { formatIssues } from "./xlsx/readRegister";
import { ReadBackError, readBackChanged } from "./xlsx/readBack";
import { readWorkbookTables } from "./xlsx/readWorkbook";
import { upgradeToV2 } from "./xlsx/upgradeRegister";
import { compareWrite } from "./xlsx/verifyWrite";

export interface EditContext {
  /** The register's package, open for editing (appendRows, setCell, … of xlsx/patch). */
  readonly book: WorkbookEditor;
  /** The register as read before the write. */
  readonly before: ParsedRegister;
  /** Its raw tables by sheet name. */
  readonly tables: ReadonlyMap<string, RawTable>;
  /** What bringing it to version 2 did in this write (empty when it already was). */
  readonly upgraded: readonly string[];
}

/** A «Журнал» row the edit asks for (when and who are filled in). */
export interface EditJournal {
  readonly action?: string;
  readonly sheet: string;
  readonly rows: readonly number[];
  readonly codes: readonly string[];
}

export interface EditResult {
  /** «Журнал» rows; by default one per sheet the edit changed, with the codes of its rows. */
  readonly journal?: readonly EditJournal[];
}

export interface UpdateOptions {
  /** `vshu <command>`: «Кто» of «Журнал». */
  readonly who: string;
  /** What the command does, in Russian: «Действие» of «Журнал». */
  readonly action: string;
  /** The change. Without it only the upgrade to version 2 is done (when needed). */
  readonly edit?: (ctx: EditContext) => EditResult | void | Promise<EditResult | void>;
  /** Refuse a register that has errors before the write (default true). */
  readonly requireValid?: boolean;
  /** The local date and time for «Журнал» (default: the clock). */
  readonly now?: `${IsoDate}T${string}`;
  /**
   * How the new file is read back: "whole" (default) reads every sheet; "changed" reads the
   * sheets whose parts changed and checks that every other part is stored byte for byte as
   * in the original (xlsx/readBack.ts) — for large writes such as an import.
   */
  readonly readBack?: "whole" | "changed";
  /** Called with the new file before it is checked (tests use it to damage the file). */
  readonly afterWrite?: (tmpPath: string) => Promise<void>;
}

export interface UpdateOutcome {
  /** Whether the register was replaced. */
  readonly written: boolean;
  /** What the upgrade to version 2 did, in Russian (empty: nothing). */
  readonly upgraded: readonly string[];
  /** The «Журнал» rows written. */
  readonly journal: readonly JournalEntry[];
}

/** The action recorded for the upgrade part of a write. */
export const UPGRADE_ACTION = "обновление книги учёта до версии 2";

function expectedHeaders(sheetName: string): readonly string[] {
  const key = SHEET_ORDER.find((k) => matchKey(SHEET[k]) === matchKey(sheetName));
  if (key) {
    return SHEET_COLUMNS[key];
  }
  return matchKey(sheetName) === matchKey(CALENDAR_SHEET) ? CALENDAR_COLUMNS : [];
}

async function readTables(file: string, label: string): Promise<Map<string, RawTable>> {
  try {
    return await readWorkbookTables(file, expectedHeaders);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${label}: не удалось прочитать книгу Excel (.xlsx): ${reason}`);
  }
}

function issueKey(i: RegisterIssue): string {
  return `${i.sheet}\u0000${i.row}\u0000${i.column}\u0000${i.message}`;
}

/** The «Код» values of the rows a change wrote (episode codes; never names). */
function codesOf(change: Change): string[] {
  if (change.kind !== "rows" && change.kind !== "sheet") {
    return [];
  }
  const out: string[] = [];
  for (const r of change.rows) {
    for (const h in r.values) {
      const v = r.values[h];
      if (typeof v === "string" && matchKey(h) === matchKey("Код")) {
        out.push(v);
      }
    }
  }
  return out;
}

/** One journal row per sheet the changes touched (the journal itself left out). */
function defaultJournal(changes: readonly Change[]): EditJournal[] {
  const bySheet = new Map<string, { rows: number[]; codes: string[] }>();
  for (const c of changes) {
    if (matchKey(c.sheet) === matchKey(SHEET.journal)) {
      continue;
    }
    const entry = bySheet.get(c.sheet) ?? { rows: [], codes: [] };
    if (c.kind === "rows" || c.kind === "sheet") {
      entry.rows.push(...c.rows.map((r) => r.row));
    } else if (c.kind === "cell") {
      entry.rows.push(c.row);
    }
    entry.codes.push(...codesOf(c));
    bySheet.set(c.sheet, entry);
  }
  return [...bySheet].map(([sheet, e]) => ({ sheet, rows: e.rows, codes: e.codes }));
}

function openPackage(bytes: Buffer, book: string): WorkbookEditor {
  try {
    return WorkbookEditor.open(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError || error instanceof PatchError) {
      throw new UserError(`${book}: ${error.message}`);
    }
    throw error;
  }
}

/** Runs `fn`, turning the package editor's refusals into the user's message. */
async function asUser<T>(book: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof PatchError) {
      throw new UserError(`${book}: ${error.message}. Книга не изменена.`);
    }
    throw error;
  }
}

/**
 * Rows typed just under a table that did not grow over them (LibreOffice and Р7 do not grow a
 * table as Excel does): the reader reads them as the table's rows, with a warning; the first
 * write grows the table over them, so that they are the table's rows for Excel too and rows
 * added later go below them. Returns the journal rows of what grew.
 */
function growOverRowsBelow(
  editor: WorkbookEditor,
  tables: ReadonlyMap<string, RawTable>
): EditJournal[] {
  const grown: EditJournal[] = [];
  for (const [name, raw] of tables) {
    const below = raw.rowsBelow ?? [];
    const ref = below.length > 0 ? editor.findSheet(name) : undefined;
    const table = ref ? editor.tables(ref)[0] : undefined;
    if (!table || table.totalsRows > 0) {
      continue;
    }
    const bottom = Math.max(...below);
    if (bottom > table.range.bottom) {
      table.setRange({ ...table.range, bottom });
      grown.push({
        sheet: name,
        rows: below,
        codes: [],
        action: "таблица растянута на строки, введённые под ней",
      });
    }
  }
  return grown;
}

/** Changes a register safely (see the file's header). */
export async function updateRegister(book: string, opts: UpdateOptions): Promise<UpdateOutcome> {
  await requireFile(book);
  await assertNotOpen(book);
  const path = resolve(book);
  const before = await stat(path);
  const bytes = await readFile(path);
  const tables = await readTables(path, book);
  const parsed = parseRegister(tables);
  const editor = openPackage(bytes, book);
  const grown = growOverRowsBelow(editor, tables);
  const upgraded = await asUser(book, () => upgradeToV2(editor));
  if ((opts.requireValid ?? true) && parsed.issues.length > 0) {
    throw new UserError(`${formatIssues(book, parsed.issues)}\nКнига не изменена.`);
  }
  const upgradeChanges = editor.changes.list().length;
  const result = await asUser(book, () =>
    opts.edit ? opts.edit({ book: editor, before: parsed, tables, upgraded }) : undefined
  );
  const editChanges = editor.changes.list().slice(upgradeChanges);
  if (editor.changes.empty && grown.length === 0) {
    return { written: false, upgraded, journal: [] };
  }

  const when = opts.now ?? nowLocal();
  const journal: JournalEntry[] = [];
  if (upgraded.length > 0) {
    const sheets = [
      ...new Set(
        editor.changes
          .list()
          .slice(0, upgradeChanges)
          .map((c) => c.sheet)
          .filter((s) => matchKey(s) !== matchKey(SHEET.journal))
      ),
    ];
    journal.push({
      when,
      who: opts.who,
      action: UPGRADE_ACTION,
      sheet: sheets.join(", "),
      rows: [],
      codes: [],
    });
  }
  for (const j of [...grown, ...(result?.journal ?? defaultJournal(editChanges))]) {
    journal.push({
      when,
      who: opts.who,
      action: j.action ?? opts.action,
      sheet: j.sheet,
      rows: j.rows,
      codes: j.codes,
    });
  }
  await asUser(book, () => appendRows(editor, SHEET.journal, journal.map(journalRow)));
  const out = editor.toBuffer();

  const tmp = join(
    dirname(path),
    `.~vshu.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
  try {
    await writeFile(tmp, out, { flag: "wx" });
    await chmod(tmp, before.mode & 0o7777).catch(() => undefined);
    await opts.afterWrite?.(tmp);
    await verify(tmp, book, tables, parsed, editor, opts.readBack === "changed" ? bytes : null);
    await assertNotOpen(book);
    const now = await stat(path);
    if (now.size !== before.size || now.mtimeMs !== before.mtimeMs) {
      throw new UserError(
        `${book}: книгу учёта изменили, пока ВШУ её обновлял; запустите команду снова. Книга не изменена этой командой.`
      );
    }
    try {
      await rename(tmp, path);
    } catch (error) {
      throw isBusy(error) ? busyError(book) : error;
    }
  } finally {
    await rm(tmp, { force: true });
  }
  return { written: true, upgraded, journal };
}

/** Reads the new file back whole and compares it with the original plus the changes. */
async function verify(
  tmp: string,
  book: string,
  before: ReadonlyMap<string, RawTable>,
  parsedBefore: ParsedRegister,
  editor: WorkbookEditor,
  original: Buffer | null
): Promise<void> {
  let after: Map<string, RawTable>;
  try {
    after = original
      ? await readBackChanged(original, await readFile(tmp), tmp, before, expectedHeaders)
      : await readWorkbookTables(tmp, expectedHeaders);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof ReadBackError) {
      throw new UserError(
        `${book}: ВШУ не заменил книгу учёта — проверка записанного файла не сошлась: ${reason}. Книга учёта не изменена. Сообщите разработчикам, приложив этот текст.`,
        2
      );
    }
    throw new UserError(
      `${book}: ВШУ не заменил книгу учёта — записанный файл не читается (${reason}). Книга учёта не изменена. Сообщите разработчикам, приложив этот текст.`,
      2
    );
  }
  const problems = compareWrite(before, after, editor.changes.list(), editor.date1904);
  if (problems.length > 0) {
    throw new UserError(
      [
        `${book}: ВШУ не заменил книгу учёта — проверка записанного файла не сошлась:`,
        ...problems.map((p) => `  ${p}`),
        "Книга учёта не изменена. Сообщите разработчикам, приложив этот текст.",
      ].join("\n"),
      2
    );
  }
  const known = new Set(parsedBefore.issues.map(issueKey));
  const fresh = parseRegister(after).issues.filter((i) => !known.has(issueKey(i)));
  if (fresh.length > 0) {
    throw new UserError(
      `${formatIssues(book, fresh)}\nЭти ошибки появились бы после записи, поэтому книга учёта не изменена.`
    );
  }
}

/**
 * `vshu import BOOK.xlsx FILE.csv --sheet NAME [--encoding auto|utf-8|windows-1251]
 * [--allow-duplicates]`: appends the file's rows to the sheet's table — all rows or none.
 *
 * The plan (decoding, delimiter, headers, values, every check) is the one the task pane uses
 * (src/csv/parseCsv.ts, src/core/import). The write goes through `updateRegister`: lock check,
 * upgrade to version 2, «Журнал» row, read-back, atomic replace. With any error — or, without
 * --allow-duplicates, any child already on «Учёт» — nothing is written and the command exits 1
 * listing every row (file, row, column, value, why).
 */
import { readFile } from "node:fs/promises";
import type { ImportIssue, ImportPlan } from "../../core/import/plan";
import { importIssueText, rowsToImport } from "../../core/import/plan";
import { importSheetKey, importSheetNames } from "../../core/import/columns";
import type { EncodingChoice } from "../../core/import/encoding";
import { SHEET } from "../../core/register/schema";
import { matchKey, pluralRu } from "../../core/text";
import { prepareImport } from "../../csv/parseCsv";
import { UserError } from "../errors";
import { requireFile } from "../files";
import { fsUserError } from "../fsErrors";
import { updateRegister, type UpdateOptions } from "../registerUpdate";
import { appendRows, type PatchRow } from "../xlsx/patch/appendRows";

export interface ImportOptions {
  readonly book: string;
  readonly csv: string;
  readonly sheet: string;
  readonly encoding?: string | undefined;
  readonly allowDuplicates?: boolean;
  /** «Когда» of «Журнал» (tests). */
  readonly now?: UpdateOptions["now"];
}

/** How many problems are printed at most; the rest are counted. */
const MAX_LISTED = 50;

/** «Кто» of the «Журнал» row. */
export const IMPORT_WHO = "vshu import";

/** Sheets whose «Код» is an episode code (written to «Журнал»; nothing else is). */
const EPISODE_CODE_SHEETS = new Set<string>([
  SHEET.cases,
  SHEET.actions,
  SHEET.assistance,
  SHEET.activities,
  SHEET.signals,
]);

export function parseEncoding(value: string | undefined): EncodingChoice {
  const v = (value ?? "auto").trim().toLowerCase().replace(/^cp/, "windows-");
  if (v === "auto") {
    return "auto";
  }
  if (v === "utf-8" || v === "utf8") {
    return "utf-8";
  }
  if (v === "windows-1251" || v === "win1251" || v === "1251") {
    return "windows-1251";
  }
  throw new UserError(
    `--encoding ${value ?? ""}: неизвестная кодировка; укажите auto, utf-8 или windows-1251`
  );
}

/** A value for a message: line breaks and tabs shown, long text cut. */
function shown(value: string): string {
  const visible = value.replace(/\r\n|\r|\n/g, "⏎").replace(/\t/g, "⇥");
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible;
}

/** One problem as a line: file, row, column, value, why. */
export function formatImportIssue(file: string, issue: ImportIssue): string {
  return `${file}: ${importIssueText(issue, shown)}`;
}

function listed(file: string, issues: readonly ImportIssue[]): string[] {
  const lines = issues.slice(0, MAX_LISTED).map((i) => formatImportIssue(file, i));
  if (issues.length > MAX_LISTED) {
    lines.push(`… и ещё ${issues.length - MAX_LISTED}`);
  }
  return lines;
}

const rowsWord = (n: number): string => `${n} ${pluralRu(n, ["строка", "строки", "строк"])}`;

/** The refusal for a plan with errors (every one listed). */
function errorsMessage(file: string, plan: ImportPlan): string {
  return [
    ...listed(file, plan.errors),
    `Ошибок в файле: ${plan.errors.length}. Книга учёта не изменена: не загружено ни одной строки. Исправьте файл и запустите команду снова.`,
  ].join("\n");
}

/** The refusal for duplicates without --allow-duplicates. */
function duplicatesMessage(file: string, plan: ImportPlan): string {
  return [
    ...listed(file, plan.duplicates),
    `Эти дети уже есть в книге учёта или повторяются в файле (совпадают фамилия, имя и дата рождения): ${plan.duplicates.length}. Книга учёта не изменена.`,
    "Если это новые случаи тех же детей (например, переход с уровня 1 на уровень 2), запустите команду с --allow-duplicates; иначе уберите эти строки из файла.",
  ].join("\n");
}

async function readCsv(file: string): Promise<Buffer> {
  await requireFile(file);
  try {
    return await readFile(file);
  } catch (error) {
    throw fsUserError(error, file, "read") ?? error;
  }
}

export async function runImport(opts: ImportOptions): Promise<string> {
  const { book, csv } = opts;
  const encoding = parseEncoding(opts.encoding);
  if (!/\.xlsx$/i.test(book)) {
    throw new UserError(`${book}: книга учёта должна быть файлом .xlsx`);
  }
  if (!importSheetKey(opts.sheet)) {
    throw new UserError(
      `--sheet ${opts.sheet}: в книгу учёта можно загрузить строки листов ${importSheetNames()}`
    );
  }
  await requireFile(book);
  const bytes = await readCsv(csv);
  let plan: ImportPlan | null = null;
  let written = 0;
  const outcome = await updateRegister(book, {
    who: IMPORT_WHO,
    action: "импорт строк из файла CSV",
    readBack: "changed",
    ...(opts.now ? { now: opts.now } : {}),
    edit: ({ book: editor, tables }) => {
      plan = prepareImport({ bytes, encoding, sheet: opts.sheet, register: tables });
      if (plan.errors.length > 0) {
        throw new UserError(errorsMessage(csv, plan));
      }
      if (plan.duplicates.length > 0 && !opts.allowDuplicates) {
        throw new UserError(duplicatesMessage(csv, plan));
      }
      const sheet = plan.sheet ?? opts.sheet;
      const sheetName = [...tables.keys()].find((n) => matchKey(n) === matchKey(sheet)) ?? sheet;
      const rows = rowsToImport(plan, "add");
      const result = appendRows(
        editor,
        sheetName,
        rows.map((r) => r.values as PatchRow)
      );
      written = rows.length;
      const codes = EPISODE_CODE_SHEETS.has(sheet)
        ? rows.map((r) => r.values["Код"]).filter((c): c is string => typeof c === "string")
        : [];
      const sheetRows: number[] = [];
      for (let r = result.first; r <= result.last; r++) {
        sheetRows.push(r);
      }
      return {
        journal: [
          {
            action: `импорт из файла CSV: ${rowsWord(rows.length)}`,
            sheet: sheetName,
            rows: sheetRows,
            codes,
          },
        ],
      };
    },
  });
  const done = plan as ImportPlan | null;
  if (!done || !outcome.written) {
    return `Файл ${csv}: строк с данными нет; книга учёта не изменена.`;
  }
  const lines = [
    `На лист «${done.sheet}» книги учёта ${book} добавлено: ${rowsWord(written)} из файла ${csv} (кодировка ${done.encoding}${done.bom ? " с меткой BOM" : ""}, разделитель «${done.delimiter}»).`,
  ];
  if (done.duplicates.length > 0) {
    lines.push(
      `Из них ${done.duplicates.length} — дети, которые уже были в книге учёта или повторялись в файле (добавлены по --allow-duplicates).`
    );
  }
  if (outcome.upgraded.length > 0) {
    lines.push("Книга учёта обновлена до версии 2:", ...outcome.upgraded.map((s) => `  — ${s}`));
  }
  lines.push("Запись о загрузке добавлена на лист «Журнал».");
  return lines.join("\n");
}

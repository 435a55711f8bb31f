/**
 * «Импорт» in the pane: what the checked file and the write say to the user (Russian).
 */
import type { ImportPlan } from "../../core/import/plan";
import { IMPORT_SHEETS } from "../../core/import/columns";
import { SHEET } from "../../core/register/schema";
import type { ImportWriteResult } from "../../excel/gateway";
import { rowsWord } from "../../excel/importWrites";

/** The sheets a file can go to, by their Russian names («Учёт» first). */
export const IMPORT_SHEET_OPTIONS: readonly { value: string; label: string }[] = IMPORT_SHEETS.map(
  (k) => ({ value: SHEET[k], label: SHEET[k] })
);

/** At most this many errors are listed in the pane (the count is always given). */
export const ISSUES_SHOWN = 50;

/** «кодировка UTF-8 (с BOM), разделитель «;»». */
export function formatText(plan: Pick<ImportPlan, "encoding" | "bom" | "delimiter">): string {
  const encoding = plan.encoding === "utf-8" ? "UTF-8" : "Windows-1251";
  return `кодировка ${encoding}${plan.bom ? " (с BOM)" : ""}, разделитель «${plan.delimiter}»`;
}

/** The pane's message after the rows are written. */
export function importedMessage(result: ImportWriteResult, file: string): string {
  if (result.rows === 0) {
    return `Ничего не добавлено: в файле «${file}» нет новых строк${result.skipped > 0 ? " (все — уже учтённые дети)" : ""}.`;
  }
  const where =
    result.first === result.last
      ? `строка ${result.first}`
      : `строки ${result.first}–${result.last}`;
  const parts = [
    `На лист «${result.sheet}» добавлено: ${rowsWord(result.rows)} из файла «${file}» (${where}).`,
  ];
  if (result.skipped > 0) {
    parts.push(`Не добавлены уже учтённые дети: ${result.skipped}.`);
  }
  parts.push("Запись о загрузке — на листе «Журнал».");
  return parts.join(" ");
}

/**
 * What the reader noticed about a sheet's table (RawTable.problems, RawTable.rowsBelow) as
 * located issues for the user: a formula saved without its value is an error in a contract
 * column (its value would silently be missing, e.g. codes dropping out of the report) and is
 * ignored in a user's own column; rows typed just under the table are read, with a warning.
 */
import { matchKey } from "../text";
import type { RawTable, RegisterIssue } from "./model";

const RECALCULATE =
  "откройте книгу в Excel или LibreOffice и сохраните её, чтобы значения формул были вычислены и записаны";

/** «строка 12» or «строки 12–14» (the rows are consecutive). */
function rowsText(rows: readonly number[]): string {
  const first = rows[0] ?? 0;
  const last = rows[rows.length - 1] ?? first;
  return rows.length === 1 ? `строка ${first}` : `строки ${first}–${last}`;
}

/**
 * Adds the table's cell problems in `columns` to `errors` and its rows below to `warnings`.
 */
export function tableNotes(
  sheet: string,
  table: RawTable,
  columns: readonly string[],
  errors: RegisterIssue[],
  warnings: RegisterIssue[]
): void {
  if (table.problems && table.problems.length > 0) {
    const contract = new Set(columns.map(matchKey));
    for (const p of table.problems) {
      const header = table.headers[p.column] ?? "";
      if (!contract.has(matchKey(header))) {
        continue;
      }
      errors.push({
        sheet,
        row: p.row,
        column: header,
        message:
          p.kind === "formulaWithoutValue"
            ? `в ячейке формула без вычисленного значения (книгу сохранила программа, которая не вычисляет формулы); ${RECALCULATE}`
            : "формула в ячейке вычислилась с ошибкой; исправьте формулу или впишите значение",
      });
    }
  }
  const below = table.rowsBelow ?? [];
  if (below.length > 0) {
    warnings.push({
      sheet,
      row: 0,
      column: "",
      message: `${rowsText(below)} под таблицей не входят в неё (таблица не расширилась); они прочитаны как часть таблицы — расширьте таблицу на эти строки (Excel: «Конструктор таблиц» → «Размер таблицы»; LibreOffice: «Данные» → «Определить диапазон»)`,
    });
  }
}

/**
 * The checks of an import plan: the file's header row, unique values, and the register's own
 * reader over the sheet with the file's rows appended (see plan.ts).
 */
import type { Cell, RawRow, RawTable } from "../register/model";
import { parseRegister, type RawSheets } from "../register/parseRegister";
import { SHEET, SHEET_COLUMNS, type SheetKey } from "../register/schema";
import { compactKey, matchKey } from "../text";
import { IMPORT_REQUIRED, UNIQUE_COLUMN, type ImportColumn, type ImportValue } from "./columns";
import type { ImportIssue, ImportRow } from "./plan";

/** «Итого …», «Всего …»: totals typed by people in «Соцпаспорт» (the report skips them). */
const TOTAL_ROW = /^(итого|всего)/;

/** Sheet row numbers given to the file's rows while the register's reader checks them. */
const NEW_ROW_BASE = 1_000_000_000;

/** A table by sheet name (case, spacing, ё/е and look-alikes ignored). */
export function findTable(sheets: RawSheets, name: string): RawTable | undefined {
  const key = matchKey(name);
  for (const [n, t] of sheets) {
    if (matchKey(n) === key) {
      return t;
    }
  }
  return undefined;
}

/** Unknown, repeated and empty-header columns, and missing required ones. */
export function checkHeaders(
  sheetKey: SheetKey,
  columns: readonly ImportColumn[],
  records: readonly (readonly string[])[],
  headerIndex: number,
  errors: ImportIssue[]
): void {
  const row = headerIndex + 1;
  const sheet = SHEET[sheetKey];
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (c.header === "") {
      const used = records.slice(headerIndex + 1).some((r) => (r[c.index] ?? "").trim() !== "");
      if (used) {
        errors.push({
          row,
          column: "",
          value: "",
          reason: `у столбца ${c.index + 1} нет заголовка, а в нём есть значения; впишите название столбца листа «${sheet}»`,
        });
      }
      continue;
    }
    if (c.column === null) {
      errors.push({
        row,
        column: c.header,
        value: c.header,
        reason: `столбца «${c.header}» нет в таблице листа «${sheet}»; переименуйте его как в книге учёта или удалите из файла (столбцы листа: ${SHEET_COLUMNS[sheetKey].join(", ")})`,
      });
      continue;
    }
    const key = matchKey(c.column);
    const prior = seen.get(key);
    if (prior !== undefined) {
      errors.push({
        row,
        column: c.header,
        value: c.header,
        reason: `столбец «${c.column}» указан в файле дважды («${prior}» и «${c.header}»); оставьте один`,
      });
    }
    seen.set(key, c.header);
  }
  for (const required of IMPORT_REQUIRED[sheetKey] ?? []) {
    if (!seen.has(matchKey(required))) {
      errors.push({
        row,
        column: required,
        value: "",
        reason: `в файле нет обязательного столбца «${required}» для листа «${sheet}»`,
      });
    }
  }
}

/** «Код» of «Учёт» and «Код семьи» of «Семьи»: not already on the sheet, not twice in the file. */
export function checkUnique(
  sheetKey: SheetKey,
  table: RawTable,
  rows: readonly ImportRow[],
  headerOf: (column: string) => string,
  textOf: (row: number, column: string) => string,
  addError: (issue: ImportIssue) => void
): void {
  const column = UNIQUE_COLUMN[sheetKey];
  if (!column) {
    return;
  }
  const at = table.headers.findIndex((h) => matchKey(h) === matchKey(column));
  // Classes «5 А», «5А» and «5-а» are one class; codes compare as the register's reader does.
  const keyOf = sheetKey === "passport" ? compactKey : matchKey;
  const onSheet = new Map<string, number>();
  if (at >= 0) {
    for (const r of table.rows) {
      const v = r.cells[at];
      const text = v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v);
      if (text.trim() !== "" && !onSheet.has(keyOf(text))) {
        onSheet.set(keyOf(text), r.row);
      }
    }
  }
  const inFile = new Map<string, number>();
  for (const r of rows) {
    const text = textOf(r.row, column).trim();
    if (text === "") {
      continue;
    }
    const key = keyOf(text);
    if (sheetKey === "passport" && TOTAL_ROW.test(key)) {
      continue;
    }
    const sheetRow = onSheet.get(key);
    const fileRow = inFile.get(key);
    const [what, rule] =
      sheetKey === "passport"
        ? ["класс", "на листе одна строка на класс"]
        : ["код", "код должен быть уникальным"];
    if (sheetRow !== undefined) {
      addError({
        row: r.row,
        column: headerOf(column),
        value: text,
        reason: `${what} «${text}» уже есть на листе «${SHEET[sheetKey]}» (строка ${sheetRow}); ${rule}`,
      });
    } else if (fileRow !== undefined) {
      addError({
        row: r.row,
        column: headerOf(column),
        value: text,
        reason: `${what} «${text}» уже встречается в строке ${fileRow} файла; ${rule}`,
      });
    } else {
      inFile.set(key, r.row);
    }
  }
}

function toCell(v: ImportValue | undefined): Cell {
  return v === undefined ? null : v;
}

/**
 * The register's reader over the sheet with the file's rows appended (numbered from
 * NEW_ROW_BASE), limited to that sheet and the episode codes of «Учёт»: the issues of the new
 * rows, with their rows in the file.
 */
export function registerIssues(
  sheetKey: SheetKey,
  register: RawSheets,
  table: RawTable,
  rows: readonly ImportRow[],
  fileColumns: readonly string[]
): {
  issues: { row: number; column: string; reason: string }[];
  codes: Map<number, string>;
} {
  const headers = [...table.headers];
  const index = new Map(headers.map((h, i) => [matchKey(h), i] as const));
  // Columns the table lacks read as empty (a version-1 table has no version-2 columns; a
  // register missing a column it needs is refused by the command that writes it, not here).
  const wanted = [...SHEET_COLUMNS[sheetKey], ...fileColumns];
  for (const c of wanted) {
    if (!index.has(matchKey(c))) {
      index.set(matchKey(c), headers.length);
      headers.push(c);
    }
  }
  const added: RawRow[] = rows.map((r) => {
    const cells: Cell[] = new Array<Cell>(headers.length).fill(null);
    for (const [c, v] of Object.entries(r.values)) {
      cells[index.get(matchKey(c)) ?? 0] = toCell(v);
    }
    return { row: NEW_ROW_BASE + r.row, cells };
  });
  const sheet = SHEET[sheetKey];
  const merged = new Map<string, RawTable>();
  for (const [name, t] of register) {
    if (matchKey(name) !== matchKey(sheet)) {
      merged.set(name, t);
    }
  }
  merged.set(sheet, { headers, rows: [...table.rows, ...added] });
  const parsed = parseRegister(merged, {
    columns:
      sheetKey === "cases"
        ? { cases: SHEET_COLUMNS.cases }
        : { [sheetKey]: SHEET_COLUMNS[sheetKey], cases: ["Код"] },
  });
  const codes = new Map<number, string>();
  const { actions, assistance, activities, signals } = parsed.register;
  const referencing: readonly { row: number; caseCode: string }[] =
    sheetKey === "actions"
      ? actions
      : sheetKey === "assistance"
        ? assistance
        : sheetKey === "activities"
          ? activities
          : sheetKey === "signals"
            ? signals
            : [];
  for (const r of referencing) {
    if (r.row > NEW_ROW_BASE) {
      codes.set(r.row - NEW_ROW_BASE, r.caseCode);
    }
  }
  return {
    issues: parsed.issues
      .filter((i) => matchKey(i.sheet) === matchKey(sheet) && i.row > NEW_ROW_BASE)
      .map((i) => ({ row: i.row - NEW_ROW_BASE, column: i.column, reason: i.message })),
    codes,
  };
}

/**
 * Which sheets a CSV file can be imported into, which of their columns the file must have, how
 * a file's header row is matched to the table's columns, and how a field's text becomes a cell
 * value (dates, numbers, list values).
 */
import { excelSerialToIso, parseDateText, type IsoDate } from "../dates/isoDate";
import { columnLayout, type ColumnLayout } from "../register/layout";
import {
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
  STEPS,
  V1_SHEETS,
  type SheetKey,
} from "../register/schema";
import { makeListMatcher, matchKey } from "../text";

/** A value of an imported cell: text, a number, a date, or empty. */
export type ImportValue = string | number | { readonly date: IsoDate } | null;

/**
 * Sheets that take imported rows. «Настройки» (parameters, not rows), «Регламент» (one row per
 * step) and «Журнал» (written by the program only) do not.
 */
export const IMPORT_SHEETS: readonly SheetKey[] = V1_SHEETS.filter((key) => key !== "settings");

/** The columns a CSV file for a sheet must have: without them a row means nothing. */
export const IMPORT_REQUIRED: Readonly<Partial<Record<SheetKey, readonly string[]>>> = {
  cases: ["Код", "Фамилия", "Имя"],
  families: ["Код семьи"],
  actions: ["Код", "Мероприятие"],
  assistance: ["Код", "Дата", "Вид помощи"],
  activities: ["Код", "Вид"],
  service: ["Дата", "Вид работы"],
  passport: ["Класс"],
  signals: ["Дата"],
};

/** The column whose value is unique on the sheet, where there is one («Соцпаспорт»: a row a class). */
export const UNIQUE_COLUMN: Readonly<Partial<Record<SheetKey, string>>> = {
  cases: "Код",
  families: "Код семьи",
  passport: "Класс",
};

/** The importable sheet named `name` (case, spacing, ё/е and look-alikes ignored), or null. */
export function importSheetKey(name: string): SheetKey | null {
  const key = matchKey(name);
  return IMPORT_SHEETS.find((k) => matchKey(SHEET[k]) === key) ?? null;
}

/** The names of the importable sheets, for messages. */
export function importSheetNames(): string {
  return IMPORT_SHEETS.map((k) => `«${SHEET[k]}»`).join(", ");
}

/** Whether `key` is a sheet of the contract (used to tell contract columns from user columns). */
export function isContractSheet(key: string): key is SheetKey {
  return (SHEET_ORDER as readonly string[]).includes(key);
}

/** A column of the file matched to a column of the table (null: matched to nothing). */
export interface ImportColumn {
  /** Position in the file's records. */
  readonly index: number;
  /** The header as written in the file. */
  readonly header: string;
  /** The table column it fills: the contract's name, or a user column as the table spells it. */
  readonly column: string | null;
}

/**
 * Matches the file's headers to the sheet's columns: first the contract's columns (version 2
 * included, so a version-1 register gets them on its upgrade), then the table's own columns.
 * Case, spacing, ё/е and Latin look-alike letters are ignored.
 */
export function matchHeaders(
  sheet: SheetKey,
  fileHeaders: readonly string[],
  tableHeaders: readonly string[]
): ImportColumn[] {
  const known = new Map<string, string>();
  for (const c of SHEET_COLUMNS[sheet]) {
    known.set(matchKey(c), c);
  }
  for (const h of tableHeaders) {
    const k = matchKey(h);
    if (k !== "" && !known.has(k)) {
      known.set(k, h.trim());
    }
  }
  return fileHeaders.map((header, index) => ({
    index,
    header,
    column: known.get(matchKey(header)) ?? null,
  }));
}

const stepMatcher = makeListMatcher(STEPS.map((s) => s.title));

/** The conversion of a field: a value, or a Russian reason why the text is not one. */
export type Converted =
  | { readonly ok: true; readonly value: ImportValue }
  | { readonly ok: false; readonly reason: string };

const NUMBER_RE = /^[+-]?\d+(?:[.,]\d+)?$/;
const SERIAL_RE = /^\d{1,6}(?:[.,]\d+)?$/;
/**
 * Serial numbers are taken for dates from 1950 on: a year typed alone («2012») or a small number
 * would otherwise become a day of 1900–1905 without a word.
 */
const SERIAL_FROM = "1950-01-01";

const layouts = new Map<string, ColumnLayout | null>();

/** The layout (kind, list) of a contract column; user columns are text (null). */
export function layoutOf(sheet: SheetKey, column: string): ColumnLayout | null {
  const key = `${sheet}\u0000${column}`;
  let layout = layouts.get(key);
  if (layout === undefined) {
    layout = SHEET_COLUMNS[sheet].includes(column) ? columnLayout(column) : null;
    layouts.set(key, layout);
  }
  return layout;
}

/** «'=1+1» → «=1+1»: the apostrophe our CSV export puts before text that looks like a formula. */
export function unquoteFormulaText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * A field of the file as the cell value of `column`: dates (ДД.ММ.ГГГГ, ГГГГ-ММ-ДД, an Excel
 * serial number), numbers, list values in the contract's spelling; other text as it is (only
 * our export's apostrophe before a formula-like text is taken off). Empty → null.
 */
export function convertField(sheet: SheetKey, column: string, text: string): Converted {
  return fieldConverter(sheet, column)(text);
}

/** `convertField` for one column, with the column's layout looked up once (10 000 rows). */
export function fieldConverter(sheet: SheetKey, column: string): (text: string) => Converted {
  const layout = layoutOf(sheet, column);
  return (text) => convertText(layout, column, text);
}

function convertText(layout: ColumnLayout | null, column: string, text: string): Converted {
  if (text.trim() === "") {
    return { ok: true, value: null };
  }
  const t = text.trim();
  if (column === "Код" || column === "Код семьи") {
    return { ok: true, value: t };
  }
  if (!layout) {
    return { ok: true, value: unquoteFormulaText(text) };
  }
  if (layout.kind === "date") {
    const date = parseDateText(t);
    if (date) {
      return { ok: true, value: { date } };
    }
    if (SERIAL_RE.test(t)) {
      const serial = excelSerialToIso(Number(t.replace(",", ".")));
      if (serial && serial >= SERIAL_FROM) {
        return { ok: true, value: { date: serial } };
      }
    }
    const looksLikeDate = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$|^(\d{4})-(\d{2})-(\d{2})$/.test(t);
    return {
      ok: false,
      reason: looksLikeDate
        ? `такой даты нет в календаре`
        : `не дата; укажите дату в виде ДД.ММ.ГГГГ (например, 05.09.2026) или ГГГГ-ММ-ДД`,
    };
  }
  if (layout.kind === "number") {
    const compact = t.replace(/[\s\u00a0\u202f]/g, "");
    if (NUMBER_RE.test(compact)) {
      const n = Number(compact.replace(",", "."));
      if (Number.isFinite(n) && n >= 0) {
        return { ok: true, value: n };
      }
    }
    return { ok: false, reason: "ожидается неотрицательное число" };
  }
  if (column === "Уровень" && (t === "1" || t === "2")) {
    return { ok: true, value: Number(t) };
  }
  if (layout.list && column !== "Социальный статус" && column !== "Уровень") {
    const found = (column === "Шаг" ? stepMatcher : listMatcher(layout.list))(t);
    if (found) {
      return { ok: true, value: found };
    }
    if (layout.strictList) {
      return {
        ok: false,
        reason: `нет в списке значений столбца; допустимы: ${layout.list.map((v) => `«${v}»`).join(", ")}`,
      };
    }
  }
  return { ok: true, value: unquoteFormulaText(text) };
}

const matchers = new Map<readonly string[], (text: string) => string | null>();

function listMatcher(list: readonly string[]): (text: string) => string | null {
  let m = matchers.get(list);
  if (!m) {
    m = makeListMatcher(list);
    matchers.set(list, m);
  }
  return m;
}

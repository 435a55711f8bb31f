/**
 * Bringing a register to contract version 2 inside an opened package (workbook.md «Contract
 * version 2»): the new columns appended to their tables, the new settings appended to
 * «Настройки», the quarter dates made date cells, «Регламент» and «Журнал» created. The user's
 * own columns, their order and every value stay as they are. Used by `vshu upgrade` and by
 * every command's first write (registerUpdate.ts).
 */
import { parseDateText, excelSerialToIso } from "../../core/dates/isoDate";
import { columnLayout } from "../../core/register/layout";
import { defaultRegulationRows } from "../../core/register/regulation";
import {
  CONTRACT_VERSION,
  DEFAULT_REGION,
  QUARTERS,
  SETTING,
  SHEET,
  SHEET_COLUMNS,
  TABLE_NAME,
  V2_COLUMNS,
  V2_SETTINGS_PARAMS,
  quarterParam,
  type SheetKey,
} from "../../core/register/schema";
import { matchKey } from "../../core/text";
import { appendColumns, type NewColumn } from "./patch/appendColumns";
import { appendRows } from "./patch/appendRows";
import type { NewSheetColumn } from "./patch/addSheet";
import { addSheet } from "./patch/addSheet";
import { PatchError, type WorkbookEditor } from "./patch/book";
import { readColumn, setCell, setParameters } from "./patch/cells";
import type { PatchValue } from "./patch/values";

/** The version the register says it is: «Версия книги», 1 when absent. */
export function registerVersion(book: WorkbookEditor): number {
  const params = readColumn(book, SHEET.settings, "Параметр");
  const values = readColumn(book, SHEET.settings, "Значение");
  const at = params.find(
    (p) => typeof p.value === "string" && matchKey(p.value) === matchKey(SETTING.version)
  );
  if (!at) {
    return 1;
  }
  const v = values.find((x) => x.row === at.row)?.value ?? null;
  const n =
    typeof v === "number"
      ? v
      : Number(
          String(v ?? "")
            .trim()
            .replace(",", ".")
        );
  if (v === null || String(v).trim() === "") {
    return 1;
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new PatchError(
      `лист «${SHEET.settings}», строка ${at.row}, столбец «Значение»: версия книги «${String(v)}» — должно быть целое число (1 или ${CONTRACT_VERSION})`
    );
  }
  return n;
}

/** Refuses a register written by a newer program. */
export function requireKnownVersion(book: WorkbookEditor): number {
  const version = registerVersion(book);
  if (version > CONTRACT_VERSION) {
    throw new PatchError(
      `книга учёта версии ${version} создана более новой версией ВШУ (эта программа знает версии до ${CONTRACT_VERSION}); обновите программу, книгу не меняйте`
    );
  }
  return version;
}

/** A new sheet's column from the register's layout. */
export function sheetColumn(header: string, sheet: SheetKey): NewSheetColumn {
  const l = columnLayout(header);
  const journalCodes = sheet === "journal" && header === "Код";
  return {
    header,
    width: journalCodes ? 30 : l.width,
    kind: l.kind === "date" ? (l.withTime ? "dateTime" : "date") : l.kind,
    ...(l.wrap || journalCodes ? { wrap: true } : {}),
    ...(l.list ? { list: { values: l.list, strict: l.strictList ?? false } } : {}),
  };
}

function newColumn(header: string): NewColumn {
  const l = columnLayout(header);
  return {
    header,
    width: l.width,
    kind: l.kind,
    ...(l.list ? { list: { values: l.list, strict: l.strictList ?? false } } : {}),
    ...(l.hint ? { hint: l.hint } : {}),
  };
}

/**
 * Adds a version-2 sheet, or checks that the sheet of that name is the register's: "created",
 * "filled" (an empty sheet got its default rows) or null (nothing to do).
 */
function ensureSheet(
  book: WorkbookEditor,
  key: SheetKey,
  rows: readonly Record<string, PatchValue>[]
): "created" | "filled" | null {
  const name = SHEET[key];
  const ref = book.findSheet(name);
  if (!ref) {
    if (book.allSheetNames().some((n) => matchKey(n) === matchKey(name))) {
      throw new PatchError(
        `в книге есть лист «${name}», но это не лист с таблицей; переименуйте его и повторите`
      );
    }
    addSheet(book, {
      name,
      tableName: TABLE_NAME[key],
      columns: SHEET_COLUMNS[key].map((h) => sheetColumn(h, key)),
      rows,
    });
    return "created";
  }
  const table = book.tables(ref)[0];
  const have = new Set((table?.columns() ?? []).map((c) => matchKey(c.name)));
  const missing = SHEET_COLUMNS[key].filter((h) => !have.has(matchKey(h)));
  if (!table || missing.length > 0) {
    throw new PatchError(
      `в книге есть лист «${name}», но ${table ? `в его таблице нет столбцов ${missing.map((h) => `«${h}»`).join(", ")}` : "он не оформлен как таблица"}; переименуйте этот лист (ВШУ создаст свой) и повторите`
    );
  }
  // An empty sheet (made by an early `vshu init`) gets the default rows: the same periods
  // apply either way, and the user sees what they can change.
  if (
    rows.length > 0 &&
    readColumn(book, name, SHEET_COLUMNS[key][0] ?? "").every((c) => c.value === null)
  ) {
    appendRows(book, name, rows);
    return "filled";
  }
  return null;
}

/** A quarter date kept as a number or as text, as a date (null when it is neither). */
function quarterDate(value: string | number | boolean | null): string | null {
  if (typeof value === "number") {
    return excelSerialToIso(value);
  }
  return typeof value === "string" ? parseDateText(value) : null;
}

/**
 * Brings the register in `book` to version 2; returns what was done, in Russian, one line per
 * step (empty: it already was version 2 in every part).
 */
export function upgradeToV2(book: WorkbookEditor): string[] {
  const version = requireKnownVersion(book);
  const done: string[] = [];
  for (const [key, headers] of Object.entries(V2_COLUMNS) as [SheetKey, readonly string[]][]) {
    const ref = book.findSheet(SHEET[key]);
    if (!ref) {
      throw new PatchError(`в книге нет листа «${SHEET[key]}»`);
    }
    const have = new Set(
      book
        .mainTable(ref)
        .columns()
        .map((c) => matchKey(c.name))
    );
    const missing = headers.filter((h) => !have.has(matchKey(h)));
    if (missing.length > 0) {
      appendColumns(book, SHEET[key], missing.map(newColumn));
      done.push(`лист «${ref.name}»: добавлены столбцы ${missing.map((h) => `«${h}»`).join(", ")}`);
    }
  }

  const params = readColumn(book, SHEET.settings, "Параметр");
  const present = new Set(
    params
      .map((p) => (typeof p.value === "string" ? matchKey(p.value) : ""))
      .filter((k) => k !== "")
  );
  const defaults = new Map<string, PatchValue>([
    [SETTING.version, CONTRACT_VERSION],
    [SETTING.region, DEFAULT_REGION],
  ]);
  const added = V2_SETTINGS_PARAMS.filter((p) => !present.has(matchKey(p)));
  setParameters(
    book,
    SHEET.settings,
    V2_SETTINGS_PARAMS.map((p) => [p, defaults.get(p) ?? null] as const),
    (p) => p === SETTING.version && version < CONTRACT_VERSION
  );
  if (added.length > 0) {
    done.push(
      `лист «${SHEET.settings}»: добавлены параметры ${added.map((p) => `«${p}»`).join(", ")}`
    );
  }
  if (version < CONTRACT_VERSION && present.has(matchKey(SETTING.version))) {
    done.push(`лист «${SHEET.settings}»: «${SETTING.version}» = ${CONTRACT_VERSION}`);
  }

  const values = new Map(readColumn(book, SHEET.settings, "Значение").map((v) => [v.row, v]));
  const converted: string[] = [];
  for (const q of QUARTERS) {
    for (const edge of ["from", "to"] as const) {
      const name = quarterParam(q, edge);
      const row = params.find(
        (p) => typeof p.value === "string" && matchKey(p.value) === matchKey(name)
      )?.row;
      const cell = row === undefined ? undefined : values.get(row);
      if (row === undefined || !cell || cell.value === null) {
        continue;
      }
      if (typeof cell.value === "number" && cell.dateFormat) {
        continue;
      }
      const date = quarterDate(cell.value);
      if (date) {
        setCell(book, SHEET.settings, row, "Значение", { date });
        converted.push(name);
      }
    }
  }
  if (converted.length > 0) {
    done.push(`лист «${SHEET.settings}»: даты четвертей записаны как даты (ДД.ММ.ГГГГ)`);
  }

  const regulation = ensureSheet(book, "regulation", defaultRegulationRows());
  if (regulation === "created") {
    done.push(`создан лист «${SHEET.regulation}» со сроками по умолчанию`);
  } else if (regulation === "filled") {
    done.push(`лист «${SHEET.regulation}» заполнен сроками по умолчанию`);
  }
  if (ensureSheet(book, "journal", []) === "created") {
    done.push(`создан лист «${SHEET.journal}»`);
  }
  return done;
}

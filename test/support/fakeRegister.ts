/**
 * Registers laid into the fake Excel as a saved workbook would hold them (tables by contract
 * name, dates as serial numbers shown ДД.ММ.ГГГГ, text columns formatted as text), for the
 * adapter's tests and the add-in benchmark: a small one with shuffled columns and a user
 * column, and a seeded large one (10 000 episodes).
 */
import { isoToExcelSerial } from "../../src/core/dates/isoDate";
import { defaultSettings } from "../../src/core/register/defaults";
import { columnLayout } from "../../src/core/register/layout";
import {
  DEFAULT_REGION,
  SETTING,
  V2_SETTINGS_PARAMS,
  V2_SHEETS,
  requiredColumns,
  type SheetKey,
} from "../../src/core/register/schema";
import type { LayoutKey } from "../../src/excel/gateway";
import { columnsOf, LAYOUT_KEYS, sheetNameOf, tableNameOf } from "../../src/excel/tables";
import { parseAddress, type FakeExcel } from "./fakeExcel";
import { largeRegisterRows, type SeedValue } from "./largeRegister";

export { largeRegisterRows };

export type { SeedValue } from "./largeRegister";
export type SeedRows = Partial<Record<LayoutKey, Record<string, SeedValue>[]>>;

export interface SeedOptions {
  /** Column order per table (default: the contract's); extra headers are the user's columns. */
  readonly headers?: Partial<Record<LayoutKey, readonly string[]>>;
  /** Cell (A1 style) where each table starts; default A1. */
  readonly at?: Partial<Record<LayoutKey, string>>;
  /**
   * The contract version laid out: 2 (default) or 1 — no «Регламент», «Журнал», version-2
   * columns or parameters, as a register made before version 2.
   */
  readonly version?: 1 | 2;
}

/** A seed value as the cell holds it; a date as its serial in the workbook's date system. */
function toCell(v: SeedValue | undefined, date1904: boolean): string | number | null {
  if (v === null || v === undefined) {
    return null;
  }
  if (typeof v === "object") {
    return isoToExcelSerial(v.date) - (date1904 ? 1462 : 0);
  }
  return v;
}

/**
 * Settings rows of a new register for the school year starting in `startYear`: version 2 by
 * default («Версия книги» 2, «Регион»), or version 1 (no version-2 parameters) when asked.
 */
export function settingsRows(startYear = 2026, version: 1 | 2 = 2): Record<string, SeedValue>[] {
  const rows: Record<string, SeedValue>[] = defaultSettings({
    school: "Школа № 1",
    district: "Кызыл",
    startYear,
  }).map(([p, v]) => ({ Параметр: p, Значение: v }));
  const listed = new Set(rows.map((r) => String(r["Параметр"])));
  if (version === 2) {
    for (const p of V2_SETTINGS_PARAMS.filter((x) => !listed.has(x))) {
      rows.push({
        Параметр: p,
        Значение: p === SETTING.version ? 2 : p === SETTING.region ? DEFAULT_REGION : null,
      });
    }
  }
  return version === 2
    ? rows
    : rows.filter((r) => !V2_SETTINGS_PARAMS.includes(String(r["Параметр"])));
}

/** Lays every table of the register into the fake workbook. */
export function seedRegister(fake: FakeExcel, rows: SeedRows = {}, opts: SeedOptions = {}): void {
  const v1 = opts.version === 1;
  for (const key of LAYOUT_KEYS) {
    if (v1 && key !== "calendar" && V2_SHEETS.includes(key)) {
      continue;
    }
    const headers =
      opts.headers?.[key] ?? (v1 && key !== "calendar" ? requiredColumns(key) : columnsOf(key));
    const data =
      key === "settings" ? (rows.settings ?? settingsRows(2026, v1 ? 1 : 2)) : (rows[key] ?? []);
    const formats = headers.map((h) => {
      const kind = columnLayout(h).kind;
      return kind === "date" ? "dd.mm.yyyy" : kind === "text" ? "@" : null;
    });
    const body =
      data.length > 0
        ? data.map((r) => headers.map((h) => toCell(r[h], fake.model.date1904)))
        : [headers.map(() => null)];
    fake.seed(sheetNameOf(key), [[...headers], ...body], {
      table: tableNameOf(key),
      formats,
      ...(opts.at?.[key] ? { at: opts.at[key] } : {}),
    });
    // A date given as a date is a date cell (shown ДД.ММ.ГГГГ) in any column, as in a saved
    // register of version 2: «Настройки»' quarter dates in the text column «Значение» too (a
    // version-1 register kept them as numbers under the text format, which the upgrade fixes).
    if (v1) {
      continue;
    }
    const at = parseAddress(opts.at?.[key] ?? "A1");
    const sheet = fake.model.findSheet(sheetNameOf(key));
    data.forEach((r, i) =>
      headers.forEach((h, j) => {
        const v = r[h];
        if (v !== null && typeof v === "object") {
          sheet?.setFormat(at.top + 1 + i, at.left + j, "dd.mm.yyyy");
        }
      })
    );
  }
}

export type { SheetKey };

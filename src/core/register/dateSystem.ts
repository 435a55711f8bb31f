/**
 * The 1904 date system at the edge of a reader. A workbook's serial numbers count days from
 * 1899-12-30 in the 1900 system (Excel for Windows, and for Mac since 2011) and from 1904-01-01
 * in the 1904 system, 1462 fewer for the same date. The core reads numbers as 1900 serials, so
 * an adapter that knows a workbook is in the 1904 system (the add-in asks Excel; the command
 * line reads `workbookPr/@date1904`) turns its date cells into dates here before parsing.
 */
import { excelSerialToIso } from "../dates/isoDate";
import { matchKey } from "../text";
import { columnLayout } from "./layout";
import type { Cell, RawTable } from "./model";
import {
  CALENDAR_COLUMNS,
  JOURNAL_COLUMNS,
  SETTINGS_COLUMNS,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
} from "./schema";

export type DateSystem = 1900 | 1904;

/** Serial of 1904-01-01 in the 1900 system (0 in the 1904 system). */
export const DAYS_1904 = 1462;

/** «I четверть с», «IV четверть по»: the quarter dates of «Настройки». */
export const QUARTER_PARAM = /четверть\s+(с|по)$/i;

/** Headers (matchKey) of the register's date columns, «Журнал»'s «Когда» included. */
const DATE_HEADERS: ReadonlySet<string> = new Set(
  [...SHEET_ORDER.flatMap((key) => SHEET_COLUMNS[key]), ...CALENDAR_COLUMNS, ...JOURNAL_COLUMNS]
    .filter((h) => h === "Когда" || columnLayout(h).kind === "date")
    .map(matchKey)
);

/** A number of a 1904 workbook's date cell as a date; other cells as they are. */
function from1904(cell: Cell): Cell {
  if (typeof cell !== "number") {
    return cell;
  }
  const iso = excelSerialToIso(cell + DAYS_1904);
  return iso === null ? cell : { date: iso };
}

/**
 * The raw tables of a 1904 workbook with its date cells as dates (`{ date }`), so the core,
 * which reads numbers as 1900 serials, sees the dates the user sees: the date columns of every
 * sheet and the quarter dates of «Настройки». A 1900 workbook's tables are returned as they are.
 */
export function rawTablesIn1900(
  sheets: ReadonlyMap<string, RawTable>,
  system: DateSystem
): Map<string, RawTable> {
  if (system === 1900) {
    return new Map(sheets);
  }
  const out = new Map<string, RawTable>();
  for (const [name, table] of sheets) {
    const isSettings = matchKey(name) === matchKey(SHEET.settings);
    const dated = table.headers.map((h) => DATE_HEADERS.has(matchKey(h)));
    const p = table.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[0]));
    const v = table.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[1]));
    out.set(name, {
      ...table,
      rows: table.rows.map((r) => {
        const quarter = isSettings && p >= 0 && QUARTER_PARAM.test(String(r.cells[p] ?? "").trim());
        return {
          ...r,
          cells: r.cells.map((c, i) =>
            dated[i] === true || (quarter && i === v) ? from1904(c) : c
          ),
        };
      }),
    });
  }
  return out;
}

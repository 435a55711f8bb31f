/**
 * The upgrade's two halves that touch cells (upgrade.ts runs them): what the first sync reads
 * — each table's header row and the cells right of it where the new columns go, «Настройки»
 * as it is now — and how its answers are judged; and the queued appending of the columns with
 * their formats and lists in the batch of writes.
 */
import { parseDateText } from "../core/dates/isoDate";
import { columnLayout } from "../core/register/layout";
import { CONTRACT_VERSION, SETTING, SETTINGS_COLUMNS } from "../core/register/schema";
import { matchKey } from "../core/text";
import { blockAddress, parseRangeAddress, type Block } from "./address";
import { serialToIso, sheetValue } from "./dateSystem";
import type { HostCapabilities, TableLayout } from "./gateway";
import { queueColumn } from "./sheetLayout";
import { DATE_FORMAT, TEXT_FORMAT, dateCell, numberCell } from "./textSafe";
import { QUARTER_PARAM, type ColumnAdd } from "./upgradePlan";

/** What the first sync found of one table that gets columns. */
export interface ColumnProbe {
  readonly layout: TableLayout;
  readonly adds: readonly ColumnAdd[];
  readonly header: Excel.Range;
  /** The whole table (null for a sheet without a table: the snapshot's block is used). */
  readonly whole: Excel.Range | null;
  /** The cells right of the table where the new columns go. */
  readonly strip: Excel.Range;
  /** The tables of its sheet (an Excel table further right in its rows may be in the way). */
  readonly sheetTables: Excel.TableCollection | null;
}

/** Another table of the sheet, its range loaded in the next sync. */
export interface Neighbour {
  readonly probe: ColumnProbe;
  readonly name: string;
  readonly range: Excel.Range;
}

export function blockOf(layout: TableLayout): Block {
  return {
    top: layout.headerRow,
    bottom: layout.headerRow + layout.bodyRows,
    left: layout.left,
    right: layout.left + layout.headers.length - 1,
  };
}

export function queueColumnProbe(
  context: Excel.RequestContext,
  layout: TableLayout,
  adds: readonly ColumnAdd[]
): ColumnProbe {
  const n = adds.length;
  if (layout.table !== null) {
    const table = context.workbook.tables.getItem(layout.table);
    const whole = table.getRange();
    whole.load("address");
    const strip = whole
      .getLastColumn()
      .getOffsetRange(0, 1)
      .getResizedRange(0, n - 1);
    strip.load("address, formulas");
    const sheetTables = context.workbook.worksheets.getItem(layout.sheet).tables;
    sheetTables.load("items/name");
    return {
      layout,
      adds,
      header: table.getHeaderRowRange().load("values"),
      whole,
      strip,
      sheetTables,
    };
  }
  const b = blockOf(layout);
  const ws = context.workbook.worksheets.getItem(layout.sheet);
  const header = ws.getRange(blockAddress({ ...b, bottom: b.top })).load("values");
  const strip = ws.getRange(blockAddress({ ...b, left: b.right + 1, right: b.right + n }));
  strip.load("address, formulas");
  return { layout, adds, header, whole: null, strip, sheetTables: null };
}

/** After the first sync: queues the ranges of the other tables on the sheets getting columns. */
export function queueNeighbours(
  context: Excel.RequestContext,
  probes: readonly ColumnProbe[]
): Neighbour[] {
  const out: Neighbour[] = [];
  for (const probe of probes) {
    for (const t of probe.sheetTables?.items ?? []) {
      if (matchKey(t.name) !== matchKey(probe.layout.table ?? "")) {
        const range = context.workbook.tables.getItem(t.name).getRange();
        range.load("address");
        out.push({ probe, name: t.name, range });
      }
    }
  }
  return out;
}

/**
 * Throws when the cells the new columns take hold something, or when another Excel table
 * right of the table reaches above or below its rows (Excel cannot shift part of a table);
 * drops columns already there.
 */
export function checkColumns(
  probes: readonly ColumnProbe[],
  neighbours: readonly Neighbour[]
): ColumnProbe[] {
  for (const n of neighbours) {
    const own = n.probe.whole ? parseRangeAddress(n.probe.whole.address)?.block : null;
    const other = parseRangeAddress(n.range.address)?.block;
    if (!own || !other || other.right <= own.right) {
      continue;
    }
    const overlaps = other.top <= own.bottom && other.bottom >= own.top;
    const inside = other.top >= own.top && other.bottom <= own.bottom;
    if (overlaps && !inside) {
      const where = n.range.address.split("!")[1] ?? n.range.address;
      throw new Error(
        `Книга не обновлена: на листе «${n.probe.layout.sheet}» справа от таблицы учёта стоит таблица «${n.name}» (${where}), а новый столбец сдвинул бы часть её строк. Перенесите её ниже или на другой лист и повторите — ничего не изменено.`
      );
    }
  }
  const out: ColumnProbe[] = [];
  for (const p of probes) {
    const headers = ((p.header.values[0] ?? []) as unknown[]).map((v) => matchKey(String(v ?? "")));
    const adds = p.adds.filter((a) => !headers.includes(matchKey(a.header)));
    if (adds.length === 0) {
      continue;
    }
    const used = p.strip.formulas.some((row) => row.some((v) => v !== "" && v !== null));
    if (used) {
      const where = p.strip.address.split("!")[1] ?? p.strip.address;
      const names = adds.map((a) => `«${a.header}»`).join(", ");
      throw new Error(
        `Книга не обновлена: справа от таблицы листа «${p.layout.sheet}» есть записи (${where}), а туда встаёт новый столбец ${names}. Перенесите эти записи в другое место и повторите — ничего не изменено.`
      );
    }
    out.push({ ...p, adds });
  }
  return out;
}

/** The settings block as read now: its layout, values and formats. */
export interface SettingsNow {
  readonly layout: TableLayout;
  readonly values: unknown[][];
  readonly formats: unknown[][];
}

export function settingsNow(layout: TableLayout, range: Excel.Range): SettingsNow {
  const b = parseRangeAddress(range.address)?.block ?? blockOf(layout);
  const values = range.values as unknown[][];
  const headers = ((values[0] ?? []) as unknown[]).map((v) => String(v ?? "").trim());
  const bodyRows = b.bottom - b.top;
  const body = values.slice(1);
  return {
    layout: {
      ...layout,
      headers,
      headerRow: b.top,
      left: b.left,
      bodyRows,
      onlyBlankRow:
        layout.table !== null &&
        bodyRows === 1 &&
        (body[0] ?? []).every((v) => v === "" || v === null),
    },
    values: body,
    formats: (range.numberFormat as unknown[][]).slice(1),
  };
}

/** The cells of «Настройки» the upgrade rewrites: quarter dates and «Версия книги». */
export function settingsFixes(now: SettingsNow): {
  cells: { row: number; value: string | number; format: string; version: boolean }[];
  dates: string[];
  versionSet: boolean;
  present: Set<string>;
} {
  const p = now.layout.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[0]));
  const v = now.layout.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[1]));
  const cells: { row: number; value: string | number; format: string; version: boolean }[] = [];
  const dates: string[] = [];
  const present = new Set<string>();
  let versionSet = false;
  now.values.forEach((row, i) => {
    const name = String(row[p] ?? "").trim();
    present.add(matchKey(name));
    const value = row[v];
    const format = String(now.formats[i]?.[v] ?? "");
    const sheetRow = now.layout.headerRow + 2 + i;
    if (QUARTER_PARAM.test(name)) {
      const iso =
        typeof value === "number"
          ? serialToIso(value, now.layout.dateSystem ?? 1900)
          : typeof value === "string"
            ? parseDateText(value.trim())
            : null;
      if (iso !== null && (typeof value === "string" || format !== DATE_FORMAT)) {
        const cell = dateCell(iso);
        cells.push({
          row: sheetRow,
          value: sheetValue(cell, now.layout.dateSystem) as number,
          format: cell.format,
          version: false,
        });
        dates.push(name);
      }
    } else if (matchKey(name) === matchKey(SETTING.version) && value !== CONTRACT_VERSION) {
      const cell = numberCell(CONTRACT_VERSION);
      cells.push({
        row: sheetRow,
        value: cell.value as number,
        format: cell.format,
        version: true,
      });
      versionSet = true;
    }
  });
  return { cells, dates, versionSet, present };
}

/** Queues the new columns of one table (or plain sheet), with their formats and lists. */
export function queueColumns(
  context: Excel.RequestContext,
  p: ColumnProbe,
  caps: HostCapabilities
): void {
  const whole = p.whole ? parseRangeAddress(p.whole.address)?.block : null;
  const b = whole ?? blockOf(p.layout);
  const ws = context.workbook.worksheets.getItem(p.layout.sheet);
  p.adds.forEach((a, i) => {
    const column = b.right + 1 + i;
    if (p.layout.table !== null) {
      context.workbook.tables.getItem(p.layout.table).columns.add(undefined, undefined, a.header);
    } else {
      const header = ws.getRange(
        blockAddress({ top: b.top, bottom: b.top, left: column, right: column })
      );
      header.numberFormat = [[TEXT_FORMAT]];
      header.values = [[a.header]];
    }
    queueColumn(ws, columnLayout(a.header), column, b.top + 1, b.bottom, caps);
  });
}

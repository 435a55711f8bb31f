/**
 * Reading the register through Office.js: each contract sheet's table is found by its Excel
 * name (`tblCases`, … see TABLE_NAME), else by its sheet name and the sheet's first table,
 * else (a sheet typed by hand) by the first row that holds half of the contract's headers.
 * Columns are matched by header, so their order is free and extra columns are kept.
 *
 * A table is read as its header row and its data body (`getHeaderRowRange`,
 * `getDataBodyRange`), never as `getRange()`: a totals row («Строка итогов») is not data. A
 * sheet without a table is read within its used range by values (`getUsedRange(true)`,
 * ExcelApi 1.2; on ExcelApi 1.1 the used range, formatting included), so cells that only
 * carry a format are not rows.
 *
 * Syncs: 1 for the names of sheets and tables, 1 for the tables' addresses (plus 1 when a
 * sheet has a table under another name), then the values in blocks of at most
 * READ_CELLS_PER_SYNC cells each, so no response comes near Excel on the web's 5 MB limit
 * (a block that still hits it is split in two and read again).
 */
import type { Cell, RawRow, RawTable } from "../core/register/model";
import {
  CALENDAR_COLUMNS,
  CALENDAR_SHEET,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
  TABLE_NAME,
  V1_SHEETS,
} from "../core/register/schema";
import { matchKey } from "../core/text";
import { blockAddress, parseRangeAddress, type Block } from "./address";
import {
  queueDateSystemProbe,
  rawTablesIn1900,
  systemOfShownDates,
  UNKNOWN_DATE_SYSTEM_MESSAGE,
  type DateSystem,
} from "./dateSystem";
import type { HostCapabilities, LayoutKey, RegisterSnapshot, TableLayout } from "./gateway";
import { readGroups, planSlices, READ_CELLS_PER_SYNC, type ExcelValue } from "./readBlocks";

export { isPayloadLimit, READ_CELLS_PER_SYNC } from "./readBlocks";

export const CALENDAR_TABLE = "tblCalendar";

/** Every table the adapter reads, in order: the contract's sheets, then «Календарь». */
export const LAYOUT_KEYS: readonly LayoutKey[] = [...SHEET_ORDER, "calendar"];

export function sheetNameOf(key: LayoutKey): string {
  return key === "calendar" ? CALENDAR_SHEET : SHEET[key];
}

export function tableNameOf(key: LayoutKey): string {
  return key === "calendar" ? CALENDAR_TABLE : TABLE_NAME[key];
}

export function columnsOf(key: LayoutKey): readonly string[] {
  return key === "calendar" ? CALENDAR_COLUMNS : SHEET_COLUMNS[key];
}

/** Names of the sheets and tables of the workbook (1 sync). */
export async function loadNames(
  context: Excel.RequestContext
): Promise<{ sheets: string[]; tables: string[] }> {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  sheets.load("items/name");
  tables.load("items/name");
  await context.sync();
  return { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name) };
}

/**
 * A sheet's used range by values (`getUsedRange(true)`, ExcelApi 1.2): cells that only carry
 * formatting do not count. ExcelApi 1.1 has only the used range with formatting.
 */
export function usedRangeOf(
  sheet: Excel.Worksheet,
  caps: Pick<HostCapabilities, "excelApi">
): Excel.Range {
  return caps.excelApi >= 2 ? sheet.getUsedRange(true) : sheet.getUsedRange();
}

/** A table's header row and data body, their addresses loaded (never its totals row). */
interface TableParts {
  readonly header: Excel.Range;
  readonly body: Excel.Range;
}

function loadTableParts(context: Excel.RequestContext, table: string): TableParts {
  const t = context.workbook.tables.getItem(table);
  return {
    header: t.getHeaderRowRange().load("address"),
    body: t.getDataBodyRange().load("address"),
  };
}

/** After the sync: the sheet and the block from the header row to the body's last row. */
function partsBlock(parts: TableParts): { sheet: string | null; block: Block } | null {
  const header = parseRangeAddress(parts.header.address);
  const body = parseRangeAddress(parts.body.address);
  if (!header) {
    return null;
  }
  return {
    sheet: header.sheet,
    block: { ...header.block, bottom: Math.max(header.block.bottom, body?.block.bottom ?? 0) },
  };
}

/** The name in `names` that matches `wanted` ignoring case, spacing and look-alikes. */
export function findName(names: readonly string[], wanted: string): string | null {
  const key = matchKey(wanted);
  return names.find((n) => n === wanted) ?? names.find((n) => matchKey(n) === key) ?? null;
}

/** A workbook that is not a register: its sheets are not read. */
export class NotARegisterError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `В книге нет листов книги учёта: ${missing.map((m) => `«${m}»`).join(", ")}. Её данные не читаются. Создайте книгу учёта: «Учёт и сроки» → «Создать книгу учёта».`
    );
    this.name = "NotARegisterError";
  }
}

/**
 * Which sheets of a register are missing (neither the sheet nor its table exists): those of
 * version 1 — a version-1 register lacks «Регламент» and «Журнал» and is still a register.
 */
export function missingSheets(names: { sheets: string[]; tables: string[] }): string[] {
  return V1_SHEETS.filter(
    (key) =>
      findName(names.sheets, SHEET[key]) === null &&
      findName(names.tables, TABLE_NAME[key]) === null
  ).map((key) => SHEET[key]);
}

interface Source {
  readonly key: LayoutKey;
  sheet: string;
  table: string | null;
  block: Block | null;
  /** A sheet without a table: the header row is found in the first rows. */
  readonly byHeaders: boolean;
}

/** A value Excel returns as a register cell: "" (an empty cell) is null. */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined || v === "") {
    return null;
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
    return v;
  }
  return String(v);
}

/** The first of the first 30 rows holding at least half of the expected headers (as the CLI). */
function findHeaderRow(
  rows: readonly (readonly ExcelValue[])[],
  expected: readonly string[]
): number {
  const want = new Set(expected.map(matchKey));
  const need = Math.max(1, Math.ceil(want.size / 2));
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const score = (rows[i] ?? []).filter(
      (v) => typeof v === "string" && want.has(matchKey(v))
    ).length;
    if (score >= need) {
      return i;
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Reads every table of the register: the raw tables for `parseRegister` (keyed by the
 * contract's sheet names; dates of a 1904 workbook as dates, see dateSystem.ts) and the
 * snapshot of where each table is, for later writes. A workbook without the register's sheets
 * is not read beyond their names (NotARegisterError); a date system that cannot be known
 * (ExcelApi 1.1 without a quarter date on «Настройки») is a Russian error.
 */
export async function readRegisterTables(
  context: Excel.RequestContext,
  caps: Pick<HostCapabilities, "excelApi">,
  budget = READ_CELLS_PER_SYNC
): Promise<{ sheets: Map<string, RawTable>; snapshot: RegisterSnapshot }> {
  const probed = queueDateSystemProbe(context, caps);
  const names = await loadNames(context);
  const missing = missingSheets(names);
  if (missing.length > 0) {
    throw new NotARegisterError(missing);
  }
  const sources: Source[] = [];
  for (const key of LAYOUT_KEYS) {
    const table = findName(names.tables, tableNameOf(key));
    const sheet = findName(names.sheets, sheetNameOf(key));
    if (table !== null) {
      sources.push({ key, sheet: sheet ?? "", table, block: null, byHeaders: false });
    } else if (sheet !== null) {
      sources.push({ key, sheet, table: null, block: null, byHeaders: false });
    }
  }
  // Addresses: of each named table (header and body); of a sheet's tables and used range otherwise.
  const pending = sources.map((source) => {
    if (source.table !== null) {
      return { source, parts: loadTableParts(context, source.table), tables: null, used: null };
    }
    const tables = context.workbook.worksheets.getItem(source.sheet).tables;
    tables.load("items/name");
    const used = usedRangeOf(context.workbook.worksheets.getItem(source.sheet), caps);
    used.load("address");
    return { source, parts: null, tables, used };
  });
  await context.sync();
  const firstTables: { source: Source; parts: TableParts }[] = [];
  for (const p of pending) {
    if (p.parts) {
      const parsed = partsBlock(p.parts);
      p.source.block = parsed?.block ?? null;
      p.source.sheet = parsed?.sheet ?? p.source.sheet;
    } else if (p.tables && p.used) {
      const first = p.tables.items[0];
      if (first) {
        p.source.table = first.name;
        firstTables.push({ source: p.source, parts: loadTableParts(context, first.name) });
      } else {
        p.source.block = parseRangeAddress(p.used.address)?.block ?? null;
        (p.source as { byHeaders: boolean }).byHeaders = true;
      }
    }
  }
  if (firstTables.length > 0) {
    await context.sync();
    for (const f of firstTables) {
      f.source.block = partsBlock(f.parts)?.block ?? null;
    }
  }
  // ExcelApi 1.1 cannot be asked: the date system from the text Excel shows for the dates of
  // «Настройки» and of the first rows of «Учёт» (1 sync).
  let system: DateSystem | null = probed();
  if (system === null) {
    const shown = sources
      .filter((x) => x.key === "settings" || x.key === "cases")
      .flatMap((x) =>
        x.block === null
          ? []
          : [
              context.workbook.worksheets
                .getItem(x.sheet)
                .getRange(
                  blockAddress({ ...x.block, bottom: Math.min(x.block.bottom, x.block.top + 50) })
                )
                .load("values, text"),
            ]
      );
    await context.sync();
    system = shown.reduce<DateSystem | null>(
      (found, r) => found ?? systemOfShownDates(r.values, r.text),
      null
    );
  }
  if (system === null) {
    throw new Error(UNKNOWN_DATE_SYSTEM_MESSAGE);
  }
  const rowsBySource = new Map<Source, Map<number, ExcelValue[]>>();
  await readGroups(context, planSlices(sources, budget), rowsBySource);

  const sheets = new Map<string, RawTable>();
  const tables: Partial<Record<LayoutKey, TableLayout>> = {};
  for (const source of sources) {
    const b = source.block;
    const got = rowsBySource.get(source);
    if (!b || !got) {
      continue;
    }
    const rows: ExcelValue[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      rows.push(got.get(r) ?? []);
    }
    const headerIndex = source.byHeaders ? findHeaderRow(rows, columnsOf(source.key)) : 0;
    if (headerIndex < 0) {
      sheets.set(sheetNameOf(source.key), { headers: [], rows: [] });
      continue;
    }
    const headers = (rows[headerIndex] ?? []).map((v) => String(v ?? "").trim());
    const body: RawRow[] = rows.slice(headerIndex + 1).map((cells, i) => ({
      row: b.top + headerIndex + 2 + i,
      cells: cells.map(toCell),
    }));
    sheets.set(sheetNameOf(source.key), { headers, rows: body });
    tables[source.key] = {
      dateSystem: system,
      key: source.key,
      sheet: source.sheet,
      table: source.table,
      headers,
      headerRow: b.top + headerIndex,
      left: b.left,
      bodyRows: body.length,
      onlyBlankRow:
        source.table !== null &&
        body.length === 1 &&
        (body[0]?.cells ?? []).every((c) => c === null),
    };
  }
  return {
    sheets: rawTablesIn1900(sheets, system),
    snapshot: { tables, sheetNames: names.sheets, dateSystem: system },
  };
}

/**
 * Bringing the register to contract version 2 in the open workbook (upgradePlan.ts says what is
 * missing): «Обновить книгу до версии 2» in the pane, and the first write of the pane on a
 * version-1 register (`writable`), which upgrades first and says so.
 *
 * Syncs: 1 reads what is there now (names, «Настройки», each table's header row and the
 * column right of it) and writes nothing, so a refusal leaves the book as it was; (1 more only
 * when a sheet named «Регламент» or «Журнал» exists without its table: is it empty?); 1 batch
 * of writes — sheets, columns, quarter dates, parameters, «Версия книги» last, the «Журнал»
 * row. A batch cut short leaves «Версия книги» as it was, and the next upgrade adds only what is
 * still missing.
 */
import { excelSerialToIso, parseDateText } from "../core/dates/isoDate";
import { columnLayout } from "../core/register/layout";
import {
  CONTRACT_VERSION,
  SETTING,
  SETTINGS_COLUMNS,
  SHEET,
  TABLE_NAME,
  V2_SETTINGS_PARAMS,
  type SheetKey,
} from "../core/register/schema";
import { matchKey } from "../core/text";
import { blockAddress, parseRangeAddress, type Block } from "./address";
import { contentReason, probeContent, regulationBody, type ContentProbe } from "./createRegister";
import type {
  HostCapabilities,
  RegisterRead,
  TableLayout,
  UpgradeResult,
  UpgradeStatus,
  WriteOptions,
} from "./gateway";
import { patched } from "./readPatch";
import { queueAppend, type RowRecord } from "./rows";
import { needLayout, type GatewaySession } from "./session";
import { queueColumn, queueSheet } from "./sheetLayout";
import { findName } from "./tables";
import { DATE_FORMAT, TEXT_FORMAT, dateCell, numberCell, textCell } from "./textSafe";
import {
  newSettingCell,
  newSheetLayout,
  newerMessage,
  planUpgrade,
  QUARTER_PARAM,
  statusOf,
  upgradeBeforeWrite,
  upgradeNeeded,
  upgradedRead,
  type ColumnAdd,
  type UpgradePlan,
} from "./upgradePlan";

/** The upgrade status of the latest read (or of `read`). */
export async function upgradeStatus(
  s: GatewaySession,
  read?: RegisterRead
): Promise<UpgradeStatus> {
  return statusOf(planUpgrade(read ?? (await s.current()), await s.capabilities()));
}

/**
 * The read a write works against, after upgrading a version-1 (or incomplete) register where
 * this host can; refuses a register of a newer version.
 */
export async function writable(
  s: GatewaySession,
  opts?: Pick<WriteOptions, "read">
): Promise<{ read: RegisterRead; upgraded: UpgradeResult | null }> {
  const read = await s.current(opts);
  const plan = planUpgrade(read, await s.capabilities());
  if (plan.newer) {
    throw new Error(newerMessage(plan.version));
  }
  if (!upgradeBeforeWrite(plan, read) || plan.blocked !== null) {
    return { read, upgraded: null };
  }
  const upgraded = await runUpgrade(s, read, plan);
  return { read: s.last ?? (await s.readRegister()), upgraded };
}

/** «Обновить книгу до версии 2». */
export async function upgradeRegister(s: GatewaySession): Promise<UpgradeResult> {
  const read = await s.current();
  const plan = planUpgrade(read, await s.capabilities());
  if (plan.newer) {
    throw new Error(newerMessage(plan.version));
  }
  if (plan.blocked !== null) {
    throw new Error(plan.blocked);
  }
  if (!upgradeNeeded(plan)) {
    return {
      fromVersion: plan.version,
      columns: [],
      settings: [],
      dates: [],
      sheets: [],
      skipped: [],
    };
  }
  return runUpgrade(s, read, plan);
}

/** What the first sync found of one table that gets columns. */
interface ColumnProbe {
  readonly layout: TableLayout;
  readonly adds: readonly ColumnAdd[];
  readonly header: Excel.Range;
  /** The whole table (null for a sheet without a table: the snapshot's block is used). */
  readonly whole: Excel.Range | null;
  /** The cells right of the table where the new columns go. */
  readonly strip: Excel.Range;
}

function blockOf(layout: TableLayout): Block {
  return {
    top: layout.headerRow,
    bottom: layout.headerRow + layout.bodyRows,
    left: layout.left,
    right: layout.left + layout.headers.length - 1,
  };
}

function queueColumnProbe(
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
    return { layout, adds, header: table.getHeaderRowRange().load("values"), whole, strip };
  }
  const b = blockOf(layout);
  const ws = context.workbook.worksheets.getItem(layout.sheet);
  const header = ws.getRange(blockAddress({ ...b, bottom: b.top })).load("values");
  const strip = ws.getRange(blockAddress({ ...b, left: b.right + 1, right: b.right + n }));
  strip.load("address, formulas");
  return { layout, adds, header, whole: null, strip };
}

/** Throws when the cells the new columns take hold something; drops columns already there. */
function checkColumns(probes: readonly ColumnProbe[]): ColumnProbe[] {
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
interface SettingsNow {
  readonly layout: TableLayout;
  readonly values: unknown[][];
  readonly formats: unknown[][];
}

function settingsNow(layout: TableLayout, range: Excel.Range): SettingsNow {
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
function settingsFixes(now: SettingsNow): {
  cells: { row: number; value: string | number; format: string }[];
  dates: string[];
  versionSet: boolean;
  present: Set<string>;
} {
  const p = now.layout.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[0]));
  const v = now.layout.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[1]));
  const cells: { row: number; value: string | number; format: string }[] = [];
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
          ? excelSerialToIso(value)
          : typeof value === "string"
            ? parseDateText(value.trim())
            : null;
      if (iso !== null && (typeof value === "string" || format !== DATE_FORMAT)) {
        const cell = dateCell(iso);
        cells.push({ row: sheetRow, value: cell.value as number, format: cell.format });
        dates.push(name);
      }
    } else if (matchKey(name) === matchKey(SETTING.version) && value !== CONTRACT_VERSION) {
      const cell = numberCell(CONTRACT_VERSION);
      cells.push({ row: sheetRow, value: cell.value as number, format: cell.format });
      versionSet = true;
    }
  });
  return { cells, dates, versionSet, present };
}

async function runUpgrade(
  s: GatewaySession,
  read: RegisterRead,
  plan: UpgradePlan
): Promise<UpgradeResult> {
  const caps = await s.capabilities();
  const settingsLayout = needLayout(read, "settings");
  const byTable = new Map<TableLayout, ColumnAdd[]>();
  for (const c of plan.columns) {
    byTable.set(c.layout, [...(byTable.get(c.layout) ?? []), c]);
  }
  // 1. What is there now (reads only).
  const seen = await s.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    const settings =
      settingsLayout.table !== null
        ? context.workbook.tables.getItem(settingsLayout.table).getRange()
        : context.workbook.worksheets
            .getItem(settingsLayout.sheet)
            .getRange(blockAddress(blockOf(settingsLayout)));
    settings.load("address, values, numberFormat");
    const probes = [...byTable].map(([layout, adds]) => queueColumnProbe(context, layout, adds));
    await context.sync();
    const names = {
      sheets: sheets.items.map((x) => x.name),
      tables: tables.items.map((x) => x.name),
    };
    // A version-2 sheet without its table: laid out only when the sheet is empty.
    const toCheck: { key: SheetKey; sheet: string; probe: ContentProbe }[] = [];
    for (const key of plan.sheets) {
      const sheet = findName(names.sheets, SHEET[key]);
      if (sheet !== null && findName(names.tables, TABLE_NAME[key]) === null) {
        toCheck.push({
          key,
          sheet,
          probe: probeContent(context.workbook.worksheets.getItem(sheet)),
        });
      }
    }
    if (toCheck.length > 0) {
      await context.sync();
    }
    return { names, settings: settingsNow(settingsLayout, settings), probes, toCheck };
  });
  const columns = checkColumns(seen.probes);
  const skipped: { sheet: string; reason: string }[] = [];
  const laidOut: { key: SheetKey; sheet: string; reuse: boolean }[] = [];
  let tableAppeared = false;
  for (const key of plan.sheets) {
    const check = seen.toCheck.find((c) => c.key === key);
    if (findName(seen.names.tables, TABLE_NAME[key]) !== null) {
      tableAppeared = true;
    } else if (check) {
      const reason = contentReason(check.probe, check.sheet, key);
      if (reason === null) {
        laidOut.push({ key, sheet: check.sheet, reuse: true });
      } else {
        skipped.push({ sheet: check.sheet, reason });
      }
    } else {
      laidOut.push({ key, sheet: SHEET[key], reuse: false });
    }
  }
  const fixes = settingsFixes(seen.settings);
  const newParams = V2_SETTINGS_PARAMS.filter((p) => !fixes.present.has(matchKey(p)));
  const newLayouts = laidOut.map((l) =>
    newSheetLayout(
      l.key,
      l.sheet,
      TABLE_NAME[l.key],
      l.key === "regulation" ? regulationBody().values.length : 0
    )
  );
  const applied = {
    columns: columns.flatMap((p) => p.adds),
    sheets: newLayouts,
    settingsAppended: newParams.length,
    settings: newParams,
  };
  const after = upgradedRead(
    {
      ...read,
      snapshot: {
        ...read.snapshot,
        tables: { ...read.snapshot.tables, settings: seen.settings.layout },
      },
    },
    applied
  );
  const changed = [
    ...new Set([
      ...laidOut.map((l) => l.sheet),
      ...columns.map((p) => p.layout.sheet),
      ...(newParams.length > 0 || fixes.cells.length > 0 ? [seen.settings.layout.sheet] : []),
    ]),
  ];

  // 2. One batch of writes, «Версия книги» last.
  const done = await s.write(after, (context) => {
    for (const l of laidOut) {
      const ws = l.reuse
        ? context.workbook.worksheets.getItem(l.sheet)
        : context.workbook.worksheets.add(l.sheet);
      queueSheet(ws, l.sheet, l.key, l.key === "regulation" ? regulationBody() : null, caps);
    }
    for (const p of columns) {
      queueColumns(context, p, caps);
    }
    const ws = context.workbook.worksheets.getItem(seen.settings.layout.sheet);
    const v = seen.settings.layout.headers.findIndex(
      (h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[1])
    );
    for (const cell of fixes.cells) {
      const range = ws.getRange(
        blockAddress({
          top: cell.row - 1,
          bottom: cell.row - 1,
          left: seen.settings.layout.left + v,
          right: seen.settings.layout.left + v,
        })
      );
      range.numberFormat = [[cell.format]];
      range.values = [[cell.value]];
    }
    const records: RowRecord[] = newParams.map((param) => ({
      Параметр: textCell(param),
      Значение: newSettingCell(param),
    }));
    const ticket = queueAppend(context, seen.settings.layout, records, caps);
    return {
      appends: [ticket],
      journal: [
        {
          action: `обновление книги до версии ${CONTRACT_VERSION}`,
          sheet: changed.join(", "),
          rows: [],
          codes: [],
        },
      ],
      after: () => undefined,
    };
  });
  s.last =
    done.repaired || tableAppeared ? null : patched(after, { journal: done.journalRows }, {});
  return {
    fromVersion: plan.version,
    columns: applied.columns.map((c) => ({ sheet: c.layout.sheet, column: c.header })),
    settings: [...newParams, ...(fixes.versionSet ? [SETTING.version] : [])],
    dates: fixes.dates,
    sheets: laidOut.map((l) => l.sheet),
    skipped,
  };
}

/** Queues the new columns of one table (or plain sheet), with their formats and lists. */
function queueColumns(context: Excel.RequestContext, p: ColumnProbe, caps: HostCapabilities): void {
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

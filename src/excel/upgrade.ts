/**
 * Bringing the register to contract version 2 in the open workbook (upgradePlan.ts says what is
 * missing): «Обновить книгу до версии 2» in the pane, and the first write of the pane on a
 * version-1 register (`writable`), which upgrades first and says so.
 *
 * Syncs: 1 reads what is there now (names, «Настройки», each table's header row and the
 * column right of it) and writes nothing, so a refusal leaves the book as it was; (1 more only
 * when a sheet named «Регламент» or «Журнал» exists without its table — is it empty? — or a
 * sheet getting a column holds another table — where is it?); 1 batch
 * of writes — sheets, columns, quarter dates, parameters, «Версия книги» last, the «Журнал»
 * row. A batch cut short leaves «Версия книги» as it was, and the next upgrade adds only what is
 * still missing.
 */
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
import { blockAddress } from "./address";
import { contentReason, probeContent, regulationBody, type ContentProbe } from "./createRegister";
import type {
  RegisterRead,
  TableLayout,
  UpgradeResult,
  UpgradeStatus,
  WriteOptions,
} from "./gateway";
import { patched } from "./readPatch";
import { queueAppend, type RowRecord } from "./rows";
import { needLayout, type GatewaySession } from "./session";
import { queueSheet } from "./sheetLayout";
import { findName } from "./tables";
import { textCell } from "./textSafe";
import {
  blockOf,
  checkColumns,
  queueColumnProbe,
  queueColumns,
  queueNeighbours,
  settingsFixes,
  settingsNow,
} from "./upgradeProbe";
import {
  newSettingCell,
  newSheetLayout,
  newerMessage,
  planUpgrade,
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
    // The header row and the body, never a totals row: it is not a parameter.
    const settingsTable =
      settingsLayout.table !== null ? context.workbook.tables.getItem(settingsLayout.table) : null;
    const settings =
      settingsTable !== null
        ? settingsTable.getHeaderRowRange().getBoundingRect(settingsTable.getDataBodyRange())
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
          probe: probeContent(context.workbook.worksheets.getItem(sheet), caps),
        });
      }
    }
    // Other tables on the sheets getting columns: where are they?
    const neighbours = queueNeighbours(context, probes);
    if (toCheck.length > 0 || neighbours.length > 0) {
      await context.sync();
    }
    return {
      names,
      settings: settingsNow(settingsLayout, settings),
      probes,
      toCheck,
      neighbours,
    };
  });
  const columns = checkColumns(seen.probes, seen.neighbours);
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
    const writeCell = (cell: { row: number; value: string | number; format: string }): void => {
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
    };
    fixes.cells.filter((c) => !c.version).forEach(writeCell);
    const records: RowRecord[] = newParams.map((param) => ({
      Параметр: textCell(param),
      Значение: newSettingCell(param),
    }));
    const ticket = queueAppend(context, seen.settings.layout, records, caps);
    // «Версия книги» last: a batch cut short before it leaves the book at its version.
    fixes.cells.filter((c) => c.version).forEach(writeCell);
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

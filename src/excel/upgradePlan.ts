/**
 * What bringing a register to contract version 2 needs (workbook.md «Contract version 2»),
 * from the register read and the host's capabilities: the version-2 columns its tables lack,
 * the sheets «Регламент» and «Журнал», the version-2 parameters of «Настройки»; whether this
 * Excel can do it; and the read as it is after the upgrade. Pure: no Office.js here.
 */
import {
  CONTRACT_VERSION,
  DEFAULT_REGION,
  SETTING,
  SHEET,
  SHEET_COLUMNS,
  V2_COLUMNS,
  V2_SETTINGS_PARAMS,
  V2_SHEETS,
  type SheetKey,
} from "../core/register/schema";
import { matchKey } from "../core/text";
import type {
  HostCapabilities,
  LayoutKey,
  RegisterRead,
  TableLayout,
  UpgradeStatus,
} from "./gateway";
import { numberCell, textCell, type OutCell } from "./textSafe";

/** «I четверть с» … «IV четверть по»: the parameters of «Настройки» whose values are dates. */
export { QUARTER_PARAM } from "../core/register/dateSystem";

/** A version-2 column to append to a table (or to a sheet typed by hand). */
export interface ColumnAdd {
  readonly key: SheetKey;
  readonly layout: TableLayout;
  readonly header: string;
}

export interface UpgradePlan {
  /** «Версия книги» as read (1 when absent). */
  readonly version: number;
  readonly newer: boolean;
  readonly columns: readonly ColumnAdd[];
  /** Version-2 sheets without their table. */
  readonly sheets: readonly SheetKey[];
  /** Version-2 parameters missing from «Настройки» (as read). */
  readonly settings: readonly string[];
  /** Why this host cannot carry it out (Russian), or null. */
  readonly blocked: string | null;
}

/** Excel with `table.columns.add` at the table's end (ExcelApi 1.4). */
export const UPGRADE_NEEDS_EXCEL =
  "Добавить столбцы версии 2 в таблицы книги может Excel 2019 или новее (а также Microsoft 365 и Excel в браузере). В этой версии Excel книгу обновит команда «vshu upgrade»; записи из панели пока сохраняются в книгу версии 1.";

export function newerMessage(version: number): string {
  return `Книга учёта версии ${version} создана более новой версией ВШУ (эта надстройка знает версии до ${CONTRACT_VERSION}): панель её не меняет. Обновите надстройку.`;
}

function has(headers: readonly string[], header: string): boolean {
  const key = matchKey(header);
  return headers.some((h) => matchKey(h) === key);
}

/** What the register lacks of version 2 and whether this host can add it. */
export function planUpgrade(read: RegisterRead, caps: HostCapabilities): UpgradePlan {
  const version = read.register.settings.version;
  const columns: ColumnAdd[] = [];
  for (const [key, added] of Object.entries(V2_COLUMNS) as [SheetKey, readonly string[]][]) {
    const layout = read.snapshot.tables[key];
    if (!layout) {
      continue;
    }
    for (const header of added) {
      if (!has(layout.headers, header)) {
        columns.push({ key, layout, header });
      }
    }
  }
  const sheets = V2_SHEETS.filter((key) => !read.snapshot.tables[key]);
  const raw = Object.keys(read.register.settings.raw);
  const settings = V2_SETTINGS_PARAMS.filter((p) => !has(raw, p));
  const needsColumnsAdd = columns.some((c) => c.layout.table !== null) && caps.excelApi < 4;
  return {
    version,
    newer: version > CONTRACT_VERSION,
    columns,
    sheets,
    settings,
    blocked: needsColumnsAdd ? UPGRADE_NEEDS_EXCEL : null,
  };
}

/**
 * Whether a write upgrades first: the version, a column or a parameter is missing, or a
 * version-2 sheet whose name is free. A sheet of that name holding the user's own content is
 * left to «Обновить книгу до версии 2», which says so (the writes do not retry it each time).
 */
export function upgradeBeforeWrite(plan: UpgradePlan, read: RegisterRead): boolean {
  const taken = new Set((read.snapshot.sheetNames ?? []).map(matchKey));
  return (
    !plan.newer &&
    (plan.version < CONTRACT_VERSION ||
      plan.columns.length > 0 ||
      plan.settings.length > 0 ||
      plan.sheets.some((key) => !taken.has(matchKey(SHEET[key]))))
  );
}

/** Whether the register is short of version 2 in anything. */
export function upgradeNeeded(plan: UpgradePlan): boolean {
  return (
    !plan.newer &&
    (plan.version < CONTRACT_VERSION ||
      plan.columns.length > 0 ||
      plan.sheets.length > 0 ||
      plan.settings.length > 0)
  );
}

/** What the upgrade adds, in Russian. */
export function missingText(plan: UpgradePlan): string[] {
  const out: string[] = [];
  for (const key of plan.sheets) {
    out.push(`лист «${SHEET[key]}»`);
  }
  for (const c of plan.columns) {
    out.push(`столбец «${c.header}» листа «${SHEET[c.key]}»`);
  }
  const params = plan.settings.filter((p) => p !== SETTING.version);
  if (params.length > 0) {
    out.push(`параметры ${params.map((p) => `«${p}»`).join(", ")} листа «Настройки»`);
  }
  return out;
}

/** The pane's view of a plan. */
export function statusOf(plan: UpgradePlan): UpgradeStatus {
  const missing = missingText(plan);
  if (plan.newer) {
    return { version: plan.version, state: "newer", missing, message: newerMessage(plan.version) };
  }
  if (!upgradeNeeded(plan)) {
    return { version: plan.version, state: "current", missing, message: "" };
  }
  if (plan.blocked !== null) {
    return {
      version: plan.version,
      state: "unsupported",
      missing,
      message: `Книга учёта версии ${plan.version}. ${plan.blocked}`,
    };
  }
  const message =
    plan.version < CONTRACT_VERSION
      ? `Версия 2 добавляет листы «Регламент» (сроки шагов по уровням) и «Журнал» (что и когда записано), столбец «Протокол снятия» и подписи отчёта; ваши столбцы, данные и формулы останутся на месте.`
      : `В книге учёта версии 2 не хватает: ${missing.join("; ")}.`;
  return { version: plan.version, state: "needed", missing, message };
}

/** The cell a new version-2 parameter gets. */
export function newSettingCell(param: string): OutCell {
  if (matchKey(param) === matchKey(SETTING.version)) {
    return numberCell(CONTRACT_VERSION);
  }
  if (matchKey(param) === matchKey(SETTING.region)) {
    return textCell(DEFAULT_REGION);
  }
  return textCell("");
}

/** The layout of a sheet laid out by the upgrade at A1 with `rows` data rows. */
export function newSheetLayout(
  key: SheetKey,
  sheet: string,
  table: string,
  rows: number
): TableLayout {
  return {
    key,
    sheet,
    table,
    headers: [...SHEET_COLUMNS[key]],
    headerRow: 0,
    left: 0,
    bodyRows: Math.max(rows, 1),
    onlyBlankRow: rows === 0,
  };
}

/** What the upgrade did, for the read after it. */
export interface Applied {
  readonly columns: readonly ColumnAdd[];
  readonly sheets: readonly TableLayout[];
  /** Parameters appended to «Настройки» (rows) and «Версия книги» set. */
  readonly settingsAppended: number;
  readonly settings: readonly string[];
}

/** The read after the upgrade: new columns and sheets in the snapshot, version 2 settings. */
export function upgradedRead(read: RegisterRead, applied: Applied): RegisterRead {
  const tables: Partial<Record<LayoutKey, TableLayout>> = { ...read.snapshot.tables };
  for (const c of applied.columns) {
    const t = tables[c.key];
    if (t) {
      tables[c.key] = { ...t, headers: [...t.headers, c.header] };
    }
  }
  for (const layout of applied.sheets) {
    tables[layout.key] = layout;
  }
  const settingsLayout = tables.settings;
  if (settingsLayout && applied.settingsAppended > 0) {
    const filled = settingsLayout.onlyBlankRow ? 1 : 0;
    tables.settings = {
      ...settingsLayout,
      bodyRows: settingsLayout.bodyRows + applied.settingsAppended - filled,
      onlyBlankRow: false,
    };
  }
  const settings = read.register.settings;
  const raw: Record<string, string> = { ...settings.raw };
  for (const p of applied.settings) {
    raw[p] = String(newSettingCell(p).value);
  }
  raw[SETTING.version] = String(CONTRACT_VERSION);
  return {
    ...read,
    register: {
      ...read.register,
      settings: { ...settings, version: CONTRACT_VERSION, raw },
    },
    snapshot: {
      ...read.snapshot,
      tables,
      ...(read.snapshot.sheetNames
        ? { sheetNames: [...read.snapshot.sheetNames, ...applied.sheets.map((s) => s.sheet)] }
        : {}),
    },
  };
}

/**
 * «Создать книгу учёта»: lays out every sheet of the contract (version 2) as `vshu init` does
 * (src/cli/xlsx/writeRegister.ts, from src/core/register/layout.ts and defaults.ts): one table
 * per sheet with its header row, dates shown ДД.ММ.ГГГГ, text columns formatted as text,
 * list validation, widths, frozen header, A4 landscape — each as far as the host allows;
 * «Настройки» with the defaults and «Версия книги» 2, «Регламент» with the seed's periods,
 * «Журнал» with the row that says the book was created.
 *
 * It never overwrites what the user typed: a sheet whose table exists is kept; an existing
 * sheet with other content is skipped and reported; only missing or empty sheets are laid out.
 * Syncs: names (1), contents of the existing sheets (1), the layout (1).
 */
import { defaultSettings, parseSchoolYear, schoolYearOf } from "../core/register/defaults";
import { defaultRegulationRows } from "../core/register/regulation";
import {
  REGULATION_COLUMNS,
  SHEET,
  SHEET_ORDER,
  V2_SETTINGS_PARAMS,
} from "../core/register/schema";
import type { IsoDate } from "../core/dates/isoDate";
import { matchKey } from "../core/text";
import {
  LIMIT_DATA_VALIDATION,
  LIMIT_FORMATTING,
  LIMIT_FREEZE,
  LIMIT_PAGE_LAYOUT,
} from "./capabilities";
import { blockAddress, parseRangeAddress } from "./address";
import {
  DAYS_1904,
  queueDateSystemProbe,
  sheetValue,
  systemOfShownDates,
  type DateSystem,
} from "./dateSystem";
import type { CreateRegisterResult, HostCapabilities, LayoutKey } from "./gateway";
import { journalRecords } from "./journal";
import { rowArrays } from "./rows";
import { queueSheet, type Value } from "./sheetLayout";
import { columnsOf, findName, loadNames, sheetNameOf, tableNameOf, usedRangeOf } from "./tables";
import { dateCell, DATE_FORMAT, GENERAL_FORMAT, TEXT_FORMAT } from "./textSafe";
import { newSettingCell } from "./upgradePlan";

export { SPARE_ROWS, widthPoints } from "./sheetLayout";

const KEYS: readonly LayoutKey[] = [...SHEET_ORDER, "calendar"];

interface Body {
  values: Value[][];
  formats: string[][];
}

/** The settings rows of a new register (version 2): values and their formats. */
function settingsRows(
  opts: {
    school: string;
    district: string;
    schoolYear: string;
    today: IsoDate;
  },
  system: DateSystem
): Body {
  const year = parseSchoolYear(opts.schoolYear) ?? parseSchoolYear(schoolYearOf(opts.today));
  const startYear = year?.start ?? Number(opts.today.slice(0, 4));
  const values: Value[][] = [];
  const formats: string[][] = [];
  const defaults = defaultSettings({ school: opts.school, district: opts.district, startYear });
  for (const [param, v] of defaults) {
    if (v !== null && typeof v === "object") {
      values.push([param, sheetValue(dateCell(v.date), system) as number]);
      formats.push([TEXT_FORMAT, DATE_FORMAT]);
    } else if (typeof v === "number") {
      values.push([param, v]);
      formats.push([TEXT_FORMAT, GENERAL_FORMAT]);
    } else {
      values.push([param, v ?? ""]);
      formats.push([TEXT_FORMAT, TEXT_FORMAT]);
    }
  }
  // The version-2 parameters the core's defaults do not list (yet): «Версия книги» 2, «Регион».
  const listed = new Set(defaults.map(([p]) => matchKey(p)));
  for (const param of V2_SETTINGS_PARAMS.filter((p) => !listed.has(matchKey(p)))) {
    const cell = newSettingCell(param);
    values.push([param, sheetValue(cell, system) as Value]);
    formats.push([TEXT_FORMAT, cell.format]);
  }
  return { values, formats };
}

/** «Регламент» of a new register: the seed's periods. */
export function regulationBody(): Body {
  const rows = defaultRegulationRows();
  return {
    values: rows.map((r) => REGULATION_COLUMNS.map((c) => r[c])),
    formats: rows.map(() => REGULATION_COLUMNS.map(() => TEXT_FORMAT)),
  };
}

/** «Журнал» of a new register: the row that records its creation. */
function journalBody(created: readonly string[], when: Date, system: DateSystem): Body {
  const [record] = journalRecords(
    [{ action: "создание книги учёта", sheet: created.join(", "), rows: [], codes: [] }],
    when
  );
  const { values, formats } = rowArrays(columnsOf("journal"), record ?? {}, "", system);
  return {
    values: [values.map((v) => (typeof v === "number" ? v : String(v ?? "")))],
    formats: [formats.map((f) => f ?? TEXT_FORMAT)],
  };
}

/** A sheet's content probe: its used range and A1, loaded for the next sync. */
export interface ContentProbe {
  readonly used: Excel.Range;
  readonly a1: Excel.Range;
}

/** The probe of a sheet's content: its used range by values (ExcelApi 1.2; see usedRangeOf). */
export function probeContent(
  ws: Excel.Worksheet,
  caps: Pick<HostCapabilities, "excelApi">
): ContentProbe {
  const used = usedRangeOf(ws, caps);
  used.load("address");
  const a1 = ws.getRange("A1");
  a1.load("formulas");
  return { used, a1 };
}

/** After the sync: null when the sheet is empty (it may be laid out), else why it is kept. */
export function contentReason(probe: ContentProbe, sheet: string, key: LayoutKey): string | null {
  const block = parseRangeAddress(probe.used.address)?.block;
  const single = block !== undefined && block.top === block.bottom && block.left === block.right;
  const empty =
    single &&
    block?.top === 0 &&
    block.left === 0 &&
    String(probe.a1.formulas[0]?.[0] ?? "") === "";
  if (empty) {
    return null;
  }
  const where = probe.used.address.split("!")[1] ?? probe.used.address;
  return `лист «${sheet}» уже есть и заполнен (${where}); таблица «${tableNameOf(key)}» не создана, чтобы не затереть данные. Переименуйте лист или оформите его данные таблицей с этим именем.`;
}

/**
 * ExcelApi 1.1 cannot ask the date system before writing: the dates were written as 1900
 * serials; the text «Настройки» now shows for its quarter dates tells the system (1 sync), and
 * in a 1904 workbook the dates just written are written again 1462 days less (1 more).
 */
async function fixDatesOf1904(
  context: Excel.RequestContext,
  laidOut: readonly LayoutKey[],
  created: readonly string[],
  bodies: Partial<Record<LayoutKey, Body>>,
  settingsExists: boolean
): Promise<void> {
  const sheetOf = (key: LayoutKey): string | null => {
    const i = laidOut.indexOf(key);
    return i < 0 ? null : (created[i] ?? null);
  };
  const ours = (["settings", "journal"] as const).filter((key) => sheetOf(key) !== null);
  if (ours.length === 0 || !settingsExists) {
    return;
  }
  const settings = context.workbook.tables.getItem(tableNameOf("settings")).getRange();
  settings.load("values, text");
  await context.sync();
  if (systemOfShownDates(settings.values, settings.text) !== 1904) {
    return;
  }
  for (const key of ours) {
    const body = bodies[key];
    const sheet = sheetOf(key);
    if (!body || sheet === null) {
      continue;
    }
    const values = body.values.map((row, r) =>
      row.map((v, c) =>
        typeof v === "number" && (body.formats[r]?.[c] ?? "").includes("yy") ? v - DAYS_1904 : v
      )
    );
    context.workbook.worksheets.getItem(sheet).getRange(
      blockAddress({
        top: 1,
        bottom: values.length,
        left: 0,
        right: (values[0]?.length ?? 1) - 1,
      })
    ).values = values;
  }
  await context.sync();
}

/**
 * Lays out the register in the workbook `context` belongs to.
 * @param when the computer's date and time, for the first «Журнал» row
 * @returns what was created, kept and skipped (with the reason), and the host's limits
 */
export async function createRegisterIn(
  context: Excel.RequestContext,
  opts: { school: string; district: string; schoolYear: string; today: IsoDate },
  caps: HostCapabilities,
  when: Date
): Promise<CreateRegisterResult> {
  const probed = queueDateSystemProbe(context, caps);
  const names = await loadNames(context);
  const system = probed();
  const kept: string[] = [];
  const skipped: { sheet: string; reason: string }[] = [];
  const toCreate: LayoutKey[] = [];
  const toCheck: { key: LayoutKey; sheet: string; probe: ContentProbe }[] = [];
  for (const key of KEYS) {
    const sheetName = sheetNameOf(key);
    const existingSheet = findName(names.sheets, sheetName);
    if (findName(names.tables, tableNameOf(key)) !== null) {
      kept.push(existingSheet ?? sheetName);
    } else if (existingSheet === null) {
      toCreate.push(key);
    } else {
      const probe = probeContent(context.workbook.worksheets.getItem(existingSheet), caps);
      toCheck.push({ key, sheet: existingSheet, probe });
    }
  }
  if (toCheck.length > 0) {
    await context.sync();
  }
  const reuse = new Map<LayoutKey, string>();
  for (const c of toCheck) {
    const reason = contentReason(c.probe, c.sheet, c.key);
    if (reason === null) {
      reuse.set(c.key, c.sheet);
    } else {
      skipped.push({ sheet: c.sheet, reason });
    }
  }
  const laidOut = [...toCreate, ...reuse.keys()];
  const created = laidOut.map((key) => reuse.get(key) ?? sheetNameOf(key));
  const bodies: Partial<Record<LayoutKey, Body>> = {
    settings: settingsRows(opts, system ?? 1900),
    regulation: regulationBody(),
    journal: journalBody(created, when, system ?? 1900),
  };
  laidOut.forEach((key, i) => {
    const sheetName = created[i] as string;
    const ws = reuse.has(key)
      ? context.workbook.worksheets.getItem(sheetName)
      : context.workbook.worksheets.add(sheetName);
    queueSheet(ws, sheetName, key, bodies[key] ?? null, caps);
  });
  if (created.length > 0) {
    const first = created.includes(SHEET.cases) ? SHEET.cases : (created[0] as string);
    context.workbook.worksheets.getItem(first).activate();
    await context.sync();
    if (system === null) {
      const settingsExists =
        laidOut.includes("settings") || findName(names.tables, tableNameOf("settings")) !== null;
      await fixDatesOf1904(context, laidOut, created, bodies, settingsExists);
    }
  }
  const layoutLimits = [LIMIT_FORMATTING, LIMIT_FREEZE, LIMIT_DATA_VALIDATION, LIMIT_PAGE_LAYOUT];
  const limits = caps.limits.filter((l) => layoutLimits.includes(l));
  return { created, kept, skipped, limits };
}

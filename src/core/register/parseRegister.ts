/**
 * The register from the raw tables of its sheets: every sheet of the contract is required;
 * «Календарь» is optional. Issues are collected (never thrown) so the user sees them all.
 */
import { matchKey } from "../text";
import { cellCount, cellDate, cellText } from "./cells";
import type { Cell, RawTable, Register, RegisterIssue, Settings } from "./model";
import { tableNotes } from "./tableNotes";
import { parseEpisodes, parseFamilies } from "./parseCases";
import {
  parseActions,
  parseActivities,
  parseAssistance,
  parseCalendar,
  parsePassport,
  parseService,
  parseSignals,
} from "./parseRecords";
import {
  CALENDAR_COLUMNS,
  CALENDAR_SHEET,
  DEFAULT_MINISTRY_ADDRESS,
  DEFAULT_REPORT_DAY,
  CONTRACT_VERSION,
  DEFAULT_REGION,
  PARENT_COMMUNITY_PARAMS,
  QUARTERS,
  SETTING,
  SETTINGS_COLUMNS,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
  V2_SHEETS,
  quarterParam,
  requiredColumns,
  type Quarter,
  type SheetKey,
} from "./schema";
import { findRegion, unknownRegionMessage } from "../calendar/regions";
import { DEFAULT_REGULATION, parseRegulation } from "./regulation";
import { BoundTable } from "./table";
import type { QuarterDates } from "./model";

/** Raw tables by sheet name (as the workbook names them). */
export type RawSheets = ReadonlyMap<string, RawTable>;

/**
 * The columns a read is limited to, by sheet: sheets left out are neither required nor read;
 * columns left out of a listed sheet are not required and read as empty.
 */
export type ColumnSelection = Readonly<Partial<Record<SheetKey, readonly string[]>>>;

export interface ParseOptions {
  /** Parse only these sheets and columns (default: every sheet and column of the contract). */
  readonly columns?: ColumnSelection;
}

export interface ParsedRegister {
  readonly register: Register;
  /** Errors: a command that reads the register refuses it while there is one. */
  readonly issues: RegisterIssue[];
  /** Warnings: the register is read, and the user is told (e.g. on standard error). */
  readonly warnings: RegisterIssue[];
}

/** Finds a sheet by name, ignoring case and spacing. */
function findSheet(sheets: RawSheets, name: string): RawTable | undefined {
  const exact = sheets.get(name);
  if (exact) {
    return exact;
  }
  const key = matchKey(name);
  for (const [n, t] of sheets) {
    if (matchKey(n) === key) {
      return t;
    }
  }
  return undefined;
}

const EMPTY: RawTable = { headers: [], rows: [] };

/** Parses every sheet of the register (or the sheets and columns `opts.columns` names). */
export function parseRegister(sheets: RawSheets, opts: ParseOptions = {}): ParsedRegister {
  const issues: RegisterIssue[] = [];
  const warnings: RegisterIssue[] = [];
  /** Formula cells without a value: their own error replaces whatever else the cell would get. */
  const cellNotes: RegisterIssue[] = [];
  const bound = {} as Record<SheetKey, BoundTable>;
  const selection = opts.columns;
  for (const key of SHEET_ORDER) {
    const wanted = selection ? selection[key] : undefined;
    if (selection && !wanted) {
      bound[key] = new BoundTable(SHEET[key], EMPTY, []);
      continue;
    }
    const only = wanted ? new Set(wanted.map(matchKey)) : null;
    const raw = findSheet(sheets, SHEET[key]);
    if (!raw && !V2_SHEETS.includes(key)) {
      issues.push({
        sheet: SHEET[key],
        row: 0,
        column: "",
        message: `в книге нет листа «${SHEET[key]}»`,
      });
    }
    bound[key] = new BoundTable(SHEET[key], raw ?? EMPTY, raw ? issues : [], only);
    if (raw && !selection) {
      tableNotes(SHEET[key], raw, SHEET_COLUMNS[key], cellNotes, warnings);
    }
  }
  const settings = parseSettings(bound.settings, issues);
  const episodes = parseEpisodes(bound.cases);
  const codes = new Map(episodes.map((e) => [matchKey(e.code), e.code]));
  // Most references are spelled exactly as in «Учёт»: those need no key.
  const exact = new Set(episodes.map((e) => e.code));
  // Without a readable «Учёт» (no sheet, or no column it needs) its one error says so; checking
  // every reference against it would add an error for each row of the other sheets.
  const casesReadable =
    findSheet(sheets, SHEET.cases) !== undefined &&
    bound.cases.hasColumns(
      selection?.cases
        ? requiredColumns("cases").filter((c) => selection.cases?.includes(c))
        : requiredColumns("cases")
    );
  const lookup = (code: string): string | undefined =>
    !casesReadable ? code : exact.has(code) ? code : codes.get(matchKey(code));
  // «Календарь» only moves deadlines: a limited read leaves it out.
  const calendarRaw = selection ? undefined : findSheet(sheets, CALENDAR_SHEET);
  if (calendarRaw) {
    tableNotes(CALENDAR_SHEET, calendarRaw, CALENDAR_COLUMNS, cellNotes, warnings);
  }
  const register: Register = {
    settings,
    episodes,
    families: parseFamilies(bound.families),
    actions: parseActions(bound.actions, lookup),
    assistance: parseAssistance(bound.assistance, lookup),
    activities: parseActivities(bound.activities, lookup),
    service: parseService(bound.service),
    passport: parsePassport(bound.passport),
    signals: parseSignals(bound.signals, lookup),
    calendar: calendarRaw ? parseCalendar(new BoundTable(CALENDAR_SHEET, calendarRaw, issues)) : [],
    regulation:
      selection || !findSheet(sheets, SHEET.regulation)
        ? DEFAULT_REGULATION
        : parseRegulation(bound.regulation),
  };
  return { register, issues: withCellNotes(issues, cellNotes), warnings };
}

/** The cell notes first; other issues of the same cells are dropped (they follow from them). */
function withCellNotes(issues: RegisterIssue[], notes: readonly RegisterIssue[]): RegisterIssue[] {
  if (notes.length === 0) {
    return issues;
  }
  const at = (i: RegisterIssue): string => `${i.sheet}\u0000${i.row}\u0000${matchKey(i.column)}`;
  const noted = new Set(notes.map(at));
  return [...notes, ...issues.filter((i) => !noted.has(at(i)))];
}

function parseSettings(t: BoundTable, issues: RegisterIssue[]): Settings {
  const values = new Map<string, { cell: Cell; row: number }>();
  const raw: Record<string, string> = {};
  if (t.requireColumns(SETTINGS_COLUMNS)) {
    for (const r of t.rows()) {
      const name = t.text(r, "Параметр");
      if (name !== "") {
        values.set(matchKey(name), { cell: t.cell(r, "Значение"), row: r.row });
        raw[name] = t.text(r, "Значение");
      }
    }
  }
  const text = (p: string): string => cellText(values.get(matchKey(p))?.cell ?? null);
  const report = (p: string, row: number, message: string): void => {
    issues.push({
      sheet: t.sheet,
      row,
      column: "Значение",
      message: `параметр «${p}»: ${message}`,
    });
  };
  const number = (p: string, fallback: number): number => {
    const v = values.get(matchKey(p));
    const read = cellCount(v?.cell ?? null, fallback);
    if (!read.ok) {
      report(p, v?.row ?? 0, read.message);
      return fallback;
    }
    return read.value;
  };
  const date = (p: string): string | null => {
    const v = values.get(matchKey(p));
    const read = cellDate(v?.cell ?? null);
    if (!read.ok) {
      report(p, v?.row ?? 0, read.message);
      return null;
    }
    return read.value;
  };
  const quarters: Partial<Record<Quarter, QuarterDates>> = {};
  for (const q of QUARTERS) {
    const from = date(quarterParam(q, "from"));
    const to = date(quarterParam(q, "to"));
    if (from && to) {
      if (to < from) {
        report(
          quarterParam(q, "to"),
          values.get(matchKey(quarterParam(q, "to")))?.row ?? 0,
          `${q} четверть заканчивается раньше, чем начинается`
        );
      } else {
        quarters[q] = { from, to };
      }
    }
  }
  const versionEntry = values.get(matchKey(SETTING.version));
  const version = number(SETTING.version, 1);
  if (version > CONTRACT_VERSION) {
    report(
      SETTING.version,
      versionEntry?.row ?? 0,
      `книга учёта версии ${version} создана более новой версией ВШУ (эта программа знает версии до ${CONTRACT_VERSION}); обновите программу, книгу не меняйте`
    );
  } else if (versionEntry && version < 1) {
    report(SETTING.version, versionEntry.row, `версия книги должна быть 1 или ${CONTRACT_VERSION}`);
  }
  const reportDayEntry = values.get(matchKey(SETTING.reportDay));
  let reportDay = number(SETTING.reportDay, DEFAULT_REPORT_DAY);
  if (reportDay < 1 || reportDay > 28) {
    report(
      SETTING.reportDay,
      reportDayEntry?.row ?? 0,
      `«${reportDay}» — день месяца от 1 до 28 (срок отчёта в министерство)`
    );
    reportDay = DEFAULT_REPORT_DAY;
  }
  const regionText = text(SETTING.region);
  const region = regionText === "" ? null : findRegion(regionText);
  if (regionText !== "" && region === null) {
    report(
      SETTING.region,
      values.get(matchKey(SETTING.region))?.row ?? 0,
      unknownRegionMessage(regionText)
    );
  }
  const parentCommunity: Record<string, number> = {};
  for (const p of PARENT_COMMUNITY_PARAMS) {
    parentCommunity[p] = number(p, 0);
  }
  return {
    school: text(SETTING.school),
    district: text(SETTING.district),
    schoolYear: text(SETTING.schoolYear),
    quarters,
    ministryAddress: text(SETTING.ministryAddress) || DEFAULT_MINISTRY_ADDRESS,
    reportDay,
    coordinator: {
      name: text(SETTING.coordinatorName),
      position: text(SETTING.coordinatorPosition),
      phone: text(SETTING.coordinatorPhone),
    },
    parentCommunity,
    version: Math.max(1, version),
    region: region?.title ?? (regionText || DEFAULT_REGION),
    director: text(SETTING.director),
    deputy: text(SETTING.deputy),
    executor: { name: text(SETTING.executorName), phone: text(SETTING.executorPhone) },
    raw,
  };
}

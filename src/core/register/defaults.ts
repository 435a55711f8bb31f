/**
 * Defaults of a new register's settings: the school year and its quarters (четверти).
 * The quarter dates are typical of the federal calendar schedule; each school checks them
 * against its own «календарный учебный график» and edits «Настройки».
 */
import { makeIsoDate, type IsoDate } from "../dates/isoDate";
import type { QuarterDates } from "./model";
import {
  CONTRACT_VERSION,
  DEFAULT_MINISTRY_ADDRESS,
  DEFAULT_REGION,
  DEFAULT_REPORT_DAY,
  PARENT_COMMUNITY_PARAMS,
  QUARTERS,
  SETTING,
  quarterParam,
  type Quarter,
} from "./schema";

/** The school year a date falls in: from 1 July the next one starts. */
export function schoolYearOf(date: IsoDate): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const start = m >= 7 ? y : y - 1;
  return `${start}/${start + 1}`;
}

/** Reads «2026/2027» (also «2026-2027», «2026/27»); null when it is not a school year. */
export function parseSchoolYear(text: string): { start: number; label: string } | null {
  const m = /^\s*(\d{4})\s*[/–-]\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) {
    return null;
  }
  const start = Number(m[1]);
  const endText = m[2] ?? "";
  const end =
    endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText);
  if (end !== start + 1 || start < 2000 || start > 2100) {
    return null;
  }
  return { start, label: `${start}/${start + 1}` };
}

function d(y: number, m: number, day: number): IsoDate {
  return makeIsoDate(y, m, day) ?? `${y}-01-01`;
}

/** Typical quarters of the school year starting in September of `start`. */
export function defaultQuarters(start: number): Record<Quarter, QuarterDates> {
  return {
    I: { from: d(start, 9, 1), to: d(start, 10, 24) },
    II: { from: d(start, 11, 5), to: d(start, 12, 28) },
    III: { from: d(start + 1, 1, 12), to: d(start + 1, 3, 20) },
    IV: { from: d(start + 1, 3, 30), to: d(start + 1, 5, 26) },
  };
}

export type SettingValue = string | number | { readonly date: IsoDate };

/**
 * Every settings parameter of a new register with its default value, in the order of
 * SETTINGS_PARAMS: a new register is of the current contract version.
 */
export function defaultSettings(opts: {
  school: string;
  district: string;
  startYear: number;
}): [string, SettingValue | null][] {
  const quarters = defaultQuarters(opts.startYear);
  return [
    [SETTING.version, CONTRACT_VERSION],
    [SETTING.school, opts.school],
    [SETTING.district, opts.district],
    [SETTING.schoolYear, `${opts.startYear}/${opts.startYear + 1}`],
    ...QUARTERS.flatMap((q): [string, SettingValue][] => [
      [quarterParam(q, "from"), { date: quarters[q].from }],
      [quarterParam(q, "to"), { date: quarters[q].to }],
    ]),
    [SETTING.ministryAddress, DEFAULT_MINISTRY_ADDRESS],
    [SETTING.reportDay, DEFAULT_REPORT_DAY],
    [SETTING.coordinatorName, null],
    [SETTING.coordinatorPosition, null],
    [SETTING.coordinatorPhone, null],
    ...PARENT_COMMUNITY_PARAMS.map((p): [string, SettingValue] => [p, 0]),
    [SETTING.region, DEFAULT_REGION],
    [SETTING.director, null],
    [SETTING.deputy, null],
    [SETTING.executorName, null],
    [SETTING.executorPhone, null],
  ];
}

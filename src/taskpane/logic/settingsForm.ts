/**
 * The «Настройки» form: the settings parameters of the contract in groups, and their check
 * (dates of the quarters, the report day, the parent-community counts).
 */
import { formatDateRu } from "../../core/dates/isoDate";
import { parseSchoolYear } from "../../core/register/defaults";
import {
  DEFAULT_REGION,
  PARENT_COMMUNITY_PARAMS,
  QUARTERS,
  SETTING,
  quarterParam,
} from "../../core/register/schema";
import { readCountInput, readDateInput } from "./dateInput";

export type SettingKind = "text" | "date" | "count" | "year" | "day";

export interface SettingGroup {
  readonly title: string;
  readonly params: readonly { readonly name: string; readonly kind: SettingKind }[];
}

export const SETTING_GROUPS: readonly SettingGroup[] = [
  {
    title: "Школа",
    params: [
      { name: SETTING.school, kind: "text" },
      { name: SETTING.district, kind: "text" },
      { name: SETTING.region, kind: "text" },
      { name: SETTING.schoolYear, kind: "year" },
    ],
  },
  {
    title: "Четверти учебного года",
    params: QUARTERS.flatMap((q) => [
      { name: quarterParam(q, "from"), kind: "date" as const },
      { name: quarterParam(q, "to"), kind: "date" as const },
    ]),
  },
  {
    title: "Отчёт в министерство",
    params: [
      { name: SETTING.ministryAddress, kind: "text" },
      { name: SETTING.reportDay, kind: "day" },
      { name: SETTING.coordinatorName, kind: "text" },
      { name: SETTING.coordinatorPosition, kind: "text" },
      { name: SETTING.coordinatorPhone, kind: "text" },
    ],
  },
  {
    title: "Подписи отчёта",
    params: [
      { name: SETTING.director, kind: "text" },
      { name: SETTING.deputy, kind: "text" },
      { name: SETTING.executorName, kind: "text" },
      { name: SETTING.executorPhone, kind: "text" },
    ],
  },
  {
    title: "Родительская общественность (раздел VI отчёта)",
    params: PARENT_COMMUNITY_PARAMS.map((name) => ({ name, kind: "count" as const })),
  },
];

/** Settings as read from the workbook, with dates shown ДД.ММ.ГГГГ. */
export function settingsToForm(values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const group of SETTING_GROUPS) {
    for (const p of group.params) {
      const read = (values[p.name] ?? "").trim();
      // «Регион» picks the regional non-working days; empty means the default.
      const v = p.name === SETTING.region && read === "" ? DEFAULT_REGION : read;
      const date = p.kind === "date" ? readDateInput(v) : null;
      out[p.name] = date !== null && date.ok && date.value !== null ? formatDateRu(date.value) : v;
    }
  }
  return out;
}

/** Checks the form; returns the messages by parameter (empty when all is well). */
export function checkSettings(values: Readonly<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const group of SETTING_GROUPS) {
    for (const p of group.params) {
      const v = values[p.name] ?? "";
      if (p.kind === "date") {
        const read = readDateInput(v);
        if (!read.ok) {
          errors[p.name] = read.message;
        }
      } else if (p.kind === "count") {
        const read = readCountInput(v, 0);
        if (!read.ok) {
          errors[p.name] = read.message;
        }
      } else if (p.kind === "day") {
        const read = readCountInput(v, 5);
        if (!read.ok || read.value < 1 || read.value > 28) {
          errors[p.name] = "День месяца от 1 до 28";
        }
      } else if (p.kind === "year" && v.trim() !== "" && parseSchoolYear(v) === null) {
        errors[p.name] = "Учебный год в виде 2026/2027";
      }
    }
  }
  for (const q of QUARTERS) {
    const from = readDateInput(values[quarterParam(q, "from")] ?? "");
    const to = readDateInput(values[quarterParam(q, "to")] ?? "");
    if (from.ok && to.ok && from.value !== null && to.value !== null && from.value > to.value) {
      errors[quarterParam(q, "to")] = `Конец ${q} четверти раньше её начала`;
    }
  }
  return errors;
}

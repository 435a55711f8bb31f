/**
 * The period of the report: a month of the school year, a school quarter (четверть) from the
 * settings, or any range typed by the user.
 */
import { daysInMonth, formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import { parseSchoolYear, schoolYearOf } from "../../core/register/defaults";
import type { Settings } from "../../core/register/model";
import { QUARTERS, type Quarter } from "../../core/register/schema";
import type { Period } from "../../core/report/episodes";
import { readDateInput } from "./dateInput";
import { MONTH_NAMES_RU } from "../../core/dates/monthNames";

export type PeriodKind = "month" | "quarter" | "custom";

export interface PeriodChoice {
  readonly kind: PeriodKind;
  /** `YYYY-MM` */
  readonly month: string;
  readonly quarter: Quarter;
  readonly from: string;
  readonly to: string;
}

/** The months of the school year (September to August) as list options. */
export function schoolYearMonths(
  settings: Settings,
  today: IsoDate
): { value: string; label: string }[] {
  const start =
    parseSchoolYear(settings.schoolYear)?.start ?? Number(schoolYearOf(today).slice(0, 4));
  const out: { value: string; label: string }[] = [];
  for (let i = 0; i < 12; i++) {
    const m = ((8 + i) % 12) + 1;
    const y = i < 4 ? start : start + 1;
    out.push({
      value: `${y}-${String(m).padStart(2, "0")}`,
      label: `${MONTH_NAMES_RU[m - 1] ?? ""} ${y}`,
    });
  }
  return out;
}

/** The quarters that have both dates in the settings. */
export function settledQuarters(settings: Settings): { value: Quarter; label: string }[] {
  return QUARTERS.flatMap((q) => {
    const d = settings.quarters[q];
    return d
      ? [{ value: q, label: `${q} четверть (${formatDateRu(d.from)}–${formatDateRu(d.to)})` }]
      : [];
  });
}

/** The default choice: the month of today. */
export function defaultPeriodChoice(today: IsoDate): PeriodChoice {
  return { kind: "month", month: today.slice(0, 7), quarter: "I", from: "", to: "" };
}

/** The period of a choice, or a Russian message. */
export function periodOf(
  choice: PeriodChoice,
  settings: Settings
): { ok: true; period: Period } | { ok: false; message: string } {
  if (choice.kind === "month") {
    const y = Number(choice.month.slice(0, 4));
    const m = Number(choice.month.slice(5, 7));
    if (!Number.isInteger(y) || m < 1 || m > 12) {
      return { ok: false, message: "Выберите месяц" };
    }
    const mm = String(m).padStart(2, "0");
    return {
      ok: true,
      period: {
        from: `${y}-${mm}-01`,
        to: `${y}-${mm}-${String(daysInMonth(y, m)).padStart(2, "0")}`,
      },
    };
  }
  if (choice.kind === "quarter") {
    const q = settings.quarters[choice.quarter];
    return q
      ? { ok: true, period: { from: q.from, to: q.to } }
      : { ok: false, message: `Даты ${choice.quarter} четверти не заданы на листе «Настройки»` };
  }
  const from = readDateInput(choice.from, true);
  const to = readDateInput(choice.to, true);
  if (!from.ok) {
    return { ok: false, message: `Начало периода: ${from.message}` };
  }
  if (!to.ok) {
    return { ok: false, message: `Конец периода: ${to.message}` };
  }
  if (from.value === null || to.value === null || from.value > to.value) {
    return { ok: false, message: "Начало периода позже его конца" };
  }
  return { ok: true, period: { from: from.value, to: to.value } };
}

/**
 * The deadlines shown in the «Случай» form while dates are typed: the one-time steps of the
 * register's «Регламент» for the decided level (level 1's periods while no level is chosen),
 * counted from identification or registration (computeDueDate: ГК РФ ст. 191–193).
 */
import type { ProductionCalendar } from "../../core/calendar/productionCalendar";
import { formatDateWithWeekdayRu, type IsoDate } from "../../core/dates/isoDate";
import { computeDueDate } from "../../core/deadlines/computeDueDate";
import type { Level } from "../../core/indicators/catalog";
import type { Regulation } from "../../core/register/model";
import { DEFAULT_REGULATION, RECURRING_STEPS } from "../../core/register/regulation";
import type { StepKey } from "../../core/register/schema";
import { periodFor, stepName } from "../../excel/writeCase";

export interface PreviewRow {
  readonly step: StepKey;
  readonly name: string;
  /** «до 16.11.2026 (пн)». */
  readonly dueText: string;
  readonly due: IsoDate;
  readonly reason: string | null;
  readonly from: "identification" | "registration";
}

/** The one-time steps with their due dates from the dates known so far. */
export function previewDeadlines(
  identified: IsoDate | null,
  registered: IsoDate | null,
  calendar: ProductionCalendar,
  regulation: Regulation = DEFAULT_REGULATION,
  level: Level | null = null
): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const step of regulation.steps) {
    const period = periodFor(step, level);
    if (RECURRING_STEPS.has(step.step) || period === null || "quarterEnd" in period) {
      continue;
    }
    const base = step.from === "identification" ? identified : registered;
    if (base === null) {
      continue;
    }
    const due = computeDueDate(base, period, calendar);
    rows.push({
      step: step.step,
      name: stepName(step.step),
      due: due.due,
      dueText: `до ${formatDateWithWeekdayRu(due.due)}`,
      reason: due.reason,
      from: step.from,
    });
  }
  return rows;
}

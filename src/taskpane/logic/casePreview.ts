/**
 * The deadlines shown in the «Случай» form while dates are typed: the registration order
 * counted from identification (14 days), the 7-day steps counted from registration
 * (computeDueDate: ГК РФ ст. 191, 193).
 */
import type { ProductionCalendar } from "../../core/calendar/productionCalendar";
import { formatDateWithWeekdayRu, type IsoDate } from "../../core/dates/isoDate";
import { computeDueDate } from "../../core/deadlines/computeDueDate";
import { STEP_DEFINITIONS } from "../../core/deadlines/steps";
import type { StepKey } from "../../core/register/schema";

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
  calendar: ProductionCalendar
): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const step of STEP_DEFINITIONS) {
    if (step.rule.kind !== "once") {
      continue;
    }
    const base = step.rule.from === "identification" ? identified : registered;
    if (base === null) {
      continue;
    }
    const due = computeDueDate(base, step.rule.period, calendar);
    rows.push({
      step: step.key,
      name: step.name,
      due: due.due,
      dueText: `до ${formatDateWithWeekdayRu(due.due)}`,
      reason: due.reason,
      from: step.rule.from,
    });
  }
  return rows;
}

/**
 * Deadlines of the regulated steps (ГК РФ ст. 191, 192, 193; the regulation profile
 * «Регламент», see ./steps.ts) and the school's own deadlines: the public API of this folder.
 */
import type { ProductionCalendar } from "../calendar/productionCalendar";
import type { IsoDate } from "../dates/isoDate";
import type { Register } from "../register/model";
import { computeDeadlines } from "./computeDeadlines";
import type { ListedDeadline } from "./deadlineRow";
import { computeSchoolDeadlines, type SchoolDeadlineOptions } from "./schoolDeadlines";

export { computeDueDate, settleDueDate, type DueDate, type Period } from "./computeDueDate";
export {
  childName,
  computeDeadlines,
  isOpenOn,
  profileLevel,
  registeredOn,
} from "./computeDeadlines";
export {
  personOf,
  statusOfDue,
  type DeadlineRow,
  type DeadlineStatus,
  type ListedDeadline,
  type SchoolDeadlineRow,
} from "./deadlineRow";
export { groupDeadlines, type DeadlineGroups } from "./groupDeadlines";
export { codeKey, naturalCompare, naturalKey } from "./naturalCompare";
export { nextQuarterEnd } from "./nextQuarterEnd";
export {
  computeSchoolDeadlines,
  type SchoolDeadlineOptions,
  type SentReport,
} from "./schoolDeadlines";
export {
  STEP_DEFINITIONS,
  stepName,
  stepRule,
  stepRules,
  type StepDefinition,
  type StepRule,
} from "./steps";
export { toDeadlinesJson, type DeadlineJson } from "./toDeadlinesJson";

/**
 * The whole deadline list of a register on a date: the cases' steps ({@link computeDeadlines})
 * then the school's own deadlines ({@link computeSchoolDeadlines}).
 * @example computeDeadlineList(register, "2026-11-23", calendar, { sentReports: ["2026-10"] })
 */
export function computeDeadlineList(
  register: Register,
  on: IsoDate,
  calendar: ProductionCalendar,
  options: SchoolDeadlineOptions = {}
): ListedDeadline[] {
  return [
    ...computeDeadlines(register, on, calendar),
    ...computeSchoolDeadlines(register.settings, on, calendar, options),
  ];
}

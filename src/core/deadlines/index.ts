/**
 * Deadlines of the regulated steps (ГК РФ ст. 191, 192, 193; time limits of 000 and 001, see
 * ./steps.ts): the public API of this folder.
 */
export { computeDueDate, settleDueDate, type DueDate, type Period } from "./computeDueDate";
export { computeDeadlines, isOpenOn, registeredOn } from "./computeDeadlines";
export { statusOfDue, type DeadlineRow, type DeadlineStatus } from "./deadlineRow";
export { groupDeadlines, type DeadlineGroups } from "./groupDeadlines";
export { codeKey, naturalCompare, naturalKey } from "./naturalCompare";
export { nextQuarterEnd } from "./nextQuarterEnd";
export { STEP_DEFINITIONS, type StepDefinition, type StepRule } from "./steps";
export { toDeadlinesJson, type DeadlineJson } from "./toDeadlinesJson";

/** The report: aggregation of one school's register and consolidation of a district. */
export { aggregateReport, parentCommunity, socialPassport } from "./aggregate";
export { REPORT_COLUMNS } from "./columns";
export { consolidateReports, type ConsolidationMeta } from "./consolidate";
export { isActivityActive } from "./activitiesSection";
export { isOnRegister, isRegistered, type Period, type RegisteredEpisode } from "./episodes";
export type * from "./types";

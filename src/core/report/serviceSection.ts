/**
 * Section IV of the report: the service log («Служба») by school quarter, from the start of
 * quarter I up to the period's end (the period's start does not matter: the table shows the
 * school year so far). A row belongs to the quarter `quarterOf` gives; a row in no quarter (before
 * the first set quarter, or a year after it) is left out. When quarter I is not set, rows are
 * grouped by whatever `quarterOf` gives, with no other lower bound.
 */
import type { IsoDate } from "../dates/isoDate";
import type { ServiceEntry } from "../register/model";
import { quarterOf, type QuarterTable } from "../register/quarters";
import { SERVICE_KINDS, type ServiceKind } from "../register/schema";
import type { ReportJson, ServiceQuarter } from "./types";

/** A quarter of section IV with every count zero. */
export function emptyServiceQuarter(): ServiceQuarter {
  const kinds = Object.fromEntries(SERVICE_KINDS.map((k) => [k.key, 0])) as Record<
    ServiceKind,
    number
  >;
  return { covered: 0, ...kinds };
}

/**
 * Section IV up to a date.
 * @param service - every «Служба» row
 * @param quarters - the quarters from the settings
 * @param to - the period's end
 */
export function serviceSection(
  service: readonly ServiceEntry[],
  quarters: QuarterTable,
  to: IsoDate
): ReportJson["service"] {
  const result: ReportJson["service"] = {
    I: emptyServiceQuarter(),
    II: emptyServiceQuarter(),
    III: emptyServiceQuarter(),
    IV: emptyServiceQuarter(),
  };
  const yearStart = quarters.I?.from ?? "";
  for (const row of service) {
    if (row.date > to || row.date < yearStart) {
      continue;
    }
    const q = quarterOf(row.date, quarters);
    if (q !== null) {
      const cell = result[q];
      cell.covered += row.covered;
      cell[row.kind] += row.count;
    }
  }
  return result;
}

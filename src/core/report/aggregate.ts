/**
 * The report for a period, sections I–VII (shared/spec/domain.md, «The report form»), as the
 * JSON of shared/spec/workbook.md. Pure: the register and the period in, counts out; episodes are
 * indexed by code once and children/families are counted through Sets of their keys, so the
 * work is linear in the number of rows.
 *
 * Decisions where the spec is silent:
 * - Only episodes with both a level and a registration date count as registered; an identified,
 *   not yet registered episode appears nowhere (except as the episode an assistance row names,
 *   which only tells the family).
 * - «Код» is unique by contract; should it repeat, the first episode with that code wins. Rows of
 *   «Помощь» and «Занятость» naming no known episode are ignored.
 * - II: an indicator repeated in one episode counts once; codes of the other level, and unknown
 *   codes, fall in no row. An episode whose removal date is in the period counts as removed
 *   whatever its registration date, except a level-1 episode ended by a transfer to level 2
 *   (./transfers.ts): the child is still on the register.
 * - III: assistance counts for the family whichever of its episodes the row names; a family
 *   with children on both levels is on both levels' lines.
 * - IV: year to date, from quarter I's start to `to` (see serviceSection.ts).
 * - V: an activity's end date is its last day; a child on both levels at once (inconsistent
 *   data) counts once in the total and once in each level.
 * - V «Другие объединения (указать)»: the names of the «другое» activities counted there.
 * - VI: exactly the eight parameters of the form, in its order; a missing or non-numeric value
 *   is 0. VII: the coordinator as the settings give it; under it the signature block (director,
 *   executor) from the settings of version 2.
 * - The title's wording: `schoolTerm` names a quarter or the whole school year when [from, to]
 *   is exactly that in the settings (./schoolTerm.ts).
 * - A period whose `from` is after its `to` has nothing registered, removed or helped within
 *   it; the counts «at `to`» are still given.
 */
import type { PassportRow, Register, Settings } from "../register/model";
import {
  PARENT_COMMUNITY_PARAMS,
  PASSPORT_CATEGORIES,
  type PassportCategory,
} from "../register/schema";
import { activitiesSection, otherActivityNames } from "./activitiesSection";
import { assistanceSection } from "./assistanceSection";
import { indexByCode, type Period } from "./episodes";
import { registerSection } from "./registerSection";
import { schoolTermOf } from "./schoolTerm";
import { serviceSection } from "./serviceSection";
import type { ChildFamilyCount, ReportJson } from "./types";

/**
 * Builds the report of one school for a period.
 * @param register - the school's register
 * @param period - the reporting period, both ends inclusive
 * @returns the report, counts only
 * @example
 * // one level-1 child, registered 2026-09-15, not removed:
 * aggregateReport(register, { from: "2026-10-01", to: "2026-10-31" }).register.level1.total
 * //=> { registered: { children: 0, families: 0 }, onRegister: { children: 1, families: 1 } }
 */
export function aggregateReport(register: Register, period: Period): ReportJson {
  const { settings } = register;
  const byCode = indexByCode(register.episodes);
  return {
    school: settings.school,
    district: settings.district,
    schoolYear: settings.schoolYear,
    from: period.from,
    to: period.to,
    schoolTerm: schoolTermOf(period, settings.quarters),
    socialPassport: socialPassport(register.passport),
    register: registerSection(register.episodes, period),
    assistance: [
      {
        school: settings.school,
        ...assistanceSection(register.episodes, register.assistance, byCode, period),
      },
    ],
    service: serviceSection(register.service, settings.quarters, period.to),
    activities: activitiesSection(register.activities, byCode, period.to),
    otherActivityNames: otherActivityNames(register.activities, byCode, period.to),
    parentCommunity: parentCommunity(settings),
    coordinator: { ...settings.coordinator },
    signature: {
      director: settings.director,
      executorName: settings.executor.name,
      executorPhone: settings.executor.phone,
    },
  };
}

/** Section I: the class rows of «Соцпаспорт» summed, for every category. */
export function socialPassport(
  rows: readonly PassportRow[]
): Record<PassportCategory, ChildFamilyCount> {
  const result = Object.fromEntries(
    PASSPORT_CATEGORIES.map((c) => [c.key, { children: 0, families: 0 }])
  ) as Record<PassportCategory, ChildFamilyCount>;
  for (const row of rows) {
    for (const c of PASSPORT_CATEGORIES) {
      const value = row.values[c.key];
      result[c.key].children += finiteOrZero(value.children);
      result[c.key].families += finiteOrZero(value.families);
    }
  }
  return result;
}

/** Section VI: every parameter of the form, 0 when the settings leave it empty. */
export function parentCommunity(settings: Settings): Record<string, number> {
  return Object.fromEntries(
    PARENT_COMMUNITY_PARAMS.map((p) => [p, finiteOrZero(settings.parentCommunity[p])])
  );
}

function finiteOrZero(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/**
 * Section III of the report: per level, the families on the register at the period's end, how
 * many of them received any assistance within the period, and how many received each kind.
 * Assistance counts for the family, whichever of its episodes the «Помощь» row names (a removed
 * one, an unregistered one, one of a sibling); a family with children on both levels is counted
 * on both. A row naming no known episode is ignored.
 */
import type { Level } from "../indicators/catalog";
import type { Assistance, Episode } from "../register/model";
import { ASSISTANCE_KINDS, type AssistanceKind } from "../register/schema";
import { inPeriod, isOnRegister, isRegistered, type Period } from "./episodes";
import type { AssistanceLevel } from "./types";

class HelpTally {
  readonly families = new Set<string>();
  readonly helped = new Set<string>();
  readonly byKind = new Map<AssistanceKind, Set<string>>(
    ASSISTANCE_KINDS.map((k) => [k.key, new Set()])
  );

  result(): AssistanceLevel {
    const byKind = Object.fromEntries(
      ASSISTANCE_KINDS.map((k) => [k.key, this.byKind.get(k.key)?.size ?? 0])
    ) as Record<AssistanceKind, number>;
    return { families: this.families.size, helped: this.helped.size, byKind };
  }
}

/**
 * Section III for one school, both levels.
 * @param episodes - every episode of the register
 * @param assistance - every «Помощь» row
 * @param byCode - the episodes by «Код»
 * @param period - the reporting period
 */
export function assistanceSection(
  episodes: readonly Episode[],
  assistance: readonly Assistance[],
  byCode: ReadonlyMap<string, Episode>,
  period: Period
): { level1: AssistanceLevel; level2: AssistanceLevel } {
  const levels: Record<Level, HelpTally> = { 1: new HelpTally(), 2: new HelpTally() };
  for (const e of episodes) {
    if (isRegistered(e) && isOnRegister(e, period.to)) {
      levels[e.level].families.add(e.familyKey);
    }
  }
  for (const row of assistance) {
    const family = inPeriod(row.date, period) ? byCode.get(row.caseCode)?.familyKey : undefined;
    if (family === undefined) {
      continue;
    }
    for (const tally of [levels[1], levels[2]]) {
      if (tally.families.has(family)) {
        tally.helped.add(family);
        tally.byKind.get(row.kind)?.add(family);
      }
    }
  }
  return { level1: levels[1].result(), level2: levels[2].result() };
}

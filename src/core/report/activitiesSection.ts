/**
 * Section V of the report: children on the register at the period's end with an organised
 * activity («Занятость») active at that date, by kind, in total and by level. The end date is
 * the activity's last day (inclusive); an open start or end is unbounded. The row's «Код» names
 * the episode, and the level is that episode's; an activity of an episode that is not on the
 * register at the period's end does not count. A child is counted once per cell.
 */
import type { IsoDate } from "../dates/isoDate";
import type { Activity, Episode } from "../register/model";
import { ACTIVITY_KINDS, type ActivityKind } from "../register/schema";
import { matchKey } from "../text";
import { isOnRegister, isRegistered, type RegisteredEpisode } from "./episodes";
import type { ActivityCount, ReportJson } from "./types";

/** Whether an activity runs on a date: (no start or start ≤ D) and (no end or end ≥ D). */
export function isActivityActive(activity: Activity, date: IsoDate): boolean {
  return (
    (activity.start === null || activity.start <= date) &&
    (activity.end === null || activity.end >= date)
  );
}

/** The episode an activity row counts for at `to`, or null when the row counts nowhere. */
function countedEpisode(
  row: Activity,
  byCode: ReadonlyMap<string, Episode>,
  to: IsoDate
): RegisteredEpisode | null {
  const episode = byCode.get(row.caseCode);
  if (
    !episode ||
    !isRegistered(episode) ||
    !isActivityActive(row, to) ||
    !isOnRegister(episode, to)
  ) {
    return null;
  }
  return episode;
}

interface KindTally {
  readonly total: Set<string>;
  readonly level1: Set<string>;
  readonly level2: Set<string>;
}

/**
 * Section V at a date.
 * @param activities - every «Занятость» row
 * @param byCode - the episodes by «Код»
 * @param to - the period's end
 */
export function activitiesSection(
  activities: readonly Activity[],
  byCode: ReadonlyMap<string, Episode>,
  to: IsoDate
): ReportJson["activities"] {
  const tallies = new Map<ActivityKind, KindTally>(
    ACTIVITY_KINDS.map((k) => [k.key, { total: new Set(), level1: new Set(), level2: new Set() }])
  );
  for (const row of activities) {
    const episode = countedEpisode(row, byCode, to);
    const tally = tallies.get(row.kind);
    if (!episode || !tally) {
      continue;
    }
    tally.total.add(episode.childKey);
    (episode.level === 1 ? tally.level1 : tally.level2).add(episode.childKey);
  }
  const count = (t: KindTally | undefined): ActivityCount => ({
    total: t?.total.size ?? 0,
    level1: t?.level1.size ?? 0,
    level2: t?.level2.size ?? 0,
  });
  return Object.fromEntries(
    ACTIVITY_KINDS.map((k) => [k.key, count(tallies.get(k.key))])
  ) as Record<ActivityKind, ActivityCount>;
}

/**
 * The names for «Другие объединения (указать)»: «Объединение» of every «другое» row counted in
 * section V (see `uniqueNames`). A row with no name adds none.
 */
export function otherActivityNames(
  activities: readonly Activity[],
  byCode: ReadonlyMap<string, Episode>,
  to: IsoDate
): string[] {
  return uniqueNames(
    activities
      .filter((row) => row.kind === "other" && countedEpisode(row, byCode, to) !== null)
      .map((row) => row.name)
  );
}

/**
 * Names each once — compared ignoring case, «ё» and spacing, the first spelling kept, with runs
 * of spaces made one — in Russian alphabetical order; empty names dropped.
 */
export function uniqueNames(names: Iterable<string>): string[] {
  const byKey = new Map<string, string>();
  for (const raw of names) {
    const name = raw.replace(/\s+/g, " ").trim();
    const key = matchKey(name);
    if (name !== "" && !byKey.has(key)) {
      byKey.set(key, name);
    }
  }
  return [...byKey.values()].sort(
    (a, b) => a.localeCompare(b, "ru") || (a < b ? -1 : a > b ? 1 : 0)
  );
}

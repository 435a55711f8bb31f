/**
 * The small vocabulary every section of the report shares: which episodes count, «on the
 * register at a date», periods, and distinct children/families (shared/spec/domain.md,
 * «The report form»).
 */
import type { IsoDate } from "../dates/isoDate";
import type { Level } from "../indicators/catalog";
import type { Episode } from "../register/model";
import type { ChildFamilyCount } from "./types";

/** The reporting period, both ends inclusive. */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** An episode with a decided level and a registration date: the only kind the report counts. */
export type RegisteredEpisode = Episode & { readonly level: Level; readonly registered: IsoDate };

/** Whether the episode was registered (has both a level and a registration date). */
export function isRegistered(episode: Episode): episode is RegisteredEpisode {
  return episode.level !== null && episode.registered !== null;
}

/**
 * «On the register at D»: registered on or before D and not removed on or before D (an
 * episode removed on D is no longer on the register at D).
 */
export function isOnRegister(episode: RegisteredEpisode, date: IsoDate): boolean {
  return episode.registered <= date && (episode.removed === null || episode.removed > date);
}

/** Whether a date lies within the period, both ends included. */
export function inPeriod(date: IsoDate | null, period: Period): boolean {
  return date !== null && period.from <= date && date <= period.to;
}

/**
 * Episodes by «Код». Codes are unique by contract; should a code repeat, the first row wins.
 */
export function indexByCode(episodes: readonly Episode[]): ReadonlyMap<string, Episode> {
  const byCode = new Map<string, Episode>();
  for (const e of episodes) {
    if (!byCode.has(e.code)) {
      byCode.set(e.code, e);
    }
  }
  return byCode;
}

/** Distinct children and families seen so far. */
export class Tally {
  private readonly children = new Set<string>();
  private readonly families = new Set<string>();

  /** Counts the episode's child and family (each once, however often added). */
  add(episode: Episode): void {
    this.children.add(episode.childKey);
    this.families.add(episode.familyKey);
  }

  /** The counts as the report shows them. */
  count(): ChildFamilyCount {
    return { children: this.children.size, families: this.families.size };
  }
}

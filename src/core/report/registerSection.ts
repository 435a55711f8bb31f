/**
 * Section II of the report: children and families registered within the period and on the
 * register at its end, per level and per indicator of that level, and removals per level.
 * A level-1 episode's С-codes and a level-2 episode's Р-codes belong to no row of its level.
 * A level-1 episode ended by a transfer to level 2 is not a removal (see ./transfers.ts).
 */
import { indicatorCodes, type Level } from "../indicators/catalog";
import type { Episode } from "../register/model";
import {
  inPeriod,
  isOnRegister,
  isRegistered,
  Tally,
  type Period,
  type RegisteredEpisode,
} from "./episodes";
import { transferredEpisodes } from "./transfers";
import type { RegisterLevel, ReportJson } from "./types";

interface RowTally {
  readonly registered: Tally;
  readonly onRegister: Tally;
}

class LevelTally {
  readonly total: RowTally = newRowTally();
  readonly indicators = new Map<string, RowTally>();
  readonly removed = new Tally();

  constructor(level: Level) {
    for (const code of indicatorCodes(level)) {
      this.indicators.set(code, newRowTally());
    }
  }

  add(e: RegisteredEpisode, period: Period, transferred: boolean): void {
    if (inPeriod(e.registered, period)) {
      this.addTo("registered", e);
    }
    if (isOnRegister(e, period.to)) {
      this.addTo("onRegister", e);
    }
    if (!transferred && inPeriod(e.removed, period)) {
      this.removed.add(e);
    }
  }

  result(): RegisterLevel {
    const indicators: RegisterLevel["indicators"] = {};
    for (const [code, row] of this.indicators) {
      indicators[code] = rowCount(row);
    }
    return { total: rowCount(this.total), indicators };
  }

  private addTo(column: keyof RowTally, e: RegisteredEpisode): void {
    this.total[column].add(e);
    for (const code of e.indicators) {
      this.indicators.get(code)?.[column].add(e);
    }
  }
}

function newRowTally(): RowTally {
  return { registered: new Tally(), onRegister: new Tally() };
}

function rowCount(row: RowTally): RegisterLevel["total"] {
  return { registered: row.registered.count(), onRegister: row.onRegister.count() };
}

/**
 * Section II for a period, in one pass over the episodes.
 * @param episodes - every episode of the register
 * @param period - the reporting period
 */
export function registerSection(
  episodes: readonly Episode[],
  period: Period
): ReportJson["register"] {
  const levels = { 1: new LevelTally(1), 2: new LevelTally(2) };
  const transferred = transferredEpisodes(episodes);
  for (const e of episodes) {
    if (isRegistered(e)) {
      levels[e.level].add(e, period, transferred.has(e));
    }
  }
  return {
    level1: levels[1].result(),
    level2: levels[2].result(),
    removed: { level1: levels[1].removed.count(), level2: levels[2].removed.count() },
  };
}

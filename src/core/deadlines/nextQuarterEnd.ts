/**
 * The individual plan (ИПС) is reviewed at the end of each school quarter (order No. 223-д of
 * 14.03.2023, annex 5 — «001 annex 5»). Quarter dates come from «Настройки»
 * (`I четверть по` … `IV четверть по`).
 */
import type { IsoDate } from "../dates/isoDate";
import type { Settings } from "../register/model";
import { QUARTERS } from "../register/schema";

/**
 * The first school quarter's last day strictly after a date, or null when no quarter end
 * follows (quarters not set, or the school year is over).
 * @param quarters the school quarters from the settings (a quarter may be missing)
 * @param after the date after which the quarter must end
 * @example
 * nextQuarterEnd({ I: { from: "2026-09-01", to: "2026-10-23" },
 *                  II: { from: "2026-11-05", to: "2026-12-29" } }, "2026-10-23")
 * //=> "2026-12-29"
 * @see 001 annex 5
 */
export function nextQuarterEnd(quarters: Settings["quarters"], after: IsoDate): IsoDate | null {
  let best: IsoDate | null = null;
  for (const q of QUARTERS) {
    const end = quarters[q]?.to;
    if (end !== undefined && end > after && (best === null || end < best)) {
      best = end;
    }
  }
  return best;
}

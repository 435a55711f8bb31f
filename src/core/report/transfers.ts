/**
 * Transfers from level 1 to level 2 (shared/spec/domain.md «Target group»): the level-1 episode
 * ends with the ground «переведён в СОП» and a level-2 episode of the same child opens. In the
 * report's «Снятие с учёта» a transfer is not a removal: the child is still on the register, at
 * level 2.
 *
 * A level-1 episode's removal is a transfer when
 * - its «Основание снятия» begins with «переведён в СОП» (case, «ё» and spacing ignored; the
 *   task pane and the demo write exactly that), or
 * - on the removal date the same child is on the register at level 2 (a register typed by hand
 *   with another wording, e.g. «по постановлению КДН и ЗП»).
 * A ground such as «переведён в другую школу» with no level-2 episode is a removal.
 */
import type { IsoDate } from "../dates/isoDate";
import type { Episode } from "../register/model";
import { matchKey } from "../text";
import { isOnRegister, isRegistered } from "./episodes";

/** «Основание снятия» of a level-1 episode ended by a transfer to level 2. */
export const TRANSFER_REASON = "переведён в СОП";

const TRANSFER_KEY = matchKey(TRANSFER_REASON);

/** Whether a ground of removal says «переведён в СОП» (at its start, whatever follows). */
export function isTransferReason(reason: string): boolean {
  return matchKey(reason).startsWith(TRANSFER_KEY);
}

/**
 * The level-1 episodes whose removal is a transfer to level 2 (the same objects as given).
 * @param episodes - every episode of the register
 */
export function transferredEpisodes(episodes: readonly Episode[]): ReadonlySet<Episode> {
  const level2ByChild = new Map<string, Episode[]>();
  for (const e of episodes) {
    if (e.level === 2 && isRegistered(e)) {
      const list = level2ByChild.get(e.childKey);
      if (list) {
        list.push(e);
      } else {
        level2ByChild.set(e.childKey, [e]);
      }
    }
  }
  const transferred = new Set<Episode>();
  for (const e of episodes) {
    if (e.level !== 1 || e.removed === null) {
      continue;
    }
    const removed: IsoDate = e.removed;
    const atLevel2 = (level2ByChild.get(e.childKey) ?? []).some(
      (l2) => isRegistered(l2) && isOnRegister(l2, removed)
    );
    if (atLevel2 || isTransferReason(e.removalReason)) {
      transferred.add(e);
    }
  }
  return transferred;
}

/**
 * The suggested target group (shared/spec/domain.md, «Target group: suggested and decided»):
 * 2 when any С-indicator is present, else 1 when any Р-indicator is present, else 0.
 * The decided level is the council's (level 1) or the commission's (level 2) decision; a
 * decided level that differs from the suggestion is allowed and flagged for a written reason.
 */
import { findIndicator, type Level } from "./catalog";

export type SuggestedGroup = 0 | 1 | 2;

export interface GroupSuggestion {
  readonly group: SuggestedGroup;
  /** Why: the codes that decided the group, with their wording, in Russian. */
  readonly reasons: string[];
}

/**
 * Suggests the target group of a set of canonical indicator codes.
 * @example suggestTargetGroup(["Р2", "С14"]).group //=> 2
 */
export function suggestTargetGroup(codes: readonly string[]): GroupSuggestion {
  const level2 = codes.filter((c) => findIndicator(c)?.level === 2);
  const level1 = codes.filter((c) => findIndicator(c)?.level === 1);
  const decisive = level2.length > 0 ? level2 : level1;
  const group: SuggestedGroup = level2.length > 0 ? 2 : level1.length > 0 ? 1 : 0;
  const reasons = decisive.map((c) => `${c}: ${findIndicator(c)?.short ?? ""}`);
  if (group === 0) {
    reasons.push("показатели неблагополучия не отмечены");
  }
  return { group, reasons };
}

export interface LevelCheck {
  readonly matches: boolean;
  /** A Russian sentence for the user when the decision differs from the suggestion. */
  readonly message: string | null;
}

const GROUP_NAMES: Record<SuggestedGroup, string> = {
  0: "без постановки на учёт",
  1: "уровень 1 (ранняя стадия семейного неблагополучия)",
  2: "уровень 2 (СОП)",
};

/** Checks a decided level against the suggestion from the indicators. */
export function checkDecidedLevel(level: Level, codes: readonly string[]): LevelCheck {
  const { group } = suggestTargetGroup(codes);
  if (group === level) {
    return { matches: true, message: null };
  }
  return {
    matches: false,
    message:
      `Решение (уровень ${level}) не совпадает с рекомендацией по показателям: ${GROUP_NAMES[group]}. ` +
      "Укажите причину в примечании.",
  };
}

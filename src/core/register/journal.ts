/**
 * «Журнал» (workbook.md version 2): one row per write of the add-in or a script — when, who,
 * what, which sheet and rows, and the episode codes concerned (codes only: no names, no other
 * personal data). The wording of a row is built here so the add-in and the command line agree.
 */
import type { IsoDate } from "../dates/isoDate";
import type { JOURNAL_COLUMNS } from "./schema";

export type JournalColumn = (typeof JOURNAL_COLUMNS)[number];

export interface JournalEntry {
  /** Local date and time of the write: `YYYY-MM-DDTHH:MM:SS`. */
  readonly when: `${IsoDate}T${string}`;
  /** `надстройка` or `vshu <command>`. */
  readonly who: string;
  readonly action: string;
  readonly sheet: string;
  /** Sheet rows written (any order, repeats allowed). */
  readonly rows: readonly number[];
  /** Episode codes of the rows written. */
  readonly codes: readonly string[];
}

/** Longest «Код» cell text: the rest of a long list is counted, not listed. */
export const JOURNAL_CODES_LIMIT = 1000;

/**
 * Row numbers as ranges.
 * @example formatRowRanges([12, 13, 14, 20]) //=> "12–14, 20"
 */
export function formatRowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const from = sorted[i] ?? 0;
    let to = from;
    while (sorted[i + 1] === to + 1) {
      to++;
      i++;
    }
    i++;
    parts.push(from === to ? String(from) : `${from}–${to}`);
  }
  return parts.join(", ");
}

/**
 * Episode codes, distinct, in order, at most JOURNAL_CODES_LIMIT characters.
 * @example formatJournalCodes(["В-1", "В-2", "В-1"]) //=> "В-1, В-2"
 */
export function formatJournalCodes(codes: readonly string[]): string {
  const distinct = [...new Set(codes.map((c) => c.trim()).filter((c) => c !== ""))];
  let text = "";
  for (let i = 0; i < distinct.length; i++) {
    const next = text === "" ? (distinct[i] ?? "") : `${text}, ${distinct[i] ?? ""}`;
    const rest = distinct.length - i;
    if (next.length > JOURNAL_CODES_LIMIT) {
      return `${text} и ещё ${rest}`;
    }
    text = next;
  }
  return text;
}

/** The values of one «Журнал» row by header («Когда» is the local date and time). */
export function journalRow(
  entry: JournalEntry
): Record<Exclude<JournalColumn, "Когда">, string> & { readonly Когда: { dateTime: string } } {
  return {
    Когда: { dateTime: entry.when },
    Кто: entry.who,
    Действие: entry.action,
    Лист: entry.sheet,
    Строки: formatRowRanges(entry.rows),
    Код: formatJournalCodes(entry.codes),
  };
}

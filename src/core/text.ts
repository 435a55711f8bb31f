/**
 * Matching of codes and list values "without regard to case, spacing or Latin look-alike
 * letters" (shared/spec/workbook.md): «Р2», «p2», «P 2» and «р2» are the same code.
 */
import { cachedBy } from "./cache";

/** Latin letters that look like Cyrillic ones, mapped to the Cyrillic letter. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
};

const LOOK_ALIKE_RE = /[ABCEHKMOPTXYacepoxyk]/g;

/** Replaces Latin look-alike letters with their Cyrillic twins. */
export function toCyrillicLookAlikes(text: string): string {
  return text.replace(LOOK_ALIKE_RE, (ch) => LOOK_ALIKES[ch] ?? ch);
}

/** Codes, names, headers and list values repeat across a register's rows. */
const KEY_CACHE_LIMIT = 200_000;

const keyOf = cachedBy(
  (text: string) =>
    toCyrillicLookAlikes(text)
      .toLowerCase()
      .replace(/ё/g, "е")
      .replace(/[\s\u00a0\u202f]+/g, " ")
      .trim(),
  KEY_CACHE_LIMIT
);

const compactKeyOf = cachedBy(
  (text: string) => keyOf(text).replace(/[\s\u2010-\u2015-]+/g, ""),
  KEY_CACHE_LIMIT
);

/**
 * The comparison key of a list value or code: look-alikes folded to Cyrillic, lower case,
 * «ё» as «е», runs of white space (including no-break spaces) as one space, trimmed.
 */
export function matchKey(text: string): string {
  return keyOf(text);
}

/** A key that also ignores every space and the dash variants (for values like «педсовет / МО»). */
export function compactKey(text: string): string {
  return compactKeyOf(text);
}

/** Builds a lookup from each allowed value's compact key to the canonical value. */
export function makeListMatcher<T extends string>(
  values: readonly T[]
): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(compactKey(v), v);
  }
  return (text: string) => map.get(compactKey(text)) ?? null;
}

/**
 * The Russian plural form for a count.
 * @example pluralRu(252, ["шаг", "шага", "шагов"]) //=> "шага"
 */
export function pluralRu(
  n: number,
  forms: readonly [one: string, few: string, many: string]
): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) {
    return forms[2];
  }
  if (b === 1) {
    return forms[0];
  }
  return b >= 2 && b <= 4 ? forms[1] : forms[2];
}

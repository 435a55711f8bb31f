/**
 * Parsing of indicator code lists typed by people: «Р2, Р5, С14», «p2;p5 c14», «Р 2 / С 14».
 * Latin look-alikes (P, C), any case, any spacing and the separators , ; / | and line breaks
 * are accepted (shared/spec/domain.md). Unknown tokens are returned by name, as typed.
 */
import { cachedBy } from "../cache";
import { toCyrillicLookAlikes } from "../text";
import { findIndicator, INDICATORS } from "./catalog";

export interface ParsedCodes {
  /** Known codes, canonical Cyrillic, without repeats, in catalog order. */
  readonly codes: string[];
  /** Tokens that name no indicator, as the user typed them. */
  readonly unknown: string[];
}

const SEPARATOR = /[\s,;/|\u00a0]/;
/** A code at the current position (sticky: matched where `lastIndex` points, no slicing). */
const CODE_AT = /([РрСс])\s*[-.]?\s*(\d{1,3})(?![\d])/y;
const ORDER = new Map(INDICATORS.map((i, n) => [i.code, n]));

/** Lists repeat across a register's rows: each distinct text is parsed once. */
const parseOnce = cachedBy((text: string) => parseUncached(text), 20_000);

/**
 * Reads a list of indicator codes.
 * @example parseIndicatorCodes("p2, С 14; x9") //=> { codes: ["Р2", "С14"], unknown: ["x9"] }
 */
export function parseIndicatorCodes(text: string): ParsedCodes {
  const parsed = parseOnce(text);
  // Copies: the caller owns its arrays.
  return { codes: parsed.codes.slice(), unknown: parsed.unknown.slice() };
}

function parseUncached(text: string): ParsedCodes {
  const found = new Set<string>();
  const unknown: string[] = [];
  const folded = toCyrillicLookAlikes(text);
  let i = 0;
  while (i < folded.length) {
    const ch = folded.charAt(i);
    if (SEPARATOR.test(ch)) {
      i += 1;
      continue;
    }
    CODE_AT.lastIndex = i;
    const m = CODE_AT.exec(folded);
    if (m) {
      const letter = (m[1] ?? "").toUpperCase();
      const code = `${letter}${Number(m[2])}`;
      const end = i + m[0].length;
      const next = folded.charAt(end);
      if (findIndicator(code) && (next === "" || SEPARATOR.test(next) || /[РрСс]/.test(next))) {
        found.add(code);
        i = end;
        continue;
      }
    }
    let j = i;
    while (j < folded.length && !SEPARATOR.test(folded.charAt(j))) {
      j += 1;
    }
    unknown.push(text.slice(i, j));
    i = j;
  }
  const codes = [...found].sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));
  return { codes, unknown };
}

/** Writes codes back as the register shows them: «Р2, Р5, С14». */
export function formatIndicatorCodes(codes: readonly string[]): string {
  return [...codes].sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0)).join(", ");
}

/**
 * Natural order of case codes, so that «В-2» comes before «В-10» (rows of `vshu deadlines`
 * and of the «Сроки» view are ordered by case code).
 */
import { matchKey } from "../text";

const CHUNK_RE = /\d+|\D+/g;

/** A code split for natural comparison; compute it once per code when sorting many. */
export interface NaturalKey {
  readonly text: string;
  readonly chunks: readonly string[];
}

/**
 * The natural sort key of a code: its match key (case and Latin look-alikes ignored) cut into
 * runs of digits (leading zeros dropped) and runs of other characters.
 * @example naturalKey("В-010").chunks //=> ["в-", "10"]
 */
export function naturalKey(text: string): NaturalKey {
  const chunks = (matchKey(text).match(CHUNK_RE) ?? []).map((c) => (isDigits(c) ? c.replace(/^0+(?=\d)/, "") : c));
  return { text, chunks };
}

/**
 * Compares two natural keys: digit runs by numeric value, other runs as text, digits before
 * text; ties are broken by the original text, so the order is total.
 * @example compareNaturalKeys(naturalKey("В-2"), naturalKey("В-10")) < 0 //=> true
 */
export function compareNaturalKeys(a: NaturalKey, b: NaturalKey): number {
  const n = Math.min(a.chunks.length, b.chunks.length);
  for (let i = 0; i < n; i++) {
    const c = compareChunk(a.chunks[i] ?? "", b.chunks[i] ?? "");
    if (c !== 0) {
      return c;
    }
  }
  if (a.chunks.length !== b.chunks.length) {
    return a.chunks.length - b.chunks.length;
  }
  return compareText(a.text, b.text);
}

/**
 * Compares two codes in natural order (for a few codes; precompute {@link naturalKey} for many).
 * @example ["В-10", "В-2", "a-1"].sort(naturalCompare) //=> ["a-1", "В-2", "В-10"]
 */
export function naturalCompare(a: string, b: string): number {
  return compareNaturalKeys(naturalKey(a), naturalKey(b));
}

function compareChunk(x: string, y: string): number {
  const xDigits = isDigits(x);
  const yDigits = isDigits(y);
  if (xDigits && yDigits && x.length !== y.length) {
    return x.length - y.length;
  }
  if (xDigits !== yDigits) {
    return xDigits ? -1 : 1;
  }
  return compareText(x, y);
}

function isDigits(chunk: string): boolean {
  const c = chunk.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

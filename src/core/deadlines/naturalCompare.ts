/**
 * Natural order of case codes, so that «В-2» comes before «В-10» (rows of `vshu deadlines`
 * and of the «Сроки» view are ordered by case code).
 */
import { matchKey } from "../text";

const DIGITS_RE = /\d+/g;
const NEEDS_MATCH_KEY = /[A-Za-zЁё\s\u00a0\u202f]/;

/**
 * The match key of a code (`matchKey`: case, «ё», spaces and Latin look-alikes ignored), with
 * a fast path for the usual codes without a Latin letter, «ё» or space: their lower case.
 * @example codeKey("b-2") === codeKey("В-2") //=> true
 */
export function codeKey(code: string): string {
  return NEEDS_MATCH_KEY.test(code) ? matchKey(code) : code.toLowerCase();
}

/**
 * A string whose plain order (`<`) is the natural order of codes: the code's match key with
 * every run of digits replaced by a marker, its length and the digits without leading zeros
 * (so numbers compare by value and before any text), then the original code as a tie-break.
 * Compute it once per code when sorting many.
 * @example naturalKey("В-2") < naturalKey("В-10") //=> true
 */
export function naturalKey(code: string): string {
  const key = codeKey(code).replace(DIGITS_RE, (run) => {
    const digits = run.replace(/^0+(?=\d)/, "");
    return `\u0001${String.fromCharCode(0x20 + digits.length)}${digits}`;
  });
  return `${key}\u0000${code}`;
}

/**
 * Compares two codes in natural order (for a few codes; precompute {@link naturalKey} for many).
 * @returns negative when `a` comes first, positive when `b` does, 0 for equal codes
 * @example ["В-10", "В-2", "a-1"].sort(naturalCompare) //=> ["a-1", "В-2", "В-10"]
 */
export function naturalCompare(a: string, b: string): number {
  const x = naturalKey(a);
  const y = naturalKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

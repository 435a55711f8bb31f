/**
 * Moving a formula down by some rows, as Excel fills a calculated column: relative A1 row
 * numbers change, `$`-fixed rows, structured references (`[@Код]`, `Table1[[#This Row],[Код]]`),
 * text in quotes and function names do not.
 */
import { columnNumber } from "./refs";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** `formula` as it reads `delta` rows further down. */
export function shiftFormulaRows(formula: string, delta: number): string {
  if (delta === 0) {
    return formula;
  }
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"') {
      const end = closingQuote(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: copy it, the reference after «!» is handled next round.
      const end = closingQuote(formula, i, "'");
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "[") {
      const end = closingBracket(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const prev = i === 0 ? "" : (formula[i - 1] ?? "");
    if (/[A-Za-z$]/.test(ch) && !/[\w.$\\]/.test(prev)) {
      const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w.(![])/.exec(formula.slice(i));
      if (m) {
        const col = columnNumber((m[2] ?? "").toUpperCase());
        const row = Number(m[4]);
        if (col <= MAX_COL && row >= 1 && row <= MAX_ROW) {
          const newRow = m[3] === "$" ? row : row + delta;
          out += `${m[1]}${m[2]}${m[3]}${newRow}`;
          i += m[0].length;
          continue;
        }
      }
      const word = /^[\w.$\\]+/.exec(formula.slice(i))?.[0] ?? ch;
      out += word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function closingQuote(text: string, start: number, q: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === q) {
      if (text[i + 1] === q) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" && text[i + 1] !== undefined) {
      i++; // «'» escapes the next character inside a structured reference
      continue;
    }
    if (ch === "[") {
      depth++;
    } else if (ch === "]") {
      depth--;
      if (depth === 0) {
        return i + 1;
      }
    }
  }
  return text.length;
}

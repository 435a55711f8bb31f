/**
 * The delimiter of a CSV file: `;` (Russian Excel's «CSV (разделители — точка с запятой)») or
 * `,` (CSV UTF-8 of some programs, exports of other systems). Counted in the header row outside
 * quotes: the one that occurs more often; neither → `;` (a file of one column).
 */
import type { Delimiter } from "./plan";

export function detectDelimiter(text: string): Delimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  let seenText = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (seenText) {
        break;
      }
    } else if (!quoted && ch === ";") {
      semicolons++;
    } else if (!quoted && ch === ",") {
      commas++;
    }
    if (ch !== "\n" && ch !== "\r" && ch !== " ") {
      seenText = true;
    }
  }
  return commas > semicolons ? "," : ";";
}

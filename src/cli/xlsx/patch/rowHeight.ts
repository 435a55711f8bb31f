/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows the rows of a file when it
 * opens it, and a row too low for its wrapped text cuts the text off on screen and on paper;
 * so rows we write get a height for their longest wrapped text (Calibri 11: about 1.15
 * characters per unit of column width, measured on the demo register in LibreOffice; a little
 * less is assumed, so a row is rather too high than too low).
 */

const CHARS_PER_WIDTH = 1.05;
/** Points per line of wrapped text (Calibri 11 in Excel; DejaVu Sans 11 in LibreOffice is lower). */
export const LINE_HEIGHT = 14.5;

/** Lines a text takes when wrapped at word boundaries in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(3, Math.floor(width * CHARS_PER_WIDTH) - 1);
  if (text.length <= perLine && !text.includes("\n")) {
    return 1;
  }
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let n = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const len = word.length;
      if (used > 0 && used + 1 + len > perLine) {
        n++;
        used = 0;
      }
      if (used === 0 && len > perLine) {
        n += Math.ceil(len / perLine) - 1;
        used = len % perLine;
      } else {
        used += (used > 0 ? 1 : 0) + len;
      }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** The height in points of a row whose tallest wrapped text takes `lines` lines. */
export function heightOfLines(lines: number): number {
  return Math.ceil(lines * LINE_HEIGHT + 3);
}

/**
 * The height a row needs for its texts in wrapped columns (`widths[i]`, null: not wrapped), or
 * undefined when one line is enough.
 */
export function rowHeightFor(
  texts: readonly (string | null | undefined)[],
  widths: readonly (number | null)[]
): number | undefined {
  let lines = 1;
  texts.forEach((t, i) => {
    const w = widths[i];
    if (typeof t === "string" && t !== "" && w !== null && w !== undefined) {
      lines = Math.max(lines, wrappedLines(t, w));
    }
  });
  return lines > 1 ? heightOfLines(lines) : undefined;
}

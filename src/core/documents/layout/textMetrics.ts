/**
 * How much room a text takes in print, estimated without fonts: LibreOffice does not fit row
 * heights to merged cells, so the layout computes them. Widths are in points for a Times-like
 * serif (Times New Roman, Liberation Serif), a little generous so that a wider substitute
 * (DejaVu Serif, on a machine without Times) still fits: the column widths scale with the
 * default font's digit width, and DejaVu's text is wider in about the same proportion.
 */

/** Width of a character in em, by class (Times New Roman, rounded up). */
function charEm(ch: string): number {
  if (ch === " " || ch === "\u00a0") {
    return 0.27;
  }
  if (/[.,:;'!|()[\]«»"“”„]/.test(ch)) {
    return 0.36;
  }
  if (/[0-9]/.test(ch)) {
    return 0.52;
  }
  if (/[—–]/.test(ch)) {
    return ch === "—" ? 1.0 : 0.55;
  }
  if (/[-/]/.test(ch)) {
    return 0.36;
  }
  if (/[мшщжыюМШЩЖЫЮmwMW]/.test(ch)) {
    return 0.78;
  }
  if (/[А-ЯЁA-Z№]/.test(ch)) {
    return 0.7;
  }
  if (/[ilfjtr]/.test(ch)) {
    return 0.33;
  }
  return 0.51;
}

/** Estimated width of a text in points. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    em += charEm(ch);
  }
  return em * size * (bold ? 1.08 : 1);
}

/**
 * How many lines a text takes in a box `width` points wide: words wrap at spaces (and after a
 * hyphen), a word longer than the box is broken; line breaks in the text start new lines.
 */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  const room = Math.max(width, size);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    const space = textWidth(" ", size, bold);
    for (const word of paragraph.split(/ +/)) {
      if (word === "") {
        continue;
      }
      let w = textWidth(word, size, bold);
      const need = used === 0 ? w : used + space + w;
      if (need <= room) {
        used = need;
        continue;
      }
      if (used > 0) {
        lines += 1;
        used = 0;
      }
      while (w > room) {
        lines += 1;
        w -= room;
      }
      used = w;
    }
  }
  return lines;
}

/** The height of a row holding `lines` lines of text at `size` points. */
export function rowHeight(lines: number, size: number): number {
  return Math.ceil((lines * size * 1.3 + 3) * 4) / 4;
}

/**
 * Opening a large sheet for appending rows to its table without decoding all of it: only the
 * part before the rows, the rows from the one before `keepFrom` on, and the part after the rows
 * become text; the rows in between (most of a large sheet) stay bytes and are copied back
 * unread (SheetEditor.bytes).
 */
import { SheetEditor } from "./sheet";
import { HIDDEN_ROWS } from "./sheetXml";
import { NS_MAIN, prefixOf } from "./xml";

/**
 * The sheet opened compactly, or null when it does not lend itself to it (no explicit row
 * numbers near its end, or nothing to leave out): open it whole then.
 */
export function openForAppend(bytes: Buffer, keepFrom: number): SheetEditor | null {
  const head = bytes.subarray(0, Math.min(bytes.length, 4096)).toString("utf8");
  const p = prefixOf(head, NS_MAIN);
  if (p === null) {
    return null;
  }
  const open = bytes.indexOf(`<${p}sheetData`);
  const openEnd = open < 0 ? -1 : bytes.indexOf(">", open);
  const close = bytes.lastIndexOf(`</${p}sheetData>`);
  if (openEnd < 0 || close < openEnd || bytes[openEnd - 1] === 0x2f) {
    return null;
  }
  const rowTag = Buffer.from(`<${p}row`);
  let keptStart = -1;
  for (let pos = close; ;) {
    const at = bytes.lastIndexOf(rowTag, pos - 1);
    if (at <= openEnd) {
      return null; // every row is kept: nothing to gain
    }
    const next = bytes[at + rowTag.length];
    if (
      next !== 0x20 &&
      next !== 0x3e &&
      next !== 0x2f &&
      next !== 0x09 &&
      next !== 0x0a &&
      next !== 0x0d
    ) {
      pos = at;
      continue;
    }
    const tagEnd = bytes.indexOf(">", at);
    const r = /\sr\s*=\s*["'](\d+)["']/.exec(bytes.subarray(at, tagEnd + 1).toString("latin1"));
    if (!r) {
      return null;
    }
    keptStart = at;
    if (Number(r[1]) < keepFrom) {
      break;
    }
    pos = at;
  }
  if (keptStart <= openEnd + 1) {
    return null;
  }
  const text =
    bytes.subarray(0, openEnd + 1).toString("utf8") +
    HIDDEN_ROWS +
    bytes.subarray(keptStart).toString("utf8");
  return new SheetEditor(text, Buffer.from(bytes.subarray(openEnd + 1, keptStart)));
}

/**
 * exceljs writes a carriage return inside a text as the character itself, and every XML reader
 * — Excel, LibreOffice, exceljs — reads a bare CR back as a line feed (XML 1.0 §2.11), so a text
 * such as «\rx» would come back as «\nx». Written as the reference `&#13;` it stays. exceljs
 * keeps texts in the shared strings, and writes no CR in markup, so every CR there is text.
 */
import { ZipPackage } from "./patch/zip";

const SHARED_STRINGS = "xl/sharedStrings.xml";

/** Escapes the carriage returns of the shared strings in an open package. */
export function keepCarriageReturns(zip: ZipPackage): void {
  const text = zip.text(SHARED_STRINGS);
  if (text !== null && text.includes("\r")) {
    zip.write(SHARED_STRINGS, text.replace(/\r/g, "&#13;"));
  }
}

/** The same for the bytes of a workbook; the bytes as they were when there is nothing to do. */
export function keepCarriageReturnsIn(bytes: Buffer): Buffer {
  const zip = ZipPackage.open(bytes);
  const text = zip.text(SHARED_STRINGS);
  if (text === null || !text.includes("\r")) {
    return bytes;
  }
  keepCarriageReturns(zip);
  return zip.toBuffer({ level: 0 });
}

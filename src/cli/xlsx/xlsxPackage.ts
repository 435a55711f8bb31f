/**
 * An .xlsx package opened through its central directory, so any part can be read in any order.
 *
 * exceljs's streaming reader walks the package front to back in one pass and, on Node ≥ 18,
 * intermittently ends that pass early when a part has to wait in a temporary file: the parts
 * after it are lost — a crash when `xl/workbook.xml` is among them ("reading 'sheets'",
 * exceljs issues #962, #3064), silently missing sheets otherwise. Excel, LibreOffice and
 * openpyxl all put the sheets before the shared strings, which is the case that waits. So we
 * read the directory (unzipper, exceljs's own zip library) and hand exceljs's parsers the parts
 * in the order they need.
 */
import unzipper, { type File } from "unzipper";

export interface XlsxPackage {
  /** The part's text, or null when the package has no such part. */
  text(part: string): Promise<string | null>;
  /** The part's inflated text (UTF-8) as a stream, or null when the package has no such part. */
  stream(part: string): NodeJS.ReadableStream | null;
}

/** Part names are case-insensitive (OPC); some writers add a leading slash or backslashes. */
function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/** Opens a package held in memory. Throws when the bytes are not a zip archive. */
export async function openPackage(data: Buffer): Promise<XlsxPackage> {
  const directory = await unzipper.Open.buffer(data);
  const files = new Map<string, File>();
  for (const f of directory.files) {
    if (f.type === "File") {
      files.set(partKey(f.path), f);
    }
  }
  return {
    async text(part) {
      const f = files.get(partKey(part));
      return f ? (await f.buffer()).toString("utf8") : null;
    },
    stream(part) {
      const f = files.get(partKey(part));
      if (!f) {
        return null;
      }
      // Text, not bytes: exceljs decodes each chunk on its own, which breaks a two-byte
      // Cyrillic letter that straddles two chunks («С��ЦИАЛЬНЫЙ»). Node's string decoder
      // carries the split bytes over to the next chunk.
      const stream = f.stream();
      stream.setEncoding("utf8");
      return stream;
    },
  };
}

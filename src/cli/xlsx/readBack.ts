/**
 * Reading a written register back for the check before it replaces the original, sheet by
 * sheet only where something changed: every part the edit did not touch must be stored in the
 * new package exactly as in the original (same compression, CRC, size and compressed bytes,
 * so the same content), and the sheets whose parts changed (or that are new) are read whole
 * with the commands' own reader. The tables of the untouched sheets are then the original's.
 * `updateRegister` uses it when asked (`readBack: "changed"`); by default it reads every sheet.
 */
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { RawTable } from "../../core/register/model";
import { WorkbookEditor } from "./patch/book";
import { NS_MAIN, START_TAG_BODY, decodeXml, findElement, getAttr, prefixOf } from "./patch/xml";
import { ZipPackage } from "./patch/zip";
import { readWorkbookTables } from "./readWorkbook";

/** Why the written package cannot be what was intended (an internal error). */
export class ReadBackError extends Error {
  override readonly name = "ReadBackError";
}

/**
 * The tables of the written package `written` (also on disk at `writtenPath`): the original's
 * for sheets whose parts are unchanged, read from the package for the others.
 */
export async function readBackChanged(
  original: Buffer,
  written: Buffer,
  writtenPath: string,
  before: ReadonlyMap<string, RawTable>,
  expectedHeaders: (sheetName: string) => readonly string[]
): Promise<Map<string, RawTable>> {
  const was = ZipPackage.open(original);
  const now = ZipPackage.open(written);
  const same = new Set<string>();
  for (const name of was.names()) {
    const a = was.stored(name);
    const b = now.stored(name);
    if (!b) {
      throw new ReadBackError(`в записанном файле нет части ${name}`);
    }
    if (
      a &&
      a.method === b.method &&
      a.crc === b.crc &&
      a.size === b.size &&
      a.data.equals(b.data)
    ) {
      same.add(name);
    }
  }
  checkSharedStrings(was, now, same);
  const oldSheets = new Map(
    WorkbookEditor.open(original)
      .sheets()
      .map((s) => [s.name, s.part])
  );
  const newSheets = WorkbookEditor.open(written).sheets();
  const reuse = new Set<string>();
  for (const s of newSheets) {
    if (oldSheets.get(s.name) === s.part && same.has(s.part) && before.has(s.name)) {
      reuse.add(s.name);
    }
  }
  for (const name of oldSheets.keys()) {
    if (!newSheets.some((s) => s.name === name)) {
      throw new ReadBackError(`в записанном файле нет листа «${name}»`);
    }
  }
  let read = new Map<string, RawTable>();
  if (reuse.size < newSheets.length) {
    read = await readSheets(written, writtenPath, reuse, expectedHeaders);
  }
  const out = new Map<string, RawTable>();
  for (const s of newSheets) {
    const t = reuse.has(s.name) ? before.get(s.name) : read.get(s.name);
    if (t) {
      out.set(s.name, t);
    }
  }
  return out;
}

/**
 * The shared strings of untouched sheets must read as before: the table may only have grown
 * at its end, every original entry kept as it was.
 */
function checkSharedStrings(was: ZipPackage, now: ZipPackage, same: ReadonlySet<string>): void {
  const part = was.names().find((n) => /sharedStrings\.xml$/i.test(n));
  if (!part || same.has(part)) {
    return;
  }
  const items = (xml: string): { start: number; body: string } => {
    const p = prefixOf(xml, NS_MAIN) ?? "";
    const sst = findElement(xml, `${p}sst`);
    if (!sst) {
      throw new ReadBackError("в записанном файле повреждена таблица общих строк");
    }
    return { start: sst.openEnd, body: xml.slice(sst.openEnd, sst.contentEnd) };
  };
  const before = items(was.text(part) ?? "");
  const after = items(now.text(part) ?? "");
  if (!after.body.startsWith(before.body)) {
    throw new ReadBackError("в записанном файле изменены прежние записи таблицы общих строк");
  }
}

/** Reads the sheets not in `skip`: a copy of the package listing only them. */
async function readSheets(
  written: Buffer,
  writtenPath: string,
  skip: ReadonlySet<string>,
  expectedHeaders: (sheetName: string) => readonly string[]
): Promise<Map<string, RawTable>> {
  const zip = ZipPackage.open(written);
  const workbook = zip.text("xl/workbook.xml");
  if (workbook === null) {
    throw new ReadBackError("в записанном файле нет описания книги");
  }
  const p = prefixOf(workbook, NS_MAIN) ?? "";
  let reduced = workbook.replace(
    new RegExp(`<${p}sheet(?=[\\s/>])${START_TAG_BODY}/?>`, "g"),
    (tag) => (skip.has(decodeXml(getAttr(tag, "name") ?? "")) ? "" : tag)
  );
  const names = findElement(reduced, `${p}definedNames`);
  if (names) {
    reduced = reduced.slice(0, names.start) + reduced.slice(names.end);
  }
  zip.write("xl/workbook.xml", reduced);
  const file = join(
    dirname(writtenPath),
    `.~vshu.${basename(writtenPath)}.${randomBytes(4).toString("hex")}.check.tmp`
  );
  try {
    await writeFile(file, zip.toBuffer({ level: 1 }), { flag: "wx" });
    return await readWorkbookTables(file, expectedHeaders);
  } finally {
    await rm(file, { force: true });
  }
}

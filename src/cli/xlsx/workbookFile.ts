/**
 * What a file on disk is, before anything parses it: an .xlsx package, or one of the things
 * people hand over under that name (an empty file, a folder, an old .xls, a workbook encrypted
 * with a password, a CSV renamed .xlsx, a Word document, a zip cut short). Every reader of a
 * workbook opens it here, so the user reads «это книга старого формата Excel 97–2003» and
 * never a parser's code («FILE_ENDED», «end of central directory»).
 *
 * API:
 *   const pkg = await openWorkbookFile(path);        // XlsxPackage, or UserError in Russian
 *   await inspectExisting(path)                      // "register" | "encrypted" | "workbook" | "other"
 *   workbookDamaged(path, detail?)                   // the UserError for a part that does not parse
 */
import { open, readFile, stat } from "node:fs/promises";
import unzipper from "unzipper";
import { matchKey } from "../../core/text";
import { SHEET, TABLE_NAME } from "../../core/register/schema";
import { UserError } from "../errors";
import { requireFile } from "../files";
import { fsUserError } from "../fsErrors";
import { openPackage, type XlsxPackage } from "./xlsxPackage";

/** The first bytes of an OLE compound file: .xls, .doc, and every password-encrypted .xlsx. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** A zip's local file header, and an empty zip's end record. */
const ZIP_MAGIC = Buffer.from("PK\x03\x04", "latin1");
const EMPTY_ZIP_MAGIC = Buffer.from("PK\x05\x06", "latin1");
/** The stream an encrypted OOXML file keeps its package in (MS-OFFCRYPTO), as a CFB entry name. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");
/** A compound file larger than this is not searched for the encrypted package. */
const CFB_SCAN_LIMIT = 64 * 1024 * 1024;

const RESAVE =
  "откройте файл в Excel или LibreOffice, сохраните его как «Книга Excel (*.xlsx)» и укажите новый файл";
const RESTORE =
  "откройте книгу в Excel или LibreOffice — они предложат восстановить её — и сохраните заново, или возьмите резервную копию";

/** What a file turned out to be. */
type Sniffed = "empty" | "zip" | "encrypted" | "compound" | "text" | "other";

function sniff(head: Buffer, whole: Buffer | null): Sniffed {
  if (head.length === 0) {
    return "empty";
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    return "zip";
  }
  if (head.subarray(0, 8).equals(CFB_MAGIC)) {
    return whole === null || whole.includes(ENCRYPTED_PACKAGE) ? "encrypted" : "compound";
  }
  return looksLikeText(head) ? "text" : "other";
}

/** Text (UTF-8, a Windows code page, UTF-16 with a BOM): no NUL and few control bytes. */
function looksLikeText(head: Buffer): boolean {
  if (
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
  ) {
    return true;
  }
  let control = 0;
  for (const b of head) {
    if (b === 0) {
      return false;
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
      control++;
    }
  }
  return control <= head.length / 100;
}

/** The Russian message for a file that is not an .xlsx package, by what it is. */
function notWorkbook(path: string, kind: Exclude<Sniffed, "zip">): UserError {
  const say: Record<typeof kind, string> = {
    empty: `файл пуст (0 байт), в нём нет книги; возьмите резервную копию или сохраните книгу заново`,
    encrypted:
      "книга защищена паролем на открытие (зашифрована), ВШУ не может её прочитать; откройте её в Excel, снимите пароль («Файл → Сведения → Защита книги → Зашифровать с использованием пароля», очистите поле) и сохраните",
    compound: `это книга старого формата Excel 97–2003 (.xls) или другой документ старого формата, а не .xlsx; ${RESAVE}`,
    text: `это текстовый файл (например, CSV), а не книга Excel, хотя имя похоже на книгу; ${RESAVE}`,
    other: `это не книга Excel (.xlsx), а файл другого формата; укажите книгу Excel или ${RESAVE}`,
  };
  return new UserError(`${path}: ${say[kind]}`);
}

/** The error for a workbook whose package opens but a part of which does not parse. */
export function workbookDamaged(path: string, where?: string, detail?: string): UserError {
  const place = where ? ` (${where})` : "";
  const debug = process.env["VSHU_DEBUG"] && detail ? `\n(подробности: ${detail})` : "";
  return new UserError(`${path}: файл повреждён${place}; ${RESTORE}${debug}`);
}

/** A zip that is not a workbook: say what it is when it is another known package. */
async function foreignPackage(path: string, pkg: XlsxPackage): Promise<UserError | null> {
  if ((await pkg.text("xl/workbook.xml")) !== null) {
    return null;
  }
  if ((await pkg.text("word/document.xml")) !== null) {
    return new UserError(
      `${path}: это документ Word (.docx), а не книга Excel; укажите файл книги учёта (.xlsx)`
    );
  }
  if ((await pkg.text("ppt/presentation.xml")) !== null) {
    return new UserError(
      `${path}: это презентация PowerPoint, а не книга Excel; укажите файл книги учёта (.xlsx)`
    );
  }
  const mimetype = (await pkg.text("mimetype"))?.trim() ?? "";
  if (mimetype === "application/vnd.oasis.opendocument.spreadsheet") {
    return new UserError(`${path}: это таблица LibreOffice (.ods), а не книга Excel; ${RESAVE}`);
  }
  if (mimetype.startsWith("application/vnd.oasis.opendocument")) {
    return new UserError(
      `${path}: это документ OpenDocument, а не книга Excel; укажите файл .xlsx`
    );
  }
  return new UserError(
    `${path}: это zip-архив, но в нём нет книги Excel (нет части xl/workbook.xml); укажите файл .xlsx`
  );
}

/**
 * Reads a workbook file and opens its package, or throws a UserError saying in plain Russian
 * what the file is instead (empty, a folder, an old .xls, encrypted, text, a .docx, damaged).
 */
export async function openWorkbookFile(path: string): Promise<XlsxPackage> {
  await requireFile(path, "это папка, а не файл книги Excel; укажите путь к файлу .xlsx");
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw fsUserError(error, path, "read") ?? error;
  }
  const kind = sniff(data.subarray(0, 4096), data);
  if (kind !== "zip") {
    throw notWorkbook(path, kind);
  }
  let pkg: XlsxPackage;
  try {
    pkg = await openPackage(data);
  } catch (error) {
    throw workbookDamaged(path, "архив книги обрывается или испорчен", String(error));
  }
  let foreign: UserError | null;
  try {
    foreign = await foreignPackage(path, pkg);
  } catch (error) {
    throw workbookDamaged(path, "архив книги испорчен", String(error));
  }
  if (foreign) {
    throw foreign;
  }
  return pkg;
}

/** What an existing file is, for deciding whether an output may replace it. */
export type ExistingKind =
  /** A register of ВШУ: never replaced. */
  | "register"
  /** Encrypted with a password: its content cannot be seen, so it may be a register. */
  | "encrypted"
  /** Another .xlsx package. */
  | "workbook"
  /** Anything else (text, a damaged file, another format). */
  | "other";

/** Reads at most `length` bytes from the start of a file. */
async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Whether an existing file is a register: a package with the sheets «Учёт» and «Настройки», or
 * with the table tblCases (whatever its name or extension). Reads only the zip's directory and
 * the small parts it needs. An encrypted file is "encrypted": it may be a register.
 */
export async function inspectExisting(path: string): Promise<ExistingKind> {
  const head = await readHead(path, 4096);
  if (head.subarray(0, 8).equals(CFB_MAGIC)) {
    const size = (await stat(path)).size;
    if (size > CFB_SCAN_LIMIT) {
      return "encrypted";
    }
    return sniff(head, await readFile(path)) === "encrypted" ? "encrypted" : "other";
  }
  if (sniff(head, null) !== "zip") {
    return "other";
  }
  try {
    const directory = await unzipper.Open.file(path);
    const entries = new Map(
      directory.files.map((f) => [f.path.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase(), f])
    );
    const text = async (name: string): Promise<string | null> => {
      const f = entries.get(name.toLowerCase());
      return f ? (await f.buffer()).toString("utf8") : null;
    };
    const workbook = await text("xl/workbook.xml");
    if (workbook === null) {
      return "other";
    }
    const names = new Set(
      (workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).map((tag) =>
        matchKey(decodeName(/\bname=(?:"([^"]*)"|'([^']*)')/.exec(tag)))
      )
    );
    if (names.has(matchKey(SHEET.cases)) && names.has(matchKey(SHEET.settings))) {
      return "register";
    }
    for (const [name] of entries) {
      if (/^xl\/tables\/[^/]+\.xml$/.test(name)) {
        const xml = (await text(name)) ?? "";
        const tag = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "";
        if (new RegExp(`\\b(?:name|displayName)=["']${TABLE_NAME.cases}["']`).test(tag)) {
          return "register";
        }
      }
    }
    return "workbook";
  } catch {
    return "other";
  }
}

function decodeName(m: RegExpExecArray | null): string {
  const raw = m ? (m[1] ?? m[2] ?? "") : "";
  return raw
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The core properties (docProps/core.xml) a writer may use to mark its own files. */
export async function coreProperties(
  path: string
): Promise<{ keywords: string; subject: string } | null> {
  try {
    const directory = await unzipper.Open.file(path);
    const core = directory.files.find((f) => f.path.toLowerCase() === "docprops/core.xml");
    if (!core) {
      return null;
    }
    const xml = (await core.buffer()).toString("utf8");
    const field = (tag: string): string =>
      decodeName(new RegExp(`<${tag}\\b[^>]*>([^<]*)</${tag}>`).exec(xml)).trim();
    return { keywords: field("cp:keywords"), subject: field("dc:subject") };
  } catch {
    return null;
  }
}

/**
 * The bytes of a CSV file as text: UTF-8 (with or without a byte order mark) or windows-1251,
 * the code page Russian Excel saves «CSV (разделители — запятые)» in.
 *
 * Detection: bytes that are valid UTF-8 are UTF-8 (a windows-1251 Russian text is practically
 * never valid UTF-8: its letters are bytes 0xC0–0xFF, each of which would have to be followed by
 * continuation bytes 0x80–0xBF); anything else is windows-1251. The decoders are written here,
 * without TextDecoder or iconv-lite, so that the command line and the add-in read a file the same
 * way (tests compare them with iconv-lite for every byte).
 */

export type CsvEncoding = "utf-8" | "windows-1251";
export type EncodingChoice = "auto" | CsvEncoding;

/** Characters of windows-1251 bytes 0x80–0xBF (0x98 is not a character of the code page). */
const HIGH_1251 =
  "\u0402\u0403\u201a\u0453\u201e\u2026\u2020\u2021\u20ac\u2030\u0409\u2039\u040a\u040c\u040b\u040f" +
  "\u0452\u2018\u2019\u201c\u201d\u2022\u2013\u2014\ufffd\u2122\u0459\u203a\u045a\u045c\u045b\u045f" +
  "\u00a0\u040e\u045e\u0408\u00a4\u0490\u00a6\u00a7\u0401\u00a9\u0404\u00ab\u00ac\u00ad\u00ae\u0407" +
  "\u00b0\u00b1\u0406\u0456\u0491\u00b5\u00b6\u00b7\u0451\u2116\u0454\u00bb\u0458\u0405\u0455\u0457";

/** The byte of windows-1251 that has no character. */
export const UNDEFINED_1251_BYTE = 0x98;

/** The character of each windows-1251 byte (0x98: U+FFFD). */
export const WINDOWS_1251: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  if (b < 0x80) {
    return String.fromCharCode(b);
  }
  if (b < 0xc0) {
    return HIGH_1251[b - 0x80] ?? "\ufffd";
  }
  return String.fromCharCode(0x0410 + (b - 0xc0));
});

const ENCODE_1251 = new Map<number, number>();
WINDOWS_1251.forEach((ch, b) => {
  if (b !== UNDEFINED_1251_BYTE) {
    ENCODE_1251.set(ch.charCodeAt(0), b);
  }
});

/** Whether the bytes begin with the UTF-8 byte order mark EF BB BF. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points
 * past U+10FFFF included), or -1 when all of `bytes` is valid UTF-8.
 */
export function invalidUtf8At(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        return i;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return i;
    }
    i += need + 1;
  }
  return -1;
}

/** UTF-16 code units to a string, a chunk at a time (no argument list too long, little garbage). */
function unitsToString(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let i = 0; i < length; i += chunk) {
    parts.push(
      String.fromCharCode.apply(
        null,
        units.subarray(i, Math.min(length, i + chunk)) as unknown as number[]
      )
    );
  }
  return parts.join("");
}

/** Decodes valid UTF-8 (check with invalidUtf8At first; a bad byte becomes U+FFFD). */
export function decodeUtf8(bytes: Uint8Array, from = 0): string {
  const n = bytes.length;
  const units = new Uint16Array(Math.max(0, n - from));
  let u = 0;
  let i = from;
  while (i < n) {
    const b = bytes[i] ?? 0;
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i++;
    } else {
      const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
      if (need === 0 || i + need >= n) {
        cp = 0xfffd;
        i++;
      } else {
        cp = b & (0x3f >> need);
        for (let k = 1; k <= need; k++) {
          cp = (cp << 6) | ((bytes[i + k] ?? 0) & 0x3f);
        }
        i += need + 1;
      }
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      units[u++] = 0xd800 + (cp >> 10);
      units[u++] = 0xdc00 + (cp & 0x3ff);
    } else {
      units[u++] = cp;
    }
  }
  return unitsToString(units, u);
}

const UNITS_1251 = Uint16Array.from(WINDOWS_1251, (ch) => ch.charCodeAt(0));

/** Decodes windows-1251 (byte 0x98, which has no character, becomes U+FFFD). */
export function decodeWindows1251(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    units[i] = UNITS_1251[bytes[i] ?? 0] ?? 0xfffd;
  }
  return unitsToString(units, units.length);
}

/** Whether a character (one UTF-16 unit) has a byte in windows-1251. */
export function inWindows1251(ch: string): boolean {
  return ENCODE_1251.has(ch.charCodeAt(0)) && ch.length === 1;
}

/**
 * Encodes text in windows-1251. Characters without a byte are listed (by their position in the
 * text) and written as `?`; the caller decides whether that is acceptable.
 */
export function encodeWindows1251(text: string): { bytes: Uint8Array; missing: number[] } {
  const bytes = new Uint8Array(text.length);
  const missing: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const b = ENCODE_1251.get(code);
    if (b === undefined) {
      missing.push(i);
      bytes[n++] = 0x3f;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        i++;
      }
    } else {
      bytes[n++] = b;
    }
  }
  return { bytes: bytes.subarray(0, n), missing };
}

/** What decoding found: the text, the encoding, and whether a UTF-8 byte order mark was there. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: CsvEncoding;
  readonly bom: boolean;
}

/** A reason the bytes are not a CSV text, with the 1-based line where it shows (0: the file). */
export interface DecodeProblem {
  readonly line: number;
  readonly reason: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly value: DecodedText }
  | { readonly ok: false; readonly problem: DecodeProblem };

/** The 1-based line of a byte offset (line feeds before it, plus one). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
    }
  }
  return line;
}

/**
 * The offset of the first Cyrillic word of three or more letters in UTF-8 (D0/D1 pairs in a
 * row), or -1. A windows-1251 text practically never has one: there it would be «Р» or «С»
 * followed by a byte 0x80–0xBF (mostly punctuation) three times running.
 */
export function utf8CyrillicWordAt(bytes: Uint8Array): number {
  let run = 0;
  for (let i = 0; i + 1 < bytes.length;) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const letter = (a === 0xd0 || a === 0xd1) && b >= 0x80 && b <= 0xbf;
    if (letter) {
      run++;
      if (run >= 3) {
        return i - 4;
      }
      i += 2;
    } else {
      run = 0;
      i++;
    }
  }
  return -1;
}

/** What a binary file most likely is, by its first bytes, or null. */
function binaryKind(bytes: Uint8Array): string | null {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) {
    return "это книга Excel (.xlsx) или другой архив, а не CSV: откройте её в Excel и сохраните как «CSV (разделители — точка с запятой)» или «CSV UTF-8»";
  }
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) {
    return "это книга Excel 97–2003 (.xls), а не CSV: откройте её в Excel и сохраните как «CSV (разделители — точка с запятой)» или «CSV UTF-8»";
  }
  if (b(0) === 0xff && b(1) === 0xfe) {
    return "файл в кодировке UTF-16 («Текст Юникод»): сохраните его как «CSV UTF-8» или «CSV (разделители — точка с запятой)»";
  }
  if (b(0) === 0xfe && b(1) === 0xff) {
    return "файл в кодировке UTF-16: сохраните его как «CSV UTF-8» или «CSV (разделители — точка с запятой)»";
  }
  return null;
}

/** Control characters that a text file does not contain (tab, CR and LF are text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Decodes the bytes of a CSV file. `choice` "auto" detects (valid UTF-8 → UTF-8, else
 * windows-1251); a named encoding is used as given, and bytes that do not fit it are a problem
 * naming the line. A binary file (an .xlsx, an .xls, UTF-16, NUL bytes) is a problem too.
 */
export function decodeCsvBytes(bytes: Uint8Array, choice: EncodingChoice = "auto"): DecodeResult {
  const fail = (line: number, reason: string): DecodeResult => ({
    ok: false,
    problem: { line, reason },
  });
  const kind = binaryKind(bytes);
  if (kind) {
    return fail(0, kind);
  }
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  const bad = invalidUtf8At(body);
  if (choice === "auto" && bad >= 0 && !bom) {
    const word = utf8CyrillicWordAt(body);
    if (word >= 0) {
      return fail(
        lineAt(body, bad),
        `в файле смешаны кодировки: есть русские слова в UTF-8 (строка ${lineAt(body, word)}) и байты не UTF-8 (байт ${hex(body[bad] ?? 0)}); файл повреждён или собран из частей — сохраните его целиком как «CSV UTF-8» или «CSV (разделители — точка с запятой)»`
      );
    }
  }
  let value: DecodedText;
  if (choice === "utf-8" || (choice === "auto" && (bad < 0 || bom))) {
    if (bad >= 0) {
      return fail(
        lineAt(body, bad),
        choice === "utf-8"
          ? `файл не в кодировке UTF-8 (байт ${hex(body[bad] ?? 0)}); укажите --encoding windows-1251 или сохраните файл как «CSV UTF-8»`
          : `файл начинается с метки UTF-8, но дальше в нём байты не UTF-8 (байт ${hex(body[bad] ?? 0)}): кодировки смешаны; сохраните файл заново как «CSV UTF-8»`
      );
    }
    value = { text: decodeUtf8(body), encoding: "utf-8", bom };
  } else {
    if (bom) {
      return fail(
        1,
        "файл начинается с метки UTF-8, а указана кодировка windows-1251; уберите --encoding или укажите utf-8"
      );
    }
    const undefinedAt = body.indexOf(UNDEFINED_1251_BYTE);
    if (undefinedAt >= 0) {
      return fail(
        lineAt(body, undefinedAt),
        `в файле байт ${hex(UNDEFINED_1251_BYTE)}, которого нет в кодировке windows-1251; файл повреждён или в другой кодировке — сохраните его как «CSV UTF-8»`
      );
    }
    value = { text: decodeWindows1251(body), encoding: "windows-1251", bom: false };
  }
  const control = CONTROL_RE.exec(value.text);
  if (control) {
    const line = value.text.slice(0, control.index).split("\n").length;
    return fail(
      line,
      `в файле управляющий символ (код ${control[0].charCodeAt(0)}): это не текстовый файл CSV или он повреждён`
    );
  }
  return { ok: true, value };
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;
}

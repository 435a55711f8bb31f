/**
 * The zip container of an .xlsx package, read through its central directory and written back
 * with every unchanged part copied as its original compressed bytes: only the parts an edit
 * changes are inflated and deflated again (bench/patch-bench.ts compares this with JSZip).
 */
import * as zlib from "node:zlib";

/** Why a file cannot be opened as a zip package; the caller words it for the user. */
export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

interface StoredEntry {
  readonly kind: "stored";
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly dataStart: number;
}

interface NewEntry {
  readonly kind: "new";
  readonly data: Buffer;
}

interface Entry {
  /** The name as stored (bytes), and as text. */
  readonly nameBytes: Buffer;
  readonly name: string;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  content: StoredEntry | NewEntry;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** DOS time and date of 1980-01-01 00:00, the earliest a zip can hold: no clock in new entries. */
const FIXED_TIME = 0;
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;

/** Parts larger than this are deflated at level 1 (see toBuffer). */
const LARGE_PART = 1 << 20;

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of the zip format (zlib's own where Node has it, ≥ 20.15). */
export function crc32(data: Buffer): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer) => number }).crc32;
  if (native) {
    return native(data) >>> 0;
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) {
    c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ -1) >>> 0;
}

/** Part names compare case-insensitively (OPC) and without a leading slash. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

export class ZipPackage {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();

  private constructor(private readonly source: Buffer) {}

  /** Reads the central directory of `source`. Throws ZipFormatError when it is not a zip. */
  static open(source: Buffer): ZipPackage {
    const zip = new ZipPackage(source);
    zip.readDirectory();
    return zip;
  }

  /** Every part name, in the order of the package. */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byKey.has(partKey(name));
  }

  /** A part's bytes, or null when the package has no such part. */
  read(name: string): Buffer | null {
    const e = this.byKey.get(partKey(name));
    if (!e) {
      return null;
    }
    if (e.content.kind === "new") {
      return e.content.data;
    }
    const s = e.content;
    const raw = this.source.subarray(s.dataStart, s.dataStart + s.compressedSize);
    let data: Buffer;
    if (s.method === 0) {
      data = Buffer.from(raw);
    } else if (s.method === 8) {
      data = zlib.inflateRawSync(raw);
    } else {
      throw new ZipFormatError(`часть ${e.name} сжата неизвестным способом (${s.method})`);
    }
    if (data.length !== s.size || crc32(data) !== s.crc) {
      throw new ZipFormatError(`часть ${e.name} повреждена (не сходится контрольная сумма)`);
    }
    return data;
  }

  /** A part as UTF-8 text (a byte-order mark is dropped), or null. */
  text(name: string): string | null {
    const data = this.read(name);
    if (data === null) {
      return null;
    }
    const text = data.toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** Replaces a part's content, or adds the part at the end of the package. */
  write(name: string, data: Buffer | string): void {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const existing = this.byKey.get(partKey(name));
    if (existing) {
      existing.content = { kind: "new", data: bytes };
      return;
    }
    const nameBytes = Buffer.from(name.replace(/^\/+/, ""), "utf8");
    const entry: Entry = {
      nameBytes,
      name: name.replace(/^\/+/, ""),
      flags: 0x0800,
      time: FIXED_TIME,
      date: FIXED_DATE,
      content: { kind: "new", data: bytes },
    };
    this.entries.push(entry);
    this.byKey.set(partKey(name), entry);
  }

  /**
   * A part as stored: its compression method, CRC, size and compressed bytes (null when the
   * package has no such part). Two packages hold the same part when these are equal.
   */
  stored(name: string): { method: number; crc: number; size: number; data: Buffer } | null {
    const e = this.byKey.get(partKey(name));
    if (!e || e.content.kind !== "stored") {
      return null;
    }
    const s = e.content;
    return {
      method: s.method,
      crc: s.crc,
      size: s.size,
      data: this.source.subarray(s.dataStart, s.dataStart + s.compressedSize),
    };
  }

  /** Whether a part was written since the package was opened. */
  changed(name: string): boolean {
    return this.byKey.get(partKey(name))?.content.kind === "new";
  }

  /**
   * The package as bytes: unchanged parts keep their compressed bytes, changed and new parts
   * are deflated. `fixedTimes` stamps every entry 1980-01-01 (the same input gives the same
   * bytes); otherwise unchanged entries keep their times.
   */
  toBuffer(opts: { readonly level?: number; readonly fixedTimes?: boolean } = {}): Buffer {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const e of this.entries) {
      let method: number;
      let crc: number;
      let size: number;
      let body: Buffer;
      if (e.content.kind === "stored") {
        const s = e.content;
        method = s.method;
        crc = s.crc;
        size = s.size;
        body = this.source.subarray(s.dataStart, s.dataStart + s.compressedSize);
      } else {
        const data = e.content.data;
        method = 8;
        crc = crc32(data);
        size = data.length;
        // Large parts (a sheet of thousands of rows) are deflated fast: level 1 takes half the
        // time of level 6 for a package ≈ 25 % larger; Excel recompresses on its next save.
        const level = opts.level ?? (data.length > LARGE_PART ? 1 : 6);
        body = zlib.deflateRawSync(data, { level });
      }
      const time = opts.fixedTimes ? FIXED_TIME : e.time;
      const date = opts.fixedTimes ? FIXED_DATE : e.date;
      // Sizes go in the local header: no data descriptor (bit 3), no encryption (bit 0).
      const flags = e.flags & 0x0800;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(SIG_LOCAL, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(e.nameBytes.length, 26);
      local.writeUInt16LE(0, 28);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(SIG_CENTRAL, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(flags, 8);
      header.writeUInt16LE(method, 10);
      header.writeUInt16LE(time, 12);
      header.writeUInt16LE(date, 14);
      header.writeUInt32LE(crc, 16);
      header.writeUInt32LE(body.length, 20);
      header.writeUInt32LE(size, 24);
      header.writeUInt16LE(e.nameBytes.length, 28);
      header.writeUInt32LE(offset, 42);
      central.push(header, e.nameBytes);
      chunks.push(local, e.nameBytes, body);
      offset += 30 + e.nameBytes.length + body.length;
      if (offset > 0xffffffff) {
        throw new ZipFormatError("книга больше 4 ГБ");
      }
    }
    const centralStart = offset;
    const centralSize = central.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_EOCD, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(centralStart, 16);
    return Buffer.concat([...chunks, ...central, end]);
  }

  private readDirectory(): void {
    const buf = this.source;
    const eocd = findEndOfDirectory(buf);
    let count = buf.readUInt16LE(eocd + 10);
    let dirSize = buf.readUInt32LE(eocd + 12);
    let dirStart = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff) {
      const z = readZip64End(buf, eocd);
      count = z.count;
      dirSize = z.size;
      dirStart = z.start;
    }
    if (dirStart + dirSize > buf.length) {
      throw new ZipFormatError("оглавление архива выходит за конец файла (файл обрезан?)");
    }
    let p = dirStart;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) {
        throw new ZipFormatError("оглавление архива повреждено");
      }
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const time = buf.readUInt16LE(p + 12);
      const date = buf.readUInt16LE(p + 14);
      const crc = buf.readUInt32LE(p + 16);
      let compressedSize = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      let localOffset = buf.readUInt32LE(p + 42);
      const nameBytes = Buffer.from(buf.subarray(p + 46, p + 46 + nameLength));
      const extra = buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
      ({ size, compressedSize, localOffset } = applyZip64Extra(extra, {
        size,
        compressedSize,
        localOffset,
      }));
      p += 46 + nameLength + extraLength + commentLength;
      const name = flags & 0x0800 ? nameBytes.toString("utf8") : nameBytes.toString("latin1");
      if (name.endsWith("/")) {
        continue;
      }
      if (flags & 0x0001) {
        throw new ZipFormatError("книга зашифрована (защищена паролем)");
      }
      if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== SIG_LOCAL) {
        throw new ZipFormatError(`часть ${name} не найдена в архиве`);
      }
      const dataStart =
        localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
      if (dataStart + compressedSize > buf.length) {
        throw new ZipFormatError(`часть ${name} обрезана`);
      }
      const entry: Entry = {
        nameBytes,
        name,
        flags,
        time,
        date,
        content: { kind: "stored", method, crc, compressedSize, size, dataStart },
      };
      const key = partKey(name);
      if (this.byKey.has(key)) {
        throw new ZipFormatError(`часть ${name} записана в архиве дважды`);
      }
      this.entries.push(entry);
      this.byKey.set(key, entry);
    }
  }
}

function findEndOfDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= min; p--) {
    if (buf.readUInt32LE(p) === SIG_EOCD) {
      return p;
    }
  }
  throw new ZipFormatError("это не книга Excel .xlsx (нет оглавления zip-архива)");
}

function readZip64End(buf: Buffer, eocd: number): { count: number; size: number; start: number } {
  const locator = eocd - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== SIG_LOCATOR64) {
    throw new ZipFormatError("оглавление архива ZIP64 не найдено");
  }
  const at = Number(buf.readBigUInt64LE(locator + 8));
  if (at + 56 > buf.length || buf.readUInt32LE(at) !== SIG_EOCD64) {
    throw new ZipFormatError("оглавление архива ZIP64 повреждено");
  }
  return {
    count: Number(buf.readBigUInt64LE(at + 32)),
    size: Number(buf.readBigUInt64LE(at + 40)),
    start: Number(buf.readBigUInt64LE(at + 48)),
  };
}

interface Sizes {
  size: number;
  compressedSize: number;
  localOffset: number;
}

/** The ZIP64 extra field (id 1) holds the 64-bit values of fields stored as 0xFFFFFFFF. */
function applyZip64Extra(extra: Buffer, s: Sizes): Sizes {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      const out = { ...s };
      if (s.size === 0xffffffff) out.size = next();
      if (s.compressedSize === 0xffffffff) out.compressedSize = next();
      if (s.localOffset === 0xffffffff) out.localOffset = next();
      return out;
    }
    p += 4 + len;
  }
  return s;
}

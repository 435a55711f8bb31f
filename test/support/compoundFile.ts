/**
 * A minimal OLE compound file (MS-CFB, version 3, 512-byte sectors) with named streams, for
 * tests. Excel and LibreOffice store a workbook encrypted with a password to open as such a file
 * with the streams «EncryptionInfo» and «EncryptedPackage» (MS-OFFCRYPTO), instead of a zip.
 * Streams are written in regular sectors, so each must be at least 4096 bytes (the mini-stream
 * cutoff); the directory holds up to three streams.
 */
const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function directoryEntry(
  name: string,
  type: 1 | 2 | 5,
  start: number,
  size: number,
  links: { left?: number; right?: number; child?: number }
): Buffer {
  const e = Buffer.alloc(128);
  const encoded = Buffer.from(`${name}\0`, "utf16le");
  encoded.copy(e, 0);
  e.writeUInt16LE(encoded.length, 0x40);
  e.writeUInt8(type, 0x42);
  e.writeUInt8(1, 0x43); // black
  e.writeUInt32LE(links.left ?? NOSTREAM, 0x44);
  e.writeUInt32LE(links.right ?? NOSTREAM, 0x48);
  e.writeUInt32LE(links.child ?? NOSTREAM, 0x4c);
  e.writeUInt32LE(start, 0x74);
  e.writeUInt32LE(size, 0x78);
  return e;
}

/** A compound file holding the streams, in order (at most three, each ≥ 4096 bytes). */
export function compoundFile(streams: readonly { name: string; data: Buffer }[]): Buffer {
  if (streams.length > 3 || streams.some((s) => s.data.length < 4096)) {
    throw new Error("compoundFile: at most three streams of at least 4096 bytes");
  }
  const sectorsOf = (n: number): number => Math.ceil(n / SECTOR);
  // Sector 0: the FAT; sector 1: the directory; then each stream's sectors.
  let next = 2;
  const starts = streams.map((s) => {
    const start = next;
    next += sectorsOf(s.data.length);
    return start;
  });
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  streams.forEach((s, i) => {
    const start = starts[i] ?? 0;
    const count = sectorsOf(s.data.length);
    for (let k = 0; k < count; k++) {
      fat.writeUInt32LE(k === count - 1 ? ENDOFCHAIN : start + k + 1, (start + k) * 4);
    }
  });
  if (next > SECTOR / 4) {
    throw new Error("compoundFile: streams too large for one FAT sector");
  }
  // A chain of right siblings under the root: entry 1 → 2 → 3.
  const entries = [
    directoryEntry("Root Entry", 5, ENDOFCHAIN, 0, { child: streams.length > 0 ? 1 : NOSTREAM }),
    ...streams.map((s, i) =>
      directoryEntry(s.name, 2, starts[i] ?? 0, s.data.length, {
        right: i + 1 < streams.length ? i + 2 : NOSTREAM,
      })
    ),
  ];
  const directory = Buffer.alloc(SECTOR);
  entries.forEach((e, i) => e.copy(directory, i * 128));

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift: 64
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 0x3c); // first mini FAT sector
  header.writeUInt32LE(0, 0x40); // mini FAT sectors
  header.writeUInt32LE(ENDOFCHAIN, 0x44); // first DIFAT sector
  header.writeUInt32LE(0, 0x48); // DIFAT sectors
  header.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) {
    header.writeUInt32LE(FREESECT, 0x4c + i * 4);
  }
  const body = streams.map((s) => {
    const padded = Buffer.alloc(sectorsOf(s.data.length) * SECTOR);
    s.data.copy(padded);
    return padded;
  });
  return Buffer.concat([header, fat, directory, ...body]);
}

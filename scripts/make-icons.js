#!/usr/bin/env node
// Writes the add-in icons assets/icon-{16,32,64,80}.png with Node built-ins only (zlib + manual
// PNG chunks): a blue rounded square with a white register sheet ruled with blue lines.
// Run: node scripts/make-icons.js   (the output is committed; re-run only to change the design)
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BLUE = [0x1f, 0x5f, 0xa8, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) {
    c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Colour of pixel (x, y) in an icon of `size` pixels. */
function pixel(x, y, size) {
  const radius = Math.max(2, Math.round(size * 0.18));
  const cx = Math.min(Math.max(x, radius), size - 1 - radius);
  const cy = Math.min(Math.max(y, radius), size - 1 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) {
    return CLEAR; // outside the rounded corners
  }
  const left = Math.round(size * 0.25);
  const right = size - 1 - left;
  const top = Math.round(size * 0.19);
  const bottom = size - 1 - top;
  if (x < left || x > right || y < top || y > bottom) {
    return BLUE;
  }
  // Ruled lines on the sheet: four rows, each about 1/16 of the icon thick.
  const thick = Math.max(1, Math.round(size / 16));
  const inner = bottom - top + 1;
  for (let i = 1; i <= 4; i++) {
    const lineY = top + Math.round((inner * i) / 5) - Math.floor(thick / 2);
    const lineRight = i === 4 ? left + Math.round((right - left) * 0.6) : right - thick;
    if (y >= lineY && y < lineY + thick && x >= left + thick && x <= lineRight) {
      return BLUE;
    }
  }
  return WHITE;
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (None) + RGBA
    for (let x = 0; x < size; x++) {
      Buffer.from(pixel(x, y, size)).copy(row, 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

// Writes public/favicon.ico from the shapes of public/favicon.svg (a rounded square, the "F" and the dot),
// rasterised at 32×32 with 4×4 supersampling into an ICO with one 32-bit bitmap: browsers ask for
// /favicon.ico on their own, and pages without an icon link (the public fact-check pages, feeds) get it.
// Run `npx tsx scripts/favicon-ico.ts` after changing the SVG.
import { writeFileSync } from "node:fs";
import path from "node:path";

const size = 32;
const samples = 4;
type Rgb = [number, number, number];
const dark: Rgb = [0x1a, 0x1d, 0x21];
const white: Rgb = [0xff, 0xff, 0xff];
const amber: Rgb = [0xf2, 0xa9, 0x00];

/** favicon.svg's <rect width="32" height="32" rx="6">. */
function inRoundedSquare(x: number, y: number) {
  const r = 6;
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** favicon.svg's "F": M9 23V9h13v3h-9v3h8v3h-8v5z, as rectangles. */
function inF(x: number, y: number) {
  const stem = x >= 9 && x < 13 && y >= 9 && y < 23;
  const top = x >= 9 && x < 22 && y >= 9 && y < 12;
  const middle = x >= 9 && x < 21 && y >= 15 && y < 18;
  return stem || top || middle;
}

/** favicon.svg's <circle cx="24" cy="22" r="3">. */
function inDot(x: number, y: number) {
  return (x - 24) ** 2 + (y - 22) ** 2 <= 9;
}

function pixel(px: number, py: number): [number, number, number, number] {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = px + (sx + 0.5) / samples;
      const y = py + (sy + 0.5) / samples;
      if (!inRoundedSquare(x, y)) continue;
      const colour = inDot(x, y) ? amber : inF(x, y) ? white : dark;
      for (let i = 0; i < 3; i++) sum[i]! += colour[i]!;
      sum[3]! += 1;
    }
  }
  const covered = sum[3]!;
  if (covered === 0) return [0, 0, 0, 0];
  return [sum[0]! / covered, sum[1]! / covered, sum[2]! / covered, (255 * covered) / samples ** 2].map(Math.round) as [
    number,
    number,
    number,
    number,
  ];
}

function icoFile(): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image

  const info = Buffer.alloc(40); // BITMAPINFOHEADER
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8); // colour bitmap and AND mask
  info.writeUInt16LE(1, 12); // planes
  info.writeUInt16LE(32, 14); // bits per pixel
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      pixels.set([b, g, r, a], ((size - 1 - y) * size + x) * 4); // bottom-up, BGRA
    }
  }
  const mask = Buffer.alloc(size * 4); // 1 bit per pixel, rows padded to 32 bits: all 0 (alpha decides)
  const image = Buffer.concat([info, pixels, mask]);

  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt8(0, 2); // no palette
  entry.writeUInt8(0, 3);
  entry.writeUInt16LE(1, 4); // planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(image.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, image]);
}

const file = path.resolve(import.meta.dirname, "../public/favicon.ico");
writeFileSync(file, icoFile());
console.log(`Wrote ${path.relative(process.cwd(), file)}.`);

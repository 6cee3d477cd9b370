/**
 * Draws the app icons (a white safety helmet on the theme blue) as PNG files in `static/icons/`.
 * Pure Node (zlib + CRC-32), no image library: run `pnpm --filter @anguan/web icons` after changing the design and
 * commit the PNGs.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const THEME: Rgba = [29, 78, 137, 255]; // #1d4e89
const WHITE: Rgba = [255, 255, 255, 255];
const ORANGE: Rgba = [245, 158, 11, 255]; // safety stripe
const CLEAR: Rgba = [0, 0, 0, 0];
/** Supersampling per axis for anti-aliased edges. */
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(pixels.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** The colour at unit coordinates (0..1); `scale` shrinks the helmet towards the centre (maskable safe zone). */
function shade(x: number, y: number, scale: number, rounded: boolean): Rgba {
  if (rounded) {
    const r = 0.2;
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  }
  const u = (x - 0.5) / scale;
  const v = (y - 0.5) / scale;
  // Dome: upper half of an ellipse; the helmet (dome + brim, 0.38 high) is centred vertically.
  const domeY = v - 0.11;
  const inDome = domeY <= 0 && (u / 0.3) ** 2 + (domeY / 0.32) ** 2 <= 1;
  // Brim: a flat bar under the dome with rounded ends.
  const brimEnd = Math.abs(u) - 0.38;
  const inBrim =
    domeY >= 0 && domeY <= 0.08 && (brimEnd <= 0 || brimEnd ** 2 + (domeY - 0.04) ** 2 <= 0.04 ** 2);
  // The reflective safety stripe across the dome.
  const inStripe = inDome && domeY >= -0.11 && domeY <= -0.05;
  if (inStripe) return ORANGE;
  if (inDome || inBrim) return WHITE;
  return THEME;
}

function draw(size: number, scale: number, rounded: boolean): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shade(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size,
            scale,
            rounded,
          );
          // Premultiply so transparent samples do not darken edges.
          for (let i = 0; i < 3; i++) sum[i] = (sum[i] ?? 0) + (c[i] ?? 0) * (c[3] / 255);
          sum[3] = (sum[3] ?? 0) + c[3];
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = (sum[3] ?? 0) / n;
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[o + i] = alpha ? Math.round((sum[i] ?? 0) / n / (alpha / 255)) : 0;
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, pixels);
}

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../static/icons');
mkdirSync(outDir, { recursive: true });
const icons: Array<[name: string, size: number, scale: number, rounded: boolean]> = [
  ['icon-192.png', 192, 1, true],
  ['icon-512.png', 512, 1, true],
  // Maskable: full bleed, artwork inside the central 80 % safe zone.
  ['maskable-192.png', 192, 0.78, false],
  ['maskable-512.png', 512, 0.78, false],
  ['apple-touch-icon-180.png', 180, 0.85, false],
  ['favicon-64.png', 64, 1.1, true],
];
for (const [name, size, scale, rounded] of icons) {
  writeFileSync(path.join(outDir, name), draw(size, scale, rounded));
  console.log(`wrote static/icons/${name}`);
}

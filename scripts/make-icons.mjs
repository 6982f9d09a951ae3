#!/usr/bin/env node
/**
 * Draws the add-in's icons (a white bar chart on a teal rounded square) and writes them as PNGs to
 * assets/: icon-16/32/80.png for the ribbon button, icon-32/64.png for IconUrl and
 * HighResolutionIconUrl, icon-128.png for catalogs. Node built-ins only (zlib for the PNG stream),
 * and no clock or randomness, so the bytes are the same on every run.
 *
 * Run: `node scripts/make-icons.mjs` (the PNGs are committed; run again only after changing the drawing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const sizes = [16, 32, 64, 80, 128];
const teal = [0x00, 0x7c, 0x89];
const white = [0xff, 0xff, 0xff];
/** Supersampling per axis: edges are anti-aliased by averaging SS×SS samples per pixel. */
const SS = 8;

// --- PNG encoding ---------------------------------------------------------------------------------

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels (width × height × 4) → PNG file bytes (8-bit RGBA, no interlace, filter 0). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter: none
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Drawing (unit square coordinates, 0…1) ------------------------------------------------------

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Three rising bars on a baseline; small icons get fewer, wider shapes so they stay legible. */
function glyph(size) {
  const baseline = { left: 0.2, top: 0.76, right: 0.8, bottom: size <= 16 ? 0.82 : 0.8 };
  const bars = size <= 16
    ? [{ left: 0.22, top: 0.5, right: 0.38 }, { left: 0.44, top: 0.34, right: 0.6 }, { left: 0.66, top: 0.18, right: 0.82 }]
    : [{ left: 0.24, top: 0.52, right: 0.36 }, { left: 0.44, top: 0.36, right: 0.56 }, { left: 0.64, top: 0.2, right: 0.76 }];
  return { baseline, bars };
}

function sample(x, y, size) {
  const margin = size <= 16 ? 0 : 0.03;
  if (!insideRoundedRect(x, y, margin, margin, 1 - margin, 1 - margin, 0.18)) return null;
  const { baseline, bars } = glyph(size);
  if (x >= baseline.left && x <= baseline.right && y >= baseline.top && y <= baseline.bottom) return white;
  for (const bar of bars) {
    if (x >= bar.left && x <= bar.right && y >= bar.top && y <= baseline.top) return white;
  }
  return teal;
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const colour = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, size);
          if (colour === null) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        // Colour averaged over covered samples only (straight alpha), coverage as alpha.
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return encodePng(size, size, rgba);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
mkdirSync(assets, { recursive: true });
for (const size of sizes) {
  const file = join(assets, `icon-${size}.png`);
  const png = draw(size);
  writeFileSync(file, png);
  console.log(`${file} (${size}×${size}, ${png.length} bytes)`);
}

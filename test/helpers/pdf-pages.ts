/**
 * Helpers for tests that print with LibreOffice: whether a program is installed, PNG pages (as
 * pdftoppm writes them) decoded into pixels, and a count of saturated (chart-coloured) pixels.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

export function which(command: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Decodes an 8-bit RGB PNG (as pdftoppm writes) into pixels. */
export function readPng(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colorType] = [bytes[24], bytes[25]];
  assert.equal(depth, 8);
  const channels = colorType === 2 ? 3 : colorType === 6 ? 4 : 0;
  assert.ok(channels, `PNG colour type ${colorType}`);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') chunks.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const pixels = new Uint8Array(width * height * 3);
  const previous = new Uint8Array(stride);
  const current = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? current[x - channels] : 0;
      const up = previous[x];
      const upLeft = x >= channels ? previous[x - channels] : 0;
      let out = value;
      if (filter === 1) out = value + left;
      else if (filter === 2) out = value + up;
      else if (filter === 3) out = value + ((left + up) >> 1);
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        out = value + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      current[x] = out & 0xff;
    }
    for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) pixels[(y * width + x) * 3 + c] = current[x * channels + c];
    previous.set(current);
  }
  return { width, height, pixels };
}

export function saturatedPixels(png: { pixels: Uint8Array }): number {
  let count = 0;
  for (let index = 0; index < png.pixels.length; index += 3) {
    const [r, g, b] = [png.pixels[index], png.pixels[index + 1], png.pixels[index + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 90) count++;
  }
  return count;
}

/**
 * The 12345 charts are real charts: a generated 12345受理 sheet, written by the file host, opened by
 * LibreOffice and printed to PDF, shows a drawn column chart and pie chart (saturated colour on the
 * page, which the tables alone, in black and a pale header fill, never have). Skipped, with the reason
 * printed, only where LibreOffice or pdftoppm is absent (.ci/run installs both).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { buildMonthlyReport, type SheetGrid } from '../../../src/core/index.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { caseSheet, closedCase } from '../../helpers/case-sheet.ts';
import { order, orderSheet } from '../../helpers/order-sheet.ts';

function which(command: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Decodes an 8-bit RGB PNG (as pdftoppm writes) into pixels. */
function readPng(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
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

function saturatedPixels(png: { pixels: Uint8Array }): number {
  let count = 0;
  for (let index = 0; index < png.pixels.length; index += 3) {
    const [r, g, b] = [png.pixels[index], png.pixels[index + 1], png.pixels[index + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 90) count++;
  }
  return count;
}

describe('12345 charts as LibreOffice draws them', function () {
  this.timeout(240_000);
  let dir = '';
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  function render(grid: SheetGrid): number {
    const file = join(dir, `${grid.charts?.length ? 'with' : 'without'}.xlsx`);
    writeFileSync(file, writeWorkbook(null, [grid]));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
    const stem = file.replace(/\.xlsx$/, '');
    execFileSync('pdftoppm', ['-r', '40', '-png', `${stem}.pdf`, stem], { stdio: 'pipe' });
    const pages = readdirSync(dir).filter((name) => name.startsWith(stem.split('/').pop() as string) && name.endsWith('.png'));
    return pages.reduce((sum, page) => sum + saturatedPixels(readPng(readFileSync(join(dir, page)))), 0);
  }

  it('draws the column chart of units and the pie chart of categories', function () {
    if (!which('soffice') || !which('pdftoppm')) {
      console.log('      (skipped: LibreOffice or pdftoppm is not installed; .ci/run installs libreoffice-calc and poppler-utils)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'case-brief-charts-'));
    const orders = [
      ...Array.from({ length: 6 }, () => order()),
      ...Array.from({ length: 3 }, () => order({ 承办单位: '市政工程处', 三级分类: '路灯不亮' })),
      ...Array.from({ length: 2 }, () => order({ 承办单位: '市环卫处', 三级分类: '垃圾清运' })),
      order({ 三级分类: '噪音污染' }),
    ];
    const result = buildMonthlyReport([caseSheet([closedCase()]), orderSheet(orders)], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' });
    const grid = result.reportSheets.find((sheet) => sheet.name.endsWith('12345受理'));
    assert.ok(grid?.charts?.length === 2);
    const withCharts = render(grid);
    const withoutCharts = render({ ...grid, charts: [] });
    assert.ok(withoutCharts < 50, `the tables alone print almost no saturated colour (${withoutCharts})`);
    assert.ok(withCharts > 2000 + withoutCharts, `the charts are drawn (${withCharts} saturated pixels)`);
  });
});

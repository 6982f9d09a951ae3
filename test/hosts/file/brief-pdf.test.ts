/**
 * The Word brief as LibreOffice prints it: the sample's September brief converted to PDF has A4
 * pages only, its two charts drawn (saturated colour on the pages, which the tables, in black on a
 * pale header fill, never have), no word outside the page, and its Chinese text. Skipped, with the
 * reason printed, only where LibreOffice (writer) or poppler is absent (.ci/run installs both).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { composeBrief, type BriefDocument } from '../../../src/core/index.ts';
import { buildReportFile } from '../../../src/hosts/file/build-file.ts';
import { briefToDocx } from '../../../src/hosts/file/brief-docx.ts';
import { readWorkbook } from '../../../src/hosts/file/read-workbook.ts';
import { readPng, saturatedPixels, which } from '../../helpers/pdf-pages.ts';

const samplePath = fileURLToPath(new URL('../../../samples/sample-2021.xlsx', import.meta.url));
const a4 = { width: 595.3, height: 841.9 };

describe('the Word brief as LibreOffice prints it', function () {
  this.timeout(300_000);
  let dir = '';
  let document: BriefDocument;
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  before(function () {
    if (!which('soffice') || !which('pdftoppm') || !which('pdftotext') || !which('pdfinfo')) {
      console.log('      (skipped: LibreOffice or poppler-utils is not installed; .ci/run installs libreoffice-writer and poppler-utils)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'case-brief-docx-'));
    const august = buildReportFile(new Uint8Array(readFileSync(samplePath)), 'sample-2021.xlsx', { period: '2021-08', asOf: '2021-09-08 17:30', builtAt: '2021-09-10 09:00' });
    const september = buildReportFile(august.bytes, 'x.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' });
    document = composeBrief(readWorkbook(september.bytes, 'x.xlsx'), { period: '2021-09', madeAt: '2021-10-11 09:00' }).document;
  });

  /** Prints `doc` to PDF and returns its file stem. */
  async function print(name: string, doc: BriefDocument): Promise<string> {
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, await briefToDocx(doc));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
    return join(dir, name);
  }

  function colouredPixels(stem: string): number {
    execFileSync('pdftoppm', ['-r', '40', '-png', `${stem}.pdf`, stem], { stdio: 'pipe' });
    const prefix = stem.split('/').pop() as string;
    return readdirSync(dir)
      .filter((file) => file.startsWith(`${prefix}-`) && file.endsWith('.png'))
      .reduce((sum, page) => sum + saturatedPixels(readPng(readFileSync(join(dir, page)))), 0);
  }

  it('prints on A4 pages, every word inside the page, with the Chinese text of the brief', async () => {
    const stem = await print('brief', document);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', `${stem}.pdf`], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((match) => [Number(match[1]), Number(match[2])]);
    assert.ok(sizes.length >= 3, `${sizes.length} pages`);
    for (const [width, height] of sizes) assert.ok(Math.abs(width - a4.width) < 1 && Math.abs(height - a4.height) < 1, `page ${width} x ${height} pt is A4 portrait`);

    const boxes = execFileSync('pdftotext', ['-bbox', `${stem}.pdf`, '-'], { encoding: 'utf8' });
    const words = [...boxes.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)];
    assert.ok(words.length > 200, `${words.length} words`);
    for (const [, xMin, yMin, xMax, yMax, word] of words) {
      assert.ok(Number(xMin) >= 0 && Number(yMin) >= 0 && Number(xMax) <= a4.width && Number(yMax) <= a4.height, `"${word}" at ${xMin},${yMin}–${xMax},${yMax} is inside the page`);
    }
    const text = execFileSync('pdftotext', [`${stem}.pdf`, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const phrase of ['数据分析简报', '一、数据统计', '二、具体分析', '三、工作建议', '执法直属一大队', '达川区城管执法大队', '分送：']) assert.ok(text.includes(phrase), phrase);
  });

  it('draws the column chart and the pie chart of 12345', async () => {
    const withCharts = colouredPixels(await print('charts', document));
    const withoutCharts = colouredPixels(await print('no-charts', { ...document, blocks: document.blocks.filter((block) => block.kind !== 'chart') }));
    assert.ok(document.blocks.filter((block) => block.kind === 'chart').length === 2);
    assert.ok(withoutCharts < 50, `the tables alone print almost no saturated colour (${withoutCharts})`);
    assert.ok(withCharts > 2000 + withoutCharts, `the charts are drawn (${withCharts} saturated pixels)`);
  });
});

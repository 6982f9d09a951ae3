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
import { buildMonthlyReport, type SheetGrid } from '../../../src/core/index.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { caseSheet, closedCase } from '../../helpers/case-sheet.ts';
import { order, orderSheet } from '../../helpers/order-sheet.ts';
import { readPng, saturatedPixels, which } from '../../helpers/pdf-pages.ts';

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

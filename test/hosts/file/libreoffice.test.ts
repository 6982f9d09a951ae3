// Opens a written workbook in a real spreadsheet application (LibreOffice, headless) and prints
// it to PDF. Skipped, with the reason printed, only when no LibreOffice binary is on PATH.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { chartsBySheet, entries, hotlineGrid, metaGrid, overviewGrid, packageProblems, rawExportWorkbook } from './fixtures.ts';

function findOnPath(names: readonly string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function hasCommand(name: string): boolean {
  return findOnPath([name]) !== undefined;
}

describe('LibreOffice opens what writeWorkbook writes', function () {
  this.timeout(240_000);
  let dir = '';

  before(function () {
    dir = mkdtempSync(join(tmpdir(), 'case-brief-lo-'));
  });

  after(function () {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('converts a patched workbook with report sheets and charts to PDF', function () {
    const soffice = findOnPath(['soffice', 'libreoffice']);
    if (soffice === undefined) {
      console.log('      (skipped: no soffice or libreoffice on PATH; apt-get install -y libreoffice-calc to run it)');
      this.skip();
    }
    const september = writeWorkbook(rawExportWorkbook(), [overviewGrid('2021年9月'), hotlineGrid('2021年9月'), metaGrid()]);
    const october = writeWorkbook(september, [overviewGrid('2021年10月'), hotlineGrid('2021年10月')]);
    const input = join(dir, 'brief.xlsx');
    writeFileSync(input, october);
    // A private profile, so that a LibreOffice already running for the user does not take the job.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'pipe', timeout: 180_000 });
    assertPdfShows(join(dir, 'brief.pdf'), ['2021年9月数字城管系统案件基本情况', '2021年10月12345受理情况', '执法直属一大队']);
  });

  it('patches a workbook that LibreOffice saved itself, keeping its charts, and LibreOffice opens the result', function () {
    const soffice = findOnPath(['soffice', 'libreoffice']);
    if (soffice === undefined) {
      console.log('      (skipped: no soffice or libreoffice on PATH)');
      this.skip();
    }
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const source = join(dir, 'september.xlsx');
    writeFileSync(source, writeWorkbook(rawExportWorkbook(), [overviewGrid('2021年9月'), hotlineGrid('2021年9月'), metaGrid()]));
    const resaved = join(dir, 'resaved');
    execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', resaved, source], { stdio: 'pipe', timeout: 180_000 });
    const saved = new Uint8Array(readFileSync(join(resaved, 'september.xlsx')));
    const septemberCharts = chartsBySheet(saved).get('2021年9月-12345受理') ?? [];
    assert.equal(septemberCharts.length, 2, 'LibreOffice kept our charts');
    const patched = writeWorkbook(saved, [overviewGrid('2021年10月'), hotlineGrid('2021年10月')], { removeSheets: ['12345工单'] });
    assert.deepEqual(packageProblems(patched), []);
    assert.deepEqual(chartsBySheet(patched).get('2021年9月-12345受理'), septemberCharts);
    for (const part of septemberCharts) assert.deepEqual(entries(patched)[part], entries(saved)[part]);
    const output = join(dir, 'patched.xlsx');
    writeFileSync(output, patched);
    execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, output], { stdio: 'pipe', timeout: 180_000 });
    assertPdfShows(join(dir, 'patched.pdf'), ['2021年9月12345受理情况', '2021年10月数字城管系统案件基本情况']);
  });
});

/** The file is a PDF of some size; with pdftotext on PATH, it also shows the expected text. */
function assertPdfShows(path: string, expectedTexts: readonly string[]): void {
  const pdf = readFileSync(path);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes is too small to hold the sheets`);
  if (hasCommand('pdftotext')) {
    const pdfText = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    for (const expected of expectedTexts) assert.ok(pdfText.includes(expected), `the PDF shows ${expected}`);
  }
}

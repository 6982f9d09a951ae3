// The task pane end to end, in its browser mode: a production build served by scripts/serve-dist.mjs
// on 127.0.0.1, opened in headless Chromium (the system's /usr/bin/chromium; never downloaded) with
// every request off 127.0.0.1 aborted, except Microsoft's CDN office.js, which is answered with the
// real office.js from node_modules (outside Office it reports no host, so the pane picks the browser
// mode). office.js fetches one helper of its own from the same CDN folder outside Office,
// o15apptofilemappingtable.js; it is answered from node_modules too, because without it office.js
// never answers Office.onReady and throws "MicrosoftAjax.js is not loaded successfully." about 50 s
// later (the pane's 4 s timeout covers that case; see test/taskpane/host-detection.test.ts).
// Any uncaught page error fails the test. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { GridCell, SheetGrid } from '../../src/core/index.ts';
import { buildReportFile, rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { readSheetNames } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { caseHeaders, caseSheet, closedCase } from '../helpers/case-sheet.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const chromiumPath = '/usr/bin/chromium';
/** Microsoft's CDN folder of office.js → the same files in the npm package. */
const officeCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const officeFiles = ['office.js', 'o15apptofilemappingtable.js'];
const officeDist = join(repoRoot, 'node_modules/@microsoft/office-js/dist');
const resultsDir = join(repoRoot, 'test-results');
const wide = { width: 1366, height: 900 };
const narrow = { width: 320, height: 900 };

/** Words allowed in the zh-CN pane: product and file-type names. */
const allowedLatin = new Set(['Excel', 'WPS', 'Office', 'xlsx', 'xls', 'csv']);

// --- Workbooks made with the file host -----------------------------------------------------------

function workbookOf(sheet: ReturnType<typeof caseSheet>): Uint8Array {
  return writeWorkbook(null, [rawSheetToGrid(sheet)]);
}

/** Three September cases whose unit column is headed 负责队伍, which no synonym names. */
function unmappedCasesWorkbook(): Uint8Array {
  const headers = caseHeaders.map((header) => (header === '处置部门' ? '负责队伍' : header));
  const rows = [closedCase(), closedCase({ 上报时间: '2021-09-10 09:00:00' }), closedCase({ 上报时间: '2021-09-20 15:30:00' })].map((row) => ({ ...row, 负责队伍: row['处置部门'] }));
  return workbookOf(caseSheet(rows, { name: '案件列表', headers }));
}

/** Four September cases (一中队 ×3, 二中队 ×1), every column named as the core expects. */
function validCasesWorkbook(): Uint8Array {
  const rows = [closedCase(), closedCase(), closedCase({ 处置部门: '二中队' }), closedCase({ 上报时间: '2021-09-28 08:00:00' })];
  return workbookOf(caseSheet(rows, { name: '九月案件' }));
}

/** The valid workbook built once, then its 案件概况 edited by hand (a number changed). */
function editedReportWorkbook(): Uint8Array {
  const built = buildReportFile(validCasesWorkbook(), 'x.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' });
  const overview = built.result.reportSheets[0];
  const cells = overview.cells.map((row) => row.map((cell): GridCell | null => (cell !== null && typeof cell.value === 'number' ? { ...cell, value: cell.value + 1 } : cell)));
  const edited: SheetGrid = { ...overview, cells };
  return writeWorkbook(built.bytes, [edited]);
}

// --- Page helpers ----------------------------------------------------------------------------------

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

function previewTable(page: Page, sheet: string): Locator {
  return page.locator(`[data-testid="preview-table"][data-sheet="${sheet}"]`);
}

/** `A12` → ['A', 12]. */
function splitRef(ref: string | null): [string, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(ref ?? '');
  assert.ok(match, `cell reference ${ref}`);
  return [match[1], Number(match[2])];
}

/** The preview's text at the column headed `header` and the row labelled `rowLabel`. */
async function figure(page: Page, sheet: string, header: string, rowLabel: string): Promise<string> {
  const table = previewTable(page, sheet);
  const [col] = splitRef(await table.locator('td').filter({ hasText: exactly(header) }).first().getAttribute('data-cell'));
  const [, row] = splitRef(await table.locator('td').filter({ hasText: exactly(rowLabel) }).first().getAttribute('data-cell'));
  return (await table.locator(`td[data-cell="${col}${row}"]`).innerText()).trim();
}

/** The first value below the header `header` that is not 合计. */
async function firstBelow(page: Page, sheet: string, header: string): Promise<string> {
  const table = previewTable(page, sheet);
  const [col, headerRow] = splitRef(await table.locator('td').filter({ hasText: exactly(header) }).first().getAttribute('data-cell'));
  for (let row = headerRow + 1; row < headerRow + 20; row++) {
    const text = (await table.locator(`td[data-cell="${col}${row}"]`).innerText()).trim();
    if (text !== '' && text !== '合计') return text;
  }
  throw new Error(`nothing below ${header}`);
}

async function showSheet(page: Page, sheet: string): Promise<void> {
  // Fluent's Link without an href is a <button>: it acts, it does not navigate.
  await page.locator('[data-testid="written-sheets"]').getByRole('button', { name: sheet, exact: true }).click();
  await previewTable(page, sheet).waitFor();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir, `taskpane-${name}.png`) });
}

async function openFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
  await page.getByTestId('file-name').filter({ hasText: name }).waitFor();
}

async function build(page: Page): Promise<void> {
  await page.getByRole('button', { name: '生成月报表' }).click();
  await page.getByTestId('build-done').waitFor({ timeout: 60_000 });
}

/** Latin words in the visible text of `locator` that the zh-CN pane should not show. */
async function englishWords(locator: Locator): Promise<string[]> {
  const text = await locator.innerText();
  return [...text.matchAll(/[A-Za-z]{2,}/g)].map((match) => match[0]).filter((word) => !allowedLatin.has(word));
}

// --- The run -----------------------------------------------------------------------------------------

describe('task pane in the browser (end to end)', function () {
  this.timeout(300_000);
  let distDir = '';
  let profileDir = '';
  let server: ChildProcess | undefined;
  let baseUrl = '';
  let context: BrowserContext | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const aborted: string[] = [];

  before(async function () {
    if (!existsSync(chromiumPath)) {
      console.log(`      skipped: ${chromiumPath} is missing (CI installs it with apt-get install chromium; this test never downloads a browser)`);
      this.skip();
    }
    const started = Date.now();
    distDir = mkdtempSync(join(tmpdir(), 'case-brief-e2e-dist-'));
    const webpack = spawnSync(process.execPath, [join(repoRoot, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production', '--output-path', distDir], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(webpack.status, 0, `webpack failed:\n${webpack.stdout}\n${webpack.stderr}`);
    console.log(`      production build: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    server = spawn(process.execPath, [join(repoRoot, 'scripts/serve-dist.mjs'), '--dir', distDir, '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    baseUrl = await new Promise<string>((resolveUrl, reject) => {
      let output = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) resolveUrl(match[1]);
      });
      server?.once('exit', (code) => reject(new Error(`serve-dist exited with ${code}: ${output}`)));
    });

    mkdirSync(resultsDir, { recursive: true });
    profileDir = mkdtempSync(join(tmpdir(), 'case-brief-e2e-profile-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: false, // --headless=new is passed below, as the flags are fixed by hand
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      locale: 'zh-CN',
      viewport: wide,
      acceptDownloads: true,
    });
    const officeScripts = new Map(officeFiles.map((name) => [`${officeCdn}${name}`, readFileSync(join(officeDist, name))]));
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).hostname === '127.0.0.1') return route.continue();
      const officeScript = officeScripts.get(url.split(/[?#]/)[0]);
      if (officeScript !== undefined) return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeScript });
      aborted.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  });

  after(async () => {
    await context?.close();
    server?.kill();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    if (aborted.length) console.log(`      aborted off-loopback requests: ${[...new Set(aborted)].join(', ')}`);
  });

  afterEach(function () {
    assert.deepEqual(pageErrors, [], 'uncaught page errors');
  });

  it('starts in the browser mode with the bundled sample, in Chinese', async () => {
    const started = Date.now();
    await page.goto(`${baseUrl}taskpane.html`);
    await page.getByTestId('browser-shell').waitFor();
    assert.equal(await page.locator('html').getAttribute('data-host-mode'), 'browser');
    const reason = await page.locator('html').getAttribute('data-host-reason');
    assert.equal(reason, 'office-no-host');
    console.log(`      host decision: ${reason} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const cases = page.locator('[data-testid="sheet-summary"][data-sheet="案件列表"]');
    await cases.waitFor({ timeout: 30_000 });
    assert.match(await cases.innerText(), /数字城管案件/);
    assert.equal(await page.getByTestId('period-input').inputValue(), '2021-09');
    assert.equal(await page.getByTestId('as-of-input').inputValue(), '2021-10-08 17:30');
    await previewTable(page, '案件列表').waitFor();
    assert.deepEqual(await englishWords(page.getByTestId('task-pane')), []);
    const fileName = await page.getByTestId('file-name').innerText();
    assert.deepEqual((await englishWords(page.locator('header'))).filter((word) => !fileName.includes(word)), []);
    await screenshot(page, 'wide-start');
  });

  it('builds the sample: the sheets are listed, the reconciliation holds, the preview shows the figures', async () => {
    await build(page);
    const written = await page.getByTestId('written-sheets').getByRole('listitem').allInnerTexts();
    for (const name of ['2021年9月-案件概况', '2021年9月-部门处置', '2021年9月-县区办理', '2021年9月-高发问题', '月报设置', '历史指标']) {
      assert.ok(written.map((text) => text.trim()).includes(name), `${name} in ${written.join(' / ')}`);
    }
    const checks = page.getByTestId('reconciliation').getByRole('listitem');
    assert.ok((await checks.count()) >= 5);
    assert.equal(await page.locator('[data-testid="reconciliation"] [data-ok="false"]').count(), 0);

    // The pane shows the first report sheet after writing.
    await previewTable(page, '2021年9月-案件概况').waitFor();
    assert.equal(await figure(page, '2021年9月-案件概况', '上报数', '总计'), '4381');
    assert.equal(await figure(page, '2021年9月-案件概况', '处置率', '总计'), '98.62%');
    await screenshot(page, 'wide-result');

    await showSheet(page, '2021年9月-部门处置');
    assert.equal(await figure(page, '2021年9月-部门处置', '应处置数', '一中队'), '1344');
    assert.equal(await figure(page, '2021年9月-部门处置', '按期结案率', '一中队'), '96.43%');
    await screenshot(page, 'wide-units');
    // The first unit spans its second-level rows (a merged cell).
    assert.ok(Number(await previewTable(page, '2021年9月-部门处置').locator('td', { hasText: exactly('市城管执法直属一大队') }).first().getAttribute('rowspan')) > 1);

    await showSheet(page, '2021年9月-县区办理');
    assert.equal(await figure(page, '2021年9月-县区办理', '达川区城管执法大队', '受理数'), '61');

    await showSheet(page, '2021年9月-高发问题');
    assert.equal(await firstBelow(page, '2021年9月-高发问题', '小类'), '无照经营游商');
    assert.deepEqual(await englishWords(page.getByTestId('task-pane')), []);
  });

  it('selects a warning’s row in the raw sheet, highlighted and scrolled into view', async () => {
    const link = page.locator('[data-testid="warning-group"][data-kind="duplicateId"] [data-testid="row-link"]').first();
    const rows = await link.getAttribute('data-rows');
    const row = Number((rows ?? '').split('-')[0]);
    assert.ok(row > 100, `a row far down the sheet (${rows})`);
    await link.click();
    const table = previewTable(page, '案件列表');
    await table.waitFor();
    const selected = table.locator(`tr[data-row="${row}"]`);
    await selected.waitFor();
    assert.equal(await selected.getAttribute('data-selected'), 'true');
    assert.equal(await page.getByRole('tab', { selected: true }).innerText(), '案件列表');
    await page.waitForFunction(`(() => { const r = document.querySelector('tr[data-row="${row}"]')?.getBoundingClientRect(); const s = document.querySelector('[data-testid="preview-table"]')?.parentElement?.getBoundingClientRect(); return !!r && !!s && r.top >= s.top && r.bottom <= s.bottom; })()`);
    await screenshot(page, 'wide-row-selected');
  });

  it('is readable at 320 px: one column, the pane above the preview', async () => {
    await page.setViewportSize(narrow);
    const pane = await page.getByTestId('task-pane').boundingBox();
    const preview = await page.getByTestId('workbook-preview').boundingBox();
    assert.ok(pane && preview);
    assert.ok(pane.width <= narrow.width && preview.y >= pane.y + pane.height - 1, 'stacked');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.equal(overflow, 0, 'no horizontal scrolling of the page');
    await screenshot(page, 'narrow-top');
    await page.getByTestId('reconciliation').scrollIntoViewIfNeeded();
    await screenshot(page, 'narrow-result');
    await page.getByTestId('workbook-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'narrow-preview');
    await page.setViewportSize(wide);
  });

  it('opens a workbook with a missing required column: the error names it, the mapping fixes it', async () => {
    await openFile(page, '缺列的导出.xlsx', unmappedCasesWorkbook());
    const summary = page.locator('[data-testid="sheet-summary"][data-sheet="案件列表"]');
    await summary.getByText('缺少必需的列：处置部门').waitFor();
    await page.getByRole('button', { name: '生成月报表' }).click();
    const error = page.getByTestId('error-bar');
    await error.waitFor();
    const message = await error.innerText();
    assert.match(message, /缺少必需的列：处置部门/);
    assert.match(message, /案件列表/);
    assert.match(message, /负责队伍/, 'the headers seen are listed');
    await screenshot(page, 'wide-missing-column');

    await summary.getByRole('combobox').click();
    await page.getByRole('option', { name: '负责队伍' }).click();
    await summary.getByText('缺少必需的列：处置部门').waitFor({ state: 'detached' });
    await page.getByTestId('period-input').fill('2021-09');
    await build(page);
    assert.equal(await page.getByTestId('error-bar').count(), 0);
    assert.equal(await figure(page, '2021年9月-案件概况', '上报数', '总计'), '3');
    // The mapping wrote 月报设置 before the build, so the build did not rewrite it: open it by its tab.
    await page.getByRole('tab', { name: '月报设置' }).click();
    await previewTable(page, '月报设置').waitFor();
    assert.ok((await previewTable(page, '月报设置').locator('td', { hasText: exactly('负责队伍') }).count()) > 0, 'the mapping is kept in the settings sheet');
  });

  it('opens a valid workbook and builds it', async () => {
    await openFile(page, '九月案件.xlsx', validCasesWorkbook());
    await page.locator('[data-testid="sheet-summary"][data-sheet="九月案件"]').waitFor();
    await page.getByTestId('period-input').fill('2021-09');
    await build(page);
    assert.equal(await figure(page, '2021年9月-案件概况', '上报数', '总计'), '4');
    await showSheet(page, '2021年9月-部门处置');
    assert.equal(await figure(page, '2021年9月-部门处置', '应处置数', '一中队'), '3');
    assert.equal(await figure(page, '2021年9月-部门处置', '应处置数', '二中队'), '1');
  });

  it('asks before overwriting a report sheet edited by hand', async () => {
    await openFile(page, '改过的月报.xlsx', editedReportWorkbook());
    await page.getByTestId('period-input').fill('2021-09');
    await page.getByRole('button', { name: '生成月报表' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /2021年9月-案件概况/);
    await screenshot(page, 'wide-overwrite-dialog');
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByText('已取消，工作簿没有改动。').waitFor();
    await page.getByRole('tab', { name: '2021年9月-案件概况' }).click();
    assert.equal(await figure(page, '2021年9月-案件概况', '上报数', '总计'), '5', 'the hand edit is still there');

    await page.getByRole('button', { name: '生成月报表' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '覆盖' }).click();
    await page.getByTestId('build-done').waitFor();
    assert.equal(await figure(page, '2021年9月-案件概况', '上报数', '总计'), '4');
  });

  it('downloads the current workbook as an .xlsx with the generated sheets', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-button').click()]);
    assert.equal(download.suggestedFilename(), '改过的月报-月报.xlsx');
    const file = join(resultsDir, 'taskpane-download.xlsx');
    await download.saveAs(file);
    const bytes = new Uint8Array(readFileSync(file));
    assert.equal(bytes[0], 0x50, 'a zip package');
    const names = readSheetNames(bytes);
    for (const name of ['九月案件', '2021年9月-案件概况', '2021年9月-部门处置', '2021年9月-县区办理', '2021年9月-高发问题', '月报设置', '历史指标']) {
      assert.ok(names.includes(name), `${name} in ${names.join(' / ')}`);
    }
    writeFileSync(join(resultsDir, 'taskpane-download.sheets.txt'), `${names.join('\n')}\n`);
  });

  it('speaks English to a browser whose language is English', async () => {
    const english = await (context as BrowserContext).newPage();
    english.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    await english.addInitScript('Object.defineProperty(navigator, "languages", { get: () => ["en-US", "en"] }); Object.defineProperty(navigator, "language", { get: () => "en-US" });');
    await english.goto(`${baseUrl}taskpane.html`);
    await english.getByRole('button', { name: 'Build monthly tables' }).waitFor({ timeout: 30_000 });
    assert.equal(await english.locator('html').getAttribute('lang'), 'en-US');
    await english.getByText('Not in Excel (Office script reports no host)').waitFor();
    await english.screenshot({ path: join(resultsDir, 'taskpane-wide-english.png') });
    await english.close();
  });
});

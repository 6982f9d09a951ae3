// The task pane end to end, in its browser mode (see harness.ts for how it is served and driven):
// the bundled sample built and checked figure by figure, a warning's row link, the 320 px layout, a
// missing column mapped by hand, the overwrite question, the download, and the English UI.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { GridCell, SheetGrid } from '../../src/core/index.ts';
import { buildReportFile, rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { readSheetNames } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { caseHeaders, caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { build, englishWords, exactly, figure, firstBelow, narrow, openFile, previewTable, resultsDir, screenshot, showSheet, usePane, wide } from './harness.ts';

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

describe('task pane in the browser (end to end)', function () {
  this.timeout(300_000);
  const pane = usePane();
  let page: Page;
  before(() => {
    page = pane.page;
  });

  it('starts in the browser mode with the bundled sample, in Chinese', async () => {
    const started = Date.now();
    await page.goto(`${pane.baseUrl}taskpane.html`);
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
    const english = await pane.context.newPage();
    pane.watch(english);
    await english.addInitScript('Object.defineProperty(navigator, "languages", { get: () => ["en-US", "en"] }); Object.defineProperty(navigator, "language", { get: () => "en-US" });');
    await english.goto(`${pane.baseUrl}taskpane.html`);
    await english.getByRole('button', { name: 'Build monthly tables' }).waitFor({ timeout: 30_000 });
    assert.equal(await english.locator('html').getAttribute('lang'), 'en-US');
    await english.getByText('Not in Excel (Office script reports no host)').waitFor();
    await english.screenshot({ path: join(resultsDir, 'taskpane-wide-english.png') });
    await english.close();
  });
});

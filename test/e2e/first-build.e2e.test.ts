// A first build in a new city, end to end in the browser mode: the pane says what it learned from the
// export before writing (units, counties, sources; the clerk can open the settings first), builds the
// city's own tables, and next month takes last month's report (上月月报) for the settings and 上期.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildReportFile, rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { egovaExport } from '../helpers/export-families.ts';
import { build, englishWords, exactly, figure, openFile, previewTable, screenshot, showSheet, usePane } from './harness.ts';

const family = egovaExport(300, 5);
/** This month's export, a fresh file with nothing but the raw sheet. */
const exportFile = () => writeWorkbook(null, [rawSheetToGrid(family.sheet)]);
/** August's report, built from the same export (its 月报设置 learned, its 历史指标 holding August). */
const augustReport = () => buildReportFile(exportFile(), '八月导出.xlsx', { period: '2021-08', asOf: '2021-09-08 17:30', builtAt: '2021-09-10 09:00' }).bytes;

describe('a first build in a new city, in the task pane (end to end)', function () {
  this.timeout(300_000);
  const pane = usePane();
  let page: Page;
  before(async () => {
    page = pane.page;
    await page.goto(`${pane.baseUrl}taskpane.html`);
    await page.getByTestId('browser-shell').waitFor();
  });

  it('says the bundled sample matches the reference preset', async () => {
    const panel = page.getByTestId('first-build');
    await panel.waitFor({ timeout: 30_000 });
    assert.equal(await panel.getAttribute('data-kind'), 'preset');
    assert.match(await panel.innerText(), /达州市（参考简报）/);
  });

  it('shows what it learned from a new city’s export before writing, and opens the proposed settings for checking', async () => {
    await openFile(page, '临江九月导出.xlsx', exportFile());
    const panel = page.getByTestId('first-build');
    await panel.and(page.locator('[data-kind="learned"]')).waitFor();
    assert.match(await page.getByTestId('learned-counts').innerText(), /一级单位 7 个（其中县市区 3 个），二级单位 7 个，问题来源 7 个/);
    await page.getByRole('button', { name: '显示识别出的单位和来源' }).click();
    const names = await page.getByTestId('learned-names').innerText();
    assert.match(names, /县市区：[^\n]*东湖区城市管理局/);
    assert.match(names, /市局：[^\n]*临江市城市管理局/);
    assert.deepEqual(await englishWords(page.getByTestId('task-pane')), []);
    await screenshot(page, 'wide-first-build');

    await page.getByRole('button', { name: '先打开设置核对' }).click();
    await previewTable(page, '月报设置').waitFor();
    assert.ok((await previewTable(page, '月报设置').locator('td', { hasText: exactly('从数据识别') }).count()) > 10, 'learned rows are marked');
    await page.getByTestId('first-build').waitFor({ state: 'detached' });
  });

  it('builds the city’s own tables from those settings', async () => {
    await page.getByTestId('period-input').fill('2021-09');
    await page.getByTestId('as-of-input').fill(family.asOfText);
    await build(page);
    await showSheet(page, '2021年9月-部门处置');
    assert.notEqual(await figure(page, '2021年9月-部门处置', '应处置数', '临江市园林绿化中心'), '');
    await showSheet(page, '2021年9月-县区办理');
    assert.equal(await previewTable(page, '2021年9月-县区办理').locator('td', { hasText: exactly('云岭市综合行政执法局') }).count(), 1);
  });

  it('takes last month’s report for the settings and the 上期 columns of a fresh export', async () => {
    await openFile(page, '临江九月导出（新文件）.xlsx', exportFile());
    await page.getByTestId('first-build').waitFor();
    await page.getByTestId('last-report-input').setInputFiles({ name: '临江八月月报.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(augustReport()) });
    await page.getByTestId('last-report-name').filter({ hasText: '临江八月月报.xlsx' }).waitFor();
    assert.match(await page.getByTestId('last-report-uses').innerText(), /沿用它的设置和历史指标/);
    await page.getByTestId('first-build').waitFor({ state: 'detached' });
    await page.getByTestId('period-input').fill('2021-09');
    await page.getByTestId('as-of-input').fill(family.asOfText);
    await build(page);
    await showSheet(page, '2021年9月-案件概况');
    assert.notEqual(await figure(page, '2021年9月-案件概况', '上期处置率', '总计'), '', '上期 comes from August’s report');
    await screenshot(page, 'wide-last-report');
  });

  it('says which file is no report', async () => {
    await page.getByTestId('last-report-input').setInputFiles({ name: '不是月报.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(exportFile()) });
    const error = page.getByTestId('error-bar');
    await error.waitFor();
    assert.match(await error.innerText(), /不是月报\.xlsx.*没有"月报设置"表/s);
  });
});

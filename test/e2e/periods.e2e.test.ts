// Periods other than a month in the task pane's browser mode (see harness.ts): the clerk types a
// quarter and gets its sheets and figures; and a workbook whose raw rows are gone but whose months
// were built gives the quarter from 历史指标, saying so.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildMonthlyReport, historySheetName } from '../../src/core/index.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { between, dailyCases, daySheet } from '../helpers/period-exports.ts';
import { afterBuild, referenceSettingsSheet } from '../helpers/workbook.ts';
import { build, figure, openFile, screenshot, usePane, openSamplePane } from './harness.ts';

// July to September 2021, four cases a day.
const cases = dailyCases('2021-07-01', 92, 4, 37);
const quarterCount = between(cases, Date.UTC(2021, 6, 1), Date.UTC(2021, 9, 1)).length;

/** The workbook after July, August and September were built in turn, with the export sheet removed. */
function historyOnlyWorkbook(): Uint8Array {
  let sheets = [daySheet(cases, '案件'), referenceSettingsSheet()];
  for (const period of ['2021-07', '2021-08', '2021-09']) sheets = afterBuild(sheets, buildMonthlyReport(sheets, { period, asOf: '2021-10-10 12:00', builtAt: '2021-10-11 09:00' }));
  const kept = sheets.filter((sheet) => sheet.name === historySheetName || sheet.name === '月报设置');
  return writeWorkbook(null, kept.map((sheet) => rawSheetToGrid(sheet)));
}

describe('periods other than a month in the task pane (end to end)', function () {
  this.timeout(300_000);
  const pane = usePane();
  let page: Page;
  before(async () => {
    page = pane.page;
    await openSamplePane(page, pane.baseUrl, 30_000);
  });

  it('builds a quarter from the months in 历史指标 when the workbook has no export, and says so', async () => {
    await openFile(page, '只有历史指标.xlsx', historyOnlyWorkbook());
    // The pane says what the history holds and suggests the latest quarter all of whose months were built.
    await page.getByTestId('history-only').waitFor();
    assert.match(await page.getByTestId('history-only').innerText(), /2021-07 至 2021-09/);
    assert.equal(await page.getByTestId('period-input').inputValue(), '2021-Q3');
    await build(page);
    assert.equal(await figure(page, '2021年第三季度-案件概况', '上报数', '总计'), String(quarterCount));
    const group = page.locator('[data-testid="warning-group"][data-kind="fromHistory"]');
    assert.ok((await group.count()) > 0, 'the build says it was added up from the history');
    await screenshot(page, 'quarter-from-history');
  });

  it('builds a quarter typed into the period field, naming it as briefs do', async () => {
    await openFile(page, '第三季度导出.xlsx', writeWorkbook(null, [rawSheetToGrid(daySheet(cases, '案件')), rawSheetToGrid(referenceSettingsSheet())]));
    await page.getByTestId('period-input').fill('2021-Q3');
    await build(page);
    assert.match(await page.getByTestId('build-done').innerText(), /2021年第三季度/);
    assert.equal(await figure(page, '2021年第三季度-案件概况', '上报数', '总计'), String(quarterCount));
    await screenshot(page, 'quarter');
  });
});

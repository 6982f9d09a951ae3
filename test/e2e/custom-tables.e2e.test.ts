// The clerk's own tables in the task pane, end to end in the browser mode (see harness.ts): the
// searchable list of indicators, forms and dimensions in step 5; what the settings' names were taken
// to be, or that one was not understood; and a workbook whose 【自定义表格】 builds its own sheet.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { defaultSettings, settingsToGrid, type Settings } from '../../src/core/index.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { generateCases, generatedSheet, printedRate } from '../helpers/generated-cases.ts';
import { build, englishWords, figure, openFile, screenshot, usePane, openSamplePane } from './harness.ts';

const september = generateCases('2021-09', 60, 21);

/** Generated September cases, and a settings sheet with one custom table whose names need checking. */
function customTableWorkbook(): Uint8Array {
  const settings: Settings = {
    ...defaultSettings,
    customIndicators: [{ name: '受理结案率', numerator: '结案数', denominator: '受理数' }],
    customTables: [
      {
        name: '按大类',
        by: '大类',
        groupBy: '',
        scope: '',
        // 上月上报数 is taken as 上期上报数; 结按率 is not understood.
        columns: ['上报数', '上月上报数', '受理结案率→结案率', '结按率'],
        top: null,
        total: true,
        totalLabel: '',
        sort: '',
        display: [],
      },
    ],
  };
  return writeWorkbook(null, [rawSheetToGrid(generatedSheet(september)), settingsToGrid(settings)]);
}

async function search(page: Page, text: string): Promise<string[]> {
  // Fluent's SearchBox puts its native props (data-testid too) on the input.
  const box = page.getByTestId('catalogue-search');
  await box.fill(text);
  await page.waitForFunction(`document.querySelector('input[data-testid="catalogue-search"]')?.value === ${JSON.stringify(text)}`);
  return (await page.evaluate(`[...document.querySelectorAll('[data-testid="catalogue-entry"]')].map((item) => item.getAttribute('data-name') ?? '')`)) as string[];
}

describe('custom tables in the task pane (end to end)', function () {
  this.timeout(300_000);
  const pane = usePane();
  let page: Page;
  before(() => {
    page = pane.page;
  });

  it('lists the indicators, comparison forms and dimensions, searchable', async () => {
    await openSamplePane(page, pane.baseUrl, 30_000);
    const all = await search(page, '');
    for (const name of ['上报数', '结案率', '按期结案率', '有效上报率', '办结率', '回退数', '占比', 'X同比', '上期X', '去年同期X', '街道', '12345承办单位', '标准顺序', '箭头']) assert.ok(all.includes(name), `${name} in the list`);
    assert.match(await page.getByTestId('catalogue-count').innerText(), new RegExp(`共 ${all.length} 项`));

    // Search matches names (listed first) and descriptions: 同比 finds the form, then the display options that
    // mention it; 街道 the dimension; 应结案数 the rates that divide by it.
    const yearOnYear = await search(page, '同比');
    assert.equal(yearOnYear[0], 'X同比');
    assert.ok(yearOnYear.includes('箭头') && !yearOnYear.includes('结案率'), yearOnYear.join(' '));
    assert.ok((await search(page, '街道')).includes('街道'));
    const byDueClose = await search(page, '应结案数');
    for (const name of ['应结案数', '结案率', '按期结案率']) assert.ok(byDueClose.includes(name), name);
    assert.ok(!byDueClose.includes('受理数'));
    assert.match(await page.getByTestId('catalogue-count').innerText(), new RegExp(`找到 ${byDueClose.length} 项（共 ${all.length} 项）`));
    assert.deepEqual(await search(page, '不存在的指标'), []);
    // The sample's settings are the defaults: every name is understood.
    await page.getByTestId('settings-notes-none').waitFor();
    await page.getByTestId('catalogue-search').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-catalogue');
    await search(page, '');
  });

  it('says what a name in the settings was taken to be, and that another was not understood, before building', async () => {
    await openFile(page, '自定义表格.xlsx', customTableWorkbook());
    const notes = page.getByTestId('settings-note');
    await notes.first().waitFor();
    const texts = await notes.allInnerTexts();
    assert.ok(texts.some((text) => /【自定义表格】"按大类"的指标中的"上月上报数"按"上期上报数"理解/.test(text)), texts.join('\n'));
    const unknown = texts.find((text) => /"结按率"无法识别/.test(text));
    assert.ok(unknown, texts.join('\n'));
    assert.match(unknown, /是否指 "结案率"/);
    // The clerk's own indicator is in the list now.
    const custom = await search(page, '受理结案率');
    assert.equal(custom[0], '受理结案率');
    assert.equal(await page.locator('[data-testid="catalogue-entry"][data-name="受理结案率"]').getAttribute('data-group'), 'custom');
    await page.getByTestId('settings-notes').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-notes');
    await search(page, '');
  });

  it('builds the custom table as its own sheet after the standard ones, with figures counted from the export', async () => {
    await page.getByTestId('period-input').fill('2021-09');
    await build(page);
    const written = (await page.getByTestId('written-sheets').getByRole('listitem').allInnerTexts()).map((text) => text.trim());
    assert.ok(written.indexOf('2021年9月-按大类') > written.indexOf('2021年9月-高发问题'), written.join(' / '));
    await page.locator('[data-testid="written-sheets"]').getByRole('button', { name: '2021年9月-按大类', exact: true }).click();
    const sheet = '2021年9月-按大类';
    assert.equal(await figure(page, sheet, '上报数', '合计'), String(september.length));
    const mainType = september[0].mainType;
    assert.equal(await figure(page, sheet, '上报数', mainType), String(september.filter((item) => item.mainType === mainType).length));
    const accepted = september.filter((item) => item.stage !== '不予受理');
    const closed = september.filter((item) => item.stage === '结案');
    assert.equal(await figure(page, sheet, '结案率', '合计'), printedRate(closed.length, accepted.length));
    // The build's warnings say the same about the names, and that 上期 is missing.
    const settingsGroup = page.locator('[data-testid="warning-group"][data-kind="settings"]');
    assert.match(await settingsGroup.innerText(), /"结按率"无法识别/);
    assert.match(await page.locator('[data-testid="warning-group"][data-kind="noHistory"]').innerText(), /没有2021年8月（上期）的数值.*"2021年9月-按大类"的上月上报数列/);
    assert.deepEqual(await englishWords(page.getByTestId('task-pane')), []);
    await screenshot(page, 'custom-table-built');
  });
});

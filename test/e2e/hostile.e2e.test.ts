// Hostile and damaged input in the task pane's browser mode (see harness.ts): a damaged file picked
// gets a sentence, never a stack or a blank pane; a hidden copy of an export is left out and said so;
// a caller's full-width phone number in a 12345 order appears in no generated sheet the pane shows.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';
import { build, figure, openFile, previewTable, screenshot, showSheet, usePane, openSamplePane } from './harness.ts';

const fullWidthPhone = '１３６４５６７８９０１';

function workbookWithHiddenCopyAndPhone(): Uint8Array {
  const cases = caseSheet([closedCase(), closedCase(), closedCase({ 处置部门: '二中队' })]);
  const orders = orderSheet([
    order({ 诉求内容: `幸福花园3栋楼下烧烤油烟扰民，电话${fullWidthPhone}，请处理`, 诉求地址: '幸福花园3栋', 三级分类: '油烟' }),
    order({ 诉求内容: `幸福花园3栋楼下烧烤油烟，联系${fullWidthPhone}`, 诉求地址: '幸福花园3栋', 三级分类: '油烟' }),
    order({ 诉求内容: '幸福花园3栋楼下烧烤油烟扰民', 诉求地址: '幸福花园3栋', 三级分类: '油烟' }),
  ]);
  return writeWorkbook(null, [rawSheetToGrid(cases), { ...rawSheetToGrid({ ...cases, name: '案件列表副本' }), hidden: true }, rawSheetToGrid(orders)]);
}

describe('hostile input in the task pane (end to end)', function () {
  this.timeout(300_000);
  const pane = usePane();
  let page: Page;
  before(async () => {
    page = pane.page;
    await openSamplePane(page, pane.baseUrl, 30_000);
  });

  it('explains a damaged file in a sentence, and keeps the workbook it had open', async () => {
    const good = writeWorkbook(null, [rawSheetToGrid(caseSheet([closedCase()]))]);
    await page.getByTestId('file-input').setInputFiles({ name: '坏文件.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(good.subarray(0, Math.floor(good.length / 2))) });
    const error = page.getByTestId('open-error');
    await error.waitFor();
    const text = await error.innerText();
    assert.match(text, /"坏文件\.xlsx"文件已损坏/);
    assert.ok(!/\bat \S+ \(|Error:|TypeError/.test(text), text);
    await screenshot(page, 'hostile-damaged-file');
    assert.ok(await page.locator('[data-testid="sheet-summary"][data-sheet="案件列表"]').isVisible(), 'the earlier workbook is still there');
  });

  it('leaves a hidden copy of an export out, says so, and shows no caller number in any generated sheet', async () => {
    await openFile(page, '含隐藏副本.xlsx', workbookWithHiddenCopyAndPhone());
    await page.getByTestId('period-input').fill('2021-09');
    await build(page);
    assert.equal(await figure(page, '2021年9月-案件概况', '上报数', '总计'), '3', 'the hidden copy is not counted');
    assert.ok((await page.locator('[data-testid="warning-group"][data-kind="ignoredSheet"]').count()) > 0, 'the hidden sheet is reported');
    for (const sheet of ['2021年9月-12345受理', '2021年9月-热难点', '2021年9月-十件事']) {
      await showSheet(page, sheet);
      const text = await previewTable(page, sheet).innerText();
      assert.ok(!text.includes(fullWidthPhone) && !text.includes('13645678901'), `${sheet} shows no phone number`);
    }
    await showSheet(page, '2021年9月-热难点');
    assert.match(await previewTable(page, '2021年9月-热难点').innerText(), /幸福花园/);
  });
});

// The 简报 step in the browser mode: 下载简报 downloads the Word brief of the built period (its
// 二、具体分析 drafted from the sample's figures), and 定稿 records the period into 历史指标.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { docxText } from '../../src/hosts/file/brief-docx.ts';
import { build, resultsDir, screenshot, usePane, openSamplePane } from './harness.ts';

describe('the brief from the task pane (browser mode, end to end)', function () {
  this.timeout(300_000);
  const pane = usePane();
  let page: Page;
  before(async () => {
    page = pane.page;
    await openSamplePane(page, pane.baseUrl, 60_000);
    await build(page);
  });

  it('downloads the Word brief of the period just built', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('brief-button').click()]);
    assert.equal(download.suggestedFilename(), '2021年9月数据分析简报.docx');
    const file = join(resultsDir, 'taskpane-brief.docx');
    await download.saveAs(file);
    const text = docxText(new Uint8Array(readFileSync(file))).join('\n');
    for (const phrase of ['数据分析简报', '一、数据统计', '二、具体分析', '三、工作建议', '4381件', '429件', '【请填写：']) assert.ok(text.includes(phrase), phrase);
    const notice = page.getByTestId('brief-notice');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('data-kind'), 'saved');
    assert.match(await notice.innerText(), /已下载“2021年9月数据分析简报\.docx”/);
  });

  it('finalises the period into 历史指标 and says so', async () => {
    await page.getByTestId('finalise-button').click();
    const notice = page.locator('[data-testid="brief-notice"][data-kind="finalised"]');
    await notice.waitFor({ timeout: 60_000 });
    assert.match(await notice.innerText(), /2021年9月已定稿：\d+ 个数值记入"历史指标"/);
    await screenshot(page, 'brief-finalised');
  });
});

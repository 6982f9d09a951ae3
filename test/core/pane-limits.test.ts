/**
 * A period too large for a build inside Excel (a large city's year over several sheets): the pane
 * says so before reading a row, with the sheets' sizes, and points to the command line.
 */
import assert from 'node:assert/strict';
import { paneRowLimit, tooLargeForPane } from '../../src/core/index.ts';

describe('tooLargeForPane', () => {
  it('lets through a workbook whose sheets hold up to one Excel sheet of rows in all', () => {
    assert.equal(paneRowLimit, 1_048_575);
    assert.equal(tooLargeForPane([{ name: '1至6月', rows: 600_000 }, { name: '7至12月', rows: 448_575 }]), null);
  });

  it('says how large the sheets are, which are the largest, and to build such a period with the command line', () => {
    const error = tooLargeForPane([
      { name: '1至4月', rows: 800_000 },
      { name: '5至8月', rows: 820_000 },
      { name: '9至12月', rows: 790_000 },
      { name: '月报设置', rows: 120 },
    ]);
    assert.ok(error);
    assert.equal(error.sheet, '5至8月');
    assert.match(error.message, /共有 2,410,120 行（"5至8月" 820,000 行，"1至4月" 800,000 行，"9至12月" 790,000 行，"月报设置" 120 行）/);
    assert.match(error.message, /1,048,575 行/);
    assert.match(error.message, /case-brief build 1月\.csv 2月\.csv … 12月\.csv --period 2021/);
    assert.match(error.message, /按月生成，再由历史指标汇总生成季度或全年/);
  });

  it('does not count the history sheets, which a build reads whole, nor hidden sheets, which it does not read', () => {
    const sheets = [
      { name: '案件', rows: 600_000 },
      { name: '历史指标', rows: 1_000_000 },
      { name: '历史指标（2019年）', rows: 1_000_000 },
      { name: '案件（副本）', rows: 600_000, hidden: true },
    ];
    assert.equal(tooLargeForPane(sheets), null);
    assert.ok(tooLargeForPane([...sheets, { name: '12345', rows: 448_576 }]));
  });
});

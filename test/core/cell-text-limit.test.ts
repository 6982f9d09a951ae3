/**
 * No text over Excel's 32,767 characters reaches a workbook: a long complaint that becomes a 热难点
 * description is cut with …, and the report still writes; a CSV's long cell copied as a raw sheet is
 * cut too, and said so.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, maxCellText } from '../../src/core/index.ts';
import { buildReportFile } from '../../src/hosts/file/build-file.ts';
import { readWorkbook } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { caseHeaders, closedCase } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';

describe('texts longer than a cell holds', () => {
  it('cuts a 热难点 description of 40,000 characters with …, and the workbook writes', () => {
    const long = `幸福花园3栋楼下夜间烧烤油烟扰民${'油烟很大'.repeat(10_000)}`;
    const rows = [order({ 诉求内容: long, 诉求地址: '幸福花园3栋', 三级分类: '油烟' }), order({ 诉求内容: long, 诉求地址: '幸福花园3栋', 三级分类: '油烟' }), order({ 诉求内容: long, 诉求地址: '幸福花园3栋', 三级分类: '油烟' })];
    const result = buildMonthlyReport([orderSheet(rows)], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' });
    const texts = result.sheetsToWrite.flatMap((grid) => grid.cells.flat()).map((cell) => cell?.value).filter((value): value is string => typeof value === 'string');
    const longest = texts.reduce((max, text) => (text.length > max.length ? text : max), '');
    assert.equal(longest.length, maxCellText);
    assert.ok(longest.endsWith('…'));
    assert.doesNotThrow(() => writeWorkbook(null, result.sheetsToWrite));
  });

  it('cuts a CSV cell of 40,000 characters in the copied raw sheet, says so, and builds', () => {
    const quote = (value: unknown) => (value === null || value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`);
    const row = closedCase({ 问题描述: '占道'.repeat(20_000) });
    const csv = [caseHeaders.join(','), caseHeaders.map((header) => quote(row[header])).join(',')].join('\r\n');
    const { bytes, result } = buildReportFile(new TextEncoder().encode(csv), '导出.csv', { period: '2021-09', builtAt: '2021-10-11 09:00' });
    assert.equal(result.statistics.total.reported, 1);
    const cut = result.warnings.find((warning) => warning.kind === 'longText');
    assert.ok(cut);
    assert.deepEqual(cut.rows, [2]);
    const copy = readWorkbook(bytes, 'out.xlsx')[0];
    const description = copy.rows[1][caseHeaders.indexOf('问题描述')];
    assert.equal(typeof description === 'string' && description.length, maxCellText);
  });
});

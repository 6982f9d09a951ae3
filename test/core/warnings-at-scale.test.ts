/**
 * Warnings stay few and true when the input is large or odd: a sheet pasted twice, many repeated
 * ids, thousands of units not in the settings, ids that Excel has rounded into scientific notation.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, referencePreset, type BuildResult, type RawSheet } from '../../src/core/index.ts';
import { caseSheet, closedCase, type CaseRow } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';

const options = { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' };
const build = (sheets: RawSheet[]): BuildResult => buildMonthlyReport(sheets, options);
const ofKind = (result: BuildResult, kind: string) => result.warnings.filter((warning) => warning.kind === kind);

describe('warnings at scale', () => {
  it('says once that a sheet was pasted twice, and counts each case once', () => {
    const rows = Array.from({ length: 60 }, () => closedCase());
    const sheet = caseSheet([...rows, ...rows]);
    const result = build([sheet]);
    assert.equal(result.statistics.total.reported, 60);
    const duplicates = ofKind(result, 'duplicateId');
    assert.equal(duplicates.length, 1);
    assert.match(duplicates[0].message, /60 行与前面的行完全相同.*粘贴或导出了两次/);
    assert.equal(duplicates[0].rows.length, 60);
  });

  it('names 20 repeated ids one by one and sums up the rest, every row still listed', () => {
    const first = Array.from({ length: 30 }, () => closedCase({ 当前阶段: '处置中' }));
    const later = first.map((row) => ({ ...row, 当前阶段: '结案' }));
    const result = build([caseSheet([...first, ...later])]);
    const duplicates = ofKind(result, 'duplicateId');
    assert.equal(duplicates.length, 21);
    assert.match(duplicates[20].message, /另有 10 个编号重复出现（共 20 行/);
    assert.equal(duplicates.reduce((sum, warning) => sum + warning.rows.length, 0), 60);
    assert.equal(result.statistics.total.closed, 30, 'the later row of each id counts');
  });

  it('gives 21 warnings, not 3,000, for 3,000 units not in the settings, and records none of them in the history', () => {
    const rows: CaseRow[] = Array.from({ length: 3000 }, (_, index) => closedCase({ 处置部门: `网格员${index}` }));
    // A workbook with settings (a first build would learn these units instead of warning about them).
    const result = buildMonthlyReport([caseSheet(rows)], { ...options, settings: referencePreset });
    const unknown = ofKind(result, 'unknownUnit');
    assert.equal(unknown.length, 21);
    assert.match(unknown[20].message, /另有 2980 个处置部门不在设置的单位表中（共 2980 件.*其余合为一行/);
    assert.equal(unknown.reduce((sum, warning) => sum + warning.rows.length, 0), 3000, 'every case is listed under a warning');
    assert.equal(ofKind(result, 'lowRate').length, 0);
    assert.ok(!result.history.some((record) => record.row.startsWith('网格员')));
    assert.equal(result.history.find((record) => record.table === '部门处置' && record.row === '总计' && record.indicator === '应处置数')?.value, 3000);
  });

  it('shows the 30 most reported units not in the settings in rows of their own, and the rest in one row', () => {
    const rows: CaseRow[] = Array.from({ length: 300 }, (_, index) => closedCase({ 处置部门: `网格员${index % 100}` }));
    const result = buildMonthlyReport([caseSheet([...rows, closedCase()])], { ...options, settings: referencePreset });
    const unknownRows = result.statistics.unitRows.filter((row) => !row.known);
    assert.equal(unknownRows.length, 31);
    assert.equal(unknownRows[30].level1, '其余 70 个不在设置中的单位');
    assert.equal(unknownRows[30].counts.dispatched, 210);
    assert.equal(result.statistics.cityTotal.dispatched, 301, 'no case leaves the totals');
    assert.ok(result.reconciliation.every((check) => check.ok));
  });

  it('caps the 12345 units not in the settings the same way, and keeps the configured ones', () => {
    const orders = Array.from({ length: 120 }, (_, index) => order({ 承办单位: `外单位${index % 60}` }));
    const result = buildMonthlyReport([orderSheet([...orders, order()])], { ...options, settings: referencePreset });
    const byUnit = result.hotline?.byUnit ?? [];
    assert.equal(byUnit.length, 32);
    assert.ok(byUnit.some((unit) => unit.name === '执法直属一大队' && unit.count === 1));
    assert.deepEqual(byUnit[byUnit.length - 1], { name: '其余 30 个不在设置中的单位', count: 60 });
    assert.equal(byUnit.reduce((sum, unit) => sum + unit.count, 0), 121);
  });

  it('learns no units on a first build from a unit column of 2,500 different spellings, and says the column looks wrong', () => {
    const rows: CaseRow[] = Array.from({ length: 2500 }, (_, index) => closedCase({ 处置部门: `网格员${index}` }));
    const result = build([caseSheet(rows)]);
    assert.equal(result.settings.firstLevelUnits.length, 0);
    assert.ok(result.settingsLearned?.lines.some((line) => /处置部门列有 2500 种不同的写法.*没有据此识别单位/.test(line)), result.settingsLearned?.lines.join('\n'));
    assert.equal(result.statistics.unitRows.filter((row) => !row.known).length, 31);
    assert.equal(result.statistics.cityTotal.dispatched, 2500);
  });

  it('counts each row whose id Excel rounded (2.02109E+12) as its own case, and says the ids are lost', () => {
    const rows = Array.from({ length: 5 }, () => closedCase({ 任务号: '2.02109E+12' }));
    const result = build([caseSheet([...rows, closedCase()])]);
    assert.equal(result.statistics.total.reported, 6);
    assert.equal(ofKind(result, 'duplicateId').length, 0, 'never "无需处理" for merged ids');
    const lost = ofKind(result, 'lostPrecisionId');
    assert.equal(lost.length, 1);
    assert.equal(lost[0].rows.length, 5);
    assert.match(lost[0].message, /科学计数法（如 2\.02109E\+12）/);
    assert.match(lost[0].action, /文本/);
  });

  it('does the same for 12345 orders', () => {
    const result = build([orderSheet([order({ 工单编号: '2.1E+15' }), order({ 工单编号: '2.1E+15' }), order()])]);
    assert.equal(result.hotline?.received, 3);
    assert.equal(ofKind(result, 'lostPrecisionId')[0]?.rows.length, 2);
  });
});

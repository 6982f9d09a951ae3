/**
 * No silent wrong figures: inputs that used to change the numbers while every check passed — a
 * hidden copy of an export, the same export twice, a typo of a year, an export sheet named like a
 * generated one — now give the right figures and say what they saw.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, inspectWorkbook, type BuildResult, type RawSheet } from '../../src/core/index.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';

const builtAt = '2021-10-11 09:00';
const build = (sheets: RawSheet[], asOf?: string): BuildResult => buildMonthlyReport(sheets, { period: '2021-09', builtAt, ...(asOf ? { asOf } : {}) });
const kindsOf = (result: BuildResult) => result.warnings.map((warning) => warning.kind);

describe('no silent wrong figures', () => {
  const cases = [closedCase(), closedCase(), closedCase({ 处置部门: '二中队' })];
  const orders = [order(), order(), order()];

  it('ignores a hidden sheet, and says so when it looks like an export', () => {
    const hidden: RawSheet = { ...caseSheet(cases, { name: '案件列表 (2)' }), hidden: true };
    const result = build([caseSheet(cases), hidden, { ...orderSheet(orders, '12345备份'), hidden: true }, orderSheet(orders)]);
    assert.equal(result.statistics.total.reported, 3);
    assert.equal(result.hotline?.received, 3);
    const ignored = result.warnings.filter((warning) => warning.kind === 'ignoredSheet').map((warning) => warning.sheet);
    assert.deepEqual(ignored, ['案件列表 (2)', '12345备份']);
  });

  it('counts two 12345 sheets holding the same orders once, and says one is a copy', () => {
    const result = build([orderSheet(orders, '12345工单'), orderSheet(orders, '12345工单 (2)')]);
    assert.equal(result.hotline?.received, 3);
    const copy = result.warnings.find((warning) => warning.kind === 'duplicateSheet');
    assert.ok(copy);
    assert.equal(copy.sheet, '12345工单 (2)');
    assert.match(copy.message, /3 件工单都已在"12345工单"中/);
  });

  it('says once, not per row, that a cases sheet is a copy of another', () => {
    const result = build([caseSheet(cases, { name: '九月' }), caseSheet(cases, { name: '九月 (2)' })]);
    assert.equal(result.statistics.total.reported, 3);
    assert.equal(kindsOf(result).filter((kind) => kind === 'duplicateSheet').length, 1);
    assert.equal(kindsOf(result).filter((kind) => kind === 'duplicateId').length, 0);
  });

  it('never takes a year typed wrong (2201-08-16) as the as-of time, and names the row', () => {
    const typo = closedCase({ 结案时间: '2201-08-16 10:00:00' });
    const result = build([caseSheet([...cases, typo])]);
    assert.equal(result.asOfText, '2021-09-03 16:00');
    const warning = result.warnings.find((candidate) => candidate.kind === 'implausibleTime');
    assert.ok(warning);
    assert.deepEqual(warning.rows, [6]);
    assert.match(warning.message, /结案时间 2201-08-16 10:00/);
    assert.equal(inspectWorkbook([caseSheet([...cases, typo])], undefined, Date.UTC(2021, 9, 11, 9)).latestEvent, '2021-09-03 16:00');
  });

  it('treats a time before 2000 as a slip too', () => {
    const result = build([caseSheet([...cases, closedCase({ 上报时间: '1921-09-03 10:00:00' })])]);
    assert.ok(kindsOf(result).includes('implausibleTime'));
    assert.equal(result.statistics.total.reported, 3);
  });

  it('reads an export sheet whose name looks like a generated one (2021年9月-数字城管导出)', () => {
    const result = build([caseSheet(cases, { name: '2021年9月-数字城管导出' })]);
    assert.equal(result.statistics.total.reported, 3);
  });

  it('never reads the sheets an earlier build wrote as exports, whatever their names', () => {
    const first = build([caseSheet(cases)]);
    const written = first.sheetsToWrite.map((grid) => ({ name: grid.name, rows: grid.cells.map((row) => row.map((cell) => cell?.value ?? null)), ...(grid.hidden ? { hidden: true } : {}) }));
    const again = build([caseSheet(cases), ...written]);
    assert.deepEqual(again.layouts.map((layout) => layout.sheet), ['案件列表']);
    assert.equal(again.statistics.total.reported, 3);
  });
});

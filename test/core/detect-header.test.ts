import assert from 'node:assert/strict';
import { detectSheetLayout, matchColumns, caseFields } from '../../src/core/index.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';

describe('detectSheetLayout', () => {
  it('finds the header row below title and export-time rows', () => {
    const sheet = { name: 'Sheet1', rows: [['数字化城管案件查询结果'], ['导出时间：2021-10-08 17:35'], [], ...caseSheet([closedCase()], { titleRows: 0 }).rows] };
    const layout = detectSheetLayout(sheet);
    assert.equal(layout.kind, 'cases');
    assert.equal(layout.headerRow, 4);
    assert.equal(layout.columns.caseId, 0);
    assert.deepEqual(layout.missingRequired, []);
  });

  it('matches headers with full-width brackets, spaces and a trailing 名称', () => {
    const matches = matchColumns(['任务号', ' 问题来源 ', '上报时间', '当前阶段名称', '处置部门（单位）'], caseFields);
    const fields = Object.fromEntries(matches.map((match) => [match.field, match.col]));
    assert.equal(fields.stage, 3);
    assert.equal(fields.source, 1);
    assert.equal(fields.unit, 4);
  });

  it('prefers 捆绑处置截止时间 over 处置截止时间 when both exist', () => {
    const matches = matchColumns(['处置截止时间', '捆绑处置截止时间'], caseFields);
    assert.equal(matches.find((match) => match.field === 'deadline')?.col, 1);
  });

  it('takes an exact synonym before a header that merely contains one', () => {
    const matches = matchColumns(['案件编号（系统）', '任务号'], caseFields);
    assert.equal(matches.find((match) => match.field === 'caseId')?.col, 1);
  });

  it('applies a manual mapping before synonyms', () => {
    const matches = matchColumns(['单号', '来源', '发生时间', '状态', '部门'], caseFields, [
      { kind: 'cases', header: '单号', field: 'caseId' },
      { kind: 'cases', header: '发生时间', field: 'reportedAt' },
    ]);
    const fields = Object.fromEntries(matches.map((match) => [match.field, match.how]));
    assert.equal(fields.caseId, 'manual');
    assert.equal(fields.reportedAt, 'manual');
  });

  it('lists headers it could not match, for the mapping UI', () => {
    const layout = detectSheetLayout(caseSheet([], { headers: ['任务号', '问题来源', '上报时间', '当前阶段', '处置部门', '备注'] }));
    assert.deepEqual(
      layout.unmatched.map((entry) => entry.header),
      ['备注'],
    );
  });

  it('names the missing required column of a sheet that is clearly a cases sheet', () => {
    const layout = detectSheetLayout(caseSheet([], { headers: ['任务号', '问题来源', '当前阶段', '处置部门'] }));
    assert.equal(layout.kind, 'cases');
    assert.deepEqual(
      layout.missingRequired.map((spec) => spec.label),
      ['上报时间'],
    );
  });

  it('tells a 12345 export from a cases export', () => {
    const layout = detectSheetLayout({ name: '工单', rows: [['工单编号', '受理时间', '承办单位', '诉求分类', '诉求内容', '办理状态', '来电号码']] });
    assert.equal(layout.kind, 'hotline');
  });

  it('gives no kind to a sheet of unrelated headers', () => {
    assert.equal(detectSheetLayout({ name: '说明', rows: [['姓名', '年龄'], ['张三', 3]] }).kind, null);
  });
});

describe('detectSheetLayout on a cases export missing one required column', () => {
  it('keeps it a cases sheet and names the missing column, even though a few headers would fit a flags sheet', () => {
    const headers = ['任务号', '问题来源', '问题类型', '大类', '小类', '问题描述', '上报时间', '当前阶段', '处置截止时间', '结案时间'];
    const layout = detectSheetLayout({ name: '案件列表', rows: [['数字化城管案件查询结果'], headers] });
    assert.equal(layout.kind, 'cases');
    assert.deepEqual(
      layout.missingRequired.map((spec) => spec.label),
      ['处置部门'],
    );
  });

  it('still recognises a real flags sheet', () => {
    assert.equal(detectSheetLayout({ name: '标记', rows: [['编号', '标记', '分组']] }).kind, 'flags');
  });

  it('still recognises a returns sheet', () => {
    assert.equal(detectSheetLayout({ name: 'Sheet3', rows: [['工单编号', '回退时间', '回退单位', '回退原因']] }).kind, 'returns');
  });
});

import assert from 'node:assert/strict';
import { caseFields, createStageResolver, defaultSettings, detectSheetLayout, matchColumns } from '../../src/core/index.ts';
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

describe('general header rules and columns recognised by their values', () => {
  it('names columns no synonym lists by what their header says: times by their verb, 时限 as the deadline, 超时 as the overdue flag', () => {
    const headers = ['编号', '来源渠道', '问题上报日期', '流程环节', '处理部门', '处置时限', '处置结束日期', '办结日期', '超时标记'];
    const layout = detectSheetLayout({ name: 'Sheet1', rows: [headers] });
    assert.equal(layout.kind, 'cases');
    const header = (field: string) => layout.headers[layout.columns[field]];
    assert.deepEqual(
      ['caseId', 'source', 'reportedAt', 'stage', 'unit', 'deadline', 'disposedAt', 'closedAt', 'overdueFlag'].map(header),
      headers,
    );
  });

  it('recognises a column by its values when its name says nothing: 事件/部件, a yes/no beside the deadline, stage words in brackets', () => {
    const headers = ['任务号', '问题来源', '上报时间', '处置部门', '进度', '类别', '处置截止时间', '标志'];
    const rows = [
      ['1', '巡查上报', '2021-09-03 10:00', '一中队', '[办结]', '事件', '2021-09-04 10:00', '否'],
      ['2', '巡查上报', '2021-09-03 11:00', '一中队', '【作废】', '部件', '2021-09-04 11:00', '是'],
      ['3', '巡查上报', '2021-09-03 12:00', '一中队', '[处置]', '事件', '2021-09-04 12:00', ''],
    ];
    const layout = detectSheetLayout({ name: '案件', rows: [headers, ...rows] });
    assert.deepEqual(layout.missingRequired, []);
    const header = (field: string) => layout.headers[layout.columns[field]];
    assert.equal(header('stage'), '进度');
    assert.equal(header('kind'), '类别');
    assert.equal(header('overdueFlag'), '标志');
    assert.ok(layout.matches.filter((match) => match.how === 'values').length >= 3);
  });
});

describe('stage words in brackets of any kind', () => {
  const resolve = createStageResolver(defaultSettings);
  it('matches a stage word alone in any bracket', () => {
    for (const [text, step] of [['[办结]', 'closed'], ['【作废】', 'voided'], ['〔核查〕', 'disposed'], ['〈处置〉', 'dispatched'], ['「立案」', 'filed'], ['〖结案〗', 'closed'], ['﹝派遣﹞', 'dispatched']] as const) {
      assert.equal(resolve(text), step, text);
    }
  });

  it('matches a stage word inside brackets beside other text, else the text outside them', () => {
    assert.equal(resolve('[核查]待核查'), 'disposed');
    assert.equal(resolve('处置中(超时)'), 'dispatched');
    assert.equal(resolve('处置中（已延期）'), 'dispatched');
    assert.equal(resolve('[待研判]'), null);
  });
});

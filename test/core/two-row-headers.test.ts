/**
 * Header rows as exports really lay them out: a group header merged over eight time columns with the
 * column names in the row below, and a column whose header cell is empty, mapped by its letter.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, detectSheetLayout, type CellValue, type RawSheet } from '../../src/core/index.ts';
import { columnOfReference } from '../../src/core/ingest/detect-header.ts';
import { referencePreset } from '../../src/core/settings/presets.ts';

const upper = ['任务号', '问题来源', '当前阶段', '处置部门', '时间节点', '', '', '', '', '', ''];
const lower = ['', '', '', '', '上报时间', '受理时间', '立案时间', '派遣时间', '处置截止时间', '处置完成时间', '结案时间'];
const times = ['2021-09-03 10:22', '2021-09-03 10:30', '2021-09-03 10:40', '2021-09-03 10:50', '2021-09-04 10:50', '2021-09-03 15:00', '2021-09-03 16:00'];
const row = (id: string, stage: string, unit: string, late = false): CellValue[] => [id, '巡查上报', stage, unit, ...times.map((time, index) => (late && index === 5 ? '2021-09-05 15:00' : time))];

describe('two-row headers and columns without a header', () => {
  const sheet: RawSheet = { name: '案件列表', rows: [['数字化城管案件查询结果'], upper, lower, row('A1', '结案', '一中队'), row('A2', '结案', '一中队', true), row('A3', '处置中', '二中队')] };

  it('reads the lower header row under a merged group header, and the data below it', () => {
    const layout = detectSheetLayout(sheet);
    assert.equal(layout.kind, 'cases');
    assert.equal(layout.headerRow, 3);
    assert.deepEqual(layout.missingRequired, []);
    for (const field of ['reportedAt', 'acceptedAt', 'filedAt', 'dispatchedAt', 'deadline', 'disposedAt', 'closedAt']) assert.ok(layout.columns[field] !== undefined, field);
    const result = buildMonthlyReport([sheet], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00', settings: referencePreset });
    assert.equal(result.statistics.total.reported, 3);
    assert.equal(result.statistics.total.closed, 2);
    assert.equal(result.statistics.total.closedOnTime, 1, 'the late disposal is read from its own column');
  });

  it('keeps a one-row header when the next row is data', () => {
    const single: RawSheet = { name: '案件列表', rows: [lower.map((text, col) => text || upper[col]), row('A1', '结案', '一中队')] };
    assert.equal(detectSheetLayout(single).headerRow, 1);
  });

  it('maps a column whose header cell is empty by its letter or number', () => {
    assert.deepEqual(['E', 'e列', '列E', '第5列', 'AB', '第 28 列'].map(columnOfReference), [4, 4, 4, 4, 27, 27]);
    assert.equal(columnOfReference('处置部门'), -1);
    const noUnitHeader: RawSheet = { name: '案件列表', rows: [[...lower.map((text, col) => text || upper[col]).slice(0, 3), '', ...lower.slice(4)], row('A1', '结案', '一中队')] };
    assert.deepEqual(detectSheetLayout(noUnitHeader).missingRequired.map((spec) => spec.field), ['unit']);
    const mapped = detectSheetLayout(noUnitHeader, [{ kind: 'cases', header: 'D列', field: 'unit' }]);
    assert.deepEqual(mapped.missingRequired, []);
    assert.equal(mapped.columns.unit, 3);
    const result = buildMonthlyReport([noUnitHeader], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00', settings: { ...referencePreset, columnMappings: [{ kind: 'cases', header: 'D', field: 'unit' }] } });
    assert.equal(result.statistics.cityTotal.dispatched, 1);
  });
});

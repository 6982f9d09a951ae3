/**
 * Property tests: whatever rows an export holds, the build's totals reconcile and every row is
 * accounted for.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildMonthlyReport, type CellValue } from '../../src/core/index.ts';
import { caseHeaders, caseSheet, type CaseRow } from '../helpers/case-sheet.ts';

const units = ['一中队', '市城管执法直属一大队二中队', '夜勤中队', '市环卫处（公厕管理所）', '市政工程处', '火管中队', '市火管中队', '达川区', '渠县综合行政执法局', '市园林局', '', '  '];
const stages = ['上报', '不予受理', '受理', '不予立案', '立案', '待派遣', '处置中', '处置', '处置反馈', '待结案', '结案', '作废', '[作废]', '待研判', ''];
const sources = ['巡查上报', '监督员上报', '公众举报', '其他渠道', ''];

const time = fc.oneof(
  fc.integer({ min: 0, max: 92 * 24 * 60 }).map((minutes) => 44409 + minutes / 1440), // 2021-08-01 … 2021-10-31 as serials
  fc.integer({ min: 0, max: 92 * 24 }).map((hours) => {
    const date = new Date(Date.UTC(2021, 7, 1) + hours * 3_600_000);
    return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()} ${date.getUTCHours()}:00`;
  }),
  fc.constantFrom<CellValue>(null, '不详', ''),
);

const row = fc.record({
  任务号: fc.oneof(fc.integer({ min: 1, max: 60 }).map((id) => `2021${String(id).padStart(9, '0')}`), fc.constant('')),
  问题来源: fc.constantFrom(...sources),
  问题类型: fc.constantFrom('事件', '部件', ''),
  小类: fc.constantFrom('店外经营', '无照经营游商', '井盖', ''),
  上报时间: time,
  受理时间: time,
  立案时间: time,
  派遣时间: time,
  处置截止时间: time,
  处置完成时间: time,
  结案时间: time,
  当前阶段: fc.constantFrom(...stages),
  处置部门: fc.constantFrom(...units),
  是否自行处置: fc.constantFrom('是', '否', ''),
});

const rows = fc.array(fc.oneof({ weight: 10, arbitrary: row }, { weight: 1, arbitrary: fc.constant<CaseRow>({}) }, { weight: 1, arbitrary: fc.constant<CaseRow>({ 任务号: '合计' }) }), { minLength: 1, maxLength: 80 });

describe('build invariants', () => {
  it('reconciles every check and accounts for every row, whatever the rows', () => {
    fc.assert(
      fc.property(rows, (caseRows) => {
        const withOne = [...caseRows, { 任务号: 'anchor', 问题来源: '巡查上报', 上报时间: '2021-09-15 10:00', 当前阶段: '结案', 处置部门: '一中队' }];
        const result = buildMonthlyReport([caseSheet(withOne, { headers: [...caseHeaders] })], { period: '2021-09', builtAt: 'x' });
        for (const check of result.reconciliation) assert.ok(check.ok, `${check.name}: ${check.detail}`);
        const { total, cityTotal, countyTotal } = result.statistics;
        assert.equal(cityTotal.dispatched + countyTotal.dispatched, total.dispatched);
        assert.ok(total.reported >= total.accepted && total.accepted >= total.filed && total.filed >= total.dispatched);
        assert.ok(total.dispatched >= total.disposed && total.disposed >= total.closed && total.dueClose >= total.disposed);
        const accounting = result.accounting[0];
        assert.equal(accounting.rowsAfterHeader, withOne.length);
        // Every bad or outside row is listed in some warning.
        const listed = new Set(result.warnings.flatMap((warning) => warning.rows));
        // Counted, by the rules counted here: an id, a report time in September, and no later row of that id.
        const inSeptember = (value: CellValue | undefined): boolean | null => {
          if (typeof value === 'number') return value >= 44440 && value < 44470;
          const match = typeof value === 'string' ? /^2021[-/](\d+)[-/]/.exec(value) : null;
          return match ? Number(match[1]) === 9 : null;
        };
        const lastRowOfId = new Map<string, number>();
        withOne.forEach((caseRow, index) => {
          const id = String(caseRow.任务号 ?? '').trim();
          if (id !== '' && id !== '合计' && inSeptember(caseRow.上报时间) !== null) lastRowOfId.set(id, index + 3);
        });
        const countedRows = new Set([...lastRowOfId.values()].filter((rowNumber) => inSeptember(withOne[rowNumber - 3].上报时间)));
        assert.equal(result.statistics.cohortSize, countedRows.size);
        withOne.forEach((caseRow, index) => {
          const rowNumber = index + 3;
          const blank = Object.values(caseRow).every((value) => value === null || value === undefined || value === '');
          if (blank || caseRow.任务号 === '合计') return;
          assert.ok(countedRows.has(rowNumber) || listed.has(rowNumber), `row ${rowNumber} is neither counted nor listed`);
        });
      }),
      { numRuns: 150, seed: 20210930 },
    );
  });
});

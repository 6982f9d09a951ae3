/**
 * Property test of the clerk's own tables: for any table by any dimension (with or without 分组,
 * 范围 and 前N), its rows sum to 合计, and 合计 is the overview's total less the records its 范围 leaves
 * out, counted here from the generated rows; where 前N hides rows, the reconciliation says how many
 * and what they hold.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildMonthlyReport, dimensionNames, printedRows, type BuildResult, type CellValue } from '../../src/core/index.ts';
import { caseSheet } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';
import { editSettings } from '../helpers/workbook.ts';

const headers = ['任务号', '问题来源', '问题类型', '大类', '小类', '所属区域', '所属街道', '所属社区', '上报时间', '派遣时间', '处置截止时间', '处置完成时间', '结案时间', '当前阶段', '处置部门'];
const values = {
  问题来源: ['巡查上报', '公众举报', '车巡上报', '其他渠道', ''],
  问题类型: ['事件', '部件', ''],
  // Names the national standard does not file under one kind, so a blank 问题类型 stays blank (the
  // reader takes a blank kind from a standard 小类 or a one-kind 大类).
  大类: ['市容环境', '自设大类甲', '自设大类乙', ''],
  小类: ['自设小类一', '自设小类二', '无主井盖破损、缺失', ''],
  所属区域: ['通川区', '达川区', ''],
  所属街道: ['朝阳街道', '东城街道', ''],
  所属社区: ['南门社区', '北门社区', ''],
  当前阶段: ['结案', '处置中', '不予受理', '作废', '待研判'],
  处置部门: ['一中队', '二中队', '市政工程处路灯所', '达川区', '市园林局', ''],
};
type Field = keyof typeof values;
const pick = (field: Field) => fc.constantFrom(...values[field]);

const caseRow = fc.record({
  问题来源: pick('问题来源'),
  问题类型: pick('问题类型'),
  大类: pick('大类'),
  小类: pick('小类'),
  所属区域: pick('所属区域'),
  所属街道: pick('所属街道'),
  所属社区: pick('所属社区'),
  当前阶段: pick('当前阶段'),
  处置部门: pick('处置部门'),
  day: fc.integer({ min: 1, max: 30 }),
  month: fc.constantFrom('2021-09', '2021-09', '2021-09', '2021-08'),
});

const orderRow = fc.record({
  承办单位: fc.constantFrom('执法直属一大队三中队', '市政工程处', '市环卫处', '市园林局', ''),
  三级分类: fc.constantFrom('占道经营', '噪音扰民', '井盖', '其他事项'),
  办理状态: fc.constantFrom('已办结', '办理中'),
  day: fc.integer({ min: 1, max: 30 }),
});

/** Scope conditions the test can count without the core: field, value, and whether it is 问题类型 (blank = （未填问题类型）). */
const scopeFields: readonly { readonly dimension: string; readonly field: Field }[] = [
  { dimension: '问题类型', field: '问题类型' },
  { dimension: '大类', field: '大类' },
  { dimension: '所属街道', field: '所属街道' },
];

const caseDimensions = dimensionNames.filter((name) => !name.startsWith('12345'));
const hotlineDimensions = dimensionNames.filter((name) => name.startsWith('12345'));

const spec = fc.record({
  hotline: fc.boolean(),
  by: fc.nat(),
  group: fc.option(fc.nat(), { nil: null }),
  scope: fc.option(fc.record({ which: fc.nat({ max: scopeFields.length - 1 }), value: fc.nat(), negate: fc.boolean() }), { nil: null }),
  top: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
});

const number = (text: string | undefined) => (text === undefined || text === '' ? 0 : Number(text));

describe('custom tables: property', () => {
  it('sums its rows to 合计, and 合计 to the overview total less what 范围 leaves out, for any table by any dimension', () => {
    fc.assert(
      fc.property(fc.array(caseRow, { minLength: 1, maxLength: 40 }), fc.array(orderRow, { minLength: 1, maxLength: 20 }), spec, (cases, orders, table) => {
        const dims = table.hotline ? hotlineDimensions : caseDimensions;
        const by = dims[table.by % dims.length];
        const others = dims.filter((name) => name !== by);
        const group = table.group !== null && others.length ? others[table.group % others.length] : '';
        const condition = !table.hotline && table.scope ? scopeFields[table.scope.which] : null;
        const conditionValue = condition && table.scope ? values[condition.field][table.scope.value % values[condition.field].length] || '（未填）' : '';
        const scopeText = condition && table.scope ? `${condition.dimension}${table.scope.negate ? '≠' : '='}${conditionValue === '（未填）' ? `（未填${condition.dimension === '问题类型' ? '问题类型' : condition.dimension === '大类' ? '大类' : '街道'}）` : conditionValue}` : '';
        const main = table.hotline ? '受理数' : '上报数';

        const caseRows = cases.map((row, index) => {
          const at = `${row.month}-${String(row.day).padStart(2, '0')} 09:00:00`;
          const closed = row.当前阶段 === '结案';
          return { ...row, 任务号: `C${index}`, 上报时间: at, 派遣时间: at, 处置截止时间: '2021-10-20 00:00:00', 处置完成时间: closed ? at : null, 结案时间: closed ? at : null };
        });
        const orderRows = orders.map((row) => order({ 承办单位: row.承办单位, 三级分类: row.三级分类, 办理状态: row.办理状态, 受理时间: `2021-09-${String(row.day).padStart(2, '0')} 09:00` }));
        const sheets = editSettings([caseSheet(caseRows, { headers }), orderSheet(orderRows)], '【自定义表格】', [['表', by, group, scopeText, `${main}、${main}环比`, table.top ?? '', '', '', ''] as CellValue[]]);
        const result: BuildResult = buildMonthlyReport(sheets, { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: 'x' });

        // Counted here: the cohort, and what the 范围 keeps.
        const cohort = caseRows.filter((row) => row.month === '2021-09');
        const kept = condition
          ? cohort.filter((row) => {
              const value = row[condition.field] || '（未填）';
              return (value === conditionValue) !== Boolean(table.scope?.negate);
            }).length
          : cohort.length;
        const expectedTotal = table.hotline ? orders.length : kept;

        const grid = result.reportSheets.find((sheet) => sheet.name === '2021年9月-表');
        assert.ok(grid, `${by}/${group}/${scopeText}: ${result.warnings.map((warning) => warning.message).join(' ')}`);
        const rows = printedRows(grid);
        const labelCols = group ? 2 : 1;
        const body = rows.slice(2, rows.findIndex((cells, index) => index > 1 && cells.every((cell) => cell === '')));
        const grand = body.find((cells) => cells[0] === (group ? '总计' : '合计'));
        assert.ok(grand, rows.map((cells) => cells.join('|')).join('\n'));
        assert.equal(number(grand[labelCols]), expectedTotal, `合计 of ${by}/${group}/${scopeText}`);
        if (!table.hotline && !condition) assert.equal(number(grand[labelCols]), result.statistics.total.reported);

        if (table.top === null) {
          // Every row is shown: the rows (in each block) sum to the block's 合计, the blocks to 总计.
          if (group) {
            let blocks = 0;
            for (const total of body.filter((cells) => cells[1] === '合计')) {
              const members = body.filter((cells) => cells[0] === total[0] && cells[1] !== '合计');
              assert.equal(members.reduce((sum, cells) => sum + number(cells[2]), 0), number(total[2]), `block ${total[0]}`);
              blocks += number(total[2]);
            }
            assert.equal(blocks, number(grand[2]));
          } else {
            assert.equal(body.filter((cells) => cells !== grand).reduce((sum, cells) => sum + number(cells[1]), 0), number(grand[1]));
          }
        }
        const check = result.reconciliation.find((candidate) => candidate.name.startsWith('"表"'));
        assert.ok(check?.ok, check?.detail);
        if (table.top !== null && /未列出的 [1-9]/.test(check.detail)) assert.match(check.detail, /列出的行 \d+ \+ 未列出的 \d+ 行 \d+/);
      }),
      { numRuns: 60, seed: 20210930 },
    );
  });
});

/**
 * The clerk's own tables (【自定义表格】, 【自定义指标】, 【目标】): each table shape of published briefs
 * built from generated exports through edits of the settings sheet alone, every figure counted here
 * from the generated cases, not read from the build.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, historySheetName, type BuildResult, type CellValue, type GridCell, type RawSheet } from '../../src/core/index.ts';
import { countsOf, generateCases, generatedSheet, printedArrow, printedRate, type GeneratedCase } from '../helpers/generated-cases.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';
import { afterBuild, editSettings, printedSheet, rowOf } from '../helpers/workbook.ts';

const tables = '【自定义表格】';
/** A 【自定义表格】 row in the order of the section's default header: 表名, 按, 分组, 范围, 指标, 前N, 合计, 排序, 显示. */
const table = (name: string, by: string, columns: string, more: { groupBy?: string; scope?: string; top?: number; total?: string; sort?: string; display?: string } = {}): CellValue[] => [
  name,
  by,
  more.groupBy ?? '',
  more.scope ?? '',
  columns,
  more.top ?? '',
  more.total ?? '',
  more.sort ?? '',
  more.display ?? '',
];

const lastYear = generateCases('2020-09', 180, 11);
const august = generateCases('2021-08', 210, 12);
const september = generateCases('2021-09', 240, 13);
const allCases = [...lastYear, ...august, ...september];
const exportSheet = generatedSheet(allCases);

/** Builds `period` on the workbook (as-of the 8th of the next month) and returns the workbook after writing. */
function build(sheets: readonly RawSheet[], period: string): { result: BuildResult; sheets: RawSheet[] } {
  const [year, month] = period.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  const result = buildMonthlyReport(sheets, { period, asOf: `${next}-08 17:30`, builtAt: `${next}-10 09:00` });
  return { result, sheets: afterBuild(sheets, result) };
}

/** Builds the periods in turn on one workbook; returns the last build. */
function buildInTurn(sheets: readonly RawSheet[], ...periods: string[]): BuildResult {
  let workbook = [...sheets];
  let last: BuildResult | undefined;
  for (const period of periods) ({ result: last, sheets: workbook } = build(workbook, period));
  return last as BuildResult;
}

const collator = new Intl.Collator('zh-CN');
/** Values of `field` among `cases`, most cases first, ties by name (the core's default order, counted here). */
function byCountThenName(cases: readonly GeneratedCase[], field: keyof GeneratedCase): string[] {
  const tally = new Map<string, number>();
  for (const item of cases) tally.set(String(item[field]), (tally.get(String(item[field])) ?? 0) + 1);
  return [...tally].sort(([a, left], [b, right]) => right - left || collator.compare(a, b) || (a < b ? -1 : 1)).map(([name]) => name);
}

const where = <K extends keyof GeneratedCase>(cases: readonly GeneratedCase[], field: K, value: GeneratedCase[K]) => cases.filter((item) => item[field] === value);
const sign = (now: number, then: number) => printedRate(now - then, then);

describe('custom tables (【自定义表格】)', () => {
  it('builds a by-source table of this month against last, 增/减幅 and 合计, with month-named headers', () => {
    const sheets = editSettings([exportSheet], tables, [table('来源对比', '来源→案件来源', '上期受理数、受理数、受理数增减幅→增/减幅(%)', { display: '月份表头' })]);
    const result = buildInTurn(sheets, '2021-08', '2021-09');
    const rows = printedSheet(result, '来源对比');
    assert.equal(rows[0][0], '来源对比（2021年9月）');
    assert.deepEqual(rows[1], ['案件来源', '8月受理数', '9月受理数', '增/减幅(%)']);
    // Sources in the settings' order (巡查上报, 车巡上报, 公众举报, 12345转办), then 合计.
    const body = rows.slice(2, rows.findIndex((cells) => cells[0] === '合计') + 1);
    assert.deepEqual(
      body.map((cells) => cells[0]),
      ['巡查上报', '车巡上报', '公众举报', '12345转办', '合计'],
    );
    for (const source of ['巡查上报', '车巡上报', '公众举报', '12345转办']) {
      const [then, now] = [countsOf(where(august, 'source', source)).受理数, countsOf(where(september, 'source', source)).受理数];
      assert.deepEqual(rowOf(rows, source), [source, String(then), String(now), sign(now, then)], source);
    }
    const [then, now] = [countsOf(august).受理数, countsOf(september).受理数];
    assert.deepEqual(rowOf(rows, '合计'), ['合计', String(then), String(now), sign(now, then)]);
    assert.ok(result.reconciliation.every((check) => check.ok), JSON.stringify(result.reconciliation.filter((check) => !check.ok)));
  });

  it('builds a by-大类 table `9月 | 8月 | 增/减 | 结案数 | 结案率`, most reported first', () => {
    const sheets = editSettings([exportSheet], tables, [table('大类情况', '大类', '上报数→、上期上报数→、上报数增减→增/减、结案数、结案率', { display: '月份表头' })]);
    const result = buildInTurn(sheets, '2021-08', '2021-09');
    const rows = printedSheet(result, '大类情况');
    assert.deepEqual(rows[1], ['大类', '9月', '8月', '增/减', '结案数', '结案率']);
    const order = byCountThenName(september, 'mainType');
    assert.deepEqual(
      rows.slice(2, 2 + order.length).map((cells) => cells[0]),
      order,
    );
    for (const mainType of order) {
      const now = countsOf(where(september, 'mainType', mainType));
      const then = countsOf(where(august, 'mainType', mainType));
      assert.deepEqual(rowOf(rows, mainType), [mainType, String(now.上报数), String(then.上报数), String(now.上报数 - then.上报数), String(now.结案数), printedRate(now.结案数, now.应结案数)], mainType);
    }
    const now = countsOf(september);
    assert.deepEqual(rowOf(rows, '合计'), ['合计', String(now.上报数), String(countsOf(august).上报数), String(now.上报数 - countsOf(august).上报数), String(now.结案数), printedRate(now.结案数, now.应结案数)]);
  });

  describe('the five most reported 事件 and 部件 小类: 本月 | 上月 | 环比 | 去年同月 | 同比, with arrows', () => {
    const columns = '上报数→本月、上期上报数→上月、上报数环比→环比、去年同期上报数→去年同月、上报数同比→同比';
    const sheets = editSettings([exportSheet], tables, [table('高发小类', '小类', columns, { groupBy: '问题类型', top: 5, display: '箭头' })]);
    let result: BuildResult;
    before(() => {
      result = buildInTurn(sheets, '2020-09', '2021-08', '2021-09');
    });

    const expectRow = (label: [string, string], now: readonly GeneratedCase[], then: readonly GeneratedCase[], year: readonly GeneratedCase[], rows: string[][]) => {
      const [n, p, y] = [now.length, then.length, year.length];
      assert.deepEqual(rowOf(rows, ...label), [...label, String(n), String(p), printedArrow(n, p), String(y), printedArrow(n, y)], label.join('/'));
    };

    it('gives each 问题类型 its 合计 then its five most reported 小类, and a 总计 over both', () => {
      const rows = printedSheet(result, '高发小类');
      assert.deepEqual(rows[1], ['问题类型', '小类', '本月', '上月', '环比', '去年同月', '同比']);
      const labels: string[][] = [];
      for (const kind of ['事件', '部件'] as const) {
        const ofKind = (cases: readonly GeneratedCase[]) => where(cases, 'kind', kind);
        expectRow([kind, '合计'], ofKind(september), ofKind(august), ofKind(lastYear), rows);
        labels.push([kind, '合计']);
        for (const subType of byCountThenName(ofKind(september), 'subType').slice(0, 5)) {
          const of = (cases: readonly GeneratedCase[]) => where(ofKind(cases), 'subType', subType);
          expectRow([kind, subType], of(september), of(august), of(lastYear), rows);
          labels.push([kind, subType]);
        }
      }
      expectRow(['总计', '总计'], september, august, lastYear, rows);
      labels.push(['总计', '总计']);
      assert.deepEqual(
        rows.slice(2, 2 + labels.length).map((cells) => cells.slice(0, 2)),
        labels,
      );
    });

    it('shows relative changes with arrows, keeping the signed number in the cell', () => {
      const grid = result.reportSheets.find((sheet) => sheet.name === '2021年9月-高发小类');
      assert.ok(grid);
      const changes = grid.cells.slice(2).flatMap((row) => [row[4], row[6]]).filter((cell): cell is GridCell => typeof cell?.value === 'number');
      assert.ok(changes.some((cell) => (cell.value as number) < 0) && changes.some((cell) => (cell.value as number) > 0));
      for (const cell of changes) assert.match(cell.numFmt ?? '', /^"↑"0(\.0{1,2})?%;"↓"0(\.0{1,2})?%;0%$/);
    });

    it('records every 小类 of both months in the history, not only the five shown, and reads 去年同期 twelve months back', () => {
      const recordedLastMonth = new Set(
        buildInTurn(sheets, '2020-09', '2021-08')
          .history.filter((record) => record.table === '按问题类型/小类' && record.indicator === '上报数')
          .map((record) => record.row),
      );
      for (const item of august) assert.ok(recordedLastMonth.has(`${item.kind}/${item.subType}`), `${item.kind}/${item.subType}`);
      assert.ok(!result.warnings.some((warning) => warning.kind === 'noHistory' && warning.message.includes('2021年9月-高发小类')), JSON.stringify(result.warnings.filter((warning) => warning.kind === 'noHistory')));
    });

    it('gives every figure cell its history key, and the history the same value', () => {
      const recorded = new Map(result.history.map((record) => [`${record.table}|${record.row}|${record.indicator}`, record.value]));
      const grid = result.reportSheets.find((sheet) => sheet.name === '2021年9月-高发小类');
      const keyed = (grid?.cells ?? []).flat().filter((cell): cell is GridCell => cell?.figure !== undefined);
      // One figure column (本月) on each block's 合计 and its shown 小类, and on 总计.
      const shownRows = (['事件', '部件'] as const).reduce((sum, kind) => sum + 1 + Math.min(5, new Set(where(september, 'kind', kind).map((item) => item.subType)).size), 1);
      assert.equal(keyed.length, shownRows);
      for (const cell of keyed) {
        const key = `${cell.figure?.table}|${cell.figure?.row}|${cell.figure?.indicator}`;
        assert.equal(recorded.get(key), cell.value, key);
      }
    });
  });

  it('builds a county table with a typed monthly 任务数 (【目标】), 完成数, 完成率 (【自定义指标】), last month, 增/减, 幅度', () => {
    const targets: Record<string, number> = { 通川区: 80, 达川区: 30, 宣汉县: 20, 大竹县: 12, 开江县: 6 };
    let sheets = editSettings([exportSheet], '【目标】', Object.entries(targets).map(([county, amount]) => ['县区', county, '任务数', amount, '']));
    sheets = editSettings(sheets, '【自定义指标】', [['完成率', '有效上报数', '任务数']]);
    sheets = editSettings(sheets, tables, [
      table('采集任务', '县区', '任务数、有效上报数→完成数、完成率、上期有效上报数→上月完成数、有效上报数增减→增/减、有效上报数增减幅→幅度', { scope: '来源=巡查上报', sort: '从多到少:任务数' }),
    ]);
    const result = buildInTurn(sheets, '2021-08', '2021-09');
    const rows = printedSheet(result, '采集任务');
    assert.deepEqual(rows[1], ['县区', '任务数', '完成数', '完成率', '上月完成数', '增/减', '幅度']);
    const patrol = (cases: readonly GeneratedCase[]) => where(cases, 'source', '巡查上报');
    // 开江县 has a target but no case: it is still a row (0 done).
    assert.deepEqual(
      rows.slice(2, 7).map((cells) => cells[0]),
      ['通川区', '达川区', '宣汉县', '大竹县', '开江县'],
    );
    for (const [county, target] of Object.entries(targets)) {
      const now = countsOf(where(patrol(september), 'district', county)).立案数;
      const then = countsOf(where(patrol(august), 'district', county)).立案数;
      assert.deepEqual(rowOf(rows, county), [county, String(target), String(now), printedRate(now, target), String(then), String(now - then), sign(now, then)], county);
    }
    const [now, then] = [countsOf(patrol(september)).立案数, countsOf(patrol(august)).立案数];
    assert.deepEqual(rowOf(rows, '合计'), ['合计', '148', String(now), printedRate(now, 148), String(then), String(now - then), sign(now, then)]);
    assert.ok(rows.some((cells) => cells[0] === '范围：来源=巡查上报。'));
  });

  it('builds the reference city\'s 2022 （一） by settings alone: 采集上报数, 有效上报数, 有效上报率 and a source 车巡上报', () => {
    const sheets = editSettings([exportSheet], '【表格列】', [['案件概况', '采集上报数、有效上报数、有效上报率']]);
    const result = buildInTurn(sheets, '2021-09');
    const rows = printedSheet(result, '案件概况');
    assert.deepEqual(rows[1], ['问题来源', '采集上报数', '有效上报数', '有效上报率']);
    for (const source of ['巡查上报', '车巡上报', '公众举报', '12345转办']) {
      const counts = countsOf(where(september, 'source', source));
      assert.deepEqual(rowOf(rows, source), [source, String(counts.上报数), String(counts.立案数), printedRate(counts.立案数, counts.上报数)]);
    }
    const total = countsOf(september);
    assert.deepEqual(rowOf(rows, '总计'), ['总计', String(total.上报数), String(total.立案数), printedRate(total.立案数, total.上报数)]);
  });

  describe('12345 tables join the catalogue', () => {
    const units = ['执法直属一大队三中队', '市政工程处', '市环卫处', '市火管中队'];
    const orders = (month: string, count: number, offset: number) =>
      Array.from({ length: count }, (_, index) => order({ 受理时间: `${month}-${String((index % 27) + 1).padStart(2, '0')} 09:00`, 承办单位: units[(index * (offset + 1)) % units.length].replace(/三中队$/, index % 3 ? '三中队' : '一中队'), 办理状态: index % 5 === 0 ? '办理中' : '已办结' }));
    const augustOrders = orders('2021-08', 37, 1);
    const septemberOrders = orders('2021-09', 52, 2);
    const hotlineName = (unit: string) => (unit.startsWith('执法直属一大队') ? '执法直属一大队' : unit);
    const count = (list: readonly ReturnType<typeof order>[], name: string) => list.filter((item) => hotlineName(String(item.承办单位)) === name).length;
    const names = ['执法直属一大队', '市政工程处', '市环卫处', '市火管中队'];

    it('builds a table by 12345承办单位 with 环比 and 办结率', () => {
      const sheets = editSettings([orderSheet([...augustOrders, ...septemberOrders])], tables, [table('承办单位环比', '12345承办单位→承办单位', '受理数、上期受理数、受理数环比、办结率')]);
      const result = buildInTurn(sheets, '2021-08', '2021-09');
      const rows = printedSheet(result, '承办单位环比');
      assert.deepEqual(rows[1], ['承办单位', '受理数', '上期受理数', '受理数环比', '办结率']);
      for (const name of names) {
        const [now, then] = [count(septemberOrders, name), count(augustOrders, name)];
        const done = septemberOrders.filter((item) => hotlineName(String(item.承办单位)) === name && item.办理状态 === '已办结').length;
        assert.deepEqual(rowOf(rows, name), [name, String(now), String(then), sign(now, then), printedRate(done, now)], name);
      }
      const done = septemberOrders.filter((item) => item.办理状态 === '已办结').length;
      assert.deepEqual(rowOf(rows, '合计'), ['合计', '52', '37', sign(52, 37), printedRate(done, 52)]);
      assert.ok(result.reconciliation.every((check) => check.ok));
    });

    it('sums, in every column, the row of units not in the settings past the 30 most reported', () => {
      // 40 units nobody configured, one order each but the first two (3 and 2 orders).
      const strangers = Array.from({ length: 40 }, (_, index) => `外单位${String(index + 1).padStart(2, '0')}`);
      const list = strangers.flatMap((unit, index) => Array.from({ length: index === 0 ? 3 : index === 1 ? 2 : 1 }, () => order({ 承办单位: unit })));
      const sheets = editSettings([orderSheet(list)], tables, [table('外单位', '12345承办单位', '受理数、办结率')]);
      const result = buildInTurn(sheets, '2021-09');
      for (const suffix of ['外单位', '12345受理']) {
        const rest = rowOf(printedSheet(result, suffix), '其余 10 个不在设置中的单位');
        assert.equal(rest[1], '10', suffix);
      }
      assert.equal(rowOf(printedSheet(result, '外单位'), '合计')[1], String(list.length));
      assert.equal(rowOf(printedSheet(result, '外单位'), '外单位01')[1], '3');
    });

    it('leaves 回退数 empty, not 0, when the export has no return column and no returns sheet', () => {
      const full = orderSheet(septemberOrders);
      const keep = full.rows[1].map((header, col) => (header === '回退次数' ? -1 : col)).filter((col) => col >= 0);
      const withoutReturns: RawSheet = { ...full, rows: full.rows.map((row) => keep.map((col) => row[col] ?? null)) };
      const sheets = editSettings([withoutReturns], tables, [table('回退', '12345承办单位', '受理数、回退数')]);
      const rows = printedSheet(buildInTurn(sheets, '2021-09'), '回退');
      assert.deepEqual(rowOf(rows, '合计'), ['合计', '52', '']);
    });

    it('lets 【表格列】 give the standard 12345受理 by-unit table a 受理数环比 column, read from its own history', () => {
      const sheets = editSettings([orderSheet([...augustOrders, ...septemberOrders])], '【表格列】', [['12345按单位', '受理数、占比、受理数环比']]);
      const rows = printedSheet(buildInTurn(sheets, '2021-08', '2021-09'), '12345受理');
      const header = rows.findIndex((cells) => cells[0] === '承办单位');
      assert.deepEqual(rows[header].slice(0, 4), ['承办单位', '受理数', '占比', '受理数环比']);
      for (const name of names) {
        const [now, then] = [count(septemberOrders, name), count(augustOrders, name)];
        assert.deepEqual(rowOf(rows, name).slice(0, 4), [name, String(now), printedRate(now, 52), sign(now, then)]);
      }
    });
  });

  describe('去年同期 typed by hand into 历史指标', () => {
    const sheets = editSettings([exportSheet], tables, [table('高发小类', '小类', '上报数、去年同期上报数、上报数同比', { groupBy: '问题类型', top: 3 })]);
    const ofKind = (cases: readonly GeneratedCase[], kind: string) => cases.filter((item) => item.kind === kind);
    const shown = byCountThenName(ofKind(september, '事件'), 'subType').slice(0, 3);
    // From last year's published brief: the 事件 total and two of the three 小类 (the third was not in last year's top list).
    const typed: CellValue[][] = [
      ['2020-09', '高发小类', '事件/合计', '上报数', 150, '', ''],
      ['2020-09', '高发小类', `事件/${shown[0]}`, '上报数', 40, '', ''],
      ['2020-09', '高发小类', `事件/${shown[1]}`, '上报数', '25', '', ''],
    ];
    const history: RawSheet = { name: historySheetName, rows: [['期间', '表', '行', '指标', '数值', '统计时点', '记录时间'], ...typed] };
    let result: BuildResult;
    before(() => {
      result = buildInTurn([...sheets, history], '2021-09');
    });

    it('gives 同比 for the rows typed', () => {
      const rows = printedSheet(result, '高发小类');
      const total = ofKind(september, '事件').length;
      assert.deepEqual(rowOf(rows, '事件', '合计'), ['事件', '合计', String(total), '150', sign(total, 150)]);
      for (const [index, then] of [40, 25].entries()) {
        const now = where(ofKind(september, '事件'), 'subType', shown[index]).length;
        assert.deepEqual(rowOf(rows, '事件', shown[index]), ['事件', shown[index], String(now), String(then), sign(now, then)]);
      }
    });

    it('leaves a row not typed empty (not 0) and says so per column', () => {
      const rows = printedSheet(result, '高发小类');
      assert.deepEqual(rowOf(rows, '事件', shown[2]).slice(3), ['', '']);
      // The column is filled for the rows typed: the warning names the rows that were not.
      const warning = result.warnings.find((candidate) => candidate.kind === 'noHistory' && candidate.sheet === '2021年9月-高发小类');
      assert.ok(warning);
      assert.match(warning.message, new RegExp(`事件/${shown[2]}.*没有2020年9月的数值.*去年同期上报数、上报数同比格为空`));
      assert.ok(!warning.message.includes(`事件/${shown[0]}`));
      assert.match(warning.action, /期间 2020-09，表 高发小类/);
    });
  });

  it('says, per table and column, which 上期 the history lacks, and fills it once the past month is rebuilt with the table', () => {
    const first = build([exportSheet], '2021-08').sheets; // August built before the table existed
    const withTable = editSettings(first, tables, [table('街道', '街道', '上报数、上期上报数、上报数环比')]);
    const september1 = build(withTable, '2021-09');
    const warning = september1.result.warnings.find((candidate) => candidate.kind === 'noHistory' && candidate.message.includes('2021年9月-街道'));
    assert.ok(warning, JSON.stringify(september1.result.warnings.map((candidate) => candidate.message)));
    assert.match(warning.message, /"历史指标"表中没有2021年8月（上期）的数值，"2021年9月-街道"的上期上报数、上报数环比列为空/);
    assert.match(warning.action, /期间 2021-08，表 街道（或 按街道）/);
    assert.equal(rowOf(printedSheet(september1.result, '街道'), '合计')[2], '');

    // Rebuilding August on the same workbook records the new table's rows; September then has its 上期.
    const rebuilt = build(september1.sheets, '2021-08').sheets;
    const september2 = build(rebuilt, '2021-09').result;
    assert.ok(!september2.warnings.some((candidate) => candidate.kind === 'noHistory' && candidate.message.includes('2021年9月-街道')));
    assert.equal(rowOf(printedSheet(september2, '街道'), '合计')[2], String(august.length));
  });

  it('sorts 大类 and 小类 in the national standard\'s code order (标准顺序), names outside the standard after them by name', () => {
    const sheets = editSettings([exportSheet], tables, [table('标准小类', '小类', '上报数', { groupBy: '问题类型', sort: '标准顺序' }), table('标准大类', '大类', '上报数', { sort: '标准顺序' })]);
    const result = buildInTurn(sheets, '2021-09');
    const labels = (rows: string[][], kind: string) => rows.filter((cells) => cells[0] === kind && cells[1] !== '合计').map((cells) => cells[1]);
    const subTypes = printedSheet(result, '标准小类');
    // Codes: 0102 污水井盖, 0103 雨水井盖, 0118 路灯, 0211 交通护栏; 无主井盖破损、缺失 is no standard name.
    assert.deepEqual(labels(subTypes, '部件'), ['污水井盖', '雨水井盖', '路灯', '交通护栏', '无主井盖破损、缺失'].filter((name) => where(september, 'subType', name).length));
    // 0102 暴露垃圾, 0104 道路不洁, 0201 非法小广告, 0301 施工扰民, 0401 路面塌陷, 0501 无照经营游商, 0503 占道废品收购,
    // 0504 店外经营, 0507 乱堆物堆料; then 道路开挖 and 违规户外广告, which the standard does not list, by name.
    const events = ['暴露垃圾', '道路不洁', '非法小广告', '施工扰民', '路面塌陷', '无照经营游商', '占道废品收购', '店外经营', '乱堆物堆料', '道路开挖', '违规户外广告'];
    assert.deepEqual(labels(subTypes, '事件'), events.filter((name) => where(september, 'subType', name).length));
    // 部件 大类 before 事件 大类, each in code order.
    const mainTypes = printedSheet(result, '标准大类');
    const order = ['公用设施', '道路交通', '市容环境', '宣传广告', '施工管理', '突发事件', '街面秩序'].filter((name) => where(september, 'mainType', name).length);
    assert.deepEqual(
      mainTypes.slice(2, 2 + order.length).map((cells) => cells[0]),
      order,
    );
  });

  it('reads a count a build did not record (0 of it, or a row new this month) as 0, not as missing', () => {
    const newcomer: GeneratedCase = { ...september[0], id: 'NEW0001', subType: '新出现的小类' };
    const sheets = editSettings([generatedSheet([...august, ...september, newcomer])], tables, [table('小类', '小类', '上报数、上期上报数、上期自行处置案件数')]);
    const workbook = build(sheets, '2021-08').sheets;
    // August's history holds no 自行处置案件数 of any 小类 (all 0), and no row for the newcomer at all.
    const augustHistory = workbook.find((sheet) => sheet.name === historySheetName)?.rows ?? [];
    assert.ok(!augustHistory.some((row) => row[1] === '按小类' && row[3] === '自行处置案件数'));
    const result = build(workbook, '2021-09').result;
    const rows = printedSheet(result, '小类');
    assert.deepEqual(rowOf(rows, '新出现的小类'), ['新出现的小类', '1', '0', '0']);
    assert.equal(rowOf(rows, '合计')[3], '0');
    assert.ok(!result.warnings.some((warning) => warning.kind === 'noHistory' && warning.sheet === '2021年9月-小类'));
  });

  it('honours 合计 否, a label for the 合计 row, 合计在前 and 从少到多', () => {
    const sheets = editSettings([exportSheet], tables, [
      table('无合计', '县区', '上报数', { total: '否' }),
      table('总计在前', '县区', '上报数', { total: '总计', display: '合计在前', sort: '从少到多:上报数' }),
    ]);
    const result = buildInTurn(sheets, '2021-09');
    const counties = byCountThenName(september, 'district');
    const plain = printedSheet(result, '无合计');
    assert.deepEqual(
      plain.slice(2, 2 + counties.length + 1).map((cells) => cells[0] ?? ''),
      [...counties, ''],
    );
    const first = printedSheet(result, '总计在前');
    assert.deepEqual(first[2], ['总计', String(september.length)]);
    const fewestFirst = [...counties].sort((a, b) => where(september, 'district', a).length - where(september, 'district', b).length || collator.compare(a, b));
    assert.deepEqual(
      first.slice(3, 3 + counties.length).map((cells) => cells[0]),
      fewestFirst,
    );
  });

  it('reads quoted list items in 范围, so a 小类 containing 、 is one name', () => {
    const sheets = editSettings([exportSheet], tables, [table('井盖', '小类', '上报数', { scope: '小类=“无主井盖破损、缺失”、「污水井盖」' })]);
    const rows = printedSheet(buildInTurn(sheets, '2021-09'), '井盖');
    const [a, b] = [where(september, 'subType', '无主井盖破损、缺失').length, where(september, 'subType', '污水井盖').length];
    assert.ok(a > 0 && b > 0);
    assert.equal(rowOf(rows, '无主井盖破损、缺失')[1], String(a));
    assert.equal(rowOf(rows, '合计')[1], String(a + b));
  });

  it('leaves the reference city\'s default output as it was: no extra sheet without 【自定义表格】 rows', () => {
    const result = buildInTurn([exportSheet], '2021-09');
    assert.deepEqual(
      result.reportSheets.map((sheet) => sheet.name),
      ['2021年9月-案件概况', '2021年9月-部门处置', '2021年9月-县区办理', '2021年9月-高发问题', '2021年9月-具体分析'],
    );
  });

  it('puts the custom tables after the standard ones, in the order of the settings, before 具体分析', () => {
    const sheets = editSettings([exportSheet], tables, [table('乙表', '街道', '上报数'), table('甲表', '社区', '上报数')]);
    assert.deepEqual(
      buildInTurn(sheets, '2021-09').reportSheets.map((sheet) => sheet.name),
      ['2021年9月-案件概况', '2021年9月-部门处置', '2021年9月-县区办理', '2021年9月-高发问题', '2021年9月-乙表', '2021年9月-甲表', '2021年9月-具体分析'],
    );
  });
});

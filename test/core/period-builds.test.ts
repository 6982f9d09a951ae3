/**
 * Briefs of every kind of period, built from generated exports the way a clerk builds them in turn
 * (the period a year back, the one before, then this one, the history carried in the workbook): a
 * week, a quarter, a half-year and a year (split over several sheets), with 上期 and 去年同期 of the same
 * kind. Every figure is counted here from the generated cases by the rules of period-exports.ts, over
 * date ranges written out by hand.
 *
 * And a quarter built from the history alone, when its months were built month by month and the raw
 * rows are gone: the counts of its months added up, the rates recomputed from them.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, formatRate, historySheetName, InputError, inspectWorkbook, type BuildResult, type RawSheet } from '../../src/core/index.ts';
import { between, countDayCases, dailyCases, dailyOrders, dayOrderSheet, daySheet, type DayCase, type DayOrder } from '../helpers/period-exports.ts';
import { afterBuild, editSettings, printedSheet, rowOf } from '../helpers/workbook.ts';

const asOf = '2022-01-20 12:00';
const asOfMs = Date.UTC(2022, 0, 20, 12);
const builtAt = '2022-01-21 09:00';
const cases = dailyCases('2020-01-01', 760, 3, 21);
const orders = dailyOrders('2020-01-01', 760, 2, 21);
/** [from, to) in ms, from dates written out by hand. */
const range = (from: [number, number, number], to: [number, number, number]) => [Date.UTC(from[0], from[1] - 1, from[2]), Date.UTC(to[0], to[1] - 1, to[2])] as const;

/** The overview shows this period's figures, 上期 and 去年同期 of the same kind, and the rate's change over a year. */
const overviewColumns = '上报数、上期上报数、去年同期上报数、应结案数、结案数、结案率、上期结案率、去年同期结案率';

function workbook(caseSheets: readonly RawSheet[]): RawSheet[] {
  return editSettings([...caseSheets, dayOrderSheet(orders, '12345工单')], '【表格列】', [['案件概况', overviewColumns]]);
}

/** Builds `periods` in turn on the same workbook, each build's sheets written back before the next. */
function buildInTurn(sheets: RawSheet[], periods: readonly string[]): { results: BuildResult[]; sheets: RawSheet[] } {
  const results: BuildResult[] = [];
  for (const period of periods) {
    const result = buildMonthlyReport(sheets, { period, asOf, builtAt });
    results.push(result);
    sheets = afterBuild(sheets, result);
  }
  return { results, sheets };
}

function counted(from: number, to: number) {
  const group = between(cases, from, to);
  const figures = countDayCases(group, asOfMs);
  return { ...figures, 结案率: figures.应结案数 ? formatRate(figures.结案数 / figures.应结案数) : '' };
}

function receivedBetween(list: readonly DayOrder[], from: number, to: number): number {
  return between(list, from, to).length;
}

interface Kind {
  readonly title: string;
  readonly key: string;
  readonly label: string;
  readonly previous: { readonly key: string; readonly label: string };
  readonly lastYear: string;
  readonly current: readonly [number, number];
  readonly before: readonly [number, number];
  readonly yearBack: readonly [number, number];
  readonly caseSheets?: (all: readonly DayCase[]) => RawSheet[];
}

const kinds: readonly Kind[] = [
  {
    title: 'an ISO week (Monday to Sunday)',
    key: '2021-W37',
    label: '2021年第37周',
    previous: { key: '2021-W36', label: '2021年第36周' },
    // ISO week 37 of 2020: week 1 began on Monday 30 December 2019.
    lastYear: '2020-W37',
    current: range([2021, 9, 13], [2021, 9, 20]),
    before: range([2021, 9, 6], [2021, 9, 13]),
    yearBack: range([2020, 9, 7], [2020, 9, 14]),
  },
  {
    title: 'a quarter',
    key: '2021-Q3',
    label: '2021年第三季度',
    previous: { key: '2021-Q2', label: '2021年第二季度' },
    lastYear: '2020-Q3',
    current: range([2021, 7, 1], [2021, 10, 1]),
    before: range([2021, 4, 1], [2021, 7, 1]),
    yearBack: range([2020, 7, 1], [2020, 10, 1]),
  },
  {
    title: 'a half-year',
    key: '2021-H1',
    label: '2021年上半年',
    previous: { key: '2020-H2', label: '2020年下半年' },
    lastYear: '2020-H1',
    current: range([2021, 1, 1], [2021, 7, 1]),
    before: range([2020, 7, 1], [2021, 1, 1]),
    yearBack: range([2020, 1, 1], [2020, 7, 1]),
  },
  {
    title: 'a year, its cases split over four sheets',
    key: '2021',
    label: '2021年',
    // A year's 上期 is the year before, which is also its 去年同期.
    previous: { key: '2020', label: '2020年' },
    lastYear: '2020',
    current: range([2021, 1, 1], [2022, 1, 1]),
    before: range([2020, 1, 1], [2021, 1, 1]),
    yearBack: range([2020, 1, 1], [2021, 1, 1]),
    caseSheets: (all) => [0, 1, 2, 3].map((part) => daySheet(all.slice(part * 190 * 3, (part + 1) * 190 * 3), `案件${part + 1}`)),
  },
];

describe('briefs of every kind of period', () => {
  for (const kind of kinds) {
    describe(kind.title, () => {
      let result: BuildResult;
      before(() => {
        const sheets = workbook(kind.caseSheets ? kind.caseSheets(cases) : [daySheet(cases, '案件')]);
        const { results } = buildInTurn(sheets, [...new Set([kind.lastYear, kind.previous.key, kind.key])]);
        result = results[results.length - 1];
      });

      it('names the period as briefs do, in sheet names, titles and notes', () => {
        assert.equal(result.periodKey, kind.key);
        assert.equal(result.periodLabel, kind.label);
        assert.ok(result.reportSheets.every((grid) => grid.name.startsWith(`${kind.label}-`)));
        const overview = printedSheet(result, '案件概况');
        assert.match(overview[0][0], new RegExp(`（${kind.label}）`));
        assert.ok(overview.some((row) => row[0]?.includes(`上期为${kind.previous.label}`)));
      });

      it('counts the cases reported in the period, with 上期 and 去年同期 of the same kind', () => {
        const now = counted(...kind.current);
        const before = counted(...kind.before);
        const yearBack = counted(...kind.yearBack);
        const total = rowOf(printedSheet(result, '案件概况'), '总计');
        assert.deepEqual(total.slice(1), [now.上报数, before.上报数, yearBack.上报数, now.应结案数, now.结案数].map(String).concat([now.结案率, before.结案率, yearBack.结案率]));
        assert.ok(now.上报数 > 0 && before.上报数 > 0);
        assert.ok(result.reconciliation.every((check) => check.ok));
      });

      it('counts the 12345 orders received in the period, and says the change from 上期', () => {
        const now = receivedBetween(orders, ...kind.current);
        const before = receivedBetween(orders, ...kind.before);
        assert.equal(result.hotline?.received, now);
        const sentence = printedSheet(result, '12345受理')[1][0];
        assert.ok(sentence.startsWith(`${kind.label}共受理12345工单${now}件，${now >= before ? `较上期增加${now - before}件` : `较上期减少${before - now}件`}`), sentence);
      });

      it('records its figures in the history under its own key', () => {
        const total = result.history.find((record) => record.table === '案件概况' && record.row === '总计' && record.indicator === '上报数');
        assert.equal(total?.period, kind.key);
        assert.equal(total?.value, counted(...kind.current).上报数);
      });
    });
  }
});

describe('a quarter built from the history alone', () => {
  // April to September built month by month (each at the same as-of time), then the export sheets removed.
  const months = ['2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09'];
  let historyOnly: RawSheet[];
  let quarter: BuildResult;
  let fromRows: BuildResult;
  let july: BuildResult, august: BuildResult, september: BuildResult;
  before(() => {
    const withRows = workbook([daySheet(cases, '案件')]);
    const built = buildInTurn(withRows, months);
    historyOnly = built.sheets.filter((sheet) => sheet.name !== '案件' && sheet.name !== '12345工单' && !sheet.name.startsWith('2021年'));
    quarter = buildMonthlyReport(historyOnly, { period: '2021-Q3', builtAt });
    fromRows = buildMonthlyReport(withRows, { period: '2021-Q3', asOf, builtAt });
    [july, august, september] = built.results.slice(3);
  });

  it('adds up the counts of its months and recomputes the rates from them, never averaging', () => {
    const total = rowOf(printedSheet(quarter, '案件概况'), '总计');
    const sum = (pick: (result: BuildResult) => number) => pick(july) + pick(august) + pick(september);
    const reported = sum((result) => result.statistics.total.reported);
    const due = sum((result) => result.statistics.total.dueClose);
    const closed = sum((result) => result.statistics.total.closed);
    const now = counted(...range([2021, 7, 1], [2021, 10, 1]));
    assert.deepEqual([reported, due, closed], [now.上报数, now.应结案数, now.结案数]);
    assert.deepEqual([total[1], total[4], total[5], total[6]], [String(reported), String(due), String(closed), formatRate(closed / due)]);
    const averaged = (july.statistics.total.closed / july.statistics.total.dueClose + august.statistics.total.closed / august.statistics.total.dueClose + september.statistics.total.closed / september.statistics.total.dueClose) / 3;
    assert.notEqual(formatRate(averaged), total[6]);
  });

  it('gives the very figures the raw rows give at the same as-of time, in every table it records', () => {
    const key = (record: { table: string; row: string; indicator: string }) => `${record.table}|${record.row}|${record.indicator}`;
    const expected = new Map(fromRows.history.filter((record) => record.table !== '热难点' && record.table !== '十件事').map((record) => [key(record), record.value]));
    const got = new Map(quarter.history.map((record) => [key(record), record.value]));
    assert.deepEqual(got, expected);
    assert.equal(quarter.hotline?.received, receivedBetween(orders, ...range([2021, 7, 1], [2021, 10, 1])));
  });

  it('takes 上期 from the months of the quarter before, which was never built as a quarter', () => {
    const before = counted(...range([2021, 4, 1], [2021, 7, 1]));
    const total = rowOf(printedSheet(quarter, '案件概况'), '总计');
    assert.equal(total[2], String(before.上报数));
    assert.equal(total[7], before.结案率);
  });

  it('says it was built from the history, leaves out what needs the orders, and takes the months’ latest as-of time', () => {
    assert.equal(quarter.asOfSource, 'history');
    assert.equal(quarter.asOfText, asOf);
    assert.ok(quarter.warnings.some((warning) => warning.kind === 'fromHistory' && warning.sheet === historySheetName && /7月、8月、9月/.test(warning.message)));
    assert.deepEqual(
      quarter.reportSheets.map((grid) => grid.name.replace('2021年第三季度-', '')),
      ['案件概况', '部门处置', '县区办理', '12345受理', '高发问题', '具体分析'],
    );
    assert.ok(printedSheet(quarter, '案件概况').some((row) => /由"历史指标"中7月、8月、9月各月记录的件数相加生成/.test(row[0] ?? "")));
    assert.ok(quarter.summary.some((line) => line.includes('2021年第三季度数字城管案件')));
    // Its tables agree with each other and with their 总计 rows, as a build from rows checks them.
    assert.ok(quarter.reconciliation.length >= 5);
    assert.ok(quarter.reconciliation.every((check) => check.ok), JSON.stringify(quarter.reconciliation));
  });

  it('says so in the reconciliation when a month’s figures were changed by hand so that they no longer add up', () => {
    const edited = historyOnly.map((sheet) =>
      sheet.name === historySheetName ? { ...sheet, rows: sheet.rows.map((row) => (row[0] === '2021-08' && row[1] === '案件概况' && row[2] === '巡查上报' && row[3] === '上报数' ? [...row.slice(0, 4), Number(row[4]) + 5, ...row.slice(5)] : row)) } : sheet,
    );
    const check = buildMonthlyReport(edited, { period: '2021-Q3', builtAt }).reconciliation.find((item) => item.name === '案件概况：各来源之和 = 总计');
    assert.equal(check?.ok, false);
  });

  it('without the months of the quarter before, says its 上期 can come from building those months', () => {
    const onlyThisQuarter = historyOnly.map((sheet) => (sheet.name === historySheetName ? { ...sheet, rows: sheet.rows.filter((row) => !['2021-04', '2021-05', '2021-06'].includes(String(row[0]))) } : sheet));
    const result = buildMonthlyReport(onlyThisQuarter, { period: '2021-Q3', builtAt });
    const missing = result.warnings.filter((warning) => warning.kind === 'noHistory' && warning.message.includes('2021年第二季度'));
    assert.ok(missing.length >= 2);
    for (const warning of missing) assert.match(`${warning.message}${warning.action}`, /2021年第二季度.*逐月生成它的各月/);
  });

  it('names the months the history lacks, and builds nothing', () => {
    const withoutAugust = historyOnly.map((sheet) =>
      sheet.name === historySheetName ? { ...sheet, rows: sheet.rows.filter((row) => row[0] !== '2021-08') } : sheet,
    );
    assert.throws(
      () => buildMonthlyReport(withoutAugust, { period: '2021-Q3', builtAt }),
      (error: unknown) => error instanceof InputError && /没有2021年8月的数字城管数据/.test(error.message) && error.sheet === historySheetName,
    );
    assert.throws(
      () => buildMonthlyReport(historyOnly, { period: '2020-Q3', builtAt }),
      (error: unknown) => error instanceof InputError && /没有2020年第三季度各月（7月、8月、9月）的记录/.test(error.message),
    );
  });
});

describe('a period given before the rows are read', () => {
  /** September built as asked for and as found from the data (the last complete month): the same tables, warnings, accounting and checks. */
  const givenAsFound = (sheets: RawSheet[]) => {
    const found = buildMonthlyReport(sheets, { builtAt });
    const given = buildMonthlyReport(sheets, { period: '2021-09', builtAt });
    assert.equal(found.periodKey, '2021-09');
    assert.deepEqual(
      given.reportSheets.map((grid) => grid.cells),
      found.reportSheets.map((grid) => grid.cells),
    );
    assert.deepEqual(given.warnings, found.warnings);
    assert.deepEqual(given.accounting, found.accounting);
    assert.deepEqual(given.reconciliation, found.reconciliation);
    return given;
  };

  it('gives the very report of the same period found from the data (the cases of other periods read only as far as needed)', () => {
    // Cases from July to mid-October: the default period is September, the last complete month.
    const some = dailyCases('2021-07-01', 105, 5, 3);
    const sheets = [daySheet(some, '案件'), dayOrderSheet(dailyOrders('2021-07-01', 105, 3, 3), '12345工单'), ...workbook([]).filter((sheet) => sheet.name === '月报设置')];
    const given = givenAsFound(sheets);
    assert.ok(given.warnings.some((warning) => warning.kind === 'outsidePeriod'));
  });

  it('gives the very report when ids repeat in a sheet and across sheets (the rows gone over twice), numeric ids and codes alike', () => {
    const some = dailyCases('2021-07-01', 105, 5, 3).map((one, index) => (index % 2 === 0 ? { ...one, id: String(2021000000000 + index) } : one));
    const later = some.filter((one) => one.reportedAt >= '2021-08-25' && one.reportedAt < '2021-09-20').filter((_, index) => index % 4 === 0);
    // A later export lists some cases again, most of them closed since; the first sheet has five rows pasted twice.
    const changed = later.map((one, index) => (index % 3 === 0 ? one : { ...one, stage: '结案' as const }));
    const first = daySheet([...some, ...some.slice(200, 205)], '案件');
    const orderRows = dailyOrders('2021-07-01', 105, 3, 3);
    const sheets = [first, daySheet(changed, '补充导出'), dayOrderSheet([...orderRows, ...orderRows.slice(150, 160)], '12345工单'), ...workbook([]).filter((sheet) => sheet.name === '月报设置')];
    const given = givenAsFound(sheets);
    assert.ok(given.warnings.filter((warning) => warning.kind === 'duplicateId').length >= 3, 'repeats in a sheet, across sheets, of orders');
    // The later export's rows win: September's closed cases count what it says.
    const september = (one: (typeof some)[number]) => one.reportedAt >= '2021-09-01' && one.reportedAt < '2021-10-01';
    const winners = new Map([...some, ...changed].map((one) => [one.id, one]));
    assert.equal(given.statistics.total.closed, [...winners.values()].filter((one) => september(one) && one.stage === '结案').length);
  });
});

describe('a quarter whose exports lack whole months', () => {
  it('says which months have no case and no order, and how to get the whole quarter', () => {
    const september = between(cases, Date.UTC(2021, 8, 1), Date.UTC(2021, 9, 1));
    const septemberOrders = between(orders, Date.UTC(2021, 8, 1), Date.UTC(2021, 9, 1));
    const result = buildMonthlyReport(workbook([daySheet(september, '9月案件')]).map((sheet) => (sheet.name === '12345工单' ? dayOrderSheet(septemberOrders, '12345工单') : sheet)), { period: '2021-Q3', asOf, builtAt });
    const gaps = result.warnings.filter((warning) => warning.kind === 'partialPeriod');
    assert.deepEqual(
      gaps.map((warning) => [warning.sheet, /2021年7月、2021年8月 没有一件(案件|工单)/.exec(warning.message)?.[1]]),
      [['9月案件', '案件'], ['12345工单', '工单']],
    );
    assert.match(gaps[0].action, /各月的导出都放进工作簿/);
    assert.equal(result.statistics.total.reported, september.length);
  });

  it('says nothing when every month has cases', () => {
    const result = buildMonthlyReport(workbook([daySheet(cases, '案件')]), { period: '2021-Q3', asOf, builtAt });
    assert.ok(!result.warnings.some((warning) => warning.kind === 'partialPeriod'));
  });
});

describe('inspecting a workbook with no export but a history', () => {
  it('lists the months the history holds and suggests the latest quarter all of whose months were built', () => {
    let sheets = workbook([daySheet(cases, '案件')]);
    for (const period of ['2021-06', '2021-07', '2021-08', '2021-09', '2021-10']) sheets = afterBuild(sheets, buildMonthlyReport(sheets, { period, asOf, builtAt }));
    const historyOnly = sheets.filter((sheet) => sheet.name === historySheetName || sheet.name === '月报设置');
    const inspection = inspectWorkbook(historyOnly);
    assert.deepEqual(inspection.historyMonths, ['2021-06', '2021-07', '2021-08', '2021-09', '2021-10']);
    assert.equal(inspection.suggestedPeriod, '2021-Q3');
    assert.deepEqual(inspectWorkbook(sheets).historyMonths, [], 'a workbook with exports suggests from its data');
  });
});

describe('the cases of other periods', () => {
  it('are listed by period in time order, and cut to the first and last few when there are many', () => {
    const result = buildMonthlyReport(workbook([daySheet(cases, '案件')]), { period: '2021-W37', asOf, builtAt });
    const outside = result.warnings.find((warning) => warning.kind === 'outsidePeriod' && warning.sheet === '案件');
    assert.ok(outside);
    // 2020-01-01 is a Wednesday of ISO week 1 of 2020; the cases run to the end of January 2022.
    assert.match(outside.message, /（2020年第1周 \d+ 件，2020年第2周 \d+ 件，2020年第3周 \d+ 件，……，2022年第2周 \d+ 件，2022年第3周 \d+ 件，2022年第4周 \d+ 件，共 10\d 个周）/);
    const months = buildMonthlyReport(workbook([daySheet(between(cases, Date.UTC(2021, 7, 1), Date.UTC(2021, 10, 1)), '案件')]), { period: '2021-09', asOf, builtAt });
    assert.match(months.warnings.find((warning) => warning.kind === 'outsidePeriod' && warning.sheet === '案件')?.message ?? '', /（2021年8月 \d+ 件，2021年10月 \d+ 件）/);
  });
});

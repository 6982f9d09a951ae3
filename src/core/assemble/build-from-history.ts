/**
 * A quarter, half or year built from the history alone, when its raw rows are gone but its months were
 * built month by month: every table's counts are its months' counts added up (each month's as counted
 * at its own as-of time), and every rate is recomputed from the summed counts, never averaged. What
 * needs the rows themselves (热难点, 十件事, the clerk's own tables) is not built, and the tables, the
 * summary and a warning say so. Pure.
 */
import type { ResolvedUnit } from '../model/case-record.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import { InputError, type BuildWarning } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { emptyCaseCounts, type CaseCounts } from '../stats/case-counts.ts';
import { compareText, layoutCaseStatistics, unitKeyOf, type CaseStatistics } from '../stats/case-statistics.ts';
import type { HotlineStatistics } from '../stats/hotline-statistics.ts';
import { caseCountsFromFigures, orderCountsFromFigures } from '../stats/indicators.ts';
import { emptyOrderCounts, type OrderCounts } from '../stats/order-counts.ts';
import { caseTableNames } from '../report/case-tables.ts';
import { CustomTableTallies } from '../report/custom-tables.ts';
import { historySheetName, readHistorySheets, type HistoryRecord } from '../report/history.ts';
import { hotlineTableNames } from '../report/hotline-tables.ts';
import { monthsOf, periodKey, periodLabel, type Period } from '../time/period.ts';
import { formatWallTime, parseWallTime, type WallTime } from '../time/wall-time.ts';
import { completeBuild, type BuildResult } from './complete-build.ts';
import { carriedHistorySheets, type CarryOver, type SettingsInForce } from './load-exports.ts';

/** Figures of one table over the months: row → indicator → sum (null when a month's figure was empty). */
type SummedRows = Map<string, Map<string, number | null>>;

/** The history of the months of a period: which tables each month recorded, and the sums. */
class MonthsHistory {
  /** Per month key, the tables it recorded. */
  private readonly tablesOf = new Map<string, Set<string>>();
  /** Per month key, its latest 统计时点. */
  readonly asOfOf = new Map<string, WallTime>();
  private readonly latest = new Map<string, HistoryRecord>();

  constructor(
    records: readonly HistoryRecord[],
    readonly monthKeys: readonly string[],
  ) {
    const wanted = new Set(monthKeys);
    for (const record of records) {
      if (!wanted.has(record.period)) continue;
      // A key recorded twice: the later row wins (as everywhere the history is read).
      this.latest.set([record.period, record.table, record.row, record.indicator].join('\u0000'), record);
      let tables = this.tablesOf.get(record.period);
      if (!tables) this.tablesOf.set(record.period, (tables = new Set()));
      tables.add(record.table);
      const asOf = parseWallTime(record.asOf);
      if (typeof asOf === 'number' && asOf > (this.asOfOf.get(record.period) ?? -Infinity)) this.asOfOf.set(record.period, asOf);
    }
  }

  /** The months that recorded `table`, and those that did not. */
  coverage(table: string): { readonly recorded: readonly string[]; readonly missing: readonly string[] } {
    const recorded = this.monthKeys.filter((key) => this.tablesOf.get(key)?.has(table));
    return { recorded, missing: this.monthKeys.filter((key) => !recorded.includes(key)) };
  }

  /** Every row of `table` summed over the months: a month that did not record a row had none of it. */
  sum(table: string): SummedRows {
    const rows: SummedRows = new Map();
    for (const record of this.latest.values()) {
      if (record.table !== table) continue;
      let figures = rows.get(record.row);
      if (!figures) rows.set(record.row, (figures = new Map()));
      const before = figures.get(record.indicator);
      figures.set(record.indicator, before === null || record.value === null ? null : (before ?? 0) + record.value);
    }
    return rows;
  }
}

const residualUnitName = '不在设置中的单位';

/** The case figures of the period from its months' 案件概况, 部门处置, 县区办理 and 高发问题. */
function caseStatisticsOf(months: MonthsHistory, settings: Settings): { statistics: CaseStatistics; hasDeadline: boolean } {
  const overview = months.sum(caseTableNames.overview);
  const totalFigures = overview.get('总计') ?? new Map<string, number | null>();
  const total = caseCountsFromFigures(totalFigures);
  const bySource = new Map<string, CaseCounts>();
  for (const [row, figures] of overview) if (row !== '总计') bySource.set(row, caseCountsFromFigures(figures));

  // 部门处置: a unit's row, or `一级/二级`; its 合计 rows and 总计 are sums the layout makes again.
  const units = months.sum(caseTableNames.units);
  const firstNames = new Set(settings.firstLevelUnits.map((unit) => unit.name));
  const secondNames = new Set(settings.secondLevelUnits.map((unit) => `${unit.parent}\u0000${unit.name}`));
  const byUnit = new Map<string, CaseCounts>();
  const unitOf = new Map<string, ResolvedUnit>();
  const addUnit = (unit: ResolvedUnit, counts: CaseCounts) => {
    const key = unitKeyOf(unit.level1, unit.level2);
    unitOf.set(key, unit);
    const before = byUnit.get(key);
    byUnit.set(key, before ? sumTwo(before, counts) : counts);
  };
  const recordedUnits: CaseCounts[] = [];
  for (const [row, figures] of units) {
    if (row === '总计') continue;
    // The first level is the longest unit name of the settings the row starts with (a name may hold a slash).
    const slash = [...firstNames].filter((name) => row.startsWith(`${name}/`)).sort((left, right) => right.length - left.length)[0];
    const [level1, level2] = slash ? [slash, row.slice(slash.length + 1)] : [row, null];
    if (level2 === '合计') continue;
    const counts = caseCountsFromFigures(figures);
    recordedUnits.push(counts);
    const own = level2 === null || level2 === '本级';
    addUnit({ level1, level2: own ? null : level2, known: own ? firstNames.has(level1) : secondNames.has(`${level1}\u0000${level2}`) }, counts);
  }
  // The counties' rows (县区办理): a county's cases, its second levels included.
  for (const [row, figures] of months.sum(caseTableNames.counties)) {
    if (row === '合计') continue;
    addUnit({ level1: row, level2: null, known: firstNames.has(row) }, caseCountsFromFigures(figures));
  }
  // Units not in the settings are not recorded one by one: what the months' 总计 has beyond the
  // recorded rows is theirs, in one row, so that no case leaves the totals.
  const recordedTotal = caseCountsFromFigures(units.get('总计') ?? new Map());
  const rest = subtract(recordedTotal, recordedUnits);
  if (Object.values(rest).some((value) => value > 0)) addUnit({ level1: residualUnitName, level2: null, known: false }, rest);

  const byKind = new Map<string, { counts: CaseCounts; subTypes: Map<string, CaseCounts> }>();
  for (const [row, figures] of months.sum(caseTableNames.topSubTypes)) {
    const slash = row.indexOf('/');
    if (slash < 0) continue;
    const [kind, subType] = [row.slice(0, slash), row.slice(slash + 1)];
    let entry = byKind.get(kind);
    if (!entry) byKind.set(kind, (entry = { counts: emptyCaseCounts(), subTypes: new Map() }));
    if (subType === '合计') entry.counts = caseCountsFromFigures(figures);
    else entry.subTypes.set(subType, caseCountsFromFigures(figures));
  }
  const layout = layoutCaseStatistics(settings, { total, bySource, byUnit: { counts: byUnit, units: unitOf }, byKind });
  const statistics: CaseStatistics = {
    ...layout,
    cohortSize: total.reported,
    dispatchedWithoutUnit: [],
    unknownUnitCases: [],
    unknownSourceCases: [],
    onTimeUnjudgedCases: [],
    sheets: new Map(),
    firstSheet: '',
    cityRecount: layout.cityTotal,
    fromHistory: true,
  };
  // 按期 figures exist only where every month had a deadline column (an empty month makes the sum empty).
  return { statistics, hasDeadline: typeof totalFigures.get('按期处置数') === 'number' };
}

function sumTwo(left: CaseCounts, right: CaseCounts): CaseCounts {
  const sum = { ...left };
  for (const key of Object.keys(sum) as (keyof CaseCounts)[]) sum[key] += right[key];
  return sum;
}

function subtract(total: CaseCounts, parts: readonly CaseCounts[]): CaseCounts {
  const rest = { ...total };
  for (const part of parts) for (const key of Object.keys(rest) as (keyof CaseCounts)[]) rest[key] -= part[key];
  for (const key of Object.keys(rest) as (keyof CaseCounts)[]) rest[key] = Math.max(rest[key], 0);
  return rest;
}

/** The 12345 figures of the period from its months' 12345受理 (units, categories, 总计). */
function hotlineStatisticsOf(months: MonthsHistory, settings: Settings): HotlineStatistics {
  const rows = months.sum(hotlineTableNames.received);
  const totalFigures = rows.get('总计') ?? new Map<string, number | null>();
  const counts = orderCountsFromFigures(totalFigures);
  const countsByUnit = new Map<string, OrderCounts>();
  const countsByCategory = new Map<string, OrderCounts>(settings.hotlineCategories.map((category) => [category.name, emptyOrderCounts()]));
  for (const [row, figures] of rows) {
    if (row.startsWith('单位/')) countsByUnit.set(row.slice(3), orderCountsFromFigures(figures));
    else if (row.startsWith('类别/')) countsByCategory.set(row.slice(3), orderCountsFromFigures(figures));
  }
  // Units most orders first, ties in the settings' order (as a month's table lists them).
  const rankOf = new Map(settings.firstLevelUnits.map((unit, index) => [unit.hotlineName || unit.name, index]));
  const rank = (name: string) => rankOf.get(name) ?? settings.firstLevelUnits.length;
  const unitNames = [...countsByUnit.keys()].sort((left, right) => (countsByUnit.get(right) as OrderCounts).received - (countsByUnit.get(left) as OrderCounts).received || rank(left) - rank(right) || compareText(left, right));
  const overdueKnown = typeof totalFigures.get('超期数') === 'number';
  const returnsKnown = typeof totalFigures.get('回退数') === 'number';
  return {
    cohort: [],
    received: counts.received,
    done: counts.done,
    inProgress: counts.inProgress,
    overdue: counts.overdue,
    returned: counts.returned,
    byUnit: unitNames.map((name) => ({ name, count: (countsByUnit.get(name) as OrderCounts).received })),
    byCategory: [...countsByCategory].map(([name, figures]) => ({ name, count: figures.received })),
    // The months record returns by first-level unit (a month's table lists second levels).
    returnsByUnit: [...unitNames]
      .filter((name) => (countsByUnit.get(name) as OrderCounts).returned > 0)
      .sort((left, right) => rank(left) - rank(right) || compareText(left, right))
      .map((name) => ({ name, count: (countsByUnit.get(name) as OrderCounts).returned })),
    repeatGroups: [],
    categoryOf: new Map(),
    unknownUnitOrders: [],
    overdueKnown,
    returnsKnown,
    counts,
    countsByUnit,
    countsByCategory,
  };
}

export interface HistoryBuildOptions {
  readonly period: Period;
  readonly builtAt: string;
  readonly carryOver?: CarryOver;
}

/** Month labels as a brief lists them: 7月、8月、9月 (a quarter's, half's or year's months are of one year). */
function monthList(months: readonly Period[]): string {
  return months.map((month) => `${month.index}月`).join('、');
}

/**
 * Builds a quarter, half or year from the history of a workbook with no export sheets. Throws
 * InputError, naming the months, when the history lacks one of them.
 */
export function buildFromHistory(sheets: readonly RawSheet[], inForce: SettingsInForce, options: HistoryBuildOptions): BuildResult {
  const { period } = options;
  const label = periodLabel(period);
  const read = readHistorySheets(sheets, carriedHistorySheets(options.carryOver));
  const monthPeriods = monthsOf(period);
  const months = new MonthsHistory(read.records, monthPeriods.map(periodKey));
  const labelOf = (key: string) => periodLabel(monthPeriods[months.monthKeys.indexOf(key)]);
  const cases = months.coverage(caseTableNames.overview);
  const hotline = months.coverage(hotlineTableNames.received);
  const none = { sheet: historySheetName, column: '', headersSeen: [] };
  if (cases.recorded.length === 0 && hotline.recorded.length === 0) {
    throw new InputError(
      `工作簿中没有导出表，"${historySheetName}"中也没有${label}各月（${monthList(monthPeriods)}）的记录，无法生成${label}。请打开${label}的导出表后再生成；或先逐月生成${monthList(monthPeriods)}，再由历史汇总生成${label}。`,
      none,
    );
  }
  for (const [what, coverage] of [['数字城管', cases], ['12345', hotline]] as const) {
    if (coverage.recorded.length === 0 || coverage.missing.length === 0) continue;
    throw new InputError(
      `工作簿中没有导出表，只能由"${historySheetName}"中各月的数值汇总生成${label}，但其中没有${coverage.missing.map(labelOf).join('、')}的${what}数据。请先生成${coverage.missing.map(labelOf).join('、')}（或在"${historySheetName}"中补录），再生成${label}；或打开${label}的导出表后生成。`,
      none,
    );
  }
  const settings = inForce.settings;
  const counted = cases.recorded.length ? caseStatisticsOf(months, settings) : null;
  const hotlineFigures = hotline.recorded.length ? hotlineStatisticsOf(months, settings) : null;
  const asOfTimes = [...months.asOfOf.values()];
  const asOf = asOfTimes.length ? Math.max(...asOfTimes) : (parseWallTime(options.builtAt) as WallTime);
  const asOfList = months.monthKeys
    .filter((key) => months.asOfOf.has(key))
    .map((key) => `${monthPeriods[months.monthKeys.indexOf(key)].index}月 ${formatWallTime(months.asOfOf.get(key) as WallTime)}`)
    .join('，');
  const notes = [
    `本期没有原始数据：由"${historySheetName}"中${monthList(monthPeriods)}各月记录的件数相加生成（各月按其统计时点：${asOfList}）；比率由相加后的件数重新计算，不是各月比率的平均。${hotlineFigures ? '热难点、十件事需要工单明细，未生成。' : ''}`,
  ];
  const warnings: BuildWarning[] = [
    {
      kind: 'fromHistory',
      sheet: historySheetName,
      rows: [],
      message: `工作簿中没有导出表：${label}由"${historySheetName}"中${monthList(monthPeriods)}各月的数值汇总生成，件数相加、比率重算；各月件数按其当时的统计时点，与由原始数据统一按一个时点统计可能略有不同。${hotlineFigures ? '热难点、十件事需要工单明细，未生成。' : ''}`,
      action: `如需按统一时点统计，或需要热难点和十件事，请打开${label}的导出表后重新生成。`,
    },
    ...settings.customTables.map(
      (table): BuildWarning => ({
        kind: 'fromHistory',
        sheet: historySheetName,
        rows: [],
        message: `【自定义表格】"${table.name}"要由原始数据统计，由历史汇总生成${label}时未生成。`,
        action: `需要这张表时，请打开${label}的导出表后重新生成。`,
      }),
    ),
  ];
  return completeBuild({
    inForce,
    sheets,
    carryOver: options.carryOver,
    builtAt: options.builtAt,
    period,
    asOf,
    asOfSource: 'history',
    layouts: [],
    caseLayouts: [],
    orderLayouts: [],
    caseAccounting: [],
    orderAccounting: [],
    hasDeadlineColumn: counted?.hasDeadline ?? false,
    hasReturnsSheet: false,
    warnings: [...inForce.warnings, ...warnings],
    cases: null,
    orders: null,
    callerNames: new Set(),
    returnedIds: new Map(),
    manualGroups: [],
    customTallies: new CustomTableTallies({ ...settings, customTables: [] }),
    fromHistory: { statistics: counted?.statistics ?? null, hotline: hotlineFigures, notes },
  });
}

/**
 * The period's report sheets, in the order of the brief: the case tables (when there is a cases
 * sheet), the 12345 sheets (when there is a 12345 sheet), then 高发问题, the clerk's own tables
 * (【自定义表格】) and 具体分析. In: the period's figures and the table context. Out: the grids, the
 * figures they record in the history, the warnings about the tables themselves (names in the settings
 * taken as others or not understood, a 上期 or 去年同期 the history lacks, per table and column) and
 * the custom tables' reconciliation. A new table kind is one more entry here and one builder in `report/`.
 */
import type { SheetGrid } from '../model/grid.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import type { CaseStatistics } from '../stats/case-statistics.ts';
import type { HotlineStatistics } from '../stats/hotline-statistics.ts';
import type { TopicFigures } from '../stats/focus-topics.ts';
import { buildCountyTable, buildOverviewTable, buildTopSubTypeTable, buildUnitTable, type BuiltTable, type TableContext } from '../report/case-tables.ts';
import { buildHotlineTables, hotlineTableNames } from '../report/hotline-tables.ts';
import { buildAnalysisSheet } from '../report/analysis.ts';
import type { RowTags } from '../report/layout-store.ts';
import { historySheetName, type HistoryLookup, type HistoryRecord } from '../report/history.ts';
import { buildCustomTables, type CustomTableCheck, type CustomTableTallies } from '../report/custom-tables.ts';
import { earlierWarnings } from '../report/earlier-periods.ts';
import { checkSettingsNames } from '../report/settings-names.ts';
import { orderFactsOf } from '../stats/dimensions.ts';
import { createHotlineUnitNamer } from '../stats/hotline-statistics.ts';
import { flagOrder } from '../stats/order-counts.ts';
import { orItsMonths, endOfPeriod, periodKey, periodLabel, previousPeriod, samePeriodLastYear, startOfPeriod, type Period } from '../time/period.ts';
import { formatWallDate, type WallTime } from '../time/wall-time.ts';
import { asOfSourceWords, type AsOfSource } from './choose-period.ts';

export interface TableContextOptions {
  readonly settings: Settings;
  readonly period: Period;
  readonly asOfText: string;
  readonly asOfSource: AsOfSource;
  readonly builtAt: string;
  readonly history: HistoryLookup;
  readonly hasDeadlineColumn: boolean;
  /** Lines under every table after the period's (a period built from the history says so). */
  readonly extraNotes?: readonly string[];
}

/** What every table builder needs: names of the period and the previous one, the history, the notes under each table. */
export function createTableContext(options: TableContextOptions): TableContext {
  const { period, history } = options;
  const previous = previousPeriod(period);
  const previousKey = periodKey(previous);
  const lastYear = samePeriodLastYear(period);
  const endText = formatWallDate((endOfPeriod(period) as WallTime) - 1000);
  const notes = [
    `统计时段：${formatWallDate(startOfPeriod(period))} 至 ${endText}（按上报/受理时间）；统计时点：${options.asOfText}${asOfSourceWords(options.asOfSource)}。`,
    ...(options.extraNotes ?? []),
    `由城管月报助手生成于 ${options.builtAt}；数值可直接修改。`,
  ];
  // Said per table, and only by a table that has 上期 figures: true of that table's own 上期 cells.
  const previousNote = (found: boolean) =>
    found ? `上期为${periodLabel(previous)}，取自"${historySheetName}"表。` : `"${historySheetName}"表中没有${periodLabel(previous)}的数据，本表的上期列为空；可先生成${periodLabel(previous)}${orItsMonths(previous.kind)}，或在该表中补录。`;
  return {
    settings: options.settings,
    period,
    periodKey: periodKey(period),
    previousKey,
    lastYearKey: periodKey(lastYear),
    periodLabel: periodLabel(period),
    previousLabel: periodLabel(previous),
    lastYearLabel: periodLabel(lastYear),
    history,
    hasDeadlineColumn: options.hasDeadlineColumn,
    notes,
    previousNote,
    asOfText: options.asOfText,
    builtAtText: options.builtAt,
  };
}

export interface ReportTablesInput {
  readonly context: TableContext;
  /** Case figures, or null when the workbook has no cases sheet. */
  readonly statistics: CaseStatistics | null;
  /** 12345 figures, or null when the workbook has no 12345 sheet. */
  readonly hotline: HotlineStatistics | null;
  readonly topics: readonly TopicFigures[];
  readonly callerNames: ReadonlySet<string>;
  /** Last month's 三、工作建议 as the clerk left them (null: no such sheet), for 具体分析. */
  readonly carriedSuggestions?: readonly string[] | null;
  /** The clerk's own tables, which have counted the period's cases (its 12345 orders are added here). */
  readonly customTallies: CustomTableTallies;
  /** The as-of time and the returns sheets' returns, for the flags of the 12345 orders of the clerk's own tables. */
  readonly asOf: WallTime;
  readonly returnedIds?: ReadonlyMap<string, number>;
  /** A period built from the history: no 热难点 or 十件事 (they need the orders themselves). */
  readonly fromHistory?: boolean;
}

export interface ReportTables {
  readonly grids: readonly SheetGrid[];
  /** The figures the tables record in the history for this period. */
  readonly history: readonly HistoryRecord[];
  /** 12345 受理数 of the previous period, or null when the history has none (or there is no 12345 sheet). */
  readonly previousReceived: number | null;
  readonly warnings: readonly BuildWarning[];
  /** Row tags of sheets, for the layout store (具体分析's drafted suggestions). */
  readonly rowTags: ReadonlyMap<string, RowTags>;
  /** The reconciliation of the clerk's own tables. */
  readonly checks: readonly CustomTableCheck[];
}

/** Builds every report sheet of the period: the standard ones in the order of the brief, then the clerk's own, then 具体分析. */
export function buildReportTables(input: ReportTablesInput): ReportTables {
  const { context, statistics, hotline } = input;
  const caseTables: BuiltTable[] = statistics ? [buildOverviewTable(statistics, context), buildUnitTable(statistics, context), buildCountyTable(statistics, context)] : [];
  const hotlineTables = hotline ? buildHotlineTables(hotline, input.topics, { ...context, callerNames: input.callerNames }, { withRecords: !input.fromHistory }) : null;
  const trailing: BuiltTable[] = statistics ? [buildTopSubTypeTable(statistics, context)] : [];
  const previousReceived = hotlineTables?.previousReceived ?? null;
  // 二、具体分析 and 三、工作建议, drafted from the same figures: the last sheet of the period.
  const analysis = buildAnalysisSheet({ context, statistics, hotline, topics: input.topics, previousReceived, carriedSuggestions: input.carriedSuggestions ?? null });
  const standardGrids = [...caseTables.map((table) => table.grid), ...(hotlineTables?.grids ?? []), ...trailing.map((table) => table.grid)];
  // The clerk's own tables come after the standard ones (and before 具体分析).
  // The clerk's own tables: the cases were counted as they were read; the period's 12345 orders are here.
  const tallies = input.customTallies;
  if (hotline && tallies.countsOrders) {
    for (const fact of orderFactsOf(hotline.cohort, { flagsOf: (order) => flagOrder(order, input.asOf, input.returnedIds), categoryOf: hotline.categoryOf, unitNameOf: createHotlineUnitNamer(context.settings) })) tallies.addOrder(fact);
  }
  const custom = buildCustomTables({
    context,
    tallies,
    hasCases: statistics !== null,
    hasOrders: hotline !== null,
    ordersKnown: hotline ? { overdue: hotline.overdueKnown, returns: hotline.returnsKnown } : undefined,
    takenSheetNames: [...standardGrids, analysis.grid].map((grid) => grid.name),
  });
  // What the history lacks of earlier periods: said once per period, naming every table and column.
  const earlier = earlierWarnings(
    [
      ...[...caseTables, ...trailing].map((table) => ({ sheet: table.grid.name, name: table.grid.name.slice(context.periodLabel.length + 1), columns: table.earlierColumns })),
      ...(hotlineTables ? [{ sheet: hotlineTables.grids[0].name, name: hotlineTableNames.received, columns: hotlineTables.earlierColumns }] : []),
      ...custom.earlier,
    ],
    context,
  );
  return {
    grids: [...standardGrids, ...custom.grids, analysis.grid],
    history: [...caseTables.flatMap((table) => table.history), ...(hotlineTables?.history ?? []), ...trailing.flatMap((table) => table.history), ...custom.history],
    previousReceived,
    warnings: [...checkSettingsNames(context.settings), ...earlier, ...custom.warnings, ...analysis.warnings],
    rowTags: new Map([[analysis.grid.name, analysis.rowTags]]),
    checks: custom.checks,
  };
}

/**
 * The period's report sheets, in the order of the brief: the case tables (when there is a cases
 * sheet), the 12345 sheets (when there is a 12345 sheet), then 高发问题. In: the period's figures and
 * the table context. Out: the grids, the figures they record in the history, and the warnings about
 * the tables themselves (unknown column names, a 上期 with no history). A new table kind is one more
 * entry here and one builder in `report/`.
 */
import type { SheetGrid } from '../model/grid.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { settingsSheetName } from '../settings/settings-sheet.ts';
import type { CaseStatistics } from '../stats/case-statistics.ts';
import type { HotlineStatistics } from '../stats/hotline-statistics.ts';
import type { TopicFigures } from '../stats/focus-topics.ts';
import { buildCountyTable, buildOverviewTable, buildTopSubTypeTable, buildUnitTable, type BuiltTable, type TableContext } from '../report/case-tables.ts';
import { buildHotlineTables } from '../report/hotline-tables.ts';
import { buildAnalysisSheet } from '../report/analysis.ts';
import type { RowTags } from '../report/layout-store.ts';
import { historySheetName, type HistoryLookup, type HistoryRecord } from '../report/history.ts';
import { endOfPeriod, periodKey, periodLabel, shiftPeriod, startOfPeriod, type Period } from '../time/period.ts';
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
}

/** What every table builder needs: names of the period and the previous one, the history, the notes under each table. */
export function createTableContext(options: TableContextOptions): TableContext {
  const { period, history } = options;
  const previous = shiftPeriod(period, -1);
  const previousKey = periodKey(previous);
  const endText = formatWallDate((endOfPeriod(period) as WallTime) - 1000);
  const notes = [
    `统计时段：${formatWallDate(startOfPeriod(period))} 至 ${endText}（按上报/受理时间）；统计时点：${options.asOfText}${asOfSourceWords(options.asOfSource)}。`,
    `由城管月报助手生成于 ${options.builtAt}；数值可直接修改。`,
  ];
  // Said per table, and only by a table that has 上期 figures: true of that table's own 上期 cells.
  const previousNote = (found: boolean) =>
    found ? `上期为${periodLabel(previous)}，取自"${historySheetName}"表。` : `"${historySheetName}"表中没有${periodLabel(previous)}的数据，本表的上期列为空；可先生成${periodLabel(previous)}，或在该表中补录。`;
  return {
    settings: options.settings,
    periodKey: periodKey(period),
    previousKey,
    periodLabel: periodLabel(period),
    previousLabel: periodLabel(previous),
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
}

/** Builds every report sheet of the period. */
export function buildReportTables(input: ReportTablesInput): ReportTables {
  const { context, statistics, hotline } = input;
  const caseTables: BuiltTable[] = statistics ? [buildOverviewTable(statistics, context), buildUnitTable(statistics, context), buildCountyTable(statistics, context)] : [];
  const hotlineTables = hotline ? buildHotlineTables(hotline, input.topics, { ...context, callerNames: input.callerNames }) : null;
  const trailing: BuiltTable[] = statistics ? [buildTopSubTypeTable(statistics, context)] : [];
  const previousReceived = hotlineTables?.previousReceived ?? null;
  // 二、具体分析 and 三、工作建议, drafted from the same figures: the last sheet of the period.
  const analysis = buildAnalysisSheet({ context, statistics, hotline, topics: input.topics, previousReceived, carriedSuggestions: input.carriedSuggestions ?? null });
  return {
    grids: [...caseTables.map((table) => table.grid), ...(hotlineTables?.grids ?? []), ...trailing.map((table) => table.grid), analysis.grid],
    history: [...caseTables.flatMap((table) => table.history), ...(hotlineTables?.history ?? []), ...trailing.flatMap((table) => table.history)],
    previousReceived,
    warnings: [...tableWarnings([...caseTables, ...trailing], context), ...analysis.warnings],
    rowTags: new Map([[analysis.grid.name, analysis.rowTags]]),
  };
}

function tableWarnings(tables: readonly BuiltTable[], context: TableContext): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  const unknown = [...new Set(tables.flatMap((table) => table.unknownColumns))];
  if (unknown.length) {
    warnings.push({ kind: 'settings', sheet: settingsSheetName, rows: [], message: `【表格列】中的"${unknown.join('、')}"不是已知指标，这些列为空。`, action: '改为已知的指标名称，如 上报数、处置率、按期结案率、有效上报率，或在前面加"上期"。' });
  }
  // Only what is true: a column is said to be empty only when no cell of it found a figure, and the
  // tables are named; rows missing from an otherwise filled column (a new unit) are said as such.
  const columns = tables.flatMap((table) => table.previousColumns);
  const empty = columns.filter((column) => column.filled === 0 && column.missingRows.length > 0);
  if (empty.length) {
    const byTable = new Map<string, string[]>();
    for (const column of empty) byTable.set(column.table, [...(byTable.get(column.table) ?? []), column.column]);
    const parts = [...byTable].map(([table, names]) => `"${context.periodLabel}-${table}"的${names.join('、')}列`);
    warnings.push({
      kind: 'noHistory',
      sheet: historySheetName,
      rows: [],
      message: `"${historySheetName}"表中没有${context.previousLabel}的数值，${parts.join('，')}为空。`,
      action: `先用${context.previousLabel}的导出生成一次，或在"${historySheetName}"表中补录上期数值。`,
    });
  }
  const partial = columns.filter((column) => column.filled > 0 && column.missingRows.length > 0);
  const partialByTable = new Map<string, Set<string>>();
  for (const column of partial) {
    const rows = partialByTable.get(column.table) ?? new Set<string>();
    for (const row of column.missingRows) rows.add(row);
    partialByTable.set(column.table, rows);
  }
  for (const [table, rows] of partialByTable) {
    const names = [...rows];
    warnings.push({
      kind: 'noHistory',
      sheet: historySheetName,
      rows: [],
      message: `"${context.periodLabel}-${table}"中 ${names.join('、')} 在"${historySheetName}"表中没有${context.previousLabel}的数值（上期没有这一行），这些行的上期格为空。`,
      action: `如上期确有数值，可在"${historySheetName}"表中补录（表 ${table}，行 ${names[0]}）。`,
    });
  }
  return warnings;
}

/**
 * The case sheets of the brief as grids: 案件概况 （一）, 部门处置 （二）, 县区办理 （三） and 高发问题.
 * Columns are indicator names from the settings; 上期 columns read the history of the previous period.
 * Each builder also returns the figures it shows (all catalogue indicators of each row) for the history.
 */
import type { GridCell, SheetGrid } from '../model/grid.ts';
import type { Settings } from '../settings/settings.ts';
import type { CaseCounts } from '../stats/case-counts.ts';
import type { CaseStatistics, UnitRow } from '../stats/case-statistics.ts';
import { baseCountNames, caseBaseFigures, catalogueFor, indicatorNames } from '../stats/indicators.ts';
import type { Period } from '../time/period.ts';
import type { HistoryLookup, HistoryRecord } from './history.ts';
import { GridBuilder, headerCell, labelCell, noteCell, titleCell } from './grid-builder.ts';
import { FigureRows, type EarlierColumn, type FigureRow } from './figure-rows.ts';
import { earlierNotes } from './earlier-periods.ts';

/** What every table builder needs besides the figures. */
export interface TableContext {
  readonly settings: Settings;
  readonly period: Period;
  /** `2021-09`. */
  readonly periodKey: string;
  /** `2021-08`: where 上期 figures come from. */
  readonly previousKey: string;
  /** `2020-09`: where 去年同期 figures come from. */
  readonly lastYearKey: string;
  /** `2021年9月`. */
  readonly periodLabel: string;
  readonly previousLabel: string;
  readonly lastYearLabel: string;
  readonly history: HistoryLookup;
  readonly hasDeadlineColumn: boolean;
  /** Lines under every table: the period and the as-of time, how it was built. */
  readonly notes: readonly string[];
  /** The line a table with 上期 figures adds: where they came from (`found`), or that the history lacks them. */
  readonly previousNote: (found: boolean) => string;
  /** As-of and build time, recorded with the figures. */
  readonly asOfText: string;
  readonly builtAtText: string;
}

export interface BuiltTable {
  readonly grid: SheetGrid;
  readonly history: readonly HistoryRecord[];
  /** Column names no indicator has: shown empty, reported once. */
  readonly unknownColumns: readonly string[];
  /** Each column of an earlier period (上期X, X环比, 去年同期X …): how the history filled it. */
  readonly earlierColumns: readonly EarlierColumn[];
}

export const caseTableNames = { overview: '案件概况', units: '部门处置', counties: '县区办理', topSubTypes: '高发问题' } as const;

/** The figure cells of a standard case table: a row's counts in, its cells and history records out. */
class RowFiller {
  private readonly rows: FigureRows;
  private readonly baseRows: FigureRows;
  constructor(
    private readonly context: TableContext,
    table: string,
    private readonly scope: 'city' | 'county',
  ) {
    const catalogue = catalogueFor(context.settings, 'cases', { county: scope === 'county' });
    this.rows = new FigureRows({ ...context, table, catalogue, alwaysRecorded: indicatorNames });
    this.baseRows = new FigureRows({ ...context, table, catalogue, alwaysRecorded: baseCountNames('cases') });
  }

  private row(key: string, counts: CaseCounts, totalKey?: string, totalCounts?: CaseCounts): FigureRow {
    const figures = (of: CaseCounts) => caseBaseFigures(of, this.context.hasDeadlineColumn, this.scope === 'county');
    return { key, figures: figures(counts), totalKey, totalFigures: totalCounts ? figures(totalCounts) : undefined };
  }

  /** The cell of column `name` for a row; `totalKey`/`totalCounts` are the 合计 row's, for 占比. */
  cell(name: string, rowKey: string, counts: CaseCounts, total: boolean, totalKey?: string, totalCounts?: CaseCounts): GridCell {
    return this.rows.cell(name, this.row(rowKey, counts, totalKey, totalCounts), total);
  }

  /** Every catalogue figure of a row (and every indicator the table shows), for the history sheet. */
  record(rowKey: string, counts: CaseCounts, totalCounts?: CaseCounts): HistoryRecord[] {
    return this.rows.record(this.row(rowKey, counts, undefined, totalCounts));
  }

  /** A row the table does not show: its base counts that are not 0 (enough for any 上期 later) and the indicators shown. */
  recordUnshown(rowKey: string, counts: CaseCounts, totalCounts?: CaseCounts): HistoryRecord[] {
    return this.baseRows.record(this.row(rowKey, counts, undefined, totalCounts), true);
  }

  get unknown(): ReadonlySet<string> {
    return this.rows.unknown;
  }

  get earlier(): EarlierColumn[] {
    return this.rows.earlier;
  }
}

/** The notes under a table; a table with 上期 or 去年同期 columns says where they came from, true of its own cells. */
function addNotes(builder: GridBuilder, context: TableContext, earlier: readonly EarlierColumn[]): void {
  builder.addBlankRow();
  const lines = [...context.notes];
  lines.splice(1, 0, ...earlierNotes(context, earlier));
  for (const note of lines) builder.addRow([noteCell(note)]);
}

function sheetName(context: TableContext, suffix: string): string {
  return `${context.periodLabel}-${suffix}`;
}

/** （一）数字城管系统案件基本情况: one row per source, then 总计. */
export function buildOverviewTable(stats: CaseStatistics, context: TableContext): BuiltTable {
  const table = caseTableNames.overview;
  const columns = context.settings.tableColumns.overview;
  const filler = new RowFiller(context, table, 'city');
  const builder = new GridBuilder();
  const width = columns.length + 1;
  builder.addRow([titleCell(`（一）数字城管系统案件基本情况（${context.periodLabel}）`)]);
  builder.merge(0, 0, 0, width - 1);
  builder.addRow([headerCell('问题来源'), ...columns.map(headerCell)]);
  const history: HistoryRecord[] = [];
  const rows = [...stats.bySource.map((source) => ({ key: source.name, counts: source.counts, total: false })), { key: '总计', counts: stats.total, total: true }];
  for (const row of rows) {
    builder.addRow([labelCell(row.key, row.total), ...columns.map((name) => filler.cell(name, row.key, row.counts, row.total, '总计', stats.total))]);
    history.push(...filler.record(row.key, row.counts, stats.total));
  }
  addNotes(builder, context, filler.earlier);
  return { grid: builder.toSheet(sheetName(context, table), { freezeRows: 2, freezeCols: 1 }), history, unknownColumns: [...filler.unknown], earlierColumns: filler.earlier };
}

/** History row key of a unit row. */
export function unitRowKey(row: Pick<UnitRow, 'level1' | 'level2'>): string {
  return row.level2 ? `${row.level1}/${row.level2}` : row.level1;
}

/**
 * （二）市局各部门处置情况: a first level with second levels takes one row per second level (name
 * merged down) and a 合计 row; one without spans both name columns; 总计 last.
 */
export function buildUnitTable(stats: CaseStatistics, context: TableContext): BuiltTable {
  const table = caseTableNames.units;
  const columns = context.settings.tableColumns.units;
  const filler = new RowFiller(context, table, 'city');
  const builder = new GridBuilder();
  const width = columns.length + 2;
  builder.addRow([titleCell(`（二）数字城管系统案件市局各部门处置情况（${context.periodLabel}）`)]);
  builder.merge(0, 0, 0, width - 1);
  const headerRow = builder.addRow([headerCell('专业部门'), headerCell(''), ...columns.map(headerCell)]);
  builder.merge(headerRow, 0, headerRow, 1);
  const history: HistoryRecord[] = [];
  let blockStart = -1;
  let blockLevel1 = '';
  const closeBlock = (lastRow: number) => {
    if (blockStart >= 0) builder.merge(blockStart, 0, lastRow, 0);
    blockStart = -1;
  };
  for (const row of stats.unitRows) {
    const key = unitRowKey(row);
    const total = row.role === 'subtotal';
    const figures = columns.map((name) => filler.cell(name, key, row.counts, total, '总计', stats.cityTotal));
    // A unit not in the settings is not recorded: once the clerk adds it and rebuilds, it is. (A wrong
    // unit column can give 100,000 such rows, whose history would be larger than the export.)
    if (row.known) history.push(...filler.record(key, row.counts, stats.cityTotal));
    if (row.level2 === null) {
      closeBlock(builder.rowCount - 1);
      const index = builder.addRow([labelCell(row.level1), labelCell(''), ...figures]);
      builder.merge(index, 0, index, 1);
      continue;
    }
    if (blockStart < 0 || blockLevel1 !== row.level1) {
      closeBlock(builder.rowCount - 1);
      blockStart = builder.rowCount;
      blockLevel1 = row.level1;
    }
    const index = builder.addRow([labelCell(row.level1), labelCell(row.level2, total), ...figures]);
    if (total) closeBlock(index);
  }
  closeBlock(builder.rowCount - 1);
  const totalIndex = builder.addRow([labelCell('总计', true), labelCell('', true), ...columns.map((name) => filler.cell(name, '总计', stats.cityTotal, true, '总计', stats.cityTotal))]);
  builder.merge(totalIndex, 0, totalIndex, 1);
  history.push(...filler.record('总计', stats.cityTotal, stats.cityTotal));
  addNotes(builder, context, filler.earlier);
  return { grid: builder.toSheet(sheetName(context, table), { freezeRows: 2, freezeCols: 2 }), history, unknownColumns: [...filler.unknown], earlierColumns: filler.earlier };
}

/** （三）各县（市、区）: transposed, a column per county, a row per indicator. */
export function buildCountyTable(stats: CaseStatistics, context: TableContext): BuiltTable {
  const table = caseTableNames.counties;
  const rowsWanted = context.settings.tableColumns.counties;
  const filler = new RowFiller(context, table, 'county');
  const builder = new GridBuilder();
  const width = stats.counties.length + 1;
  builder.addRow([titleCell(`（三）各县（市、区）专业部门数字城管系统案件办理情况（${context.periodLabel}）`)]);
  builder.merge(0, 0, 0, Math.max(width - 1, 0));
  builder.addRow([headerCell('案件受理'), ...stats.counties.map((county) => headerCell(county.name))]);
  for (const name of rowsWanted) {
    builder.addRow([labelCell(name), ...stats.counties.map((county) => filler.cell(name, county.name, county.counts, false, '合计', stats.countyTotal))]);
  }
  const history = stats.counties.flatMap((county) => filler.record(county.name, county.counts, stats.countyTotal));
  history.push(...filler.record('合计', stats.countyTotal, stats.countyTotal));
  addNotes(builder, context, filler.earlier);
  return { grid: builder.toSheet(sheetName(context, table), { freezeRows: 2, freezeCols: 1, wrapWidth: 14 }), history, unknownColumns: [...filler.unknown], earlierColumns: filler.earlier };
}

/** 高发问题: per kind (事件, 部件), a totals row then its most reported sub-types (ties by name). */
export function buildTopSubTypeTable(stats: CaseStatistics, context: TableContext): BuiltTable {
  const table = caseTableNames.topSubTypes;
  const columns = context.settings.tableColumns.topSubTypes;
  const howMany = context.settings.tableColumns.topSubTypeCount;
  const filler = new RowFiller(context, table, 'city');
  const builder = new GridBuilder();
  const width = columns.length + 2;
  builder.addRow([titleCell(`数字城管系统高发问题（${context.periodLabel}）：各问题类型上报最多的${howMany}个小类`)]);
  builder.merge(0, 0, 0, width - 1);
  builder.addRow([headerCell('问题类型'), headerCell('小类'), ...columns.map(headerCell)]);
  const history: HistoryRecord[] = [];
  for (const kind of stats.byKind) {
    if (kind.counts.reported === 0) continue;
    const blockTotal = `${kind.kind}/合计`;
    const start = builder.addRow([labelCell(kind.kind), labelCell('合计', true), ...columns.map((name) => filler.cell(name, blockTotal, kind.counts, true, blockTotal, kind.counts))]);
    history.push(...filler.record(blockTotal, kind.counts, kind.counts));
    for (const subType of kind.subTypes.slice(0, howMany)) {
      const key = `${kind.kind}/${subType.name}`;
      builder.addRow([labelCell(kind.kind), labelCell(subType.name), ...columns.map((name) => filler.cell(name, key, subType.counts, false, blockTotal, kind.counts))]);
    }
    builder.merge(start, 0, builder.rowCount - 1, 0);
    // Every sub-type is recorded, not only those shown: one new to the top N next month still has its 上期.
    kind.subTypes.forEach((subType, index) => {
      const key = `${kind.kind}/${subType.name}`;
      history.push(...(index < howMany ? filler.record(key, subType.counts, kind.counts) : filler.recordUnshown(key, subType.counts, kind.counts)));
    });
  }
  addNotes(builder, context, filler.earlier);
  return { grid: builder.toSheet(sheetName(context, table), { freezeRows: 2, freezeCols: 2 }), history, unknownColumns: [...filler.unknown], earlierColumns: filler.earlier };
}

/**
 * The case sheets of the brief as grids: 案件概况 （一）, 部门处置 （二）, 县区办理 （三） and 高发问题.
 * Columns are indicator names from the settings; 上期 columns read the history of the previous period.
 * Each builder also returns the figures it shows (all catalogue indicators of each row) for the history.
 */
import type { GridCell, SheetGrid } from '../model/grid.ts';
import type { Settings } from '../settings/settings.ts';
import type { CaseCounts } from '../stats/case-counts.ts';
import type { CaseStatistics, UnitRow } from '../stats/case-statistics.ts';
import { findIndicator, indicatorNames } from '../stats/indicators.ts';
import type { HistoryLookup, HistoryRecord } from './history.ts';
import { countCell, GridBuilder, headerCell, labelCell, noteCell, rateCell, titleCell } from './grid-builder.ts';

/** What every table builder needs besides the figures. */
export interface TableContext {
  readonly settings: Settings;
  /** `2021-09`. */
  readonly periodKey: string;
  /** `2021-08`. */
  readonly previousKey: string;
  /** `2021年9月`. */
  readonly periodLabel: string;
  readonly previousLabel: string;
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
  /** Each 上期 column of the table: how many of its cells the history filled, and the rows it left empty. */
  readonly previousColumns: readonly PreviousColumn[];
}

/** A 上期 column of a table, as the history filled it. */
export interface PreviousColumn {
  readonly table: string;
  readonly column: string;
  readonly filled: number;
  /** Row keys the history has no figure for. */
  readonly missingRows: readonly string[];
}

export const caseTableNames = { overview: '案件概况', units: '部门处置', counties: '县区办理', topSubTypes: '高发问题' } as const;

/** Resolves the cells of one table row, tracking unknown names and missing history. */
class RowFiller {
  readonly unknown = new Set<string>();
  private readonly previous = new Map<string, { filled: number; missingRows: string[] }>();
  constructor(
    private readonly context: TableContext,
    private readonly table: string,
    private readonly scope: 'city' | 'county',
  ) {}

  cell(name: string, rowKey: string, counts: CaseCounts, total: boolean): GridCell {
    const found = findIndicator(name, this.scope);
    if (!found) {
      this.unknown.add(name);
      return { value: null, role: 'int' };
    }
    const { indicator, previous } = found;
    let value: number | null;
    if (previous) {
      const recorded = this.context.history.get(this.context.previousKey, this.table, rowKey, indicator.name);
      let column = this.previous.get(name);
      if (!column) {
        column = { filled: 0, missingRows: [] };
        this.previous.set(name, column);
      }
      if (recorded === undefined) column.missingRows.push(rowKey);
      else column.filled++;
      value = recorded ?? null;
    } else {
      value = indicator.needsDeadline && !this.context.hasDeadlineColumn ? null : indicator.value(counts);
    }
    const cell = indicator.kind === 'rate' ? rateCell(value, total) : countCell(value, total);
    return previous ? cell : { ...cell, figure: { table: this.table, row: rowKey, indicator: indicator.name } };
  }

  /** The 上期 columns seen so far, as the history filled them. */
  previousColumns(): PreviousColumn[] {
    return [...this.previous].map(([column, entry]) => ({ table: this.table, column, filled: entry.filled, missingRows: entry.missingRows }));
  }

  /** Every catalogue figure of a row, for the history sheet. */
  record(rowKey: string, counts: CaseCounts): HistoryRecord[] {
    return indicatorNames.map((name) => {
      const indicator = findIndicator(name, this.scope)?.indicator;
      const value = !indicator || (indicator.needsDeadline && !this.context.hasDeadlineColumn) ? null : indicator.value(counts);
      return { period: this.context.periodKey, table: this.table, row: rowKey, indicator: name, value, asOf: this.context.asOfText, recordedAt: this.context.builtAtText };
    });
  }
}

/** The notes under a table; a table with 上期 columns says where they came from, true of its own cells. */
function addNotes(builder: GridBuilder, context: TableContext, previous: readonly PreviousColumn[]): void {
  builder.addBlankRow();
  const lines = [...context.notes];
  if (previous.length) lines.splice(1, 0, context.previousNote(previous.some((column) => column.filled > 0)));
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
    builder.addRow([labelCell(row.key, row.total), ...columns.map((name) => filler.cell(name, row.key, row.counts, row.total))]);
    history.push(...filler.record(row.key, row.counts));
  }
  addNotes(builder, context, filler.previousColumns());
  return { grid: builder.toSheet(sheetName(context, table), { freezeRows: 2, freezeCols: 1 }), history, unknownColumns: [...filler.unknown], previousColumns: filler.previousColumns() };
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
    const figures = columns.map((name) => filler.cell(name, key, row.counts, total));
    // A unit not in the settings is not recorded: once the clerk adds it and rebuilds, it is. (A wrong
    // unit column can give 100,000 such rows, whose history would be larger than the export.)
    if (row.known) history.push(...filler.record(key, row.counts));
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
  const totalIndex = builder.addRow([labelCell('总计', true), labelCell('', true), ...columns.map((name) => filler.cell(name, '总计', stats.cityTotal, true))]);
  builder.merge(totalIndex, 0, totalIndex, 1);
  history.push(...filler.record('总计', stats.cityTotal));
  addNotes(builder, context, filler.previousColumns());
  return { grid: builder.toSheet(sheetName(context, table), { freezeRows: 2, freezeCols: 2 }), history, unknownColumns: [...filler.unknown], previousColumns: filler.previousColumns() };
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
    builder.addRow([labelCell(name), ...stats.counties.map((county) => filler.cell(name, county.name, county.counts, false))]);
  }
  const history = stats.counties.flatMap((county) => filler.record(county.name, county.counts));
  history.push(...filler.record('合计', stats.countyTotal));
  addNotes(builder, context, filler.previousColumns());
  return { grid: builder.toSheet(sheetName(context, table), { freezeRows: 2, freezeCols: 1, wrapWidth: 14 }), history, unknownColumns: [...filler.unknown], previousColumns: filler.previousColumns() };
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
    const start = builder.addRow([labelCell(kind.kind), labelCell('合计', true), ...columns.map((name) => filler.cell(name, `${kind.kind}/合计`, kind.counts, true))]);
    history.push(...filler.record(`${kind.kind}/合计`, kind.counts));
    for (const subType of kind.subTypes.slice(0, howMany)) {
      const key = `${kind.kind}/${subType.name}`;
      builder.addRow([labelCell(kind.kind), labelCell(subType.name), ...columns.map((name) => filler.cell(name, key, subType.counts, false))]);
      history.push(...filler.record(key, subType.counts));
    }
    builder.merge(start, 0, builder.rowCount - 1, 0);
  }
  addNotes(builder, context, filler.previousColumns());
  return { grid: builder.toSheet(sheetName(context, table), { freezeRows: 2, freezeCols: 2 }), history, unknownColumns: [...filler.unknown], previousColumns: filler.previousColumns() };
}

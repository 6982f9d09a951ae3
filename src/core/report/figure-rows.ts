/**
 * The figure cells of a table's rows, for every table kind (the standard case and 12345 tables and
 * the clerk's own): each column entry resolved once against the table's catalogue, each cell's value
 * from this period's figures or the history, the figure key on every cell that shows a figure of this
 * period, and the history records that hold the same values. Unknown entries and missing history are
 * collected for the table's warnings.
 */
import type { GridCell } from '../model/grid.ts';
import { evaluateIndicator, type Catalogue } from '../stats/indicators.ts';
import type { HistoryLookup, HistoryRecord } from './history.ts';
import { columnCell, columnValue, currentSource, historySource, resolveColumn, type ColumnResolution, type IndicatorColumn, type RowSources } from './indicator-columns.ts';

/** Which earlier period a column reads, if any. */
function earlierPeriodOf(column: IndicatorColumn): 'previous' | 'lastYear' | null {
  if (column.comparison === 'previous' || column.comparison === 'change' || column.comparison === 'changeRate') return 'previous';
  if (column.comparison === 'lastYear' || column.comparison === 'yearChangeRate') return 'lastYear';
  return null;
}
import type { ChangeStyle } from './rate-display.ts';

/** A column that reads an earlier period (上期X, X环比, 去年同期X …), as the history filled it. */
export interface EarlierColumn {
  /** The column as printed. */
  readonly column: string;
  readonly which: 'previous' | 'lastYear';
  /** Cells the history gave a figure for. */
  readonly filled: number;
  /** Row keys it gave none for. */
  readonly missingRows: readonly string[];
}

/** One row's figures of this period: base counts and targets by name, and its 合计 row's (for 占比). */
export interface FigureRow {
  readonly key: string;
  readonly figures: ReadonlyMap<string, number | null>;
  readonly totalKey?: string;
  readonly totalFigures?: ReadonlyMap<string, number | null>;
}

export interface FigureRowsOptions {
  readonly catalogue: Catalogue;
  readonly history: HistoryLookup;
  readonly periodKey: string;
  readonly previousKey: string;
  readonly lastYearKey: string;
  /** The history table the rows record into; the figure keys name it. */
  readonly table: string;
  /** Where a row's earlier figures are looked up, in order (default: `table`, the row's key). */
  readonly placesOf?: (rowKey: string) => readonly { readonly table: string; readonly row: string }[];
  readonly changeStyle?: ChangeStyle;
  /** Names recorded for every row besides the indicators shown. */
  readonly alwaysRecorded: readonly string[];
  /**
   * Leave out the names always recorded whose value is 0 (a figure shown is recorded even when 0).
   * A build's table that lacks a count of a row had 0 of it (`historySource`), so nothing is lost,
   * and the history of a table by 社区 or 小类 stays a fraction of its size.
   */
  readonly sparse?: boolean;
  readonly asOfText: string;
  readonly builtAtText: string;
}

export class FigureRows {
  /** Column entries that are no indicator (their cells stay empty). */
  readonly unknown = new Set<string>();
  private readonly resolved = new Map<string, ColumnResolution>();
  private readonly tally = new Map<string, { column: string; which: 'previous' | 'lastYear'; filled: number; missingRows: string[] }>();

  constructor(private readonly options: FigureRowsOptions) {}

  /** The entry resolved against the catalogue (once per entry). */
  resolve(entry: string): ColumnResolution {
    let found = this.resolved.get(entry);
    if (!found) {
      found = resolveColumn(entry, this.options.catalogue);
      this.resolved.set(entry, found);
    }
    return found;
  }

  /** The resolved column of an entry, or null (noted as unknown). */
  column(entry: string): IndicatorColumn | null {
    const resolution = this.resolve(entry);
    if (resolution.ok) return resolution.column;
    this.unknown.add(entry);
    return null;
  }

  private places(rowKey: string) {
    return this.options.placesOf?.(rowKey) ?? [{ table: this.options.table, row: rowKey }];
  }

  private sources(row: FigureRow): RowSources {
    const { history, catalogue, previousKey, lastYearKey } = this.options;
    const earlier = (key: string) => historySource(history, key, this.places(row.key), catalogue, row.totalKey === undefined ? undefined : historySource(history, key, this.places(row.totalKey), catalogue));
    return {
      current: currentSource(row.figures, row.totalFigures ? currentSource(row.totalFigures) : undefined),
      previous: earlier(previousKey),
      lastYear: earlier(lastYearKey),
    };
  }

  /** The value of an entry for a row (null for an unknown entry), noting missing history unless only `peek`ing (sorting). */
  value(entry: string, row: FigureRow, peek = false): number | null {
    const column = this.column(entry);
    if (!column) return null;
    const { value, missing } = columnValue(column, this.options.catalogue, this.sources(row));
    const which = earlierPeriodOf(column);
    if (which !== null && !peek) {
      const key = `${entry}\u0000${which}`;
      let entryTally = this.tally.get(key);
      if (!entryTally) this.tally.set(key, (entryTally = { column: entry, which, filled: 0, missingRows: [] }));
      if (missing === null) entryTally.filled++;
      else entryTally.missingRows.push(row.key);
    }
    return value;
  }

  /** The cell of an entry for a row; a figure of this period carries its history key. */
  cell(entry: string, row: FigureRow, total: boolean): GridCell {
    const column = this.column(entry);
    if (!column) return { value: null, role: 'int', bold: total || undefined };
    const cell = columnCell(column, this.value(entry, row), total, this.options.changeStyle ?? 'sign');
    return column.comparison === 'current' ? { ...cell, figure: { table: this.options.table, row: row.key, indicator: column.indicator.name } } : cell;
  }

  /**
   * The row's figures for the history: the names always recorded, and every indicator shown. `sparse`
   * (default: the table's option) leaves out the names always recorded that are 0.
   */
  record(row: FigureRow, sparse = this.options.sparse ?? false): HistoryRecord[] {
    const { catalogue, periodKey, table, asOfText, builtAtText } = this.options;
    const source = currentSource(row.figures, row.totalFigures ? currentSource(row.totalFigures) : undefined);
    const shown = new Set([...this.resolved.values()].flatMap((resolution) => (resolution.ok && resolution.column.comparison === 'current' ? [resolution.column.indicator.name] : [])));
    const records: HistoryRecord[] = [];
    for (const name of new Set([...this.options.alwaysRecorded, ...shown])) {
      const indicator = catalogue.find(name);
      const value = indicator ? (evaluateIndicator(indicator, catalogue, source) ?? null) : null;
      if (sparse && value === 0 && !shown.has(name) && catalogue.isBase(name)) continue;
      records.push({ period: periodKey, table, row: row.key, indicator: name, value, asOf: asOfText, recordedAt: builtAtText });
    }
    return records;
  }

  /** The columns that read an earlier period, as the history filled them. */
  get earlier(): EarlierColumn[] {
    return [...this.tally.values()];
  }
}

/**
 * The history sheet (历史指标): a long table of every figure each build recorded, so that next
 * month's 上期 columns show what was reported. The clerk may type or correct figures there; a later
 * build of the same period replaces that period's rows of the tables it builds, and keeps the rest.
 */
import type { RawSheet } from '../model/raw-sheet.ts';
import type { GridCell, SheetGrid } from '../model/grid.ts';
import type { BuildWarning } from '../model/warning.ts';
import { cellToText, normalizeText } from '../text/normalize.ts';
import { isPeriodKey, monthKeysOf } from '../time/period.ts';

export const historySheetName = '历史指标';
export const historyHeaders = ['期间', '表', '行', '指标', '数值', '统计时点', '记录时间', '说明'] as const;
/** The 说明 of a figure recorded by 定稿 (finalise); a rebuild keeps such figures. */
export const finalNote = '定稿';

export interface HistoryRecord {
  /** The period's key: `2021-09`, `2021-W37`, `2021-Q3`, `2021-H1`, `2021`. */
  readonly period: string;
  /** Table name: 案件概况, 部门处置, 县区办理, 12345受理 … */
  readonly table: string;
  /** Row key: a source, `一级/二级`, `一级/合计`, 总计 … */
  readonly row: string;
  readonly indicator: string;
  readonly value: number | null;
  readonly asOf: string;
  readonly recordedAt: string;
  /** 定稿, or 定稿（手工修改，原值 4381）; absent for a build's own record. */
  readonly note?: string;
}

/** Whether a record was written by 定稿. */
export function isFinalRecord(record: HistoryRecord): boolean {
  return record.note?.startsWith(finalNote) ?? false;
}

/** Reads a number the clerk may have typed: 0.9928, `99.28%`, `1,234`; null for blank or text. */
export function parseFigure(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = normalizeText(cellToText(value)).replace(/,/g, '');
  if (text === '') return null;
  const percent = /^(-?\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) return Number(percent[1]) / 100;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** Reads the history sheet; rows it cannot read are reported, never dropped silently. */
export function readHistorySheet(sheet: RawSheet): { records: HistoryRecord[]; warnings: BuildWarning[] } {
  const records: HistoryRecord[] = [];
  const badRows: number[] = [];
  const firstRow = sheet.firstRow ?? 1;
  const headerIndex = sheet.rows.findIndex((row) => cellToText(row[0]) === historyHeaders[0] && cellToText(row[1]) === historyHeaders[1]);
  if (headerIndex < 0) {
    return {
      records,
      warnings: sheet.rows.length
        ? [{ kind: 'settings', sheet: sheet.name, rows: [], message: '历史指标表缺少表头"期间、表、行、指标、数值"，上期数据无法读取。', action: '恢复表头，或删除此表让下次生成时重建。' }]
        : [],
    };
  }
  for (let index = headerIndex + 1; index < sheet.rows.length; index++) {
    const row = sheet.rows[index];
    const texts = [0, 1, 2, 3, 5, 6].map((col) => cellToText(row[col]));
    if (texts.every((text) => text === '') && (row[4] === null || row[4] === undefined || row[4] === '')) continue;
    const [period, table, rowKey, indicator, asOf, recordedAt] = texts;
    if (!isPeriodKey(period) || table === '' || rowKey === '' || indicator === '') {
      badRows.push(firstRow + index);
      continue;
    }
    const note = cellToText(row[7]);
    records.push({ period, table, row: rowKey, indicator, value: parseFigure(row[4]), asOf, recordedAt, ...(note ? { note } : {}) });
  }
  const warnings: BuildWarning[] = badRows.length
    ? [{ kind: 'settings', sheet: sheet.name, rows: badRows, message: `历史指标表有 ${badRows.length} 行无法读取（期间应为 2021-09、2021-W37、2021-Q3、2021-H1 或 2021 这样的格式，表、行、指标不能为空），已忽略。`, action: '改正这些行，或删除它们。' }]
    : [];
  return { records, warnings };
}

/**
 * Replaces `period`'s rows of the given tables with `fresh`, keeping every other row in its order.
 * Figures recorded by 定稿 stay: they are what was published, and a rebuild does not unpublish them.
 */
export function mergeHistory(existing: readonly HistoryRecord[], fresh: readonly HistoryRecord[]): HistoryRecord[] {
  const replaced = new Set(fresh.map((record) => `${record.period}\u0000${record.table}`));
  const keyOf = (record: HistoryRecord) => [record.period, record.table, record.row, record.indicator].join('\u0000');
  const finalKeys = new Set(existing.filter(isFinalRecord).map(keyOf));
  return [...existing.filter((record) => !replaced.has(`${record.period}\u0000${record.table}`) || isFinalRecord(record)), ...fresh.filter((record) => !finalKeys.has(keyOf(record)))];
}

/** Looks up recorded figures; when a key was recorded twice, the later row wins. */
export class HistoryLookup {
  private readonly values = new Map<string, number | null>();
  private readonly periods = new Set<string>();
  private readonly built = new Set<string>();
  constructor(records: readonly HistoryRecord[]) {
    for (const record of records) {
      this.values.set(HistoryLookup.key(record.period, record.table, record.row, record.indicator), record.value);
      this.periods.add(`${record.period}\u0000${record.table}`);
      if (record.recordedAt !== '') this.built.add(`${record.period}\u0000${record.table}`);
    }
  }
  private static key(period: string, table: string, row: string, indicator: string): string {
    return [period, table, row, indicator].join('\u0000');
  }
  /** The recorded value, null when recorded empty, undefined when never recorded. */
  get(period: string, table: string, row: string, indicator: string): number | null | undefined {
    return this.values.get(HistoryLookup.key(period, table, row, indicator));
  }
  /** Whether anything was recorded for that period and table. */
  has(period: string, table: string): boolean {
    return this.periods.has(`${period}\u0000${table}`);
  }
  /**
   * A base count of a quarter, half or year that was not recorded as such, as the sum of its months'
   * (a month that recorded the table but not the row had 0 of it); null when a month's figure is empty;
   * undefined unless every month of the period recorded the table. Rates are never summed: they are
   * rebuilt from the summed counts.
   */
  sumOfMonths(periodKey: string, table: string, row: string, indicator: string): number | null | undefined {
    const months = monthKeysOf(periodKey);
    if (months.length === 0 || !months.every((month) => this.wasBuilt(month, table))) return undefined;
    let sum = 0;
    for (const month of months) {
      const value = this.get(month, table, row, indicator);
      if (value === null) return null;
      sum += value ?? 0;
    }
    return sum;
  }

  /**
   * Whether a build recorded that period and table (rows with a 记录时间). A build records every row
   * of its tables, so a row it did not record had nothing to count; rows typed by hand (记录时间
   * blank) may be only the few a published brief showed.
   */
  wasBuilt(period: string, table: string): boolean {
    return this.built.has(`${period}\u0000${table}`);
  }
}

/** The history sheet as a grid: header row, then one row per record. */
export function historyToGrid(records: readonly HistoryRecord[]): SheetGrid {
  const header: GridCell[] = historyHeaders.map((text) => ({ value: text, role: 'header' }));
  const rows: GridCell[][] = records.map((record) => [
    { value: record.period, role: 'plain' },
    { value: record.table, role: 'plain' },
    { value: record.row, role: 'plain' },
    { value: record.indicator, role: 'plain' },
    { value: record.value, role: 'plain' },
    { value: record.asOf, role: 'plain' },
    { value: record.recordedAt, role: 'plain' },
    { value: record.note ?? null, role: 'plain' },
  ]);
  return { name: historySheetName, role: 'history', cells: [header, ...rows], merges: [], colWidths: [10, 12, 28, 16, 12, 18, 20, 28], freeze: { rows: 1, cols: 0 } };
}

/**
 * Rows a sheet of Excel holds (1,048,576) less the header: the most records one history sheet holds.
 * A big city records about 8,000 figures a month, so weekly and monthly builds over a few years can
 * exceed it; the older years then move to sheets of their own (`historyToGrids`), never cut.
 */
export const historySheetRowLimit = 1_048_576 - 1;

const archivePattern = /^历史指标（(\d{4})年(?:之(\d+))?）$/;

/** The name of the sheet that keeps a year's history when the history outgrows one sheet: 历史指标（2019年）, 历史指标（2019年之2）. */
export function historyArchiveName(year: string, part = 1): string {
  return `${historySheetName}（${year}年${part > 1 ? `之${part}` : ''}）`;
}

/** Whether a sheet holds history: 历史指标, or one of its yearly sheets. */
export function isHistorySheetName(name: string): boolean {
  return name === historySheetName || archivePattern.test(name);
}

/** A workbook's history sheets in reading order: the yearly sheets, oldest first, then 历史指标. */
function historySheetsOf(sheets: readonly RawSheet[]): RawSheet[] {
  const rank = (name: string) => {
    const match = archivePattern.exec(name);
    return match ? Number(match[1]) * 1000 + Number(match[2] ?? 1) : Number.POSITIVE_INFINITY;
  };
  return sheets.filter((sheet) => isHistorySheetName(sheet.name)).sort((left, right) => rank(left.name) - rank(right.name));
}

/**
 * The history of a workbook (历史指标 and its yearly sheets), with a previous report's history sheets
 * (`carried`, the `--from` workbook's) under it: the workbook's own rows win.
 */
export function readHistorySheets(sheets: readonly RawSheet[], carried: readonly RawSheet[] = []): { records: HistoryRecord[]; warnings: BuildWarning[] } {
  const readAll = (list: readonly RawSheet[]) => {
    const records: HistoryRecord[] = [];
    const warnings: BuildWarning[] = [];
    for (const sheet of historySheetsOf(list)) {
      const read = readHistorySheet(sheet);
      for (const record of read.records) records.push(record);
      warnings.push(...read.warnings);
    }
    return { records, warnings };
  };
  const own = readAll(sheets);
  if (carried.length === 0) return own;
  const other = readAll(carried);
  return { records: mergeHistory(other.records, own.records), warnings: [...own.warnings, ...other.warnings] };
}

/**
 * The history as sheets: one 历史指标 while it fits one sheet; past that, the newest years that fit
 * stay in 历史指标 and each older year gets a sheet of its own (a year larger than a sheet, several),
 * so nothing is cut and every later build reads them all. `note` says so when it happened.
 */
export function historyToGrids(records: readonly HistoryRecord[], rowLimit = historySheetRowLimit): { grids: SheetGrid[]; note: BuildWarning } {
  const note = (moved: readonly string[]): BuildWarning => ({
    kind: 'historyArchived',
    sheet: historySheetName,
    rows: [],
    message: `"${historySheetName}"已有 ${records.length} 行，超过 Excel 每张表 ${(rowLimit + 1).toLocaleString('en-US')} 行的上限：较早年份的数值分别保存在 ${moved.map((name) => `"${name}"`).join('、')} 表中，没有丢弃任何一行；生成时会读取所有这些表，上期、去年同期照常取得。`,
    action: '请保留这些表（不要删除或改名）；要手工补录往期数值，可写在任一张历史指标表的末尾。',
  });
  if (records.length <= rowLimit) return { grids: [historyToGrid(records)], note: note([]) };
  const byYear = new Map<string, HistoryRecord[]>();
  for (const record of records) {
    const year = record.period.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(record);
    else byYear.set(year, [record]);
  }
  // Chunks of at most a sheet, oldest year first; 历史指标 takes the newest chunks that fit together.
  const chunks: { year: string; part: number; records: HistoryRecord[] }[] = [];
  for (const year of [...byYear.keys()].sort()) {
    const list = byYear.get(year) as HistoryRecord[];
    for (let start = 0, part = 1; start < list.length; start += rowLimit, part++) chunks.push({ year, part, records: list.slice(start, start + rowLimit) });
  }
  let mainRows = 0;
  let firstMain = chunks.length;
  while (firstMain > 0 && mainRows + chunks[firstMain - 1].records.length <= rowLimit) mainRows += chunks[--firstMain].records.length;
  const archived = chunks.slice(0, firstMain).map((chunk) => {
    const parts = chunks.filter((other) => other.year === chunk.year).length;
    return { ...historyToGrid(chunk.records), name: historyArchiveName(chunk.year, parts > 1 ? chunk.part : 1) };
  });
  const main = historyToGrid(chunks.slice(firstMain).flatMap((chunk) => chunk.records));
  return { grids: [main, ...archived], note: note(archived.map((grid) => grid.name)) };
}

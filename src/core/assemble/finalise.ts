/**
 * 定稿 (finalise): the period's figures as published, read back from the report sheets after the
 * clerk's edits, recorded into 历史指标, so that next month's 上期 columns show what was actually
 * sent out. Every figure of the period gets the 说明 定稿; one the clerk changed by hand says so, with
 * the value the build had written. A later rebuild of the period keeps these figures.
 */
import type { FigureKey, SheetGrid } from '../model/grid.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import { finalNote, historySheetName, historyToGrids, readHistorySheets, type HistoryRecord } from '../report/history.ts';
import { formatRate } from '../report/rate-display.ts';
import { readBackPeriod } from './read-back.ts';
import { periodWords } from '../time/period.ts';

export interface FinaliseOptions {
  /** `2021-09`. */
  readonly period: string;
  /** When, as wall-clock text (`2021-10-11 09:00`): the 记录时间 of the finalised figures. */
  readonly finalisedAt: string;
}

export interface EditedFigure {
  readonly sheet: string;
  readonly key: FigureKey;
  readonly written: number | null;
  readonly value: number | null;
}

export interface FinaliseResult {
  readonly periodKey: string;
  readonly periodLabel: string;
  /** The history sheets to write: 历史指标 (and, once the history outgrows a sheet, its yearly sheets). */
  readonly historySheets: readonly SheetGrid[];
  /** How many figures of the period were recorded as published. */
  readonly recorded: number;
  /** Figures the clerk changed by hand. */
  readonly edited: readonly EditedFigure[];
  readonly warnings: readonly BuildWarning[];
  /** A line or two in Chinese for the CLI and the task pane. */
  readonly summary: readonly string[];
}

const keyOf = (period: string, key: FigureKey) => [period, key.table, key.row, key.indicator].join('\u0000');

/** How a recorded figure is written in a note: counts as they are, rates (between 0 and 1, not integers) as the brief prints them. */
function figureText(value: number | null, indicator: string): string {
  if (value === null) return '空';
  return indicator.endsWith('率') || indicator === '占比' ? formatRate(value) : String(value);
}

/** Records the period's figures as they stand in its report sheets now. Throws InputError when the period was never built here. */
export function finaliseReport(sheets: readonly RawSheet[], options: FinaliseOptions): FinaliseResult {
  const period = readBackPeriod(sheets, options.period);
  const historyRead = readHistorySheets(sheets);
  const warnings: BuildWarning[] = [...period.warnings, ...historyRead.warnings];

  const now = new Map<string, { sheet: string; value: number | null; written: number | null; edited: boolean; key: FigureKey }>();
  for (const { layout, read } of period.sheets) {
    for (const figure of read.figures) {
      const id = keyOf(period.periodKey, figure.key);
      const seen = now.get(id);
      // A figure shown twice (a total in two places): an edit of either counts.
      if (!seen || (!seen.edited && figure.edited)) now.set(id, { sheet: layout.sheet, value: figure.value, written: figure.written, edited: figure.edited, key: figure.key });
    }
  }

  const edited: EditedFigure[] = [];
  const seenKeys = new Set<string>();
  const finalise = (record: HistoryRecord): HistoryRecord => {
    const id = keyOf(record.period, record);
    seenKeys.add(id);
    const shown = now.get(id);
    if (shown?.edited) {
      edited.push({ sheet: shown.sheet, key: shown.key, written: shown.written, value: shown.value });
      return { ...record, value: shown.value, recordedAt: options.finalisedAt, note: `${finalNote}（手工修改，原值 ${figureText(shown.written, record.indicator)}，见"${shown.sheet}"）` };
    }
    return { ...record, recordedAt: options.finalisedAt, note: finalNote };
  };
  const records = historyRead.records.map((record) => (record.period === period.periodKey ? finalise(record) : record));
  // Figures shown on a sheet but missing from the history (the clerk deleted rows there): recorded again.
  const asOf = historyRead.records.find((record) => record.period === period.periodKey)?.asOf ?? '';
  for (const [id, shown] of now) {
    if (seenKeys.has(id)) continue;
    records.push(finalise({ period: period.periodKey, table: shown.key.table, row: shown.key.row, indicator: shown.key.indicator, value: shown.written, asOf, recordedAt: options.finalisedAt }));
  }
  const recorded = records.filter((record) => record.period === period.periodKey).length;
  const summary = [
    `${period.periodLabel}已定稿：${recorded} 个数值记入"${historySheetName}"（说明列为"${finalNote}"），${periodWords(period.period).next}的上期列将取这些数值。`,
    edited.length
      ? `其中 ${edited.length} 个是手工修改过的：${edited
          .slice(0, 6)
          .map((figure) => `${figure.key.table} ${figure.key.row} ${figure.key.indicator} ${figureText(figure.written, figure.key.indicator)}→${figureText(figure.value, figure.key.indicator)}`)
          .join('；')}${edited.length > 6 ? ' 等' : ''}。`
      : '各表中的数值都没有手工修改过。',
  ];
  return { periodKey: period.periodKey, periodLabel: period.periodLabel, historySheets: historyToGrids(records).grids, recorded, edited, warnings, summary };
}

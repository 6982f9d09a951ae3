/**
 * What a table says about its columns of earlier periods (上期X, X环比, 去年同期X, X同比 …): the note
 * under it (where the figures came from, or that the history lacks them: true of that table's own
 * cells, and only under a table that has such columns), and the build's warnings: one per earlier
 * period naming every table and column the history left empty, and one per table naming the rows it
 * lacks where the rest of a column was filled (a row typed by hand for only some rows), with how to
 * type the missing figures into 历史指标.
 */
import type { BuildWarning } from '../model/warning.ts';
import type { TableContext } from './case-tables.ts';
import type { EarlierColumn } from './figure-rows.ts';
import { historySheetName } from './history.ts';
import { kindOfKey, orItsMonths } from '../time/period.ts';

/** A table's earlier-period columns, for the warnings. */
export interface EarlierTable {
  /** The sheet (`2021年9月-部门处置`). */
  readonly sheet: string;
  /** The name a clerk types into 历史指标's 表 column (部门处置, 高发小类). */
  readonly name: string;
  /** The name the build records the rows under, when it differs (按问题类型/小类). */
  readonly rowsName?: string;
  readonly columns: readonly EarlierColumn[];
}

const words = { previous: '上期', lastYear: '去年同期' } as const;

/** The note lines under a table about its earlier-period columns (none when it has none). */
export function earlierNotes(context: Pick<TableContext, 'previousNote' | 'lastYearLabel'>, columns: readonly EarlierColumn[]): string[] {
  const lines: string[] = [];
  const previous = columns.filter((column) => column.which === 'previous');
  if (previous.length) lines.push(context.previousNote(previous.some((column) => column.filled > 0)));
  const lastYear = columns.filter((column) => column.which === 'lastYear');
  if (lastYear.length) {
    lines.push(
      lastYear.some((column) => column.filled > 0)
        ? `去年同期为${context.lastYearLabel}，取自"${historySheetName}"表。`
        : `"${historySheetName}"表中没有${context.lastYearLabel}的数据，本表的去年同期列为空；可在该表中补录（格式见"月报设置"末尾的说明）。`,
    );
  }
  return lines;
}

const listed = (names: readonly string[], most = 8) => (names.length > most ? `${names.slice(0, most).join('、')} 等 ${names.length} 行` : names.join('、'));

/** The warnings about earlier periods the history lacks, over every table of the build. */
export function earlierWarnings(tables: readonly EarlierTable[], context: Pick<TableContext, 'previousLabel' | 'previousKey' | 'lastYearLabel' | 'lastYearKey'>): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  for (const which of ['previous', 'lastYear'] as const) {
    const [label, key] = which === 'previous' ? [context.previousLabel, context.previousKey] : [context.lastYearLabel, context.lastYearKey];
    const howToType = (names: readonly string[]) => `每个数一行：期间 ${key}，表 ${names.join('、')}，行名、指标、数值，统计时点和记录时间留空（格式见"月报设置"末尾的说明）`;
    // Columns no cell of which found a figure: the period is missing for that table.
    const empty = tables
      .map((table) => ({ table, columns: table.columns.filter((column) => column.which === which && column.filled === 0 && column.missingRows.length > 0) }))
      .filter((entry) => entry.columns.length > 0);
    if (empty.length) {
      const parts = empty.map(({ table, columns }) => `"${table.sheet}"的${columns.map((column) => column.column).join('、')}列`);
      const names = empty.map(({ table }) => (table.rowsName ? `${table.name}（或 ${table.rowsName}）` : table.name));
      warnings.push({
        kind: 'noHistory',
        sheet: historySheetName,
        rows: [],
        message: `"${historySheetName}"表中没有${label}（${words[which]}）的数值，${parts.join('，')}为空。`,
        action: which === 'previous' ? `先用${label}的导出生成一次${orItsMonths(kindOfKey(key))}，或在"${historySheetName}"表中补录：${howToType(names)}。` : `在"${historySheetName}"表中补录去年的数（如照去年的简报）：${howToType(names)}；生成过${label}的工作簿里则已有。`,
      });
    }
    // Columns filled but for some rows: those rows had no figure that period (or were not typed).
    for (const table of tables) {
      const partial = table.columns.filter((column) => column.which === which && column.filled > 0 && column.missingRows.length > 0);
      if (!partial.length) continue;
      const rows = [...new Set(partial.flatMap((column) => column.missingRows))];
      warnings.push({
        kind: 'noHistory',
        sheet: table.sheet,
        rows: [],
        message: `"${table.sheet}"中 ${listed(rows)} 在"${historySheetName}"表中没有${label}的数值（${words[which]}没有这一行，或补录时没有录），这些行的${partial.map((column) => column.column).join('、')}格为空。`,
        action: `如${words[which]}确有数值，可在"${historySheetName}"表中补录（期间 ${key}，表 ${table.name}，行 ${rows[0]}）。`,
      });
    }
  }
  return warnings;
}

/**
 * Warnings about the 12345 orders of a build: orders outside the period, units not in the settings,
 * and a previous period missing from the history (so 较上期 cannot be given).
 */
import type { BuildWarning } from '../model/warning.ts';
import type { HotlineStatistics } from '../stats/hotline-statistics.ts';
import { historySheetName } from '../report/history.ts';
import { orItsMonths, periodLabel, periodWords, type Period } from '../time/period.ts';
import type { OutsidePeriodTally } from './case-warnings.ts';
import { warningsByValue } from './row-warnings.ts';
import { unknownUnitRowLimit } from '../stats/case-statistics.ts';

/** `outside`: the orders of the 12345 sheets outside the period (null for a period built from the history). */
export function orderWarnings(outside: OutsidePeriodTally | null, hotline: HotlineStatistics, period: Period, previousReceived: number | null, previousLabel: string): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  for (const [sheet, rows] of outside?.rowsBySheet ?? []) {
    warnings.push({ kind: 'outsidePeriod', sheet, rows, message: `${rows.length} 件工单的受理时间不在${periodLabel(period)}，不计入本期。`, action: `无需处理；要统计其他${periodWords(period).others}，请选择对应的统计期。` });
  }
  warnings.push(
    ...warningsByValue(hotline.unknownUnitOrders, {
      kind: 'unknownUnit',
      column: '承办单位',
      keyOf: (order) => order.unitText,
      named: (unitText, rows) => ({
        message: `承办单位"${unitText}"不在设置的单位表中（${rows.length} 件），在部门受理表中单独列出。`,
        action: `在"月报设置"的【一级单位】中加上它（分组可填"其他"），或把它加到某个单位的"其他写法"中。`,
      }),
      rest: (values, rows) => ({
        message: `另有 ${values.length} 个承办单位不在设置的单位表中（共 ${rows.length} 件，如 ${values.slice(0, 3).join('、')}）；部门受理表单独列出件数最多的 ${unknownUnitRowLimit} 个，其余合为一行，合计不少一件。`,
        action: '请检查导出表的承办单位列是否选对；单位确实是这些时，在"月报设置"的【一级单位】中加上它们。',
      }),
    }),
  );
  if (previousReceived === null) {
    warnings.push({ kind: 'noHistory', sheet: historySheetName, rows: [], message: `没有${previousLabel}的12345受理数，"较上期"无法计算。`, action: `先用${previousLabel}的导出生成一次${orItsMonths(period.kind)}，或在"${historySheetName}"表中补录（表 12345受理，行 总计，指标 受理数）。` });
  }
  return warnings;
}


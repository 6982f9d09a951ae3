/**
 * The build's reconciliation: the figures of its tables recounted another way, so the task pane and
 * the CLI can say that they agree (indicators.md, outputs.md "Warnings"): unit rows sum to 总计, city
 * 总计 + county 受理数 = the overview's 应处置数, 12345 by unit = by category = 受理数, and every row of
 * every export sheet has a place.
 */
import type { RowAccounting } from '../ingest/read-cases.ts';
import type { CaseCounts } from '../stats/case-counts.ts';
import type { CaseStatistics } from '../stats/case-statistics.ts';
import type { HotlineStatistics } from '../stats/hotline-statistics.ts';
import { periodWords, type Period } from '../time/period.ts';

export interface ReconciliationCheck {
  readonly name: string;
  readonly ok: boolean;
  /** The figures compared, in Chinese. */
  readonly detail: string;
}

/** Every row below an export sheet's header is a record, a blank or totals row, a bad row, or a replaced duplicate. */
export function accountingCheck(sheet: RowAccounting, recordWord: string): ReconciliationCheck {
  const notCounted = sheet.notCountedRows ?? 0;
  const parts = sheet.records + sheet.blankRows + sheet.totalsRows + sheet.badRows + sheet.replacedRows + notCounted;
  return {
    name: `"${sheet.sheet}"每一行都有去处`,
    ok: parts === sheet.rowsAfterHeader,
    detail: `表头下 ${sheet.rowsAfterHeader} 行 = ${recordWord} ${sheet.records} + 空行 ${sheet.blankRows} + 合计行 ${sheet.totalsRows} + 无法统计 ${sheet.badRows} + 重复被替换 ${sheet.replacedRows}${notCounted ? ` + 协办不计 ${notCounted}` : ''}`,
  };
}

const compared: readonly (keyof CaseCounts)[] = ['dispatched', 'disposed', 'dueClose', 'closed'];
const comparedLabels: Readonly<Partial<Record<keyof CaseCounts, string>>> = { dispatched: '应处置数', disposed: '处置数', dueClose: '应结案数', closed: '结案数', reported: '上报数' };

/** How many cases (or 12345 orders) a build counted: every one read (each id once), and those outside the period. */
export interface CasesSeen {
  readonly seen: number;
  readonly outside: number;
}

export function reconcileCases(stats: CaseStatistics, cases: CasesSeen, period: Period, accounting: readonly RowAccounting[]): ReconciliationCheck[] {
  const checks: ReconciliationCheck[] = [];
  // The city departments' cases recounted case by case from their flags, not from the unit rows.
  const city = stats.cityRecount;
  const unitRows = stats.unitRows.filter((row) => row.role === 'unit');
  const sumOf = (list: readonly { counts: CaseCounts }[], field: keyof CaseCounts) => list.reduce((sum, row) => sum + row.counts[field], 0);
  checks.push({
    name: '部门处置：各单位之和 = 总计',
    ok: compared.every((field) => sumOf(unitRows, field) === city[field] && stats.cityTotal[field] === city[field]),
    detail: compared.map((field) => `${comparedLabels[field]} ${sumOf(unitRows, field)} / ${city[field]}`).join('，'),
  });
  const subtotalsOk = stats.unitRows
    .filter((row) => row.role === 'subtotal')
    .every((subtotal) => compared.every((field) => sumOf(unitRows.filter((row) => row.level1 === subtotal.level1), field) === subtotal.counts[field]));
  checks.push({ name: '部门处置：各二级单位之和 = 合计', ok: subtotalsOk, detail: subtotalsOk ? '各合计行相符' : '有合计行与其二级单位之和不符' });
  checks.push({
    name: '市局总计 + 县区受理数 = 案件概况应处置数',
    ok: stats.cityTotal.dispatched + stats.countyTotal.dispatched === stats.total.dispatched && stats.cityTotal.disposed + stats.countyTotal.disposed === stats.total.disposed && stats.cityTotal.dueClose + stats.countyTotal.dueClose === stats.total.dueClose,
    detail: `应处置 ${stats.cityTotal.dispatched} + ${stats.countyTotal.dispatched} = ${stats.cityTotal.dispatched + stats.countyTotal.dispatched}（案件概况 ${stats.total.dispatched}）；处置 ${stats.cityTotal.disposed} + ${stats.countyTotal.disposed} = ${stats.cityTotal.disposed + stats.countyTotal.disposed}（${stats.total.disposed}）；应结案 ${stats.cityTotal.dueClose} + ${stats.countyTotal.dueClose} = ${stats.cityTotal.dueClose + stats.countyTotal.dueClose}（${stats.total.dueClose}）`,
  });
  const sourcesOk = (['reported', ...compared] as (keyof CaseCounts)[]).every((field) => sumOf(stats.bySource, field) === stats.total[field]);
  checks.push({ name: '案件概况：各来源之和 = 总计', ok: sourcesOk, detail: `上报 ${sumOf(stats.bySource, 'reported')} / ${stats.total.reported}` });
  checks.push(...accounting.map((sheet) => accountingCheck(sheet, '案件')));
  checks.push({ name: `本期案件 + 其他${periodWords(period).others}案件 = 全部案件`, ok: stats.cohortSize + cases.outside === cases.seen, detail: `本期 ${stats.cohortSize} + 其他 ${cases.outside} = ${cases.seen}` });
  return checks;
}

export function reconcileHotline(hotline: HotlineStatistics, orders: CasesSeen, period: Period, accounting: readonly RowAccounting[]): ReconciliationCheck[] {
  const byUnit = hotline.byUnit.reduce((sum, unit) => sum + unit.count, 0);
  const byCategory = hotline.byCategory.reduce((sum, category) => sum + category.count, 0);
  const byReturns = hotline.returnsByUnit.reduce((sum, unit) => sum + unit.count, 0);
  return [
    { name: '12345：按单位之和 = 按类别之和 = 受理数', ok: byUnit === hotline.received && byCategory === hotline.received, detail: `按单位 ${byUnit}，按类别 ${byCategory}，受理数 ${hotline.received}` },
    { name: '12345：各单位回退之和 = 回退数', ok: byReturns === hotline.returned, detail: `${byReturns} / ${hotline.returned}` },
    { name: `12345：本期工单 + 其他${periodWords(period).others}工单 = 全部工单`, ok: hotline.received + orders.outside === orders.seen, detail: `本期 ${hotline.received} + 其他 ${orders.outside} = ${orders.seen}` },
    ...accounting.map((sheet) => accountingCheck(sheet, '工单')),
  ];
}

/**
 * A period built from the history (its months' figures added up): its tables checked against each
 * other and their 总计 rows, as a build from rows checks them (each month's rows were accounted for
 * when it was built; there are no rows here to account for).
 */
export function reconcileSums(stats: CaseStatistics | null, hotline: HotlineStatistics | null, period: Period): ReconciliationCheck[] {
  const others = `其他${periodWords(period).others}`;
  return [
    ...(stats ? reconcileCases(stats, { seen: stats.cohortSize, outside: 0 }, period, []) : []),
    ...(hotline ? reconcileHotline(hotline, { seen: hotline.received, outside: 0 }, period, []) : []),
  ].filter((check) => !check.name.includes(others));
}

/**
 * What an export's columns do not allow, said once per sheet and plainly: a figure that cannot be
 * computed from the columns the platform exports is named, with why and what to export instead.
 * (A missing deadline column of a cases sheet has its own warning in `case-warnings.ts`.)
 */
import type { SheetCaseFacts } from '../stats/case-statistics.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { SheetLayout } from '../ingest/detect-header.ts';

const has = (layout: SheetLayout, ...fields: string[]) => fields.some((field) => layout.columns[field] !== undefined);

/** Warnings about the figures the cases sheets' columns cannot give. */
export function caseColumnWarnings(layouts: readonly SheetLayout[], sheets: ReadonlyMap<string, SheetCaseFacts>): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  for (const layout of layouts) {
    const cases = sheets.get(layout.sheet) ?? { cases: 0, voided: 0, withKind: 0 };
    const voided = cases.voided;
    if (voided && !has(layout, 'acceptedAt', 'filedAt')) {
      warnings.push({
        kind: 'notAvailable',
        sheet: layout.sheet,
        rows: [],
        message: `这张表没有受理时间、立案时间列，看不出 ${voided} 件作废案件作废前是否已受理、立案：它们只计入上报数。`,
        action: '如要计入受理数、立案数，导出时加上"受理时间""立案时间"列。',
      });
    }
    if (has(layout, 'deadline') && !has(layout, 'overdueFlag', 'onTimeFlag', 'disposedAt')) {
      warnings.push({
        kind: 'notAvailable',
        sheet: layout.sheet,
        rows: [],
        message: `这张表没有处置完成时间列，也没有是否超期（超时）列：按期处置、按期结案${has(layout, 'closedAt') ? '以结案时间是否早于处置截止时间来判断' : '无法判断'}。`,
        action: '导出时加上"处置完成时间"（或"处理时间"）或"是否超时"列，按期数字会更准。',
      });
    }
    if (cases.cases && cases.withKind === 0) {
      warnings.push({
        kind: 'notAvailable',
        sheet: layout.sheet,
        rows: [],
        message: '这张表看不出案件是事件还是部件（没有问题类型列，大类、小类也不是国家标准的名称）："高发问题"表为空。',
        action: '导出时加上"问题类型"列，或在"月报设置"的【大类】中给每个大类填上问题类型（事件/部件）。',
      });
    }
  }
  return warnings;
}

/** Warnings about the 12345 figures the 12345 sheets' columns cannot give. */
export function orderColumnWarnings(layouts: readonly SheetLayout[], hasReturnsSheet: boolean): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  for (const layout of layouts) {
    if (!has(layout, 'deadline', 'overdueFlag')) {
      warnings.push({ kind: 'notAvailable', sheet: layout.sheet, rows: [], message: '这张表没有办理时限列，也没有是否超期列：超期工单数无法判断（不是 0）。', action: '导出时加上"办理时限"或"是否超期"列。' });
    }
    if (!has(layout, 'returnCount') && !hasReturnsSheet) {
      warnings.push({ kind: 'notAvailable', sheet: layout.sheet, rows: [], message: '这张表没有回退次数列，工作簿里也没有回退记录表：回退工单数无法统计。', action: '导出时加上"回退次数"列，或把回退记录导出成一张表放进同一个工作簿。' });
    }
    if (!has(layout, 'status')) {
      warnings.push({ kind: 'notAvailable', sheet: layout.sheet, rows: [], message: '这张表没有工单状态（办理状态）列：看不出哪些工单已办结，全部算作正在办理。', action: '导出时加上"工单状态"列。' });
    }
  }
  return warnings;
}

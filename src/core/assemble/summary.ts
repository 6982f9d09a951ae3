/**
 * The few lines in Chinese that the CLI prints and the task pane shows after a build: the period's
 * main case and 12345 figures, the as-of time and where it came from, and whether the checks agree.
 */
import type { CaseStatistics } from '../stats/case-statistics.ts';
import type { HotlineStatistics } from '../stats/hotline-statistics.ts';
import { ratio } from '../stats/case-counts.ts';
import { formatRate } from '../report/rate-display.ts';
import type { ReconciliationCheck } from './reconcile.ts';

export interface SummaryInput {
  readonly periodLabel: string;
  readonly statistics: CaseStatistics | null;
  readonly hotline: HotlineStatistics | null;
  readonly asOfText: string;
  /** `（导出数据中最晚的事件时间）` and the like. */
  readonly asOfWhy: string;
  readonly reconciliation: readonly ReconciliationCheck[];
  /** Built from the history's figures of its months (no raw rows). */
  readonly fromHistory?: boolean;
}

export function summaryLines(input: SummaryInput): string[] {
  const { periodLabel: label, statistics, hotline, reconciliation } = input;
  const lines: string[] = [];
  if (statistics) {
    const total = statistics.total;
    lines.push(
      `${label}数字城管案件：上报 ${total.reported} 件，受理 ${total.accepted} 件，立案 ${total.filed} 件，应处置 ${total.dispatched} 件，处置 ${total.disposed} 件（处置率 ${formatRate(ratio(total.disposed, total.dispatched)) || '—'}），应结案 ${total.dueClose} 件，结案 ${total.closed} 件（结案率 ${formatRate(ratio(total.closed, total.dueClose)) || '—'}）。`,
    );
  }
  if (hotline) {
    lines.push(`${label}12345工单：受理 ${hotline.received} 件，已办结 ${hotline.done} 件，正在办理 ${hotline.inProgress} 件，超期 ${hotline.overdueKnown ? `${hotline.overdue} 件` : '无法判断'}，回退 ${hotline.returnsKnown ? `${hotline.returned} 件` : '无法统计'}${input.fromHistory ? '' : `，热难点 ${hotline.repeatGroups.length} 个`}。`);
  }
  lines.push(`统计时点：${input.asOfText}${input.asOfWhy}。`);
  const failed = reconciliation.filter((check) => !check.ok).length;
  lines.push(failed === 0 ? `对账：${reconciliation.length} 项全部相符。` : `对账：${failed} 项不符，请查看。`);
  return lines;
}

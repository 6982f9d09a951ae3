/**
 * Whether the exports cover every month of a quarter, half or year. A clerk building 2021-Q3 from a
 * workbook that holds September's export alone gets September's figures under the quarter's name;
 * the build says which months have no case (or no order) at all, and how to get the whole period.
 */
import type { BuildWarning } from '../model/warning.ts';
import { historySheetName } from '../report/history.ts';
import { endOfPeriod, isMadeOfMonths, monthsOf, periodLabel, type Period } from '../time/period.ts';
import type { WallTime } from '../time/wall-time.ts';

export class MonthCoverage {
  private readonly ends: number[];
  private readonly labels: string[];
  /** Cases (or orders) of the period in each of its months, in order; empty for a month or a week. */
  readonly counts: number[];

  constructor(private readonly period: Period) {
    const months = isMadeOfMonths(period) ? monthsOf(period) : [];
    this.ends = months.map((month) => endOfPeriod(month));
    this.labels = months.map((month) => periodLabel(month));
    this.counts = months.map(() => 0);
  }

  /** One case (or order) of the period, at `time`. */
  add(time: WallTime): void {
    const ends = this.ends;
    for (let index = 0; index < ends.length; index++) {
      if (time < ends[index]) {
        this.counts[index]++;
        return;
      }
    }
  }

  /** The months with nothing in them, when another month has something (else []). */
  emptyMonths(): string[] {
    if (!this.counts.some((count) => count > 0)) return [];
    return this.labels.filter((_, index) => this.counts[index] === 0);
  }

  /** The warning about the months without any case (`noun` 案件) or order (工单), or null. */
  warning(noun: string, sheets: readonly string[]): BuildWarning | null {
    const empty = this.emptyMonths();
    if (empty.length === 0) return null;
    const label = periodLabel(this.period);
    return {
      kind: 'partialPeriod',
      sheet: sheets[0] ?? historySheetName,
      rows: [],
      message: `${label}中 ${empty.join('、')} 没有一件${noun}：导出表${sheets.length ? `（${sheets.map((sheet) => `"${sheet}"`).join('、')}）` : ''}可能只含部分月份，${label}的数字只是其余月份的。`,
      action: `要统计整个${label}，请把各月的导出都放进工作簿（命令行可一次给出多个文件或一个文件夹）；各月都已逐月生成过时，也可以在没有导出表的工作簿中由"${historySheetName}"汇总生成。确实没有${noun}的月份无需处理。`,
    };
  }
}

/**
 * Warnings about the cases of a build: cases outside the period, unknown units and sources, dispatched
 * cases without a unit, cases whose on-time status cannot be judged, a missing deadline column, and
 * units under the on-time warning line. Each names the sheet and rows and says what to do.
 */
import type { CaseRecord } from '../model/case-record.ts';
import type { SheetGrid } from '../model/grid.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { unknownUnitRowLimit, type CaseStatistics } from '../stats/case-statistics.ts';
import { formatRate } from '../report/rate-display.ts';
import { isInPeriod, periodContaining, periodLabel, periodWords, type Period, type PeriodRules } from '../time/period.ts';
import { periodRules } from './choose-period.ts';
import { rowWarnings, warningsByValue } from './row-warnings.ts';

/**
 * The cases outside the period, tallied as they are read (a month held in memory, or a year streamed):
 * their rows by sheet, and how many fall in each other period of the build's kind (labelled once per day).
 */
export class OutsidePeriodTally {
  readonly rowsBySheet = new Map<string, number[]>();
  readonly byLabel = new Map<string, number>();
  count = 0;
  private readonly labelOfDay = new Map<number, string>();
  /** A day of each other period (to list them in time order). */
  private readonly startOf = new Map<string, number>();
  private readonly rules: PeriodRules;

  constructor(
    private readonly period: Period,
    settings: Settings,
  ) {
    this.rules = periodRules(settings);
  }

  add(sheet: string, row: number, reportedAt: number): void {
    this.count++;
    const rows = this.rowsBySheet.get(sheet);
    if (rows) rows.push(row);
    else this.rowsBySheet.set(sheet, [row]);
    // Periods start at midnight, so every time of a day is in the same period: one label per day.
    const day = Math.floor(reportedAt / 86_400_000);
    let label = this.labelOfDay.get(day);
    if (label === undefined) {
      label = periodLabel(periodContaining(reportedAt, this.rules, this.period.kind));
      this.labelOfDay.set(day, label);
      // Periods do not overlap: any day of one orders it among the others.
      if (!this.startOf.has(label)) this.startOf.set(label, day);
    }
    this.byLabel.set(label, (this.byLabel.get(label) ?? 0) + 1);
  }

  /**
   * The other periods and their counts in time order, as a sentence lists them: every one when they
   * are few, else the first and last few and how many in all (a year of weekly exports is 50 weeks).
   */
  describe(): string {
    const parts = [...this.byLabel].sort(([left], [right]) => (this.startOf.get(left) as number) - (this.startOf.get(right) as number)).map(([name, count]) => `${name} ${count} 件`);
    if (parts.length <= 8) return parts.join('，');
    return `${parts.slice(0, 3).join('，')}，……，${parts.slice(-3).join('，')}，共 ${parts.length} 个${periodWords(this.period).others}`;
  }
}

/** The cases of a list outside the period, tallied. */
export function outsidePeriodOf(records: readonly CaseRecord[], period: Period, settings: Settings): OutsidePeriodTally {
  const tally = new OutsidePeriodTally(period, settings);
  for (const record of records) if (!isInPeriod(record.reportedAt, period)) tally.add(record.sheet, record.row, record.reportedAt);
  return tally;
}

export function caseWarnings(outside: OutsidePeriodTally, stats: CaseStatistics, period: Period, settings: Settings, hasDeadlineColumn: boolean, reportSheets: readonly SheetGrid[]): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  if (outside.count) {
    const parts = outside.describe();
    for (const [sheet, rows] of outside.rowsBySheet) {
      warnings.push({
        kind: 'outsidePeriod',
        sheet,
        rows,
        message: `${rows.length} 件案件的上报时间不在${periodLabel(period)}（${parts}），不计入本期。`,
        action: `无需处理；要统计其他${periodWords(period).others}，请选择对应的统计期。`,
      });
    }
  }
  warnings.push(
    ...warningsByValue(stats.unknownUnitCases, {
      kind: 'unknownUnit',
      column: '处置部门',
      keyOf: (record) => record.unitText,
      named: (unitText, rows) => ({
        message: `处置部门"${unitText}"不在设置的单位表中（${rows.length} 件），在"部门处置"表中单独列出。`,
        action: `在"月报设置"的【一级单位】或【二级单位】中加上它，或把"${unitText}"加到某个单位的"其他写法"中，然后重新生成。`,
      }),
      rest: (values, rows) => ({
        message: `另有 ${values.length} 个处置部门不在设置的单位表中（共 ${rows.length} 件，如 ${values.slice(0, 3).join('、')}）；"部门处置"表单独列出件数最多的 ${unknownUnitRowLimit} 个，其余合为一行，总计不少一件。`,
        action: '这么多单位不在设置中，多半是处置部门列选错了，或单位名称里带了编号、人名等：请检查导出表的处置部门列；单位确实是这些时，在"月报设置"的【一级单位】中加上它们。',
      }),
    }),
  );
  if (stats.dispatchedWithoutUnit.length) {
    warnings.push(
      ...rowWarnings(stats.dispatchedWithoutUnit, (sheet, rows) => ({
        kind: 'missingUnit',
        sheet,
        rows,
        column: '处置部门',
        message: `${rows.length} 件已派遣案件没有处置部门，在"部门处置"表中列为"（未填处置部门）"。`,
        action: '在导出表中补上处置部门后重新生成。',
      })),
    );
  }
  warnings.push(
    ...warningsByValue(
      stats.unknownSourceCases,
      {
        kind: 'unknownSource',
        column: '问题来源',
        keyOf: (record) => record.source,
        named: (source, rows) => ({
          message: `问题来源"${source}"不在设置中（${rows.length} 件），在"案件概况"中排在已设置的来源之后。`,
          action: `如是某个来源的别称，把它加到"月报设置"【问题来源】的"其他写法"中。`,
        }),
        rest: (values, rows) => ({
          message: `另有 ${values.length} 个问题来源不在设置中（共 ${rows.length} 件，如 ${values.slice(0, 3).join('、')}）。`,
          action: '请检查导出表的问题来源列是否选对；来源确实是这些时，在"月报设置"【问题来源】中加上它们。',
        }),
      },
    ),
  );
  if (hasDeadlineColumn) {
    const unjudged = stats.onTimeUnjudgedCases;
    if (unjudged.length) {
      warnings.push(
        ...rowWarnings(unjudged, (sheet, rows) => ({
          kind: 'onTimeUnjudged',
          sheet,
          rows,
          message: `${rows.length} 件已处置案件缺少处置截止时间或处置完成时间，无法判断是否按期，按"未按期"计。`,
          action: '在导出表中补上这些时间，或导出"是否超期"列。',
        })),
      );
    }
  } else {
    warnings.push({ kind: 'noDeadlineColumn', sheet: stats.firstSheet, rows: [], message: '案件表没有处置截止时间列：应结案数按应处置数计，按期处置、按期结案各列为空。', action: '导出时加上"处置截止时间"或"捆绑处置截止时间"列。' });
  }
  const unitSheet = reportSheets[1]?.name ?? '';
  // Units of the settings only: a unit not in the settings is warned about already, and 30,000 of them
  // (a wrong unit column) must not give 30,000 more warnings.
  for (const row of stats.unitRows) {
    const rate = row.counts.dueClose ? row.counts.closedOnTime / row.counts.dueClose : null;
    if (row.known && hasDeadlineColumn && rate !== null && rate < settings.onTimeClosureWarnBelow) {
      warnings.push({
        kind: 'lowRate',
        sheet: unitSheet,
        rows: [],
        message: `${row.level2 ? `${row.level1}${row.level2 === '合计' ? '（合计）' : row.level2}` : row.level1}按期结案率 ${formatRate(rate)}，低于警戒线 ${formatRate(settings.onTimeClosureWarnBelow)}。`,
        action: '可在简报的具体分析中提示该单位及时处置并回复。',
      });
    }
  }
  return warnings;
}


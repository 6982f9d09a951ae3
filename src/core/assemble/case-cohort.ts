/**
 * Everything a build counts of its cases, case by case: each case of the period is flagged once (at the
 * as-of time, `stats/case-flags.ts`) and its flags go to the case tables' tally, the focus topics' tally
 * and the clerk's own tables; a case outside the period is noted for its warning. A month held in
 * memory and a year streamed from twelve files are counted by this one class, so they cannot differ.
 */
import type { CaseRecord } from '../model/case-record.ts';
import type { Settings } from '../settings/settings.ts';
import { flagCase, type CaseFlags } from '../stats/case-flags.ts';
import { CaseTally } from '../stats/case-statistics.ts';
import { CaseTopicTally } from '../stats/focus-topics.ts';
import type { CustomTableTallies } from '../report/custom-tables.ts';
import { isInPeriod, type Period } from '../time/period.ts';
import type { WallTime } from '../time/wall-time.ts';
import { OutsidePeriodTally } from './case-warnings.ts';
import { MonthCoverage } from './month-coverage.ts';

export interface CaseCohortOptions {
  readonly period: Period;
  /**
   * The as-of time; null when it is not known until every row has been read (a streamed year whose
   * as-of time is its latest event): the few cases whose flags depend on it (open, with a deadline)
   * wait until `settle` gives it, every other case is counted at once.
   */
  readonly asOf: WallTime | null;
  readonly settings: Settings;
  /** false: no cases sheet has a deadline column (应结案数 = 应处置数, the 按期 counts empty). */
  readonly hasDeadlineColumn: boolean;
  readonly custom: CustomTableTallies;
  /** Names and numbers of the exports' personal columns known so far, for the topics' place names. */
  readonly personal?: ReadonlySet<string>;
}

export class CaseCohortTally {
  readonly statistics: CaseTally;
  readonly topics: CaseTopicTally;
  readonly outside: OutsidePeriodTally;
  /** The period's cases by month (a quarter, half or year). */
  readonly months: MonthCoverage;
  /** Every case added, in the period or not. */
  seen = 0;
  private seq = 0;
  private asOf: WallTime | null;
  private readonly pending: { readonly record: CaseRecord; readonly seq: number }[] = [];

  constructor(private readonly options: CaseCohortOptions) {
    this.asOf = options.asOf;
    this.statistics = new CaseTally(options.settings);
    this.topics = new CaseTopicTally(options.settings, options.personal);
    this.outside = new OutsidePeriodTally(options.period, options.settings);
    this.months = new MonthCoverage(options.period);
  }

  /** Counts one case (a record of the export that won over any earlier row of its id); `seq` is its place among them (default: the order added). */
  add(record: CaseRecord, seq = this.seq++): void {
    this.seen++;
    if (!isInPeriod(record.reportedAt, this.options.period)) {
      this.outside.add(record.sheet, record.row, record.reportedAt);
      return;
    }
    this.months.add(record.reportedAt);
    if (this.asOf === null) {
      // Flags at the earliest possible as-of time: they hold at any as-of time unless the case is open
      // past a deadline then, which only the as-of time can tell.
      const flags = flagCase(record, Number.NEGATIVE_INFINITY, this.options.hasDeadlineColumn);
      if (this.options.hasDeadlineColumn && flags.dispatched && !flags.disposed && record.deadline !== null) this.pending.push({ record, seq });
      else this.count(record, flags, seq);
      return;
    }
    this.count(record, flagCase(record, this.asOf, this.options.hasDeadlineColumn), seq);
  }

  /** Gives the as-of time once it is known, and counts the cases that waited for it. */
  settle(asOf: WallTime): void {
    if (this.asOf !== null) return;
    this.asOf = asOf;
    for (const { record, seq } of this.pending) this.count(record, flagCase(record, asOf, this.options.hasDeadlineColumn), seq);
    this.pending.length = 0;
  }

  /** Cases waiting for the as-of time. */
  get waiting(): number {
    return this.pending.length;
  }

  private count(record: CaseRecord, flags: CaseFlags, seq: number): void {
    this.statistics.add(record, flags);
    this.topics.add(record, flags.accepted, seq);
    if (this.options.custom.countsCases) this.options.custom.addCase({ record, flags });
  }
}

/**
 * Per-case flags (indicators.md, "Per-case flags"): where a case stands on the life-cycle ladder,
 * read from its stage as exported; the as-of time only decides whether an open case is past its deadline.
 */
import type { CaseRecord } from '../model/case-record.ts';
import type { WallTime } from '../time/wall-time.ts';
import { ladderRank } from '../ingest/resolve-stage.ts';

export interface CaseFlags {
  readonly accepted: boolean;
  readonly filed: boolean;
  readonly selfDisposed: boolean;
  readonly dispatched: boolean;
  readonly disposed: boolean;
  readonly overdueOpen: boolean;
  readonly dueClose: boolean;
  readonly closed: boolean;
  readonly disposedOnTime: boolean;
  readonly closedOnTime: boolean;
  /** Disposed, but neither an overdue column nor times tell whether on time. */
  readonly onTimeUnjudged: boolean;
  readonly reworked: boolean;
  readonly postponed: boolean;
}

/**
 * Flags one case of the cohort. `hasDeadlineColumn` false means 应结案数 = 应处置数 (no case can be
 * judged overdue) and the on-time flags stay false.
 */
export function flagCase(record: CaseRecord, asOf: WallTime, hasDeadlineColumn = true): CaseFlags {
  const stage = record.stage;
  const rank = stage === null ? 0 : ladderRank[stage];
  const voided = stage === 'voided';
  const stopped = stage === 'notAccepted' || stage === 'notFiled';
  const accepted = voided ? record.acceptedAt !== null || record.filedAt !== null : stage !== 'notAccepted' && rank >= 1;
  const filed = voided ? record.filedAt !== null : !stopped && rank >= 2;
  const selfDisposed = record.selfDisposed && !voided && !stopped && accepted;
  const dispatched = filed && !voided && !selfDisposed && rank >= 3;
  const disposed = dispatched && (rank >= 4 || record.disposedAt !== null);
  const overdueOpen = hasDeadlineColumn && dispatched && !disposed && record.deadline !== null && record.deadline < asOf;
  const dueClose = hasDeadlineColumn ? disposed || overdueOpen : dispatched;
  const closed = dispatched && stage === 'closed';
  let disposedOnTime = false;
  let onTimeUnjudged = false;
  if (disposed && hasDeadlineColumn) {
    if (record.overdue !== null) disposedOnTime = !record.overdue;
    else if (record.deadline !== null && record.disposedAt !== null) disposedOnTime = record.disposedAt <= record.deadline;
    else if (record.deadline !== null && record.closedAt !== null) disposedOnTime = record.closedAt <= record.deadline;
    else onTimeUnjudged = true;
  }
  return {
    accepted,
    filed,
    selfDisposed,
    dispatched,
    disposed,
    overdueOpen,
    dueClose,
    closed,
    disposedOnTime,
    closedOnTime: closed && disposedOnTime,
    onTimeUnjudged,
    reworked: dispatched && record.reworkCount > 0,
    postponed: dispatched && record.postponeCount > 0,
  };
}

/**
 * Counts over a group of cases (a source, a unit, the whole cohort) and the rates derived from them.
 * A rate with a zero denominator is null: the table shows an empty cell, not 0% and not an error.
 */
import type { CaseFlags } from './case-flags.ts';

export interface CaseCounts {
  reported: number;
  accepted: number;
  filed: number;
  dispatched: number;
  disposed: number;
  disposedOnTime: number;
  dueClose: number;
  closed: number;
  closedOnTime: number;
  selfDisposed: number;
  reworked: number;
  postponed: number;
  overdueOpen: number;
  onTimeUnjudged: number;
}

/** A fresh set of zero counts. */
export function emptyCaseCounts(): CaseCounts {
  return {
    reported: 0,
    accepted: 0,
    filed: 0,
    dispatched: 0,
    disposed: 0,
    disposedOnTime: 0,
    dueClose: 0,
    closed: 0,
    closedOnTime: 0,
    selfDisposed: 0,
    reworked: 0,
    postponed: 0,
    overdueOpen: 0,
    onTimeUnjudged: 0,
  };
}

/** Adds one case of the cohort to `counts` (mutates `counts`, which the caller owns). */
export function addCaseFlags(counts: CaseCounts, flags: CaseFlags): void {
  counts.reported++;
  if (flags.accepted) counts.accepted++;
  if (flags.filed) counts.filed++;
  if (flags.dispatched) counts.dispatched++;
  if (flags.disposed) counts.disposed++;
  if (flags.disposedOnTime) counts.disposedOnTime++;
  if (flags.dueClose) counts.dueClose++;
  if (flags.closed) counts.closed++;
  if (flags.closedOnTime) counts.closedOnTime++;
  if (flags.selfDisposed) counts.selfDisposed++;
  if (flags.reworked) counts.reworked++;
  if (flags.postponed) counts.postponed++;
  if (flags.overdueOpen) counts.overdueOpen++;
  if (flags.onTimeUnjudged) counts.onTimeUnjudged++;
}

/** Sums several groups' counts into a new object. */
export function sumCaseCounts(groups: readonly CaseCounts[]): CaseCounts {
  const total = emptyCaseCounts();
  for (const group of groups) {
    for (const key of Object.keys(total) as (keyof CaseCounts)[]) total[key] += group[key];
  }
  return total;
}

/** numerator / denominator, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

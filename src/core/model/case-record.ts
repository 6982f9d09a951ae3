/**
 * One case of the 数字化城管 system, read from one row of a cases sheet. Times are wall times
 * (`time/wall-time.ts`); a time the row did not give is null. The unit is kept as spelled and as resolved.
 */
import type { StageStep } from '../settings/settings.ts';
import type { WallTime } from '../time/wall-time.ts';

/** A unit resolved through the settings' units table. */
export interface ResolvedUnit {
  /** First-level unit name as the settings spell it, or the spelling itself for an unknown unit. */
  readonly level1: string;
  /** Second-level unit name, or null for a first-level unit (as a whole). */
  readonly level2: string | null;
  readonly known: boolean;
}

export interface CaseRecord {
  /** Sheet the row came from, and its row number (1-based), for warnings. */
  readonly sheet: string;
  readonly row: number;
  readonly caseId: string;
  /** Source as the settings name it (or as spelled, when not configured). */
  readonly source: string;
  readonly sourceKnown: boolean;
  readonly reportedAt: WallTime;
  readonly stageText: string;
  /** null: the stage text matched no stage word (counts as reported only). */
  readonly stage: StageStep | null;
  readonly unitText: string;
  readonly unit: ResolvedUnit | null;
  readonly kind: string;
  readonly mainType: string;
  readonly subType: string;
  readonly description: string;
  readonly address: string;
  readonly district: string;
  readonly street: string;
  readonly community: string;
  readonly pointType: string;
  readonly acceptedAt: WallTime | null;
  readonly filedAt: WallTime | null;
  readonly dispatchedAt: WallTime | null;
  readonly deadline: WallTime | null;
  readonly disposedAt: WallTime | null;
  readonly closedAt: WallTime | null;
  /** true: the export says overdue; false: says not overdue; null: no such column or blank. */
  readonly overdue: boolean | null;
  readonly selfDisposed: boolean;
  readonly reworkCount: number;
  readonly postponeCount: number;
}

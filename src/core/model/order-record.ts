/**
 * One 12345 work order handled by the bureau, read from a row of a hotline sheet. The caller's name
 * and phone number are never part of it: free text is kept as exported and masked before any output.
 */
import type { ResolvedUnit } from './case-record.ts';
import type { WallTime } from '../time/wall-time.ts';

export interface OrderRecord {
  readonly sheet: string;
  readonly row: number;
  readonly orderId: string;
  readonly receivedAt: WallTime;
  readonly unitText: string;
  readonly unit: ResolvedUnit | null;
  /** Category levels joined with `/` (一级/二级/…); matching reads the whole path. */
  readonly categoryPath: string;
  /** The finest category level, for display. */
  readonly categoryLeaf: string;
  /** Content as exported (may hold phone numbers or names: mask before output). */
  readonly content: string;
  readonly address: string;
  readonly status: string;
  readonly done: boolean;
  readonly deadline: WallTime | null;
  readonly finishedAt: WallTime | null;
  /** true/false when an overdue column says so; null otherwise. */
  readonly overdue: boolean | null;
  /** Times returned (from the count column or the returns sheet). */
  readonly returnCount: number;
  readonly orderType: string;
  /** Id of the order this one repeats, when the export links them. */
  readonly repeatOf: string;
}

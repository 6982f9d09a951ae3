/**
 * Counts over a group of 12345 orders (a unit, a category, the whole cohort), the hotline twin of
 * `case-counts.ts`: received, done, in progress, overdue at the as-of time, returned, done on time.
 */
import type { OrderRecord } from '../model/order-record.ts';
import type { WallTime } from '../time/wall-time.ts';

export interface OrderCounts {
  received: number;
  done: number;
  inProgress: number;
  overdue: number;
  returned: number;
  doneOnTime: number;
}

/** A fresh set of zero counts. */
export function emptyOrderCounts(): OrderCounts {
  return { received: 0, done: 0, inProgress: 0, overdue: 0, returned: 0, doneOnTime: 0 };
}

/** What one order contributes: its flags at the as-of time. */
export interface OrderFlags {
  readonly done: boolean;
  readonly overdue: boolean;
  readonly returned: boolean;
}

/** Whether an order is overdue: its overdue column, else finished after its deadline, else open past it at T. */
export function isOrderOverdue(order: OrderRecord, asOf: WallTime): boolean {
  if (order.overdue !== null) return order.overdue;
  if (order.deadline === null) return false;
  if (order.finishedAt !== null) return order.finishedAt > order.deadline;
  return !order.done && order.deadline < asOf;
}

/** The flags of one order; `returnedIds` holds the returns of a returns sheet, by order id. */
export function flagOrder(order: OrderRecord, asOf: WallTime, returnedIds?: ReadonlyMap<string, number>): OrderFlags {
  return { done: order.done, overdue: isOrderOverdue(order, asOf), returned: order.returnCount > 0 || (returnedIds?.get(order.orderId) ?? 0) > 0 };
}

/** Adds one order to `counts` (mutates `counts`, which the caller owns). */
export function addOrderFlags(counts: OrderCounts, flags: OrderFlags): void {
  counts.received++;
  if (flags.done) counts.done++;
  else counts.inProgress++;
  if (flags.overdue) counts.overdue++;
  if (flags.returned) counts.returned++;
  if (flags.done && !flags.overdue) counts.doneOnTime++;
}

/** Sums several groups' counts into a new object. */
export function sumOrderCounts(groups: readonly OrderCounts[]): OrderCounts {
  const total = emptyOrderCounts();
  for (const group of groups) for (const key of Object.keys(total) as (keyof OrderCounts)[]) total[key] += group[key];
  return total;
}

/**
 * The 12345 figures of one period (indicators.md, "12345 work orders"): orders received, done and in
 * progress, overdue, by unit at the 12345 level, by report category, returned orders by second-level
 * unit, and the repeat problems (热难点).
 */
import type { OrderRecord } from '../model/order-record.ts';
import type { Settings } from '../settings/settings.ts';
import { isInPeriod, type Period } from '../time/period.ts';
import type { WallTime } from '../time/wall-time.ts';
import { createPlaceFinder, type Place } from '../text/places.ts';
import { createCategoryMatcher } from './hotline-category.ts';
import { findRepeatProblems, type RepeatGroup } from './repeat-problems.ts';
import { unknownUnitRowLimit } from './case-statistics.ts';
import { addOrderFlags, emptyOrderCounts, flagOrder, isOrderOverdue, sumOrderCounts, type OrderCounts } from './order-counts.ts';

export interface NamedCount {
  readonly name: string;
  readonly count: number;
}

export interface HotlineStatistics {
  readonly cohort: readonly OrderRecord[];
  readonly received: number;
  readonly done: number;
  readonly inProgress: number;
  readonly overdue: number;
  readonly returned: number;
  /** By the unit name used for 12345, most orders first (ties in the settings' order). */
  readonly byUnit: readonly NamedCount[];
  /** By report category, in the settings' order (every category, zero included). */
  readonly byCategory: readonly NamedCount[];
  /** Returned orders by second-level unit (first level where an order names no second level). */
  readonly returnsByUnit: readonly NamedCount[];
  readonly repeatGroups: readonly RepeatGroup[];
  /** Report category of every cohort order, by id. */
  readonly categoryOf: ReadonlyMap<string, string>;
  /** Orders whose unit is not in the settings. */
  readonly unknownUnitOrders: readonly OrderRecord[];
  /** Whether the exports can tell an overdue order (a deadline or an overdue column); without, 超期 is unknown, not 0. */
  readonly overdueKnown: boolean;
  /** Whether the exports can tell a returned order (a return count column or a returns sheet); without, 回退 is unknown. */
  readonly returnsKnown: boolean;
  /** Every count of the cohort, by unit (the names of `byUnit`) and by category, for the catalogue's columns. */
  readonly counts: OrderCounts;
  readonly countsByUnit: ReadonlyMap<string, OrderCounts>;
  readonly countsByCategory: ReadonlyMap<string, OrderCounts>;
}

export interface ComputeHotlineStatisticsOptions {
  readonly period: Period;
  readonly asOf: WallTime;
  readonly settings: Settings;
  /** Returns per order id, from a returns sheet. */
  readonly returnedIds?: ReadonlyMap<string, number>;
  readonly manualGroups?: readonly (readonly string[])[];
  /** Callers' names and numbers from the export: never part of a place name. */
  readonly personal?: ReadonlySet<string>;
  /** Whether the 12345 sheets have a deadline or an overdue column (default true). */
  readonly overdueKnown?: boolean;
  /** Whether the 12345 sheets have a return count column, or a returns sheet exists (default true). */
  readonly returnsKnown?: boolean;
}

const noUnit = '（未填承办单位）';

export { isOrderOverdue };

/** The name an order counts under in the 12345 tables: its first level's 12345 name (执法直属一大队), or its unit as spelled when unknown. */
export function createHotlineUnitNamer(settings: Settings): (order: OrderRecord) => string {
  const hotlineNameOf = new Map(settings.firstLevelUnits.map((unit) => [unit.name, unit.hotlineName || unit.name]));
  return (order) => {
    const unit = order.unit;
    return !unit ? noUnit : unit.known ? (hotlineNameOf.get(unit.level1) ?? unit.level1) : unit.level1;
  };
}

/**
 * Place of an order: first place in its address, else in its content. Addresses repeat (a month's
 * orders name a few thousand buildings), so the place of each address is found once.
 */
export function createOrderPlaceFinder(settings: Settings, personal: ReadonlySet<string> = new Set()): (order: OrderRecord) => Place | null {
  const find = createPlaceFinder(settings.knownCommunities, { personal });
  const byAddress = new Map<string, Place | null>();
  return (order) => {
    let place = byAddress.get(order.address);
    if (place === undefined) {
      place = find(order.address)[0] ?? null;
      byAddress.set(order.address, place);
    }
    return place ?? find(order.content)[0] ?? null;
  };
}

/**
 * Named counts in their order, units not in the settings (rank `unknownFrom` and above) kept up to the limit
 * of the case tables and the rest summed into one row: a chart of 100,000 bars helps nobody, and no
 * order leaves the totals.
 */
function capUnknown(entries: readonly (readonly [string, { count: number; rank: number }])[], unknownFrom: number): NamedCount[] {
  const unknown = entries.filter(([, entry]) => entry.rank >= unknownFrom);
  if (unknown.length <= unknownUnitRowLimit) return entries.map(([name, entry]) => ({ name, count: entry.count }));
  const shown = new Set(unknown.slice(0, unknownUnitRowLimit).map(([name]) => name));
  const rest = unknown.filter(([name]) => !shown.has(name));
  return [
    ...entries.filter(([name, entry]) => entry.rank < unknownFrom || shown.has(name)).map(([name, entry]) => ({ name, count: entry.count })),
    { name: `其余 ${rest.length} 个不在设置中的单位`, count: rest.reduce((sum, [, entry]) => sum + entry.count, 0) },
  ];
}

export function computeHotlineStatistics(orders: readonly OrderRecord[], options: ComputeHotlineStatisticsOptions): HotlineStatistics {
  const { period, asOf, settings } = options;
  const cohort = orders.filter((order) => isInPeriod(order.receivedAt, period));
  const matchCategory = createCategoryMatcher(settings.hotlineCategories);
  const categoryOf = new Map<string, string>();
  const firstIndex = new Map(settings.firstLevelUnits.map((unit, index) => [unit.name, index]));
  const secondIndex = new Map(settings.secondLevelUnits.map((unit, index) => [`${unit.parent}\u0000${unit.name}`, index]));
  const unitNameOf = createHotlineUnitNamer(settings);
  const byUnit = new Map<string, { count: number; rank: number }>();
  const byCategory = new Map(settings.hotlineCategories.map((category) => [category.name, 0]));
  const returns = new Map<string, { count: number; rank: number }>();
  const unknownUnitOrders: OrderRecord[] = [];
  let done = 0;
  let overdue = 0;
  let returned = 0;
  const bump = (map: Map<string, { count: number; rank: number }>, name: string, rank: number) => {
    const entry = map.get(name);
    if (entry) entry.count++;
    else map.set(name, { count: 1, rank });
  };
  const counts = emptyOrderCounts();
  const countsByUnit = new Map<string, OrderCounts>();
  const countsByCategory = new Map(settings.hotlineCategories.map((category) => [category.name, emptyOrderCounts()]));
  const addTo = (map: Map<string, OrderCounts>, key: string, flags: ReturnType<typeof flagOrder>) => {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = emptyOrderCounts()));
    addOrderFlags(entry, flags);
  };
  for (const order of cohort) {
    const category = matchCategory(order.categoryPath, order.content);
    const flags = flagOrder(order, asOf, options.returnedIds);
    addOrderFlags(counts, flags);
    addTo(countsByCategory, category, flags);
    addTo(countsByUnit, unitNameOf(order), flags);
    categoryOf.set(order.orderId, category);
    byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
    if (order.done) done++;
    if (isOrderOverdue(order, asOf)) overdue++;
    const unit = order.unit;
    const level1Rank = unit?.known ? (firstIndex.get(unit.level1) ?? 999) : 1000;
    const unitName = unitNameOf(order);
    if (unit && !unit.known) unknownUnitOrders.push(order);
    bump(byUnit, unitName, level1Rank);
    if (order.returnCount > 0 || (options.returnedIds?.get(order.orderId) ?? 0) > 0) {
      returned++;
      const secondName = unit?.level2 ?? unitName;
      const rank = level1Rank * 1000 + (unit?.level2 ? (secondIndex.get(`${unit.level1}\u0000${unit.level2}`) ?? 998) + 1 : 0);
      bump(returns, secondName, rank);
    }
  }
  const sortByCount = (map: Map<string, { count: number; rank: number }>) =>
    capUnknown([...map].sort(([leftName, left], [rightName, right]) => right.count - left.count || left.rank - right.rank || (leftName < rightName ? -1 : 1)), 1000);
  const sortByRank = (map: Map<string, { count: number; rank: number }>) =>
    capUnknown([...map].sort(([leftName, left], [rightName, right]) => left.rank - right.rank || (leftName < rightName ? -1 : 1)), 1000 * 1000);
  const placeOf = createOrderPlaceFinder(settings, options.personal);
  // One key string per unit (units are shared objects), not one per order.
  const unitKeys = new Map<NonNullable<OrderRecord['unit']>, string>();
  const unitKeyOf = (unit: OrderRecord['unit']) => {
    if (!unit) return '';
    let key = unitKeys.get(unit);
    if (key === undefined) {
      key = `${unit.level1}/${unit.level2 ?? ''}`;
      unitKeys.set(unit, key);
    }
    return key;
  };
  const repeatGroups = findRepeatProblems(cohort, {
    threshold: settings.repeatThreshold,
    categoryOf: (order) => categoryOf.get(order.orderId) ?? '',
    placeOf,
    unitKeyOf: (order) => unitKeyOf(order.unit),
    manualGroups: options.manualGroups,
  });
  const groupRank = (group: RepeatGroup) => {
    const unit = group.representative.unit;
    const first = unit?.known ? (firstIndex.get(unit.level1) ?? 999) : 1000;
    const second = unit?.level2 ? (secondIndex.get(`${unit.level1}\u0000${unit.level2}`) ?? 998) + 1 : 0;
    const category = settings.hotlineCategories.findIndex((entry) => entry.name === group.category);
    return [first, second, category];
  };
  repeatGroups.sort((left, right) => {
    const [a, b] = [groupRank(left), groupRank(right)];
    return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (left.subCategory < right.subCategory ? -1 : left.subCategory > right.subCategory ? 1 : 0) || left.orders[0].receivedAt - right.orders[0].receivedAt;
  });
  const unitList = sortByCount(byUnit);
  // The row that sums the units not in the settings past the limit has their counts summed too.
  const listedUnits = new Set(unitList.map((unit) => unit.name));
  for (const unit of unitList) {
    if (!countsByUnit.has(unit.name)) countsByUnit.set(unit.name, sumOrderCounts([...countsByUnit].filter(([name]) => !listedUnits.has(name)).map(([, counts]) => counts)));
  }
  return {
    cohort,
    received: cohort.length,
    done,
    inProgress: cohort.length - done,
    overdue,
    returned,
    byUnit: unitList,
    byCategory: [...byCategory].map(([name, count]) => ({ name, count })),
    returnsByUnit: sortByRank(returns),
    repeatGroups,
    categoryOf,
    unknownUnitOrders,
    overdueKnown: options.overdueKnown ?? true,
    returnsKnown: options.returnsKnown ?? true,
    counts,
    countsByUnit,
    countsByCategory,
  };
}

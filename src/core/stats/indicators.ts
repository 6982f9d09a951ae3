/**
 * The indicator catalogue (indicators.md, "Counts and rates"): every column a case table can show,
 * by its Chinese name. Tables list indicator names (settings can change the lists), so a new column
 * such as 有效上报率 is a settings edit, not code. Every indicator has a 上期 twin read from history.
 */
import { ratio, type CaseCounts } from './case-counts.ts';

export interface Indicator {
  readonly name: string;
  readonly kind: 'count' | 'rate';
  /** Needs a deadline column (the 按期 figures): empty without one. */
  readonly needsDeadline?: boolean;
  readonly value: (counts: CaseCounts) => number | null;
}

const count = (name: string, value: (c: CaseCounts) => number, needsDeadline = false): Indicator => ({ name, kind: 'count', value, needsDeadline });
const rate = (name: string, value: (c: CaseCounts) => number | null, needsDeadline = false): Indicator => ({ name, kind: 'rate', value, needsDeadline });

const catalogue: readonly Indicator[] = [
  count('上报数', (c) => c.reported),
  count('受理数', (c) => c.accepted),
  count('立案数', (c) => c.filed),
  count('应处置数', (c) => c.dispatched),
  count('派遣数', (c) => c.dispatched),
  count('处置数', (c) => c.disposed),
  rate('处置率', (c) => ratio(c.disposed, c.dispatched)),
  count('按期处置数', (c) => c.disposedOnTime, true),
  rate('按期处置率', (c) => ratio(c.disposedOnTime, c.dispatched), true),
  count('应结案数', (c) => c.dueClose),
  count('结案数', (c) => c.closed),
  rate('结案率', (c) => ratio(c.closed, c.dueClose)),
  count('按期结案数', (c) => c.closedOnTime, true),
  rate('按期结案率', (c) => ratio(c.closedOnTime, c.dueClose), true),
  count('自行处置案件数', (c) => c.selfDisposed),
  rate('立案率', (c) => ratio(c.filed, c.accepted)),
  rate('派遣率', (c) => ratio(c.dispatched, c.filed)),
  count('返工数', (c) => c.reworked),
  rate('返工率', (c) => ratio(c.reworked, c.dueClose)),
  count('延期数', (c) => c.postponed),
  rate('延期率', (c) => ratio(c.postponed, c.dueClose)),
  count('采集上报数', (c) => c.reported),
  count('有效上报数', (c) => c.filed),
  rate('有效上报率', (c) => ratio(c.filed, c.reported)),
  count('超期未处置数', (c) => c.overdueOpen, true),
];

/**
 * In the county table (县区办理) 受理数 is the county's 应处置数 and its rates divide by it: the
 * county receives what the city dispatched to it.
 */
const countyOverrides: readonly Indicator[] = [
  count('受理数', (c) => c.dispatched),
  rate('处置率', (c) => ratio(c.disposed, c.dispatched)),
  rate('结案率', (c) => ratio(c.closed, c.dispatched)),
  rate('按期结案率', (c) => ratio(c.closedOnTime, c.dispatched), true),
];

const byName = new Map(catalogue.map((indicator) => [indicator.name, indicator]));
const countyByName = new Map([...byName, ...countyOverrides.map((indicator) => [indicator.name, indicator] as const)]);

/** Names of every indicator, for the settings sheet's help text. */
export const indicatorNames: readonly string[] = catalogue.map((indicator) => indicator.name);

/** The previous-period twin's prefix: 上期处置率 is 处置率 of the previous period. */
export const previousPrefix = '上期';

/** Looks an indicator name up (with or without the 上期 prefix); null when the name is unknown. */
export function findIndicator(name: string, context: 'city' | 'county' = 'city'): { indicator: Indicator; previous: boolean } | null {
  const previous = name.startsWith(previousPrefix);
  const base = previous ? name.slice(previousPrefix.length) : name;
  const indicator = (context === 'county' ? countyByName : byName).get(base);
  return indicator ? { indicator, previous } : null;
}

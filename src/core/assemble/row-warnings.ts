/**
 * Warnings that list rows: records grouped by a key, then one warning per sheet naming their rows.
 * Every warning about cases or orders goes through here, so each is built once, in linear time.
 */
import type { BuildWarning } from '../model/warning.ts';

/** Records (cases or orders) grouped by a key, in order of first appearance. */
export function groupRows<T>(records: readonly T[], keyOf: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = keyOf(record);
    const list = groups.get(key);
    if (list) list.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

/** One warning per sheet for the records given, listing their rows. */
export function rowWarnings(records: readonly { readonly sheet: string; readonly row: number }[], make: (sheet: string, rows: number[]) => BuildWarning): BuildWarning[] {
  return [...groupRows(records, (record) => record.sheet)].map(([sheet, list]) => make(sheet, list.map((record) => record.row)));
}


/** How many distinct values (units, sources, stages) get a warning each; the others share one. */
export const namedValueWarnings = 20;

export interface ValueGroups<T> {
  /** The most frequent values with their records, most first (ties in order of first appearance). */
  readonly named: readonly (readonly [string, T[]])[];
  /** Every other value and its records, or null when there are none. */
  readonly rest: { readonly values: readonly string[]; readonly records: readonly T[] } | null;
}

/**
 * Records grouped by a value (an unknown unit's spelling, say), the `named` most frequent values each
 * on their own and the rest together: 30,000 unknown units give 21 warnings, not 30,000.
 */
export function groupByValue<T>(records: readonly T[], keyOf: (record: T) => string, named = namedValueWarnings): ValueGroups<T> {
  const groups = [...groupRows(records, keyOf)].sort((left, right) => right[1].length - left[1].length);
  const rest = groups.slice(named);
  return { named: groups.slice(0, named), rest: rest.length ? { values: rest.map(([value]) => value), records: rest.flatMap(([, list]) => list) } : null };
}

/** What a warning about one value (or about the rest) says. */
export interface ValueWarningText {
  readonly message: string;
  readonly action: string;
}

export interface ValueWarnings<T> {
  readonly kind: BuildWarning['kind'];
  readonly column: string;
  readonly keyOf: (record: T) => string;
  /** The warning of one of the most frequent values, for the rows of one sheet. */
  readonly named: (value: string, rows: readonly number[]) => ValueWarningText;
  /** The one warning for every other value (`values` most frequent first), for the rows of one sheet. */
  readonly rest: (values: readonly string[], rows: readonly number[]) => ValueWarningText;
}

/**
 * Warnings about the values of a column that the settings do not know (units, sources): one per
 * sheet for each of the most frequent values, then one per sheet for all the others (`groupByValue`).
 */
export function warningsByValue<T extends { readonly sheet: string; readonly row: number }>(records: readonly T[], how: ValueWarnings<T>): BuildWarning[] {
  const groups = groupByValue(records, how.keyOf);
  const warnings: BuildWarning[] = [];
  for (const [value, list] of groups.named) warnings.push(...rowWarnings(list, (sheet, rows) => ({ kind: how.kind, sheet, rows, column: how.column, ...how.named(value, rows) })));
  const rest = groups.rest;
  if (rest) warnings.push(...rowWarnings(rest.records, (sheet, rows) => ({ kind: how.kind, sheet, rows, column: how.column, ...how.rest(rest.values, rows) })));
  return warnings;
}

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


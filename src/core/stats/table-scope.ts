/**
 * A table's 范围: which records it counts, as the clerk writes it in 【自定义表格】:
 * `问题类型=部件`, `大类=市容环境、街面秩序`, `来源≠12345转办` (also `!=`, `<>`); several conditions
 * separated by `；` all hold. Values are the dimension's values (a source's or unit's other spelling
 * means the same); a value containing 、 can be quoted “…” or 「…」.
 */
import type { Settings } from '../settings/settings.ts';
import { normalizeName } from '../text/normalize.ts';
import { resolveDimension, type CaseFact, type Dimension, type OrderFact } from './dimensions.ts';
import type { Subject } from './indicators.ts';

export interface ScopeCondition {
  readonly dimension: Dimension;
  /** true: the value must not be one of `values` (≠). */
  readonly negate: boolean;
  readonly values: readonly string[];
}

export interface TableScope {
  readonly conditions: readonly ScopeCondition[];
  /** The conditions in one canonical spelling (`问题类型=部件；来源≠12345转办`), '' for every record. */
  readonly text: string;
}

/** Splits a list cell on 、 ， , ； ; and line breaks (as the settings' other lists), keeping items quoted with “” 「」 『』 or "" whole. */
export function splitQuotedList(text: string): string[] {
  const items: string[] = [];
  const pattern = /“([^”]*)”|「([^」]*)」|『([^』]*)』|"([^"]*)"|([^、，,；;\n\r|"“「『]+)/g;
  for (const match of text.matchAll(pattern)) {
    const quoted = match[1] ?? match[2] ?? match[3] ?? match[4];
    const item = (quoted ?? match[5] ?? '').trim();
    if (item !== '') items.push(item);
  }
  return items;
}

/** Reads a 范围 cell for a table of `subject`; problems are in Chinese, for the table's warning. */
export function parseScope(text: string, subject: Subject, settings: Settings): { scope: TableScope; problems: string[] } {
  const problems: string[] = [];
  const conditions: ScopeCondition[] = [];
  for (const part of text.split(/[；;\n]+/).map((piece) => piece.trim()).filter(Boolean)) {
    const match = /^(.+?)\s*(≠|!=|<>|=|＝)\s*(.*)$/.exec(part.normalize('NFKC').replace(/！=/g, '!='));
    if (!match) {
      problems.push(`"${part}"应写成 维度=值 或 维度≠值（如 问题类型=部件）`);
      continue;
    }
    const resolved = resolveDimension(match[1]);
    if (!resolved) {
      problems.push(`"${match[1]}"不是维度`);
      continue;
    }
    if (resolved.dimension.subject !== subject) {
      problems.push(`"${resolved.dimension.name}"是${subject === 'cases' ? '12345工单' : '数字城管案件'}的维度，不能用于本表`);
      continue;
    }
    const values = splitQuotedList(match[3]).map((value) => resolved.dimension.canonical(value, settings));
    if (values.length === 0) {
      problems.push(`"${part}"没有写值`);
      continue;
    }
    conditions.push({ dimension: resolved.dimension, negate: match[2] !== '=' && match[2] !== '＝', values });
  }
  const textOf = (condition: ScopeCondition) => `${condition.dimension.name}${condition.negate ? '≠' : '='}${[...condition.values].sort().join('、')}`;
  return { scope: { conditions, text: conditions.map(textOf).join('；') }, problems };
}

/** The scope as a test of one case or order (values compared as normalised names). */
export function scopePredicate(scope: TableScope): (fact: CaseFact | OrderFact) => boolean {
  const tests = scope.conditions.map((condition) => {
    const wanted = new Set(condition.values.map((value) => normalizeName(value)));
    const seen = new Map<string, boolean>();
    const valueOf = condition.dimension.valueOf as (fact: CaseFact | OrderFact) => string;
    return (fact: CaseFact | OrderFact) => {
      const value = valueOf(fact);
      let listed = seen.get(value);
      if (listed === undefined) seen.set(value, (listed = wanted.has(normalizeName(value))));
      return condition.negate ? !listed : listed;
    };
  });
  return (fact) => tests.every((test) => test(fact));
}

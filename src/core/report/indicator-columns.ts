/**
 * A table column as the clerk names it: a catalogue indicator X, or a comparison of X with an
 * earlier period: `上期X`, `去年同期X`, `X增减` (X − 上期X), `X增减幅` or `X环比` ((X − 上期X) / 上期X),
 * `X同比` ((X − 去年同期X) / 去年同期X). An entry can give its printed header after an arrow
 * (`受理结案率→结案率`). Names written another common way (上月X, 去年同月X, X(%), 办结率 in a cases
 * table …) are taken to be the catalogue's name, and the caller is told so; a name that means nothing
 * gets the nearest names as suggestions.
 *
 * Also the column's values for one row (from this period's figures and the history) and its header
 * (month-named when the table asks for it).
 */
import type { GridCell } from '../model/grid.ts';
import { Catalogue, evaluateIndicator, type FigureSource, type Indicator, type Subject } from '../stats/indicators.ts';
import { periodHeaderLabel, type Period } from '../time/period.ts';
import { normalizeText } from '../text/normalize.ts';
import type { HistoryLookup } from './history.ts';
import { changeCell, countCell, rateCell } from './grid-builder.ts';
import type { ChangeStyle } from './rate-display.ts';

/** What a column shows of its indicator. */
export type Comparison = 'current' | 'previous' | 'lastYear' | 'change' | 'changeRate' | 'yearChangeRate';

export interface IndicatorColumn {
  /** The entry as written, without its printed header. */
  readonly typed: string;
  /** The printed header given after → (may be ''), or null. */
  readonly header: string | null;
  readonly indicator: Indicator;
  readonly comparison: Comparison;
  /** The column's name in the catalogue's words: 上期结案率, 受理数环比 … */
  readonly canonical: string;
}

export type ColumnResolution =
  | { readonly ok: true; readonly column: IndicatorColumn; /** The catalogue's name when the entry was written another way. */ readonly takenAs: string | null }
  | { readonly ok: false; readonly typed: string; readonly suggestions: readonly string[] };

/** The comparison forms, for the help text and the pane: how each is written and what it means. */
export const comparisonForms: readonly { readonly form: string; readonly meaning: string }[] = [
  { form: 'X', meaning: '本期的 X' },
  { form: '上期X', meaning: '上期（上月）的 X，取自"历史指标"' },
  { form: '去年同期X', meaning: '去年同月的 X，取自"历史指标"' },
  { form: 'X增减', meaning: 'X − 上期X' },
  { form: 'X增减幅 或 X环比', meaning: '(X − 上期X) / 上期X，显示为 -0.15%、2.63%（或箭头 ↓0.15%）' },
  { form: 'X同比', meaning: '(X − 去年同期X) / 去年同期X' },
  { form: 'X→表头', meaning: '列头印成"表头"，如 受理结案率→结案率' },
];

const prefixes: readonly (readonly [string, Comparison])[] = [
  ['去年同期', 'lastYear'],
  ['上期', 'previous'],
];
const suffixes: readonly (readonly [string, Comparison])[] = [
  ['增减幅', 'changeRate'],
  ['环比', 'changeRate'],
  ['同比', 'yearChangeRate'],
  ['增减', 'change'],
];

/** Other ways of writing the prefixes and suffixes, and what they are taken to be. */
const prefixSynonyms: readonly (readonly [string, string])[] = [
  ['上年同期', '去年同期'],
  ['去年同月', '去年同期'],
  ['上年同月', '去年同期'],
  ['上月', '上期'],
  ['本月', ''],
  ['本期', ''],
  ['当月', ''],
];
const suffixSynonyms: readonly (readonly [string, string])[] = [
  ['同比增减幅', '同比'],
  ['同比增幅', '同比'],
  ['同比增长率', '同比'],
  ['环比增减幅', '增减幅'],
  ['环比增幅', '增减幅'],
  ['增减幅度', '增减幅'],
  ['增减率', '增减幅'],
  ['增长率', '增减幅'],
  ['增幅', '增减幅'],
  ['幅度', '增减幅'],
  ['增减数', '增减'],
  ['增减量', '增减'],
  ['增加数', '增减'],
];
/** Names one subject uses for the other's indicator, or common variants. */
const nameSynonyms: Readonly<Record<Subject, readonly (readonly [string, string])[]>> = {
  cases: [
    ['案件数', '上报数'],
    ['案件总数', '上报数'],
    ['上报量', '上报数'],
    ['上报案件数', '上报数'],
    ['办结数', '结案数'],
    ['办结率', '结案率'],
    ['按期办结率', '按期结案率'],
    ['超期数', '超期未处置数'],
    ['自行处置数', '自行处置案件数'],
  ],
  hotline: [
    ['结案数', '办结数'],
    ['结案率', '办结率'],
    ['按期结案率', '按期办结率'],
    ['按期结案数', '按期办结数'],
    ['工单数', '受理数'],
    ['受理量', '受理数'],
    ['上报数', '受理数'],
    ['办结', '已办结'],
    ['在办', '正在办理'],
    ['超期件数', '超期数'],
    ['回退件数', '回退数'],
  ],
};

/** Splits `受理结案率→结案率` into the entry and its printed header. */
export function splitPrintedHeader(text: string): { name: string; header: string | null } {
  const match = /^(.*?)(?:→|->|=>)(.*)$/.exec(text);
  return match ? { name: match[1].trim(), header: match[2].trim() } : { name: text.trim(), header: null };
}

/** `上期结案率` → previous 结案率; null when the name is not of the catalogue's forms. */
function parseExact(name: string, catalogue: Catalogue): { indicator: Indicator; comparison: Comparison } | null {
  const direct = catalogue.find(name);
  if (direct) return { indicator: direct, comparison: 'current' };
  for (const [prefix, comparison] of prefixes) {
    if (!name.startsWith(prefix)) continue;
    const indicator = catalogue.find(name.slice(prefix.length));
    if (indicator) return { indicator, comparison };
  }
  for (const [suffix, comparison] of suffixes) {
    if (!name.endsWith(suffix)) continue;
    const indicator = catalogue.find(name.slice(0, -suffix.length));
    if (indicator) return { indicator, comparison };
  }
  return null;
}

/** The name rewritten in the catalogue's words, step by step; the first rewrite that parses wins. */
function rewrites(name: string, subject: Subject): string[] {
  const stripped = name.replace(/[(（][%％件个]?[)）]$|[%％]$/u, '');
  const results = new Set<string>([stripped]);
  const withPrefix = (text: string) => {
    const out = [text];
    for (const [from, to] of prefixSynonyms) if (text.startsWith(from)) out.push(to + text.slice(from.length));
    return out;
  };
  const withSuffix = (text: string) => {
    const out = [text];
    for (const [from, to] of suffixSynonyms) if (text.endsWith(from)) out.push(text.slice(0, -from.length) + to);
    return out;
  };
  const withName = (text: string) => {
    const out = [text];
    for (const [from, to] of nameSynonyms[subject]) {
      const at = text.indexOf(from);
      if (at >= 0) out.push(text.slice(0, at) + to + text.slice(at + from.length));
    }
    return out;
  };
  for (const a of withPrefix(stripped)) for (const b of withSuffix(a)) for (const c of withName(b)) results.add(c);
  return [...results];
}

/** Every name a table of this catalogue understands, for suggestions. */
function knownNames(catalogue: Catalogue): string[] {
  const names: string[] = [];
  for (const indicator of catalogue.indicators) {
    names.push(indicator.name);
    for (const [prefix] of prefixes) names.push(prefix + indicator.name);
    for (const [suffix] of suffixes) names.push(indicator.name + suffix);
  }
  return names;
}

function editDistance(left: string, right: string): number {
  const a = [...left];
  const b = [...right];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** Up to three catalogue names nearest to an entry that means nothing. */
export function suggestNames(name: string, candidates: readonly string[]): string[] {
  const limit = Math.max(1, Math.floor([...name].length / 2));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .filter((entry) => entry.distance <= limit)
    .sort((left, right) => left.distance - right.distance || left.candidate.length - right.candidate.length)
    .slice(0, 3)
    .map((entry) => entry.candidate);
}

const canonicalName = (indicator: Indicator, comparison: Comparison): string => {
  switch (comparison) {
    case 'current':
      return indicator.name;
    case 'previous':
      return `上期${indicator.name}`;
    case 'lastYear':
      return `去年同期${indicator.name}`;
    case 'change':
      return `${indicator.name}增减`;
    case 'changeRate':
      return `${indicator.name}增减幅`;
    case 'yearChangeRate':
      return `${indicator.name}同比`;
  }
};

/** Reads one column entry of a table whose indicators come from `catalogue`. */
export function resolveColumn(text: string, catalogue: Catalogue): ColumnResolution {
  const { name: typed, header } = splitPrintedHeader(text);
  const name = normalizeText(typed);
  const exact = parseExact(name, catalogue);
  const column = (found: { indicator: Indicator; comparison: Comparison }, canonical: string): IndicatorColumn => ({ typed, header, ...found, canonical });
  if (exact) {
    // 环比 and 增减幅 are two names of one comparison; the entry keeps the name the clerk chose.
    return { ok: true, column: column(exact, name), takenAs: null };
  }
  for (const candidate of rewrites(name, catalogue.subject)) {
    const found = parseExact(candidate, catalogue);
    if (found) return { ok: true, column: column(found, canonicalName(found.indicator, found.comparison)), takenAs: canonicalName(found.indicator, found.comparison) };
  }
  return { ok: false, typed, suggestions: suggestNames(name, knownNames(catalogue)) };
}

// --- Values ------------------------------------------------------------------------------------

/** Where one row's figures come from: this period's counts, and the history of the two earlier periods. */
export interface RowSources {
  readonly current: FigureSource;
  readonly previous: FigureSource;
  readonly lastYear: FigureSource;
}

/** A column's value for one row, and which earlier period it lacked (for the per-column messages). */
export interface ColumnValue {
  readonly value: number | null;
  readonly missing: 'previous' | 'lastYear' | null;
}

/** The value of a column for a row. */
export function columnValue(column: IndicatorColumn, catalogue: Catalogue, sources: RowSources): ColumnValue {
  const of = (source: FigureSource) => evaluateIndicator(column.indicator, catalogue, source);
  const current = () => of(sources.current) ?? null;
  const compared = (source: FigureSource, missing: 'previous' | 'lastYear', combine: (now: number, then: number) => number | null): ColumnValue => {
    const then = of(source);
    if (then === undefined) return { value: null, missing };
    const now = current();
    return { value: now === null || then === null ? null : combine(now, then), missing: null };
  };
  const relative = (now: number, then: number) => (then === 0 ? null : (now - then) / then);
  switch (column.comparison) {
    case 'current':
      return { value: current(), missing: null };
    case 'previous': {
      const value = of(sources.previous);
      return { value: value ?? null, missing: value === undefined ? 'previous' : null };
    }
    case 'lastYear': {
      const value = of(sources.lastYear);
      return { value: value ?? null, missing: value === undefined ? 'lastYear' : null };
    }
    case 'change':
      return compared(sources.previous, 'previous', (now, then) => now - then);
    case 'changeRate':
      return compared(sources.previous, 'previous', relative);
    case 'yearChangeRate':
      return compared(sources.lastYear, 'lastYear', relative);
  }
}

/** Whether a column shows a rate (a rate or share itself, its change, or any relative change). */
export function isRateColumn(column: IndicatorColumn): boolean {
  if (column.comparison === 'changeRate' || column.comparison === 'yearChangeRate') return true;
  return column.indicator.kind === 'rate' || column.indicator.kind === 'share';
}

/** The cell of a column's value: a count, a rate, or a relative change in the table's style. */
export function columnCell(column: IndicatorColumn, value: number | null, total: boolean, changeStyle: ChangeStyle): GridCell {
  if (column.comparison === 'changeRate' || column.comparison === 'yearChangeRate') return changeCell(value, changeStyle, total);
  return isRateColumn(column) ? rateCell(value, total) : countCell(value, total);
}

export interface HeaderOptions {
  /**
   * 显示 月份表头: name this column by its month (`7月受理数`, `6月受理数`, `2020年7月受理数`; `7月` when
   * its printed header is empty). The table decides: columns of one indicator in two periods.
   */
  readonly monthNamed: boolean;
  /** 显示 年月表头: with the year always (`2021年7月受理数`). */
  readonly withYear: boolean;
  readonly period: Period;
  readonly previous: Period;
  readonly lastYear: Period;
}

/** The period a column shows, for its header: this one, the previous or last year's (changes: this one). */
function periodOfColumn(column: IndicatorColumn, options: HeaderOptions): Period {
  return column.comparison === 'previous' ? options.previous : column.comparison === 'lastYear' ? options.lastYear : options.period;
}

/** Whether a column shows its indicator in one period (not a change between two). */
export function isPeriodColumn(column: IndicatorColumn): boolean {
  return column.comparison === 'current' || column.comparison === 'previous' || column.comparison === 'lastYear';
}

/** The printed header of a column; `{月}` in a printed header stands for the month of its period. */
export function columnHeader(column: IndicatorColumn, options: HeaderOptions): string {
  const month = periodHeaderLabel(periodOfColumn(column, options), options.period, options.withYear);
  if (column.header?.includes('{月}')) return column.header.split('{月}').join(month);
  if (options.monthNamed && isPeriodColumn(column)) return `${month}${column.header ?? column.indicator.name}`;
  return column.header || column.typed;
}

/**
 * The figures an earlier period recorded for one row, looked up in `places` in order (the table's
 * own name, where a clerk types figures by hand, then the build's name for the rows). A base count
 * missing from a table that a build recorded for that period is 0: builds record every row that had
 * anything to count. A quarter, half or year never built as such has the counts of its months
 * added up, when every month was built (its rates are rebuilt from them, never averaged).
 */
export function historySource(history: HistoryLookup, periodKey: string, places: readonly { readonly table: string; readonly row: string }[], catalogue: Catalogue, total?: FigureSource): FigureSource {
  return {
    recorded(name) {
      for (const place of places) {
        const value = history.get(periodKey, place.table, place.row, name);
        if (value !== undefined) return value;
      }
      const indicator = catalogue.find(name);
      if (indicator?.kind === 'count' && indicator.base === name) {
        if (places.some((place) => history.wasBuilt(periodKey, place.table))) return 0;
        // A quarter, half or year never built as such: its months' counts added up.
        for (const place of places) {
          const sum = history.sumOfMonths(periodKey, place.table, place.row, name);
          if (sum !== undefined) return sum;
        }
      }
      return undefined;
    },
    total,
  };
}

/** This period's figures of a row: its base counts (and targets) by name. */
export function currentSource(figures: ReadonlyMap<string, number | null>, total?: FigureSource): FigureSource {
  return { recorded: (name) => (figures.has(name) ? (figures.get(name) as number | null) : undefined), total };
}

/**
 * The indicator catalogue (indicators.md, "Counts and rates"): every figure a table can show, by its
 * Chinese name, for the cases system and for 12345 alike. Tables list indicator names (settings can
 * change the lists), so a new column such as 有效上报率 is a settings edit, not code.
 *
 * Every indicator is built from a row's base counts (上报数, 结案数 … for cases; 受理数, 已办结 … for
 * 12345): a count reads one of them (派遣数 is another name of 应处置数), a rate divides two
 * (结案率 = 结案数 / 应结案数), a share divides a count by the same count of the table's 合计 row
 * (占比). Because the parts are named, a rate of an earlier period can be rebuilt from the counts that
 * period recorded in the history, and the clerk's own rates (【自定义指标】: 名称, 分子, 分母) and
 * targets (【目标】, such as 任务数) are indicators like the others.
 */
import { emptyCaseCounts, ratio, type CaseCounts } from './case-counts.ts';
import { emptyOrderCounts, type OrderCounts } from './order-counts.ts';
import type { Settings } from '../settings/settings.ts';

/** Which records an indicator counts: cases of the 数字城管 system, or 12345 orders. */
export type Subject = 'cases' | 'hotline';

export const subjectLabels: Readonly<Record<Subject, string>> = { cases: '数字城管案件', hotline: '12345工单' };

export type IndicatorKind = 'count' | 'rate' | 'share' | 'target';

export interface Indicator {
  readonly name: string;
  readonly subject: Subject;
  readonly kind: IndicatorKind;
  /** count: the base count it reads (its own name, or the one it is another name of). */
  readonly base?: string;
  /** rate: numerator / denominator; share: numerator / the numerator of the 合计 row. */
  readonly numerator?: string;
  readonly denominator?: string;
  /** Needs a deadline column (the 按期 figures): empty without one. */
  readonly needsDeadline?: boolean;
  /** Defined by the clerk (【自定义指标】 or 【目标】). */
  readonly custom?: boolean;
  /** One line for the settings' help text and the task pane's list. */
  readonly description: string;
}

/** The base counts of cases: name, field of CaseCounts, whether it needs a deadline column, what it counts. */
const caseBaseCounts: readonly (readonly [string, keyof CaseCounts, boolean, string])[] = [
  ['上报数', 'reported', false, '本期上报的案件'],
  ['受理数', 'accepted', false, '受理及以后阶段的案件（不含不予受理）'],
  ['立案数', 'filed', false, '立案及以后阶段的案件（不含不予立案）'],
  ['应处置数', 'dispatched', false, '已派遣的案件（不含自行处置、作废）'],
  ['处置数', 'disposed', false, '已派遣且已处置的案件'],
  ['按期处置数', 'disposedOnTime', true, '按期处置的案件'],
  ['应结案数', 'dueClose', false, '处置数 + 已超期未处置数'],
  ['结案数', 'closed', false, '已结案的案件'],
  ['按期结案数', 'closedOnTime', true, '按期处置且已结案的案件'],
  ['自行处置案件数', 'selfDisposed', false, '自行处置、不派遣的案件'],
  ['返工数', 'reworked', false, '返工过的案件'],
  ['延期数', 'postponed', false, '延期过的案件'],
  ['超期未处置数', 'overdueOpen', true, '统计时点已过处置截止时间仍未处置的案件'],
];

/** The base counts of 12345 orders. */
const orderBaseCounts: readonly (readonly [string, keyof OrderCounts, string])[] = [
  ['受理数', 'received', '本期受理的工单'],
  ['已办结', 'done', '办理状态为办结状态的工单'],
  ['正在办理', 'inProgress', '其余工单'],
  ['超期数', 'overdue', '超期办理的工单'],
  ['回退数', 'returned', '回退过的工单'],
  ['按期办结数', 'doneOnTime', '已办结且未超期的工单'],
];

const count = (subject: Subject, name: string, base: string, description: string, needsDeadline = false): Indicator => ({ name, subject, kind: 'count', base, needsDeadline: needsDeadline || undefined, description });
const rate = (subject: Subject, name: string, numerator: string, denominator: string, description = `${numerator} / ${denominator}`): Indicator => ({ name, subject, kind: 'rate', numerator, denominator, description });
const share = (subject: Subject, name: string, numerator: string): Indicator => ({ name, subject, kind: 'share', numerator, description: `${numerator} / 合计行的${numerator}` });

const caseDeadline = new Set(caseBaseCounts.filter(([, , needs]) => needs).map(([name]) => name));

const caseCatalogue: readonly Indicator[] = [
  ...caseBaseCounts.map(([name, , needs, description]) => count('cases', name, name, description, needs)),
  count('cases', '派遣数', '应处置数', '同 应处置数'),
  count('cases', '采集上报数', '上报数', '同 上报数（采集员上报的案件）'),
  count('cases', '有效上报数', '立案数', '同 立案数（有效上报即立了案的上报）'),
  rate('cases', '处置率', '处置数', '应处置数'),
  rate('cases', '按期处置率', '按期处置数', '应处置数'),
  rate('cases', '结案率', '结案数', '应结案数'),
  rate('cases', '按期结案率', '按期结案数', '应结案数'),
  rate('cases', '立案率', '立案数', '受理数'),
  rate('cases', '派遣率', '应处置数', '立案数'),
  rate('cases', '返工率', '返工数', '应结案数'),
  rate('cases', '延期率', '延期数', '应结案数'),
  rate('cases', '有效上报率', '有效上报数', '采集上报数'),
  share('cases', '占比', '上报数'),
];

const hotlineCatalogue: readonly Indicator[] = [
  ...orderBaseCounts.map(([name, , description]) => count('hotline', name, name, description)),
  count('hotline', '办结数', '已办结', '同 已办结'),
  rate('hotline', '办结率', '已办结', '受理数'),
  rate('hotline', '按期办结率', '按期办结数', '受理数'),
  rate('hotline', '超期率', '超期数', '受理数'),
  rate('hotline', '回退率', '回退数', '受理数'),
  share('hotline', '占比', '受理数'),
];

/**
 * In the county table (县区办理) 受理数 is the county's 应处置数 and its rates divide by it: the
 * county receives what the city dispatched to it.
 */
const countyOverrides: readonly Indicator[] = [
  count('cases', '受理数', '应处置数', '县区收到的派遣案件（= 应处置数）'),
  rate('cases', '结案率', '结案数', '应处置数'),
  rate('cases', '按期结案率', '按期结案数', '应处置数'),
];

/** Names of every built-in case indicator, in catalogue order (the figures the standard case tables record). */
export const indicatorNames: readonly string[] = caseCatalogue.map((indicator) => indicator.name);

/** The built-in indicators of a subject, in catalogue order. */
export function builtInIndicators(subject: Subject): readonly Indicator[] {
  return subject === 'cases' ? caseCatalogue : hotlineCatalogue;
}

/** The base counts of a subject (what every row records in the history). */
export function baseCountNames(subject: Subject): readonly string[] {
  return subject === 'cases' ? caseBaseCounts.map(([name]) => name) : orderBaseCounts.map(([name]) => name);
}

/** A clerk's rate or alias from 【自定义指标】: 名称 = 分子 / 分母 (分母 blank: another name of 分子). */
export interface CustomIndicatorDefinition {
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
}

export interface CatalogueOptions {
  readonly custom?: readonly CustomIndicatorDefinition[];
  /** Names of the targets of 【目标】 (任务数 …): figures typed by the clerk per row. */
  readonly targets?: readonly string[];
  /** The county table's meaning of 受理数 and its rates. */
  readonly county?: boolean;
}

/** The indicators one table can use: the subject's built-ins, the clerk's own, and the targets. */
export class Catalogue {
  private readonly byName = new Map<string, Indicator>();
  private readonly baseNames: ReadonlySet<string>;
  /** Custom definitions that could not be used, with the reason (for the settings' warnings). */
  readonly rejected: readonly { readonly name: string; readonly reason: string }[];
  /** The targets of 【目标】 this catalogue holds. */
  readonly targetNames: readonly string[];

  constructor(
    readonly subject: Subject,
    options: CatalogueOptions = {},
  ) {
    for (const indicator of builtInIndicators(subject)) this.byName.set(indicator.name, indicator);
    if (options.county && subject === 'cases') for (const indicator of countyOverrides) this.byName.set(indicator.name, indicator);
    const rejected: { name: string; reason: string }[] = [];
    const targets: string[] = [];
    for (const target of options.targets ?? []) {
      // A target named like any built-in indicator (of either system) would be read as that indicator.
      if (this.byName.has(target) || builtInIndicators(subject === 'cases' ? 'hotline' : 'cases').some((indicator) => indicator.name === target)) {
        rejected.push({ name: target, reason: `【目标】的指标与内置指标"${target}"同名` });
        continue;
      }
      targets.push(target);
      this.byName.set(target, { name: target, subject, kind: 'target', custom: true, description: '【目标】中填写的数值' });
    }
    this.targetNames = targets;
    this.baseNames = new Set([...baseCountNames(subject), ...targets]);
    const pending = [...(options.custom ?? [])];
    // Custom indicators may build on each other: add those whose parts are known, until none is left.
    for (let progress = true; progress && pending.length; ) {
      progress = false;
      for (let index = 0; index < pending.length; index++) {
        const definition = pending[index];
        if (builtInIndicators(subject).some((indicator) => indicator.name === definition.name)) {
          rejected.push({ name: definition.name, reason: `与内置指标"${definition.name}"同名` });
        } else if (!this.byName.has(definition.numerator) || (definition.denominator !== '' && !this.byName.has(definition.denominator))) {
          continue;
        } else if (definition.denominator === '') {
          // Another name: a count (or target) reads the same figure; a rate divides the same parts.
          const original = this.byName.get(definition.numerator) as Indicator;
          const description = `同 ${definition.numerator}`;
          const alias: Indicator =
            original.kind === 'count' || original.kind === 'target'
              ? { name: definition.name, subject, kind: 'count', base: original.kind === 'count' ? original.base : original.name, custom: true, description }
              : { ...original, name: definition.name, custom: true, description };
          this.byName.set(definition.name, alias);
        } else {
          this.byName.set(definition.name, { ...rate(subject, definition.name, definition.numerator, definition.denominator), custom: true });
        }
        pending.splice(index--, 1);
        progress = true;
      }
    }
    for (const definition of pending) {
      const unknown = [definition.numerator, definition.denominator].filter((name) => name !== '' && !this.byName.has(name));
      rejected.push({ name: definition.name, reason: `"${unknown.join('、')}"不是${subjectLabels[subject]}的指标` });
    }
    this.rejected = rejected;
  }

  /** The indicator of that name, or undefined. */
  find(name: string): Indicator | undefined {
    return this.byName.get(name);
  }

  /** Every indicator, built-ins first. */
  get indicators(): readonly Indicator[] {
    return [...this.byName.values()];
  }

  /** Whether a name is a base count or a target: a figure rows record and history holds, not derived. */
  isBase(name: string): boolean {
    return this.baseNames.has(name);
  }

  /** The names an indicator is built from, itself included (结案率 → 结案率, 结案数, 应结案数). */
  partsOf(indicator: Indicator, seen = new Set<string>()): Set<string> {
    if (seen.has(indicator.name)) return seen;
    seen.add(indicator.name);
    for (const name of [indicator.base, indicator.numerator, indicator.denominator]) {
      const part = name === undefined ? undefined : this.find(name);
      if (part) this.partsOf(part, seen);
    }
    return seen;
  }

  /** Whether an indicator needs a deadline column (directly or through its parts). */
  needsDeadline(indicator: Indicator): boolean {
    if (indicator.subject !== 'cases') return false;
    if (indicator.kind === 'count') return caseDeadline.has(indicator.base as string);
    if (indicator.kind === 'rate' || indicator.kind === 'share') {
      return [indicator.numerator, indicator.denominator].some((name) => {
        const part = name ? this.find(name) : undefined;
        return part !== undefined && part !== indicator && this.needsDeadline(part);
      });
    }
    return false;
  }
}

/**
 * The catalogue of a table of `subject` under the settings: built-ins, 【自定义指标】 and, for the
 * clerk's own tables, the targets of 【目标】.
 */
export function catalogueFor(settings: Pick<Settings, 'customIndicators' | 'targets'>, subject: Subject, options: { readonly county?: boolean; readonly withTargets?: boolean } = {}): Catalogue {
  const targets = options.withTargets ? [...new Set(settings.targets.map((target) => target.indicator))] : [];
  return new Catalogue(subject, { custom: settings.customIndicators, targets, county: options.county });
}

/**
 * Where an indicator's parts come from for one row: this period's counts, or what the history
 * recorded for an earlier period. `recorded` answers a name directly (a base count, a target, or a
 * figure the history holds under that very name); null is an empty figure, undefined an unknown one.
 */
export interface FigureSource {
  recorded(name: string): number | null | undefined;
  /** The same source for the 合计 row, for shares. */
  readonly total?: FigureSource;
}

/**
 * The indicator's value for a row: a figure recorded under its own name wins (the clerk may have
 * typed a published rate into the history), else it is rebuilt from its parts. undefined when a part
 * is unknown (missing history), null when empty (a zero denominator, no deadline column).
 */
export function evaluateIndicator(indicator: Indicator, catalogue: Catalogue, source: FigureSource, depth = 0): number | null | undefined {
  const direct = source.recorded(indicator.name);
  if (direct !== undefined || depth > 8) return direct;
  const part = (name: string | undefined, from: FigureSource = source) => {
    const found = name === undefined ? undefined : catalogue.find(name);
    return found ? evaluateIndicator(found, catalogue, from, depth + 1) : undefined;
  };
  switch (indicator.kind) {
    case 'count':
      return indicator.base === indicator.name ? undefined : part(indicator.base);
    case 'target':
      return undefined;
    case 'rate': {
      const [numerator, denominator] = [part(indicator.numerator), part(indicator.denominator)];
      if (numerator === undefined || denominator === undefined) return undefined;
      return numerator === null || denominator === null ? null : ratio(numerator, denominator);
    }
    case 'share': {
      if (!source.total) return null;
      const [numerator, total] = [part(indicator.numerator), part(indicator.numerator, source.total)];
      if (numerator === undefined || total === undefined) return undefined;
      return numerator === null || total === null ? null : ratio(numerator, total);
    }
  }
}

/**
 * A case row's base counts by name; the deadline counts are empty without a deadline column. In the
 * county table (`county`) 受理数 is what the city dispatched to the county.
 */
export function caseBaseFigures(counts: CaseCounts, hasDeadlineColumn: boolean, county = false): Map<string, number | null> {
  const figures = new Map(caseBaseCounts.map(([name, field, needs]) => [name, needs && !hasDeadlineColumn ? null : counts[field]]));
  if (county) figures.set('受理数', counts.dispatched);
  return figures;
}

/** A case row's counts from its base figures by name (as the history records them); an empty or missing figure is 0. */
export function caseCountsFromFigures(figures: ReadonlyMap<string, number | null>): CaseCounts {
  const counts = emptyCaseCounts();
  for (const [name, field] of caseBaseCounts) counts[field] = figures.get(name) ?? 0;
  return counts;
}

/** A 12345 row's counts from its base figures by name; an empty or missing figure is 0. */
export function orderCountsFromFigures(figures: ReadonlyMap<string, number | null>): OrderCounts {
  const counts = emptyOrderCounts();
  for (const [name, field] of orderBaseCounts) counts[field] = figures.get(name) ?? 0;
  return counts;
}

/** What the 12345 exports can tell: overdue orders (a deadline or an overdue column) and returns (a count column or a returns sheet). */
export interface OrderFiguresKnown {
  readonly overdue: boolean;
  readonly returns: boolean;
}

/** An order row's base counts by name; what the exports cannot tell is empty, not 0. */
export function orderBaseFigures(counts: OrderCounts, known: OrderFiguresKnown = { overdue: true, returns: true }): Map<string, number | null> {
  const unknown = new Set([...(known.overdue ? [] : ['超期数', '按期办结数']), ...(known.returns ? [] : ['回退数'])]);
  return new Map(orderBaseCounts.map(([name, field]) => [name, unknown.has(name) ? null : counts[field]]));
}

/** The previous-period twin's prefix: 上期处置率 is 处置率 of the previous period. */
export const previousPrefix = '上期';

const cityCatalogue = new Catalogue('cases');
const countyCatalogue = new Catalogue('cases', { county: true });

/** A built-in case indicator that evaluates itself on one row's counts (every count as counted). */
export interface CaseIndicator extends Indicator {
  value(counts: CaseCounts): number | null;
}

/**
 * Looks a built-in case indicator up by name, with or without the 上期 prefix, for code that computes
 * it straight from counts (具体分析's sentences); null when the name is unknown. Tables resolve their
 * columns through `report/indicator-columns.ts`, which knows every comparison form.
 */
export function findIndicator(name: string, context: 'city' | 'county' = 'city'): { indicator: CaseIndicator; previous: boolean } | null {
  const previous = name.startsWith(previousPrefix);
  const catalogue = context === 'county' ? countyCatalogue : cityCatalogue;
  const found = catalogue.find(previous ? name.slice(previousPrefix.length) : name);
  if (!found) return null;
  const value = (counts: CaseCounts): number | null => {
    const figures = caseBaseFigures(counts, true, context === 'county');
    return evaluateIndicator(found, catalogue, { recorded: (part) => (figures.has(part) ? (figures.get(part) as number | null) : undefined) }) ?? null;
  };
  return { indicator: { ...found, value }, previous };
}

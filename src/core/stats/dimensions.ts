/**
 * Dimensions: what a table's rows can be (按) and what can split it into blocks (分组) or filter it
 * (范围): 来源, 一级单位, 二级单位, 县区, 问题类型, 大类, 小类, 街道, 社区 for cases; 12345类别 and
 * 12345承办单位 for 12345 orders. Each dimension gives every record exactly one value (a blank field
 * counts under `（未填…）`), so a table by any dimension sums to the whole cohort.
 *
 * In: the period's records with their flags ("facts"). Out: counts per value, per block. Also each
 * dimension's own order (设置顺序: the settings' sources, units, categories; 事件 before 部件) and the
 * spellings the clerk may use for its values (aliases of a source or unit).
 */
import type { CaseRecord } from '../model/case-record.ts';
import type { OrderRecord } from '../model/order-record.ts';
import type { Settings } from '../settings/settings.ts';
import { createUnitResolver } from '../ingest/resolve-unit.ts';
import { normalizeName } from '../text/normalize.ts';
import type { CaseFlags } from './case-flags.ts';
import { normalizeKind } from './case-statistics.ts';
import type { OrderFlags } from './order-counts.ts';
import type { Subject } from './indicators.ts';

/** A case of the cohort with its flags. */
export interface CaseFact {
  readonly record: CaseRecord;
  readonly flags: CaseFlags;
}

/** A 12345 order of the cohort with its flags, its report category and the unit name it counts under. */
export interface OrderFact {
  readonly order: OrderRecord;
  readonly flags: OrderFlags;
  readonly category: string;
  readonly unitName: string;
}

export type DimensionName = '来源' | '一级单位' | '二级单位' | '县区' | '问题类型' | '大类' | '小类' | '街道' | '社区' | '12345类别' | '12345承办单位';

interface DimensionBase {
  readonly name: DimensionName;
  readonly subject: Subject;
  /** One line for the help text and the task pane. */
  readonly description: string;
  /** The values in the settings' order (设置顺序), or null when the settings give none. */
  settingsOrder(settings: Settings): readonly string[] | null;
  /** Values that are rows even when nothing was counted under them (units of 市局 and 县市区, 12345 categories). */
  listed(settings: Settings): readonly string[];
  /** The order of a table that says none: the settings' (设置顺序), or most records first. */
  readonly usualOrder: 'settings' | 'count';
  /** The value a clerk's text means (a source's or unit's other spelling → its name). */
  canonical(text: string, settings: Settings): string;
  /** Which list of the national standard orders its values (标准顺序). */
  readonly standard?: 'mainType' | 'subType';
  /** The standard table that records the same rows (a table by 来源 without 范围 = 案件概况's rows). */
  readonly standardTable?: { readonly table: string; readonly rowKey: (value: string) => string; readonly totalKey: string };
  /** The printed label of a value (二级单位: the second-level name). */
  label?(value: string): string;
}

export interface CaseDimension extends DimensionBase {
  readonly subject: 'cases';
  valueOf(fact: CaseFact): string;
}

export interface OrderDimension extends DimensionBase {
  readonly subject: 'hotline';
  valueOf(fact: OrderFact): string;
}

export type Dimension = CaseDimension | OrderDimension;

const trimmed = (text: string) => text.trim().normalize('NFKC');
const orBlank = (value: string, blank: string) => (value.trim() === '' ? blank : value.trim());

const noSource = '（未填来源）';
const noUnit = '（未填处置部门）';

/** A source's other spellings → its name. */
function canonicalSource(text: string, settings: Settings): string {
  const key = normalizeName(text);
  const source = settings.sources.find((candidate) => [candidate.name, ...candidate.aliases].some((spelling) => normalizeName(spelling) === key));
  return source?.name ?? trimmed(text);
}

/** A unit's spelling → `一级` or `一级/二级` as the settings name it. */
function canonicalUnit(text: string, settings: Settings, level: 1 | 2): string {
  const slash = text.indexOf('/');
  const spelling = slash >= 0 ? text.slice(0, slash) + text.slice(slash + 1) : text;
  const unit = createUnitResolver(settings)(spelling);
  if (!unit || !unit.known) return trimmed(text);
  return level === 1 || unit.level2 === null ? unit.level1 : `${unit.level1}/${unit.level2}`;
}

function secondLevelOrder(settings: Settings): string[] {
  return settings.firstLevelUnits.flatMap((first) => {
    const children = settings.secondLevelUnits.filter((unit) => unit.parent === first.name).map((unit) => `${first.name}/${unit.name}`);
    return children.length ? children : [first.name];
  });
}

export const dimensions: readonly Dimension[] = [
  {
    name: '来源',
    subject: 'cases',
    description: '案件的问题来源（按【问题来源】归并其他写法）',
    valueOf: (fact) => orBlank(fact.record.source, noSource),
    settingsOrder: (settings) => settings.sources.map((source) => source.name),
    listed: () => [],
    usualOrder: 'settings',
    canonical: canonicalSource,
    standardTable: { table: '案件概况', rowKey: (value) => value, totalKey: '总计' },
  },
  {
    name: '一级单位',
    subject: 'cases',
    description: '案件的处置部门所属一级单位（按【一级单位】【二级单位】识别）',
    valueOf: (fact) => fact.record.unit?.level1 ?? noUnit,
    settingsOrder: (settings) => settings.firstLevelUnits.map((unit) => unit.name),
    listed: (settings) => settings.firstLevelUnits.filter((unit) => unit.group !== '其他').map((unit) => unit.name),
    usualOrder: 'settings',
    canonical: (text, settings) => canonicalUnit(text, settings, 1),
  },
  {
    name: '二级单位',
    subject: 'cases',
    description: '案件的处置部门（二级单位；没有二级单位的一级单位按一级单位），行名写作 一级/二级',
    valueOf: (fact) => {
      const unit = fact.record.unit;
      return !unit ? noUnit : unit.level2 ? `${unit.level1}/${unit.level2}` : unit.level1;
    },
    settingsOrder: secondLevelOrder,
    listed: (settings) => secondLevelOrder(settings).filter((value) => settings.firstLevelUnits.find((unit) => unit.name === value.split('/')[0])?.group !== '其他'),
    usualOrder: 'settings',
    canonical: (text, settings) => canonicalUnit(text, settings, 2),
    label: (value) => (value.includes('/') ? value.slice(value.indexOf('/') + 1) : value),
  },
  {
    name: '县区',
    subject: 'cases',
    description: '案件的所属区域（区县）列',
    valueOf: (fact) => orBlank(fact.record.district, '（未填所属区域）'),
    settingsOrder: () => null,
    listed: () => [],
    usualOrder: 'count',
    canonical: trimmed,
  },
  {
    name: '问题类型',
    subject: 'cases',
    description: '事件 或 部件（"事件类""部件问题"等写法归并）',
    valueOf: (fact) => normalizeKind(fact.record.kind) || '（未填问题类型）',
    settingsOrder: () => ['事件', '部件'],
    listed: () => [],
    usualOrder: 'settings',
    canonical: (text) => normalizeKind(text) || trimmed(text),
  },
  {
    name: '大类',
    subject: 'cases',
    description: '案件大类（市容环境、宣传广告、施工管理、突发事件、街面秩序……）',
    valueOf: (fact) => orBlank(fact.record.mainType, '（未填大类）'),
    settingsOrder: () => null,
    listed: () => [],
    usualOrder: 'count',
    canonical: trimmed,
    standard: 'mainType',
  },
  {
    name: '小类',
    subject: 'cases',
    description: '案件小类（店外经营、井盖破损……）',
    valueOf: (fact) => orBlank(fact.record.subType, '（未填小类）'),
    settingsOrder: () => null,
    listed: () => [],
    usualOrder: 'count',
    canonical: trimmed,
    standard: 'subType',
  },
  {
    name: '街道',
    subject: 'cases',
    description: '案件的所属街道列',
    valueOf: (fact) => orBlank(fact.record.street, '（未填街道）'),
    settingsOrder: () => null,
    listed: () => [],
    usualOrder: 'count',
    canonical: trimmed,
  },
  {
    name: '社区',
    subject: 'cases',
    description: '案件的所属社区列',
    valueOf: (fact) => orBlank(fact.record.community, '（未填社区）'),
    settingsOrder: () => null,
    listed: () => [],
    usualOrder: 'count',
    canonical: trimmed,
  },
  {
    name: '12345类别',
    subject: 'hotline',
    description: '12345工单的报告类别（【12345类别】，不匹配的归"其他"）',
    valueOf: (fact) => fact.category,
    settingsOrder: (settings) => settings.hotlineCategories.map((category) => category.name),
    listed: (settings) => settings.hotlineCategories.map((category) => category.name),
    usualOrder: 'settings',
    canonical: trimmed,
    standardTable: { table: '12345受理', rowKey: (value) => `类别/${value}`, totalKey: '总计' },
  },
  {
    name: '12345承办单位',
    subject: 'hotline',
    description: '12345工单的承办单位（一级单位的"12345名称"）',
    valueOf: (fact) => fact.unitName,
    settingsOrder: (settings) => settings.firstLevelUnits.map((unit) => unit.hotlineName || unit.name),
    listed: () => [],
    usualOrder: 'count',
    canonical: (text, settings) => {
      const key = normalizeName(text);
      const unit = settings.firstLevelUnits.find((candidate) => [candidate.name, candidate.hotlineName, ...candidate.aliases].some((spelling) => spelling && normalizeName(spelling) === key));
      return unit ? unit.hotlineName || unit.name : trimmed(text);
    },
    standardTable: { table: '12345受理', rowKey: (value) => `单位/${value}`, totalKey: '总计' },
  },
];

export const dimensionNames: readonly DimensionName[] = dimensions.map((dimension) => dimension.name);

/** Other ways clerks name a dimension (as the exports head the column), and what they are taken to be. */
const dimensionSynonyms: Readonly<Record<string, DimensionName>> = {
  问题来源: '来源',
  案件来源: '来源',
  处置部门: '二级单位',
  专业部门: '一级单位',
  一级部门: '一级单位',
  二级部门: '二级单位',
  县市区: '县区',
  区县: '县区',
  所属区域: '县区',
  县区市: '县区',
  案件类型: '问题类型',
  问题大类: '大类',
  案件大类: '大类',
  问题小类: '小类',
  案件小类: '小类',
  所属街道: '街道',
  街道办: '街道',
  所属社区: '社区',
  '12345案件类别': '12345类别',
  '12345诉求类别': '12345类别',
  案件类别: '12345类别',
  诉求类别: '12345类别',
  承办单位: '12345承办单位',
  '12345单位': '12345承办单位',
};

/** The dimension a name means, and what it was taken to be when written another way; null for none. */
export function resolveDimension(text: string): { dimension: Dimension; takenAs: string | null } | null {
  const name = normalizeName(text);
  const direct = dimensions.find((dimension) => dimension.name === name);
  if (direct) return { dimension: direct, takenAs: null };
  const synonym = dimensionSynonyms[name];
  const found = synonym ? dimensions.find((dimension) => dimension.name === synonym) : undefined;
  return found ? { dimension: found, takenAs: found.name } : null;
}

/** Counts over the rows of one block. */
export interface Block<C> {
  /** The block's value in the 分组 dimension ('' when the table has no 分组). */
  readonly value: string;
  readonly total: C;
  readonly rows: Map<string, C>;
}

export interface Grouping<C> {
  readonly total: C;
  readonly blocks: Map<string, Block<C>>;
  /** Records the 范围 left out. */
  readonly outside: number;
}

/** How to count one subject's facts: a fresh count, adding a fact to it, and summing counts. */
export interface Counter<F, C> {
  empty(): C;
  add(counts: C, fact: F): void;
  sum(parts: readonly C[]): C;
}

/**
 * Counts facts in scope by the value of `valueOf`, inside blocks by `blockOf` (one block '' when null),
 * fact by fact (a month or a streamed year alike). Every fact in scope lands in exactly one row of one block.
 */
export class FactGrouper<F, C> {
  private readonly rowsByBlock = new Map<string, Map<string, C>>();
  private outside = 0;

  constructor(
    private readonly counter: Counter<F, C>,
    private readonly valueOf: (fact: F) => string,
    private readonly blockOf: ((fact: F) => string) | null,
    private readonly inScope: (fact: F) => boolean,
  ) {}

  add(fact: F): void {
    if (!this.inScope(fact)) {
      this.outside++;
      return;
    }
    const blockValue = this.blockOf ? this.blockOf(fact) : '';
    let rows = this.rowsByBlock.get(blockValue);
    if (!rows) this.rowsByBlock.set(blockValue, (rows = new Map()));
    const value = this.valueOf(fact);
    let row = rows.get(value);
    if (!row) rows.set(value, (row = this.counter.empty()));
    this.counter.add(row, fact);
  }

  /** The grouping of the facts added; totals are sums of the rows (each fact counted once, in its row). */
  result(): Grouping<C> {
    const blocks = new Map([...this.rowsByBlock].map(([value, rows]) => [value, { value, total: this.counter.sum([...rows.values()]), rows }] as const));
    return { total: this.counter.sum([...blocks.values()].map((block) => block.total)), blocks, outside: this.outside };
  }
}

/** Counts the facts in scope of a list (see `FactGrouper`). */
export function groupFacts<F, C>(facts: readonly F[], counter: Counter<F, C>, valueOf: (fact: F) => string, blockOf: ((fact: F) => string) | null, inScope: (fact: F) => boolean): Grouping<C> {
  const grouper = new FactGrouper(counter, valueOf, blockOf, inScope);
  for (const fact of facts) grouper.add(fact);
  return grouper.result();
}

/** The cohort's cases as facts (flags at the as-of time). */
export function caseFactsOf(cohort: readonly CaseRecord[], flagsOf: (record: CaseRecord) => CaseFlags): CaseFact[] {
  return cohort.map((record) => ({ record, flags: flagsOf(record) }));
}

/** The cohort's orders as facts: flags, report category (by id) and the 12345 unit name. */
export function orderFactsOf(cohort: readonly OrderRecord[], options: { readonly flagsOf: (order: OrderRecord) => OrderFlags; readonly categoryOf: ReadonlyMap<string, string>; readonly unitNameOf: (order: OrderRecord) => string }): OrderFact[] {
  return cohort.map((order) => ({ order, flags: options.flagsOf(order), category: options.categoryOf.get(order.orderId) ?? '其他', unitName: options.unitNameOf(order) }));
}

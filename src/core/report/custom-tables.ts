/**
 * The clerk's own tables (【自定义表格】): one sheet each, after the standard ones, with the same look,
 * notes and edit protection. A table is rows of one dimension (按), optionally split into blocks by a
 * second (分组), over the records of its 范围, with catalogue columns (指标), the first N rows of each
 * block (前N), 合计 rows, an order (排序) and a display (显示: arrows, month-named headers).
 *
 * In: a table setting, the period's facts (cases or orders with their flags) and the table context.
 * Out: the grid, the history records of EVERY row of its dimension (not only the N shown, so that a
 * row new to next month's top N still has its 上期), warnings, and a reconciliation check (rows sum to
 * 合计, and 合计 is the cohort's total less what the 范围 left out).
 *
 * History: a table records under the name of its rows (`按小类`, `按问题类型/小类`, `按大类（问题类型=部件）`),
 * shared by every table over the same rows, so a table added later finds earlier months that other
 * tables (or a rebuild) recorded. Earlier figures are looked up under the table's own name first
 * (where a clerk types a published brief's figures by hand), then under the rows' name, then (a table
 * by 来源 or a 12345 dimension without 范围) in the standard table that holds the same rows.
 */
import type { SheetGrid } from '../model/grid.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { CustomTableSetting, Settings } from '../settings/settings.ts';
import { settingsSheetName } from '../settings/settings-sheet.ts';
import { compareText, unknownUnitRowLimit } from '../stats/case-statistics.ts';
import { addCaseFlags, emptyCaseCounts, sumCaseCounts, type CaseCounts } from '../stats/case-counts.ts';
import { FactGrouper, resolveDimension, type Block, type CaseFact, type Counter, type Dimension, type Grouping, type OrderFact } from '../stats/dimensions.ts';
import { baseCountNames, caseBaseFigures, catalogueFor, orderBaseFigures, subjectLabels, type Catalogue, type OrderFiguresKnown, type Subject } from '../stats/indicators.ts';
import { addOrderFlags, emptyOrderCounts, sumOrderCounts, type OrderCounts } from '../stats/order-counts.ts';
import { parseScope, scopePredicate, type TableScope } from '../stats/table-scope.ts';
import { previousPeriod, samePeriodLastYear } from '../time/period.ts';
import { normalizeName, normalizeText } from '../text/normalize.ts';
import type { TableContext } from './case-tables.ts';
import { FigureRows, type EarlierColumn, type FigureRow } from './figure-rows.ts';
import { earlierNotes, type EarlierTable } from './earlier-periods.ts';
import { GridBuilder, headerCell, labelCell, noteCell, safeSheetName, titleCell } from './grid-builder.ts';
import type { HistoryRecord } from './history.ts';
import { columnHeader, isPeriodColumn, resolveColumn, splitPrintedHeader, type HeaderOptions } from './indicator-columns.ts';
import type { ChangeStyle } from './rate-display.ts';
import { standardRank } from './standard-order.ts';

/** How a table orders its rows. */
export type RowOrder =
  | { readonly kind: 'settings' }
  | { readonly kind: 'standard' }
  | { readonly kind: 'name' }
  | { readonly kind: 'indicator'; readonly entry: string; readonly descending: boolean };

/** A table setting read into its parts. */
export interface CustomTablePlan {
  readonly setting: CustomTableSetting;
  readonly subject: Subject;
  readonly by: Dimension;
  readonly byHeader: string;
  readonly group: Dimension | null;
  readonly groupHeader: string;
  readonly scope: TableScope;
  readonly catalogue: Catalogue;
  readonly order: RowOrder;
  readonly changeStyle: ChangeStyle;
  readonly monthHeaders: boolean;
  readonly withYear: boolean;
  readonly totalFirst: boolean;
  /** The history table its rows record into. */
  readonly rowsName: string;
}

/** The 显示 options, and how each is written. */
export const displayOptions: readonly { readonly name: string; readonly meaning: string }[] = [
  { name: '符号', meaning: '增减幅、环比、同比显示为 -0.15%、2.63%（默认）' },
  { name: '箭头', meaning: '增减幅、环比、同比显示为 ↓0.15%、↑2.63%' },
  { name: '月份表头', meaning: '同一指标列出两期时，列头写作 7月上报数、6月上报数、2020年7月上报数' },
  { name: '年月表头', meaning: '同上，列头总带年份：2021年7月上报数' },
  { name: '合计在前', meaning: '合计（总计）行放在表的第一行' },
];

/** The 排序 words, for the help text and the pane. */
export const orderWords: readonly { readonly name: string; readonly meaning: string }[] = [
  { name: '设置顺序', meaning: '按"月报设置"中来源、单位、类别的顺序（事件在部件前）' },
  { name: '标准顺序', meaning: '大类、小类按国家标准的代码顺序，标准外的排在后面、按名称' },
  { name: '从多到少:指标', meaning: '按该列从多到少（如 从多到少:上报数），并列按名称；从少到多:指标 反之' },
  { name: '按名称', meaning: '按名称的拼音顺序' },
];

const blockTotalLabel = '合计';
const totalKey = '合计';

function readOrder(text: string, by: Dimension, problems: string[]): RowOrder {
  const sort = normalizeText(text);
  const byCount: RowOrder = { kind: 'indicator', entry: by.subject === 'cases' ? '上报数' : '受理数', descending: true };
  const usual = (): RowOrder => (by.usualOrder === 'settings' ? { kind: 'settings' } : byCount);
  if (sort === '') return usual();
  if (sort === '设置顺序') {
    if (by.name === '来源' || by.name === '一级单位' || by.name === '二级单位' || by.name === '问题类型' || by.name === '12345类别' || by.name === '12345承办单位') return { kind: 'settings' };
    problems.push(`排序"设置顺序"只用于来源、单位、问题类型和12345类别，"${by.name}"已按从多到少排序`);
    return byCount;
  }
  if (sort === '标准顺序') {
    if (by.standard) return { kind: 'standard' };
    problems.push(`排序"标准顺序"只用于大类和小类，"${by.name}"已按通常的顺序排序`);
    return usual();
  }
  if (sort === '按名称' || sort === '名称') return { kind: 'name' };
  const match = /^(从多到少|从大到小|降序|从少到多|从小到大|升序)[:：]?(.*)$/.exec(sort);
  if (match) return { kind: 'indicator', entry: match[2] || byCount.entry, descending: ['从多到少', '从大到小', '降序'].includes(match[1]) };
  problems.push(`排序"${text}"无法识别，已按通常的顺序排序（可写 设置顺序、标准顺序、从多到少:上报数、按名称）`);
  return usual();
}

/**
 * Reads a table setting: its dimensions, 范围, 排序 and 显示. Returns null (with the reason among the
 * problems) when the table cannot be built; `notes` say what a name written another way was taken to be.
 */
export function planCustomTable(setting: CustomTableSetting, settings: Settings): { plan: CustomTablePlan | null; problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const dimension = (text: string, role: string): { dimension: Dimension; header: string } | null => {
    const { name, header } = splitPrintedHeader(text);
    const resolved = resolveDimension(name);
    if (!resolved) {
      problems.push(`${role}"${name}"不是维度（可用：${['来源', '一级单位', '二级单位', '县区', '问题类型', '大类', '小类', '街道', '社区', '12345类别', '12345承办单位'].join('、')}）`);
      return null;
    }
    if (resolved.takenAs) notes.push(`${role}"${name}"按"${resolved.takenAs}"理解`);
    return { dimension: resolved.dimension, header: header || (resolved.takenAs ? name : resolved.dimension.name) };
  };
  const by = dimension(setting.by, '按');
  if (!by) return { plan: null, problems, notes };
  const group = setting.groupBy ? dimension(setting.groupBy, '分组') : null;
  if (setting.groupBy && !group) return { plan: null, problems, notes };
  if (group && group.dimension.subject !== by.dimension.subject) {
    problems.push(`分组"${group.dimension.name}"与按"${by.dimension.name}"不是同一类数据（${subjectLabels[by.dimension.subject]}）`);
    return { plan: null, problems, notes };
  }
  if (group && group.dimension.name === by.dimension.name) {
    problems.push(`分组与按是同一个维度"${by.dimension.name}"`);
    return { plan: null, problems, notes };
  }
  const subject = by.dimension.subject;
  const { scope, problems: scopeProblems } = parseScope(setting.scope, subject, settings);
  problems.push(...scopeProblems.map((problem) => `范围：${problem}，这一条件未使用`));
  const order = readOrder(setting.sort, by.dimension, problems);
  const display = new Set<string>();
  for (const option of setting.display) {
    const name = normalizeText(option);
    if (displayOptions.some((known) => known.name === name)) display.add(name);
    else problems.push(`显示"${option}"无法识别（可写 ${displayOptions.map((known) => known.name).join('、')}）`);
  }
  const rowsName = `按${group ? `${group.dimension.name}/` : ''}${by.dimension.name}${scope.text ? `（${scope.text}）` : ''}`;
  return {
    plan: {
      setting,
      subject,
      by: by.dimension,
      byHeader: by.header,
      group: group?.dimension ?? null,
      groupHeader: group?.header ?? '',
      scope,
      catalogue: catalogueFor(settings, subject, { withTargets: true }),
      order,
      changeStyle: display.has('箭头') ? 'arrow' : 'sign',
      monthHeaders: display.has('月份表头'),
      withYear: display.has('年月表头'),
      totalFirst: display.has('合计在前'),
      rowsName,
    },
    problems,
    notes,
  };
}

export interface CustomTablesInput {
  readonly context: TableContext;
  /** The clerk's tables with what they counted of the period's cases and orders. */
  readonly tallies: CustomTableTallies;
  /** Whether the workbook has a cases sheet (else the tables by a case dimension are not built). */
  readonly hasCases: boolean;
  /** Whether the workbook has a 12345 sheet. */
  readonly hasOrders: boolean;
  /** What the 12345 exports can tell (超期, 回退): what they cannot is empty, not 0. */
  readonly ordersKnown?: OrderFiguresKnown;
  /** Sheet names the standard tables take. */
  readonly takenSheetNames: readonly string[];
}

/** One table's reconciliation: its rows sum to 合计, and 合计 is the cohort less what 范围 left out. */
export interface CustomTableCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface BuiltCustomTables {
  readonly grids: readonly SheetGrid[];
  readonly history: readonly HistoryRecord[];
  readonly warnings: readonly BuildWarning[];
  readonly checks: readonly CustomTableCheck[];
  /** Each table's columns of earlier periods, for the build's warnings about missing history. */
  readonly earlier: readonly EarlierTable[];
}

/** What a table needs of the period's facts, counted fact by fact (`CustomTableTally`). */
interface FactSummary<C> {
  readonly grouping: Grouping<C>;
  /** Facts of the period (the cohort), and how many the 范围 left out. */
  readonly facts: number;
  readonly outside: number;
  /** Per row value, its facts per 问题类型 (for 标准顺序). */
  readonly kinds: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Per 范围 condition: the values seen (normalised), and the first few as written. */
  readonly seen: readonly { readonly normalised: ReadonlySet<string>; readonly examples: readonly string[] }[];
}

/** Counts the period's facts for one table, fact by fact (a month in memory or a year streamed alike). */
class CustomTableTally<F extends CaseFact | OrderFact, C> {
  private readonly grouper: FactGrouper<F, C>;
  private readonly inScope: (fact: F) => boolean;
  private facts = 0;
  private readonly kinds = new Map<string, Map<string, number>>();
  private readonly seen: { normalised: Set<string>; examples: string[] }[];
  private readonly kindOf: ((fact: F) => string) | null;

  constructor(
    private readonly plan: CustomTablePlan,
    counter: Counter<F, C>,
  ) {
    this.inScope = scopePredicate(plan.scope) as (fact: F) => boolean;
    this.grouper = new FactGrouper(counter, plan.by.valueOf as (fact: F) => string, plan.group ? (plan.group.valueOf as (fact: F) => string) : null, this.inScope);
    this.seen = plan.scope.conditions.map(() => ({ normalised: new Set<string>(), examples: [] }));
    this.kindOf = plan.order.kind === 'standard' && plan.subject === 'cases' ? ((resolveDimension('问题类型')?.dimension as Dimension).valueOf as (fact: F) => string) : null;
  }

  add(fact: F): void {
    this.facts++;
    this.grouper.add(fact);
    this.plan.scope.conditions.forEach((condition, index) => {
      const value = (condition.dimension.valueOf as (fact: F) => string)(fact);
      const seen = this.seen[index];
      if (seen.examples.length < 6 && !seen.examples.includes(value)) seen.examples.push(value);
      seen.normalised.add(normalizeName(value));
    });
    if (this.kindOf && this.inScope(fact)) {
      const value = (this.plan.by.valueOf as (fact: F) => string)(fact);
      const kind = this.kindOf(fact);
      let tally = this.kinds.get(value);
      if (!tally) this.kinds.set(value, (tally = new Map()));
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
    }
  }

  summary(): FactSummary<C> {
    const grouping = this.grouper.result();
    return { grouping, facts: this.facts, outside: grouping.outside, kinds: this.kinds, seen: this.seen };
  }
}

/**
 * The clerk's tables (【自定义表格】) as the settings define them, each counting the period's facts of its
 * subject as they come (`addCase`, `addOrder`): the build then lays out each table from its counts.
 */
export class CustomTableTallies {
  readonly entries: readonly { readonly setting: CustomTableSetting; readonly plan: CustomTablePlan | null }[];
  private readonly caseTallies: CustomTableTally<CaseFact, CaseCounts>[] = [];
  private readonly orderTallies: CustomTableTally<OrderFact, OrderCounts>[] = [];
  private readonly tallyOf = new Map<CustomTableSetting, CustomTableTally<CaseFact, CaseCounts> | CustomTableTally<OrderFact, OrderCounts>>();

  constructor(settings: Settings) {
    this.entries = settings.customTables.map((setting) => ({ setting, plan: planCustomTable(setting, settings).plan }));
    for (const { setting, plan } of this.entries) {
      if (!plan) continue;
      if (plan.subject === 'cases') {
        const tally = new CustomTableTally<CaseFact, CaseCounts>(plan, caseCounter);
        this.caseTallies.push(tally);
        this.tallyOf.set(setting, tally);
      } else {
        const tally = new CustomTableTally<OrderFact, OrderCounts>(plan, orderCounter);
        this.orderTallies.push(tally);
        this.tallyOf.set(setting, tally);
      }
    }
  }

  /** Whether any table counts cases (else the facts need not be made). */
  get countsCases(): boolean {
    return this.caseTallies.length > 0;
  }

  get countsOrders(): boolean {
    return this.orderTallies.length > 0;
  }

  addCase(fact: CaseFact): void {
    for (const tally of this.caseTallies) tally.add(fact);
  }

  addOrder(fact: OrderFact): void {
    for (const tally of this.orderTallies) tally.add(fact);
  }

  summaryOf(setting: CustomTableSetting): FactSummary<CaseCounts> | FactSummary<OrderCounts> | null {
    return this.tallyOf.get(setting)?.summary() ?? null;
  }
}

const caseCounter: Counter<CaseFact, CaseCounts> = { empty: emptyCaseCounts, add: (counts, fact) => addCaseFlags(counts, fact.flags), sum: sumCaseCounts };
const orderCounter: Counter<OrderFact, OrderCounts> = { empty: emptyOrderCounts, add: (counts, fact) => addOrderFlags(counts, fact.flags), sum: sumOrderCounts };

interface SubjectData<C> {
  readonly summary: FactSummary<C>;
  readonly counter: Pick<Counter<never, C>, 'empty' | 'sum'>;
  readonly figures: (counts: C) => Map<string, number | null>;
  /** The base count a table's reconciliation compares (上报数, 受理数). */
  readonly mainCount: (counts: C) => number;
  readonly mainName: string;
  /** Where the cohort's total is shown (案件概况 总计, 12345受理). */
  readonly overviewName: string;
}

function caseData(summary: FactSummary<CaseCounts>, hasDeadlineColumn: boolean): SubjectData<CaseCounts> {
  return {
    summary,
    counter: caseCounter,
    figures: (counts) => caseBaseFigures(counts, hasDeadlineColumn),
    mainCount: (counts) => counts.reported,
    mainName: '上报数',
    overviewName: '案件概况总计',
  };
}

function orderData(summary: FactSummary<OrderCounts>, known: OrderFiguresKnown = { overdue: true, returns: true }): SubjectData<OrderCounts> {
  return {
    summary,
    counter: orderCounter,
    figures: (counts) => orderBaseFigures(counts, known),
    mainCount: (counts) => counts.received,
    mainName: '受理数',
    overviewName: '12345受理数',
  };
}

interface BuiltOne {
  readonly grid: SheetGrid;
  readonly history: HistoryRecord[];
  readonly earlier: readonly EarlierColumn[];
  readonly check: CustomTableCheck;
  readonly warnings: BuildWarning[];
}

/** The targets (【目标】) of a row: value `value` of dimension `dimension`, this period. */
function targetsFor(settings: Settings, periodKey: string, dimension: Dimension | null, value: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const target of settings.targets) {
    if (target.period !== '' && target.period !== periodKey) continue;
    if (dimension === null ? target.value !== totalKey : target.dimension !== '' && target.dimension !== dimension.name) continue;
    if (dimension !== null && normalizeName(dimension.canonical(target.value, settings)) !== normalizeName(value)) continue;
    found.set(target.indicator, target.amount);
  }
  return found;
}

function buildOne<C>(plan: CustomTablePlan, data: SubjectData<C>, context: TableContext, sheetName: string): BuiltOne {
  const { settings } = context;
  const { setting, by, group, catalogue } = plan;
  const grouping = data.summary.grouping;
  const targetNames = catalogue.targetNames;
  // The counts the history keeps of each row: the parts of every column (so that next month's 上期,
  // and next year's 去年同期, of each can be rebuilt), not the whole catalogue. A column added later
  // finds its 上期 once the past month is rebuilt with it.
  const needed = new Set<string>();
  for (const entry of [...setting.columns, ...(plan.order.kind === 'indicator' ? [plan.order.entry] : [])]) {
    const resolution = resolveColumn(entry, catalogue);
    if (resolution.ok) for (const part of catalogue.partsOf(resolution.column.indicator)) if (catalogue.isBase(part)) needed.add(part);
  }
  const rows = new FigureRows({
    ...context,
    catalogue,
    table: plan.rowsName,
    changeStyle: plan.changeStyle,
    alwaysRecorded: [...baseCountNames(plan.subject), ...targetNames].filter((name) => needed.has(name)),
    sparse: true,
    placesOf: (rowKey) => {
      const places = [
        { table: setting.name, row: rowKey },
        { table: plan.rowsName, row: rowKey },
      ];
      const standard = by.standardTable;
      if (standard && !group && plan.scope.conditions.length === 0) places.push({ table: standard.table, row: rowKey === totalKey ? standard.totalKey : standard.rowKey(rowKey) });
      return places;
    },
  });
  const columns = setting.columns;
  // The targets the table's columns use: only their rows join the table when nothing was counted there.
  const usedTargets = new Set<string>();
  for (const entry of columns) {
    const column = rows.column(entry);
    if (column) for (const part of catalogue.partsOf(column.indicator)) if (targetNames.includes(part)) usedTargets.add(part);
  }

  // Units not in the settings: the most reported get rows of their own, the rest one row (as 部门处置
  // does), so that a wrong unit column gives no table, or history, of 100,000 rows; no record is lost.
  if (by.name === '一级单位' || by.name === '二级单位' || by.name === '12345承办单位') {
    const configured = new Set(by.settingsOrder(settings) ?? []);
    for (const block of grouping.blocks.values()) {
      const unknown = [...block.rows].filter(([value]) => !configured.has(value) && !value.startsWith('（未填')).sort(([a, left], [b, right]) => data.mainCount(right) - data.mainCount(left) || compareText(a, b));
      if (unknown.length <= unknownUnitRowLimit) continue;
      const rest = unknown.slice(unknownUnitRowLimit);
      for (const [value] of rest) block.rows.delete(value);
      block.rows.set(`其余 ${rest.length} 个不在设置中的单位`, data.counter.sum(rest.map(([, counts]) => counts)));
    }
  }

  // Rows of each block: what was counted, and (without 分组) configured values and targets' rows.
  const blockOrder = (values: string[]): string[] => {
    if (!group) return values;
    const order = group.settingsOrder(settings) ?? [];
    const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
    return values.sort((left, right) => rank(left) - rank(right) || data.mainCount((grouping.blocks.get(right) as Block<C>).total) - data.mainCount((grouping.blocks.get(left) as Block<C>).total) || compareText(left, right));
  };
  if (!group && !grouping.blocks.has('')) grouping.blocks.set('', { value: '', total: data.counter.empty(), rows: new Map() });
  if (!group) {
    const block = grouping.blocks.get('') as Block<C>;
    const scoped = plan.scope.conditions.some((condition) => condition.dimension.name === by.name);
    const extra = [
      ...(scoped ? [] : by.listed(settings)),
      ...settings.targets
        .filter((target) => usedTargets.has(target.indicator) && target.value !== totalKey && (target.dimension === '' || target.dimension === by.name) && (target.period === '' || target.period === context.periodKey))
        .map((target) => by.canonical(target.value, settings)),
    ];
    for (const value of extra) if (!block.rows.has(value)) block.rows.set(value, data.counter.empty());
  }

  const figureRow = (key: string, counts: C, targets: ReadonlyMap<string, number | null>, totalRowKey: string, totalFigures: ReadonlyMap<string, number | null>): FigureRow => {
    const figures = data.figures(counts);
    for (const name of targetNames) figures.set(name, targets.get(name) ?? null);
    return { key, figures, totalKey: totalRowKey, totalFigures };
  };
  const sumTargets = (parts: readonly FigureRow[]): Map<string, number | null> =>
    new Map(
      targetNames.map((name) => {
        const values = parts.map((part) => part.figures.get(name)).filter((value): value is number => typeof value === 'number');
        return [name, values.length ? values.reduce((sum, value) => sum + value, 0) : null];
      }),
    );

  // Figures of every row, block totals and the grand total (targets of a total: typed, else summed).
  const blockValues = blockOrder([...grouping.blocks.keys()]);
  const grandFigures = data.figures(grouping.total);
  interface BlockRows {
    readonly value: string;
    readonly total: FigureRow;
    readonly rows: { readonly value: string; readonly row: FigureRow }[];
  }
  const provisional = blockValues.map((blockValue) => {
    const block = grouping.blocks.get(blockValue) as Block<C>;
    const prefix = group ? `${blockValue}/` : '';
    const totalRowKey = group ? `${blockValue}/${blockTotalLabel}` : totalKey;
    const blockFigures = data.figures(block.total);
    const list = [...block.rows].map(([value, counts]) => ({ value, row: figureRow(`${prefix}${value}`, counts, targetsFor(settings, context.periodKey, by, value), totalRowKey, blockFigures) }));
    return { blockValue, totalRowKey, blockFigures, list };
  });
  const allRows = provisional.flatMap((entry) => entry.list.map((item) => item.row));
  const grandTargets = targetsFor(settings, context.periodKey, null, totalKey);
  const summed = sumTargets(allRows);
  for (const name of targetNames) grandFigures.set(name, grandTargets.get(name) ?? summed.get(name) ?? null);
  const grand: FigureRow = { key: totalKey, figures: grandFigures, totalKey, totalFigures: grandFigures };
  const blocks: BlockRows[] = provisional.map(({ blockValue, totalRowKey, blockFigures, list }) => {
    const typed = group ? targetsFor(settings, context.periodKey, group, blockValue) : new Map<string, number>();
    const sums = sumTargets(list.map((item) => item.row));
    for (const name of targetNames) blockFigures.set(name, typed.get(name) ?? sums.get(name) ?? null);
    // Without 分组 the one block's total is the grand total.
    const total: FigureRow = group ? { key: totalRowKey, figures: blockFigures, totalKey: totalRowKey, totalFigures: blockFigures } : grand;
    const rowsWithTotals = list.map((item) => ({ value: item.value, row: { ...item.row, totalFigures: total.figures } }));
    return { value: blockValue, total, rows: rowsWithTotals };
  });

  // Order and 前N. 标准顺序 needs a row's 问题类型 (市容环境 is a 大类 of both): the most common among its cases.
  const settingsOrder = by.settingsOrder(settings) ?? [];
  const kinds = data.summary.kinds;
  const kindOf = (value: string): string | undefined => [...(kinds.get(value) ?? [])].sort((left, right) => right[1] - left[1])[0]?.[0];
  const nameOrder = (left: { value: string }, right: { value: string }) => compareText(left.value, right.value);
  const sorted = (list: BlockRows['rows'], blockValue: string): BlockRows['rows'] => {
    const order = plan.order;
    const copy = [...list];
    if (order.kind === 'name') return copy.sort(nameOrder);
    if (order.kind === 'settings') {
      const rank = (value: string) => (settingsOrder.includes(value) ? settingsOrder.indexOf(value) : settingsOrder.length);
      return copy.sort((left, right) => rank(left.value) - rank(right.value) || nameOrder(left, right));
    }
    if (order.kind === 'standard') {
      const rank = (value: string) => standardRank(by.standard as 'mainType' | 'subType', value, group?.name === '问题类型' ? blockValue : kindOf(value)) ?? Number.POSITIVE_INFINITY;
      return copy.sort((left, right) => {
        const [a, b] = [rank(left.value), rank(right.value)];
        return a === b ? nameOrder(left, right) : a < b ? -1 : 1;
      });
    }
    const keyed = copy.map((item) => ({ item, key: rows.value(order.entry, item.row, true) }));
    keyed.sort((left, right) => {
      if (left.key === null || right.key === null) return left.key === right.key ? nameOrder(left.item, right.item) : left.key === null ? 1 : -1;
      const difference = order.descending ? right.key - left.key : left.key - right.key;
      return difference || nameOrder(left.item, right.item);
    });
    return keyed.map(({ item }) => item);
  };

  // The grid.
  // 月份表头 names the columns of an indicator shown for two periods (7月 | 6月), not a lone 结案数.
  const periodsShown = new Map<string, Set<string>>();
  for (const entry of columns) {
    const column = rows.column(entry);
    if (column && isPeriodColumn(column)) periodsShown.set(column.indicator.name, (periodsShown.get(column.indicator.name) ?? new Set()).add(column.comparison));
  }
  const headerOptions = (monthNamed: boolean): HeaderOptions => ({ monthNamed, withYear: plan.withYear, period: context.period, previous: previousPeriod(context.period), lastYear: samePeriodLastYear(context.period) });
  const labelCols = group ? 2 : 1;
  const builder = new GridBuilder();
  const width = labelCols + columns.length;
  builder.addRow([titleCell(`${setting.name}（${context.periodLabel}）`)]);
  builder.merge(0, 0, 0, width - 1);
  const headers = columns.map((entry) => {
    const column = rows.column(entry);
    const twins = column !== null && (periodsShown.get(column.indicator.name)?.size ?? 0) > 1;
    return headerCell(column ? columnHeader(column, headerOptions((plan.monthHeaders || plan.withYear) && twins)) : entry);
  });
  builder.addRow([...(group ? [headerCell(plan.groupHeader)] : []), headerCell(plan.byHeader), ...headers]);
  const cells = (row: FigureRow, total: boolean) => columns.map((entry) => rows.cell(entry, row, total));
  const grandLabel = setting.totalLabel || (group ? '总计' : '合计');
  const addGrandTotal = () => {
    const index = builder.addRow([labelCell(grandLabel, true), ...(group ? [labelCell('', true)] : []), ...cells(grand, true)]);
    if (group) builder.merge(index, 0, index, 1);
  };
  // A short label (二级单位: 一中队) unless two rows of the block would print the same.
  const labelsOf = (list: BlockRows['rows']): Map<string, string> => {
    const short = (value: string) => by.label?.(value) ?? value;
    const uses = new Map<string, number>();
    for (const item of list) uses.set(short(item.value), (uses.get(short(item.value)) ?? 0) + 1);
    return new Map(list.map((item) => [item.value, (uses.get(short(item.value)) ?? 0) > 1 ? item.value : short(item.value)]));
  };
  if (setting.total && plan.totalFirst) addGrandTotal();
  let shownMain = 0;
  let hiddenRows = 0;
  let hiddenMain = 0;
  const mainOf = (row: FigureRow) => (row.figures.get(data.mainName) as number | null) ?? 0;
  for (const block of blocks) {
    const ordered = sorted(block.rows, block.value);
    const labels = labelsOf(block.rows);
    const shown = setting.top === null ? ordered : ordered.slice(0, setting.top);
    const start = builder.rowCount;
    if (group && setting.total) builder.addRow([labelCell(block.value), labelCell(blockTotalLabel, true), ...cells(block.total, true)]);
    for (const item of shown) builder.addRow([...(group ? [labelCell(block.value)] : []), labelCell(labels.get(item.value) ?? item.value), ...cells(item.row, false)]);
    if (group && builder.rowCount > start) builder.merge(start, 0, builder.rowCount - 1, 0);
    shownMain += shown.reduce((sum, item) => sum + mainOf(item.row), 0);
    hiddenRows += ordered.length - shown.length;
    hiddenMain += ordered.slice(shown.length).reduce((sum, item) => sum + mainOf(item.row), 0);
  }
  if (setting.total && !plan.totalFirst) addGrandTotal();

  const tableNotes = [
    ...(plan.scope.text ? [`范围：${plan.scope.text}。`] : []),
    ...(setting.top !== null ? [`每${group ? '组' : '表'}列出前${setting.top}行；合计为全部${hiddenRows ? `（另有 ${hiddenRows} 行未列出）` : ''}。`] : []),
    context.notes[0],
    ...earlierNotes(context, rows.earlier),
    ...context.notes.slice(1),
  ];
  builder.addBlankRow();
  for (const text of tableNotes) builder.addRow([noteCell(text)]);
  const grid = builder.toSheet(sheetName, { freezeRows: 2, freezeCols: labelCols });

  // History: every row of every block, the block totals and the grand total.
  const history: HistoryRecord[] = [];
  for (const block of blocks) {
    for (const item of block.rows) history.push(...rows.record(item.row));
    if (group) history.push(...rows.record(block.total));
  }
  history.push(...rows.record(grand));

  // Reconciliation: every row (shown or not) adds up to 合计, which is the cohort less 范围.
  const main = data.mainName;
  const rowsSum = blocks.reduce((sum, block) => sum + block.rows.reduce((inner, item) => inner + mainOf(item.row), 0), 0);
  const blocksSum = blocks.reduce((sum, block) => sum + mainOf(block.total), 0);
  const grandMain = mainOf(grand);
  const cohort = data.summary.facts;
  const checkedOutside = data.summary.outside;
  const ok = rowsSum === grandMain && blocksSum === grandMain && grandMain === cohort - checkedOutside;
  const shownText = setting.top !== null ? `（列出的行 ${shownMain} + 未列出的 ${hiddenRows} 行 ${hiddenMain}）` : '';
  const scopeText = checkedOutside ? ` − 范围外 ${checkedOutside}` : '';
  const check: CustomTableCheck = {
    name: `"${setting.name}"：各行之和 = 合计 = ${data.overviewName}${checkedOutside ? ' − 范围外' : ''}`,
    ok,
    detail: `${main}：各行之和 ${rowsSum}${shownText}${group ? `，各组合计之和 ${blocksSum}` : ''}，合计 ${grandMain}；${data.overviewName} ${cohort}${scopeText} = ${cohort - checkedOutside}`,
  };

  // Values of the 范围 that this period never saw (a slip in a name is the usual reason).
  const warnings: BuildWarning[] = [];
  for (const [index, condition] of plan.scope.conditions.entries()) {
    const seen = data.summary.seen[index].normalised;
    const configured = new Set((condition.dimension.settingsOrder(settings) ?? []).map((value) => normalizeName(value)));
    const unseen = condition.values.filter((value) => !seen.has(normalizeName(value)) && !configured.has(normalizeName(value)));
    if (unseen.length) {
      warnings.push({ kind: 'settings', sheet: sheetName, rows: [], message: `"${setting.name}"的范围中"${unseen.join('、')}"在本期的${condition.dimension.name}中没有出现。`, action: `检查是否写错（本期的${condition.dimension.name}如：${data.summary.seen[index].examples.join('、')}）。` });
    }
  }
  const headerOf = new Map(columns.map((entry, index) => [entry, String(headers[index].value)]));
  const earlier = rows.earlier.map((entry) => ({ ...entry, column: headerOf.get(entry.column) ?? entry.column }));
  return { grid, history, earlier, check, warnings };
}

/** Builds every table of 【自定义表格】 that can be built; the others are warned about. */
export function buildCustomTables(input: CustomTablesInput): BuiltCustomTables {
  const { context } = input;
  const grids: SheetGrid[] = [];
  const history = new Map<string, HistoryRecord>();
  const warnings: BuildWarning[] = [];
  const checks: CustomTableCheck[] = [];
  const earlier: EarlierTable[] = [];
  const taken = new Set(input.takenSheetNames);
  const settingsWarning = (message: string, action: string): BuildWarning => ({ kind: 'settings', sheet: settingsSheetName, rows: [], message, action });
  for (const { setting, plan } of input.tallies.entries) {
    if (!plan) continue; // the settings' name check says why
    const sheetName = safeSheetName(`${context.periodLabel}-${setting.name}`);
    if (taken.has(sheetName)) {
      warnings.push(settingsWarning(`【自定义表格】"${setting.name}"的工作表名"${sheetName}"与另一张表相同，这张表未生成。`, '给这张表换一个名字（工作表名最多 31 个字符）。'));
      continue;
    }
    const summary = (plan.subject === 'cases' ? input.hasCases : input.hasOrders) ? input.tallies.summaryOf(setting) : null;
    if (!summary) {
      warnings.push(settingsWarning(`【自定义表格】"${setting.name}"按${plan.by.name}统计，但工作簿中没有${subjectLabels[plan.subject]}导出表，这张表未生成。`, `打开${subjectLabels[plan.subject]}的导出表后重新生成。`));
      continue;
    }
    taken.add(sheetName);
    const built = plan.subject === 'cases' ? buildOne(plan, caseData(summary as FactSummary<CaseCounts>, context.hasDeadlineColumn), context, sheetName) : buildOne(plan, orderData(summary as FactSummary<OrderCounts>, input.ordersKnown), context, sheetName);
    grids.push(built.grid);
    for (const record of built.history) history.set(`${record.table}\u0000${record.row}\u0000${record.indicator}`, record);
    checks.push(built.check);
    warnings.push(...built.warnings);
    earlier.push({ sheet: built.grid.name, name: setting.name, rowsName: plan.rowsName, columns: built.earlier });
  }
  return { grids, history: [...history.values()], warnings, checks, earlier };
}

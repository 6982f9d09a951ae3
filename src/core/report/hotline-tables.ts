/**
 * The 12345 sheets of the brief as grids: 12345受理 （四） with a column chart of units and a pie chart
 * of categories, 热难点 （五） and 十件事 （六）. Every description passes through the masking of
 * personal information; no caller name or phone number reaches a cell.
 */
import type { ChartSpec, SheetGrid } from '../model/grid.ts';
import type { OrderRecord } from '../model/order-record.ts';
import type { HotlineStatistics } from '../stats/hotline-statistics.ts';
import type { RepeatGroup } from '../stats/repeat-problems.ts';
import type { TopicFigures } from '../stats/focus-topics.ts';
import { maskPersonalInfo } from '../text/mask.ts';
import { baseCountNames, catalogueFor, orderBaseFigures, type OrderFiguresKnown } from '../stats/indicators.ts';
import { emptyOrderCounts, type OrderCounts } from '../stats/order-counts.ts';
import type { HistoryRecord } from './history.ts';
import { FigureRows, type EarlierColumn, type FigureRow } from './figure-rows.ts';
import { earlierNotes } from './earlier-periods.ts';
import { isRateColumn } from './indicator-columns.ts';
import type { TableContext } from './case-tables.ts';
import { countCell, GridBuilder, headerCell, labelCell, noteCell, textCell, titleCell } from './grid-builder.ts';
import { formatRate } from './rate-display.ts';
import { periodWords } from '../time/period.ts';

const chartWidthInColumns = 8;
const columnChartRows = 16;
const pieChartRows = 20;

export const hotlineTableNames = { received: '12345受理', repeats: '热难点', topics: '十件事' } as const;

/** What the 12345 builders need: the case tables' context, and the caller names to mask. */
export interface HotlineTableContext extends Omit<TableContext, 'hasDeadlineColumn'> {
  /** Caller names of the export: masked wherever they occur in free text. */
  readonly callerNames: ReadonlySet<string>;
}

export interface BuiltHotlineTables {
  readonly grids: readonly SheetGrid[];
  readonly history: readonly HistoryRecord[];
  /** Entries of 【表格列】 12345按单位 / 12345按类别 that are no indicator. */
  readonly unknownColumns: readonly string[];
  /** Columns of 12345受理 of an earlier period (上期X, X环比 …), as the history filled them. */
  readonly earlierColumns: readonly EarlierColumn[];
  /** 受理数 of the previous period, or null when the history has none. */
  readonly previousReceived: number | null;
}

const boilerplateStart = /^(?:[（(]?(?:市民|群众|来电人|来电|诉求人|投诉人|反映人|网友|业主)[^，,。：:]{0,6}?(?:来电|反映|投诉|称|表示|诉求)+[：:，,]?)+/;
const boilerplateEnd = /[，,。]?(?:请|希望|要求|恳请)(?:相关|有关)?(?:部门|单位)?(?:尽快|及时|予以|给予|前往|上门)?(?:处理|解决|核实|查处|整改)[^。]*[。！!]?$/;

/** A description fit for the brief: boilerplate trimmed, personal information masked. */
export function describeOrder(order: OrderRecord, callerNames: ReadonlySet<string>): string {
  let text = order.content.trim().replace(/\s+/g, ' ');
  text = text.replace(boilerplateStart, '').replace(boilerplateEnd, '');
  text = maskPersonalInfo(text, callerNames)
    // A masked contact says nothing to the reader: drop "联系电话***" and the like altogether.
    .replace(/[，,；;。\s]*(?:联系电话|联系方式|电话|手机|手机号|座机)[：:\s]*(?:\*{3}[，,、\s]*)+/g, '，')
    .replace(/[，,]+([。！？!?]|$)/g, '$1')
    .trim();
  if (text && !/[。！？!?]$/.test(text)) text += '。';
  return text;
}

function sheetName(context: HotlineTableContext, suffix: string): string {
  return `${context.periodLabel}-${suffix}`;
}

function addNotes(builder: GridBuilder, notes: readonly string[]): void {
  builder.addBlankRow();
  for (const note of notes) builder.addRow([noteCell(note)]);
}

/** The by-unit or by-category table of 12345受理: its catalogue columns over the rows, then 合计. */
function figureTable(
  builder: GridBuilder,
  rows: FigureRows,
  options: { readonly label: string; readonly columns: readonly string[]; readonly prefix: string; readonly names: readonly string[]; readonly countsOf: ReadonlyMap<string, OrderCounts>; readonly total: OrderCounts; readonly known: OrderFiguresKnown },
): { header: number; last: number; valueCol: number | null; history: HistoryRecord[] } {
  const totalFigures = orderBaseFigures(options.total, options.known);
  const history: HistoryRecord[] = [];
  const header = builder.addRow([headerCell(options.label), ...options.columns.map(headerCell)]);
  for (const name of options.names) {
    const row: FigureRow = { key: `${options.prefix}/${name}`, figures: orderBaseFigures(options.countsOf.get(name) ?? emptyOrderCounts(), options.known), totalKey: '总计', totalFigures };
    builder.addRow([labelCell(name), ...options.columns.map((entry) => rows.cell(entry, row, false))]);
    history.push(...rows.record(row));
  }
  const last = builder.rowCount - 1;
  const total: FigureRow = { key: '总计', figures: totalFigures, totalKey: '总计', totalFigures };
  builder.addRow([labelCell('合计', true), ...options.columns.map((entry) => rows.cell(entry, total, true))]);
  // The chart shows the first column of this period's 受理数 (or of any count).
  const counts = options.columns.map((entry) => rows.column(entry));
  const chartColumn = counts.findIndex((column) => column?.comparison === 'current' && column.indicator.name === '受理数');
  const anyCount = counts.findIndex((column) => column?.comparison === 'current' && !isRateColumn(column));
  const valueCol = chartColumn >= 0 ? chartColumn + 1 : anyCount >= 0 ? anyCount + 1 : null;
  return { header, last, valueCol, history };
}

function received(context: HotlineTableContext, stats: HotlineStatistics): { grid: SheetGrid; history: HistoryRecord[]; previous: number | null; rows: FigureRows } {
  const table = hotlineTableNames.received;
  const builder = new GridBuilder();
  const rows = new FigureRows({ ...context, table, catalogue: catalogueFor(context.settings, 'hotline'), alwaysRecorded: baseCountNames('hotline') });
  const history: HistoryRecord[] = [];
  const known: OrderFiguresKnown = { overdue: stats.overdueKnown, returns: stats.returnsKnown };
  const previous = context.history.get(context.previousKey, table, '总计', '受理数') ?? null;
  builder.addRow([titleCell(`（四）12345政务服务便民热线受理情况（${context.periodLabel}）`)]);
  // The tables are three columns narrow; the title spans the width of the charts below them.
  builder.merge(0, 0, 0, chartWidthInColumns - 1);
  const change = previous === null ? `上期（${context.previousLabel}）无记录` : stats.received >= previous ? `较上期增加${stats.received - previous}件` : `较上期减少${previous - stats.received}件`;
  // Say only what the export allows: without a deadline or an overdue column 超期 is unknown, not 0.
  const overdueText = !stats.overdueKnown ? '超期情况无法判断（导出表没有办理时限或是否超期列）' : stats.overdue ? `超期办理${stats.overdue}件` : '未出现超期办理案件';
  const returnedText = stats.returnsKnown ? `回退${stats.returned}件` : '回退情况无法统计（导出表没有回退次数列，也没有回退记录表）';
  builder.addRow([noteCell(`${context.periodLabel}共受理12345工单${stats.received}件，${change}；已办结${stats.done}件，正在办理${stats.inProgress}件；${overdueText}；${returnedText}。`)]);
  builder.addBlankRow();

  builder.addRow([noteCell('1、部门受理情况')]);
  builder.addRow([noteCell(`${context.periodLabel}，${stats.byUnit.map((unit) => `${unit.name}${unit.count}件`).join('，')}。`)]);
  const columns = context.settings.tableColumns;
  const units = figureTable(builder, rows, { label: '承办单位', columns: columns.hotlineUnits, prefix: '单位', names: stats.byUnit.map((unit) => unit.name), countsOf: stats.countsByUnit, total: stats.counts, known });
  history.push(...units.history);
  builder.addBlankRow();

  builder.addRow([noteCell('2、各案件类别受理情况')]);
  const biggest = [...stats.byCategory].sort((left, right) => right.count - left.count)[0];
  builder.addRow([
    noteCell(
      `${context.periodLabel}，受理${stats.byCategory.map((category) => `${category.name}${category.count}件`).join('，')}。` +
        (biggest && stats.received ? `其中${biggest.name}最多，占${formatRate(biggest.count / stats.received)}。` : ''),
    ),
  ]);
  const categories = figureTable(builder, rows, { label: '案件类别', columns: columns.hotlineCategories, prefix: '类别', names: stats.byCategory.map((category) => category.name), countsOf: stats.countsByCategory, total: stats.counts, known });
  history.push(...categories.history);
  builder.addBlankRow();

  builder.addRow([noteCell('3、回退情况')]);
  builder.addRow([
    noteCell(!stats.returnsKnown ? '导出表没有回退次数列，也没有回退记录表，回退情况无法统计。' : stats.returned ? `回退至各责任单位共${stats.returned}件，其中${stats.returnsByUnit.map((unit) => `${unit.name}${unit.count}件`).join('，')}。` : '本期没有回退的工单。'),
  ]);
  builder.addRow([headerCell('单位'), headerCell('回退数')]);
  for (const unit of stats.returnsByUnit) builder.addRow([labelCell(unit.name), countCell(unit.count)]);
  builder.addRow([labelCell('合计', true), { ...countCell(stats.returnsKnown ? stats.returned : null, true), figure: { table, row: '总计', indicator: '回退数' } }]);
  history.push(...rows.record({ key: '总计', figures: orderBaseFigures(stats.counts, known), totalKey: '总计', totalFigures: orderBaseFigures(stats.counts, known) }));
  // 较上期 in the summary line reads the 上期 受理数: the note says where it came from.
  const earlier = rows.earlier;
  addNotes(builder, [context.notes[0], context.previousNote(previous !== null || earlier.some((column) => column.which === 'previous' && column.filled > 0)), ...earlierNotes(context, earlier.filter((column) => column.which === 'lastYear')), ...context.notes.slice(1)]);

  // Charts go below everything: the summary lines overflow to the right and must not run under them.
  const chartTop = builder.rowCount + 1;
  const chart = (part: typeof units, spec: Omit<ChartSpec, 'categories' | 'values'>): ChartSpec[] =>
    part.valueCol === null ? [] : [{ ...spec, categories: { row: part.header + 1, col: 0, lastRow: part.last }, values: { row: part.header + 1, col: part.valueCol, lastRow: part.last } }];
  const charts =
    stats.received > 0
      ? [
          ...chart(units, {
            type: 'column' as const,
            title: `${context.periodLabel}各部门受理情况`,
            seriesName: '受理数',
            anchor: { row: chartTop, col: 0, rows: columnChartRows, cols: chartWidthInColumns },
            labels: 'value' as const,
          }),
          ...chart(categories, {
            type: 'pie' as const,
            title: `${context.periodLabel}各案件类别占比`,
            seriesName: '受理数',
            anchor: { row: chartTop + columnChartRows + 1, col: 0, rows: pieChartRows, cols: chartWidthInColumns },
            labels: 'categoryAndPercent' as const,
          }),
        ]
      : [];
  return { grid: builder.toSheet(sheetName(context, hotlineTableNames.received), { freezeRows: 1, charts }), history, previous, rows };
}

function unitLabels(group: RepeatGroup): [string, string | null] {
  const unit = group.representative.unit;
  if (!unit) return ['（未填承办单位）', null];
  return [unit.level1, unit.level2];
}

function repeats(context: HotlineTableContext, stats: HotlineStatistics): SheetGrid {
  const builder = new GridBuilder();
  builder.addRow([titleCell(`（五）各处置部门热难点案件（12345系统受理${context.settings.repeatThreshold}次及以上，${context.periodLabel}）`)]);
  builder.merge(0, 0, 0, 4);
  const header = builder.addRow([headerCell('专业部门'), headerCell(''), headerCell('案件小类'), headerCell('案件描述'), headerCell('受理次数')]);
  builder.merge(header, 0, header, 1);
  const hotlineNameOf = new Map(context.settings.firstLevelUnits.map((unit) => [unit.name, unit.hotlineName || unit.name]));
  if (stats.repeatGroups.length === 0) {
    const row = builder.addRow([labelCell('本期无'), labelCell(''), labelCell(''), textCell(`没有受理${context.settings.repeatThreshold}次及以上的同一问题。`), countCell(null)]);
    builder.merge(row, 0, row, 1);
  }
  // Blocks: one unit (merged over its rows), inside it one sub-category (merged), numbered problems.
  let index = 0;
  const groups = stats.repeatGroups;
  while (index < groups.length) {
    const [level1, level2] = unitLabels(groups[index]);
    const unitStart = builder.rowCount;
    while (index < groups.length && unitLabels(groups[index]).join('/') === [level1, level2].join('/')) {
      const subCategory = groups[index].subCategory;
      const subStart = builder.rowCount;
      const block: RepeatGroup[] = [];
      while (index < groups.length && unitLabels(groups[index]).join('/') === [level1, level2].join('/') && groups[index].subCategory === subCategory) block.push(groups[index++]);
      block.forEach((group, number) => {
        const description = describeOrder(group.representative, context.callerNames);
        builder.addRow([labelCell(hotlineNameOf.get(level1) ?? level1), labelCell(level2 ?? ''), labelCell(subCategory), textCell(block.length > 1 ? `${number + 1}、${description}` : description), countCell(group.orders.length)]);
      });
      builder.merge(subStart, 2, builder.rowCount - 1, 2);
    }
    if (level2 === null) {
      for (let row = unitStart; row < builder.rowCount; row++) builder.merge(row, 0, row, 1);
    } else {
      builder.merge(unitStart, 0, builder.rowCount - 1, 0);
      builder.merge(unitStart, 1, builder.rowCount - 1, 1);
    }
  }
  addNotes(builder, [`热难点：同一承办单位、同一地点（小区、道路或地标，楼栋门牌不冲突）、同一类别且内容相近的工单达到${context.settings.repeatThreshold}件；重复工单码相同或在标记表中手工归为一组的也算一组。`, ...context.notes]);
  return builder.toSheet(sheetName(context, hotlineTableNames.repeats), { freezeRows: 2, maxWidth: 60 });
}

function topics(context: HotlineTableContext, figures: readonly TopicFigures[], repeatDescriptions: (group: RepeatGroup) => string): SheetGrid {
  const builder = new GridBuilder();
  builder.addRow([titleCell(`（六）涉及"群众最不满意的十件事"（${context.periodLabel}）`)]);
  builder.merge(0, 0, 0, 6);
  builder.addRow(['事项', '来源', '受理数量', '已办结', '正在办理', '涉及小区/区域', `${periodWords(context.period).current}热难点案件`].map(headerCell));
  const joinPlaces = (places: readonly string[], more: boolean) => (places.length ? places.join('、') + (more ? '等' : '') : '');
  const numbered = (items: readonly string[]) => (items.length > 1 ? items.map((item, index) => `${index + 1}、${item}`).join('\n') : (items[0] ?? ''));
  for (const figure of figures) {
    const start = builder.addRow([
      labelCell(figure.topic.name),
      labelCell('12345系统受理案件'),
      countCell(figure.orders.received),
      countCell(figure.orders.done),
      countCell(figure.orders.inProgress),
      textCell(joinPlaces(figure.orders.places, figure.orders.morePlaces)),
      textCell(numbered(figure.orders.repeatGroups.map(repeatDescriptions))),
    ]);
    const caseAreas = figure.cases.descriptions.length ? numbered(figure.cases.descriptions.map((text) => maskPersonalInfo(text))) : joinPlaces(figure.cases.places, figure.cases.morePlaces);
    builder.addRow([labelCell(figure.topic.name), labelCell('巡查上报案件'), countCell(figure.cases.received), countCell(figure.cases.done), countCell(figure.cases.inProgress), textCell(caseAreas), textCell('')]);
    builder.merge(start, 0, start + 1, 0);
  }
  if (figures.length === 0) builder.addRow([textCell('"月报设置"的【十件事】中没有事项。')]);
  addNotes(builder, context.notes);
  return builder.toSheet(sheetName(context, hotlineTableNames.topics), { freezeRows: 2, maxWidth: 50 });
}

/**
 * Builds the three 12345 sheets and the figures they record in the history. `withRecords` false (a
 * period built from the history's figures): 12345受理 only, since 热难点 and 十件事 need the orders.
 */
export function buildHotlineTables(stats: HotlineStatistics, topicFigures: readonly TopicFigures[], context: HotlineTableContext, options: { readonly withRecords?: boolean } = {}): BuiltHotlineTables {
  const first = received(context, stats);
  const repeatDescription = (group: RepeatGroup) => `${describeOrder(group.representative, context.callerNames)}${group.subCategory ? `（${group.subCategory}，${group.orders.length}件）` : ''}`;
  return {
    grids: options.withRecords === false ? [first.grid] : [first.grid, repeats(context, stats), topics(context, topicFigures, repeatDescription)],
    history: first.history,
    unknownColumns: [...first.rows.unknown],
    earlierColumns: first.rows.earlier,
    previousReceived: first.previous,
  };
}

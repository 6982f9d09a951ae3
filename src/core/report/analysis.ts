/**
 * 二、具体分析 and 三、工作建议 drafted from the period's figures, as the sheet `2021年9月-具体分析`:
 * one paragraph per cell, for the clerk to edit; the Word brief takes its paragraphs from there.
 *
 * In the reference brief's manner: patrol reports and their change against 上期 (变化不大 within a
 * threshold, else 增加/减少 N 件), the three most reported 小类, the units at 100% and those under the
 * warning line by name with their figure, 12345 受理数 and 较上期, overdue, returns by unit, counties
 * under a threshold, each focus topic's figures; what the exports cannot know (a work plan's point
 * counts, a transfer list) is a marked placeholder 【请填写：…】. 三、工作建议: last month's suggestions
 * as the clerk left them (else the settings' standing ones), plus drafted ones where a figure calls
 * for one. Every sentence is a template of the settings with named figures; every number in it is
 * computed by the same indicator and printed by the same rate rule as the tables, so it is the
 * number in the tables.
 */
import type { GridCell, SheetGrid } from '../model/grid.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import { briefSections, type TemplateName } from '../settings/brief-settings.ts';
import { settingsSheetName } from '../settings/settings-sheet.ts';
import type { CaseCounts } from '../stats/case-counts.ts';
import { compareText, type CaseStatistics } from '../stats/case-statistics.ts';
import type { HotlineStatistics } from '../stats/hotline-statistics.ts';
import type { TopicFigures } from '../stats/focus-topics.ts';
import { findIndicator } from '../stats/indicators.ts';
import { cellToText } from '../text/normalize.ts';
import type { TableContext } from './case-tables.ts';
import { displayWidth, GridBuilder, headerCell, noteCell, textCell, titleCell } from './grid-builder.ts';
import { readBackSheet, type StoredLayout } from './layout-store.ts';
import { formatRate } from './rate-display.ts';
import { periodWords } from '../time/period.ts';

export const analysisTableName = '具体分析';
export const analysisHeadings = { analysis: '二、具体分析', suggestions: '三、工作建议' } as const;
/** Row tag of a drafted suggestion: not carried over to next month unless the clerk rewrote it. */
export const draftedSuggestionTag = '起草建议';

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** （一）, （二） … */
export function ordinalPrefix(index: number): string {
  return `（${ordinals[index] ?? String(index + 1)}）`;
}
const ordinalPattern = /^\s*[（(][一二三四五六七八九十\d]+[）)]\s*/;

export interface AnalysisInput {
  readonly context: TableContext;
  readonly statistics: CaseStatistics | null;
  readonly hotline: HotlineStatistics | null;
  readonly topics: readonly TopicFigures[];
  /** 12345 受理数 of the previous period (null: not recorded). */
  readonly previousReceived: number | null;
  /** Last month's 三、工作建议 as the clerk left them; null when last month has no 具体分析 sheet. */
  readonly carriedSuggestions: readonly string[] | null;
}

export interface BuiltAnalysis {
  readonly grid: SheetGrid;
  /** Row tags for the layout store (drafted suggestions). */
  readonly rowTags: ReadonlyMap<number, string>;
  readonly warnings: readonly BuildWarning[];
}

/**
 * Fills `{名称}` from `figures`; names it does not know stay as written and are reported. The templates
 * speak of 本月 (the reference brief is monthly): a brief of another period says 本周, 本季度, 本年 … instead.
 */
class TemplateFiller {
  readonly unknown = new Set<string>();
  constructor(
    private readonly templates: Readonly<Record<TemplateName, string>>,
    private readonly thisPeriod = '本月',
  ) {}

  fill(name: TemplateName, figures: Readonly<Record<string, string | number>>): string {
    const template = this.thisPeriod === '本月' ? this.templates[name] : this.templates[name].replace(/本月/g, this.thisPeriod);
    return template.replace(/\{([^{}]+)\}/g, (whole, figure: string) => {
      const value = figures[figure.trim()];
      if (value === undefined) {
        this.unknown.add(`${name}：{${figure}}`);
        return whole;
      }
      return String(value);
    });
  }
}

const rateOf = (name: string, counts: CaseCounts, scope: 'city' | 'county' = 'city'): number | null => findIndicator(name, scope)?.indicator.value(counts) ?? null;
const joinNames = (items: readonly string[]) => items.join('、');
/** “甲”、“乙”及“丙”. */
function quotedList(items: readonly string[]): string {
  const quoted = items.map((item) => `“${item}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join('、')}及${quoted[quoted.length - 1]}`;
}

function changeWords(filler: TemplateFiller, now: number, previous: number | null, steadyWithin: number): string {
  if (previous === null) return filler.fill('较上期无记录', {});
  const difference = Math.abs(now - previous);
  const figures = { 差值: difference, 上期: previous };
  if (previous > 0 ? difference / previous <= steadyWithin : difference === 0) return filler.fill('较上期变化不大', figures);
  return filler.fill(now > previous ? '较上期增加' : '较上期减少', figures);
}

/** A unit as the paragraphs name it: 执法直属一大队四中队, 市城管直属二大队. */
function unitNamer(context: TableContext): (level1: string, level2: string | null) => string {
  const shortName = new Map(context.settings.firstLevelUnits.map((unit) => [unit.name, unit.hotlineName || unit.name]));
  return (level1, level2) => (level2 ? `${shortName.get(level1) ?? level1}${level2}` : level1);
}

function caseParagraph(stats: CaseStatistics, context: TableContext, filler: TemplateFiller): string {
  const { settings } = context;
  const previousReported = context.history.get(context.previousKey, '案件概况', '总计', '上报数') ?? null;
  const subTypes = stats.byKind
    .flatMap((kind) => kind.subTypes)
    .sort((left, right) => right.counts.reported - left.counts.reported || compareText(left.name, right.name))
    .slice(0, 3)
    .map((subType) => subType.name);

  const name = unitNamer(context);
  const units = stats.unitRows.filter((row) => row.role === 'unit' && row.counts.dispatched > 0);
  const full = units.filter((row) => rateOf('处置率', row.counts) === 1 && rateOf('结案率', row.counts) === 1);
  const short = units.filter((row) => !full.includes(row));
  const shortText = joinNames(short.map((row) => `${name(row.level1, row.level2)}（处置率${formatRate(rateOf('处置率', row.counts))}、结案率${formatRate(rateOf('结案率', row.counts))}）`));
  const disposal = {
    未达单位: shortText,
    达标数: full.length,
    达标单位: joinNames(full.map((row) => name(row.level1, row.level2))),
  };
  let disposalText = '';
  if (units.length > 0) disposalText = filler.fill(short.length === 0 ? '处置结案全部达标' : full.length * 2 > units.length ? '处置结案多数达标' : '处置结案少数达标', disposal);

  let onTimeText = '';
  const overall = rateOf('按期结案率', stats.cityTotal);
  if (context.hasDeadlineColumn && overall !== null) {
    const line = settings.onTimeClosureWarnBelow;
    const under = units
      .map((row) => ({ row, rate: rateOf('按期结案率', row.counts) }))
      .filter((entry): entry is { row: (typeof units)[number]; rate: number } => entry.rate !== null && entry.rate < line - 1e-12)
      .sort((left, right) => left.rate - right.rate);
    const figures = { 警戒线: formatRate(line), 总体按期结案率: formatRate(overall), 未达单位: joinNames(under.map(({ row, rate }) => `${name(row.level1, row.level2)}${formatRate(rate)}`)) };
    onTimeText = filler.fill(under.length ? '按期结案未达' : '按期结案达标', figures);
  }
  return filler.fill('案件上报', {
    上报数: stats.total.reported,
    较上期: changeWords(filler, stats.total.reported, previousReported, settings.brief.steadyWithin),
    前三小类: quotedList(subTypes),
    处置结案: disposalText,
    按期结案: onTimeText,
  });
}

function hotlineParagraph(hotline: HotlineStatistics, previous: number | null, context: TableContext, filler: TemplateFiller): string {
  // What the exports cannot tell is said so, never drafted as 0 (no deadline or overdue column, no return count or sheet).
  const returns = !hotline.returnsKnown
    ? '回退情况无法统计（导出表没有回退次数列，也没有回退记录表）。'
    : hotline.returned
      ? filler.fill('回退有', { 发布单位: context.settings.issuer, 回退数: hotline.returned, 回退明细: hotline.returnsByUnit.map((unit) => `${unit.name}${unit.count}件`).join('，') })
      : filler.fill('回退无', {});
  return filler.fill('12345受理', {
    受理数: hotline.received,
    // Exact, as the 12345受理 sheet's first line has it.
    较上期: changeWords(filler, hotline.received, previous, 0),
    超期: !hotline.overdueKnown ? '超期情况无法判断（导出表没有办理时限或是否超期列）' : hotline.overdue ? filler.fill('超期有', { 超期数: hotline.overdue }) : filler.fill('超期无', {}),
    回退: returns,
  });
}

function countyParagraph(stats: CaseStatistics, context: TableContext, filler: TemplateFiller): string | null {
  const counties = stats.counties.filter((county) => county.counts.dispatched > 0);
  if (counties.length === 0) return null;
  const line = context.settings.brief.countyRateBelow;
  const disposal = (county: (typeof counties)[number]) => rateOf('处置率', county.counts, 'county');
  const closure = (county: (typeof counties)[number]) => rateOf('结案率', county.counts, 'county');
  const full = counties.filter((county) => disposal(county) === 1 && closure(county) === 1);
  const under = counties.filter((county) => (disposal(county) ?? 1) < line - 1e-12 || (closure(county) ?? 1) < line - 1e-12);
  const fullFigures = { 满分数: full.length, 满分县区: joinNames(full.map((county) => county.name)) };
  const fullText = full.length === counties.length ? filler.fill('县区全部满分', fullFigures) : full.length * 2 > counties.length ? filler.fill('县区多数满分', fullFigures) : full.length > 0 ? filler.fill('县区少数满分', fullFigures) : '';
  const underText = under.length
    ? filler.fill('县区未达', { 未达县区: joinNames(under.map((county) => `${county.name}案件处置率${formatRate(disposal(county))}、结案率${formatRate(closure(county))}`)), 县区警戒线: formatRate(line) })
    : '';
  return filler.fill('县区办理', { 县区达标: fullText, 县区未达: underText });
}

function topicParagraph(topics: readonly TopicFigures[], filler: TemplateFiller): string | null {
  if (topics.length === 0) return null;
  const items = topics.map((figure) =>
    filler.fill('十件事事项', { 事项: figure.topic.name, 工单受理数: figure.orders.received, 工单已办结: figure.orders.done, 案件受理数: figure.cases.received, 案件结案数: figure.cases.done }),
  );
  return filler.fill('十件事', { 事项明细: items.join('；') });
}

function draftedSuggestions(input: AnalysisInput, filler: TemplateFiller): string[] {
  const { context, statistics, hotline } = input;
  const drafted: string[] = [];
  if (hotline && hotline.received > 0) {
    for (const category of [...hotline.byCategory].sort((left, right) => right.count - left.count)) {
      if (category.name === '其他' || category.count / hotline.received < context.settings.brief.categoryShareAbove - 1e-12) continue;
      drafted.push(filler.fill('建议类别占比', { 类别: category.name, 类别受理数: category.count, 类别占比: formatRate(category.count / hotline.received) }));
    }
  }
  if (statistics && context.hasDeadlineColumn) {
    const name = unitNamer(context);
    const line = context.settings.onTimeClosureWarnBelow;
    const under = statistics.unitRows.filter((row) => {
      const rate = row.role === 'unit' ? rateOf('按期结案率', row.counts) : null;
      return rate !== null && rate < line - 1e-12;
    });
    if (under.length) drafted.push(filler.fill('建议按期结案', { 未达单位: joinNames(under.map((row) => name(row.level1, row.level2))), 警戒线: formatRate(line) }));
  }
  return drafted;
}

/** Strips a leading （一） so that paragraphs can be numbered again. */
export function withoutOrdinal(text: string): string {
  return text.replace(ordinalPattern, '');
}

/**
 * Last month's 三、工作建议 as the clerk left them: the paragraphs after the 三、 heading of the
 * sheet `<last month>-具体分析`, read through its stored layout. Drafted suggestions the clerk did not
 * touch are left out (they spoke of last month's figures); null when there is no such sheet.
 */
export function carriedSuggestions(sheets: readonly RawSheet[], layouts: ReadonlyMap<string, StoredLayout>, previousLabel: string): string[] | null {
  const name = `${previousLabel}-${analysisTableName}`;
  const sheet = sheets.find((candidate) => candidate.name === name);
  if (!sheet) return null;
  const layout = layouts.get(name);
  const read = layout ? readBackSheet(sheet, layout) : null;
  const texts = read
    ? read.grid.cells.map((row, index) => ({ text: cellToText(row[0]?.value ?? null), role: row[0]?.role, tag: read.tags.get(index) }))
    : [...Array.from({ length: (sheet.firstRow ?? 1) - 1 }, () => [] as unknown[]), ...sheet.rows].map((row) => ({ text: cellToText(row[0]), role: undefined, tag: undefined }));
  const start = texts.findIndex((entry) => entry.text.replace(/\s/g, '').startsWith(analysisHeadings.suggestions));
  if (start < 0) return [];
  const suggestions: string[] = [];
  for (const entry of texts.slice(start + 1)) {
    if (entry.role === 'note' || /^[一二三四五六七八九十]+、/.test(entry.text)) break;
    if (entry.text === '' || entry.tag === draftedSuggestionTag) continue;
    suggestions.push(withoutOrdinal(entry.text));
  }
  return suggestions;
}

/** Drafts the 具体分析 sheet of the period. */
export function buildAnalysisSheet(input: AnalysisInput): BuiltAnalysis {
  const { context, statistics, hotline } = input;
  const filler = new TemplateFiller(context.settings.brief.templates, periodWords(context.period).current);
  const paragraphs: string[] = [];
  if (statistics) paragraphs.push(caseParagraph(statistics, context, filler));
  if (hotline) paragraphs.push(hotlineParagraph(hotline, input.previousReceived, context, filler));
  const county = statistics ? countyParagraph(statistics, context, filler) : null;
  if (county) paragraphs.push(county);
  const topics = topicParagraph(input.topics, filler);
  if (topics) paragraphs.push(topics);
  paragraphs.push(filler.fill('采集情况', {}), filler.fill('转交情况', {}));

  const carried = input.carriedSuggestions ?? context.settings.brief.standingSuggestions;
  const drafted = draftedSuggestions(input, filler).filter((text) => !carried.includes(text));

  const builder = new GridBuilder();
  const rowTags = new Map<number, string>();
  builder.addRow([titleCell(`${context.periodLabel}数据分析简报：${analysisHeadings.analysis}、${analysisHeadings.suggestions}（草稿）`)]);
  builder.addRow([noteCell('每格一段，可直接修改、增删（插入行即可）；【请填写：…】处请补充。生成简报（下载简报或 case-brief brief）时，按本表此时的内容写入 Word。')]);
  builder.addBlankRow();
  builder.addRow([headerCell(analysisHeadings.analysis)]);
  paragraphs.forEach((text, index) => builder.addRow([textCell(`${ordinalPrefix(index)}${text}`)]));
  builder.addRow([headerCell(analysisHeadings.suggestions)]);
  carried.forEach((text, index) => builder.addRow([textCell(`${ordinalPrefix(index)}${text}`)]));
  drafted.forEach((text, index) => rowTags.set(builder.addRow([textCell(`${ordinalPrefix(carried.length + index)}${text}`)]), draftedSuggestionTag));
  builder.addBlankRow();
  const source = input.carriedSuggestions ? `三、工作建议先沿用${context.previousLabel}"${context.previousLabel}-${analysisTableName}"表中的建议` : `三、工作建议先列出"${settingsSheetName}"${briefSections.suggestions}中的建议`;
  builder.addRow([noteCell(`${source}，再按本期数字起草；措辞见"${settingsSheetName}"的${briefSections.templates}。`)]);
  for (const note of context.notes) builder.addRow([noteCell(note)]);
  const sheet = builder.toSheet(`${context.periodLabel}-${analysisTableName}`, { freezeRows: 0, maxWidth: 100 });
  // One wide column of paragraphs, wrapped, printed on A4 portrait.
  const grid: SheetGrid = { ...sheet, colWidths: [100], print: { landscape: false, fitToWidth: true }, freeze: { rows: 0, cols: 0 } };
  const warnings: BuildWarning[] = filler.unknown.size
    ? [{ kind: 'settings', sheet: settingsSheetName, rows: [], message: `${briefSections.templates}中有模板用了不认识的数值名：${[...filler.unknown].join('；')}，这些地方原样保留。`, action: '改为该模板"可用数值"一列中的名称（写在 {} 里）。' }]
    : [];
  return { grid: withRowHeights(grid), rowTags, warnings };
}

/** Row heights for paragraphs at the sheet's one column width (GridBuilder measured them at its own widths). */
function withRowHeights(grid: SheetGrid): SheetGrid {
  const usable = (grid.colWidths[0] ?? 100) - 1;
  const rowHeights = grid.cells.map((row) => {
    const cell: GridCell | null = row[0] ?? null;
    if (!cell || cell.role !== 'text' || typeof cell.value !== 'string') return null;
    const lines = Math.max(1, Math.ceil(displayWidth(cell.value) / usable));
    return lines > 1 ? lines * 14.25 + 3 : null;
  });
  return { ...grid, rowHeights };
}

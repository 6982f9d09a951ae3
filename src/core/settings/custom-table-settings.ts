/**
 * The settings sections of the clerk's own tables: 【自定义指标】 (名称, 分子, 分母), 【目标】 (维度,
 * 维度值, 指标, 值, 期间) and 【自定义表格】 (表名, 按, 分组, 范围, 指标, 前N, 合计, 排序, 显示), each read
 * by its header names, so columns may come in any order; and the help text at the foot of the
 * settings sheet, which lists every indicator, comparison form, dimension and option.
 * All three sections are optional: a workbook made before they existed reads as having none.
 */
import type { GridCell } from '../model/grid.ts';
import { parsePeriod, periodKey } from '../time/period.ts';
import { normalizeText, splitList } from '../text/normalize.ts';
import { parseFigure } from '../report/history.ts';
import { comparisonForms } from '../report/indicator-columns.ts';
import { builtInIndicators, subjectLabels, type Subject } from '../stats/indicators.ts';
import { dimensions, resolveDimension } from '../stats/dimensions.ts';
import { splitQuotedList } from '../stats/table-scope.ts';
import type { Section } from './settings-sheet.ts';
import type { CustomIndicatorSetting, CustomTableSetting, Settings, TargetSetting } from './settings.ts';

export const customSections = { indicators: '【自定义指标】', targets: '【目标】', tables: '【自定义表格】' } as const;

type Warn = (rows: number[], message: string, action: string) => void;

interface HeaderSpec<K extends string> {
  readonly key: K;
  /** The header as written by default, then other names clerks use. */
  readonly names: readonly string[];
  readonly required?: boolean;
}

const indicatorHeaders: readonly HeaderSpec<'name' | 'numerator' | 'denominator'>[] = [
  { key: 'name', names: ['名称', '指标', '指标名称'], required: true },
  { key: 'numerator', names: ['分子'], required: true },
  { key: 'denominator', names: ['分母'] },
];

const targetHeaders: readonly HeaderSpec<'dimension' | 'value' | 'indicator' | 'amount' | 'period'>[] = [
  { key: 'dimension', names: ['维度'] },
  { key: 'value', names: ['维度值', '行', '名称'], required: true },
  { key: 'indicator', names: ['指标', '目标'], required: true },
  { key: 'amount', names: ['值', '数值', '目标值'], required: true },
  { key: 'period', names: ['期间', '月份', '统计期'] },
];

type TableKey = 'name' | 'by' | 'groupBy' | 'scope' | 'columns' | 'top' | 'total' | 'sort' | 'display';
const tableHeaders: readonly HeaderSpec<TableKey>[] = [
  { key: 'name', names: ['表名', '表格名称', '名称'], required: true },
  { key: 'by', names: ['按', '行', '维度', '按维度'], required: true },
  { key: 'groupBy', names: ['分组', '分块'] },
  { key: 'scope', names: ['范围', '筛选', '条件'] },
  { key: 'columns', names: ['指标', '列', '表格列'], required: true },
  { key: 'top', names: ['前N', '前n', '取前', '行数'] },
  { key: 'total', names: ['合计', '合计行'] },
  { key: 'sort', names: ['排序', '顺序'] },
  { key: 'display', names: ['显示', '显示方式'] },
];

const h = (text: string): GridCell => ({ value: text, role: 'header' });
const p = (value: string | number | null): GridCell => ({ value, role: 'plain' });
const marker = (text: string): GridCell => ({ value: text, role: 'total' });
const note = (text: string): GridCell => ({ value: text, role: 'note' });
const join = (items: readonly string[]) => items.map((item) => (item.includes('、') ? `“${item}”` : item)).join('、');

/** The three sections as rows of the settings sheet (a blank row before each). */
export function customSettingsRows(settings: Settings): (GridCell | null)[][] {
  const rows: (GridCell | null)[][] = [];
  const add = (...cells: (GridCell | null)[]) => rows.push(cells);
  add();
  add(marker(customSections.indicators));
  add(...indicatorHeaders.map((spec) => h(spec.names[0])));
  for (const indicator of settings.customIndicators) add(p(indicator.name), p(indicator.numerator), p(indicator.denominator));
  add();
  add(marker(customSections.targets));
  add(...targetHeaders.map((spec) => h(spec.names[0])));
  for (const target of settings.targets) add(p(target.dimension), p(target.value), p(target.indicator), p(target.amount), p(target.period));
  add();
  add(marker(customSections.tables));
  add(...tableHeaders.map((spec) => h(spec.names[0])));
  for (const table of settings.customTables) {
    add(
      p(table.name),
      p(table.by),
      p(table.groupBy),
      p(table.scope),
      p(join(table.columns)),
      p(table.top),
      p(table.total ? table.totalLabel || '是' : '否'),
      p(table.sort),
      p(join(table.display)),
    );
  }
  return rows;
}

/** Which column holds each known header; unknown headers and missing required ones are warned about. */
function columnsOf<K extends string>(section: Section, specs: readonly HeaderSpec<K>[], warn: Warn): Map<K, number> | null {
  const found = new Map<K, number>();
  section.headers.forEach((text, col) => {
    const header = normalizeText(text);
    if (header === '') return;
    const spec = specs.find((candidate) => candidate.names.some((name) => normalizeText(name) === header));
    if (spec && !found.has(spec.key)) found.set(spec.key, col);
    else warn([section.titleRow + 1], `${section.title}的表头"${text}"不认识，这一列未使用。`, `表头应为 ${specs.map((candidate) => candidate.names[0]).join('、')} 之一。`);
  });
  const missing = specs.filter((spec) => spec.required && !found.has(spec.key));
  if (missing.length) {
    warn([section.titleRow + 1], `${section.title}缺少表头"${missing.map((spec) => spec.names[0]).join('、')}"，这一节未使用。`, `在这一节的表头行写上 ${specs.map((spec) => spec.names[0]).join('、')}。`);
    return null;
  }
  return found;
}

function readIndicators(section: Section, warn: Warn): CustomIndicatorSetting[] {
  const cols = columnsOf(section, indicatorHeaders, warn);
  if (!cols) return [];
  const cell = (cells: readonly string[], key: 'name' | 'numerator' | 'denominator') => normalizeText(cells[cols.get(key) ?? -1] ?? '');
  const result: CustomIndicatorSetting[] = [];
  for (const { row, cells } of section.rows) {
    const [name, numerator, denominator] = [cell(cells, 'name'), cell(cells, 'numerator'), cell(cells, 'denominator')];
    if (!name || !numerator) {
      warn([row], `${section.title}这一行缺少名称或分子，未使用。`, '写上名称和分子（分母可空，空表示"名称"是"分子"的另一个名字）。');
      continue;
    }
    if (result.some((earlier) => earlier.name === name)) {
      warn([row], `${section.title}中"${name}"重复，只用第一行。`, '删除重复的一行，或改名。');
      continue;
    }
    result.push({ name, numerator, denominator });
  }
  return result;
}

function readTargets(section: Section, warn: Warn): TargetSetting[] {
  const cols = columnsOf(section, targetHeaders, warn);
  if (!cols) return [];
  const result: TargetSetting[] = [];
  for (const { row, cells, raw } of section.rows) {
    const text = (key: 'dimension' | 'value' | 'indicator' | 'period') => (cells[cols.get(key) ?? -1] ?? '').trim();
    const amount = parseFigure(raw[cols.get('amount') ?? -1]);
    const dimensionText = text('dimension');
    const dimension = dimensionText ? resolveDimension(dimensionText)?.dimension.name : '';
    const periodText = text('period');
    const period = periodText ? parsePeriod(periodText) : null;
    if (!text('value') || !text('indicator') || amount === null) {
      warn([row], `${section.title}这一行缺少维度值、指标或数值，未使用。`, '每行写一个目标：维度值（如 达川区）、指标（如 任务数）、值（数字）。');
    } else if (dimension === undefined) {
      warn([row], `${section.title}的维度"${dimensionText}"不认识，这一行未使用。`, `维度应为 ${dimensions.map((candidate) => candidate.name).join('、')} 之一，或留空。`);
    } else if (periodText && !period) {
      warn([row], `${section.title}的期间"${periodText}"无法识别，这一行未使用。`, '写成 2021-09 这样的年月，或留空（每月都用）。');
    } else {
      result.push({ dimension, value: text('value'), indicator: normalizeText(text('indicator')), amount, period: period ? periodKey(period) : '' });
    }
  }
  return result;
}

function readTables(section: Section, warn: Warn): CustomTableSetting[] {
  const cols = columnsOf(section, tableHeaders, warn);
  if (!cols) return [];
  const result: CustomTableSetting[] = [];
  for (const { row, cells, raw } of section.rows) {
    const text = (key: TableKey) => (cells[cols.get(key) ?? -1] ?? '').trim();
    const name = text('name');
    if (!name) {
      warn([row], `${section.title}这一行没有表名，未使用。`, '写上表名（生成的工作表名为"2021年9月-表名"）。');
      continue;
    }
    if (result.some((earlier) => earlier.name === name)) {
      warn([row], `${section.title}中表名"${name}"重复，只用第一行。`, '给这张表换一个名字。');
      continue;
    }
    if (!text('by')) {
      warn([row], `${section.title}"${name}"没有写"按"（行的维度），未使用。`, `写上维度：${dimensions.map((dimension) => dimension.name).join('、')}。`);
      continue;
    }
    const columns = splitQuotedList(text('columns'));
    if (columns.length === 0) {
      warn([row], `${section.title}"${name}"没有写指标，未使用。`, '写上要列出的指标，如 上报数、结案率、上报数环比。');
      continue;
    }
    const topText = text('top');
    const topValue = topText ? parseFigure(raw[cols.get('top') ?? -1]) : null;
    let top: number | null = null;
    if (topText && (topValue === null || !Number.isInteger(topValue) || topValue < 1)) {
      warn([row], `${section.title}"${name}"的前N"${topText}"应为正整数，已列出全部行。`, '写一个正整数，或留空列出全部行。');
    } else top = topValue;
    const totalText = normalizeText(text('total'));
    const totalOff = ['否', 'n', 'no', '0', 'false', '无', '不要'].includes(totalText.toLowerCase());
    const totalOn = ['', '是', 'y', 'yes', '1', 'true', '有', '要'].includes(totalText.toLowerCase());
    result.push({
      name,
      by: text('by'),
      groupBy: text('groupBy'),
      scope: text('scope'),
      columns,
      top,
      total: !totalOff,
      totalLabel: totalOff || totalOn ? '' : totalText,
      sort: text('sort'),
      display: splitList(text('display')),
    });
  }
  return result;
}

/** Reads the three sections (each optional). */
export function readCustomSettings(sections: ReadonlyMap<string, Section>, warn: Warn): Pick<Settings, 'customIndicators' | 'targets' | 'customTables'> {
  const section = (title: string) => sections.get(title);
  const indicators = section(customSections.indicators);
  const targets = section(customSections.targets);
  const tables = section(customSections.tables);
  return {
    customIndicators: indicators ? readIndicators(indicators, warn) : [],
    targets: targets ? readTargets(targets, warn) : [],
    customTables: tables ? readTables(tables, warn) : [],
  };
}

/** The help text at the foot of the settings sheet (not read back: no line starts with 【). */
export function settingsHelpRows(): (GridCell | null)[][] {
  const lines: string[] = [
    '说明：以下为可用的指标、比较写法、维度和选项（本段只供查阅，生成时不读取）。',
    ...(['cases', 'hotline'] as Subject[]).map((subject) => `· ${subjectLabels[subject]}的指标：${builtInIndicators(subject).map((indicator) => indicator.name).join('、')}。`),
    ...(['cases', 'hotline'] as Subject[]).flatMap((subject) => builtInIndicators(subject).map((indicator) => `    ${subjectLabels[subject]} ${indicator.name}：${indicator.description}`)),
    `· 比较写法（X 为任一指标）：${comparisonForms.map((form) => `${form.form}（${form.meaning}）`).join('；')}。`,
    '  "上月X""去年同月X""X(%)"等写法会按对应的标准写法理解，并在生成结果中提示。',
    `· 维度（【自定义表格】的"按""分组"，以及"范围"）：${dimensions.map((dimension) => `${dimension.name}（${dimension.description}）`).join('；')}。`,
    '· 【自定义表格】每行一张表，生成为"2021年9月-表名"工作表，排在标准表之后：',
    '    范围：如 问题类型=部件、大类=市容环境、街面秩序、来源≠12345转办；多个条件用"；"分开；含"、"的值用“”或「」括起来。',
    '    前N：每个分组列出前几行（空＝全部）；合计：是（默认，标签"合计"）、否，或写合计行的标签（如 总计）；有分组时每组先列本组合计，最后一行为总计。',
    '    排序：设置顺序（按本表中来源、单位、类别的顺序）、标准顺序（大类、小类按国家标准的代码顺序，标准外的名称排在后面、按名称）、从多到少:指标名（如 从多到少:上报数），并列时按名称。',
    '    显示：符号（-0.15%，默认）或 箭头（↓0.15%、↑2.63%）；月份表头（同一指标列出两期时，列头写作 7月上报数、6月上报数、2020年7月上报数）；年月表头（同上，总带年份）；合计在前。',
    '    指标中的一项可以写成"指标→表头"来指定印出的列头，如 受理结案率→结案率；用了月份表头时"上报数→"只印月份（7月）；表头中的 {月} 换成该列的月份（上期受理数→{月}受理数 印作 6月受理数）。',
    '· 【自定义指标】名称＝分子／分母（分子、分母为上面的计数或【目标】中的指标；分母留空表示"名称"是"分子"的另一个名字）。例：受理结案率＝结案数／受理数，完成率＝有效上报数／任务数。',
    '· 【目标】每行一个由您填写的数：维度（可空）、维度值（如 达川区；合计行写 合计，不写则为各行之和）、指标（如 任务数）、值、期间（如 2021-09，空＝每月）。',
    '· 在"历史指标"表中补录往期数字（例如照去年的简报补录去年同期）：每个数字一行，期间写 2020-09，表写表名（如 高发小类）或生成时的表名（如 按问题类型/小类），',
    '    行写该行的名称（有分组的表写 分组/名称，如 部件/井盖破损；合计行写 合计，分组合计写 部件/合计；标准表照表中写法，如 案件概况 的 总计、部门处置 的 一级单位/二级单位、12345受理 的 单位/承办单位），',
    '    指标写指标名（如 上报数），数值写数字或 99.28%，统计时点、记录时间留空（表示手工补录：没补的行显示为空，不当作 0）。',
  ];
  return [[], ...lines.map((line) => [note(line)])];
}

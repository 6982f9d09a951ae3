/**
 * The settings of the brief itself (简报): its title and intro line, the 分送 line and the 印发 date,
 * the thresholds that decide how 二、具体分析 words a figure, the standing 三、工作建议, and the
 * wording of every drafted sentence as a template with named figures (`{上报数}`), so that an
 * office can change its phrasing in the settings sheet without code. Three sections of 月报设置:
 * 【简报】, 【具体分析模板】 and 【常设工作建议】; this module turns them into rows and back.
 */
import type { GridCell } from '../model/grid.ts';
import { parseFigure } from '../report/history.ts';

export interface BriefSettings {
  /** Title lines of the brief (one per line). */
  readonly title: string;
  /** The line under the title; `{期间}` is the period (2021年9月). */
  readonly intro: string;
  /** 分送 line (without 分送：). */
  readonly distribution: string;
  /** 印发 date as printed (2021年10月11日); empty: the day the brief is made. */
  readonly printDate: string;
  /** 上报数 within this share of the previous period's is 变化不大 (0.1 = ±10%). */
  readonly steadyWithin: number;
  /** A 12345 category at or above this share of 受理数 gets a drafted suggestion (0.3 = 30%). */
  readonly categoryShareAbove: number;
  /** A county whose 处置率 or 结案率 is below this is named (0.9 = 90%). */
  readonly countyRateBelow: number;
  /** 三、工作建议 to start from when last month has no 具体分析 sheet. */
  readonly standingSuggestions: readonly string[];
  /** Drafting templates by name (templateNames). */
  readonly templates: Readonly<Record<TemplateName, string>>;
}

/** Every template, its default wording, and the figures it may name. */
export const briefTemplates = {
  案件上报: { text: '本月数字城管系统共采集上报案件{上报数}件，{较上期}，上报量前三位分别是{前三小类}。{处置结案}{按期结案}', figures: '上报数、较上期、前三小类、处置结案、按期结案' },
  较上期变化不大: { text: '与上期相比变化不大', figures: '差值、上期' },
  较上期增加: { text: '较上期增加{差值}件', figures: '差值、上期' },
  较上期减少: { text: '较上期减少{差值}件', figures: '差值、上期' },
  较上期无记录: { text: '上期无记录', figures: '' },
  处置结案全部达标: { text: '各处置部门系统案件处置率及结案率均保持在100%。', figures: '达标数' },
  处置结案多数达标: { text: '除{未达单位}外，其余{达标数}个处置部门系统案件处置率及结案率均保持在100%。', figures: '未达单位、达标数、达标单位' },
  处置结案少数达标: { text: '{达标单位}系统案件处置率及结案率保持在100%，{未达单位}未达到100%。', figures: '未达单位、达标数、达标单位' },
  按期结案达标: { text: '各处置部门按期结案率均在{警戒线}以上，总体为{总体按期结案率}。', figures: '警戒线、总体按期结案率' },
  按期结案未达: {
    text: '按期结案率总体为{总体按期结案率}，其中{未达单位}，低于{警戒线}，建议相关单位执法人员受理案件后及时处置并通过系统回复处置结果，提高按期结案率。',
    figures: '未达单位、警戒线、总体按期结案率',
  },
  '12345受理': { text: '12345系统案件方面，本月共受理案件{受理数}件，{较上期}，{超期}。{回退}', figures: '受理数、较上期、超期、回退' },
  超期无: { text: '未出现超期办理案件', figures: '' },
  超期有: { text: '超期办理{超期数}件', figures: '超期数' },
  回退有: { text: '经{发布单位}回退至各责任单位（部门）共{回退数}件，其中{回退明细}。', figures: '发布单位、回退数、回退明细' },
  回退无: { text: '本月没有回退至各责任单位（部门）的工单。', figures: '' },
  县区办理: { text: '各县（市、区）案件办理情况方面，{县区达标}{县区未达}', figures: '县区达标、县区未达' },
  县区全部满分: { text: '本月各县（市、区）案件处置率及结案率均保持在100%。', figures: '满分数' },
  县区多数满分: { text: '本月大部分县（市、区）（{满分数}个）案件处置率及结案率均保持在100%。', figures: '满分数、满分县区' },
  县区少数满分: { text: '本月{满分县区}案件处置率及结案率保持在100%。', figures: '满分数、满分县区' },
  县区未达: { text: '其中{未达县区}，低于{县区警戒线}，需提高案件处置力度。', figures: '未达县区、县区警戒线' },
  十件事: { text: '本月涉及“群众最不满意十件事”的案件：{事项明细}。', figures: '事项明细' },
  十件事事项: { text: '“{事项}”类案件12345系统共计受理{工单受理数}件（已办结{工单已办结}件），巡查上报{案件受理数}件（已结案{案件结案数}件）', figures: '事项、工单受理数、工单已办结、案件受理数、案件结案数' },
  采集情况: {
    text: '本月以来，信息采集单位针对【请填写：本月工作计划或督查通知的名称】，对【请填写：重点点位，如主次干道、商业大街、公共广场、临时摊区】进行问题采集上报，共计采集上报【请填写：件数】件。其中：【请填写：各类点位、各街道的采集上报数】。自行处置轻微案件【请填写：件数】件。',
    figures: '',
  },
  转交情况: { text: '本月转交【请填写：交办单位，如城管委办】交办案件共【请填写：件数】件，涉及案件类别有【请填写：案件类别】。', figures: '' },
  建议类别占比: { text: '本月12345系统受理案件中，{类别}案件受理量达到{类别受理数}件，占比{类别占比}。建议各执法中队针对受理的案件中涉及的热点点位加大巡查及处置力度。', figures: '类别、类别受理数、类别占比' },
  建议按期结案: { text: '{未达单位}按期结案率低于{警戒线}。建议相关单位受理案件后及时处置并通过系统回复处置结果，提高按期结案率。', figures: '未达单位、警戒线' },
} as const satisfies Record<string, { text: string; figures: string }>;

export type TemplateName = keyof typeof briefTemplates;
export const templateNames = Object.keys(briefTemplates) as TemplateName[];

export const defaultBriefSettings: BriefSettings = {
  title: '数字化城管系统及12345政务服务便民热线\n数据分析简报',
  intro: '{期间}数字化城管信息系统案件及12345政务服务便民热线相关数据统计分析如下：',
  distribution: '局领导，办公室，城管委办，督查科，局属各单位。',
  printDate: '',
  steadyWithin: 0.1,
  categoryShareAbove: 0.3,
  countyRateBelow: 0.9,
  standingSuggestions: [
    '各部门在12345市民服务热线交办件的办理过程中，应严格按照办理流程，及时处置、规范回复，提高办理效率和回复质量，提升并保持群众满意度。',
    '信息采集单位应继续按照指挥中心工作要求，对照重点点位任务清单加强问题采集上报。',
  ],
  templates: Object.fromEntries(templateNames.map((name) => [name, briefTemplates[name].text])) as Record<TemplateName, string>,
};

export const briefSections = { brief: '【简报】', templates: '【具体分析模板】', suggestions: '【常设工作建议】' } as const;

const keys = {
  title: '简报标题',
  intro: '导语',
  distribution: '分送',
  printDate: '印发日期',
  steadyWithin: '上报数变化不大的幅度',
  categoryShareAbove: '12345类别占比提示线',
  countyRateBelow: '县区处置率警戒线',
} as const;

const h = (text: string): GridCell => ({ value: text, role: 'header' });
const p = (value: string | number | null): GridCell => ({ value, role: 'plain' });
const percent = (value: number): GridCell => ({ value, role: 'plain', numFmt: '0%' });
const marker = (text: string): GridCell => ({ value: text, role: 'total' });

/** The three sections as rows of the settings sheet (each section followed by a blank row). */
export function briefSettingsRows(brief: BriefSettings): (GridCell | null)[][] {
  const rows: (GridCell | null)[][] = [];
  const add = (...cells: (GridCell | null)[]) => rows.push(cells);
  add(marker(briefSections.brief));
  add(h('项目'), h('值'), h('说明'));
  add(p(keys.title), p(brief.title), p('简报首页的标题，可分两行（单元格内换行）'));
  add(p(keys.intro), p(brief.intro), p('标题下的导语；{期间} 为统计期，如 2021年9月'));
  add(p(keys.distribution), p(brief.distribution), p('简报末尾"分送："后的单位'));
  add(p(keys.printDate), p(brief.printDate), p('末尾的印发日期，如 2021年10月11日；留空为生成简报的日期。印发单位为【基本设置】的发布单位'));
  add(p(keys.steadyWithin), percent(brief.steadyWithin), p('本月上报数与上期相差在此幅度以内时写"与上期相比变化不大"，否则写增加/减少多少件'));
  add(p(keys.categoryShareAbove), percent(brief.categoryShareAbove), p('12345某类别受理数占比达到此值时，在工作建议中起草一条'));
  add(p(keys.countyRateBelow), percent(brief.countyRateBelow), p('县（市、区）处置率或结案率低于此值时点名'));
  add();
  add(marker(briefSections.templates));
  add(h('名称'), h('模板'), h('可用数值'));
  for (const name of templateNames) add(p(name), p(brief.templates[name]), p(briefTemplates[name].figures));
  add();
  add(marker(briefSections.suggestions));
  add(h('建议'));
  for (const suggestion of brief.standingSuggestions) add(p(suggestion));
  add();
  return rows;
}

/** A section of the settings sheet as settings-sheet.ts reads it. */
export interface SettingsSectionRows {
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[]; readonly raw: readonly unknown[] }[];
}

/**
 * Reads the three sections (each may be missing: its defaults then apply). `warn` reports a row
 * the clerk should fix.
 */
export function readBriefSettings(
  section: (title: string) => SettingsSectionRows | null,
  warn: (rows: number[], message: string, action: string) => void,
  sheetName: string,
): BriefSettings {
  const d = defaultBriefSettings;
  let { title, intro, distribution, printDate, steadyWithin, categoryShareAbove, countyRateBelow } = d;
  const share = (raw: unknown, row: number, label: string, fallback: number): number => {
    const value = parseFigure(raw);
    if (value === null || value < 0) {
      warn([row], `"${label}"应为百分比，如 10%，已按 ${Math.round(fallback * 100)}% 处理。`, '改为百分比。');
      return fallback;
    }
    return value > 1 ? value / 100 : value;
  };
  for (const { row, cells, raw } of section(briefSections.brief)?.rows ?? []) {
    const [key, value] = cells;
    const rawValue = raw[1];
    if (key === keys.title) title = typeof rawValue === 'string' ? rawValue.trim() : value;
    else if (key === keys.intro) intro = value;
    else if (key === keys.distribution) distribution = value;
    else if (key === keys.printDate) printDate = value;
    else if (key === keys.steadyWithin) steadyWithin = share(rawValue, row, key, d.steadyWithin);
    else if (key === keys.categoryShareAbove) categoryShareAbove = share(rawValue, row, key, d.categoryShareAbove);
    else if (key === keys.countyRateBelow) countyRateBelow = share(rawValue, row, key, d.countyRateBelow);
  }
  const templates: Record<TemplateName, string> = { ...d.templates };
  for (const { row, cells, raw } of section(briefSections.templates)?.rows ?? []) {
    const name = cells[0] as TemplateName;
    if (!(name in briefTemplates)) {
      warn([row], `"${sheetName}"的${briefSections.templates}中没有名为"${cells[0]}"的模板，这一行未使用。`, `名称应为 ${templateNames.join('、')} 之一。`);
      continue;
    }
    // Kept as typed, spaces included; an emptied template falls back to its default.
    const text = typeof raw[1] === 'string' ? raw[1] : (cells[1] ?? '');
    if (text.trim() !== '') templates[name] = text;
  }
  const suggestionSection = section(briefSections.suggestions);
  const standingSuggestions = suggestionSection ? suggestionSection.rows.map(({ cells }) => cells[0] ?? '').filter((text) => text !== '') : d.standingSuggestions;
  return { title, intro, distribution, printDate, steadyWithin, categoryShareAbove, countyRateBelow, standingSuggestions, templates };
}

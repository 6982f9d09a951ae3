/**
 * The settings sheet (月报设置) ↔ Settings. The sheet is made of sections, each headed by a 【…】 row in
 * column A, then a header row, then data rows up to a blank row or the next section. Lists inside a
 * cell are separated by 、 or commas. The clerk edits it like any sheet; a section that is missing or
 * unreadable falls back to its defaults with a warning, so a slip never stops the build.
 */
import type { GridCell, SheetGrid } from '../model/grid.ts';
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import { fieldsByKind, sheetKindLabels, type SheetKind } from '../ingest/columns.ts';
import { cellToText, normalizeText, splitList } from '../text/normalize.ts';
import { readYesNo } from '../text/yes-no.ts';
import { parseFigure } from '../report/history.ts';
import { standardMainTypes, standardSubTypes } from '../vocabulary/standard-categories.ts';
import { defaultSettings } from './defaults.ts';
import { briefSections, briefSettingsRows, readBriefSettings } from './brief-settings.ts';
import { customSections, customSettingsRows, readCustomSettings, settingsHelpRows } from './custom-table-settings.ts';
import { stageSteps, type ColumnMapping, type EntryOrigin, type FocusTopic, type Settings, type StageStep, type TableColumns, type UnitGroup } from './settings.ts';

export const settingsSheetName = '月报设置';

const stageLabels: Readonly<Record<StageStep, string>> = {
  reported: '上报',
  notAccepted: '不予受理',
  accepted: '受理',
  notFiled: '不予立案',
  filed: '立案',
  dispatched: '派遣',
  disposed: '处置',
  closed: '结案',
  voided: '作废',
};

const section = {
  basic: '【基本设置】',
  sources: '【问题来源】',
  firstLevel: '【一级单位】',
  secondLevel: '【二级单位】',
  stages: '【阶段词】',
  mainTypes: '【大类】',
  hotlineDone: '【12345办结状态】',
  categories: '【12345类别】',
  communities: '【已知小区】',
  topics: '【十件事】',
  columns: '【表格列】',
  mappings: '【手工列映射】',
  standard: '【国家标准事件小类（参考，不读取）】',
} as const;

/** Header of the column that marks entries a first build proposed from the data, and its mark. */
const originHeader = '识别';
const learnedMark = '从数据识别';
const originCell = (origin: EntryOrigin | undefined) => p(origin === 'learned' ? learnedMark : '');

/** The lines at the top of the sheet that say how it was made and what to check. */
function basisNotes(settings: Settings): string[] {
  const basis = settings.basis;
  if (!basis) return [];
  if (basis.kind === 'preset') {
    return [`本表由第一次生成${basis.madeAt ? `（${basis.madeAt}）` : ''}时建立：导出表中的单位与预设"${basis.presetName ?? ''}"一致，已使用该预设。如不是该城市，请删除本表后重新生成，或逐项修改。`];
  }
  const learned = <T extends { readonly origin?: EntryOrigin }>(list: readonly T[]) => list.filter((entry) => entry.origin === 'learned').length;
  const counties = settings.firstLevelUnits.filter((unit) => unit.origin === 'learned' && unit.group === '县市区').length;
  return [
    `本表由第一次生成${basis.madeAt ? `（${basis.madeAt}）` : ''}时从导出数据中识别建立：一级单位 ${learned(settings.firstLevelUnits)} 个（其中县市区 ${counties} 个）、二级单位 ${learned(settings.secondLevelUnits)} 个、问题来源 ${learned(settings.sources)} 个；"${originHeader}"列写着"${learnedMark}"的行是识别出来的。`,
    `请核对：【一级单位】的分组（市局 / 县市区 / 其他）和顺序、同一单位的其他写法、【问题来源】中哪些是自行处置、【大类】的问题类型${settings.issuer ? '' : '，并在【基本设置】填上发布单位'}；改好后重新生成即可，识别标记可以留着，也可以删去。`,
  ];
}

const weekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** A day of the week as a clerk writes it (周一, 星期日, 礼拜天, 1–7 with 1 Monday): 1 … 7, or null. */
function readWeekday(value: unknown): number | null {
  const figure = parseFigure(value);
  if (figure !== null) return Number.isInteger(figure) && figure >= 1 && figure <= 7 ? figure : null;
  const match = /^(?:周|星期|礼拜)([一二三四五六日天])$/.exec(normalizeText(cellToText(value)));
  return match ? '一二三四五六日天'.indexOf(match[1]) + 1 - (match[1] === '天' ? 1 : 0) : null;
}

const basicKeys = {
  issuer: '发布单位',
  startDay: '统计周期起始日',
  weekStart: '每周起始日',
  asOf: '统计时点',
  threshold: '热难点阈值',
  warnBelow: '按期结案率警戒线',
} as const;

const tableKeys = { overview: '案件概况', units: '部门处置', counties: '县区办理', topSubTypes: '高发问题', topCount: '高发问题小类数', hotlineUnits: '12345按单位', hotlineCategories: '12345按类别' } as const;

const join = (items: readonly string[]) => items.join('、');
const h = (text: string): GridCell => ({ value: text, role: 'header' });
const p = (value: string | number | null): GridCell => ({ value, role: 'plain' });
const marker = (text: string): GridCell => ({ value: text, role: 'total' });

/** The settings as a sheet the clerk can read and edit. */
export function settingsToGrid(settings: Settings): SheetGrid {
  const rows: (GridCell | null)[][] = [];
  const add = (...cells: (GridCell | null)[]) => rows.push(cells);
  add({ value: '月报设置', role: 'title' });
  add({ value: '本表由"城管月报助手"创建，每次生成月报时读取。可直接修改；请保留【】标题行和表头行，多个写法之间用"、"分隔。', role: 'note' });
  for (const note of basisNotes(settings)) add({ value: note, role: 'note' });
  add();
  add(marker(section.basic));
  add(h('项目'), h('值'), h('说明'));
  add(p(basicKeys.issuer), p(settings.issuer), p('用于表格标题'));
  add(p(basicKeys.startDay), p(settings.periodStartDay), p('每月从几号开始统计：1 为自然月；21 表示上月21日至本月20日为本月（季度、半年、年由这样的月组成）'));
  add(p(basicKeys.weekStart), p(weekdayNames[settings.periodWeekStart - 1]), p('周报的一周从星期几开始：周一为国际标准（ISO）周，周数按 ISO 的规则（含1月4日的那周为第1周）'));
  add(p(basicKeys.asOf), p(settings.asOfOverride), p('留空：取导出数据中最晚的事件时间；也可填 2021-10-08 17:30'));
  add(p(basicKeys.threshold), p(settings.repeatThreshold), p('同一地点同一问题的12345工单达到几件算热难点'));
  add(p(basicKeys.warnBelow), { value: settings.onTimeClosureWarnBelow, role: 'plain', numFmt: '0%' }, p('按期结案率低于此值时提示'));
  add();
  add(marker(section.sources));
  add(h('来源'), h('其他写法'), h('自行处置'), h(originHeader));
  for (const source of settings.sources) add(p(source.name), p(join(source.aliases)), p(source.selfDisposal ? '是' : '否'), originCell(source.origin));
  add();
  add(marker(section.firstLevel));
  add(h('一级单位'), h('分组'), h('12345名称'), h('其他写法'), h(originHeader));
  for (const unit of settings.firstLevelUnits) add(p(unit.name), p(unit.group), p(unit.hotlineName), p(join(unit.aliases)), originCell(unit.origin));
  add();
  add(marker(section.secondLevel));
  add(h('一级单位'), h('二级单位'), h('其他写法'), h(originHeader));
  for (const unit of settings.secondLevelUnits) add(p(unit.parent), p(unit.name), p(join(unit.aliases)), originCell(unit.origin));
  add();
  add(marker(section.stages));
  add(h('阶段'), h('阶段词'));
  for (const step of stageSteps) add(p(stageLabels[step]), p(join(settings.stageWords[step])));
  add();
  add(marker(section.mainTypes));
  add(h('大类'), h('问题类型'), h(originHeader));
  for (const mainType of settings.mainTypes) add(p(mainType.name), p(mainType.kind), originCell(mainType.origin));
  add();
  add(marker(section.hotlineDone));
  add(h('办结状态'));
  add(p(join(settings.hotlineDoneWords)));
  add();
  add(marker(section.categories));
  add(h('类别'), h('匹配词'));
  for (const category of settings.hotlineCategories) add(p(category.name), p(join(category.words)));
  add();
  add(marker(section.communities));
  add(h('小区'));
  for (const community of settings.knownCommunities) add(p(community));
  add();
  add(marker(section.topics));
  add(h('事项'), h('案件小类'), h('案件关键词'), h('工单类别'), h('工单关键词'));
  for (const topic of settings.focusTopics) add(p(topic.name), p(join(topic.caseSubTypes)), p(join(topic.caseWords)), p(join(topic.orderCategories)), p(join(topic.orderWords)));
  add();
  // After the blank row that ends the section, so that it is never read as a topic.
  add({ value: `案件小类可写国家标准（GB/T 30428.2）的小类名，事件小类的完整列表见本表最后的${section.standard}；关键词不必逐个写错别字（围档/围挡、搭围/打围 按同一个词匹配）。`, role: 'note' });
  add();
  add(marker(section.columns));
  add(h('表'), h('列'));
  const columns = settings.tableColumns;
  add(p(tableKeys.overview), p(join(columns.overview)));
  add(p(tableKeys.units), p(join(columns.units)));
  add(p(tableKeys.counties), p(join(columns.counties)));
  add(p(tableKeys.topSubTypes), p(join(columns.topSubTypes)));
  add(p(tableKeys.topCount), p(columns.topSubTypeCount));
  add(p(tableKeys.hotlineUnits), p(join(columns.hotlineUnits)));
  add(p(tableKeys.hotlineCategories), p(join(columns.hotlineCategories)));
  add();
  rows.push(...briefSettingsRows(settings.brief));
  add(marker(section.mappings));
  add(h('表类型'), h('表头'), h('字段'));
  for (const mapping of settings.columnMappings) {
    const label = fieldsByKind[mapping.kind].find((spec) => spec.field === mapping.field)?.label ?? mapping.field;
    add(p(sheetKindLabels[mapping.kind]), p(mapping.header), p(label));
  }
  rows.push(...customSettingsRows(settings));
  add();
  add(marker(section.standard));
  add(h('大类代码'), h('大类'), h('小类代码'), h('小类'));
  for (const main of standardMainTypes.filter((entry) => entry.kind === '事件')) {
    for (const sub of standardSubTypes.filter((entry) => entry.kind === '事件' && entry.mainCode === main.code)) add(p(main.code), p(main.name), p(sub.code), p(sub.name));
  }
  rows.push(...settingsHelpRows());
  return { name: settingsSheetName, role: 'settings', cells: rows, merges: [], colWidths: [22, 28, 40, 40, 30], freeze: { rows: 0, cols: 0 } };
}

export interface Section {
  readonly title: string;
  /** Sheet row number of the 【…】 row. */
  readonly titleRow: number;
  /** The section's header row (spaces dropped; empty when the section has none). */
  readonly headers: readonly string[];
  /** Sheet row number of each data row, and its cells. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[]; readonly raw: readonly CellValue[] }[];
}

function readSections(sheet: RawSheet): Map<string, Section> {
  const sections = new Map<string, Section>();
  const firstRow = sheet.firstRow ?? 1;
  let current: { title: string; titleRow: number; headers: string[]; rows: Section['rows'][number][]; headerSeen: boolean; ended: boolean } | null = null;
  sheet.rows.forEach((row, index) => {
    const cells = row.map((cell) => cellToText(cell));
    const first = (cells[0] ?? '').replace(/\s/g, '');
    if (/^【.+】$/.test(first)) {
      current = { title: first, titleRow: firstRow + index, headers: [], rows: [], headerSeen: false, ended: false };
      sections.set(first, current);
      return;
    }
    if (!current || current.ended) return;
    const blank = cells.every((cell) => cell === '');
    if (!current.headerSeen) {
      if (!blank) {
        current.headerSeen = true;
        current.headers = cells.map((cell) => cell.replace(/\s/g, ''));
      }
      return;
    }
    if (blank) {
      current.ended = true;
      return;
    }
    current.rows.push({ row: firstRow + index, cells, raw: row });
  });
  return sections;
}

/** An entry with the mark of its row's 识别 column (the clerk may clear it). */
function withOrigin<T extends object>(entry: T, part: Section, cells: readonly string[]): T & { readonly origin?: EntryOrigin } {
  const col = part.headers.indexOf(originHeader);
  return col >= 0 && (cells[col] ?? '').replace(/\s/g, '') === learnedMark ? { ...entry, origin: 'learned' } : entry;
}

/**
 * Reads the settings sheet. Sections that are missing fall back to the defaults; every problem is
 * a warning that names the row.
 */
export function readSettingsSheet(sheet: RawSheet): { settings: Settings; warnings: BuildWarning[] } {
  const warnings: BuildWarning[] = [];
  const sections = readSections(sheet);
  const warn = (rows: number[], message: string, action: string) => warnings.push({ kind: 'settings', sheet: sheet.name, rows, message, action });
  const get = (title: string): Section | null => {
    const found = sections.get(title);
    if (!found) warn([], `设置表缺少"${title}"一节，已使用默认设置。`, `删除"${settingsSheetName}"表可在下次生成时重建默认设置；或补回这一节。`);
    return found ?? null;
  };
  const d = defaultSettings;

  let issuer = d.issuer;
  let periodStartDay = d.periodStartDay;
  let periodWeekStart = d.periodWeekStart;
  let asOfOverride = d.asOfOverride;
  let repeatThreshold = d.repeatThreshold;
  let onTimeClosureWarnBelow = d.onTimeClosureWarnBelow;
  const basic = get(section.basic);
  if (basic) {
    for (const { row, cells, raw } of basic.rows) {
      const [key, value] = cells;
      if (key === basicKeys.issuer) issuer = value;
      else if (key === basicKeys.startDay) {
        const day = parseFigure(raw[1]);
        if (day !== null && Number.isInteger(day) && day >= 1 && day <= 28) periodStartDay = day;
        else warn([row], `统计周期起始日"${value}"应为 1 到 28 的整数，已按 ${d.periodStartDay} 号处理。`, '改为 1 到 28 之间的整数。');
      } else if (key === basicKeys.weekStart) {
        const day = readWeekday(raw[1]);
        if (day !== null) periodWeekStart = day;
        else warn([row], `每周起始日"${value}"无法识别，已按${weekdayNames[d.periodWeekStart - 1]}处理。`, '写成 周一、周日 这样的星期几（或 1 到 7 的数字，1 为周一）。');
      } else if (key === basicKeys.asOf) asOfOverride = typeof raw[1] === 'number' ? String(raw[1]) : value;
      else if (key === basicKeys.threshold) {
        const threshold = parseFigure(raw[1]);
        if (threshold !== null && Number.isInteger(threshold) && threshold >= 2) repeatThreshold = threshold;
        else warn([row], `热难点阈值"${value}"应为不小于 2 的整数，已按 ${d.repeatThreshold} 处理。`, '改为 2 以上的整数。');
      } else if (key === basicKeys.warnBelow) {
        const rate = parseFigure(raw[1]);
        if (rate !== null) onTimeClosureWarnBelow = rate > 1 ? rate / 100 : rate;
      }
    }
  }

  const sourcesSection = get(section.sources);
  const sources = sourcesSection
    ? sourcesSection.rows
        .filter(({ cells }) => cells[0])
        .map(({ cells, raw }) => withOrigin({ name: cells[0], aliases: splitList(cells[1] ?? ''), selfDisposal: readYesNo(raw[2], 'selfDisposed') === true }, sourcesSection, cells))
    : d.sources;

  const groups: readonly UnitGroup[] = ['市局', '县市区', '其他'];
  const firstSection = get(section.firstLevel);
  const firstLevelUnits = firstSection
    ? firstSection.rows
        .filter(({ cells }) => cells[0])
        .map(({ row, cells }) => {
          let group = (cells[1] ?? '').replace(/\s/g, '') as UnitGroup;
          if (!groups.includes(group)) {
            warn([row], `一级单位"${cells[0]}"的分组"${cells[1] ?? ''}"不是 市局、县市区 或 其他，已按 市局 处理。`, '把分组改为 市局、县市区 或 其他。');
            group = '市局';
          }
          return withOrigin({ name: cells[0], group, hotlineName: cells[2] ?? '', aliases: splitList(cells[3] ?? '') }, firstSection, cells);
        })
    : d.firstLevelUnits;
  const firstNames = new Set(firstLevelUnits.map((unit) => unit.name));
  const secondSection = get(section.secondLevel);
  const secondLevelUnits = secondSection
    ? secondSection.rows
        .filter(({ cells }) => cells[0] && cells[1])
        .filter(({ row, cells }) => {
          if (firstNames.has(cells[0])) return true;
          warn([row], `二级单位"${cells[1]}"的一级单位"${cells[0]}"不在【一级单位】中，这一行未使用。`, '在【一级单位】中加上它，或改正一级单位名称。');
          return false;
        })
        .map(({ cells }) => withOrigin({ parent: cells[0], name: cells[1], aliases: splitList(cells[2] ?? '') }, secondSection, cells))
    : d.secondLevelUnits;

  const stageSection = get(section.stages);
  let stageWords = d.stageWords;
  if (stageSection) {
    const words = Object.fromEntries(stageSteps.map((step) => [step, [] as string[]])) as Record<StageStep, string[]>;
    for (const { row, cells } of stageSection.rows) {
      const step = stageSteps.find((candidate) => stageLabels[candidate] === cells[0]);
      if (step) words[step].push(...splitList(cells[1] ?? ''));
      else warn([row], `阶段"${cells[0]}"不是 ${stageSteps.map((candidate) => stageLabels[candidate]).join('、')} 之一，这一行未使用。`, '改正第一列的阶段名称。');
    }
    stageWords = words;
  }

  // A section added after the first sheets were written: its absence is no slip.
  const mainTypeSection = sections.get(section.mainTypes);
  const mainTypes = mainTypeSection ? mainTypeSection.rows.filter(({ cells }) => cells[0]).map(({ cells }) => withOrigin({ name: cells[0], kind: (cells[1] ?? '').replace(/\s/g, '') }, mainTypeSection, cells)) : d.mainTypes;

  const doneSection = get(section.hotlineDone);
  const hotlineDoneWords = doneSection ? doneSection.rows.flatMap(({ cells }) => cells.flatMap((cell) => splitList(cell))) : d.hotlineDoneWords;
  const categorySection = get(section.categories);
  const hotlineCategories = categorySection ? categorySection.rows.filter(({ cells }) => cells[0]).map(({ cells }) => ({ name: cells[0], words: splitList(cells[1] ?? '') })) : d.hotlineCategories;
  const communitySection = get(section.communities);
  const knownCommunities = communitySection ? communitySection.rows.flatMap(({ cells }) => cells.flatMap((cell) => splitList(cell))) : d.knownCommunities;
  const topicSection = get(section.topics);
  const focusTopics: FocusTopic[] | readonly FocusTopic[] = topicSection
    ? topicSection.rows
        .filter(({ cells }) => cells[0])
        .map(({ cells }) => ({
          name: cells[0],
          caseSubTypes: splitList(cells[1] ?? ''),
          caseWords: splitList(cells[2] ?? ''),
          orderCategories: splitList(cells[3] ?? ''),
          orderWords: splitList(cells[4] ?? ''),
        }))
    : d.focusTopics;

  const columnSection = get(section.columns);
  let tableColumns: TableColumns = d.tableColumns;
  if (columnSection) {
    const byKey = new Map(columnSection.rows.map(({ cells, raw, row }) => [cells[0], { list: splitList(cells[1] ?? ''), raw: raw[1], row }]));
    const list = (key: string, fallback: readonly string[]) => {
      const entry = byKey.get(key);
      return entry && entry.list.length ? entry.list : fallback;
    };
    const count = parseFigure(byKey.get(tableKeys.topCount)?.raw);
    tableColumns = {
      overview: list(tableKeys.overview, d.tableColumns.overview),
      units: list(tableKeys.units, d.tableColumns.units),
      counties: list(tableKeys.counties, d.tableColumns.counties),
      topSubTypes: list(tableKeys.topSubTypes, d.tableColumns.topSubTypes),
      topSubTypeCount: count !== null && Number.isInteger(count) && count > 0 ? count : d.tableColumns.topSubTypeCount,
      hotlineUnits: list(tableKeys.hotlineUnits, d.tableColumns.hotlineUnits),
      hotlineCategories: list(tableKeys.hotlineCategories, d.tableColumns.hotlineCategories),
    };
    const known = new Set<string>(Object.values(tableKeys));
    for (const { row, cells } of columnSection.rows) {
      if (cells[0] && !known.has(cells[0])) warn([row], `【表格列】中的"${cells[0]}"不是已知的表，这一行未使用。`, `第一列应为 ${Object.values(tableKeys).join('、')} 之一；要加一张新表，请写在【自定义表格】中。`);
    }
  }

  const mappingSection = get(section.mappings);
  const columnMappings: ColumnMapping[] = [];
  for (const { row, cells } of mappingSection?.rows ?? []) {
    const kind = (Object.keys(sheetKindLabels) as SheetKind[]).find((candidate) => sheetKindLabels[candidate] === cells[0] || candidate === cells[0]);
    const field = kind ? fieldsByKind[kind].find((spec) => spec.label === cells[2] || spec.field === cells[2]) : undefined;
    if (!kind || !field || !cells[1]) {
      warn([row], `手工列映射"${cells.join(' | ')}"无法识别：表类型应为 ${Object.values(sheetKindLabels).join('、')} 之一，字段应为该类表的列名（如 上报时间）。`, '改正或删除这一行。');
      continue;
    }
    columnMappings.push({ kind, header: cells[1], field: field.field });
  }

  const custom = readCustomSettings(sections, warn);
  warnings.push(...unknownSectionsAndHeaders(sheet.name, sections));

  return {
    settings: {
      issuer,
      periodStartDay,
      periodWeekStart,
      asOfOverride,
      repeatThreshold,
      onTimeClosureWarnBelow,
      sources,
      firstLevelUnits,
      secondLevelUnits,
      stageWords,
      mainTypes,
      hotlineDoneWords,
      hotlineCategories,
      knownCommunities,
      focusTopics,
      columnMappings,
      tableColumns,
      // Sections added after a workbook's settings were made are not missing slips: defaults, no warning.
      brief: readBriefSettings((title) => sections.get(title) ?? null, warn, sheet.name),
      ...custom,
    },
    warnings,
  };
}

let writtenHeaders: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * Sections the reader does not know, and header rows that are not the ones this sheet is written with
 * (the standard sections are read by position, so a column inserted or renamed would be misread).
 * The sections of the clerk's own tables are read by header names and check their own.
 */
function unknownSectionsAndHeaders(sheetName: string, sections: ReadonlyMap<string, Section>): BuildWarning[] {
  if (!writtenHeaders) {
    const grid = settingsToGrid(defaultSettings);
    const written = readSections({ name: settingsSheetName, rows: grid.cells.map((row) => row.map((cell) => (cell ? cell.value : null))) });
    writtenHeaders = new Map([...written.values()].map((found) => [found.title, found.headers]));
  }
  const warnings: BuildWarning[] = [];
  const known = new Set<string>([...Object.values(section), ...Object.values(customSections), ...Object.values(briefSections)]);
  const byName = new Set<string>(Object.values(customSections));
  for (const found of sections.values()) {
    if (!known.has(found.title)) {
      warnings.push({ kind: 'settings', sheet: sheetName, rows: [found.titleRow], message: `设置表中的"${found.title}"一节不认识，未使用。`, action: `节名应为 ${[...known].join('、')} 之一；请检查是否写错。` });
      continue;
    }
    const expected = writtenHeaders.get(found.title);
    if (!expected || byName.has(found.title) || found.headers.length === 0) continue;
    // A header that is a different word where one is written (a column inserted or renamed), or one past
    // the written ones, is a slip; fewer columns is not (a sheet made before a column was added).
    const differs = found.headers.some((header, col) => header !== '' && header !== (expected[col] ?? '').replace(/\s/g, ''));
    if (differs) {
      warnings.push({
        kind: 'settings',
        sheet: sheetName,
        rows: [found.titleRow + 1],
        message: `"${found.title}"的表头是"${found.headers.filter(Boolean).join('、')}"，应为"${expected.filter(Boolean).join('、')}"；这一节按列的位置读取，多出或挪动的列会读错。`,
        action: '恢复原来的表头和列的顺序（可删除"月报设置"表，下次生成时重建）。',
      });
    }
  }
  return warnings;
}

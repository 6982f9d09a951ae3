/**
 * The settings of a first build in a new city, proposed from the data instead of copied from another
 * city: when a workbook has no 月报设置 yet, its export sheets are scanned once (the unit, source, 大类
 * and 问题类型 columns of the cases sheets; the unit and 小区 columns of the 12345 sheets) and
 * - if the units match a preset (most cases name a unit the preset knows), that preset is taken;
 * - otherwise the units (two levels, city departments and counties), the sources, the 大类 with their
 *   problem type, the 12345 units and the known 小区 are learned, everything else is the general default.
 * Every learned entry is marked (`origin: 'learned'`), so the settings sheet can say which it is, and a
 * summary in Chinese says what was learned (the CLI prints it, the task pane shows it before writing).
 * In: the raw sheets. Out: the settings and the summary. Pure; one pass over a few columns.
 */
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import type { SheetLayout } from '../ingest/detect-header.ts';
import { createUnitResolver, joinUnitLevels } from '../ingest/resolve-unit.ts';
import { cellToText } from '../text/normalize.ts';
import { readYesNo } from '../text/yes-no.ts';
import { findStandardSubType, standardMainTypes, type StandardKind } from '../vocabulary/standard-categories.ts';
import { defaultSettings } from './defaults.ts';
import { cleanUnitName, fitHotlineUnits, learnUnits, type UnitSpelling } from './learn-units.ts';
import { settingsPresets, type SettingsPreset } from './presets.ts';
import type { MainTypeSetting, Settings, SourceSetting } from './settings.ts';

/** What a first build learned (or which preset it took), for the CLI, the task pane and the settings sheet. */
export interface LearnedSummary {
  readonly kind: 'learned' | 'preset';
  /** The preset's name, when one was taken. */
  readonly presetName?: string;
  /** Share of the cases (or orders) whose unit the settings know. */
  readonly unitCoverage: number;
  readonly cityUnits: readonly string[];
  readonly counties: readonly string[];
  readonly otherUnits: readonly string[];
  readonly secondLevelUnits: number;
  readonly sources: readonly string[];
  readonly mainTypes: readonly string[];
  /** 12345 unit spellings seen, and how many of them the settings resolve to a unit. */
  readonly hotlineUnits: number;
  readonly hotlineUnitsMatched: number;
  readonly communities: number;
  /** The summary as lines in Chinese. */
  readonly lines: readonly string[];
}

export interface ProposedSettings {
  readonly settings: Settings;
  readonly summary: LearnedSummary;
}

export interface ProposeSettingsOptions {
  /** When (the build's time), recorded in the settings sheet's note. */
  readonly madeAt?: string;
  /** Presets to match against (default: every preset). */
  readonly presets?: readonly SettingsPreset[];
}

/** Share of the cases whose unit a preset must know for the data to match it. */
const presetCoverage = 0.8;
/** At most this many learned 小区 names (the most frequent). */
const communityLimit = 500;
/**
 * More distinct spellings than this in a unit column (or a source column) is no list of units (or
 * sources) a command center has: the column holds something else (names, addresses, case numbers).
 * Nothing is learned from it, and the summary says so: its values stay "not in the settings",
 * warned about and shown in capped rows.
 */
const unitSpellingLimit = 2000;
const sourceLimit = 200;

interface Tallies {
  readonly caseUnits: Map<string, UnitSpelling & { count: number }>;
  readonly hotlineUnits: Map<string, UnitSpelling & { count: number }>;
  readonly sources: Map<string, number>;
  /** 大类 → problem type → cases. */
  readonly mainTypes: Map<string, Map<string, number>>;
  /** 大类 → 小类 → cases (to find the type from the standard when no column gives it). */
  readonly mainSubTypes: Map<string, Map<string, number>>;
  readonly communities: Map<string, number>;
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** A count kept in a map and raised in place: one lookup per row, not a lookup and a set. */
interface Counter {
  n: number;
}

/** Counts of a column's raw values: no text work per row. */
type RawCounts = Map<CellValue, Counter>;

/** Counts of a column's raw values, and of a second column's values beside each. */
type PairCounts = Map<CellValue, RawCounts>;

function count(map: RawCounts, key: CellValue): void {
  const counter = map.get(key);
  if (counter) counter.n++;
  else map.set(key, { n: 1 });
}

function countPair(map: PairCounts, first: CellValue, second: CellValue): void {
  let inner = map.get(first);
  if (!inner) {
    inner = new Map();
    map.set(first, inner);
  }
  count(inner, second);
}

const blank = (value: CellValue) => value === null || value === undefined || value === '';
const textOf = (value: CellValue) => cellToText(value).normalize('NFKC').trim();

/**
 * One pass over the columns the settings are learned from. Rows are counted by raw cell value (an
 * export repeats a handful of units and sources), so the text work is done once per distinct value.
 */
function tally(sheets: readonly RawSheet[], layouts: readonly SheetLayout[]): Tallies {
  const tallies: Tallies = { caseUnits: new Map(), hotlineUnits: new Map(), sources: new Map(), mainTypes: new Map(), mainSubTypes: new Map(), communities: new Map() };
  for (const layout of layouts) {
    if (layout.kind !== 'cases' && layout.kind !== 'hotline') continue;
    const sheet = sheets.find((candidate) => candidate.name === layout.sheet);
    if (!sheet) continue;
    const col = (field: string) => layout.columns[field] ?? -1;
    const [unitCol, level1Col, level2Col, idCol] = [col('unit'), col('unitLevel1'), col('unitLevel2'), col(layout.kind === 'cases' ? 'caseId' : 'orderId')];
    const [sourceCol, kindCol, mainCol, subCol, pointCol] = [col('source'), col('kind'), col('mainType'), col('subType'), col('point')];
    const firstUnitCol = unitCol >= 0 ? unitCol : level1Col;
    const secondUnitCol = unitCol >= 0 ? -1 : level2Col;
    const units: PairCounts = new Map();
    const sources: RawCounts = new Map();
    // 大类 → its 问题类型 values and its 小类 values (one lookup of the 大类 per row).
    const byMainType = new Map<CellValue, { readonly kinds: RawCounts; readonly subTypes: RawCounts }>();
    const points: RawCounts = new Map();
    const at = (row: readonly CellValue[], index: number): CellValue => (index >= 0 ? row[index] : null);
    for (let index = layout.headerIndex + 1; index < sheet.rows.length; index++) {
      const row = sheet.rows[index];
      if (!row || blank(row[idCol])) continue;
      countPair(units, at(row, firstUnitCol), at(row, secondUnitCol));
      if (layout.kind === 'hotline') {
        if (pointCol >= 0) count(points, row[pointCol]);
        continue;
      }
      if (sourceCol >= 0) count(sources, row[sourceCol]);
      if (mainCol >= 0 && !blank(row[mainCol])) {
        let main = byMainType.get(row[mainCol]);
        if (!main) {
          main = { kinds: new Map(), subTypes: new Map() };
          byMainType.set(row[mainCol], main);
        }
        count(main.kinds, at(row, kindCol));
        count(main.subTypes, at(row, subCol));
      }
    }
    const unitTally = layout.kind === 'cases' ? tallies.caseUnits : tallies.hotlineUnits;
    for (const [first, seconds] of units) {
      for (const [second, { n: count }] of seconds) {
        const [level1, level2] = [cellToText(first), cellToText(second)];
        if (level1 === '' && level2 === '') continue;
        const key = `${level1}\u0000${level2}`;
        const entry = unitTally.get(key);
        if (entry) entry.count += count;
        else unitTally.set(key, { level1, level2, count });
      }
    }
    for (const [value, { n: count }] of sources) {
      const source = textOf(value);
      if (source !== '' && !/^(合计|总计|小计)/.test(source)) bump(tallies.sources, source, count);
    }
    for (const [value, { kinds: byKind, subTypes: bySubType }] of byMainType) {
      const mainType = textOf(value);
      const kinds = tallies.mainTypes.get(mainType) ?? new Map<string, number>();
      tallies.mainTypes.set(mainType, kinds);
      for (const [kind, { n: count }] of byKind) if (!blank(kind)) bump(kinds, textOf(kind), count);
      const subTypes = tallies.mainSubTypes.get(mainType) ?? new Map<string, number>();
      tallies.mainSubTypes.set(mainType, subTypes);
      for (const [subType, { n: count }] of bySubType) if (!blank(subType) && subTypes.size < 200) bump(subTypes, cellToText(subType), count);
    }
    for (const [value, { n: count }] of points) {
      const point = cleanUnitName(cellToText(value));
      if (point.length >= 2 && point.length <= 20) bump(tallies.communities, point, count);
    }
  }
  return tallies;
}

/** Share of the counted spellings a settings' units resolve to a known unit (null when none was counted). */
function coverage(settings: Settings, spellings: Iterable<UnitSpelling & { count: number }>): number | null {
  const resolve = createUnitResolver(settings);
  let known = 0;
  let total = 0;
  for (const spelling of spellings) {
    total += spelling.count;
    if (resolve(joinUnitLevels(spelling.level1, spelling.level2))?.known) known += spelling.count;
  }
  return total === 0 ? null : known / total;
}

/** 事件/部件 as the exports spell them (事件类, 部件问题 …); other types (服务事项) keep their text. */
function problemType(text: string): string {
  if (text.includes('事件')) return '事件';
  if (text.includes('部件')) return '部件';
  return text;
}

/** A 大类's problem type: the column's majority, else the standard's (by the 大类 name, else by its 小类). */
function mainTypeKind(name: string, kinds: ReadonlyMap<string, number>, subTypes: ReadonlyMap<string, number> | undefined): string {
  const [majority] = [...kinds].map(([kind, count]) => [problemType(kind), count] as const).sort((left, right) => right[1] - left[1]);
  if (majority) return majority[0];
  const standard = new Set(standardMainTypes.filter((main) => main.name === name.replace(/类$/, '')).map((main) => main.kind));
  if (standard.size === 1) return [...standard][0];
  const votes = new Map<StandardKind, number>();
  for (const [subType, count] of subTypes ?? []) {
    const found = findStandardSubType(subType);
    if (found) bump(votes, found.kind, count);
  }
  const [vote] = [...votes].sort((left, right) => right[1] - left[1]);
  return vote ? vote[0] : '';
}

function learnSources(tallies: Tallies): SourceSetting[] {
  if (tallies.sources.size > sourceLimit) return [];
  return [...tallies.sources]
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    .map(([name]) => ({ name, aliases: [], selfDisposal: readYesNo(name, 'selfDisposed') === true, origin: 'learned' as const }));
}

function learnMainTypes(tallies: Tallies): MainTypeSetting[] {
  const cases = (kinds: ReadonlyMap<string, number>, name: string) => [...kinds.values()].reduce((sum, count) => sum + count, 0) || [...(tallies.mainSubTypes.get(name)?.values() ?? [])].reduce((sum, count) => sum + count, 0);
  return [...tallies.mainTypes]
    .sort((left, right) => cases(right[1], right[0]) - cases(left[1], left[0]) || (left[0] < right[0] ? -1 : 1))
    .map(([name, kinds]) => ({ name, kind: mainTypeKind(name, kinds, tallies.mainSubTypes.get(name)), origin: 'learned' as const }));
}

const listed = (names: readonly string[], limit = 6) => (names.length ? `（${names.slice(0, limit).join('、')}${names.length > limit ? ' 等' : ''}）` : '');

function summarise(settings: Settings, kind: LearnedSummary['kind'], tallies: Tallies, presetName?: string, picked = false): LearnedSummary {
  const units = settings.firstLevelUnits;
  const cityUnits = units.filter((unit) => unit.group === '市局').map((unit) => unit.name);
  const counties = units.filter((unit) => unit.group === '县市区').map((unit) => unit.name);
  const otherUnits = units.filter((unit) => unit.group === '其他').map((unit) => unit.name);
  const resolve = createUnitResolver(settings);
  const hotlineSpellings = [...tallies.hotlineUnits.values()];
  const hotlineUnitsMatched = hotlineSpellings.filter((spelling) => resolve(joinUnitLevels(spelling.level1, spelling.level2))?.known).length;
  const caseCoverage = coverage(settings, tallies.caseUnits.values());
  const unitCoverage = caseCoverage ?? coverage(settings, hotlineSpellings) ?? 0;
  const lines: string[] = [];
  const percent = `${Math.round(unitCoverage * 100)}%`;
  const what = caseCoverage !== null ? '案件' : '工单';
  if (kind === 'preset' && picked) {
    lines.push(`使用指定的预设"${presetName ?? ''}"：导出表中 ${percent} 的${what}的单位在该预设中。`);
    if (unitCoverage < presetCoverage) lines.push('导出表的单位大多不在这个预设中，请确认选对了城市；不指定预设时会从数据中识别单位。');
  } else if (kind === 'preset') {
    lines.push(`工作簿中还没有"月报设置"：导出表中的单位与预设"${presetName ?? ''}"一致（${percent} 的${what}），使用该预设。`);
  } else {
    lines.push('工作簿中还没有"月报设置"：以下设置是从导出数据中识别的（不是照搬别的城市），请核对。');
    for (const [column, spellings] of [['处置部门', tallies.caseUnits.size], ['12345 承办单位', tallies.hotlineUnits.size]] as const) {
      if (spellings > unitSpellingLimit) lines.push(`${column}列有 ${spellings} 种不同的写法，远多于一个指挥中心的单位数，多半选错了列（或是人名、地址）：没有据此识别单位，请检查这一列。`);
    }
    if (tallies.sources.size > sourceLimit) lines.push(`问题来源列有 ${tallies.sources.size} 种不同的写法，不像来源名称：没有据此识别来源，请检查这一列。`);
    lines.push(`一级单位 ${units.length} 个：市局 ${cityUnits.length} 个${listed(cityUnits)}，县市区 ${counties.length} 个${listed(counties)}${otherUnits.length ? `，其他 ${otherUnits.length} 个${listed(otherUnits)}` : ''}；二级单位 ${settings.secondLevelUnits.length} 个。`);
    if (settings.sources.length) lines.push(`问题来源 ${settings.sources.length} 个${listed(settings.sources.map((source) => source.name))}。`);
    if (settings.mainTypes.length) lines.push(`大类 ${settings.mainTypes.length} 个${listed(settings.mainTypes.map((mainType) => `${mainType.name}${mainType.kind ? `·${mainType.kind}` : ''}`))}。`);
    if (hotlineSpellings.length) lines.push(`12345 承办单位 ${hotlineSpellings.length} 种写法，其中 ${hotlineUnitsMatched} 种对上了案件表的单位，其余列为"其他"。`);
    if (settings.knownCommunities.length) lines.push(`已知小区 ${settings.knownCommunities.length} 个（取自工单的小区点位列）。`);
    lines.push('县市区的单位进"县区办理"表，市局的进"部门处置"表；分组、写法、顺序不对时，打开"月报设置"表修改后重新生成。');
  }
  return {
    kind,
    presetName,
    unitCoverage,
    cityUnits,
    counties,
    otherUnits,
    secondLevelUnits: settings.secondLevelUnits.length,
    sources: settings.sources.map((source) => source.name),
    mainTypes: settings.mainTypes.map((mainType) => mainType.name),
    hotlineUnits: hotlineSpellings.length,
    hotlineUnitsMatched,
    communities: settings.knownCommunities.length,
    lines,
  };
}

/** A preset the clerk picked, for a workbook that has no settings: its settings, and how well the data matches it. */
export function applyPreset(preset: SettingsPreset, sheets: readonly RawSheet[], layouts: readonly SheetLayout[], options: ProposeSettingsOptions = {}): ProposedSettings {
  const settings: Settings = { ...preset.settings, basis: { kind: 'preset', presetName: preset.name, madeAt: options.madeAt } };
  return { settings, summary: summarise(settings, 'preset', tally(sheets, layouts), preset.name, true) };
}

/**
 * Proposes the settings of a workbook that has none, from its export sheets (`layouts`: the sheets'
 * layouts found without settings). A preset the units match is taken as it is; otherwise the city's
 * own units, sources, 大类, 12345 units and 小区 are learned.
 */
export function proposeSettings(sheets: readonly RawSheet[], layouts: readonly SheetLayout[], options: ProposeSettingsOptions = {}): ProposedSettings {
  const tallies = tally(sheets, layouts);
  const spellings = tallies.caseUnits.size ? [...tallies.caseUnits.values()] : [...tallies.hotlineUnits.values()];
  let best: { preset: SettingsPreset; share: number } | null = null;
  for (const preset of options.presets ?? settingsPresets) {
    const share = coverage(preset.settings, spellings);
    if (share !== null && share >= presetCoverage && (!best || share > best.share)) best = { preset, share };
  }
  if (best) {
    const settings: Settings = { ...best.preset.settings, basis: { kind: 'preset', presetName: best.preset.name, madeAt: options.madeAt } };
    return { settings, summary: summarise(settings, 'preset', tallies, best.preset.name) };
  }
  const learnable = (spellings: ReadonlyMap<string, UnitSpelling>) => (spellings.size <= unitSpellingLimit ? [...spellings.values()] : []);
  const caseUnits = learnUnits(learnable(tallies.caseUnits));
  const units = tallies.caseUnits.size ? fitHotlineUnits(caseUnits, learnable(tallies.hotlineUnits)) : learnUnits(learnable(tallies.hotlineUnits));
  const communities = [...tallies.communities].sort((left, right) => right[1] - left[1]).slice(0, communityLimit).map(([name]) => name);
  const settings: Settings = {
    ...defaultSettings,
    sources: learnSources(tallies),
    firstLevelUnits: units.firstLevelUnits,
    secondLevelUnits: units.secondLevelUnits,
    mainTypes: learnMainTypes(tallies),
    knownCommunities: communities,
    basis: { kind: 'learned', madeAt: options.madeAt },
  };
  return { settings, summary: summarise(settings, 'learned', tallies) };
}

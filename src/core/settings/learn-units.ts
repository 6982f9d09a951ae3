/**
 * Units learned from the spellings of an export's unit columns: which are first-level units, which
 * are second-level units of which parent, which first levels are counties (县/区/市 bureaus) and which
 * are city departments, and how a 12345 export spells the same units. General rules, no city's names:
 * - two columns (一级单位/二级单位, 主责部门/三级主责部门) give the two levels directly;
 * - one column whose spelling carries a separator (`市环卫处/公厕管理所`, `市环卫处（公厕管理所）`) splits at it;
 * - otherwise a name is a second level when it starts with another unit's name (`市环卫处公厕管理所`
 *   after `市环卫处`), or with a prefix that ends like an organisation (…局, …处, …大队, …中心) and that
 *   two or more names share;
 * - a first level whose name starts with a place (渠县…, 达川区…, 万源市…) is a county unit, unless the
 *   place is the home city, the 市 prefix most units share; a name starting with 市 is a city department.
 */
import type { FirstLevelUnit, SecondLevelUnit, UnitGroup } from './settings.ts';
import { createUnitResolver, joinUnitLevels } from '../ingest/resolve-unit.ts';
import { defaultSettings } from './defaults.ts';

/** A unit spelling as counted in a column: the first level (or the one name) and, for two columns, the second. */
export interface UnitSpelling {
  readonly level1: string;
  readonly level2: string;
  readonly count: number;
}

export interface LearnedUnits {
  readonly firstLevelUnits: FirstLevelUnit[];
  readonly secondLevelUnits: SecondLevelUnit[];
}

/** A unit name as the settings keep it: half-width, no spaces. */
export function cleanUnitName(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

/** Endings of organisation names: a prefix ending so can be a parent unit. */
const organisationEnd = /(局|处|大队|支队|中队|队|所|站|中心|办|委|会|公司|集团|院|科|部|厅|室|组|馆|场|社|署)$/;
/** A prefix ending so is a place, not an organisation (达川区, 渠县). */
const placeEnd = /(省|市|县|区|旗|州|镇|乡|街道|村|社区)$/;
/** Separators between the two levels written in one cell. */
const levelSeparator = /^(.+?)\s*(?:->|[/\\>＞→|｜\-—－])\s*(.+)$/;
const bracketed = /^(.+?)[(（[【](.+?)[)）\]】]$/;

/** A place at the start of a unit name: 渠县, 达川区, 万源市, 高新区 (not 市…, not 城区/辖区 …). */
const placeStart = /^([\u4e00-\u9fa5]{1,6}?(?:县|区|市|旗))(?![场政容民级直属])/;
const notPlaces = new Set(['城区', '市区', '新区', '园区', '景区', '社区', '小区', '辖区', '片区', '街区', '老城区', '主城区', '城市', '都市', '超市', '菜市', '夜市', '集市', '门市']);

function placeOf(name: string): string | null {
  if (name.startsWith('市')) return null;
  const match = placeStart.exec(name);
  if (!match || notPlaces.has(match[1]) || match[1].length === name.length) return null;
  return match[1];
}

/** The home city: the 市 place most first-level names start with, when it is common enough to be the city itself. */
function homeCityOf(names: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const name of names) {
    const place = placeOf(name);
    if (place?.endsWith('市')) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  const [best] = [...counts].sort((left, right) => right[1] - left[1]);
  return best && best[1] >= Math.max(2, names.length * 0.3) ? best[0] : null;
}

/** 县市区 for a county unit, 市局 for a city department. */
export function groupOfUnit(name: string, homeCity: string | null): UnitGroup {
  const place = placeOf(name);
  if (place === null || place === homeCity) return '市局';
  return '县市区';
}

/** Splits a one-cell spelling written with a separator into its two levels, or returns null. */
function splitWritten(name: string): [string, string] | null {
  const match = levelSeparator.exec(name) ?? bracketed.exec(name);
  if (!match) return null;
  const [level1, level2] = [cleanUnitName(match[1]), cleanUnitName(match[2])];
  return level1.length >= 2 && level2.length >= 2 ? [level1, level2] : null;
}

/** Candidate parents of a name: its prefixes that end like an organisation, longest first. */
function organisationPrefixes(name: string): string[] {
  const prefixes: string[] = [];
  for (let end = name.length - 2; end >= 2; end--) {
    const prefix = name.slice(0, end);
    if (organisationEnd.test(prefix) && !placeEnd.test(prefix)) prefixes.push(prefix);
  }
  return prefixes;
}

interface Tally {
  count: number;
  readonly children: Map<string, number>;
}

/**
 * Learns the units table from the spellings of the unit columns (most cases first within each group).
 * `order` of the result: city departments, then counties, each by cases, most first.
 */
export function learnUnits(spellings: readonly UnitSpelling[]): LearnedUnits {
  const firsts = new Map<string, Tally>();
  const addFirst = (name: string, count: number): Tally => {
    let tally = firsts.get(name);
    if (!tally) {
      tally = { count: 0, children: new Map() };
      firsts.set(name, tally);
    }
    tally.count += count;
    return tally;
  };
  const addChild = (parent: string, child: string, count: number) => {
    const tally = addFirst(parent, 0);
    tally.children.set(child, (tally.children.get(child) ?? 0) + count);
    tally.count += count;
  };

  const single = new Map<string, number>();
  for (const spelling of spellings) {
    const level1 = cleanUnitName(spelling.level1);
    let level2 = cleanUnitName(spelling.level2);
    if (level1 !== '' && level2.startsWith(level1) && level2.length > level1.length) level2 = level2.slice(level1.length);
    if (level1 !== '' && level2 !== '' && level2 !== level1) addChild(level1, level2, spelling.count);
    else {
      const name = level1 || level2;
      if (name !== '') single.set(name, (single.get(name) ?? 0) + spelling.count);
    }
  }

  // One column: a written separator first, then shared organisation prefixes.
  const plain = new Map<string, number>();
  for (const [name, count] of single) {
    const split = splitWritten(name);
    if (split) addChild(split[0], split[1], count);
    else plain.set(name, count);
  }
  const known = new Set([...plain.keys(), ...firsts.keys()]);
  const sharing = new Map<string, number>();
  for (const name of plain.keys()) for (const prefix of organisationPrefixes(name)) sharing.set(prefix, (sharing.get(prefix) ?? 0) + 1);
  const isParent = (prefix: string) => known.has(prefix) || (sharing.get(prefix) ?? 0) >= 2;
  const bareNames: [string, number][] = [];
  for (const [name, count] of plain) {
    const parent = organisationPrefixes(name).find(isParent);
    if (parent && !firsts.get(name)?.children.size) addChild(parent, name.slice(parent.length), count);
    else bareNames.push([name, count]);
  }
  // A bare name that is the second-level name of exactly one parent is that unit, spelled short.
  const childParents = new Map<string, string[]>();
  for (const [parent, tally] of firsts) for (const child of tally.children.keys()) childParents.set(child, [...(childParents.get(child) ?? []), parent]);
  for (const [name, count] of bareNames) {
    const parents = childParents.get(name);
    if (parents?.length === 1) addChild(parents[0], name, count);
    else addFirst(name, count);
  }

  const homeCity = homeCityOf([...firsts.keys()]);
  const byCount = <T>(entries: [string, T][], countOf: (value: T) => number) => entries.sort((left, right) => countOf(right[1]) - countOf(left[1]) || (left[0] < right[0] ? -1 : 1));
  const ordered = byCount([...firsts], (tally) => tally.count);
  const groupRank = (group: UnitGroup) => (group === '市局' ? 0 : group === '县市区' ? 1 : 2);
  const firstLevelUnits: FirstLevelUnit[] = ordered
    .map(([name]) => ({ name, group: groupOfUnit(name, homeCity), hotlineName: '', aliases: [] as string[], origin: 'learned' as const }))
    .sort((left, right) => groupRank(left.group) - groupRank(right.group));
  const secondLevelUnits: SecondLevelUnit[] = firstLevelUnits.flatMap((first) =>
    byCount([...(firsts.get(first.name)?.children ?? new Map<string, number>())], (count) => count).map(([name]) => ({ parent: first.name, name, aliases: [], origin: 'learned' as const })),
  );
  return { firstLevelUnits, secondLevelUnits };
}

/** Strips a leading place the two systems may or may not write (市火管中队 / 火管中队). */
function withoutLeadingPlace(name: string, homeCity: string | null): string {
  if (homeCity && name.startsWith(homeCity)) return name.slice(homeCity.length);
  return name.replace(/^市/, '');
}

/**
 * Fits the 12345 export's unit spellings to the units learned from the cases: a spelling the units
 * already resolve is left alone; one that ends with a second-level name only one parent has
 * (执法直属一大队三中队) makes its start a 12345 spelling of that parent; one that differs from a first
 * level only by a leading place (市火管中队) is its 12345 name. Anything else is a unit of the 12345
 * system only, group 其他 (shown in the case tables only if cases name it).
 */
export function fitHotlineUnits(units: LearnedUnits, hotlineSpellings: readonly UnitSpelling[]): LearnedUnits {
  const firstLevelUnits = units.firstLevelUnits.map((unit) => ({ ...unit, aliases: [...unit.aliases] }));
  const byName = new Map(firstLevelUnits.map((unit) => [unit.name, unit]));
  const homeCity = homeCityOf(firstLevelUnits.map((unit) => unit.name));
  const childParents = new Map<string, string[]>();
  for (const child of units.secondLevelUnits) childParents.set(child.name, [...(childParents.get(child.name) ?? []), child.parent]);
  const resolve = createUnitResolver({ ...defaultSettings, firstLevelUnits, secondLevelUnits: units.secondLevelUnits });
  const setHotlineName = (unit: FirstLevelUnit & { aliases: string[] }, spelling: string) => {
    if (spelling === unit.name) return;
    if (!unit.aliases.includes(spelling)) unit.aliases.push(spelling);
    if (unit.hotlineName === '') (unit as { hotlineName: string }).hotlineName = spelling;
  };
  const extra: FirstLevelUnit[] = [];
  for (const spelling of [...hotlineSpellings].sort((left, right) => right.count - left.count)) {
    const name = cleanUnitName(joinUnitLevels(spelling.level1, spelling.level2));
    if (name === '' || resolve(name)?.known) continue;
    const child = [...childParents].find(([childName, parents]) => parents.length === 1 && name.endsWith(childName) && name.length > childName.length + 1);
    if (child) {
      const unit = byName.get(child[1][0]);
      if (unit) setHotlineName(unit, name.slice(0, name.length - child[0].length));
      continue;
    }
    const bare = withoutLeadingPlace(name, homeCity);
    const first = firstLevelUnits.find((unit) => withoutLeadingPlace(unit.name, homeCity) === bare);
    if (first) {
      setHotlineName(first, name);
      continue;
    }
    if (!extra.some((unit) => unit.name === name)) extra.push({ name, group: '其他', hotlineName: '', aliases: [], origin: 'learned' });
  }
  return { firstLevelUnits: [...firstLevelUnits, ...extra], secondLevelUnits: units.secondLevelUnits };
}

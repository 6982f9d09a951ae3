/**
 * Unit spellings → units of the settings' units table (inputs.md, "Values"). A spelling matches when,
 * normalised, it is one of a unit's listed spellings; or its second-level name where no other unit has
 * that name; or a spelling of its first level followed by its second-level name (执法直属一大队三中队);
 * or a first-level spelling alone, which means the first-level unit as a whole. Anything else is unknown.
 */
import type { ResolvedUnit } from '../model/case-record.ts';
import type { Settings } from '../settings/settings.ts';
import { normalizeName } from '../text/normalize.ts';

export type UnitResolver = (spelling: string) => ResolvedUnit | null;

/** Builds a cached resolver for the settings' units; returns null for a blank spelling. */
export function createUnitResolver(settings: Settings): UnitResolver {
  const exact = new Map<string, ResolvedUnit>();
  const firstLevelSpellings = new Map<string, string[]>();
  for (const unit of settings.firstLevelUnits) {
    const spellings = uniqueNormalized([unit.name, unit.hotlineName, ...unit.aliases]);
    firstLevelSpellings.set(unit.name, spellings);
    for (const spelling of spellings) exact.set(spelling, { level1: unit.name, level2: null, known: true });
  }
  const secondByName = new Map<string, ResolvedUnit[]>();
  for (const unit of settings.secondLevelUnits) {
    const resolved: ResolvedUnit = { level1: unit.parent, level2: unit.name, known: true };
    const key = normalizeName(unit.name);
    secondByName.set(key, [...(secondByName.get(key) ?? []), resolved]);
    for (const alias of unit.aliases) exact.set(normalizeName(alias), resolved);
    for (const parentSpelling of firstLevelSpellings.get(unit.parent) ?? [normalizeName(unit.parent)]) {
      exact.set(parentSpelling + key, resolved);
      for (const alias of unit.aliases) exact.set(parentSpelling + normalizeName(alias), resolved);
    }
  }
  for (const [key, units] of secondByName) {
    // A second-level name shared by two first levels (两个"一中队") says nothing on its own.
    if (units.length === 1 && !exact.has(key)) exact.set(key, units[0]);
  }
  const cache = new Map<string, ResolvedUnit | null>();
  return (spelling: string) => {
    const cached = cache.get(spelling);
    if (cached !== undefined) return cached;
    const key = normalizeName(spelling);
    const resolved = key === '' ? null : (exact.get(key) ?? { level1: spelling.trim().normalize('NFKC'), level2: null, known: false });
    cache.set(spelling, resolved);
    return resolved;
  };
}

function uniqueNormalized(spellings: readonly string[]): string[] {
  return [...new Set(spellings.map((spelling) => normalizeName(spelling)).filter((spelling) => spelling !== ''))];
}

/**
 * The one spelling of a unit given in two columns (一级单位 + 二级单位, 主责部门 + 三级主责部门): the second
 * level alone when it already starts with the first (`市环卫处公厕管理所`), else the two joined; either
 * alone when the other is blank.
 */
export function joinUnitLevels(level1: string, level2: string): string {
  if (level2 === '') return level1;
  if (level1 === '' || level2.startsWith(level1)) return level2;
  return level1 + level2;
}

/** Display key of a unit: `一级/二级` or `一级`. */
export function unitKey(unit: ResolvedUnit): string {
  return unit.level2 ? `${unit.level1}/${unit.level2}` : unit.level1;
}

/**
 * The case figures of one period: counts by source, by unit (two levels), by county and by kind and
 * sub-type, over the cohort of cases reported in the period. Units come in the settings' order,
 * configured units with no cases included; units seen but not configured follow in their own rows.
 */
import type { CaseRecord, ResolvedUnit } from '../model/case-record.ts';
import type { Settings } from '../settings/settings.ts';
import { isInPeriod, type Period } from '../time/period.ts';
import type { WallTime } from '../time/wall-time.ts';
import { addCaseFlags, emptyCaseCounts, sumCaseCounts, type CaseCounts } from './case-counts.ts';
import { flagCase } from './case-flags.ts';

export interface NamedCounts {
  readonly name: string;
  readonly counts: CaseCounts;
}

/** One row of the 部门处置 table. */
export interface UnitRow {
  readonly level1: string;
  /** Second-level name, 合计 for a first level's subtotal, or null for a first level without second levels. */
  readonly level2: string | null;
  readonly role: 'unit' | 'subtotal';
  readonly known: boolean;
  readonly counts: CaseCounts;
}

export interface KindStatistics {
  readonly kind: string;
  readonly counts: CaseCounts;
  /** Sub-types by reports, most first, ties by name. */
  readonly subTypes: readonly NamedCounts[];
}

export interface CaseStatistics {
  readonly cohort: readonly CaseRecord[];
  readonly total: CaseCounts;
  readonly bySource: readonly NamedCounts[];
  /** 部门处置 rows (units of group 市局 and 其他, and unknown units), without the 总计 row. */
  readonly unitRows: readonly UnitRow[];
  /** Sum of the 部门处置 unit rows (the 总计 row). */
  readonly cityTotal: CaseCounts;
  readonly counties: readonly NamedCounts[];
  readonly countyTotal: CaseCounts;
  readonly byKind: readonly KindStatistics[];
  /** Cases dispatched with no unit. */
  readonly dispatchedWithoutUnit: readonly CaseRecord[];
  /** Cases counted under a unit that is not in the settings. */
  readonly unknownUnitCases: readonly CaseRecord[];
}

const noUnitName = '（未填处置部门）';
/** Units not in the settings shown in rows of their own; the others share one row. */
export const unknownUnitRowLimit = 30;
/** A case sent to a first-level unit as a whole, when that unit has second-level units. */
const ownLevelName = '本级';

export interface ComputeCaseStatisticsOptions {
  readonly period: Period;
  readonly asOf: WallTime;
  readonly settings: Settings;
  /** false: no deadline column, so 应结案数 = 应处置数 and the 按期 counts stay 0. */
  readonly hasDeadlineColumn?: boolean;
}

/** Computes every case table's figures for one period. Pure: the records are not changed. */
export function computeCaseStatistics(records: readonly CaseRecord[], options: ComputeCaseStatisticsOptions): CaseStatistics {
  const { period, asOf, settings } = options;
  const hasDeadline = options.hasDeadlineColumn ?? true;
  const cohort = records.filter((record) => isInPeriod(record.reportedAt, period));
  const total = emptyCaseCounts();
  const bySource = new Map<string, CaseCounts>();
  const byUnit = new Map<string, CaseCounts>();
  const unitOf = new Map<string, ResolvedUnit>();
  const byKind = new Map<string, { counts: CaseCounts; subTypes: Map<string, CaseCounts> }>();
  const dispatchedWithoutUnit: CaseRecord[] = [];
  const unknownUnitCases: CaseRecord[] = [];
  const noUnit: ResolvedUnit = { level1: noUnitName, level2: null, known: false };
  const keyOfUnit = new Map<ResolvedUnit, string>();
  for (const record of cohort) {
    const flags = flagCase(record, asOf, hasDeadline);
    addCaseFlags(total, flags);
    addTo(bySource, record.source, flags);
    // A case that was never dispatched needs no unit: counted under one only when the settings know
    // it (a county's 自行处置案件数); an unknown or empty unit on it is neither a row nor a warning.
    const unitMatters = flags.dispatched || (flags.selfDisposed && record.unit?.known === true);
    if (unitMatters) {
      const unit = record.unit ?? noUnit;
      if (!record.unit) dispatchedWithoutUnit.push(record);
      else if (!unit.known) unknownUnitCases.push(record);
      // Units are shared objects: one key string per unit, not one per case.
      let key = keyOfUnit.get(unit);
      if (key === undefined) {
        key = unit.level2 === null ? unit.level1 : `${unit.level1}\u0000${unit.level2}`;
        keyOfUnit.set(unit, key);
      }
      if (!unitOf.has(key)) unitOf.set(key, unit);
      addTo(byUnit, key, flags);
    }
    const kind = normalizeKind(record.kind);
    if (kind) {
      let entry = byKind.get(kind);
      if (!entry) {
        entry = { counts: emptyCaseCounts(), subTypes: new Map() };
        byKind.set(kind, entry);
      }
      addCaseFlags(entry.counts, flags);
      addTo(entry.subTypes, record.subType || '（未填小类）', flags);
    }
  }

  const sourceOrder = settings.sources.map((source) => source.name);
  const sourceRows: NamedCounts[] = [
    ...sourceOrder.filter((name) => bySource.has(name)).map((name) => ({ name, counts: bySource.get(name) as CaseCounts })),
    ...[...bySource.keys()]
      .filter((name) => !sourceOrder.includes(name))
      .sort(compareText)
      .map((name) => ({ name, counts: bySource.get(name) as CaseCounts })),
  ];

  const used = new Set<string>();
  const take = (key: string): CaseCounts => {
    used.add(key);
    return byUnit.get(key) ?? emptyCaseCounts();
  };
  const unitRows: UnitRow[] = [];
  const counties: NamedCounts[] = [];
  for (const first of settings.firstLevelUnits) {
    const children = settings.secondLevelUnits.filter((unit) => unit.parent === first.name);
    if (first.group === '县市区') {
      const childCounts = children.map((child) => take(`${first.name}\u0000${child.name}`));
      counties.push({ name: first.name, counts: sumCaseCounts([take(first.name), ...childCounts]) });
      continue;
    }
    const ownCounts = byUnit.get(first.name);
    if (children.length === 0) {
      const counts = take(first.name);
      if (first.group === '市局' || counts.reported > 0) unitRows.push({ level1: first.name, level2: null, role: 'unit', known: true, counts });
      continue;
    }
    const rows: UnitRow[] = children.map((child) => ({ level1: first.name, level2: child.name, role: 'unit', known: true, counts: take(`${first.name}\u0000${child.name}`) }));
    if (ownCounts) rows.push({ level1: first.name, level2: ownLevelName, role: 'unit', known: true, counts: take(first.name) });
    const subtotal = sumCaseCounts(rows.map((row) => row.counts));
    if (first.group === '市局' || subtotal.reported > 0) {
      unitRows.push(...rows, { level1: first.name, level2: '合计', role: 'subtotal', known: true, counts: subtotal });
    }
  }
  // Units not in the settings each get a row, the most reported ones first up to a limit; the rest
  // share one row, so that no case leaves the totals and a wrong unit column (100,000 "units") still
  // gives a table someone can read.
  const unknownKeys = [...byUnit.keys()].filter((key) => !used.has(key));
  const byCases = [...unknownKeys].sort((left, right) => (byUnit.get(right) as CaseCounts).reported - (byUnit.get(left) as CaseCounts).reported || compareText(left, right));
  const shown = byCases.slice(0, unknownUnitRowLimit).sort(compareText);
  for (const key of shown) {
    const unit = unitOf.get(key) as ResolvedUnit;
    unitRows.push({ level1: unit.level1, level2: unit.level2, role: 'unit', known: unit.known, counts: byUnit.get(key) as CaseCounts });
  }
  const rest = byCases.slice(unknownUnitRowLimit);
  if (rest.length) {
    unitRows.push({ level1: `其余 ${rest.length} 个不在设置中的单位`, level2: null, role: 'unit', known: false, counts: sumCaseCounts(rest.map((key) => byUnit.get(key) as CaseCounts)) });
  }
  const cityTotal = sumCaseCounts(unitRows.filter((row) => row.role === 'unit').map((row) => row.counts));
  const countyTotal = sumCaseCounts(counties.map((county) => county.counts));

  const kinds: KindStatistics[] = [...byKind.entries()]
    .sort(([left], [right]) => kindRank(left) - kindRank(right) || compareText(left, right))
    .map(([kind, entry]) => ({
      kind,
      counts: entry.counts,
      subTypes: [...entry.subTypes.entries()]
        .map(([name, counts]) => ({ name, counts }))
        .sort((left, right) => right.counts.reported - left.counts.reported || compareText(left.name, right.name)),
    }));

  return {
    cohort,
    total,
    bySource: sourceRows,
    unitRows,
    cityTotal,
    counties,
    countyTotal,
    byKind: kinds,
    dispatchedWithoutUnit,
    unknownUnitCases,
  };
}

function addTo(map: Map<string, CaseCounts>, key: string, flags: Parameters<typeof addCaseFlags>[1]): void {
  let counts = map.get(key);
  if (!counts) {
    counts = emptyCaseCounts();
    map.set(key, counts);
  }
  addCaseFlags(counts, flags);
}

/** 事件 and 部件 as the exports spell them (事件类, 部件问题 …); other kinds keep their text. */
export function normalizeKind(kind: string): string {
  const text = kind.trim();
  if (text === '') return '';
  if (text.includes('事件')) return '事件';
  if (text.includes('部件')) return '部件';
  return text;
}

function kindRank(kind: string): number {
  return kind === '事件' ? 0 : kind === '部件' ? 1 : 2;
}

const collator = new Intl.Collator('zh-CN');
/** Chinese-aware, deterministic text order (ties broken by name). */
export function compareText(left: string, right: string): number {
  return collator.compare(left, right) || (left < right ? -1 : left > right ? 1 : 0);
}

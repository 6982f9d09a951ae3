/**
 * The case figures of one period: counts by source, by unit (two levels), by county and by kind and
 * sub-type, over the cohort of cases reported in the period. Units come in the settings' order,
 * configured units with no cases included; units seen but not configured follow in their own rows.
 *
 * The figures are tallied case by case (`CaseTally`: `add` each case of the cohort with its flags, in
 * batches or all at once, then `finish`), so a month held in memory and a year streamed from twelve
 * files go through the same counting; the tally keeps counts and, for the warnings, the sheet and row
 * of the cases they name, never the cases themselves.
 */
import type { CaseRecord, ResolvedUnit } from '../model/case-record.ts';
import type { Settings } from '../settings/settings.ts';
import { isInPeriod, type Period } from '../time/period.ts';
import type { WallTime } from '../time/wall-time.ts';
import { addCaseFlags, emptyCaseCounts, sumCaseCounts, type CaseCounts } from './case-counts.ts';
import { flagCase, type CaseFlags } from './case-flags.ts';

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

/** Where a case came from: its sheet and row, for the warnings that name it. */
export interface RowRef {
  readonly sheet: string;
  readonly row: number;
}

/** What the warnings need to know of the cases of one export sheet. */
export interface SheetCaseFacts {
  /** Cases of the cohort from this sheet. */
  readonly cases: number;
  /** Voided cases (作废) among them. */
  readonly voided: number;
  /** Cases whose problem type (事件/部件) is known. */
  readonly withKind: number;
}

export interface CaseStatistics {
  /** Cases in the cohort (reported in the period). */
  readonly cohortSize: number;
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
  readonly dispatchedWithoutUnit: readonly RowRef[];
  /** Cases counted under a unit that is not in the settings, with the unit as spelled. */
  readonly unknownUnitCases: readonly (RowRef & { readonly unitText: string })[];
  /** Cases whose source is not in the settings, with the source as spelled. */
  readonly unknownSourceCases: readonly (RowRef & { readonly source: string })[];
  /** Disposed cases whose being on time cannot be judged (with a deadline column only). */
  readonly onTimeUnjudgedCases: readonly RowRef[];
  /** Per export sheet, what the column warnings need. */
  readonly sheets: ReadonlyMap<string, SheetCaseFacts>;
  /** The first sheet a case of the cohort came from ('' for none). */
  readonly firstSheet: string;
  /**
   * The city departments' cases (not of a county) that were dispatched or self-disposed, counted case
   * by case straight from the flags: the reconciliation compares the 部门处置 rows with it.
   */
  readonly cityRecount: CaseCounts;
  /** Whether the figures come from the history (a period built from its months' figures), not from cases. */
  readonly fromHistory?: boolean;
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

/** Computes every case table's figures for one period over cases held in memory. Pure: the records are not changed. */
export function computeCaseStatistics(records: readonly CaseRecord[], options: ComputeCaseStatisticsOptions): CaseStatistics {
  const tally = new CaseTally(options.settings);
  const hasDeadline = options.hasDeadlineColumn ?? true;
  for (const record of records) if (isInPeriod(record.reportedAt, options.period)) tally.add(record, flagCase(record, options.asOf, hasDeadline));
  return tally.finish(hasDeadline);
}

/** Counts by unit key, with the unit each key stands for. */
export interface UnitCounts {
  readonly counts: ReadonlyMap<string, CaseCounts>;
  readonly units: ReadonlyMap<string, ResolvedUnit>;
}

/** The key a unit's counts are kept under: its first level, or first and second level. */
export function unitKeyOf(level1: string, level2: string | null): string {
  return level2 === null ? level1 : `${level1}\u0000${level2}`;
}

/**
 * The case figures tallied case by case: `add` every case of the cohort with its flags (at the as-of
 * time), then `finish` once. Keeps counts, and the sheet and row of the cases a warning will name.
 */
export class CaseTally {
  private readonly total = emptyCaseCounts();
  private readonly bySource = new Map<string, CaseCounts>();
  private readonly byUnit = new Map<string, CaseCounts>();
  private readonly unitOf = new Map<string, ResolvedUnit>();
  private readonly keyOfUnit = new Map<ResolvedUnit, string>();
  private readonly byKind = new Map<string, { counts: CaseCounts; subTypes: Map<string, CaseCounts> }>();
  private readonly dispatchedWithoutUnit: RowRef[] = [];
  private readonly unknownUnitCases: (RowRef & { readonly unitText: string })[] = [];
  private readonly unknownSourceCases: (RowRef & { readonly source: string })[] = [];
  private readonly onTimeUnjudgedCases: RowRef[] = [];
  private readonly sheets = new Map<string, { cases: number; voided: number; withKind: number }>();
  private readonly cityRecount = emptyCaseCounts();
  private readonly countyNames: ReadonlySet<string>;
  private readonly noUnit: ResolvedUnit = { level1: noUnitName, level2: null, known: false };
  private cohortSize = 0;
  private firstSheet = '';

  constructor(private readonly settings: Settings) {
    this.countyNames = new Set(settings.firstLevelUnits.filter((unit) => unit.group === '县市区').map((unit) => unit.name));
  }

  /** Adds one case of the cohort with its flags. */
  add(record: CaseRecord, flags: CaseFlags): void {
    this.cohortSize++;
    addCaseFlags(this.total, flags);
    addTo(this.bySource, record.source, flags);
    // A case that was never dispatched needs no unit: counted under one only when the settings know
    // it (a county's 自行处置案件数); an unknown or empty unit on it is neither a row nor a warning.
    const unitMatters = flags.dispatched || (flags.selfDisposed && record.unit?.known === true);
    if (unitMatters) {
      const unit = record.unit ?? this.noUnit;
      if (!record.unit) this.dispatchedWithoutUnit.push({ sheet: record.sheet, row: record.row });
      else if (!unit.known) this.unknownUnitCases.push({ sheet: record.sheet, row: record.row, unitText: record.unitText });
      // Units are shared objects: one key string per unit, not one per case.
      let key = this.keyOfUnit.get(unit);
      if (key === undefined) {
        key = unitKeyOf(unit.level1, unit.level2);
        this.keyOfUnit.set(unit, key);
      }
      if (!this.unitOf.has(key)) this.unitOf.set(key, unit);
      addTo(this.byUnit, key, flags);
    }
    // The city departments' cases recounted straight from the flags, for the reconciliation.
    if (!(record.unit && this.countyNames.has(record.unit.level1)) && (flags.dispatched || flags.selfDisposed)) addCaseFlags(this.cityRecount, flags);
    const kind = normalizeKind(record.kind);
    if (kind) {
      let entry = this.byKind.get(kind);
      if (!entry) {
        entry = { counts: emptyCaseCounts(), subTypes: new Map() };
        this.byKind.set(kind, entry);
      }
      addCaseFlags(entry.counts, flags);
      addTo(entry.subTypes, record.subType || '（未填小类）', flags);
    }
    if (!record.sourceKnown) this.unknownSourceCases.push({ sheet: record.sheet, row: record.row, source: record.source });
    if (flags.onTimeUnjudged) this.onTimeUnjudgedCases.push({ sheet: record.sheet, row: record.row });
    let sheet = this.sheets.get(record.sheet);
    if (!sheet) {
      sheet = { cases: 0, voided: 0, withKind: 0 };
      this.sheets.set(record.sheet, sheet);
      if (this.firstSheet === '') this.firstSheet = record.sheet;
    }
    sheet.cases++;
    if (record.stage === 'voided') sheet.voided++;
    if (record.kind !== '') sheet.withKind++;
  }

  /** The figures of the cases added, laid out as the tables show them. */
  finish(hasDeadlineColumn: boolean): CaseStatistics {
    const layout = layoutCaseStatistics(this.settings, { total: this.total, bySource: this.bySource, byUnit: { counts: this.byUnit, units: this.unitOf }, byKind: this.byKind });
    return {
      ...layout,
      cohortSize: this.cohortSize,
      dispatchedWithoutUnit: this.dispatchedWithoutUnit,
      unknownUnitCases: this.unknownUnitCases,
      unknownSourceCases: this.unknownSourceCases,
      onTimeUnjudgedCases: hasDeadlineColumn ? this.onTimeUnjudgedCases : [],
      sheets: this.sheets,
      firstSheet: this.firstSheet,
      cityRecount: this.cityRecount,
    };
  }
}

/** Counts tallied by source, unit key and kind, before they are laid out as tables. */
export interface CaseCountsByGroup {
  readonly total: CaseCounts;
  readonly bySource: ReadonlyMap<string, CaseCounts>;
  readonly byUnit: UnitCounts;
  readonly byKind: ReadonlyMap<string, { readonly counts: CaseCounts; readonly subTypes: ReadonlyMap<string, CaseCounts> }>;
}

/**
 * The tables' rows from counts by source, unit and kind (as a tally or the history gives them):
 * sources in the settings' order then the others, 部门处置 rows in the settings' order with units not in
 * the settings after them, the counties, the kinds and their sub-types most reported first.
 */
export function layoutCaseStatistics(settings: Settings, tallied: CaseCountsByGroup): Pick<CaseStatistics, 'total' | 'bySource' | 'unitRows' | 'cityTotal' | 'counties' | 'countyTotal' | 'byKind'> {
  const { bySource } = tallied;
  const byUnit = tallied.byUnit.counts;
  const unitOf = tallied.byUnit.units;
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
      const childCounts = children.map((child) => take(unitKeyOf(first.name, child.name)));
      counties.push({ name: first.name, counts: sumCaseCounts([take(first.name), ...childCounts]) });
      continue;
    }
    const ownCounts = byUnit.get(first.name);
    if (children.length === 0) {
      const counts = take(first.name);
      if (first.group === '市局' || counts.reported > 0) unitRows.push({ level1: first.name, level2: null, role: 'unit', known: true, counts });
      continue;
    }
    const rows: UnitRow[] = children.map((child) => ({ level1: first.name, level2: child.name, role: 'unit', known: true, counts: take(unitKeyOf(first.name, child.name)) }));
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

  const kinds: KindStatistics[] = [...tallied.byKind.entries()]
    .sort(([left], [right]) => kindRank(left) - kindRank(right) || compareText(left, right))
    .map(([kind, entry]) => ({
      kind,
      counts: entry.counts,
      subTypes: [...entry.subTypes.entries()]
        .map(([name, counts]) => ({ name, counts }))
        .sort((left, right) => right.counts.reported - left.counts.reported || compareText(left.name, right.name)),
    }));

  return { total: tallied.total, bySource: sourceRows, unitRows, cityTotal, counties, countyTotal, byKind: kinds };
}

function addTo(map: Map<string, CaseCounts>, key: string, flags: CaseFlags): void {
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

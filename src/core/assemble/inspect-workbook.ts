/**
 * What the task pane shows before a build: the sheets found, each with its detected kind, data row
 * count and matched columns (missing required ones listed for hand mapping), the settings in force,
 * and the suggested period (the most recent complete month in the data) and as-of time.
 */
import type { RawSheet } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { fieldsByKind, type FieldSpec, type SheetKind } from '../ingest/columns.ts';
import type { ColumnMatch } from '../ingest/detect-header.ts';
import { parseWallTime, formatWallTime, sheetTimeReader, type WallTime } from '../time/wall-time.ts';
import { kindOfKey, monthKeysOf, periodKey } from '../time/period.ts';
import { readHistorySheets } from '../report/history.ts';
import { discoverSheets } from './discover-sheets.ts';
import { defaultPeriodAt, earliestPlausibleTime, periodRules } from './choose-period.ts';
import { carriedHistorySheets, resolveSettings, type CarryOver } from './load-exports.ts';
import type { LearnedSummary } from '../settings/learn-settings.ts';
import { checkSettingsNames } from '../report/settings-names.ts';

export interface SheetSummary {
  readonly sheet: string;
  readonly kind: SheetKind | null;
  readonly headerRow: number;
  /** Non-blank rows below the header row. */
  readonly dataRows: number;
  readonly matches: readonly ColumnMatch[];
  readonly unmatched: readonly { readonly col: number; readonly header: string }[];
  readonly missingRequired: readonly FieldSpec[];
  /** Every header of the header row, for the mapping dropdowns. */
  readonly headers: readonly string[];
}

export interface WorkbookInspection {
  readonly sheets: readonly SheetSummary[];
  readonly settings: Settings;
  readonly settingsFound: boolean;
  /** Problems of the settings sheet, and every name in it that was taken as another or not understood. */
  readonly settingsWarnings: readonly BuildWarning[];
  /** `2021-09`, or null when no case has a readable report time. */
  readonly suggestedPeriod: string | null;
  /** Latest event time of the cases and 12345 sheets, as text; null when none. */
  readonly latestEvent: string | null;
  /** The settings' as-of override, when set. */
  readonly asOfOverride: string;
  /** When the workbook has no settings: what a build would learn from the data (or the preset it would take). */
  readonly learned: LearnedSummary | null;
  /** Whether the settings come from last month's report. */
  readonly carriedOver: boolean;
  /**
   * When the workbook has no export sheet: the months 历史指标 holds a build's figures of (`2021-07` …,
   * in order), from which a quarter, half or year can be added up; [] otherwise.
   */
  readonly historyMonths: readonly string[];
}

/** Event times per kind, as the build takes its default as-of time from them (never deadlines). */
const eventFields: Partial<Record<SheetKind, readonly string[]>> = {
  cases: ['reportedAt', 'acceptedAt', 'filedAt', 'dispatchedAt', 'disposedAt', 'closedAt'],
  hotline: ['receivedAt', 'finishedAt'],
};

/**
 * Inspects the raw sheets of a workbook; never throws on bad data. `notAfter` is the clerk's clock
 * (wall time): event times after it, or before 2000, are typing slips and never the suggested as-of.
 * `options`: last month's report's settings and history, a preset for a workbook without settings.
 */
export function inspectWorkbook(sheets: readonly RawSheet[], settingsOverride?: Settings, notAfter: WallTime = Infinity, options: { readonly carryOver?: CarryOver; readonly preset?: string } = {}): WorkbookInspection {
  const read = resolveSettings(sheets, settingsOverride, options);
  const settings = read.settings;
  const { layouts } = discoverSheets(sheets, settings.columnMappings);
  let latest: WallTime = -Infinity;
  const summaries = layouts.map((layout) => {
    const sheet = sheets.find((candidate) => candidate.name === layout.sheet) as RawSheet;
    let dataRows = 0;
    const parseTime = sheetTimeReader(sheet);
    const eventCols = layout.kind ? (eventFields[layout.kind] ?? []).map((field) => layout.columns[field]).filter((col) => col !== undefined) : [];
    for (let index = layout.headerIndex + 1; index < sheet.rows.length; index++) {
      const row = sheet.rows[index] ?? [];
      if (!row.some((cell) => cell !== null && cell !== undefined && cell !== '')) continue;
      dataRows++;
      for (const col of eventCols) {
        const time = parseTime(row[col]);
        if (typeof time === 'number' && time > latest && time <= notAfter && time >= earliestPlausibleTime) latest = time;
      }
    }
    return { sheet: layout.sheet, kind: layout.kind, headerRow: layout.headerRow, dataRows, matches: layout.matches, unmatched: layout.unmatched, missingRequired: layout.missingRequired, headers: layout.headers };
  });
  let suggestedPeriod: string | null = null;
  if (Number.isFinite(latest)) {
    const override = settings.asOfOverride ? parseWallTime(settings.asOfOverride) : null;
    suggestedPeriod = periodKey(defaultPeriodAt(typeof override === 'number' ? override : latest, periodRules(settings)));
  }
  // No export: the months of the history, and the latest quarter all of whose months are there.
  let historyMonths: string[] = [];
  if (!layouts.some((layout) => layout.kind === 'cases' || layout.kind === 'hotline')) {
    const { records } = readHistorySheets(sheets, carriedHistorySheets(options.carryOver));
    const months = new Set(records.filter((record) => kindOfKey(record.period) === 'month' && (record.table === '案件概况' || record.table === '12345受理')).map((record) => record.period));
    historyMonths = [...months].sort();
    const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
    suggestedPeriod = [...historyMonths].reverse().map(quarterOf).find((quarter) => monthKeysOf(quarter).every((month) => months.has(month))) ?? null;
  }
  return {
    sheets: summaries,
    settings,
    settingsFound: read.sheetFound,
    settingsWarnings: [...read.warnings, ...checkSettingsNames(settings)],
    suggestedPeriod,
    latestEvent: Number.isFinite(latest) ? formatWallTime(latest) : null,
    asOfOverride: settings.asOfOverride,
    learned: read.learned,
    carriedOver: read.carriedOver,
    historyMonths,
  };
}

/** Fields of a kind, for the mapping dropdowns. */
export function fieldsOfKind(kind: SheetKind): readonly FieldSpec[] {
  return fieldsByKind[kind];
}

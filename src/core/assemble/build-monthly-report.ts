/**
 * One click: the raw sheets of a workbook in, the period's report sheets (plus settings, history and
 * meta sheets) out, with the warnings, the reconciliation checks and the row accounting. Pure: the
 * caller passes the clock (`builtAt`) and reads or writes no file; hosts move sheets in and out.
 *
 * The steps live in their own modules: `load-exports` (settings and records), `choose-period`
 * (period and as-of time), the statistics in `stats/`, `report-tables` (the sheets), the warnings
 * (`case-warnings`, `order-warnings`), `reconcile`, `edited-sheets` and `summary`.
 */
import type { SheetGrid } from '../model/grid.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import { InputError, type BuildWarning } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { settingsToGrid } from '../settings/settings-sheet.ts';
import type { SheetLayout } from '../ingest/detect-header.ts';
import type { RowAccounting } from '../ingest/read-cases.ts';
import { computeCaseStatistics, type CaseStatistics } from '../stats/case-statistics.ts';
import { computeHotlineStatistics, type HotlineStatistics } from '../stats/hotline-statistics.ts';
import { computeFocusTopics, type TopicFigures } from '../stats/focus-topics.ts';
import { HistoryLookup, historySheetName, historyToGrid, mergeHistory, readHistorySheet, type HistoryRecord } from '../report/history.ts';
import { periodKey, periodLabel, type Period } from '../time/period.ts';
import { formatWallTime, parseWallTime, type WallTime } from '../time/wall-time.ts';
import { asOfSourceWords, latestEventTime, periodRules, resolveAsOf, resolvePeriod, type AsOfSource } from './choose-period.ts';
import { implausibleTimeWarnings } from './time-warnings.ts';
import { loadExports, resolveSettings, type CarryOver } from './load-exports.ts';
import type { LearnedSummary } from '../settings/learn-settings.ts';
import { buildReportTables, createTableContext } from './report-tables.ts';
import { caseWarnings } from './case-warnings.ts';
import { orderWarnings } from './order-warnings.ts';
import { caseColumnWarnings, orderColumnWarnings } from './column-warnings.ts';
import { reconcileCases, reconcileHotline, type ReconciliationCheck } from './reconcile.ts';
import { checkEditedSheets } from './edited-sheets.ts';
import { fitGridTexts } from '../report/cell-text.ts';
import { maskerFor } from '../text/mask.ts';
import { summaryLines } from './summary.ts';
import { layoutSheetName, readLayoutStore, updateLayoutStore } from '../report/layout-store.ts';
import { carriedSuggestions } from '../report/analysis.ts';

export type { ReconciliationCheck } from './reconcile.ts';

export interface BuildMonthlyReportOptions {
  /** `2021-09` or a Period; default: the most recent complete period in the data. */
  readonly period?: string | Period;
  /** As-of time (`2021-10-08 17:30` or wall time); default: the settings' override, else the latest event time. */
  readonly asOf?: string | WallTime;
  /** When the build runs, as wall-clock text (`2021-10-11 09:00`): recorded in history and meta. */
  readonly builtAt: string;
  /** Settings to use instead of the workbook's settings sheet (tests, the task pane's unsaved edits). */
  readonly settings?: Settings;
  /** Last month's report workbook's settings and history sheets, for a workbook that lacks them (`--from`). */
  readonly carryOver?: CarryOver;
  /** For a workbook without settings: take this preset (id or name) instead of learning the settings from the data. */
  readonly preset?: string;
}

export interface BuildResult {
  readonly period: Period;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly asOf: WallTime;
  readonly asOfText: string;
  readonly asOfSource: AsOfSource;
  readonly settings: Settings;
  /** Whether the workbook had no settings sheet, so this build writes one (learned, a preset, or last month's). */
  readonly settingsCreated: boolean;
  /** What this first build learned from the data, or which preset it took; null when the settings came from a sheet. */
  readonly settingsLearned: LearnedSummary | null;
  /** Whether the settings (and history) came from last month's report. */
  readonly carriedOver: boolean;
  /** The period's report sheets, in the order of the brief. */
  readonly reportSheets: readonly SheetGrid[];
  /** Everything the host writes: report sheets, the settings sheet if new, history, meta. */
  readonly sheetsToWrite: readonly SheetGrid[];
  /** Report sheets of this period that exist and were edited by hand since they were built. */
  readonly editedSheets: readonly string[];
  readonly layouts: readonly SheetLayout[];
  /** Case figures (all zero when the workbook has no cases sheet). */
  readonly statistics: CaseStatistics;
  /** 12345 figures, or null when the workbook has no hotline sheet. */
  readonly hotline: HotlineStatistics | null;
  readonly topics: readonly TopicFigures[];
  readonly history: readonly HistoryRecord[];
  readonly warnings: readonly BuildWarning[];
  readonly reconciliation: readonly ReconciliationCheck[];
  readonly accounting: readonly RowAccounting[];
  /** A few lines in Chinese for the CLI and the task pane. */
  readonly summary: readonly string[];
}

/** Builds the period's report from the raw sheets of a workbook. Throws InputError when it cannot start. */
export function buildMonthlyReport(sheets: readonly RawSheet[], options: BuildMonthlyReportOptions): BuildResult {
  const inForce = resolveSettings(sheets, options.settings, { carryOver: options.carryOver, preset: options.preset, madeAt: options.builtAt });
  const settings = inForce.settings;
  const exports = loadExports(sheets, settings);
  const warnings: BuildWarning[] = [...inForce.warnings, ...exports.warnings];
  const { records, orders, caseLayouts, orderLayouts, hasDeadlineColumn } = exports;
  const hasCases = caseLayouts.length > 0;

  const builtAt = parseWallTime(options.builtAt);
  const { latest, implausible } = latestEventTime(records, orders, typeof builtAt === 'number' ? builtAt : Infinity);
  warnings.push(...implausibleTimeWarnings(implausible));
  if (!Number.isFinite(latest)) {
    const first = caseLayouts[0] ?? orderLayouts[0];
    throw new InputError(`"${first.sheet}"中没有可统计的行（所有行都缺少编号或时间）。`, { sheet: first.sheet, column: '', headersSeen: [] });
  }
  const { asOf, source: asOfSource } = resolveAsOf(options.asOf, settings, latest);
  const period = resolvePeriod(options.period, periodRules(settings), asOf);
  const key = periodKey(period);
  const label = periodLabel(period);
  const asOfText = formatWallTime(asOf);

  const statistics = computeCaseStatistics(records, { period, asOf, settings, hasDeadlineColumn });
  const hasColumn = (field: string) => orderLayouts.some((layout) => layout.columns[field] !== undefined);
  const hotline = orderLayouts.length
    ? computeHotlineStatistics(orders, {
        period,
        asOf,
        settings,
        returnedIds: exports.returnedIds,
        manualGroups: exports.manualGroups,
        personal: exports.callerNames,
        overdueKnown: hasColumn('deadline') || hasColumn('overdueFlag'),
        returnsKnown: hasColumn('returnCount') || exports.hasReturnsSheet,
      })
    : null;
  const topics = computeFocusTopics(hotline?.cohort ?? [], statistics.cohort, { settings, asOf, categoryOf: hotline?.categoryOf ?? new Map(), repeatGroups: hotline?.repeatGroups ?? [], personal: exports.callerNames });

  const historyRead = readHistory(sheets.find((sheet) => sheet.name === historySheetName), options.carryOver?.history);
  warnings.push(...historyRead.warnings);
  const context = createTableContext({
    settings,
    period,
    asOfText,
    asOfSource,
    builtAt: options.builtAt,
    history: new HistoryLookup(historyRead.records),
    hasDeadlineColumn,
  });
  const layouts = readLayoutStore(sheets.find((sheet) => sheet.name === layoutSheetName));
  const carried = carriedSuggestions(sheets, layouts, context.previousLabel);
  const tables = buildReportTables({ context, statistics: hasCases ? statistics : null, hotline, topics, callerNames: exports.callerNames, carriedSuggestions: carried, asOf, returnedIds: exports.returnedIds });
  // Every text of the report is masked (unit, source and category names come from the export too) and
  // kept within Excel's 32,767 characters, before the sheets are fingerprinted.
  const mask = maskerFor(exports.callerNames);
  const reportSheets = tables.grids.map((grid) => fitGridTexts(grid, mask).grid);
  warnings.push(...tables.warnings);
  if (hasCases) warnings.push(...caseWarnings(records, statistics, period, settings, hasDeadlineColumn, reportSheets));
  if (hasCases) warnings.push(...caseColumnWarnings(caseLayouts, statistics.cohort));
  if (hotline) warnings.push(...orderWarnings(orders, hotline, period, tables.previousReceived, context.previousLabel), ...orderColumnWarnings(orderLayouts, exports.hasReturnsSheet));

  const edits = checkEditedSheets(sheets, reportSheets, { periodKey: key, asOfText, builtAt: options.builtAt });
  warnings.push(...edits.warnings);
  const history = mergeHistory(historyRead.records, tables.history);
  const bookkeeping = [...(inForce.create ? [settingsToGrid(settings)] : []), historyToGrid(history), edits.metaSheet, updateLayoutStore(sheets, reportSheets, key, tables.rowTags)];
  const sheetsToWrite: SheetGrid[] = [...reportSheets, ...bookkeeping.map((grid) => fitGridTexts(grid).grid)];

  const caseAccounting = exports.caseReads.map((read) => read.accounting);
  const orderAccounting = exports.orderReads.map((read) => read.accounting);
  const reconciliation = [
    ...(hasCases ? reconcileCases(statistics, records, period, asOf, hasDeadlineColumn, caseAccounting, settings) : []),
    ...(hotline ? reconcileHotline(hotline, orders, period, orderAccounting) : []),
    ...tables.checks,
  ];
  const summary = summaryLines({ periodLabel: label, statistics: hasCases ? statistics : null, hotline, asOfText, asOfWhy: asOfSourceWords(asOfSource), reconciliation });
  return {
    period,
    periodKey: key,
    periodLabel: label,
    asOf,
    asOfText,
    asOfSource,
    settings,
    settingsCreated: inForce.create,
    settingsLearned: inForce.learned,
    carriedOver: inForce.carriedOver,
    reportSheets,
    sheetsToWrite,
    editedSheets: edits.editedSheets,
    layouts: exports.layouts,
    statistics,
    hotline,
    topics,
    history: tables.history,
    warnings,
    reconciliation,
    accounting: exports.accounting,
    summary,
  };
}

/** The workbook's history, with last month's report's history under it (the workbook's rows win). */
function readHistory(own: RawSheet | undefined, carried: RawSheet | undefined): { records: HistoryRecord[]; warnings: BuildWarning[] } {
  const ownRead = own ? readHistorySheet(own) : { records: [], warnings: [] };
  if (!carried) return ownRead;
  const carriedRead = readHistorySheet(carried);
  return { records: mergeHistory(carriedRead.records, ownRead.records), warnings: [...ownRead.warnings, ...carriedRead.warnings] };
}

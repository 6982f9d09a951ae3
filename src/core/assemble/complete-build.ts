/**
 * The second half of every build, once its cases are counted and its 12345 orders of the period are at
 * hand (a month read into memory, a year streamed file by file, or a period rebuilt from the history):
 * the 12345 figures, the focus topics, the report sheets, warnings, reconciliation, history, the
 * bookkeeping sheets and the summary. Pure.
 */
import type { SheetGrid } from '../model/grid.ts';
import type { OrderRecord } from '../model/order-record.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { SheetLayout } from '../ingest/detect-header.ts';
import type { RowAccounting } from '../ingest/read-cases.ts';
import { settingsToGrid } from '../settings/settings-sheet.ts';
import type { LearnedSummary } from '../settings/learn-settings.ts';
import type { Settings } from '../settings/settings.ts';
import type { CaseStatistics } from '../stats/case-statistics.ts';
import { emptyCaseCounts } from '../stats/case-counts.ts';
import { computeFocusTopics, type CaseTopicFigures, type TopicFigures } from '../stats/focus-topics.ts';
import { computeHotlineStatistics, type HotlineStatistics } from '../stats/hotline-statistics.ts';
import { HistoryLookup, historyToGrids, mergeHistory, readHistorySheets, type HistoryRecord } from '../report/history.ts';
import type { CustomTableTallies } from '../report/custom-tables.ts';
import { carriedSuggestions } from '../report/analysis.ts';
import { fitGridTexts } from '../report/cell-text.ts';
import { layoutSheetName, readLayoutStore, updateLayoutStore } from '../report/layout-store.ts';
import { maskerFor } from '../text/mask.ts';
import { periodKey, periodLabel, type Period } from '../time/period.ts';
import { formatWallTime, type WallTime } from '../time/wall-time.ts';
import { asOfSourceWords, type AsOfSource } from './choose-period.ts';
import { carriedHistorySheets, type CarryOver, type SettingsInForce } from './load-exports.ts';
import { buildReportTables, createTableContext } from './report-tables.ts';
import { caseWarnings, type OutsidePeriodTally } from './case-warnings.ts';
import { orderWarnings } from './order-warnings.ts';
import { caseColumnWarnings, orderColumnWarnings } from './column-warnings.ts';
import { reconcileCases, reconcileHotline, reconcileSums, type ReconciliationCheck } from './reconcile.ts';
import { checkEditedSheets } from './edited-sheets.ts';
import { summaryLines } from './summary.ts';
import { MonthCoverage } from './month-coverage.ts';

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

/** The counted cases of a build. */
export interface CountedCases {
  readonly statistics: CaseStatistics;
  readonly topics: readonly CaseTopicFigures[];
  readonly outside: OutsidePeriodTally;
  /** The period's cases by month (a quarter, half or year): months without any are warned about. */
  readonly months?: MonthCoverage;
  /** Cases read (each id once), in the period or not. */
  readonly seen: number;
}

/** The 12345 orders of a build: those of the period, the others tallied for their warning. */
export interface CollectedOrders {
  readonly inPeriod: readonly OrderRecord[];
  readonly outside: OutsidePeriodTally;
  /** Orders read (each id once), in the period or not. */
  readonly seen: number;
  /** Whether the 12345 sheets can tell an overdue order, and a returned one. */
  readonly overdueKnown: boolean;
  readonly returnsKnown: boolean;
}

export interface CompleteBuildInput {
  readonly inForce: SettingsInForce;
  /**
   * The workbook's own sheets (its history, layout store, meta sheet and earlier report sheets): for
   * the history, the edit check and last period's suggestions. Empty for a new workbook.
   */
  readonly sheets: readonly RawSheet[];
  readonly carryOver?: CarryOver;
  readonly builtAt: string;
  readonly period: Period;
  readonly asOf: WallTime;
  readonly asOfSource: AsOfSource;
  readonly layouts: readonly SheetLayout[];
  readonly caseLayouts: readonly SheetLayout[];
  readonly orderLayouts: readonly SheetLayout[];
  readonly caseAccounting: readonly RowAccounting[];
  readonly orderAccounting: readonly RowAccounting[];
  readonly hasDeadlineColumn: boolean;
  readonly hasReturnsSheet: boolean;
  /** Warnings so far: the settings', reading the sheets', implausible times. */
  readonly warnings: readonly BuildWarning[];
  /** null: no cases sheet. */
  readonly cases: CountedCases | null;
  /** null: no 12345 sheet. */
  readonly orders: CollectedOrders | null;
  readonly callerNames: ReadonlySet<string>;
  readonly returnedIds: ReadonlyMap<string, number>;
  readonly manualGroups: readonly (readonly string[])[];
  readonly customTallies: CustomTableTallies;
  /** For a period built from the history alone: its figures as counted, instead of cases and orders. */
  readonly fromHistory?: { readonly statistics: CaseStatistics | null; readonly hotline: HotlineStatistics | null; readonly notes: readonly string[] };
}

/** An empty set of case figures, for a build without a cases sheet. */
function noCases(): CaseStatistics {
  const zero = emptyCaseCounts();
  return { cohortSize: 0, total: zero, bySource: [], unitRows: [], cityTotal: zero, counties: [], countyTotal: zero, byKind: [], dispatchedWithoutUnit: [], unknownUnitCases: [], unknownSourceCases: [], onTimeUnjudgedCases: [], sheets: new Map(), firstSheet: '', cityRecount: zero };
}

/** Completes a build whose cases are counted. */
export function completeBuild(input: CompleteBuildInput): BuildResult {
  const { inForce, sheets, period, asOf, asOfSource } = input;
  const settings = inForce.settings;
  const warnings: BuildWarning[] = [...input.warnings];
  const key = periodKey(period);
  const label = periodLabel(period);
  const asOfText = formatWallTime(asOf);
  const historyBuilt = input.fromHistory;
  const statistics = historyBuilt?.statistics ?? input.cases?.statistics ?? noCases();
  const hasCases = historyBuilt ? historyBuilt.statistics !== null : input.cases !== null;

  const orders = input.orders;
  const hotline = historyBuilt
    ? historyBuilt.hotline
    : orders
      ? computeHotlineStatistics(orders.inPeriod, {
          period,
          asOf,
          settings,
          returnedIds: input.returnedIds,
          manualGroups: input.manualGroups,
          personal: input.callerNames,
          overdueKnown: orders.overdueKnown,
          returnsKnown: orders.returnsKnown,
        })
      : null;
  const topics = historyBuilt ? [] : computeFocusTopics(hotline?.cohort ?? [], input.cases?.topics ?? [], { settings, asOf, categoryOf: hotline?.categoryOf ?? new Map(), repeatGroups: hotline?.repeatGroups ?? [], personal: input.callerNames });

  const historyRead = readHistorySheets(sheets, carriedHistorySheets(input.carryOver));
  warnings.push(...historyRead.warnings);
  const context = createTableContext({
    settings,
    period,
    asOfText,
    asOfSource,
    builtAt: input.builtAt,
    history: new HistoryLookup(historyRead.records),
    hasDeadlineColumn: input.hasDeadlineColumn,
    extraNotes: historyBuilt?.notes,
  });
  const layoutStore = readLayoutStore(sheets.find((sheet) => sheet.name === layoutSheetName));
  const carried = carriedSuggestions(sheets, layoutStore, context.previousLabel);
  const tables = buildReportTables({
    context,
    statistics: hasCases ? statistics : null,
    hotline,
    topics,
    callerNames: input.callerNames,
    carriedSuggestions: carried,
    asOf,
    returnedIds: input.returnedIds,
    customTallies: input.customTallies,
    fromHistory: historyBuilt !== undefined,
  });
  // Every text of the report is masked (unit, source and category names come from the export too) and
  // kept within Excel's 32,767 characters, before the sheets are fingerprinted. The masker is made of
  // every personal name read (a copy: a masker is kept per set, and a streamed build's set grew as it read).
  const mask = maskerFor(new Set(input.callerNames));
  const reportSheets = tables.grids.map((grid) => fitGridTexts(grid, mask).grid);
  warnings.push(...tables.warnings);
  if (input.cases) warnings.push(...caseWarnings(input.cases.outside, statistics, period, settings, input.hasDeadlineColumn, reportSheets));
  if (input.cases) warnings.push(...caseColumnWarnings(input.caseLayouts, statistics.sheets));
  // A quarter, half or year whose exports lack whole months says so (a September export built as Q3).
  const caseGap = input.cases?.months?.warning('案件', input.caseLayouts.map((layout) => layout.sheet));
  if (caseGap) warnings.push(caseGap);
  if (orders) {
    const orderMonths = new MonthCoverage(period);
    for (const order of orders.inPeriod) orderMonths.add(order.receivedAt);
    const orderGap = orderMonths.warning('工单', input.orderLayouts.map((layout) => layout.sheet));
    if (orderGap) warnings.push(orderGap);
  }
  if (hotline && orders) warnings.push(...orderWarnings(orders.outside, hotline, period, tables.previousReceived, context.previousLabel), ...orderColumnWarnings(input.orderLayouts, input.hasReturnsSheet));
  else if (hotline && tables.previousReceived === null) warnings.push(...orderWarnings(null, hotline, period, tables.previousReceived, context.previousLabel));

  const edits = checkEditedSheets(sheets, reportSheets, { periodKey: key, asOfText, builtAt: input.builtAt });
  warnings.push(...edits.warnings);
  const history = mergeHistory(historyRead.records, tables.history);
  const historyGrids = historyToGrids(history);
  if (historyGrids.grids.length > 1) warnings.push(historyGrids.note);
  const bookkeeping = [...(inForce.create ? [settingsToGrid(settings)] : []), ...historyGrids.grids, edits.metaSheet, updateLayoutStore(sheets, reportSheets, key, tables.rowTags)];
  const sheetsToWrite: SheetGrid[] = [...reportSheets, ...bookkeeping.map((grid) => fitGridTexts(grid).grid)];

  const reconciliation = [
    ...(input.cases ? reconcileCases(statistics, { seen: input.cases.seen, outside: input.cases.outside.count }, period, input.caseAccounting) : []),
    ...(hotline && orders ? reconcileHotline(hotline, { seen: orders.seen, outside: orders.outside.count }, period, input.orderAccounting) : []),
    ...(historyBuilt ? reconcileSums(historyBuilt.statistics, historyBuilt.hotline, period) : []),
    ...tables.checks,
  ];
  const summary = summaryLines({ periodLabel: label, statistics: hasCases ? statistics : null, hotline, asOfText, asOfWhy: asOfSourceWords(asOfSource), reconciliation, fromHistory: historyBuilt !== undefined });
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
    layouts: input.layouts,
    statistics,
    hotline,
    topics,
    history: tables.history,
    warnings,
    reconciliation,
    accounting: [...input.caseAccounting, ...input.orderAccounting],
    summary,
  };
}

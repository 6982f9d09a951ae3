/**
 * One click: the raw sheets of a workbook in, the period's report sheets (plus settings, history and
 * meta sheets) out, with the warnings, the reconciliation checks and the row accounting. Pure: the
 * caller passes the clock (`builtAt`) and reads or writes no file; hosts move sheets in and out.
 *
 * The steps live in their own modules: `load-exports` (settings and records), `choose-period`
 * (period and as-of time), the statistics in `stats/`, `report-tables` (the sheets), the warnings
 * (`case-warnings`, `order-warnings`), `reconcile`, `edited-sheets` and `summary`.
 */
import type { OrderRecord } from '../model/order-record.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import { InputError } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { CustomTableTallies } from '../report/custom-tables.ts';
import { isInPeriod, isMadeOfMonths, type Period } from '../time/period.ts';
import { parseWallTime, type WallTime } from '../time/wall-time.ts';
import { latestEventTime, periodRules, resolveAsOf, resolvePeriod } from './choose-period.ts';
import { implausibleTimeWarnings } from './time-warnings.ts';
import { loadExports, resolveSettings, type CarryOver, type SettingsInForce } from './load-exports.ts';
import { PeriodStream } from './period-stream.ts';
import { collectPersonalNames } from '../ingest/read-cases.ts';
import { CaseCohortTally } from './case-cohort.ts';
import { OutsidePeriodTally } from './case-warnings.ts';
import { completeBuild, type BuildResult, type CollectedOrders } from './complete-build.ts';
import { buildFromHistory } from './build-from-history.ts';
import { discoverSheets } from './discover-sheets.ts';

export type { ReconciliationCheck } from './reconcile.ts';
export type { BuildResult } from './complete-build.ts';

export interface BuildMonthlyReportOptions {
  /** `2021-09`, `2021-W37`, `2021-Q3`, `2021-H1`, `2021` or a Period; default: the most recent complete month in the data. */
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

/**
 * Builds the period's report from the raw sheets of a workbook, all held in memory (a month, a week, or
 * a longer period that fits). Throws InputError when it cannot start.
 */
export function buildMonthlyReport(sheets: readonly RawSheet[], options: BuildMonthlyReportOptions): BuildResult {
  const inForce = resolveSettings(sheets, options.settings, { carryOver: options.carryOver, preset: options.preset, madeAt: options.builtAt });
  const settings = inForce.settings;
  // No export sheet, and a quarter, half or year asked for: its months' figures in the history, added up.
  const rules = periodRules(settings);
  const requested = options.period === undefined || options.period === '' ? null : resolvePeriod(options.period, rules, 0);
  if (requested && isMadeOfMonths(requested) && !hasExportSheet(sheets, settings)) return buildFromHistory(sheets, inForce, { period: requested, builtAt: options.builtAt, carryOver: options.carryOver });
  // A period given before the rows are read: every case is counted as its row is read, and dropped,
  // by the very tallies a streamed year uses; unless an id repeats, when the records are held instead
  // (so that each is read once) and the last row of each id counted. The cases of other periods are
  // read only as far as needed either way.
  const streamed = requested ? buildInOnePass(sheets, inForce, requested, options) : null;
  if (streamed) return streamed;
  const exports = loadExports(sheets, settings, { period: requested ?? undefined });
  const { records, orders, caseLayouts, orderLayouts, hasDeadlineColumn } = exports;

  const builtAt = parseWallTime(options.builtAt);
  const { latest, implausible } = latestEventTime(records, orders, typeof builtAt === 'number' ? builtAt : Infinity);
  if (!Number.isFinite(latest)) {
    const first = caseLayouts[0] ?? orderLayouts[0];
    throw new InputError(`"${first.sheet}"中没有可统计的行（所有行都缺少编号或时间）。`, { sheet: first.sheet, column: '', headersSeen: [] });
  }
  const { asOf, source: asOfSource } = resolveAsOf(options.asOf, settings, latest);
  // Without a period given, the most recent complete one before the as-of time.
  const period = requested ?? resolvePeriod(undefined, rules, asOf);

  const customTallies = new CustomTableTallies(settings);
  let cases = null;
  if (caseLayouts.length > 0) {
    const cohort = new CaseCohortTally({ period, asOf, settings, hasDeadlineColumn, custom: customTallies, personal: exports.callerNames });
    for (const record of records) cohort.add(record);
    cases = { statistics: cohort.statistics.finish(hasDeadlineColumn), topics: cohort.topics.finish(), outside: cohort.outside, months: cohort.months, seen: cohort.seen };
  }
  const hasColumn = (field: string) => orderLayouts.some((layout) => layout.columns[field] !== undefined);
  const collected: CollectedOrders | null = orderLayouts.length
    ? { ...splitOrders(orders, period, settings), overdueKnown: hasColumn('deadline') || hasColumn('overdueFlag'), returnsKnown: hasColumn('returnCount') || exports.hasReturnsSheet }
    : null;
  return completeBuild({
    inForce,
    sheets,
    carryOver: options.carryOver,
    builtAt: options.builtAt,
    period,
    asOf,
    asOfSource,
    layouts: exports.layouts,
    caseLayouts,
    orderLayouts,
    caseAccounting: exports.caseAccounting,
    orderAccounting: exports.orderAccounting,
    hasDeadlineColumn,
    hasReturnsSheet: exports.hasReturnsSheet,
    warnings: [...inForce.warnings, ...exports.warnings, ...implausibleTimeWarnings(implausible)],
    cases,
    orders: collected,
    callerNames: exports.callerNames,
    returnedIds: exports.returnedIds,
    manualGroups: exports.manualGroups,
    customTallies,
  });
}

/** Rows handed to the stream at a time: a repeated id is seen within this many rows of where it comes. */
const streamBatch = 8192;

/**
 * The build of a given period over sheets held in memory, through a PeriodStream, a batch of rows at a
 * time; null as soon as the stream needs another pass (an id seen twice, or the deadline rule changed),
 * since holding the records then reads each row once instead of twice. The personal columns' names are
 * gathered first, so that the stream has them all from the first row on.
 */
function buildInOnePass(sheets: readonly RawSheet[], inForce: SettingsInForce, period: Period, options: BuildMonthlyReportOptions): BuildResult | null {
  const personal = new Set<string>();
  // Learned settings map no column by hand: the sheets as the learning found them are the build's.
  const discovered = inForce.discovery && inForce.settings.columnMappings.length === 0 ? inForce.discovery : discoverSheets(sheets, inForce.settings.columnMappings);
  for (const layout of discovered.layouts) {
    const sheet = sheets.find((candidate) => candidate.name === layout.sheet);
    if (sheet && (layout.kind === 'cases' || layout.kind === 'hotline')) collectPersonalNames(sheet.rows, layout, personal);
  }
  const layouts = new Map([...discovered.layouts, ...discovered.hiddenExports].map((layout) => [layout.sheet, layout]));
  const stream = new PeriodStream({ inForce, period, asOf: options.asOf, builtAt: options.builtAt, carryOver: options.carryOver, sheets, personal, layouts });
  for (const sheet of sheets) {
    const head = Math.max(streamBatch, (layouts.get(sheet.name)?.headerIndex ?? 0) + 1);
    const open = stream.beginSheet(sheet.rows.length <= head ? sheet : { ...sheet, rows: sheet.rows.slice(0, head) });
    if (!open) continue;
    for (let start = head; start < sheet.rows.length && !stream.needsAnotherPass; start += streamBatch) stream.addRows(open, sheet.rows.slice(start, start + streamBatch), (sheet.firstRow ?? 1) + start);
    if (stream.needsAnotherPass) return null;
    stream.endSheet(open);
  }
  return stream.needsAnotherPass ? null : stream.finish();
}

/** Whether the workbook has a visible cases or 12345 export sheet (a hidden one is not read). */
function hasExportSheet(sheets: readonly RawSheet[], settings: Settings): boolean {
  return discoverSheets(sheets, settings.columnMappings).layouts.some((layout) => layout.kind === 'cases' || layout.kind === 'hotline');
}

/** The orders of the period, and the others tallied for their warning. */
export function splitOrders(orders: readonly OrderRecord[], period: Period, settings: Settings): { inPeriod: OrderRecord[]; outside: OutsidePeriodTally; seen: number } {
  const outside = new OutsidePeriodTally(period, settings);
  const inPeriod: OrderRecord[] = [];
  for (const order of orders) {
    if (isInPeriod(order.receivedAt, period)) inPeriod.push(order);
    else outside.add(order.sheet, order.row, order.receivedAt);
  }
  return { inPeriod, outside, seen: orders.length };
}

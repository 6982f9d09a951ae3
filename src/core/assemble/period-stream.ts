/**
 * A build over exports too large to hold at once: a year of a big city, 2 to 3 million cases over
 * twelve CSV files or several sheets. The host reads the inputs and hands each sheet over a batch of
 * rows at a time (`beginSheet` with its first rows, `addRows`, `endSheet`); each row is read into a
 * record, flagged and counted by the same readers and tallies as a month held in memory
 * (`createCaseRowReader`, `IdLedger`, `CaseCohortTally`), then dropped. What is kept: per id, where it
 * was last seen (to count each id once, its last row winning, across every file); the counts; the sheet
 * and row of the cases a warning names; the period's 12345 orders (热难点 groups them at the end, in
 * blocks by unit, place and category); and, when no as-of time is given, the cases still open with a
 * deadline until the latest event of all the inputs is known.
 *
 * An id seen twice means an earlier row was counted that must not be: then `needsAnotherPass` is true
 * and the host hands every input over once more (`startAnotherPass`), and this time only the rows
 * that win are counted. So is a cases sheet with a deadline column after one without (the 应结案数
 * rule changes for all). Exports without repeated ids are read once.
 *
 * The period must be given (the default period needs the as-of time, which needs every row).
 */
import type { OrderRecord } from '../model/order-record.ts';
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import { InputError, type BuildWarning } from '../model/warning.ts';
import type { SheetKind } from '../ingest/columns.ts';
import { detectSheetLayout, type SheetLayout } from '../ingest/detect-header.ts';
import { createCaseRowReader, rowAccounting, type CaseRowReader, type CaseSheetSummary } from '../ingest/read-cases.ts';
import { createOrderRowReader, readFlagSheet, readReturnSheet, type OrderRowReader, type OrderSheetSummary } from '../ingest/read-orders.ts';
import { CustomTableTallies } from '../report/custom-tables.ts';
import { isInPeriod, type Period } from '../time/period.ts';
import { parseWallTime, type WallTime } from '../time/wall-time.ts';
import { EventTimes, periodRules, resolveAsOf, resolvePeriod } from './choose-period.ts';
import { CaseCohortTally } from './case-cohort.ts';
import { OutsidePeriodTally } from './case-warnings.ts';
import { completeBuild, type BuildResult } from './complete-build.ts';
import { generatedSheetNames } from './discover-sheets.ts';
import { IdLedger, rowFingerprint } from './id-ledger.ts';
import { hiddenSheetWarning, missingColumnError, noExportError, strayCellsWarning, type CarryOver, type SettingsInForce } from './load-exports.ts';
import { implausibleTimeWarnings } from './time-warnings.ts';

export interface PeriodStreamOptions {
  /** The settings in force (from a previous report, a preset, or learned from the first input). */
  readonly inForce: SettingsInForce;
  /** `2021`, `2021-Q3` … (required). */
  readonly period: string | Period;
  /** Default: the settings' override, else the latest event time of all the inputs. */
  readonly asOf?: string | WallTime;
  readonly builtAt: string;
  /** A previous report's settings and history sheets (`--from`). */
  readonly carryOver?: CarryOver;
  /** The sheets of the workbook the report goes into, if any (its history, layout store, meta). */
  readonly sheets?: readonly RawSheet[];
  /**
   * The names and numbers of every export's personal columns, when the caller has them before the
   * rows are read (sheets held in memory: `collectPersonalNames`): the readers then do not gather them,
   * and the focus topics find places in texts masked with all of them from the first case on.
   */
  readonly personal?: ReadonlySet<string>;
  /** The layouts of the sheets, by name, when the caller has found them already (`discoverSheets`, with the settings' column mappings). */
  readonly layouts?: ReadonlyMap<string, SheetLayout>;
}

/** A sheet being handed over. */
export interface StreamSheet {
  readonly name: string;
  readonly kind: SheetKind;
}

interface OpenSheet extends StreamSheet {
  readonly raw: RawSheet;
  readonly layout: SheetLayout;
  readonly caseReader?: CaseRowReader;
  readonly orderReader?: OrderRowReader;
  /** Rows of a returns or flags sheet (small), read at its end. */
  readonly kept?: (readonly CellValue[])[];
}

/** What one pass over the inputs gathers (a second pass starts afresh). */
class PassState {
  readonly caseSummaries: CaseSheetSummary[] = [];
  readonly orderSummaries: OrderSheetSummary[] = [];
  readonly heldOrders: OrderRecord[] = [];
  readonly callerNames: Set<string>;
  cohort: CaseCohortTally | null = null;
  /** The deadline rule the cohort counts by. */
  cohortHasDeadline = false;

  constructor(
    readonly times: EventTimes,
    readonly custom: CustomTableTallies,
    /** The 12345 orders outside the period, tallied for their warning. */
    readonly outsideOrders: OutsidePeriodTally,
    personal: ReadonlySet<string> | undefined,
  ) {
    this.callerNames = new Set(personal);
  }
}

export class PeriodStream {
  readonly period: Period;
  private readonly inForce: SettingsInForce;
  private readonly asOfGiven: WallTime | null;
  private readonly notAfter: WallTime;
  private readonly caseLedger = new IdLedger('案件');
  private readonly orderLedger = new IdLedger('工单');
  /** Every sheet handed over in the first pass, by name, with its layout (null: not read). */
  private readonly seen = new Map<string, SheetLayout | null>();
  private readonly layouts: SheetLayout[] = [];
  private readonly hidden: SheetLayout[] = [];
  /** Warnings about stray cells far outside a sheet's table (not read). */
  private readonly clipped: BuildWarning[] = [];
  private readonly returnedIds = new Map<string, number>();
  private readonly manualGroups: (readonly string[])[] = [];
  private hasReturnsSheet = false;
  private deadlineRuleChanged = false;
  private pass = 1;
  private state: PassState;
  private readonly generated: ReadonlySet<string>;

  constructor(private readonly options: PeriodStreamOptions) {
    this.inForce = options.inForce;
    const settings = options.inForce.settings;
    // The period is known before any row (it decides which rows count); the as-of time when given.
    if (options.period === '') throw new InputError(`请指定统计期（如 2021、2021-Q3）：读取多个输入时要先知道统计期。`, { sheet: '', column: '', headersSeen: [] });
    this.period = resolvePeriod(options.period, periodRules(settings), 0);
    const builtAt = parseWallTime(options.builtAt);
    this.notAfter = typeof builtAt === 'number' ? builtAt : Infinity;
    const asOfGiven = (options.asOf !== undefined && options.asOf !== '') || settings.asOfOverride.trim() !== '';
    this.asOfGiven = asOfGiven ? resolveAsOf(options.asOf, settings, 0).asOf : null;
    this.generated = generatedSheetNames(options.sheets ?? []);
    this.state = this.freshState();
  }

  private freshState(): PassState {
    return new PassState(new EventTimes(this.notAfter), new CustomTableTallies(this.inForce.settings), new OutsidePeriodTally(this.period, this.inForce.settings), this.options.personal);
  }

  /** Which pass over the inputs is being read: 1, or 2 after `startAnotherPass`. */
  get passNumber(): number {
    return this.pass;
  }

  /**
   * A sheet begins, with its first rows (at least the first 250 rows, or all it has: the header is
   * looked for in the first 20 and columns recognised from the values below it). These rows are read
   * too. Returns the sheet to hand the rest of its rows over with, or null when it is not read (no
   * export, a hidden sheet, a sheet the build wrote). Throws InputError when an export lacks a
   * required column.
   */
  beginSheet(head: RawSheet): StreamSheet | null {
    if (this.pass === 1 && this.seen.has(head.name)) throw new InputError(`有两张工作表都叫"${head.name}"：请给输入文件或工作表改名，使它们各不相同。`, { sheet: head.name, column: '', headersSeen: [] });
    if (this.generated.has(head.name)) return null;
    const settings = this.inForce.settings;
    const layout = this.pass === 1 ? (this.options.layouts?.get(head.name) ?? detectSheetLayout(head, settings.columnMappings)) : this.seen.get(head.name);
    if (this.pass === 1) {
      if (head.hidden) {
        if (layout && layout.kind !== null) this.hidden.push(layout);
        this.seen.set(head.name, null);
        return null;
      }
      if (layout) this.layouts.push(layout);
      if (layout && layout.kind !== null && layout.missingRequired.length > 0) throw missingColumnError(layout);
      this.seen.set(head.name, layout && layout.kind !== null ? layout : null);
    }
    if (!layout || layout.kind === null) return null;
    const kind = layout.kind;
    const collectPersonal = this.options.personal === undefined;
    if (this.pass === 1 && head.clipped) this.clipped.push(strayCellsWarning(head.name, head.clipped));
    const sheet: OpenSheet =
      kind === 'cases'
        ? { name: head.name, kind, raw: head, layout, caseReader: createCaseRowReader(head.name, layout, settings, { date1904: head.date1904, period: this.period, collectPersonal, transient: true }) }
        : kind === 'hotline'
          ? { name: head.name, kind, raw: head, layout, orderReader: createOrderRowReader(head.name, layout, settings, { date1904: head.date1904, collectPersonal }) }
          : { name: head.name, kind, raw: head, layout, kept: this.pass === 1 ? [] : undefined };
    // Room made at once for the ids of the rows handed over first (more are made room for as they come).
    if (this.pass === 1 && kind === 'cases') this.caseLedger.beginSheet(head.name, layout.headers[layout.columns.caseId], head.rows.length);
    if (this.pass === 1 && kind === 'hotline') this.orderLedger.beginSheet(head.name, layout.headers[layout.columns.orderId], head.rows.length);
    if (kind === 'cases') this.startCases(layout);
    this.read(sheet, head.rows, head.firstRow ?? 1, layout.headerIndex + 1);
    return sheet;
  }

  /** More rows of a sheet: `rows[i]` is sheet row `firstRow + i`, following the rows handed over before. */
  addRows(sheet: StreamSheet, rows: readonly (readonly CellValue[] | undefined)[], firstRow: number): void {
    this.read(sheet as OpenSheet, rows, firstRow, 0);
  }

  /** The sheet has no more rows. */
  endSheet(sheet: StreamSheet): void {
    const open = sheet as OpenSheet;
    const state = this.state;
    if (open.caseReader) {
      const summary = open.caseReader.finish();
      state.caseSummaries.push(summary);
      for (const name of summary.personalNames) state.callerNames.add(name);
    } else if (open.orderReader) {
      const summary = open.orderReader.finish();
      state.orderSummaries.push(summary);
      for (const name of summary.callerNames) state.callerNames.add(name);
    } else if (open.kept) {
      const rows = [...open.raw.rows, ...open.kept];
      const whole: RawSheet = { ...open.raw, rows };
      if (open.kind === 'returns') {
        this.hasReturnsSheet = true;
        for (const [id, count] of readReturnSheet(whole, open.layout).returnedIds) this.returnedIds.set(id, (this.returnedIds.get(id) ?? 0) + count);
      } else if (open.kind === 'flags') this.manualGroups.push(...readFlagSheet(whole, open.layout).groups.values());
    }
  }

  /**
   * Whether the inputs must be handed over once more (an id was seen twice, so an earlier row was
   * counted that must not be; or the deadline rule changed with a later sheet).
   */
  get needsAnotherPass(): boolean {
    return this.pass === 1 && (this.caseLedger.hasRepeats || this.orderLedger.hasRepeats || this.deadlineRuleChanged);
  }

  /** Starts the second pass: every input again, in the same order; this time only each id's last row counts. */
  startAnotherPass(): void {
    this.pass = 2;
    this.state = this.freshState();
  }

  private startCases(layout: SheetLayout): void {
    const state = this.state;
    const hasDeadline = layout.columns.deadline !== undefined;
    if (state.cohort === null) {
      // In a second pass every sheet's layout is known: the rule is the one of them all.
      const ruleHasDeadline = this.pass === 2 ? [...this.seen.values()].some((seen) => seen?.kind === 'cases' && seen.columns.deadline !== undefined) : hasDeadline;
      state.cohortHasDeadline = ruleHasDeadline;
      state.cohort = new CaseCohortTally({ period: this.period, asOf: this.asOfGiven, settings: this.inForce.settings, hasDeadlineColumn: ruleHasDeadline, custom: state.custom, personal: state.callerNames });
    } else if (hasDeadline && !state.cohortHasDeadline && this.pass === 1) this.deadlineRuleChanged = true;
  }

  private read(sheet: OpenSheet, rows: readonly (readonly CellValue[] | undefined)[], firstRow: number, from: number): void {
    const state = this.state;
    if (sheet.caseReader) {
      const ledger = this.caseLedger;
      const cohort = state.cohort as CaseCohortTally;
      if (this.pass === 1) {
        sheet.caseReader.readRows(rows, firstRow, from, (record, key) => {
          ledger.note(record.sheet, record.row, key);
          // Once an id repeats, the counting is redone in a second pass: stop counting now.
          if (ledger.hasRepeats || this.deadlineRuleChanged) return;
          state.times.addCase(record);
          cohort.add(record);
        });
      } else {
        sheet.caseReader.readRows(rows, firstRow, from, (record, key) => {
          if (ledger.isRepeated(key)) ledger.observe(record.sheet, key, rowFingerprint(rows[record.row - firstRow] ?? []));
          if (!ledger.isWinner(record.sheet, record.row, key)) return;
          state.times.addCase(record);
          cohort.add(record);
        });
      }
    } else if (sheet.orderReader) {
      const ledger = this.orderLedger;
      const hold = (order: OrderRecord) => {
        state.times.addOrder(order);
        if (isInPeriod(order.receivedAt, this.period)) state.heldOrders.push(order);
        else state.outsideOrders.add(order.sheet, order.row, order.receivedAt);
      };
      if (this.pass === 1) {
        sheet.orderReader.readRows(rows, firstRow, from, (order, key) => {
          ledger.note(order.sheet, order.row, key);
          hold(order);
        });
      } else {
        sheet.orderReader.readRows(rows, firstRow, from, (order, key) => {
          if (ledger.isRepeated(key)) ledger.observe(order.sheet, key, rowFingerprint(rows[order.row - firstRow] ?? []));
          if (ledger.isWinner(order.sheet, order.row, key)) hold(order);
        });
      }
    } else if (sheet.kept && from === 0) {
      // Rows after the head of a returns or flags sheet, in order (a gap is filled with blank rows).
      const expected = (sheet.raw.firstRow ?? 1) + sheet.raw.rows.length + sheet.kept.length;
      for (let gap = expected; gap < firstRow; gap++) sheet.kept.push([]);
      for (const row of rows) sheet.kept.push(row ?? []);
    }
  }

  /** The build, once every input has been handed over (twice when `needsAnotherPass` said so). */
  finish(): BuildResult {
    if (this.needsAnotherPass) throw new Error('PeriodStream.finish: the inputs must be handed over once more first (needsAnotherPass).');
    const settings = this.inForce.settings;
    const state = this.state;
    const ofKind = (kind: SheetKind) => this.layouts.filter((layout) => layout.kind === kind);
    const caseLayouts = ofKind('cases');
    const orderLayouts = ofKind('hotline');
    if (caseLayouts.length === 0 && orderLayouts.length === 0) throw noExportError(this.layouts);
    const latest = state.times.latest;
    if (!Number.isFinite(latest)) {
      const first = caseLayouts[0] ?? orderLayouts[0];
      throw new InputError(`"${first.sheet}"中没有可统计的行（所有行都缺少编号或时间）。`, { sheet: first.sheet, column: '', headersSeen: [] });
    }
    const { asOf, source: asOfSource } = resolveAsOf(this.options.asOf, settings, latest);
    const cohort = state.cohort;
    cohort?.settle(asOf);
    const callerNames = new Set(state.callerNames);
    const cases = cohort ? { statistics: cohort.statistics.finish(state.cohortHasDeadline), topics: cohort.topics.finish(callerNames), outside: cohort.outside, months: cohort.months, seen: cohort.seen } : null;
    const hasColumn = (field: string) => orderLayouts.some((layout) => layout.columns[field] !== undefined);
    const orders = orderLayouts.length
      ? { inPeriod: state.heldOrders, outside: state.outsideOrders, seen: state.heldOrders.length + state.outsideOrders.count, overdueKnown: hasColumn('deadline') || hasColumn('overdueFlag'), returnsKnown: hasColumn('returnCount') || this.hasReturnsSheet }
      : null;
    const caseAccounting = state.caseSummaries.map((summary) => rowAccounting(summary, this.caseLedger.sheetCounts(summary.sheet)));
    const orderAccounting = state.orderSummaries.map((summary) => rowAccounting(summary, this.orderLedger.sheetCounts(summary.sheet), summary.notCountedRows));
    const sheetWarnings = (summaries: readonly (CaseSheetSummary | OrderSheetSummary)[], ledger: IdLedger): BuildWarning[] => [...summaries.flatMap((summary) => [...summary.warnings, ...ledger.sheetWarnings(summary.sheet), ...summary.warningsAfter]), ...ledger.acrossWarnings()];
    return completeBuild({
      inForce: this.inForce,
      sheets: this.options.sheets ?? [],
      carryOver: this.options.carryOver,
      builtAt: this.options.builtAt,
      period: this.period,
      asOf,
      asOfSource,
      layouts: this.layouts,
      caseLayouts,
      orderLayouts,
      caseAccounting,
      orderAccounting,
      hasDeadlineColumn: state.cohortHasDeadline,
      hasReturnsSheet: this.hasReturnsSheet,
      warnings: [...this.inForce.warnings, ...this.hidden.map(hiddenSheetWarning), ...this.clipped, ...sheetWarnings(state.caseSummaries, this.caseLedger), ...sheetWarnings(state.orderSummaries, this.orderLedger), ...implausibleTimeWarnings(state.times.implausible)],
      cases,
      orders,
      callerNames,
      returnedIds: this.returnedIds,
      manualGroups: this.manualGroups,
      customTallies: state.custom,
    });
  }

}

/**
 * What the build worker computes, as plain functions over plain data (so they can be tested without a
 * worker): inspect the raw sheets, or build the month's report and keep only what the pane needs.
 * The reply is slim on purpose: grids to write and the messages, never the case records or the
 * statistics behind them (structured clone of 200 000 records would cost more than the build).
 * Also turns errors into plain objects that survive postMessage.
 */
import {
  buildMonthlyReport,
  composeBrief,
  finaliseReport,
  type ComposeBriefOptions,
  type FinaliseOptions,
  inspectWorkbook,
  parseWallTime,
  InputError,
  type BuildMonthlyReportOptions,
  type BuildWarning,
  type CarryOver,
  type LearnedSummary,
  type RawSheet,
  type ReconciliationCheck,
  type Settings,
  type SheetGrid,
  type WorkbookInspection,
} from '../../core/index.ts';

/** What the pane receives from a build. */
export interface BuildReply {
  readonly periodKey: string;
  /** `2021年9月`. */
  readonly periodLabel: string;
  readonly asOfText: string;
  readonly asOfSource: 'option' | 'settings' | 'latest-event' | 'history';
  /** Everything the host writes, in order (report sheets, settings if new, history, meta). */
  readonly sheetsToWrite: readonly SheetGrid[];
  /** The period's report sheets, in the order of the brief. */
  readonly reportSheetNames: readonly string[];
  /** Sheets written that the clerk may open (hidden bookkeeping sheets left out). */
  readonly visibleSheetNames: readonly string[];
  readonly settingsCreated: boolean;
  /** What this first build learned from the data (or the preset it took); null when the workbook had settings. */
  readonly settingsLearned: LearnedSummary | null;
  /** Whether the settings came from last month's report. */
  readonly carriedOver: boolean;
  /** Report sheets edited by hand since the last build: ask before overwriting. */
  readonly editedSheets: readonly string[];
  readonly warnings: readonly BuildWarning[];
  readonly reconciliation: readonly ReconciliationCheck[];
  readonly summary: readonly string[];
}

/** An error as it crosses postMessage; InputError's details kept. */
export interface ComputeErrorData {
  readonly name: string;
  readonly message: string;
  readonly isInputError: boolean;
  readonly sheet?: string;
  readonly column?: string;
  readonly headersSeen?: readonly string[];
}

/** What an inspection may take besides the sheets: last month's report, a preset for a workbook without settings. */
export interface InspectOptions {
  readonly carryOver?: CarryOver;
  readonly preset?: string;
  /** The clerk's clock as wall text (`2021-10-11 09:00`): event times after it are slips, never the suggested as-of time. */
  readonly now?: string;
}

export function inspectSheets(sheets: readonly RawSheet[], settings?: Settings, options: InspectOptions = {}): WorkbookInspection {
  const { now, ...rest } = options;
  const notAfter = now === undefined ? undefined : parseWallTime(now);
  return inspectWorkbook(sheets, settings, typeof notAfter === 'number' ? notAfter : Infinity, rest);
}

/** Builds the report of `sheets` and keeps the slim reply. Throws InputError as the core does. */
export function buildReply(sheets: readonly RawSheet[], options: BuildMonthlyReportOptions): BuildReply {
  const result = buildMonthlyReport(sheets, options);
  return {
    periodKey: result.periodKey,
    periodLabel: result.periodLabel,
    asOfText: result.asOfText,
    asOfSource: result.asOfSource,
    sheetsToWrite: result.sheetsToWrite,
    reportSheetNames: result.reportSheets.map((grid) => grid.name),
    visibleSheetNames: result.sheetsToWrite.filter((grid) => grid.hidden !== true).map((grid) => grid.name),
    settingsCreated: result.settingsCreated,
    settingsLearned: result.settingsLearned,
    carriedOver: result.carriedOver,
    editedSheets: result.editedSheets,
    warnings: result.warnings,
    reconciliation: result.reconciliation,
    summary: result.summary,
  };
}

/** The Word brief of a period, as the pane downloads it. */
export interface BriefReply {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly warnings: readonly BuildWarning[];
  /** Figures of the tables that differ from what the build wrote. */
  readonly editedFigures: number;
}

/** 定稿: the history sheet to write, and what to tell the clerk. */
export interface FinaliseReply {
  readonly historySheets: readonly SheetGrid[];
  readonly summary: readonly string[];
  readonly warnings: readonly BuildWarning[];
}

/** Composes the brief from the sheets as they are now and writes the .docx (the docx library is loaded on first use). */
export async function briefReply(sheets: readonly RawSheet[], options: ComposeBriefOptions): Promise<BriefReply> {
  const brief = composeBrief(sheets, options);
  const { briefToDocx } = await import('../../hosts/file/brief-docx.ts');
  return { bytes: await briefToDocx(brief.document), fileName: brief.document.fileName, warnings: brief.warnings, editedFigures: brief.editedFigures };
}

export function finaliseReply(sheets: readonly RawSheet[], options: FinaliseOptions): FinaliseReply {
  const result = finaliseReport(sheets, options);
  return { historySheets: result.historySheets, summary: result.summary, warnings: result.warnings };
}

export function errorToData(error: unknown): ComputeErrorData {
  if (error instanceof InputError) {
    return { name: error.name, message: error.message, isInputError: true, sheet: error.sheet, column: error.column, headersSeen: error.headersSeen };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, isInputError: false };
  return { name: 'Error', message: String(error), isInputError: false };
}

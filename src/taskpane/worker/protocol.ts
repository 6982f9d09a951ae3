/**
 * Messages between the pane and the build worker. Every request carries an id; the worker answers
 * each with exactly one response of the same id, in the order of the requests.
 *
 * In the browser mode the worker also holds the workbook (`open`): it owns the file's bytes, parses
 * them and makes the preview's rows, and the pane's requests name the workbook (`{ workbook }`)
 * instead of carrying its sheets, which would cost seconds of structured clone on both threads.
 */
import type { BuildMonthlyReportOptions, CarryOver, ComposeBriefOptions, FinaliseOptions, RawSheet, Settings, SheetGrid, WorkbookInspection } from '../../core/index.ts';
import type { MemorySheetInfo, PreviewRows } from '../../hosts/file/memory-workbook.ts';
import type { ReadSheet } from '../../hosts/file/read-workbook.ts';
import type { PreviewFrame } from '../../hosts/file/sheet-preview.ts';
import type { BriefReply, BuildReply, ComputeErrorData, FinaliseReply, InspectOptions } from './compute.ts';

/** The sheets a request works on: carried in it, or those of a workbook the worker holds. */
export type SheetsInput = readonly RawSheet[] | { readonly workbook: number };

export type WorkerRequest =
  | { readonly id: number; readonly type: 'inspect'; readonly sheets: SheetsInput; readonly settings?: Settings; readonly options?: InspectOptions }
  | { readonly id: number; readonly type: 'build'; readonly sheets: SheetsInput; readonly options: BuildMonthlyReportOptions }
  | { readonly id: number; readonly type: 'brief'; readonly sheets: SheetsInput; readonly options: ComposeBriefOptions }
  | { readonly id: number; readonly type: 'finalise'; readonly sheets: SheetsInput; readonly options: FinaliseOptions }
  /** Takes over `bytes` (sent as a transfer) and parses them. */
  | { readonly id: number; readonly type: 'open'; readonly bytes: Uint8Array; readonly fileName: string }
  | { readonly id: number; readonly type: 'write'; readonly workbook: number; readonly grids: readonly SheetGrid[]; readonly removeSheets: readonly string[] }
  | { readonly id: number; readonly type: 'sheets'; readonly workbook: number }
  | { readonly id: number; readonly type: 'bytes'; readonly workbook: number }
  | { readonly id: number; readonly type: 'frame'; readonly workbook: number; readonly sheet: string }
  | { readonly id: number; readonly type: 'rows'; readonly workbook: number; readonly sheet: string; readonly first: number; readonly count: number }
  | { readonly id: number; readonly type: 'close'; readonly workbook: number }
  /** Last month's report (上月月报): its settings and history sheets; `bytes` sent as a transfer. */
  | { readonly id: number; readonly type: 'carryOver'; readonly bytes: Uint8Array; readonly fileName: string };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly type: 'inspect'; readonly inspection: WorkbookInspection }
  | { readonly id: number; readonly ok: true; readonly type: 'build'; readonly reply: BuildReply }
  | { readonly id: number; readonly ok: true; readonly type: 'brief'; readonly reply: BriefReply }
  | { readonly id: number; readonly ok: true; readonly type: 'finalise'; readonly reply: FinaliseReply }
  | { readonly id: number; readonly ok: true; readonly type: 'open'; readonly workbook: number; readonly sheets: readonly MemorySheetInfo[] }
  | { readonly id: number; readonly ok: true; readonly type: 'write'; readonly sheets: readonly MemorySheetInfo[] }
  | { readonly id: number; readonly ok: true; readonly type: 'sheets'; readonly sheets: readonly ReadSheet[] }
  | { readonly id: number; readonly ok: true; readonly type: 'bytes'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly ok: true; readonly type: 'frame'; readonly frame: PreviewFrame | null }
  | { readonly id: number; readonly ok: true; readonly type: 'rows'; readonly rows: PreviewRows }
  | { readonly id: number; readonly ok: true; readonly type: 'close' }
  | { readonly id: number; readonly ok: true; readonly type: 'carryOver'; readonly carryOver: CarryOver }
  | { readonly id: number; readonly ok: false; readonly error: ComputeErrorData };

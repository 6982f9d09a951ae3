/**
 * Messages between the pane and the build worker. Every request carries an id; the worker answers
 * each with exactly one response of the same id.
 */
import type { BuildMonthlyReportOptions, ComposeBriefOptions, FinaliseOptions, RawSheet, Settings, WorkbookInspection } from '../../core/index.ts';
import type { BriefReply, BuildReply, ComputeErrorData, FinaliseReply, InspectOptions } from './compute.ts';

export type WorkerRequest =
  | { readonly id: number; readonly type: 'inspect'; readonly sheets: readonly RawSheet[]; readonly settings?: Settings; readonly options?: InspectOptions }
  | { readonly id: number; readonly type: 'build'; readonly sheets: readonly RawSheet[]; readonly options: BuildMonthlyReportOptions }
  | { readonly id: number; readonly type: 'brief'; readonly sheets: readonly RawSheet[]; readonly options: ComposeBriefOptions }
  | { readonly id: number; readonly type: 'finalise'; readonly sheets: readonly RawSheet[]; readonly options: FinaliseOptions };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly type: 'inspect'; readonly inspection: WorkbookInspection }
  | { readonly id: number; readonly ok: true; readonly type: 'build'; readonly reply: BuildReply }
  | { readonly id: number; readonly ok: true; readonly type: 'brief'; readonly reply: BriefReply }
  | { readonly id: number; readonly ok: true; readonly type: 'finalise'; readonly reply: FinaliseReply }
  | { readonly id: number; readonly ok: false; readonly error: ComputeErrorData };

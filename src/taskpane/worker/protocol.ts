/**
 * Messages between the pane and the build worker. Every request carries an id; the worker answers
 * each with exactly one response of the same id.
 */
import type { BuildMonthlyReportOptions, RawSheet, Settings, WorkbookInspection } from '../../core/index.ts';
import type { BuildReply, ComputeErrorData } from './compute.ts';

export type WorkerRequest =
  | { readonly id: number; readonly type: 'inspect'; readonly sheets: readonly RawSheet[]; readonly settings?: Settings }
  | { readonly id: number; readonly type: 'build'; readonly sheets: readonly RawSheet[]; readonly options: BuildMonthlyReportOptions };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly type: 'inspect'; readonly inspection: WorkbookInspection }
  | { readonly id: number; readonly ok: true; readonly type: 'build'; readonly reply: BuildReply }
  | { readonly id: number; readonly ok: false; readonly error: ComputeErrorData };

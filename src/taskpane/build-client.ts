/**
 * The pane's side of the build worker: promises over postMessage. `createBuildClient` takes any
 * worker-shaped object (index.tsx starts the real one), so tests can pass an in-process fake.
 */
import type { BuildMonthlyReportOptions, ComposeBriefOptions, FinaliseOptions, RawSheet, Settings, WorkbookInspection } from '../core/index.ts';
import type { BriefReply, BuildReply, ComputeErrorData, FinaliseReply, InspectOptions } from './worker/compute.ts';
import type { WorkerRequest, WorkerResponse } from './worker/protocol.ts';

/** An error from the core, rebuilt on this side of postMessage (InputError keeps its details). */
export class ComputeError extends Error {
  readonly isInputError: boolean;
  readonly sheet?: string;
  readonly column?: string;
  readonly headersSeen?: readonly string[];
  constructor(data: ComputeErrorData) {
    super(data.message);
    this.name = data.name;
    this.isInputError = data.isInputError;
    this.sheet = data.sheet;
    this.column = data.column;
    this.headersSeen = data.headersSeen;
  }
}

export interface BuildClient {
  inspect(sheets: readonly RawSheet[], settings?: Settings, options?: InspectOptions): Promise<WorkbookInspection>;
  build(sheets: readonly RawSheet[], options: BuildMonthlyReportOptions): Promise<BuildReply>;
  /** The Word brief of a period from the sheets as they are now. */
  brief(sheets: readonly RawSheet[], options: ComposeBriefOptions): Promise<BriefReply>;
  /** 定稿: the history sheet with the period's figures as published. */
  finalise(sheets: readonly RawSheet[], options: FinaliseOptions): Promise<FinaliseReply>;
  /** Stops the worker; pending requests reject. */
  dispose(): void;
}

/** What the client needs of a Worker. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: { readonly data: WorkerResponse }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}

/** A request before it gets its id (Omit applied to each member of the union). */
type RequestBody<R = WorkerRequest> = R extends unknown ? Omit<R, 'id'> : never;

type Pending = { resolve: (response: WorkerResponse & { ok: true }) => void; reject: (error: Error) => void };

export function createBuildClient(worker: WorkerLike): BuildClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  worker.onmessage = (event) => {
    const response = event.data;
    const entry = pending.get(response.id);
    if (entry === undefined) return;
    pending.delete(response.id);
    if (response.ok) entry.resolve(response);
    else entry.reject(new ComputeError(response.error));
  };
  // A worker that fails to load or throws outside a request: every waiting request fails.
  worker.onerror = (event) => failAll(new Error(event.message || 'worker error'));

  const send = (request: RequestBody): Promise<WorkerResponse & { ok: true }> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ ...request, id } as WorkerRequest);
      } catch (error) {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });

  return {
    async inspect(sheets, settings, options) {
      const response = await send({ type: 'inspect', sheets, ...(settings ? { settings } : {}), ...(options ? { options } : {}) });
      if (response.type !== 'inspect') throw new Error(`unexpected worker reply ${response.type}`);
      return response.inspection;
    },
    async build(sheets, options) {
      const response = await send({ type: 'build', sheets, options });
      if (response.type !== 'build') throw new Error(`unexpected worker reply ${response.type}`);
      return response.reply;
    },
    async brief(sheets, options) {
      const response = await send({ type: 'brief', sheets, options });
      if (response.type !== 'brief') throw new Error(`unexpected worker reply ${response.type}`);
      return response.reply;
    },
    async finalise(sheets, options) {
      const response = await send({ type: 'finalise', sheets, options });
      if (response.type !== 'finalise') throw new Error(`unexpected worker reply ${response.type}`);
      return response.reply;
    },
    dispose() {
      worker.terminate();
      failAll(new Error('worker stopped'));
    },
  };
}


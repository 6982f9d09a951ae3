/**
 * The pane's side of the build worker: promises over postMessage. `createBuildClient` takes any
 * worker-shaped object (index.tsx starts the real one), so tests can pass an in-process fake.
 *
 * In the browser mode the worker also holds the workbook: `open` hands it the file's bytes (moved,
 * not copied), and `workbook(n)` is the channel a MemoryHost asks for writes, bytes and preview rows.
 */
import type { BuildMonthlyReportOptions, CarryOver, ComposeBriefOptions, FinaliseOptions, Settings, WorkbookInspection } from '../core/index.ts';
import type { MemoryWorkbookChannel } from '../hosts/file/memory-host.ts';
import type { MemorySheetInfo } from '../hosts/file/memory-workbook.ts';
import type { HostProgress, WorkbookHost } from '../hosts/workbook-host.ts';
import type { BriefReply, BuildReply, ComputeErrorData, FinaliseReply, InspectOptions } from './worker/compute.ts';
import type { SheetsInput, WorkerRequest, WorkerResponse } from './worker/protocol.ts';

export type { SheetsInput } from './worker/protocol.ts';

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
  inspect(sheets: SheetsInput, settings?: Settings, options?: InspectOptions): Promise<WorkbookInspection>;
  build(sheets: SheetsInput, options: BuildMonthlyReportOptions): Promise<BuildReply>;
  /** The Word brief of a period from the sheets as they are now. */
  brief(sheets: SheetsInput, options: ComposeBriefOptions): Promise<BriefReply>;
  /** 定稿: the history sheet with the period's figures as published. */
  finalise(sheets: SheetsInput, options: FinaliseOptions): Promise<FinaliseReply>;
  /** Gives the worker a workbook file to hold; `bytes` are moved to the worker (the array is left empty). */
  open(bytes: Uint8Array, fileName: string): Promise<{ readonly workbook: number; readonly sheets: readonly MemorySheetInfo[] }>;
  /** The channel to workbook `workbook` of the worker, for a MemoryHost. */
  workbook(workbook: number): MemoryWorkbookChannel;
  /** Lets the worker drop a workbook. */
  close(workbook: number): Promise<void>;
  /** The settings and history of last month's report file, read by the worker; `bytes` are moved to it. */
  readCarryOver(bytes: Uint8Array, fileName: string): Promise<CarryOver>;
  /** Stops the worker; pending requests reject. */
  dispose(): void;
}

/** What the client needs of a Worker. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: ArrayBuffer[]): void;
  onmessage: ((event: { readonly data: WorkerResponse }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}

/** A request before it gets its id (Omit applied to each member of the union). */
type RequestBody<R = WorkerRequest> = R extends unknown ? Omit<R, 'id'> : never;
/** The successful response to a request of type T. */
type ResponseOf<T extends WorkerRequest['type']> = Extract<WorkerResponse, { readonly ok: true; readonly type: T }>;

type Pending = { resolve: (response: WorkerResponse & { ok: true }) => void; reject: (error: Error) => void };

/**
 * The sheets a worker request should work on: the workbook the worker already holds when the host is
 * the browser mode's (its sheets never cross to the pane), else the host's sheets.
 */
export async function sheetsForWorker(host: WorkbookHost, options: { readonly onProgress?: (progress: HostProgress) => void } = {}): Promise<SheetsInput> {
  const workbook = (host as WorkbookHost & { readonly workerWorkbook?: number }).workerWorkbook;
  if (typeof workbook !== 'number') return host.readSheets(options);
  options.onProgress?.({ phase: 'read', fraction: 1 });
  return { workbook };
}

/** Bytes that can be moved to the worker: a view on part of a bigger buffer is copied first (only a whole buffer moves). */
function movable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

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

  const send = <T extends WorkerRequest['type']>(request: RequestBody & { readonly type: T }, transfer: ArrayBuffer[] = []): Promise<ResponseOf<T>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, {
        resolve: (response) => (response.type === request.type ? resolve(response as ResponseOf<T>) : reject(new Error(`unexpected worker reply ${response.type}`))),
        reject,
      });
      try {
        worker.postMessage({ ...request, id } as WorkerRequest, transfer);
      } catch (error) {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });

  return {
    async inspect(sheets, settings, options) {
      return (await send({ type: 'inspect', sheets, ...(settings ? { settings } : {}), ...(options ? { options } : {}) })).inspection;
    },
    async build(sheets, options) {
      return (await send({ type: 'build', sheets, options })).reply;
    },
    async brief(sheets, options) {
      return (await send({ type: 'brief', sheets, options })).reply;
    },
    async finalise(sheets, options) {
      return (await send({ type: 'finalise', sheets, options })).reply;
    },
    async open(bytes, fileName) {
      const own = movable(bytes);
      const response = await send({ type: 'open', bytes: own, fileName }, [own.buffer as ArrayBuffer]);
      return { workbook: response.workbook, sheets: response.sheets };
    },
    workbook(workbook) {
      return {
        write: async (grids, removeSheets) => [...(await send({ type: 'write', workbook, grids, removeSheets })).sheets],
        sheets: async () => [...(await send({ type: 'sheets', workbook })).sheets],
        bytes: async () => (await send({ type: 'bytes', workbook })).bytes,
        frame: async (sheet) => (await send({ type: 'frame', workbook, sheet })).frame,
        rows: async (sheet, first, count) => (await send({ type: 'rows', workbook, sheet, first, count })).rows,
      };
    },
    async close(workbook) {
      await send({ type: 'close', workbook });
    },
    async readCarryOver(bytes, fileName) {
      const own = movable(bytes);
      return (await send({ type: 'carryOver', bytes: own, fileName }, [own.buffer as ArrayBuffer])).carryOver;
    },
    dispose() {
      worker.terminate();
      failAll(new Error('worker stopped'));
    },
  };
}

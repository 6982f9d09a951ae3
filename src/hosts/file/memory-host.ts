/**
 * In-memory workbook host: the browser mode's stand-in for Excel, on the pane's thread. The workbook
 * itself (its bytes, its sheets, its previews: memory-workbook.ts) lives behind a channel, in the
 * build worker in the browser (or in the same thread, `openMemoryHost`), so that a 200,000-row
 * export is parsed and previewed where it does not freeze the page. The host implements
 * WorkbookHost over the channel, so the task pane runs the same code with or without Office.
 *
 * Besides the host contract it keeps what a preview needs: the active sheet and the selected rows
 * (set by activateSheet / selectRows), a state snapshot with listeners (useSyncExternalStore's
 * shape); previews come a window of rows at a time. Guarantees: a failed write leaves the state as
 * it was (the workbook keeps its bytes: MemoryWorkbook's guarantee).
 */
import type { SheetGrid } from '../../core/index.ts';
import type { HostProgress, WorkbookHost, WriteSheetsOptions } from '../workbook-host.ts';
import type { MemorySheetInfo, PreviewRows } from './memory-workbook.ts';
import type { ReadSheet } from './read-workbook.ts';
import type { PreviewFrame } from './sheet-preview.ts';

export type { MemorySheetInfo, PreviewRows } from './memory-workbook.ts';

/** What the preview renders; a new object after every change (compare by identity). */
export interface MemoryHostState {
  /** Bumped by every write. */
  readonly version: number;
  /** Every sheet in workbook order. */
  readonly sheets: readonly MemorySheetInfo[];
  /** The sheet shown; null only for a workbook without sheets. */
  readonly activeSheet: string | null;
  /** 1-based rows of the active sheet selected by selectRows (sorted, unique); empty otherwise. */
  readonly selectedRows: readonly number[];
  /** Bumped by every selectRows call, so that a repeated selection scrolls into view again. */
  readonly selectionId: number;
}

/** The workbook's side, as the host asks it (MemoryWorkbook's methods, asynchronously). */
export interface MemoryWorkbookChannel {
  write(grids: readonly SheetGrid[], removeSheets: readonly string[]): Promise<MemorySheetInfo[]>;
  sheets(): Promise<ReadSheet[]>;
  bytes(): Promise<Uint8Array>;
  frame(name: string): Promise<PreviewFrame | null>;
  rows(name: string, first: number, count: number): Promise<PreviewRows>;
}

export interface MemoryHost extends WorkbookHost {
  readonly kind: 'file';
  /** The name of the file the workbook came from (`导出.csv`), for the download's name. */
  readonly fileName: string;
  /**
   * The build worker's number for this workbook when the worker holds it: requests to the worker
   * name it instead of carrying the sheets. Undefined for a workbook held in the same thread.
   */
  readonly workerWorkbook?: number;
  /** The workbook as .xlsx bytes now (a copy the caller may keep). */
  currentBytes(): Promise<Uint8Array>;
  getState(): MemoryHostState;
  /** Calls `listener` after every change of the state; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Size, merges and column widths of a sheet's preview; null when there is no such sheet. */
  previewFrame(name: string): Promise<PreviewFrame | null>;
  /** Preview rows `first` (1-based) … `first + count - 1` of a sheet; index 0 is row `first`. */
  previewRows(name: string, first: number, count: number): Promise<PreviewRows>;
}

/** Excel compares sheet names case-insensitively. */
function sameName(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

export interface OpenedWorkbook {
  readonly fileName: string;
  readonly sheets: readonly MemorySheetInfo[];
  readonly workerWorkbook?: number;
}

/** A host over an opened workbook and the channel to it. */
export function createMemoryHost(channel: MemoryWorkbookChannel, opened: OpenedWorkbook): MemoryHost {
  const listeners = new Set<() => void>();
  const firstVisible = (infos: readonly MemorySheetInfo[]): string | null => (infos.find((info) => !info.hidden) ?? infos[0])?.name ?? null;
  let state: MemoryHostState = { version: 0, sheets: opened.sheets, activeSheet: firstVisible(opened.sheets), selectedRows: [], selectionId: 0 };

  const setState = (next: Partial<MemoryHostState>) => {
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener();
  };
  const findSheet = (name: string): MemorySheetInfo | undefined => state.sheets.find((info) => sameName(info.name, name));

  return {
    kind: 'file',
    fileName: opened.fileName,
    ...(opened.workerWorkbook === undefined ? {} : { workerWorkbook: opened.workerWorkbook }),

    async listSheets() {
      return state.sheets.map((info) => info.name);
    },

    async readSheets(options = {}) {
      const report = (progress: HostProgress) => options.onProgress?.(progress);
      report({ phase: 'read', fraction: 0 });
      const sheets = await channel.sheets();
      report({ phase: 'read', fraction: 1 });
      return sheets;
    },

    async writeSheets(sheets: readonly SheetGrid[], options: WriteSheetsOptions = {}) {
      options.onProgress?.({ phase: 'write', fraction: 0 });
      const removeSheets = options.removeSheets ?? [];
      // The workbook throws before anything is replaced, so a failure keeps the old state too.
      const infos = await channel.write(sheets, removeSheets);
      const replaced = (name: string) => [...removeSheets, ...sheets.map((grid) => grid.name)].some((other) => sameName(other, name));
      const activeKept = state.activeSheet !== null && infos.some((info) => info.name === state.activeSheet);
      const selectionKept = activeKept && !replaced(state.activeSheet as string);
      setState({
        version: state.version + 1,
        sheets: infos,
        activeSheet: activeKept ? state.activeSheet : firstVisible(infos),
        selectedRows: selectionKept ? state.selectedRows : [],
      });
      options.onProgress?.({ phase: 'write', fraction: 1 });
    },

    async activateSheet(name: string) {
      const info = findSheet(name);
      if (info === undefined) return false;
      setState({ activeSheet: info.name, selectedRows: [] });
      return true;
    },

    async selectRows(name: string, rows: readonly number[]) {
      const info = findSheet(name);
      if (info === undefined) return false;
      const selected = [...new Set(rows.filter((row) => Number.isInteger(row) && row >= 1))].sort((left, right) => left - right);
      setState({ activeSheet: info.name, selectedRows: selected, selectionId: state.selectionId + 1 });
      return true;
    },

    currentBytes() {
      return channel.bytes();
    },

    getState() {
      return state;
    },

    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    previewFrame(name: string) {
      return channel.frame(name);
    },

    previewRows(name: string, first: number, count: number) {
      return channel.rows(name, first, count);
    },
  };
}

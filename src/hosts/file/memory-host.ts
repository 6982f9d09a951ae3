/**
 * In-memory workbook host: the browser mode's stand-in for Excel. Holds the bytes of one .xlsx and
 * implements WorkbookHost over them with readWorkbook / writeWorkbook, so the task pane runs the same
 * code with or without Office. An .xls or .csv input is converted once, at creation, into a new .xlsx
 * of plain grids (as build-file.ts does), so that every write can patch an .xlsx.
 *
 * Besides the host contract it keeps what a preview needs: the active sheet and the selected rows
 * (set by activateSheet / selectRows), a state snapshot with listeners (useSyncExternalStore's
 * shape), each sheet's display preview, and the current bytes for download.
 * Guarantees: a failed write leaves the bytes as they were; sheets a write does not touch keep their
 * exact bytes (writeWorkbook's guarantee) and their cached preview.
 */
import type { SheetGrid } from '../../core/index.ts';
import type { HostProgress, WorkbookHost, WriteSheetsOptions } from '../workbook-host.ts';
import { rawSheetToGrid } from './build-file.ts';
import { gridAsRead, readWorkbook, type ReadSheet } from './read-workbook.ts';
import { gridToPreview, readSheetPreview, type SheetPreview } from './sheet-preview.ts';
import { writeWorkbook } from './write-workbook.ts';

/** A sheet as the preview's tabs list it. */
export interface MemorySheetInfo {
  readonly name: string;
  readonly hidden: boolean;
}

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

export interface MemoryHost extends WorkbookHost {
  readonly kind: 'file';
  /** The name of the file the workbook came from (`导出.csv`), for the download's name. */
  readonly fileName: string;
  /** The workbook as .xlsx bytes now (a copy the caller may keep). */
  currentBytes(): Uint8Array;
  getState(): MemoryHostState;
  /** Calls `listener` after every change of the state; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The display preview of a sheet; null when there is no such sheet. */
  previewSheet(name: string): SheetPreview | null;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Excel compares sheet names case-insensitively. */
function sameName(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

/**
 * A host over the workbook file `bytes` (`.xlsx`, `.xls` or `.csv`; `fileName` names a text file's
 * only sheet). Throws when the bytes are not a readable workbook. The caller's array is not modified.
 */
export function createMemoryHost(bytes: Uint8Array, fileName: string): MemoryHost {
  let sheetsRead: ReadSheet[] | null = readWorkbook(bytes, fileName);
  let current: Uint8Array = isZip(bytes) ? bytes.slice() : writeWorkbook(null, sheetsRead.map(rawSheetToGrid));
  if (!isZip(bytes)) sheetsRead = null; // re-read from the .xlsx, so that reads always see what is stored
  const previews = new Map<string, SheetPreview>();
  const listeners = new Set<() => void>();

  const readAll = (): ReadSheet[] => {
    sheetsRead ??= readWorkbook(current, fileName);
    return sheetsRead;
  };
  const infosOf = (sheets: readonly ReadSheet[]): MemorySheetInfo[] => sheets.map((sheet) => ({ name: sheet.name, hidden: sheet.hidden === true }));
  const firstVisible = (infos: readonly MemorySheetInfo[]): string | null => (infos.find((info) => !info.hidden) ?? infos[0])?.name ?? null;

  const initial = infosOf(readAll());
  let state: MemoryHostState = { version: 0, sheets: initial, activeSheet: firstVisible(initial), selectedRows: [], selectionId: 0 };

  const setState = (next: Partial<MemoryHostState>) => {
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener();
  };
  const findSheet = (name: string): MemorySheetInfo | undefined => state.sheets.find((info) => sameName(info.name, name));

  return {
    kind: 'file',
    fileName,

    async listSheets() {
      return state.sheets.map((info) => info.name);
    },

    async readSheets(options = {}) {
      const report = (progress: HostProgress) => options.onProgress?.(progress);
      report({ phase: 'read', fraction: 0 });
      // Parsing holds the thread for a moment on big workbooks: let a progress bar paint first.
      if (sheetsRead === null) await new Promise((resolve) => setTimeout(resolve, 0));
      const sheets = readAll();
      report({ phase: 'read', fraction: 1 });
      return sheets;
    },

    async writeSheets(sheets: readonly SheetGrid[], options: WriteSheetsOptions = {}) {
      options.onProgress?.({ phase: 'write', fraction: 0 });
      // writeWorkbook throws before anything is replaced, so a failure keeps the old bytes.
      const next = writeWorkbook(current, sheets, { removeSheets: options.removeSheets ?? [] });
      const replaced = (name: string) => [...(options.removeSheets ?? []), ...sheets.map((grid) => grid.name)].some((other) => sameName(other, name));
      current = next;
      // What a fresh read would give, without parsing the workbook again: the sheets kept, then the grids.
      if (sheetsRead !== null) sheetsRead = [...sheetsRead.filter((sheet) => !replaced(sheet.name)), ...sheets.map(gridAsRead)];
      for (const name of [...previews.keys()]) if (replaced(name)) previews.delete(name);
      for (const grid of sheets) previews.set(grid.name, gridToPreview(grid));
      // writeWorkbook removes the replaced and removed sheets and appends the grids in order.
      const infos = [...state.sheets.filter((info) => !replaced(info.name)), ...sheets.map((grid) => ({ name: grid.name, hidden: grid.hidden === true }))];
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
      return current.slice();
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

    previewSheet(name: string) {
      const info = findSheet(name);
      if (info === undefined) return null;
      let preview = previews.get(info.name);
      if (preview === undefined) {
        preview = readSheetPreview(current, info.name) ?? undefined;
        if (preview === undefined) return null;
        previews.set(info.name, preview);
      }
      return preview;
    },
  };
}

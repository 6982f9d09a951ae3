/**
 * The seam between the core and a workbook: Office.js inside Excel, or an in-memory .xlsx in the
 * browser's file mode. A host only moves sheets: raw values in, report grids out. It never computes.
 */
import type { RawSheet, SheetGrid } from '../core/index.ts';

export type HostKind = 'office' | 'file';

/** Progress of a long host operation, for the task pane's progress bar. */
export interface HostProgress {
  readonly phase: 'read' | 'write';
  /** 0 … 1. */
  readonly fraction: number;
  /** Sheet being read or written. */
  readonly sheet?: string;
}

export interface WriteSheetsOptions {
  /** Sheets to delete after the new ones are in place (e.g. an earlier build's sheets that are not rewritten). */
  readonly removeSheets?: readonly string[];
  readonly onProgress?: (progress: HostProgress) => void;
}

export interface WorkbookHost {
  readonly kind: HostKind;
  /** Names of every worksheet, in workbook order. */
  listSheets(): Promise<string[]>;
  /**
   * Every worksheet's used range as raw values (numbers stay numbers: dates are Excel serials), in
   * workbook order. Never changes the workbook.
   */
  readSheets(options?: { readonly onProgress?: (progress: HostProgress) => void }): Promise<RawSheet[]>;
  /**
   * Writes the grids as worksheets: a grid whose name exists replaces that sheet; new sheets go after
   * the last sheet. All or nothing: after a failure no half-written sheet is left and the sheets that
   * were to be replaced are still there.
   */
  writeSheets(sheets: readonly SheetGrid[], options?: WriteSheetsOptions): Promise<void>;
  /** Shows a sheet to the clerk (activates it); false when it does not exist. */
  activateSheet(name: string): Promise<boolean>;
  /** Selects whole rows of a sheet (1-based row numbers) and shows them; false when the sheet does not exist. */
  selectRows(name: string, rows: readonly number[]): Promise<boolean>;
}

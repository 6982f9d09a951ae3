/**
 * The browser mode's workbook: the bytes of one .xlsx, the sheets read from them, and what a preview
 * shows. It lives where the work is done (the build worker), so that the pane's thread never holds or
 * parses the file: the pane's MemoryHost (memory-host.ts) asks it through a channel.
 *
 * Guarantees: `sheets()` is what `readWorkbook` gives for `bytes()` at any time; a write that fails
 * leaves bytes and sheets as they were; sheets a write does not touch keep their exact bytes
 * (writeWorkbook's guarantee) and their preview. An .xls or .csv is converted once, when opened, into
 * an .xlsx of plain grids (as build-file.ts does), so that every write can patch an .xlsx. Previews
 * are made a window of rows at a time: a 200,000-row sheet is never formatted whole.
 */
import type { SheetGrid } from '../../core/index.ts';
import { rawSheetToGrid } from './build-file.ts';
import type { XlsxDisplay } from './fast-xlsx-reader.ts';
import { createMemoryHost, type MemoryHost, type MemoryWorkbookChannel } from './memory-host.ts';
import { gridAsRead, readWorkbookAsync, type ReadSheet } from './read-workbook.ts';
import { gridToPreview, previewOfValue, readSheetPreview, type PreviewCell, type PreviewFrame, type SheetPreview } from './sheet-preview.ts';
import type { ScannedDisplay } from './sheet-scanner.ts';
import { writeWorkbook } from './write-workbook.ts';

/** A sheet as the preview's tabs list it. */
export interface MemorySheetInfo {
  readonly name: string;
  readonly hidden: boolean;
}

/** Rows of a preview window: index 0 is the window's first sheet row. */
export type PreviewRows = readonly (readonly (PreviewCell | null)[])[];

/** Columns a preview shows at most (a wrong used range may claim all 16,384). */
const maxPreviewCols = 256;

/** Where a sheet's preview comes from. */
type PreviewSource =
  | { readonly kind: 'read'; readonly sheet: ReadSheet; readonly display: ScannedDisplay; readonly cellFormats: XlsxDisplay['cellFormats'] }
  | { readonly kind: 'whole'; readonly preview: SheetPreview };

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** Excel compares sheet names case-insensitively. */
export function sameSheetName(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

export class MemoryWorkbook {
  /** The name of the file the workbook came from (`导出.csv`). */
  readonly fileName: string;
  private current: Uint8Array;
  private read: ReadSheet[];
  private readonly sources = new Map<string, PreviewSource>();

  private constructor(fileName: string, bytes: Uint8Array, sheets: ReadSheet[], display: XlsxDisplay | undefined) {
    this.fileName = fileName;
    this.current = bytes;
    this.read = sheets;
    sheets.forEach((sheet, index) => {
      const sheetDisplay = display?.sheets[index];
      if (display && sheetDisplay) this.sources.set(sheet.name, { kind: 'read', sheet, display: sheetDisplay, cellFormats: display.cellFormats });
    });
  }

  /**
   * Opens the workbook file `bytes` (`.xlsx`, `.xls` or `.csv`; `fileName` names a text file's only
   * sheet). Throws when the bytes are not a readable workbook. Takes the bytes over: the caller
   * passes a copy it no longer needs (a transferred buffer).
   */
  static async open(bytes: Uint8Array, fileName: string): Promise<MemoryWorkbook> {
    let xlsx = bytes;
    if (!isZip(bytes)) {
      const { sheets } = await readWorkbookAsync(bytes, fileName);
      xlsx = writeWorkbook(null, sheets.map(rawSheetToGrid));
    }
    // Re-read from the .xlsx in every case, so that reads always see what is stored.
    const { sheets, display } = await readWorkbookAsync(xlsx, fileName, { display: true });
    return new MemoryWorkbook(fileName, xlsx, sheets, display);
  }

  /** Every sheet, as `readWorkbook` reads the current bytes. */
  sheets(): ReadSheet[] {
    return this.read;
  }

  infos(): MemorySheetInfo[] {
    return this.read.map((sheet) => ({ name: sheet.name, hidden: sheet.hidden === true }));
  }

  /** The workbook as .xlsx bytes now (a copy). */
  bytes(): Uint8Array {
    return this.current.slice();
  }

  /**
   * Writes the grids (a grid whose name exists replaces that sheet; new sheets go last) and deletes
   * `removeSheets`; returns the sheets afterwards. Throws before changing anything when it cannot.
   */
  write(grids: readonly SheetGrid[], removeSheets: readonly string[] = []): MemorySheetInfo[] {
    const next = writeWorkbook(this.current, grids, { removeSheets });
    const replaced = (name: string) => [...removeSheets, ...grids.map((grid) => grid.name)].some((other) => sameSheetName(other, name));
    this.current = next;
    // What a fresh read would give, without parsing the workbook again: the sheets kept, then the grids.
    this.read = [...this.read.filter((sheet) => !replaced(sheet.name)), ...grids.map(gridAsRead)];
    for (const name of [...this.sources.keys()]) if (replaced(name)) this.sources.delete(name);
    for (const grid of grids) this.sources.set(grid.name, { kind: 'whole', preview: gridToPreview(grid) });
    return this.infos();
  }

  /** The size, merges and column widths of a sheet's preview; null when there is no such sheet. */
  frame(name: string): PreviewFrame | null {
    const source = this.source(name);
    if (source === null) return null;
    if (source.kind === 'whole') {
      const { preview } = source;
      return { name: preview.name, rowCount: preview.rows.length, colCount: preview.colCount, merges: preview.merges, colWidths: preview.colWidths };
    }
    const { sheet, display } = source;
    const merges = display.merges.filter((merge) => merge.col < maxPreviewCols).map((merge) => ({ ...merge, lastCol: Math.min(merge.lastCol, maxPreviewCols - 1) }));
    const width = Math.min(sheet.columnCount ?? sheet.rows[0]?.length ?? 0, maxPreviewCols);
    return {
      name: sheet.name,
      rowCount: sheet.rows.length === 0 ? 0 : (sheet.firstRow ?? 1) + sheet.rows.length - 1,
      colCount: merges.reduce((count, merge) => Math.max(count, merge.lastCol + 1), width),
      merges,
      colWidths: display.colWidths.slice(0, maxPreviewCols),
    };
  }

  /** Preview rows `first` (1-based) to `first + count - 1` of a sheet, clipped to the sheet; [] when there is no such sheet. */
  rows(name: string, first: number, count: number): PreviewRows {
    const source = this.source(name);
    if (source === null) return [];
    if (source.kind === 'whole') return source.preview.rows.slice(Math.max(0, first - 1), Math.max(0, first - 1 + count));
    const { sheet, display, cellFormats } = source;
    const firstRow = sheet.firstRow ?? 1;
    const last = Math.min(firstRow + sheet.rows.length - 1, first + count - 1);
    const out: (PreviewCell | null)[][] = [];
    for (let row = Math.max(1, first); row <= last; row++) {
      const values = sheet.rows[row - firstRow];
      if (values === undefined) {
        out.push([]);
        continue;
      }
      const styles = display.styles[row - firstRow];
      const end = Math.min(values.length, maxPreviewCols);
      const cells: (PreviewCell | null)[] = [];
      for (let col = 0; col < end; col++) cells.push(previewOfValue(values[col], cellFormats[styles?.[col] ?? 0] ?? 0));
      out.push(cells);
    }
    return out;
  }

  /** The preview source of a sheet (found case-insensitively); a sheet the fast reader did not read is shown through SheetJS. */
  private source(name: string): PreviewSource | null {
    const sheet = this.read.find((candidate) => sameSheetName(candidate.name, name));
    if (sheet === undefined) return null;
    let source = this.sources.get(sheet.name);
    if (source === undefined) {
      const preview = readSheetPreview(this.current, sheet.name);
      if (preview === null) return null;
      source = { kind: 'whole', preview };
      this.sources.set(sheet.name, source);
    }
    return source;
  }
}

/** A channel to a workbook in the same thread (answers asynchronously, as a worker would). */
export function localChannel(workbook: MemoryWorkbook): MemoryWorkbookChannel {
  return {
    write: async (grids, removeSheets) => workbook.write(grids, removeSheets),
    sheets: async () => workbook.sheets(),
    bytes: async () => workbook.bytes(),
    frame: async (name) => workbook.frame(name),
    rows: async (name, first, count) => workbook.rows(name, first, count),
  };
}

/** A memory host over a workbook held in this thread (tests, tools); the caller's bytes are not modified. */
export async function openMemoryHost(bytes: Uint8Array, fileName: string): Promise<MemoryHost> {
  const workbook = await MemoryWorkbook.open(bytes.slice(), fileName);
  return createMemoryHost(localChannel(workbook), { fileName, sheets: workbook.infos() });
}

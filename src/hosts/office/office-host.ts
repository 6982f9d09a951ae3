/**
 * Office.js-backed host: reads worksheets from, and writes report grids into, the open workbook.
 *
 * Guarantees:
 * - Reads never change the workbook. Each sheet's used range (values only) is read in chunks of
 *   rows bounded by `maxCellsPerRead` and by `maxPayloadBytes` (estimated from a first sample of
 *   rows; a chunk that still hits Excel's payload limit is read again in halves).
 * - Writes are all or nothing as far as Excel allows: every grid goes to a new temporary sheet
 *   (`~tmpN`) first; only when all are written are the sheets they replace (and `removeSheets`)
 *   deleted and the temporary sheets renamed, in one final batch. A failure before that deletes the
 *   temporary sheets and leaves everything else untouched. A sheet that is not being replaced or
 *   removed is never written to.
 * - The number of `sync()` calls does not grow with a sheet's rows: 1 to list the sheets, 1 per
 *   sheet written (more only when a sheet's values alone exceed the payload budget), 2 to swap.
 * - Features newer than ExcelApi 1.7 (page setup, paused screen updating, multi-area selection)
 *   are used only when `apiSupport` says so, and are skipped otherwise.
 * The look of each cell role is the file host's (`lookOf`), so both hosts write the same report.
 */
import { tooLargeForPane, type CellValue, type GridCell, type RawSheet, type SheetGrid } from '../../core/index.ts';
import { checkChart } from '../file/chart-xml.ts';
import { checkMerges, columnName } from '../file/sheet-xml.ts';
import { lookOf, REPORT_FONT } from '../file/styles.ts';
import { checkSheetName } from '../sheet-name.ts';
import type { HostProgress, WorkbookHost, WriteSheetsOptions } from '../workbook-host.ts';
import type { ApiSupport, ContextLike, RangeFormatLike, RangeLike, RunBatch, WorksheetLike } from './excel-like.ts';

/** Options of createOfficeHost. */
/** The tallest row Excel allows, in points. */
const MAX_ROW_HEIGHT_POINTS = 409;

export interface OfficeHostOptions {
  /** `Office.context.requirements.isSetSupported`; without it only ExcelApi 1.7 is assumed. */
  readonly apiSupport?: ApiSupport;
  /** Cells per read request; Excel refuses reads of 5,000,000 cells or more. */
  readonly maxCellsPerRead?: number;
  /** Bytes per request or response; Excel on the web fails above 5 MB. */
  readonly maxPayloadBytes?: number;
}

/** One million cells per read keeps well under Excel's 5,000,000 and bounds the add-in's memory. */
const DEFAULT_MAX_CELLS_PER_READ = 1_000_000;
/** 4 MB leaves a margin under Excel on the web's 5 MB for the request framing we do not see. */
const DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/** The first read of a sheet: enough rows to estimate bytes per row, few enough to be cheap. */
const SAMPLE_ROWS = 100;
/** A used range larger than this many cells is narrowed to the columns and rows the table uses. */
const strayCellBudget = 50_000_000;
/** Rows read across the whole used width to find the table's columns. */
const strayProbeRows = 30;

/** A sheet's used range as listed, and, when it was narrowed, what was left out. */
interface ListedSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly row: number;
  readonly col: number;
  rowCount: number;
  columnCount: number;
  clipped?: { readonly usedRange: string; readonly read: string };
}
const SAMPLE_CELLS = 20_000;
/** Later rows may hold longer text than the sample; aim below the budget by this factor. */
const PAYLOAD_SAFETY = 1.5;
/** What one queued formatting command weighs in a request (object path, property, value). */
const BYTES_PER_COMMAND = 160;
/** The header fill of the file host's styles (FFDDEBF7), as office.js spells colours. */
const HEADER_FILL = '#DDEBF7';
/** Pixels of the widest digit of the Normal font (等线 / Calibri 11 pt at 96 dpi): Excel's width unit. */
const MAX_DIGIT_WIDTH_PX = 7;
const MAX_CELL_TEXT = 32_767;
const MAX_ROWS = 1_048_576;
const TEMP_PREFIX = '~tmp';

type Look = ReturnType<typeof lookOf>;

/** A rectangle of cells, 0-based. */
interface Rect {
  readonly row: number;
  readonly col: number;
  rowCount: number;
  readonly columnCount: number;
}

/** What writing one grid takes, worked out before Excel is touched. */
interface SheetPlan {
  readonly grid: SheetGrid;
  /** Rectangular, padded with '' (Excel rejects ragged arrays); empty when the grid is. */
  readonly values: (string | number)[][];
  /** Same shape as values; null when every cell is General. */
  readonly numberFormats: string[][] | null;
  /** Formatting commands over rectangles of cells that look alike. */
  readonly styles: readonly StyleRun[];
}

interface StyleRun {
  readonly address: string;
  readonly rect: Rect;
  readonly apply: (format: RangeFormatLike, rect: Rect) => void;
}

/** An aspect of a look that is set separately, so that cells sharing it form large rectangles. */
interface StyleLayer {
  /** Equal keys format alike; null means nothing to set (Excel's default). */
  key(look: Look): string | null;
  apply(format: RangeFormatLike, look: Look, rect: Rect): void;
}

const STYLE_LAYERS: readonly StyleLayer[] = [
  {
    key: (look) => (look.reportFont ? `font:${look.bold}:${look.size}` : null),
    apply: (format, look) => {
      format.font.name = REPORT_FONT;
      format.font.size = look.size;
      if (look.bold) format.font.bold = true;
    },
  },
  {
    key: (look) => (look.fill ? 'fill' : null),
    apply: (format) => { format.fill.color = HEADER_FILL; },
  },
  {
    key: (look) => (look.horizontal === undefined && look.vertical === undefined && !look.wrap ? null : `align:${look.horizontal}:${look.vertical}:${look.wrap}`),
    apply: (format, look) => {
      if (look.horizontal !== undefined) format.horizontalAlignment = look.horizontal === 'center' ? 'Center' : 'Left';
      if (look.vertical !== undefined) format.verticalAlignment = look.vertical === 'center' ? 'Center' : 'Top';
      if (look.wrap) format.wrapText = true;
    },
  },
  {
    key: (look) => (look.border ? 'border' : null),
    apply: (format, _look, rect) => {
      const sides = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
      // Inside borders only where the rectangle has insides: Excel has nothing to draw otherwise.
      const inside = [...(rect.rowCount > 1 ? ['InsideHorizontal' as const] : []), ...(rect.columnCount > 1 ? ['InsideVertical' as const] : [])];
      for (const side of [...sides, ...inside]) {
        const border = format.borders.getItem(side);
        border.style = 'Continuous';
        border.weight = 'Thin';
      }
    },
  },
];

function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

function rectAddress(rect: Rect): string {
  const first = a1(rect.row, rect.col);
  return rect.rowCount === 1 && rect.columnCount === 1 ? first : `${first}:${a1(rect.row + rect.rowCount - 1, rect.col + rect.columnCount - 1)}`;
}

function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * Text as a cell value. office.js parses `values` as if typed, so "001", "2021年9月", "TRUE" or
 * "=x" would become numbers, dates, booleans or formulas; a leading apostrophe keeps the text as
 * it is (Excel stores it as a prefix, not in the value). Text that starts with a Han character is
 * never reinterpreted, so most of the report's text goes without one.
 */
function textValue(text: string): string {
  if (text === '' || /^\p{Script=Han}/u.test(text)) return text;
  return `'${text}`;
}

/** Splits the cells into maximal runs per row, then stacks identical runs of consecutive rows. */
function rectanglesOf(rows: number, columns: number, keyAt: (row: number, col: number) => string | null): { rect: Rect; key: string }[] {
  const done: { rect: Rect; key: string }[] = [];
  let open = new Map<string, { rect: Rect; key: string }>();
  for (let r = 0; r < rows; r++) {
    const next = new Map<string, { rect: Rect; key: string }>();
    for (let c = 0; c < columns;) {
      const key = keyAt(r, c);
      if (key === null) { c++; continue; }
      let end = c;
      while (end + 1 < columns && keyAt(r, end + 1) === key) end++;
      const id = `${c}:${end}:${key}`;
      const above = open.get(id);
      if (above !== undefined) {
        above.rect.rowCount += 1;
        next.set(id, above);
        open.delete(id);
      } else {
        next.set(id, { rect: { row: r, col: c, rowCount: 1, columnCount: end - c + 1 }, key });
      }
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((x, y) => x.rect.row - y.rect.row || x.rect.col - y.rect.col);
}

/** Checks a grid and works out its values, number formats and formatting rectangles. */
function planSheet(grid: SheetGrid): SheetPlan {
  checkSheetName(grid.name);
  checkMerges(grid);
  (grid.charts ?? []).forEach((chart, index) => checkChart(grid, chart, index));
  let rows = grid.cells.length;
  let columns = 0;
  for (const row of grid.cells) columns = Math.max(columns, row.length);
  for (const merge of grid.merges) {
    rows = Math.max(rows, merge.lastRow + 1);
    columns = Math.max(columns, merge.lastCol + 1);
  }
  if (rows > MAX_ROWS) throw new Error(`Sheet "${grid.name}" has ${rows} rows; Excel allows ${MAX_ROWS}.`);
  if (columns === 0) rows = 0;

  // Cells under a merge take the look of its top-left cell, so borders run round the whole block.
  const coveredBy = new Map<number, GridCell>();
  for (const merge of grid.merges) {
    const topLeft = grid.cells[merge.row]?.[merge.col];
    if (topLeft === null || topLeft === undefined) continue;
    for (let r = merge.row; r <= merge.lastRow; r++) {
      for (let c = merge.col; c <= merge.lastCol; c++) if (r !== merge.row || c !== merge.col) coveredBy.set(r * columns + c, topLeft);
    }
  }
  const looks: (Look | null)[][] = [];
  const values: (string | number)[][] = [];
  const numberFormats: string[][] = [];
  let anyFormat = false;
  for (let r = 0; r < rows; r++) {
    const source = grid.cells[r] ?? [];
    const lookRow: (Look | null)[] = [];
    const valueRow: (string | number)[] = [];
    const formatRow: string[] = [];
    for (let c = 0; c < columns; c++) {
      const own = source[c] ?? null;
      const styled = own ?? coveredBy.get(r * columns + c) ?? null;
      const look = styled === null ? null : lookOf(styled);
      lookRow.push(look);
      const value = own?.value ?? null;
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
        throw new Error(`Sheet "${grid.name}" cell ${a1(r, c)} holds ${value.length} characters; Excel allows ${MAX_CELL_TEXT}.`);
      }
      valueRow.push(typeof value === 'number' ? (Number.isFinite(value) ? value : '') : typeof value === 'string' ? textValue(value) : '');
      const numFmt = look?.numFmt ?? 'General';
      if (numFmt !== 'General') anyFormat = true;
      formatRow.push(numFmt);
    }
    looks.push(lookRow);
    values.push(valueRow);
    numberFormats.push(formatRow);
  }

  const styles: StyleRun[] = [];
  for (const layer of STYLE_LAYERS) {
    const keyAt = (r: number, c: number): string | null => {
      const look = looks[r][c];
      return look === null ? null : layer.key(look);
    };
    for (const { rect } of rectanglesOf(rows, columns, keyAt)) {
      const look = looks[rect.row][rect.col] as Look;
      styles.push({ address: rectAddress(rect), rect, apply: (format, target) => layer.apply(format, look, target) });
    }
  }
  return { grid, values, numberFormats: anyFormat ? numberFormats : null, styles };
}

/** Excel column width in characters → points, as Excel converts it for the Normal font. */
function widthInPoints(characters: number): number {
  const width = Math.min(characters, 255);
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_WIDTH_PX)) / 256) * MAX_DIGIT_WIDTH_PX);
  return Math.round(pixels * 0.75 * 100) / 100;
}

/**
 * Top-left cell of an address like `Sheet1!C5:F9` or `'My sheet'!C5` (0-based). Excel writes a range
 * of whole rows as `Sheet1!1:1048576` (every column) and of whole columns as `Sheet1!A:XFD`.
 */
function topLeftOf(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const columnOf = (letters: string) => [...letters.toUpperCase()].reduce((col, ch) => col * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(local);
  if (cell) return { row: Number(cell[2]) - 1, col: columnOf(cell[1]) };
  const rows = /^\$?(\d+):\$?\d+$/.exec(local);
  if (rows) return { row: Number(rows[1]) - 1, col: 0 };
  const columns = /^\$?([A-Za-z]{1,3}):\$?[A-Za-z]{1,3}$/.exec(local);
  if (columns) return { row: 0, col: columnOf(columns[1]) };
  throw new Error(`Excel returned an unexpected range address "${address}".`);
}

/** A value read from Excel as the core takes it: '' (an empty cell) becomes null. */
function toCellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

/** Excel's answers to a request or response that is too large. */
function isSizeLimitError(error: unknown): boolean {
  const code = errorCode(error);
  if (['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit'].includes(code)) return true;
  return error instanceof Error && /payload size|exceeded the limit/i.test(error.message);
}

/** Excel compares sheet names without regard to case. */
function sheetKey(name: string): string {
  return name.toUpperCase();
}

/** Creates the host over `run` (`Excel.run` in the add-in). */
export function createOfficeHost(run: RunBatch, options: OfficeHostOptions = {}): WorkbookHost {
  const supports = (version: string): boolean => {
    if (options.apiSupport !== undefined) return options.apiSupport('ExcelApi', version);
    return Number(version.split('.')[1]) <= 7;
  };
  const maxCells = options.maxCellsPerRead ?? DEFAULT_MAX_CELLS_PER_READ;
  const maxBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;

  async function listSheets(): Promise<string[]> {
    return run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      return worksheets.items.map((sheet) => sheet.name);
    });
  }

  async function readChunk(sheetName: string, row: number, col: number, rowCount: number, columnCount: number): Promise<unknown[][]> {
    return run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(row, col, rowCount, columnCount);
      range.load('values');
      await context.sync();
      const values: unknown = range.values;
      if (!Array.isArray(values) || values.length !== rowCount) throw new Error(`Excel returned ${Array.isArray(values) ? values.length : 'no'} rows for ${rowCount} requested from "${sheetName}".`);
      return values as unknown[][];
    });
  }

  async function readSheets(readOptions: { readonly onProgress?: (progress: HostProgress) => void } = {}): Promise<RawSheet[]> {
    let date1904 = false;
    const listing = await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      // DATE(2000,1,1) is 36526 in the 1900 date system and 35064 in the 1904 one (Excel for Mac).
      const epochProbe = context.workbook.functions.date(2000, 1, 1);
      epochProbe.load('value');
      await context.sync();
      date1904 = epochProbe.value === 36526 - 1462;
      const used = worksheets.items.map((sheet) => {
        const range = sheet.getUsedRangeOrNullObject(true);
        range.load('address,rowCount,columnCount');
        return { name: sheet.name, hidden: sheet.visibility !== 'Visible', range };
      });
      await context.sync();
      return used.map(({ name, hidden, range }): ListedSheet => (range.isNullObject
        ? { name, hidden, row: 0, col: 0, rowCount: 0, columnCount: 0 }
        : { name, hidden, ...topLeftOf(range.address), rowCount: range.rowCount, columnCount: range.columnCount }));
    });
    // One stray cell at XFD1048576 makes a used range of 17 billion cells: such a sheet is read over
    // the columns its first rows use (its header and first data), and down to the last row those
    // columns use; the rest is said to be left out, never read into memory.
    const oversize = listing.filter((sheet) => sheet.rowCount * sheet.columnCount > strayCellBudget);
    if (oversize.length > 0) {
      await run(async (context) => {
        const probes = oversize.map((sheet) => {
          const top = context.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(sheet.row, sheet.col, Math.min(sheet.rowCount, strayProbeRows), sheet.columnCount);
          top.load('values');
          return { sheet, top };
        });
        await context.sync();
        const narrowed = probes.map(({ sheet, top }) => {
          const values = Array.isArray(top.values) ? top.values : [];
          let width = 0;
          for (const row of values) if (Array.isArray(row)) for (let col = row.length - 1; col >= width; col--) if (toCellValue(row[col]) !== null) width = col + 1;
          const inner = context.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(sheet.row, sheet.col, sheet.rowCount, Math.max(1, width)).getUsedRangeOrNullObject(true);
          inner.load('address,rowCount');
          return { sheet, inner, width: Math.max(1, width) };
        });
        await context.sync();
        for (const { sheet, inner, width } of narrowed) {
          const usedRange = `${a1(sheet.row, sheet.col)}:${a1(sheet.row + sheet.rowCount - 1, sheet.col + sheet.columnCount - 1)}`;
          const rowCount = inner.isNullObject ? 0 : topLeftOf(inner.address).row - sheet.row + inner.rowCount;
          Object.assign(sheet, { rowCount, columnCount: width, clipped: { usedRange, read: `${a1(sheet.row, sheet.col)}:${a1(sheet.row + Math.max(rowCount, 1) - 1, sheet.col + width - 1)}` } });
        }
      });
    }
    // A period larger than the pane can hold (a large city's year) is said before a row is read.
    const tooLarge = tooLargeForPane(listing.map((sheet) => ({ name: sheet.name, rows: sheet.rowCount, hidden: sheet.hidden })));
    if (tooLarge) throw tooLarge;
    const totalRows = listing.reduce((sum, sheet) => sum + sheet.rowCount, 0);
    let rowsRead = 0;
    const sheets: RawSheet[] = [];
    for (const sheet of listing) {
      const rows: CellValue[][] = [];
      const cellsCap = Math.max(1, Math.floor(maxCells / Math.max(1, sheet.columnCount)));
      let chunkRows = Math.min(cellsCap, SAMPLE_ROWS, Math.max(1, Math.floor(SAMPLE_CELLS / Math.max(1, sheet.columnCount))));
      let estimated = false;
      while (rows.length < sheet.rowCount) {
        const count = Math.min(chunkRows, sheet.rowCount - rows.length);
        let values: unknown[][];
        try {
          values = await readChunk(sheet.name, sheet.row + rows.length, sheet.col, count, sheet.columnCount);
        } catch (error) {
          // The estimate was too low for these rows (long texts further down): read them in halves.
          if (isSizeLimitError(error) && count > 1) {
            chunkRows = Math.ceil(count / 2);
            continue;
          }
          throw error;
        }
        if (!estimated) {
          const bytesPerRow = Math.max(1, jsonBytes(values) / count);
          chunkRows = Math.max(1, Math.min(cellsCap, Math.floor(maxBytes / (bytesPerRow * PAYLOAD_SAFETY))));
          estimated = true;
        }
        for (const source of values) {
          // Pad leading columns so that index 0 is column A, as the core expects.
          const row: CellValue[] = new Array<CellValue>(sheet.col).fill(null);
          for (let c = 0; c < sheet.columnCount; c++) row.push(toCellValue(Array.isArray(source) ? source[c] : undefined));
          rows.push(row);
        }
        rowsRead += count;
        readOptions.onProgress?.({ phase: 'read', fraction: totalRows === 0 ? 1 : rowsRead / totalRows, sheet: sheet.name });
      }
      sheets.push({ name: sheet.name, rows, firstRow: sheet.rowCount === 0 ? 1 : sheet.row + 1, ...(sheet.hidden ? { hidden: true } : {}), ...(date1904 ? { date1904 } : {}), ...(sheet.clipped ? { clipped: sheet.clipped } : {}) });
    }
    return sheets;
  }

  /** Queues one grid onto `sheet`; syncs once at the end, and earlier only when the payload budget requires. */
  async function writePlan(context: ContextLike, sheet: WorksheetLike, plan: SheetPlan): Promise<void> {
    let queued = 0;
    const pause = (): void => {
      if (supports('1.9')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    };
    /** Makes room for `bytes` more in the current request, syncing what is queued when it would overflow. */
    const reserve = async (bytes: number): Promise<void> => {
      if (queued > 0 && queued + bytes > maxBytes) {
        await context.sync();
        queued = 0;
        pause();
      }
      queued += bytes;
    };
    const writeMatrix = async (matrix: readonly (readonly (string | number)[])[], assign: (range: RangeLike, part: (string | number)[][]) => void): Promise<void> => {
      const columns = matrix[0]?.length ?? 0;
      if (matrix.length === 0 || columns === 0) return;
      const total = jsonBytes(matrix);
      // Usually the whole sheet goes in one assignment; only a huge sheet is split by rows.
      const rowsPerPart = total <= maxBytes ? matrix.length : Math.max(1, Math.floor(maxBytes / (total / matrix.length) / PAYLOAD_SAFETY));
      for (let start = 0; start < matrix.length; start += rowsPerPart) {
        const part = matrix.slice(start, start + rowsPerPart).map((row) => [...row]);
        await reserve(rowsPerPart === matrix.length ? total : jsonBytes(part));
        assign(sheet.getRange(rectAddress({ row: start, col: 0, rowCount: part.length, columnCount: columns })), part);
      }
    };

    const { grid } = plan;
    pause();
    await writeMatrix(plan.values, (range, part) => { range.values = part; });
    if (plan.numberFormats !== null) await writeMatrix(plan.numberFormats, (range, part) => { range.numberFormat = part; });
    for (const style of plan.styles) {
      await reserve(BYTES_PER_COMMAND * 12);
      style.apply(sheet.getRange(style.address).format, style.rect);
    }
    for (const merge of grid.merges) {
      if (merge.lastRow === merge.row && merge.lastCol === merge.col) continue;
      await reserve(BYTES_PER_COMMAND);
      sheet.getRange(rectAddress({ row: merge.row, col: merge.col, rowCount: merge.lastRow - merge.row + 1, columnCount: merge.lastCol - merge.col + 1 })).merge(false);
    }
    // Widths go per run of equal columns (`B:D`); office.js takes them in points, not characters.
    for (let c = 0; c < grid.colWidths.length;) {
      const width = grid.colWidths[c];
      let end = c;
      while (end + 1 < grid.colWidths.length && grid.colWidths[end + 1] === width) end++;
      if (Number.isFinite(width) && width > 0) {
        await reserve(BYTES_PER_COMMAND);
        sheet.getRange(`${columnName(c)}:${columnName(end)}`).format.columnWidth = widthInPoints(width);
      }
      c = end + 1;
    }
    // Heights go per run of equal rows (`5:7`), only for the rows whose wrapped text needs them;
    // Excel refuses a row over 409 points (the whole sync fails), so a longer text gets the most it allows.
    const heights = (grid.rowHeights ?? []).map((height) => (typeof height === 'number' ? Math.min(height, MAX_ROW_HEIGHT_POINTS) : height));
    for (let r = 0; r < heights.length;) {
      const height = heights[r];
      let end = r;
      while (end + 1 < heights.length && heights[end + 1] === height) end++;
      if (typeof height === 'number' && height > 0) {
        await reserve(BYTES_PER_COMMAND);
        sheet.getRange(`${r + 1}:${end + 1}`).format.rowHeight = height;
      }
      r = end + 1;
    }
    const frozenRows = Math.max(0, Math.floor(grid.freeze?.rows ?? 0));
    const frozenColumns = Math.max(0, Math.floor(grid.freeze?.cols ?? 0));
    if ((frozenRows > 0 || frozenColumns > 0) && supports('1.7')) {
      await reserve(BYTES_PER_COMMAND);
      if (frozenRows > 0 && frozenColumns > 0) sheet.freezePanes.freezeAt(sheet.getRange(rectAddress({ row: 0, col: 0, rowCount: frozenRows, columnCount: frozenColumns })));
      else if (frozenRows > 0) sheet.freezePanes.freezeRows(frozenRows);
      else sheet.freezePanes.freezeColumns(frozenColumns);
    }
    if (grid.print !== undefined && supports('1.9')) {
      await reserve(BYTES_PER_COMMAND * 3);
      sheet.pageLayout.orientation = grid.print.landscape ? 'Landscape' : 'Portrait';
      sheet.pageLayout.paperSize = 'A4';
      // One page wide, as many tall as needed: 0 pages tall means "automatic", as fitToHeight="0" in the file.
      if (grid.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }
    const chartNames = new Set<string>();
    for (const chart of grid.charts ?? []) {
      await reserve(BYTES_PER_COMMAND * 10);
      const column = (spec: { row: number; col: number; lastRow: number }): RangeLike =>
        sheet.getRange(rectAddress({ row: spec.row, col: spec.col, rowCount: spec.lastRow - spec.row + 1, columnCount: 1 }));
      // seriesBy is explicit: 'Auto' would guess from the range's shape.
      const added = sheet.charts.add(chart.type === 'pie' ? 'Pie' : 'ColumnClustered', column(chart.values), 'Columns');
      // Named after the title so that the clerk finds it in the selection pane; kept unique per sheet.
      let name = chart.title;
      for (let n = 2; chartNames.has(name); n++) name = `${chart.title} (${n})`;
      chartNames.add(name);
      added.name = name;
      added.title.text = chart.title;
      const series = added.series.getItemAt(0);
      series.name = chart.seriesName;
      series.setXAxisValues(column(chart.categories));
      if (chart.labels === 'categoryAndPercent') {
        added.dataLabels.showCategoryName = true;
        added.dataLabels.showPercentage = true;
        added.dataLabels.showValue = false;
        // Slices labelled with their names need no legend (as the file host writes it).
        added.legend.visible = false;
      } else if (chart.labels === 'value') {
        added.dataLabels.showValue = true;
      }
      const { row, col, rows, cols } = chart.anchor;
      added.setPosition(a1(row, col), a1(row + rows - 1, col + cols - 1));
    }
    await context.sync();
  }

  /** Deletes whichever of `tempNames` exist; used after a failure, so its own errors are swallowed. */
  async function discardTemps(tempNames: readonly string[]): Promise<void> {
    if (tempNames.length === 0) return;
    const keys = new Set(tempNames.map(sheetKey));
    try {
      await run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name');
        await context.sync();
        for (const sheet of worksheets.items) if (keys.has(sheetKey(sheet.name))) sheet.delete();
        await context.sync();
      });
    } catch {
      // The original error matters more; a leftover ~tmp sheet is harmless and visibly named.
    }
  }

  /**
   * After a failed swap (a batch is not transactional: commands before the failing one stay done),
   * finishes or undoes each grid on its own so that no sheet is lost and no temporary sheet stays.
   */
  async function repairSwap(pairs: readonly { temp: string; final: string }[]): Promise<void> {
    try {
      await run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name');
        await context.sync();
        const present = new Map(worksheets.items.map((sheet) => [sheetKey(sheet.name), sheet]));
        for (const { temp, final } of pairs) {
          const tempSheet = present.get(sheetKey(temp));
          if (tempSheet === undefined) continue;
          if (present.has(sheetKey(final))) tempSheet.delete();
          else tempSheet.name = final;
        }
        await context.sync();
      });
    } catch {
      // Keep the swap's own error; what is left is named ~tmp and can be deleted by hand.
    }
  }

  async function writeSheets(grids: readonly SheetGrid[], writeOptions: WriteSheetsOptions = {}): Promise<void> {
    const seen = new Set<string>();
    for (const grid of grids) {
      if (seen.has(sheetKey(grid.name))) throw new Error(`Two new sheets are both named "${grid.name}".`);
      seen.add(sheetKey(grid.name));
    }
    const plans = grids.map(planSheet);
    const removeKeys = new Set([...(writeOptions.removeSheets ?? []), ...grids.map((grid) => grid.name)].map(sheetKey));
    if (plans.length === 0 && (writeOptions.removeSheets ?? []).length === 0) return;
    const report = writeOptions.onProgress;
    const steps = plans.length + 1;

    const tempNames: string[] = [];
    try {
      await run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name');
        await context.sync();
        const taken = new Set(worksheets.items.map((sheet) => sheetKey(sheet.name)));
        for (let n = 1; tempNames.length < plans.length; n++) {
          if (!taken.has(sheetKey(`${TEMP_PREFIX}${n}`))) tempNames.push(`${TEMP_PREFIX}${n}`);
        }
        for (const [index, plan] of plans.entries()) {
          report?.({ phase: 'write', fraction: index / steps, sheet: plan.grid.name });
          // Added before anything is written, so a failure leaves only sheets we know to delete.
          const sheet = worksheets.add(tempNames[index]);
          await writePlan(context, sheet, plan);
        }
      });
    } catch (error) {
      await discardTemps(tempNames);
      throw error;
    }

    const pairs = plans.map((plan, index) => ({ temp: tempNames[index], final: plan.grid.name }));
    let swapStarted = false;
    try {
      await run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name');
        await context.sync();
        const present = new Set(worksheets.items.map((sheet) => sheetKey(sheet.name)));
        const missing = tempNames.filter((name) => !present.has(sheetKey(name)));
        if (missing.length > 0) throw new Error(`The temporary sheets ${missing.join(', ')} disappeared while the report was written; nothing was replaced.`);
        const tempKeys = new Set(tempNames.map(sheetKey));
        // Deletions first, so that the renames find their names free.
        for (const sheet of worksheets.items) {
          const key = sheetKey(sheet.name);
          if (removeKeys.has(key) && !tempKeys.has(key)) sheet.delete();
        }
        for (const [index, plan] of plans.entries()) {
          const sheet = worksheets.getItem(tempNames[index]);
          sheet.name = plan.grid.name;
          if (plan.grid.hidden === true) sheet.visibility = 'Hidden';
        }
        swapStarted = true;
        await context.sync();
      });
    } catch (error) {
      if (swapStarted) await repairSwap(pairs);
      else await discardTemps(tempNames);
      throw error;
    }
    report?.({ phase: 'write', fraction: 1 });
  }

  async function showSheet(name: string, select: ((sheet: WorksheetLike) => void) | null): Promise<boolean> {
    return run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('name,visibility');
      await context.sync();
      // Excel cannot show a hidden sheet; the pane's link then reports it as not found.
      if (sheet.isNullObject || sheet.visibility !== 'Visible') return false;
      sheet.activate();
      select?.(sheet);
      await context.sync();
      return true;
    });
  }

  async function selectRows(name: string, rows: readonly number[]): Promise<boolean> {
    const wanted = [...new Set(rows)].filter((row) => Number.isInteger(row) && row >= 1 && row <= MAX_ROWS).sort((x, y) => x - y);
    const areas: string[] = [];
    for (let i = 0; i < wanted.length;) {
      let end = i;
      while (end + 1 < wanted.length && wanted[end + 1] === wanted[end] + 1) end++;
      areas.push(`${wanted[i]}:${wanted[end]}`);
      i = end + 1;
    }
    if (areas.length === 0) return showSheet(name, null);
    return showSheet(name, (sheet) => {
      // Several areas need RangeAreas (ExcelApi 1.9); older Excel shows the first of them.
      if (areas.length > 1 && supports('1.9')) sheet.getRanges(areas.join(',')).select();
      else sheet.getRange(areas[0]).select();
    });
  }

  return {
    kind: 'office',
    listSheets,
    readSheets,
    writeSheets,
    activateSheet: (name) => showSheet(name, null),
    selectRows,
  };
}

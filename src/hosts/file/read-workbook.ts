/**
 * Reads a workbook file (.xlsx, .xls, .csv, and the HTML/TSV "xls" files some systems export) into
 * RawSheets for the core. Pure function over bytes (no fs), so the browser can use it too.
 *
 * Guarantees: every sheet in workbook order; raw values only (numbers stay numbers, date cells stay
 * Excel serial numbers, text stays text, empty cells are null); rows[i][0] is always column A and
 * `firstRow` is the sheet row of rows[0]. Text files are decoded as UTF-8 (with or without BOM),
 * UTF-16 (with BOM) or GB18030 (a superset of GBK), and are parsed without any value guessing, so ids
 * such as `2021090300123` and times such as `2021-09-03 10:22:00` stay text.
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue, RawSheet } from '../../core/model/raw-sheet.ts';
import type { SheetGrid } from '../../core/model/grid.ts';
import { readXlsx, readXlsxAsync, readXlsxSheetNames, type XlsxDisplay } from './fast-xlsx-reader.ts';
import { CsvRows } from './csv-rows.ts';
import { checkReadable, describeReadFailure, isDamagedZipError, sniffFile } from './read-failure.ts';

/** A RawSheet as read from a file, with the sheet's visibility. */
export interface ReadSheet extends RawSheet {
  readonly firstRow: number;
  /**
   * Number formats of the cells that have one (an .xls's dates are numbers shown as dates), keyed by
   * `rowIndex * 16384 + col` (rowIndex into `rows`): so that a copy of the sheet shows them as they
   * were. Only the SheetJS path (.xls) gives them; an .xlsx is copied byte for byte.
   */
  readonly numberFormats?: ReadonlyMap<number, string>;
  /** Columns of the used range, where the rows are not all padded to it (see ScannedSheet). */
  readonly columnCount?: number;
  /** True for sheets hidden (or "very hidden") in the workbook. */
  readonly hidden?: boolean;
}

type Container = 'zip' | 'cfb' | 'text';

/** Error codes as SheetJS stores them for `t: 'e'` cells, shown as Excel shows them. */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!',
  0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

const COMMON_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  cellFormula: false,
  cellStyles: false,
  sheetStubs: false,
};

/**
 * Reads every sheet of a workbook file into raw grids; `fileName` names a text file's only sheet.
 * .xlsx packages go through the fast byte scanner (same values, a quarter of the time and memory on
 * 200,000 rows); anything it cannot read, and .xls/.csv, through SheetJS. A file that cannot be read
 * (password-protected, damaged, not a spreadsheet) is an InputError that says so in the clerk's words.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string, options: { readonly only?: ReadonlySet<string> } = {}): ReadSheet[] {
  checkReadable(bytes, fileName);
  try {
    const sheets = readAnyWorkbook(bytes, fileName, options);
    return options.only ? sheets.filter((sheet) => options.only?.has(sheet.name)) : sheets;
  } catch (error) {
    throw describeReadFailure(bytes, fileName, error);
  }
}

function readAnyWorkbook(bytes: Uint8Array, fileName: string, options: { readonly only?: ReadonlySet<string> }): ReadSheet[] {
  if (isPlainCsv(bytes, fileName)) return [readCsv(bytes, fileName)];
  if (containerOf(bytes) === 'zip') {
    try {
      const read = readXlsx(bytes, options);
      if (read) return read.sheets;
    } catch (error) {
      // A zip whose bytes do not inflate is damaged: SheetJS would not read it better, and on some
      // damage it never returns. Anything else (an .xlsb, a package the scanner does not know): SheetJS.
      if (isDamagedZipError(error)) throw error;
    }
  }
  return readWorkbookWithSheetJs(bytes, fileName);
}

/**
 * Whether a file is a plain text export (.csv or .txt that is not an HTML table saved as text): read by
 * our own splitter (SheetJS's rules for text, `csv-rows.ts`), three times as fast as SheetJS and
 * without its copy of the file as cells. The first 64 KB are enough to tell (the CLI streams such files).
 */
export function isPlainCsv(bytes: Uint8Array, fileName: string): boolean {
  if (!/\.(csv|txt)$/i.test(fileName) || sniffFile(bytes) !== 'text') return false;
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 64)).replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').trimStart();
  return !start.startsWith('<') && !start.startsWith('\0<');
}

/** A plain text export read whole: the rows SheetJS would give (blank rows around them dropped, every row as wide as the widest). */
function readCsv(bytes: Uint8Array, fileName: string): ReadSheet {
  const rows: CellValue[][] = [];
  let firstRow = 1;
  let width = 0;
  const splitter = new CsvRows(fileName, (fields, row) => {
    if (rows.length === 0) firstRow = row;
    let end = fields.length;
    while (end > 0 && (fields[end - 1] === null || fields[end - 1] === undefined)) end--;
    fields.length = end;
    if (end > width) width = end;
    rows.push(fields);
  });
  splitter.push(decodeText(bytes));
  splitter.end();
  for (const row of rows) while (row.length < width) row.push(null);
  return { name: textSheetName(fileName) ?? 'Sheet1', rows, firstRow };
}

/** What `readWorkbookAsync` gives: the sheets, and for an .xlsx the fast reader read, what a preview needs. */
export interface WorkbookRead {
  readonly sheets: ReadSheet[];
  /** Absent when SheetJS read the file (not an .xlsx, or one the fast reader does not handle). */
  readonly display?: XlsxDisplay;
}

/**
 * `readWorkbook` inflating through the platform's stream where it has one (a browser worker's
 * DecompressionStream: native, and the sheet is scanned as it inflates), with the preview's extras
 * when asked. The same sheets as `readWorkbook`.
 */
export async function readWorkbookAsync(bytes: Uint8Array, fileName: string, options: { readonly display?: boolean } = {}): Promise<WorkbookRead> {
  checkReadable(bytes, fileName);
  try {
    if (isPlainCsv(bytes, fileName)) return { sheets: [readCsv(bytes, fileName)] };
    if (containerOf(bytes) === 'zip') {
      try {
        const read = await readXlsxAsync(bytes, options);
        if (read) return read;
      } catch (error) {
        // As in readWorkbook: a damaged zip is refused, anything else goes to SheetJS.
        if (isDamagedZipError(error)) throw error;
      }
    }
    return { sheets: readWorkbookWithSheetJs(bytes, fileName) };
  } catch (error) {
    throw describeReadFailure(bytes, fileName, error);
  }
}

/** The SheetJS path of `readWorkbook`, for every format (tests compare the two on .xlsx). */
export function readWorkbookWithSheetJs(bytes: Uint8Array, fileName: string): ReadSheet[] {
  const workbook = parseWorkbook(bytes, false);
  const hiddenFlags = workbook.Workbook?.Sheets ?? [];
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const names = sheetNames(workbook, bytes, fileName);
  const sheets: ReadSheet[] = [];
  workbook.SheetNames.forEach((sheetName, index) => {
    const sheet = workbook.Sheets[sheetName];
    const hidden = (hiddenFlags[index]?.Hidden ?? 0) !== 0;
    const read = sheetRows(sheet);
    sheets.push({ name: names[index], ...read, ...(hidden ? { hidden } : {}), ...(date1904 ? { date1904 } : {}) });
  });
  return sheets;
}

/** Lists the sheet names of a workbook file without reading its cells. */
export function readSheetNames(bytes: Uint8Array, fileName = ''): string[] {
  if (containerOf(bytes) === 'zip') {
    try {
      // The workbook part lists them: a 30 MB export need not be opened whole (SheetJS would).
      const names = readXlsxSheetNames(bytes);
      if (names) return names;
    } catch {
      // SheetJS decides.
    }
  }
  return sheetNames(parseWorkbook(bytes, true), bytes, fileName);
}

/** Excel names a text file's only sheet after the file (31 characters at most); so do we. */
function sheetNames(workbook: XLSX.WorkBook, bytes: Uint8Array, fileName: string): string[] {
  const names = workbook.SheetNames.slice();
  if (containerOf(bytes) !== 'text' || names.length !== 1) return names;
  const base = textSheetName(fileName);
  return base === null ? names : [base];
}

/** A text file's only sheet is named after the file, without folder and extension (31 characters at most); null for no name. */
function textSheetName(fileName: string): string | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').slice(0, 31);
  return base === '' ? null : base;
}

function parseWorkbook(bytes: Uint8Array, namesOnly: boolean): XLSX.WorkBook {
  const options: XLSX.ParsingOptions = { ...COMMON_OPTIONS, ...(namesOnly ? { bookSheets: true } : {}) };
  if (containerOf(bytes) === 'text') {
    // raw: true keeps every field as text: SheetJS would otherwise turn ids into (rounded) numbers
    // and times into dates. We decode ourselves because SheetJS' ESM build has no GBK code page.
    return XLSX.read(decodeText(bytes), { ...options, type: 'string', raw: true });
  }
  // A fresh view on the same memory: SheetJS attaches its cursor fields (l, read_shift...) to the
  // array it is given, and the caller's array should come back as it went in.
  // cellNF keeps each cell's number format for an .xls: its dates are numbers, shown as dates by it,
  // and the .xls is copied as values (an .xlsx is copied byte for byte, and needs none).
  return XLSX.read(bytes.subarray(0), { ...options, type: 'array', cellNF: containerOf(bytes) === 'cfb' });
}

/**
 * Zip (xlsx), OLE compound file (xls), or text (csv, tsv, and HTML tables saved as .xls). Sniffed
 * from the bytes rather than the extension because Chinese systems often export text as ".xls".
 */
function containerOf(bytes: Uint8Array): Container {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'cfb';
  return 'text';
}

/** A text export's byte-order mark: its encoding and length; null when it has none. */
export function byteOrderMark(bytes: Uint8Array): { readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; readonly length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Decodes a text export: BOM first, then strict UTF-8, else GB18030 (which covers GBK and GB2312).
 * Chinese text in GBK is almost never valid UTF-8, so a decoding failure is a reliable signal.
 */
export function decodeText(bytes: Uint8Array): string {
  const bom = byteOrderMark(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * The used range computed from the cells themselves: the `<dimension>` an exporter writes can be
 * wrong (A1:XFD1048576 is common), so it is not trusted.
 */
function sheetRows(sheet: XLSX.WorkSheet | undefined): { rows: CellValue[][]; firstRow: number; numberFormats?: Map<number, string> } {
  const data = sheet?.['!data'];
  if (data === undefined) return { rows: [], firstRow: 1 };
  let firstRow = -1;
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (row === undefined || row === null) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      if (cellValue(row[c]) !== null) {
        if (firstRow < 0) firstRow = r;
        lastRow = r;
        if (c > lastCol) lastCol = c;
        break;
      }
    }
  }
  if (firstRow < 0) return { rows: [], firstRow: 1 };
  const rows: CellValue[][] = [];
  const numberFormats = new Map<number, string>();
  for (let r = firstRow; r <= lastRow; r++) {
    const row = data[r];
    const out: CellValue[] = new Array<CellValue>(lastCol + 1).fill(null);
    if (row !== undefined && row !== null) {
      const end = Math.min(row.length - 1, lastCol);
      for (let c = 0; c <= end; c++) {
        out[c] = cellValue(row[c]);
        const format = row[c]?.z;
        if (typeof format === 'string' && format !== 'General' && typeof out[c] === 'number') numberFormats.set((r - firstRow) * 16_384 + c, format);
      }
    }
    rows.push(out);
  }
  return { rows, firstRow: firstRow + 1, ...(numberFormats.size ? { numberFormats } : {}) };
}

function cellValue(cell: XLSX.CellObject | undefined | null): CellValue {
  if (cell === undefined || cell === null) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'e':
      return typeof cell.v === 'number' ? (ERROR_TEXT[cell.v] ?? '#ERROR') : null;
    case 'd':
      // Not produced with cellDates: false; kept for safety (read as wall-clock from UTC fields).
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null;
  }
}

/**
 * What `readWorkbook` returns for a sheet that `writeWorkbook` wrote from `grid`, computed from the
 * grid itself: values only (merged-over cells empty, '' as null), the used range from the cells. The
 * memory host uses it so that a write does not make it parse the whole workbook again.
 */
export function gridAsRead(grid: SheetGrid): ReadSheet {
  const values = grid.cells.map((row) => row.map((cell): CellValue => (cell === null || cell.value === null || cell.value === '' ? null : typeof cell.value === 'number' && !Number.isFinite(cell.value) ? null : cell.value)));
  let firstRow = -1;
  let lastRow = -1;
  let lastCol = -1;
  values.forEach((row, index) => {
    for (let col = row.length - 1; col >= 0; col--) {
      if (row[col] !== null) {
        if (firstRow < 0) firstRow = index;
        lastRow = index;
        lastCol = Math.max(lastCol, col);
        break;
      }
    }
  });
  const hidden = grid.hidden === true ? { hidden: true as const } : {};
  if (firstRow < 0) return { name: grid.name, rows: [], firstRow: 1, ...hidden };
  const rows = values.slice(firstRow, lastRow + 1).map((row) => Array.from({ length: lastCol + 1 }, (_, col) => row[col] ?? null));
  return { name: grid.name, rows, firstRow: firstRow + 1, ...hidden };
}

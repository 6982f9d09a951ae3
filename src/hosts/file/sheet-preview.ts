/**
 * What a read-only preview shows of one worksheet: each cell's display text (as Excel would show it,
 * through the cell's number format: a rate 0.98622 with `0.00%` shows `98.62%`, a time serial shows
 * its date), whether it is a number, and the merged blocks. Rows start at sheet row 1 and columns at
 * column A, so `rows[r - 1]` is sheet row r.
 *
 * Two sources: a sheet of an .xlsx (parsed on its own with SheetJS, formats, merges and column widths
 * included) and a report grid the core built (exact: all of these come from the grid). No DOM here.
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue, GridCell, Merge, SheetGrid } from '../../core/index.ts';

/** One non-empty cell of a preview. */
export interface PreviewCell {
  /** Display text, formatted by the cell's number format. */
  readonly text: string;
  /** Numbers are right-aligned in the preview. */
  readonly numeric: boolean;
  /** Titles, headers and totals of generated tables are shown bold. */
  readonly emphasis?: boolean;
}

/** What a preview shows of a sheet before its rows: its size, merged blocks and column widths. */
export interface PreviewFrame {
  readonly name: string;
  /** Rows from sheet row 1 to the last row with a value. */
  readonly rowCount: number;
  /** Width of the used range in columns. */
  readonly colCount: number;
  /** Merged blocks, 0-based and inclusive (row 0 = sheet row 1). */
  readonly merges: readonly Merge[];
  /** Column widths in characters (Excel's unit) by column; 0 or missing = the default width. */
  readonly colWidths: readonly number[];
}

export interface SheetPreview {
  readonly name: string;
  /** Row-major from sheet row 1 and column A; null is an empty cell; rows may be ragged. */
  readonly rows: readonly (readonly (PreviewCell | null)[])[];
  /** Width of the used range in columns. */
  readonly colCount: number;
  /** Merged blocks, 0-based and inclusive (row 0 = sheet row 1). */
  readonly merges: readonly Merge[];
  /** Column widths in characters (Excel's unit) by column; 0 or missing = the default width. */
  readonly colWidths: readonly number[];
}

/** Bounds that keep a wrong `<dimension>` (A1:XFD1048576) from making a huge preview. */
const maxPreviewCols = 256;

/** A cell value as Excel would display it with `numFmt` (a format code or a built-in format's id; General when none). */
export function formatCellValue(value: string | number | boolean | null, numFmt?: string | number): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  try {
    return XLSX.SSF.format(numFmt ?? 'General', value);
  } catch {
    // An exotic format SheetJS cannot apply: the plain number is still the truth.
    return String(value);
  }
}

/** The preview of one value as read from a file (`readWorkbook`), shown through its cell's number format. */
export function previewOfValue(value: CellValue, numFmt?: string | number): PreviewCell | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return { text: value.toISOString(), numeric: false };
  return { text: formatCellValue(value, numFmt), numeric: typeof value === 'number' };
}

const emphasisRoles: ReadonlySet<GridCell['role']> = new Set(['title', 'header', 'total']);

/** The preview of a grid the core built: its values through their number formats, its merges. */
export function gridToPreview(grid: SheetGrid): SheetPreview {
  let colCount = 0;
  const rows = grid.cells.map((row) => {
    colCount = Math.max(colCount, row.length);
    return row.map((cell): PreviewCell | null => {
      if (cell === null || cell.value === null || cell.value === '') return null;
      const emphasis = emphasisRoles.has(cell.role) || cell.bold === true;
      return { text: formatCellValue(cell.value, cell.numFmt), numeric: typeof cell.value === 'number', ...(emphasis ? { emphasis } : {}) };
    });
  });
  for (const merge of grid.merges) colCount = Math.max(colCount, merge.lastCol + 1);
  return { name: grid.name, rows, colCount, merges: grid.merges, colWidths: grid.colWidths };
}

/**
 * The preview of sheet `name` of the .xlsx `bytes`; null when the workbook has no such sheet. Parses
 * only that sheet's cells (SheetJS `sheets` option), with number formats applied.
 */
export function readSheetPreview(bytes: Uint8Array, name: string): SheetPreview | null {
  const workbook = XLSX.read(bytes.subarray(0), {
    type: 'array',
    dense: true,
    sheets: [name],
    cellNF: true,
    cellText: true,
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: true, // for the column widths (!cols); costs no measurable time
  });
  const sheet = workbook.Sheets[name];
  if (sheet === undefined) return null;
  const data = sheet['!data'] ?? [];
  const rows: (PreviewCell | null)[][] = [];
  let colCount = 0;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: (PreviewCell | null)[] = [];
    if (source !== undefined && source !== null) {
      const end = Math.min(source.length, maxPreviewCols);
      for (let c = 0; c < end; c++) {
        const cell = source[c];
        const preview = cell === undefined || cell === null ? null : previewOf(cell);
        row[c] = preview;
        if (preview !== null) colCount = Math.max(colCount, c + 1);
      }
    }
    rows.push(row);
  }
  // Trailing rows with nothing in them are not part of the used range.
  while (rows.length > 0 && !rows[rows.length - 1].some((cell) => cell !== null && cell !== undefined)) rows.pop();
  const merges: Merge[] = (sheet['!merges'] ?? [])
    .filter((range) => range.s.c < maxPreviewCols)
    .map((range) => ({ row: range.s.r, col: range.s.c, lastRow: range.e.r, lastCol: Math.min(range.e.c, maxPreviewCols - 1) }));
  for (const merge of merges) colCount = Math.max(colCount, merge.lastCol + 1);
  const cols = sheet['!cols'] ?? [];
  const colWidths = Array.from({ length: Math.min(cols.length, maxPreviewCols) }, (_, col) => cols[col]?.wch ?? cols[col]?.width ?? 0);
  return { name, rows: rows.map((row) => Array.from(row, (cell) => cell ?? null)), colCount, merges, colWidths };
}

function previewOf(cell: XLSX.CellObject): PreviewCell | null {
  if (cell.v === undefined || cell.v === null || cell.v === '') return null;
  const numeric = cell.t === 'n';
  if (typeof cell.w === 'string') return { text: cell.w, numeric };
  const value = cell.v instanceof Date ? cell.v.toISOString() : cell.v;
  return { text: formatCellValue(value, typeof cell.z === 'string' ? cell.z : undefined), numeric };
}

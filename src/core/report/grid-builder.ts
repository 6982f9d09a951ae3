/**
 * A small builder for report sheets: rows of cells, merges, and column widths computed from content
 * (a CJK character is two width units, as Excel measures it). Used by every table of the report.
 */
import type { GridCell, Merge, SheetGrid } from '../model/grid.ts';
import { changeNumberFormat, rateCellText, rateNumberFormat, type ChangeStyle } from './rate-display.ts';

export const titleCell = (text: string): GridCell => ({ value: text, role: 'title' });
export const headerCell = (text: string): GridCell => ({ value: text, role: 'header' });
export const labelCell = (text: string, total = false): GridCell => ({ value: text, role: total ? 'total' : 'label' });
export const textCell = (text: string): GridCell => ({ value: text, role: 'text' });
export const noteCell = (text: string): GridCell => ({ value: text, role: 'note' });
export const countCell = (value: number | null, total = false): GridCell => ({ value, role: 'int', bold: total || undefined });
/** A rate cell: the number kept, the per-cell display format chosen by the rate rule; empty for no rate. */
export const rateCell = (value: number | null, total = false): GridCell =>
  value === null ? { value: null, role: 'rate', bold: total || undefined } : { value, role: 'rate', numFmt: rateNumberFormat(value), bold: total || undefined };
/** A relative change (增减幅, 环比, 同比): a rate, shown with a sign or with arrows. */
export const changeCell = (value: number | null, style: ChangeStyle, total = false): GridCell =>
  value === null ? { value: null, role: 'rate', bold: total || undefined } : { value, role: 'rate', numFmt: changeNumberFormat(value, style), bold: total || undefined };

/** Display width of a text in Excel's character units (CJK and full-width count two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\uffff]/.test(char) && !/[\uff61-\uff9f]/.test(char) ? 2 : 1;
  return width;
}

function cellText(cell: GridCell): string {
  if (cell.value === null) return '';
  if (cell.role === 'rate' && typeof cell.value === 'number') return rateCellText(cell.value, cell.numFmt);
  return String(cell.value);
}

export class GridBuilder {
  private readonly rows: (GridCell | null)[][] = [];
  private readonly merges: Merge[] = [];

  /**
   * The height each row needs for its wrapped text (header and text cells), from the lines the text
   * takes at its column width (the width of its block where merged across); null for one line.
   * Text in a block merged down several rows is left out: its rows share the space.
   */
  private rowHeightsFor(cells: readonly (readonly (GridCell | null)[])[], colWidths: readonly number[]): (number | null)[] {
    const spanOf = new Map<string, Merge>();
    for (const merge of this.merges) spanOf.set(`${merge.row}:${merge.col}`, merge);
    const covered = new Set<string>();
    for (const merge of this.merges) {
      for (let row = merge.row; row <= merge.lastRow; row++) for (let col = merge.col; col <= merge.lastCol; col++) if (row !== merge.row || col !== merge.col) covered.add(`${row}:${col}`);
    }
    return cells.map((row, rowIndex) => {
      let lines = 1;
      row.forEach((cell, col) => {
        if (!cell || (cell.role !== 'text' && cell.role !== 'header') || typeof cell.value !== 'string' || covered.has(`${rowIndex}:${col}`)) return;
        const merge = spanOf.get(`${rowIndex}:${col}`);
        if (merge && merge.lastRow > merge.row) return;
        const lastCol = merge ? merge.lastCol : col;
        let width = 0;
        for (let c = col; c <= lastCol; c++) width += colWidths[c] ?? 8;
        const usable = Math.max(2, width - 1);
        const needed = cell.value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
        lines = Math.max(lines, needed);
      });
      return lines > 1 ? Math.round((lines * lineHeightPoints + rowPaddingPoints) * 4) / 4 : null;
    });
  }

  /** Appends a row and returns its 0-based index. */
  addRow(cells: readonly (GridCell | null)[]): number {
    this.rows.push([...cells]);
    return this.rows.length - 1;
  }

  /** Appends an empty row. */
  addBlankRow(): number {
    return this.addRow([]);
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** Merges a block (0-based, inclusive); a 1×1 block is ignored. */
  merge(row: number, col: number, lastRow: number, lastCol: number): void {
    if (lastRow > row || lastCol > col) this.merges.push({ row, col, lastRow, lastCol });
  }

  /**
   * The finished sheet. Column widths fit the widest cell of each column, counting wrapped header and
   * text cells at most `wrapWidth` wide; titles and notes (which overflow freely) are not measured.
   */
  toSheet(name: string, options: { freezeRows: number; freezeCols?: number; minWidth?: number; maxWidth?: number; wrapWidth?: number } & Partial<Pick<SheetGrid, 'charts'>>): SheetGrid {
    const minWidth = options.minWidth ?? 8;
    const maxWidth = options.maxWidth ?? 60;
    const wrapWidth = options.wrapWidth ?? 12;
    const mergedAcross = new Set<string>();
    for (const merge of this.merges) {
      if (merge.lastCol > merge.col) for (let row = merge.row; row <= merge.lastRow; row++) mergedAcross.add(`${row}:${merge.col}`);
    }
    const widths: number[] = [];
    this.rows.forEach((row, rowIndex) => {
      row.forEach((cell, col) => {
        if (!cell || cell.role === 'title' || cell.role === 'note' || mergedAcross.has(`${rowIndex}:${col}`)) return;
        let width = displayWidth(cellText(cell)) + 2;
        if (cell.role === 'header') width = Math.min(width, wrapWidth);
        if (cell.role === 'text') width = Math.min(width, maxWidth);
        widths[col] = Math.max(widths[col] ?? minWidth, width);
      });
    });
    const colWidths = Array.from({ length: widths.length }, (_, col) => Math.min(maxWidth, Math.max(minWidth, widths[col] ?? minWidth)));
    // A merged block shows only its top-left value (Excel keeps nothing else); the other cells stay
    // empty but keep their look, so borders run round the whole block.
    const cells = this.rows.map((row) => [...row]);
    for (const merge of this.merges) {
      const look = cells[merge.row]?.[merge.col] ?? null;
      for (let row = merge.row; row <= merge.lastRow; row++) {
        for (let col = merge.col; col <= merge.lastCol; col++) {
          if (row === merge.row && col === merge.col) continue;
          while (cells[row].length <= col) cells[row].push(null);
          cells[row][col] = look && look.role !== 'title' && look.role !== 'note' ? { value: null, role: look.role, bold: look.bold } : null;
        }
      }
    }
    const rowHeights = this.rowHeightsFor(cells, colWidths);
    return {
      name,
      role: 'report',
      cells,
      ...(rowHeights.some((height) => height !== null) ? { rowHeights } : {}),
      merges: this.merges,
      colWidths,
      freeze: { rows: options.freezeRows, cols: options.freezeCols ?? 0 },
      print: { landscape: true, fitToWidth: true },
      charts: options.charts,
    };
  }
}

/** Points per line of 11-point 等线 text, and the padding of a row. */
const lineHeightPoints = 14.25;
const rowPaddingPoints = 3;

const forbiddenSheetNameChars = /[[\]:*?/\\]/g;

/** A valid Excel sheet name: forbidden characters replaced, at most 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(forbiddenSheetNameChars, '_').slice(0, 31);
}

/**
 * The report model as hosts see it: sheets of styled cells, merges, widths and charts.
 * Hosts only move grids; turning statistics into grids (and grids back into settings or history)
 * belongs to the core, so every host writes the same thing by construction.
 */

/** How a cell looks; every host maps each role onto one fixed look (fonts, fill, borders). */
export type CellRole =
  | 'title' // merged title row above a table, bold, larger
  | 'header' // header row of a table: bold, light fill, wrapped, bordered
  | 'label' // a row or column label inside a table (unit, source, 合计): bordered text
  | 'total' // a label or number on a 合计/总计 row: bold, bordered
  | 'text' // free text inside a table (descriptions): bordered, wrapped, left
  | 'int' // a count: bordered integer
  | 'rate' // a rate: bordered, number format from `numFmt`
  | 'note' // a line of text outside any table (summary lines, notes)
  | 'plain'; // an unstyled cell (settings and history sheets)

export type GridValue = string | number | null;

/**
 * Which recorded figure a cell shows: the key under which its value goes into the history sheet
 * (table, row, indicator). A host never writes it; it lets a cell that the clerk corrected be read
 * back as the figure it corrects.
 */
export interface FigureKey {
  readonly table: string;
  readonly row: string;
  readonly indicator: string;
}

export interface GridCell {
  readonly value: GridValue;
  readonly role: GridRoleOrPlain;
  /** Excel number format, for rates (`0%`, `0.0%`, `0.00%`) and times. */
  readonly numFmt?: string;
  /** Bold counts and rates on total rows. */
  readonly bold?: boolean;
  /** The figure of this period the cell shows, when it shows one. */
  readonly figure?: FigureKey;
}
type GridRoleOrPlain = CellRole;

/** A merged block, 0-based and inclusive. */
export interface Merge {
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** A native chart of data that lies on the same sheet (0-based, inclusive ranges). */
export interface ChartSpec {
  readonly type: 'column' | 'pie';
  readonly title: string;
  /** Category labels: one column of cells. */
  readonly categories: { readonly row: number; readonly col: number; readonly lastRow: number };
  /** Values: one column of cells, same rows as the categories. */
  readonly values: { readonly row: number; readonly col: number; readonly lastRow: number };
  /** Series name. */
  readonly seriesName: string;
  /** Top-left cell where the chart is anchored, and its size in cells. */
  readonly anchor: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
  /** Pie: label each slice with its category name and percentage. */
  readonly labels?: 'value' | 'categoryAndPercent';
}

export interface SheetGrid {
  readonly name: string;
  /** What kind of sheet the build wrote; hosts use it to find and replace earlier builds. */
  readonly role: 'report' | 'settings' | 'history' | 'meta';
  /** Row-major cells; rows may be ragged, missing cells are empty. */
  readonly cells: readonly (readonly (GridCell | null)[])[];
  readonly merges: readonly Merge[];
  /** Column widths in characters (Excel's width unit). */
  readonly colWidths: readonly number[];
  /**
   * Row heights in points where a row needs more than one line (wrapped text); null or missing means
   * the default height. Neither Excel nor LibreOffice grows a row that crosses a merged block.
   */
  readonly rowHeights?: readonly (number | null)[];
  /** Rows (and columns) kept in view when scrolling. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** Print setup: A4 landscape fitted to one page wide. */
  readonly print?: { readonly landscape: boolean; readonly fitToWidth: boolean };
  readonly charts?: readonly ChartSpec[];
  /** Hidden sheets hold the build's bookkeeping. */
  readonly hidden?: boolean;
}

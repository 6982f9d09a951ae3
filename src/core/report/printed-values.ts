/**
 * A grid as a reader sees it printed: every merged block shows its value across the block, rates as
 * the brief prints them (98.62%), counts and text as text, empty cells as ''. For the command line's
 * JSON, the browser preview's checks and tests.
 */
import type { SheetGrid } from '../model/grid.ts';
import { rateCellText } from './rate-display.ts';

/** The grid's rows as printed text, merged blocks filled in. */
export function printedRows(grid: SheetGrid): string[][] {
  const rows = grid.cells.map((row) =>
    row.map((cell) => (!cell || cell.value === null ? '' : cell.role === 'rate' && typeof cell.value === 'number' ? rateCellText(cell.value, cell.numFmt) : String(cell.value))),
  );
  for (const merge of grid.merges) {
    for (let row = merge.row; row <= merge.lastRow; row++) {
      for (let col = merge.col; col <= merge.lastCol; col++) {
        while (rows[row].length <= col) rows[row].push('');
        rows[row][col] = rows[merge.row][merge.col];
      }
    }
  }
  return rows;
}

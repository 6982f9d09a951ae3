/**
 * Excel's limit on the text of one cell (32,767 characters). A text the build writes — descriptions
 * joined into one cell, a long cell of a CSV export copied as a raw sheet — is cut to fit, ending
 * in …, rather than making the write fail: every other cell of the report still gets written.
 */
import type { GridCell, SheetGrid } from '../model/grid.ts';

export const maxCellText = 32_767;

/** `text` cut to Excel's limit, ending in … when cut (never in the middle of a surrogate pair). */
export function fitCellText(text: string): string {
  if (text.length <= maxCellText) return text;
  let end = maxCellText - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** The grid with every over-long text cut to fit, and how many cells were cut (the same grid when none). */
export function fitGridTexts(grid: SheetGrid): { grid: SheetGrid; cut: { row: number; col: number }[] } {
  const cut: { row: number; col: number }[] = [];
  let cells: (readonly (GridCell | null)[])[] | null = null;
  grid.cells.forEach((row, rowIndex) => {
    row.forEach((cell, col) => {
      if (!cell || typeof cell.value !== 'string' || cell.value.length <= maxCellText) return;
      cells ??= grid.cells.map((original) => original);
      const copy = [...cells[rowIndex]];
      copy[col] = { ...cell, value: fitCellText(cell.value) };
      cells[rowIndex] = copy;
      cut.push({ row: rowIndex, col });
    });
  });
  return { grid: cells ? { ...grid, cells } : grid, cut };
}

/**
 * The last pass over every text cell the build writes. Personal data is masked wherever it stands:
 * a caller's number typed into the unit or sub-type column would otherwise reach a row label, and
 * every unit, source and category name comes from the export. And Excel's limit on the text of one
 * cell (32,767 characters) is kept: a text the build writes (descriptions joined into one cell, a
 * long cell of a CSV export copied as a raw sheet) is cut to fit, ending in …, rather than making
 * the write fail.
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

/**
 * The grid with every text masked by `mask` (when given) and cut to fit, and the cells that were cut;
 * the same grid when nothing changed.
 */
export function fitGridTexts(grid: SheetGrid, mask?: (text: string) => string): { grid: SheetGrid; cut: { row: number; col: number }[] } {
  const cut: { row: number; col: number }[] = [];
  let cells: (readonly (GridCell | null)[])[] | null = null;
  grid.cells.forEach((row, rowIndex) => {
    row.forEach((cell, col) => {
      if (!cell || typeof cell.value !== 'string') return;
      const masked = mask ? mask(cell.value) : cell.value;
      const fitted = fitCellText(masked);
      if (fitted === cell.value) return;
      if (fitted.length < masked.length) cut.push({ row: rowIndex, col });
      cells ??= grid.cells.map((original) => original);
      const copy = [...cells[rowIndex]];
      copy[col] = { ...cell, value: fitted };
      cells[rowIndex] = copy;
    });
  });
  return { grid: cells ? { ...grid, cells } : grid, cut };
}

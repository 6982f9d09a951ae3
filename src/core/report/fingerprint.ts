/**
 * Fingerprints of generated sheets, so that a rebuild can tell whether the clerk edited a sheet since
 * the build wrote it. The fingerprint covers the values as a host reads them back (not formats), so
 * the same function works on the grid written and on the sheet read.
 */
import type { SheetGrid } from '../model/grid.ts';
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import { cellToText } from '../text/normalize.ts';

export const metaSheetName = '_月报元数据';
export const metaHeaders = ['工作表', '期间', '指纹', '统计时点', '生成时间'] as const;

export interface SheetStamp {
  readonly sheet: string;
  readonly period: string;
  readonly fingerprint: string;
  readonly asOf: string;
  readonly builtAt: string;
}

function canonicalValue(value: CellValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return cellToText(value);
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  let hash2 = 0x01000193;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    hash = Math.imul(hash ^ code, 0x01000193) >>> 0;
    hash2 = Math.imul(hash2 ^ code, 0x5bd1e995) >>> 0;
  }
  return hash.toString(16).padStart(8, '0') + hash2.toString(16).padStart(8, '0');
}

function fingerprintRows(rows: readonly (readonly CellValue[])[], firstRow: number): string {
  const lines: string[] = [];
  for (let blank = 1; blank < firstRow; blank++) lines.push('');
  for (const row of rows) {
    const cells = row.map(canonicalValue);
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    lines.push(cells.join('\t'));
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return fnv1a(lines.join('\n'));
}

/** Fingerprint of a grid about to be written. */
export function fingerprintGrid(grid: SheetGrid): string {
  return fingerprintRows(
    grid.cells.map((row) => row.map((cell) => (cell ? cell.value : null))),
    1,
  );
}

/** Fingerprint of a sheet as read back from a workbook. */
export function fingerprintSheet(sheet: RawSheet): string {
  return fingerprintRows(sheet.rows, sheet.firstRow ?? 1);
}

/** Reads the stamps of the meta sheet (unreadable rows are skipped: the meta sheet is the build's own). */
export function readStamps(sheet: RawSheet): SheetStamp[] {
  return sheet.rows
    .slice(1)
    .map((row) => row.map((cell) => cellToText(cell)))
    .filter((cells) => cells[0] && cells[2])
    .map(([sheetName, period, fingerprint, asOf, builtAt]) => ({ sheet: sheetName, period: period ?? '', fingerprint, asOf: asOf ?? '', builtAt: builtAt ?? '' }));
}

/** The hidden meta sheet holding every generated sheet's stamp. */
export function stampsToGrid(stamps: readonly SheetStamp[]): SheetGrid {
  return {
    name: metaSheetName,
    role: 'meta',
    hidden: true,
    cells: [
      metaHeaders.map((text) => ({ value: text, role: 'plain' as const })),
      ...stamps.map((stamp) => [stamp.sheet, stamp.period, stamp.fingerprint, stamp.asOf, stamp.builtAt].map((value) => ({ value, role: 'plain' as const }))),
    ],
    merges: [],
    colWidths: [28, 10, 20, 18, 20],
  };
}

/**
 * The layout store: what a build wrote on each report sheet, kept in a hidden sheet of its own
 * (`_月报版式`), so that the sheets can later be read back as they are now, hand edits included:
 * the look of every cell (its role), the merges, the charts, and where each keyed figure (the
 * history key of GridCell.figure) was written, with the value written there.
 *
 * Hosts write values only, so a read gives back values and nothing else. The store lets a reader
 * map the sheet as it is now onto the sheet as it was written, robust to the clerk inserting (or
 * deleting) rows: every written row is stored with a signature of its text (its labels, never its
 * numbers), and a read aligns the written rows with the current rows by the longest common
 * subsequence of signatures. So an inserted row is a row that matches nothing, a row whose numbers
 * the clerk corrected still matches, and a row whose label the clerk rewrote is matched by position
 * between the rows that do match. Columns are aligned the same way on the first header row.
 *
 * Why not absolute cell addresses: a clerk who inserts a row above a table would shift every
 * address; why not the row labels alone: 合计 appears under several units, and labels in merged
 * blocks read back empty. The order of signatures tells 市政工程处's 合计 from 市环卫处's.
 */
import type { ChartSpec, FigureKey, GridCell, Merge, SheetGrid } from '../model/grid.ts';
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import { cellToText } from '../text/normalize.ts';
import { parseFigure } from './history.ts';

export const layoutSheetName = '_月报版式';
const headers = ['工作表', '期间', '类型', '行', '列', '值1', '值2', '值3', '值4'] as const;

const kind = { row: '行', header: '表头', merge: '合并', widths: '列宽', chart: '图表', figure: '数值' } as const;

/** One-letter codes of the cell roles, so that a row's look fits in one cell. */
const roleCodes: Readonly<Record<GridCell['role'], string>> = { title: 't', header: 'h', label: 'l', total: 'T', text: 'x', int: 'i', rate: 'r', note: 'n', plain: 'p' };
const codeRoles = new Map(Object.entries(roleCodes).map(([role, code]) => [code, role as GridCell['role']]));
const boldCodes: Readonly<Partial<Record<GridCell['role'], string>>> = { int: 'I', rate: 'R' };
for (const [role, code] of Object.entries(boldCodes)) codeRoles.set(code, role as GridCell['role']);

/** A keyed figure as written. */
export interface StoredFigure {
  /** 0-based row and column in the written grid. */
  readonly row: number;
  readonly col: number;
  readonly key: FigureKey;
  readonly written: number | null;
}

/** A stored cell look: role, bold. */
export interface StoredLook {
  readonly role: GridCell['role'];
  readonly bold: boolean;
}

/** What the store knows of one written sheet. */
export interface StoredLayout {
  readonly sheet: string;
  readonly period: string;
  /** Per written row: the look of each cell (null: no cell), its text signature and an optional tag. */
  readonly rows: readonly { readonly looks: readonly (StoredLook | null)[]; readonly signature: string; readonly tag: string }[];
  /** Texts of header rows, by written row (for aligning columns). */
  readonly headerTexts: ReadonlyMap<number, readonly string[]>;
  readonly merges: readonly Merge[];
  readonly colWidths: readonly number[];
  readonly charts: readonly ChartSpec[];
  readonly figures: readonly StoredFigure[];
}

/** Tags a build may put on rows (e.g. which paragraphs of 具体分析 were drafted): row index → tag. */
export type RowTags = ReadonlyMap<number, string>;

function fnv(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(36);
}

/**
 * The signature of a row: its text cells, never its numbers (a corrected figure keeps its row), in
 * order. Text that reads as a figure (`98.5%`, `1,234`) counts as a number: a clerk may type one.
 */
export function rowSignature(values: readonly CellValue[]): string {
  const texts: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = cellToText(value);
    if (text !== '' && parseFigure(text) === null) texts.push(text);
  }
  return texts.length ? fnv(texts.join('\t')) : '';
}

function gridValues(grid: SheetGrid): CellValue[][] {
  return grid.cells.map((row) => row.map((cell) => (cell === null || cell.value === '' ? null : cell.value)));
}

function looksCode(row: readonly (GridCell | null)[]): string {
  return row.map((cell) => (cell === null ? '.' : cell.bold && boldCodes[cell.role] ? (boldCodes[cell.role] as string) : roleCodes[cell.role])).join('');
}

type StoreRow = readonly (string | number | null)[];

/** The store's rows for one written grid. */
function recordsOf(grid: SheetGrid, period: string, tags: RowTags | undefined): StoreRow[] {
  const rows: StoreRow[] = [];
  const values = gridValues(grid);
  grid.cells.forEach((row, index) => {
    rows.push([grid.name, period, kind.row, index + 1, null, looksCode(row), rowSignature(values[index]), tags?.get(index) ?? null, null]);
    if (row.some((cell) => cell?.role === 'header')) rows.push([grid.name, period, kind.header, index + 1, null, JSON.stringify(values[index].map((value) => cellToText(value))), null, null, null]);
  });
  for (const merge of grid.merges) rows.push([grid.name, period, kind.merge, merge.row + 1, merge.col + 1, merge.lastRow + 1, merge.lastCol + 1, null, null]);
  rows.push([grid.name, period, kind.widths, null, null, grid.colWidths.join(','), null, null, null]);
  for (const chart of grid.charts ?? []) rows.push([grid.name, period, kind.chart, null, null, JSON.stringify(chart), null, null, null]);
  grid.cells.forEach((row, index) =>
    row.forEach((cell, col) => {
      if (cell?.figure) rows.push([grid.name, period, kind.figure, index + 1, col + 1, cell.figure.table, cell.figure.row, cell.figure.indicator, typeof cell.value === 'number' ? cell.value : null]);
    }),
  );
  return rows;
}

function storeGrid(rows: readonly StoreRow[]): SheetGrid {
  return {
    name: layoutSheetName,
    role: 'meta',
    hidden: true,
    cells: [headers.map((text) => ({ value: text, role: 'plain' as const })), ...rows.map((row) => row.map((value) => ({ value, role: 'plain' as const })))],
    merges: [],
    colWidths: [28, 10, 6, 6, 6, 40, 20, 16, 12],
  };
}

function readStoreRows(sheet: RawSheet): CellValue[][] {
  const rows = sheet.rows.map((row) => [...row]);
  const headerIndex = rows.findIndex((row) => cellToText(row[0]) === headers[0] && cellToText(row[2]) === headers[2]);
  return headerIndex < 0 ? [] : rows.slice(headerIndex + 1).filter((row) => cellToText(row[0]) !== '');
}

const int = (value: CellValue): number => {
  const number = typeof value === 'number' ? value : Number(cellToText(value));
  return Number.isInteger(number) ? number : -1;
};

/** Reads the store: the layout of every sheet it holds, by sheet name. Rows it cannot read are skipped (the store is the build's own). */
export function readLayoutStore(sheet: RawSheet | undefined): Map<string, StoredLayout> {
  const layouts = new Map<string, { period: string; rows: StoredLayout['rows'][number][]; headerTexts: Map<number, string[]>; merges: Merge[]; colWidths: number[]; charts: ChartSpec[]; figures: StoredFigure[] }>();
  if (!sheet) return new Map();
  for (const row of readStoreRows(sheet)) {
    const name = cellToText(row[0]);
    let layout = layouts.get(name);
    if (!layout) {
      layout = { period: cellToText(row[1]), rows: [], headerTexts: new Map(), merges: [], colWidths: [], charts: [], figures: [] };
      layouts.set(name, layout);
    }
    const type = cellToText(row[2]);
    const rowNumber = int(row[3]);
    try {
      if (type === kind.row && rowNumber >= 1) {
        const looks = [...cellToText(row[5])].map((code) => (code === '.' ? null : { role: codeRoles.get(code) ?? 'plain', bold: code === 'I' || code === 'R' }));
        layout.rows[rowNumber - 1] = { looks, signature: cellToText(row[6]), tag: cellToText(row[7]) };
      } else if (type === kind.header && rowNumber >= 1) {
        const texts: unknown = JSON.parse(cellToText(row[5]));
        if (Array.isArray(texts)) layout.headerTexts.set(rowNumber - 1, texts.map((text) => String(text)));
      } else if (type === kind.merge) {
        const [first, col, last, lastCol] = [row[3], row[4], row[5], row[6]].map(int);
        if (Math.min(first, col, last, lastCol) >= 1) layout.merges.push({ row: first - 1, col: col - 1, lastRow: last - 1, lastCol: lastCol - 1 });
      } else if (type === kind.widths) {
        layout.colWidths = cellToText(row[5]).split(',').map(Number).filter(Number.isFinite);
      } else if (type === kind.chart) {
        layout.charts.push(JSON.parse(cellToText(row[5])) as ChartSpec);
      } else if (type === kind.figure && rowNumber >= 1 && int(row[4]) >= 1) {
        layout.figures.push({ row: rowNumber - 1, col: int(row[4]) - 1, key: { table: cellToText(row[5]), row: cellToText(row[6]), indicator: cellToText(row[7]) }, written: parseFigure(row[8]) });
      }
    } catch {
      // A damaged chart or header record: that record is left out, the rest still serve.
    }
  }
  const result = new Map<string, StoredLayout>();
  for (const [name, layout] of layouts) {
    const rows = Array.from({ length: layout.rows.length }, (_, index) => layout.rows[index] ?? { looks: [], signature: '', tag: '' });
    result.set(name, { sheet: name, ...layout, rows });
  }
  return result;
}

/**
 * The store after a build: the layouts of the sheets it writes (with their row tags), and the
 * layouts of earlier builds' sheets that still exist in the workbook.
 */
export function updateLayoutStore(sheets: readonly RawSheet[], written: readonly SheetGrid[], period: string, tags: ReadonlyMap<string, RowTags> = new Map()): SheetGrid {
  const existing = sheets.find((sheet) => sheet.name === layoutSheetName);
  const names = new Set(sheets.map((sheet) => sheet.name));
  const rewritten = new Set(written.map((grid) => grid.name));
  const kept = existing ? readStoreRows(existing).filter((row) => !rewritten.has(cellToText(row[0])) && names.has(cellToText(row[0]))) : [];
  const keptRows: StoreRow[] = kept.map((row) => row.slice(0, headers.length).map((value) => (value === undefined || value === null ? null : typeof value === 'number' ? value : cellToText(value))));
  return storeGrid([...keptRows, ...written.flatMap((grid) => recordsOf(grid, period, tags.get(grid.name)))]);
}

// ---------------------------------------------------------------------------------------------
// Reading a sheet back through its stored layout.

/** A keyed figure as it is now. */
export interface FigureNow {
  readonly key: FigureKey;
  /** The value in the sheet now (null: empty or not a number). */
  readonly value: number | null;
  readonly written: number | null;
  /** Whether the clerk changed it since the build wrote it. */
  readonly edited: boolean;
  /** 0-based row and column in the sheet now. */
  readonly row: number;
  readonly col: number;
}

export interface ReadBack {
  /** The sheet as it is now, with the looks, merges and charts of the written sheet moved to where its rows are now. */
  readonly grid: SheetGrid;
  readonly figures: readonly FigureNow[];
  /** Keyed figures whose row is no longer in the sheet (deleted, or changed beyond recognition). */
  readonly lost: readonly FigureKey[];
  /** Row tags of the written sheet, by row now. */
  readonly tags: ReadonlyMap<number, string>;
  /** Current row of a written row (0-based both), or undefined when it is gone. */
  readonly rowOf: (writtenRow: number) => number | undefined;
}

/** Pairs of equal items of the two lists, in order (longest common subsequence). */
function commonSubsequence(written: readonly string[], current: readonly string[]): [number, number][] {
  const n = written.length;
  const m = current.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = written[i] === current[j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (written[i] === current[j]) {
      pairs.push([i++, j++]);
    } else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/**
 * Maps written positions to current ones: the common subsequence, then the gaps between matched
 * pairs paired by position where both sides of a gap have the same length (a rewritten label).
 */
function alignSequences(written: readonly string[], current: readonly string[]): Map<number, number> {
  const pairs = commonSubsequence(written, current);
  const map = new Map<number, number>(pairs);
  const anchors: [number, number][] = [[-1, -1], ...pairs, [written.length, current.length]];
  for (let index = 1; index < anchors.length; index++) {
    const [w0, c0] = anchors[index - 1];
    const [w1, c1] = anchors[index];
    if (w1 - w0 === c1 - c0) for (let step = 1; step < w1 - w0; step++) map.set(w0 + step, c0 + step);
  }
  return map;
}

const sameNumber = (left: number | null, right: number | null) => (left === null || right === null ? left === right : Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(left)));

/** Reads a sheet as it is now through the layout the build stored for it. */
export function readBackSheet(sheet: RawSheet, layout: StoredLayout): ReadBack {
  const firstRow = sheet.firstRow ?? 1;
  const values: CellValue[][] = [...Array.from({ length: firstRow - 1 }, () => [] as CellValue[]), ...sheet.rows.map((row) => [...row])];
  const rowMap = alignSequences(
    layout.rows.map((row) => row.signature),
    values.map(rowSignature),
  );
  const rowOf = (writtenRow: number) => rowMap.get(writtenRow);

  // Columns: aligned on the first header row that is still there; other columns keep their offset.
  const colMap = new Map<number, number>();
  for (const [writtenRow, texts] of [...layout.headerTexts].sort(([left], [right]) => left - right)) {
    const now = rowOf(writtenRow);
    if (now === undefined) continue;
    const currentTexts = values[now].map((value) => cellToText(value));
    for (const [from, to] of alignSequences(texts, currentTexts)) if (texts[from] !== '' || currentTexts[to] === '') colMap.set(from, to);
    break;
  }
  const colOf = (col: number): number => {
    for (let from = col; from >= 0; from--) {
      const to = colMap.get(from);
      if (to !== undefined) return to + (col - from);
    }
    return col;
  };

  const currentToWritten = new Map<number, number>();
  for (const [from, to] of rowMap) currentToWritten.set(to, from);
  const width = Math.max(0, ...values.map((row) => row.length), ...layout.rows.map((row) => row.looks.length));
  const tableRoles: ReadonlySet<GridCell['role']> = new Set(['header', 'label', 'total', 'text', 'int', 'rate']);
  let lastLooks: readonly (StoredLook | null)[] = [];
  const tags = new Map<number, string>();
  const cells: (GridCell | null)[][] = values.map((row, index) => {
    const written = currentToWritten.get(index);
    const looks: (StoredLook | null)[] = [];
    if (written !== undefined) {
      layout.rows[written].looks.forEach((look, col) => (looks[colOf(col)] = look));
      if (layout.rows[written].tag) tags.set(index, layout.rows[written].tag);
      lastLooks = looks;
    } else {
      // A row the clerk inserted: inside a table it takes the table's look, elsewhere it is a note.
      const inTable = lastLooks.some((look) => look !== null && tableRoles.has(look.role));
      for (let col = 0; col < Math.max(row.length, inTable ? lastLooks.length : 0); col++) {
        const value = row[col];
        looks[col] = inTable ? { role: typeof value === 'number' ? 'int' : 'label', bold: false } : value === null || value === undefined ? null : { role: 'note', bold: false };
      }
    }
    return Array.from({ length: Math.max(row.length, looks.length) }, (_, col): GridCell | null => {
      const look = looks[col] ?? null;
      const value = row[col];
      const gridValue = value === null || value === undefined ? null : typeof value === 'number' || typeof value === 'string' ? value : cellToText(value);
      if (look === null) return gridValue === null ? null : { value: gridValue, role: 'note' };
      return { value: gridValue, role: look.role, ...(look.bold ? { bold: true } : {}) };
    });
  });

  const merges: Merge[] = [];
  for (const merge of layout.merges) {
    const [row, lastRow] = [rowOf(merge.row), rowOf(merge.lastRow)];
    if (row === undefined || lastRow === undefined || lastRow < row) continue;
    merges.push({ row, col: colOf(merge.col), lastRow, lastCol: colOf(merge.lastCol) });
  }
  const charts: ChartSpec[] = [];
  for (const chart of layout.charts) {
    const [first, last] = [rowOf(chart.categories.row), rowOf(chart.categories.lastRow)];
    if (first === undefined || last === undefined || last < first) continue;
    charts.push({ ...chart, categories: { row: first, col: colOf(chart.categories.col), lastRow: last }, values: { row: first, col: colOf(chart.values.col), lastRow: last } });
  }

  const figures: FigureNow[] = [];
  const lost: FigureKey[] = [];
  for (const figure of layout.figures) {
    const row = rowOf(figure.row);
    if (row === undefined) {
      lost.push(figure.key);
      continue;
    }
    const col = colOf(figure.col);
    const value = parseFigure(values[row]?.[col] ?? null);
    figures.push({ key: figure.key, value, written: figure.written, edited: !sameNumber(value, figure.written), row, col });
  }
  const grid: SheetGrid = { name: sheet.name, role: 'report', cells, merges, colWidths: layout.colWidths.length ? layout.colWidths : Array.from({ length: width }, () => 10), charts };
  return { grid, figures, lost, tags, rowOf };
}

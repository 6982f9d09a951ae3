/**
 * The Word brief's content, composed from the workbook as it is now: title and intro from the
 * settings, 一、数据统计 with every table of the period read back from its sheet (hand edits
 * included) and the sheet's charts drawn from the cells they chart, 二、具体分析 and 三、工作建议 from the
 * 具体分析 sheet as the clerk left it, then the 分送 and 印发 lines. Pure: the caller passes the sheets
 * and the time the brief is made (for the 印发 date when the settings give none).
 *
 * A sheet turns into blocks this way: its title row is a heading (the period in brackets dropped:
 * the brief is all one period); a run of table rows (headers, labels, figures) is a table, with its
 * merges; a line of text before or between tables is a paragraph (1、… a small heading); the notes
 * after the last table (statistics period, where 上期 came from) stay in the workbook.
 */
import type { BriefBlock, BriefCell, BriefChart, BriefDocument, BriefTable } from '../model/brief.ts';
import type { GridCell, SheetGrid } from '../model/grid.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import { analysisHeadings, analysisTableName } from '../report/analysis.ts';
import { parseFigure } from '../report/history.ts';
import { formatRate } from '../report/rate-display.ts';
import { readBackPeriod } from './read-back.ts';

export interface ComposeBriefOptions {
  /** `2021-09`. */
  readonly period: string;
  /** When the brief is made, as wall-clock text (`2021-10-11 09:00`): the 印发 date unless the settings give one. */
  readonly madeAt: string;
}

export interface ComposedBrief {
  readonly document: BriefDocument;
  readonly warnings: readonly BuildWarning[];
  /** How many figures of the tables differ from what the build wrote (hand edits). */
  readonly editedFigures: number;
}

const tableRoles: ReadonlySet<GridCell['role']> = new Set(['header', 'label', 'total', 'text', 'int', 'rate']);
const levelOnePattern = /^[一二三四五六七八九十]+、/;
const levelThreePattern = /^\d+[、.．]/;

function cellText(cell: GridCell | null): string {
  if (!cell || cell.value === null) return '';
  if (cell.role === 'rate' && typeof cell.value === 'number') return formatRate(cell.value);
  if (typeof cell.value === 'number') return Number.isInteger(cell.value) ? String(cell.value) : String(Math.round(cell.value * 100) / 100);
  return cell.value.trim();
}

function kindOf(cell: GridCell): BriefCell['kind'] {
  switch (cell.role) {
    case 'header':
    case 'total':
    case 'text':
    case 'label':
      return cell.role;
    case 'int':
    case 'rate':
      return 'number';
    default:
      return typeof cell.value === 'number' ? 'number' : 'label';
  }
}

function rowKind(row: readonly (GridCell | null)[]): 'table' | 'text' | 'blank' {
  if (row.some((cell) => cell !== null && tableRoles.has(cell.role))) return 'table';
  return row.some((cell) => cellText(cell) !== '') ? 'text' : 'blank';
}

/** The rows first…last of a grid as a brief table, with the merges inside them. */
function tableOf(grid: SheetGrid, first: number, last: number): BriefTable {
  let firstCol = Infinity;
  let lastCol = -1;
  for (let row = first; row <= last; row++) {
    grid.cells[row].forEach((cell, col) => {
      if (cell !== null && tableRoles.has(cell.role)) {
        firstCol = Math.min(firstCol, col);
        lastCol = Math.max(lastCol, col);
      }
    });
  }
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const merge of grid.merges) {
    if (merge.row < first || merge.row > last || merge.col < firstCol || merge.col > lastCol) continue;
    const lastRow = Math.min(merge.lastRow, last);
    const mergeLastCol = Math.min(merge.lastCol, lastCol);
    spans.set(`${merge.row}:${merge.col}`, { rowSpan: lastRow - merge.row + 1, colSpan: mergeLastCol - merge.col + 1 });
    for (let row = merge.row; row <= lastRow; row++) for (let col = merge.col; col <= mergeLastCol; col++) if (row !== merge.row || col !== merge.col) covered.add(`${row}:${col}`);
  }
  const rows: (BriefCell | null)[][] = [];
  for (let row = first; row <= last; row++) {
    const cells: (BriefCell | null)[] = [];
    for (let col = firstCol; col <= lastCol; col++) {
      if (covered.has(`${row}:${col}`)) {
        cells.push(null);
        continue;
      }
      const cell = grid.cells[row][col] ?? null;
      const span = spans.get(`${row}:${col}`) ?? { rowSpan: 1, colSpan: 1 };
      const kind = cell ? kindOf(cell) : 'label';
      cells.push({ text: cellText(cell), kind, bold: kind === 'header' || kind === 'total' || cell?.bold === true, ...span });
    }
    rows.push(cells);
  }
  let headerRows = 0;
  while (headerRows < rows.length - 1 && rows[headerRows].every((cell) => cell === null || cell.kind === 'header')) headerRows++;
  const colWidths = Array.from({ length: lastCol - firstCol + 1 }, (_, index) => grid.colWidths[firstCol + index] ?? 8);
  return { rows, headerRows, colWidths };
}

function chartOf(grid: SheetGrid, chart: NonNullable<SheetGrid['charts']>[number]): BriefChart {
  const categories: string[] = [];
  const values: number[] = [];
  for (let row = chart.categories.row; row <= chart.categories.lastRow; row++) {
    const label = cellText(grid.cells[row]?.[chart.categories.col] ?? null);
    if (label === '') continue;
    categories.push(label);
    values.push(parseFigure(grid.cells[row]?.[chart.values.col]?.value ?? null) ?? 0);
  }
  return { type: chart.type, title: chart.title, seriesName: chart.seriesName, categories, values };
}

function withoutPeriod(title: string, periodLabel: string): string {
  return title.replace(`（${periodLabel}）`, '').replace(`(${periodLabel})`, '').replace(`，${periodLabel}）`, '）').trim();
}

function headingOf(text: string, periodLabel: string): BriefBlock {
  const bare = withoutPeriod(text, periodLabel);
  return { kind: 'heading', level: levelOnePattern.test(bare) ? 1 : 2, text: bare };
}

/** A report sheet's blocks: title heading, tables (with charts after the table they chart), paragraphs between. */
function sheetBlocks(grid: SheetGrid, periodLabel: string): BriefBlock[] {
  const blocks: BriefBlock[] = [];
  const kinds = grid.cells.map(rowKind);
  let lastTableRow = -1;
  kinds.forEach((kind, row) => {
    if (kind === 'table') lastTableRow = row;
  });
  const charts = [...(grid.charts ?? [])];
  let row = 0;
  if (grid.cells[0]?.some((cell) => cell?.role === 'title')) {
    blocks.push(headingOf(cellText(grid.cells[0].find((cell) => cell?.role === 'title') ?? null), periodLabel));
    row = 1;
  }
  while (row < grid.cells.length && row <= lastTableRow) {
    if (kinds[row] === 'table') {
      const first = row;
      while (row + 1 < grid.cells.length && kinds[row + 1] === 'table') row++;
      blocks.push({ kind: 'table', table: tableOf(grid, first, row) });
      for (const chart of charts.filter((candidate) => candidate.categories.row >= first && candidate.categories.row <= row)) blocks.push({ kind: 'chart', chart: chartOf(grid, chart) });
    } else if (kinds[row] === 'text') {
      const text = grid.cells[row].map(cellText).filter(Boolean).join(' ');
      blocks.push(levelThreePattern.test(text) ? { kind: 'heading', level: 3, text } : { kind: 'paragraph', text });
    }
    row++;
  }
  return blocks;
}

/** The 具体分析 sheet's blocks: its headings (二、 三、) and paragraphs, one per cell (a cell's lines are paragraphs too). */
function analysisBlocks(grid: SheetGrid): BriefBlock[] {
  const blocks: BriefBlock[] = [];
  for (const row of grid.cells) {
    const cell = row.find((candidate) => candidate !== null && cellText(candidate) !== '') ?? null;
    if (!cell || cell.role === 'title' || cell.role === 'note') continue;
    for (const line of cellText(cell).split(/\n+/).map((text) => text.trim()).filter(Boolean)) {
      blocks.push(cell.role === 'header' || levelOnePattern.test(line) ? { kind: 'heading', level: 1, text: line } : { kind: 'paragraph', text: line });
    }
  }
  return blocks;
}

function dateText(madeAt: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(madeAt.trim());
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : madeAt;
}

/** Composes the brief of `period` from the workbook's sheets. Throws InputError when the period was never built here. */
export function composeBrief(sheets: readonly RawSheet[], options: ComposeBriefOptions): ComposedBrief {
  const period = readBackPeriod(sheets, options.period);
  const { settings, periodLabel } = period;
  const warnings: BuildWarning[] = [...period.warnings];
  const analysisName = `${periodLabel}-${analysisTableName}`;
  const tables = period.sheets.filter(({ layout }) => layout.sheet !== analysisName);
  const analysis = period.sheets.find(({ layout }) => layout.sheet === analysisName);
  const blocks: BriefBlock[] = [{ kind: 'heading', level: 1, text: '一、数据统计' }, ...tables.flatMap(({ read }) => sheetBlocks(read.grid, periodLabel))];
  if (analysis) blocks.push(...analysisBlocks(analysis.read.grid));
  else {
    warnings.push({ kind: 'readBack', sheet: analysisName, rows: [], message: `没有找到"${analysisName}"表，简报中的${analysisHeadings.analysis}、${analysisHeadings.suggestions}为空。`, action: `重新生成${periodLabel}的月报表即可得到该表的草稿。` });
  }
  const document: BriefDocument = {
    fileName: `${periodLabel}数据分析简报.docx`,
    title: settings.brief.title.split(/\n+/).map((line) => line.trim()).filter(Boolean),
    intro: settings.brief.intro.replace(/\{期间\}/g, periodLabel),
    blocks,
    distribution: settings.brief.distribution,
    issuer: settings.issuer,
    printDate: settings.brief.printDate || dateText(options.madeAt),
  };
  const editedFigures = period.sheets.reduce((sum, { read }) => sum + read.figures.filter((figure) => figure.edited).length, 0);
  return { document, warnings, editedFigures };
}

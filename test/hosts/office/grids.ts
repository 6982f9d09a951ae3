/**
 * Inputs for the Office host tests: a built monthly report, hand-made table grids of any length (with
 * or without charts), and raw sheets put into a FakeExcel as Excel would hold them.
 */
import { buildMonthlyReport, type BuildResult, type GridCell, type RawSheet, type SheetGrid } from '../../../src/core/index.ts';
import { caseSheet, closedCase } from '../../helpers/case-sheet.ts';
import type { FakeExcel, FakeSheetState, FakeValue } from './fake-excel.ts';

/** The monthly report of two small cases sheets' worth of cases, September 2021. */
export function buildSeptemberReport(): { readonly cases: RawSheet; readonly result: BuildResult } {
  const cases = caseSheet([
    closedCase(),
    closedCase({ 处置部门: '市城管执法直属一大队二中队' }),
    closedCase({ 问题来源: '监督员上报', 处置部门: '达川区', 当前阶段: '处置中', 处置完成时间: null, 结案时间: null }),
  ]);
  const result = buildMonthlyReport([cases], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' });
  return { cases, result };
}

/** Puts a raw sheet into the fake as plain values. */
export function addRawSheet(excel: FakeExcel, sheet: RawSheet): FakeSheetState {
  const rows = sheet.rows.map((row) => row.map((value): FakeValue | null => {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) throw new Error('Raw test sheets hold Excel values, not Dates.');
    return value;
  }));
  return excel.addSheet(sheet.name, rows, { firstRow: sheet.firstRow ?? 1 });
}

const cell = (value: GridCell['value'], role: GridCell['role'], extra: Partial<GridCell> = {}): GridCell => ({ value, role, ...extra });

/**
 * A report-like table: title row merged across, header row, `bodyRows` rows of label / count / rate
 * (rates alternate 0% and 0.0% formats), and a bold 合计 row; header frozen, A4 landscape.
 */
export function tableGrid(name: string, bodyRows: number, options: { charts?: SheetGrid['charts'] } = {}): SheetGrid {
  const cells: (GridCell | null)[][] = [
    [cell(`${name}（2021年9月）`, 'title'), null, null],
    [cell('承办单位', 'header'), cell('受理数', 'header'), cell('占比', 'header')],
  ];
  for (let i = 0; i < bodyRows; i++) {
    cells.push([cell(`单位${i + 1}`, 'label'), cell(100 + i, 'int'), cell(i / bodyRows, 'rate', { numFmt: i % 2 === 0 ? '0%' : '0.0%' })]);
  }
  cells.push([cell('合计', 'total'), cell(bodyRows * 100, 'int', { bold: true }), cell(1, 'rate', { numFmt: '0%', bold: true })]);
  return {
    name,
    role: 'report',
    cells,
    merges: [{ row: 0, col: 0, lastRow: 0, lastCol: 2 }],
    colWidths: [16, 10, 8],
    freeze: { rows: 2, cols: 1 },
    print: { landscape: true, fitToWidth: true },
    ...(options.charts === undefined ? {} : { charts: options.charts }),
  };
}

/** A four-row category table with a column chart and a pie chart of it, as the 12345 sheet has. */
export function chartGrid(name: string): SheetGrid {
  const base = tableGrid(name, 4);
  const rows = { row: 2, lastRow: 5 };
  return {
    ...base,
    charts: [
      {
        type: 'column', title: '各承办单位受理数', seriesName: '受理数', labels: 'value',
        categories: { ...rows, col: 0 }, values: { ...rows, col: 1 }, anchor: { row: 2, col: 4, rows: 15, cols: 7 },
      },
      {
        type: 'pie', title: '各类别占比', seriesName: '受理数', labels: 'categoryAndPercent',
        categories: { ...rows, col: 0 }, values: { ...rows, col: 1 }, anchor: { row: 18, col: 4, rows: 15, cols: 7 },
      },
    ],
  };
}

/** A grid's values as Excel should hold them: '' where the grid has no value. */
export function expectedValues(grid: SheetGrid): FakeValue[][] {
  const columns = Math.max(0, ...grid.cells.map((row) => row.length));
  return grid.cells.map((row) => Array.from({ length: columns }, (_, c) => row[c]?.value ?? ''));
}

import assert from 'node:assert/strict';
import { buildMonthlyReport, type GridCell } from '../../src/core/index.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';

describe('figure keys on report cells', () => {
  const result = buildMonthlyReport(
    [caseSheet([closedCase(), closedCase({ 处置部门: '二中队' }), closedCase({ 处置部门: '市政工程处路灯所' })]), orderSheet([order(), order({ 承办单位: '市政工程处' }), order({ 回退次数: 1 })])],
    { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' },
  );
  const keyed: { sheet: string; cell: GridCell }[] = result.reportSheets.flatMap((grid) => grid.cells.flatMap((row) => row.filter((cell): cell is GridCell => cell?.figure !== undefined).map((cell) => ({ sheet: grid.name, cell }))));
  const recorded = new Map(result.history.map((record) => [`${record.table}|${record.row}|${record.indicator}`, record.value]));

  it('names, on every cell that shows a figure of this period, the history record that holds the same value', () => {
    assert.ok(keyed.length > 50, `${keyed.length} keyed cells`);
    for (const { sheet, cell } of keyed) {
      const key = cell.figure as NonNullable<GridCell['figure']>;
      const name = `${key.table}|${key.row}|${key.indicator}`;
      assert.ok(recorded.has(name), `${sheet}: ${name} is recorded`);
      assert.equal(cell.value, recorded.get(name), `${sheet}: ${name}`);
    }
  });

  it('keys the counts and rates of the case tables and the 12345 totals, and never a 上期 cell', () => {
    const units = result.reportSheets.find((grid) => grid.name.endsWith('部门处置'));
    assert.ok(units);
    const header = units.cells[1].map((cell) => (cell ? cell.value : null));
    const previousCols = header.flatMap((text, col) => (typeof text === 'string' && text.startsWith('上期') ? [col] : []));
    assert.ok(previousCols.length > 0);
    for (const row of units.cells.slice(2)) for (const col of previousCols) assert.equal(row[col]?.figure, undefined);
    const tables = new Set(keyed.map(({ cell }) => cell.figure?.table));
    for (const table of ['案件概况', '部门处置', '县区办理', '12345受理']) assert.ok(tables.has(table), table);
    assert.ok(keyed.some(({ cell }) => cell.figure?.table === '12345受理' && cell.figure.row === '总计' && cell.figure.indicator === '回退数' && cell.value === 1));
  });
});

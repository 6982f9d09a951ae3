import assert from 'node:assert/strict';
import { buildMonthlyReport, layoutSheetName, readBackSheet, readLayoutStore, settingsSheetName, type CellValue, type RawSheet, type SheetGrid } from '../../src/core/index.ts';
import { gridAsRead } from '../../src/hosts/file/read-workbook.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';

/** The build's sheets as a host reads them back: values only. */
function asRead(grids: readonly SheetGrid[]): RawSheet[] {
  return grids.map(gridAsRead);
}

/** A sheet read back with its rows changed by `edit` (a copy: the input is untouched). */
function edited(sheet: RawSheet, edit: (rows: CellValue[][]) => void): RawSheet {
  const rows = sheet.rows.map((row) => [...row]);
  edit(rows);
  return { ...sheet, rows };
}

describe('the layout store and reading sheets back', () => {
  const cases = caseSheet([closedCase(), closedCase({ 处置部门: '二中队' }), closedCase({ 处置部门: '市政工程处路灯所' }), closedCase({ 处置部门: '市环卫处（公厕管理所）' })]);
  const result = buildMonthlyReport([cases], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' });
  const sheets = asRead(result.sheetsToWrite);
  const layouts = readLayoutStore(sheets.find((sheet) => sheet.name === layoutSheetName));
  const units = sheets.find((sheet) => sheet.name === '2021年9月-部门处置') as RawSheet;
  const layout = layouts.get(units.name);
  assert.ok(layout);
  const subtotalRows = units.rows.flatMap((row, index) => (row[1] === '合计' ? [index] : []));

  it('stores every report sheet of the build, hidden, and never as an export or a settings sheet', () => {
    const store = result.sheetsToWrite.find((grid) => grid.name === layoutSheetName);
    assert.equal(store?.hidden, true);
    assert.deepEqual([...layouts.keys()], result.reportSheets.map((grid) => grid.name));
    assert.ok(!layouts.has(settingsSheetName));
  });

  it('reads an untouched sheet back with the values, looks and merges written, and no edits', () => {
    const read = readBackSheet(units, layout);
    const grid = result.reportSheets.find((candidate) => candidate.name === units.name) as SheetGrid;
    assert.deepEqual(read.grid.merges, grid.merges);
    assert.ok(read.figures.length > 50);
    assert.equal(read.figures.filter((figure) => figure.edited).length, 0);
    assert.deepEqual(read.lost, []);
    assert.equal(read.grid.cells[1][0]?.role, 'header');
  });

  it('finds a corrected figure under its key after the clerk inserted two rows above the table', () => {
    // 路灯所's 应处置数: find it as written, then move everything down two rows and change it.
    const writtenRow = units.rows.findIndex((row) => row[1] === '路灯所');
    const col = units.rows[1].indexOf('应处置数');
    const changed = edited(units, (rows) => {
      rows[writtenRow][col] = 7;
      rows.splice(1, 0, ['说明：此表经人工核对'], []);
    });
    const read = readBackSheet(changed, layout);
    const figure = read.figures.find((candidate) => candidate.key.row === '市政工程处/路灯所' && candidate.key.indicator === '应处置数');
    assert.deepEqual([figure?.value, figure?.written, figure?.edited, figure?.row], [7, 1, true, writtenRow + 2]);
    assert.equal(read.figures.filter((candidate) => candidate.edited).length, 1);
    assert.equal(read.grid.cells[1][0]?.role, 'note');
    assert.equal(read.grid.cells[3][0]?.role, 'header');
  });

  it('tells one 合计 row from another by their order', () => {
    assert.ok(subtotalRows.length >= 2);
    const col = units.rows[1].indexOf('应处置数');
    const second = subtotalRows[1];
    const read = readBackSheet(
      edited(units, (rows) => {
        rows[second][col] = 99;
        rows.splice(second - 1, 0, [null, '新增说明行']);
      }),
      layout,
    );
    const changed = read.figures.filter((figure) => figure.edited);
    // The units with second levels, in the settings' order: 一大队, 市政工程处, 市环卫处.
    assert.deepEqual(
      changed.map((figure) => [figure.key.row, figure.value]),
      [['市政工程处/合计', 99]],
    );
  });

  it('matches a row whose label the clerk rewrote by its place between matched rows, and reports deleted rows as lost', () => {
    const writtenRow = units.rows.findIndex((row) => row[1] === '二中队');
    const col = units.rows[1].indexOf('处置数');
    const relabelled = readBackSheet(
      edited(units, (rows) => {
        rows[writtenRow][1] = '第二中队';
        rows[writtenRow][col] = 5;
      }),
      layout,
    );
    assert.equal(relabelled.figures.find((figure) => figure.key.row === '市城管执法直属一大队/二中队' && figure.key.indicator === '处置数')?.value, 5);
    const deleted = readBackSheet(
      edited(units, (rows) => rows.splice(writtenRow, 1)),
      layout,
    );
    assert.ok(deleted.lost.some((key) => key.row === '市城管执法直属一大队/二中队'));
    assert.ok(!deleted.figures.some((figure) => figure.edited));
  });

  it('keeps the layouts of earlier periods whose sheets are still in the workbook', () => {
    const october = buildMonthlyReport([caseSheet([closedCase({ 上报时间: '2021-10-03 10:22:00', 受理时间: '2021-10-03 10:30:00', 立案时间: '2021-10-03 10:40:00', 派遣时间: '2021-10-03 10:50:00', 处置完成时间: '2021-10-04 10:00:00', 结案时间: '2021-10-04 11:00:00', 处置截止时间: '2021-10-05 10:00:00' })]), ...sheets], {
      period: '2021-10',
      asOf: '2021-11-08 17:30',
      builtAt: '2021-11-10 09:00',
    });
    const store = readLayoutStore(gridAsRead(october.sheetsToWrite.find((grid) => grid.name === layoutSheetName) as SheetGrid));
    assert.ok(store.has('2021年9月-部门处置') && store.has('2021年10月-部门处置'));
    assert.equal(store.get('2021年9月-部门处置')?.period, '2021-09');
  });
});

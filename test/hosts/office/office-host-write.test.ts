/**
 * Writing through the Office host: a built report lands with its values, looks, merges, frozen
 * header, page setup and charts; the number of syncs does not depend on the rows; sheets are
 * replaced only when every new one was written; raw sheets are never touched; ExcelApi 1.7 still
 * gets everything it can show.
 */
import assert from 'node:assert/strict';
import type { SheetGrid } from '../../../src/core/index.ts';
import { createOfficeHost } from '../../../src/hosts/office/office-host.ts';
import type { WorkbookHost } from '../../../src/hosts/workbook-host.ts';
import { FakeExcel, FakeOfficeError, type FakeSheetState } from './fake-excel.ts';
import { addRawSheet, buildSeptemberReport, chartGrid, expectedValues, tableGrid } from './grids.ts';

function hostOf(excel: FakeExcel): WorkbookHost {
  return createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
}

/** Everything a test could see of a sheet, to prove that it did not change. */
function snapshot(sheet: FakeSheetState): string {
  return JSON.stringify({
    name: sheet.name, visibility: sheet.visibility, cells: [...sheet.cells], merges: sheet.merges, freeze: sheet.freeze,
    widths: [...sheet.columnWidths], layout: sheet.pageLayout, charts: sheet.charts,
  });
}

function noTemporarySheets(excel: FakeExcel): void {
  assert.deepEqual(excel.sheetNames().filter((name) => name.startsWith('~tmp')), []);
}

describe('Office host: writing', () => {
  describe('a built monthly report', () => {
    const { cases, result } = buildSeptemberReport();
    const grids = result.sheetsToWrite;
    const overviewName = '2021年9月-案件概况';
    let excel: FakeExcel;
    let rawBefore: string;

    before(async () => {
      excel = new FakeExcel();
      rawBefore = snapshot(addRawSheet(excel, cases));
      await hostOf(excel).writeSheets(grids);
    });

    it('adds every grid after the raw sheet, in order, with no temporary sheet left', () => {
      assert.deepEqual(excel.sheetNames(), [cases.name, ...grids.map((grid) => grid.name)]);
      noTemporarySheets(excel);
    });

    it('writes each grid\'s values exactly: text stays text, numbers stay numbers', () => {
      for (const grid of grids) {
        const expected = expectedValues(grid);
        const sheet = excel.sheet(grid.name);
        const actual = expected.map((row, r) => row.map((_, c) => sheet.cellAt(r, c).value));
        assert.deepEqual(actual, expected, grid.name);
      }
    });

    it('merges the title across the table and makes it bold and larger, in 等线', () => {
      const sheet = excel.sheet(overviewName);
      assert.deepEqual(sheet.mergeAddresses(), ['A1:L1']);
      const title = sheet.cell('A1');
      assert.equal(title.bold, true);
      assert.equal(title.fontSize, 14);
      assert.equal(title.fontName, '等线');
      assert.equal(title.horizontalAlignment, 'Center');
    });

    it('gives the header bold text on a light fill, wrapped', () => {
      const header = excel.sheet(overviewName).cell('B2');
      assert.equal(header.bold, true);
      assert.equal(header.fillColor, '#DDEBF7');
      assert.equal(header.wrapText, true);
      assert.equal(header.fontName, '等线');
    });

    it('formats counts as integers and each rate with its own number format', () => {
      const sheet = excel.sheet(overviewName);
      const grid = grids.find((g) => g.name === overviewName) as SheetGrid;
      for (const [r, row] of grid.cells.entries()) {
        for (const [c, cell] of row.entries()) {
          if (cell?.role === 'int') assert.equal(sheet.cellAt(r, c).numberFormat, '0');
          if (cell?.role === 'rate') assert.equal(sheet.cellAt(r, c).numberFormat, cell.numFmt ?? '0.00%');
        }
      }
      assert.equal(sheet.cell('G3').numberFormat, '0.00%');
    });

    it('draws thin borders on all four sides of every table cell, and none on the title', () => {
      const sheet = excel.sheet(overviewName);
      const grid = grids.find((g) => g.name === overviewName) as SheetGrid;
      for (const [r, row] of grid.cells.entries()) {
        for (const [c, cell] of row.entries()) {
          if (cell === null || !['header', 'label', 'total', 'int', 'rate', 'text'].includes(cell.role)) continue;
          const borders = sheet.bordersAt(`${String.fromCharCode(65 + c)}${r + 1}`);
          for (const side of ['top', 'bottom', 'left', 'right'] as const) {
            assert.deepEqual(borders[side], { style: 'Continuous', weight: 'Thin' }, `${side} of row ${r + 1} column ${c + 1}`);
          }
        }
      }
      assert.equal(sheet.cell('A1').borders.bottom, null);
    });

    it('makes the 总计 row bold', () => {
      const sheet = excel.sheet(overviewName);
      const grid = grids.find((g) => g.name === overviewName) as SheetGrid;
      const totalRow = grid.cells.findIndex((row) => row[0]?.value === '总计');
      assert.ok(totalRow > 0);
      assert.equal(sheet.cellAt(totalRow, 0).bold, true);
      assert.equal(sheet.cellAt(totalRow, 1).bold, true);
      assert.equal(sheet.cellAt(totalRow - 1, 1).bold, false);
    });

    it('freezes the header and sets A4 landscape, one page wide', () => {
      const sheet = excel.sheet(overviewName);
      assert.deepEqual(sheet.freeze, { rows: 2, columns: 1 });
      assert.deepEqual(sheet.pageLayout, { orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    });

    it('sets column widths in points, converted from the grid\'s characters as Excel converts them', () => {
      const sheet = excel.sheet(overviewName);
      const grid = grids.find((g) => g.name === overviewName) as SheetGrid;
      assert.equal(grid.colWidths[0], 10);
      assert.equal(sheet.columnWidths.get(0), 52.5, '10 characters = 70 px = 52.5 pt');
      assert.equal(grid.colWidths[1], 8);
      assert.equal(sheet.columnWidths.get(1), 42, '8 characters = 56 px = 42 pt');
      assert.equal(sheet.columnWidths.size, grid.colWidths.length);
    });

    it('sets the row heights the grids ask for (wrapped headers), and leaves other rows alone', () => {
      const grid = grids.find((g) => g.name === '2021年9月-部门处置') as SheetGrid;
      const sheet = excel.sheet(grid.name);
      const asked = (grid.rowHeights ?? []).map((height, row) => [row, height]).filter(([, height]) => typeof height === 'number');
      assert.ok(asked.length > 0, 'the header row of 部门处置 wraps');
      for (const [row, height] of asked) assert.equal(sheet.rowHeights.get(row as number), height);
      assert.equal(sheet.rowHeights.size, asked.length);
    });

    it('hides the sheets the grids mark hidden', () => {
      for (const grid of grids) assert.equal(excel.sheet(grid.name).visibility, grid.hidden === true ? 'Hidden' : 'Visible', grid.name);
    });

    it('leaves the raw cases sheet exactly as it was', () => {
      assert.equal(snapshot(excel.sheet(cases.name)), rawBefore);
    });

    it('pauses screen updating while it writes, where ExcelApi 1.9 allows', () => {
      assert.ok(excel.workbook.screenUpdatingPauses >= grids.length);
    });
  });

  describe('row heights', () => {
    it('gives a row whose text needs more than Excel\'s 409 points the 409 Excel allows, instead of failing the write', async () => {
      const excel = new FakeExcel();
      const grid = { ...tableGrid('长文', 3), rowHeights: [null, 1228.5, 31.5] };
      await hostOf(excel).writeSheets([grid]);
      assert.equal(excel.sheet('长文').rowHeights.get(1), 409);
      assert.equal(excel.sheet('长文').rowHeights.get(2), 31.5);
    });
  });

  describe('charts', () => {
    it('adds a column chart and a pie chart over the sheet\'s own cells, series by columns, categories set', async () => {
      const excel = new FakeExcel();
      await hostOf(excel).writeSheets([chartGrid('2021年9月-12345受理')]);
      const [column, pie] = excel.sheet('2021年9月-12345受理').charts;
      const quoted = "'2021年9月-12345受理'";
      assert.equal(column.type, 'ColumnClustered');
      assert.equal(column.seriesBy, 'Columns');
      assert.equal(column.title, '各承办单位受理数');
      assert.equal(column.series.length, 1);
      assert.equal(column.series[0].name, '受理数');
      assert.equal(column.series[0].values.address, `${quoted}!B3:B6`);
      assert.equal(column.series[0].xAxisValues?.address, `${quoted}!A3:A6`);
      assert.equal(pie.series[0].values.address, `${quoted}!B3:B6`);
      assert.equal(pie.series[0].xAxisValues?.address, `${quoted}!A3:A6`);
      assert.equal(column.dataLabels.showValue, true);
      assert.deepEqual(column.position, { start: 'E3', end: 'K17' });
      assert.equal(pie.type, 'Pie');
      assert.equal(pie.seriesBy, 'Columns');
      assert.equal(pie.title, '各类别占比');
      assert.deepEqual(pie.dataLabels, { showCategoryName: true, showPercentage: true, showValue: false });
      assert.equal(pie.legendVisible, false);
      assert.deepEqual(pie.position, { start: 'E19', end: 'K33' });
    });
  });

  describe('sync count', () => {
    it('is the same for a 10-row and a 1,000-row table: one per sheet plus three', async () => {
      const counts: number[] = [];
      const commands: number[] = [];
      for (const rows of [10, 1000]) {
        const excel = new FakeExcel();
        await hostOf(excel).writeSheets([tableGrid('表', rows)]);
        assert.equal(excel.sheet('表').cell(`B${rows + 3}`).value, rows * 100);
        counts.push(excel.syncCount);
        commands.push(excel.syncs[1].operations);
      }
      assert.deepEqual(counts, [4, 4]);
      assert.equal(commands[0], commands[1], 'formats go to rectangles of alike cells, not cell by cell or row by row');
    });

    it('grows by one per sheet written, charts included', async () => {
      const excel = new FakeExcel();
      await hostOf(excel).writeSheets([tableGrid('一', 5), tableGrid('二', 500), chartGrid('三')]);
      assert.equal(excel.syncCount, 3 + 3);
    });

    it('splits only a sheet whose values alone exceed the payload budget', async () => {
      const excel = new FakeExcel();
      const big = tableGrid('大', 20);
      const grid: SheetGrid = { ...big, cells: big.cells.map((row, r) => (r < 2 ? row : [{ value: '长'.repeat(20_000), role: 'text' }, ...row.slice(1)])) };
      await createOfficeHost(excel.run, { apiSupport: excel.apiSupport, maxPayloadBytes: 200_000 }).writeSheets([grid]);
      assert.ok(excel.syncCount > 4);
      assert.ok(excel.syncs.every((sync) => sync.failed === undefined && sync.requestBytes < 300_000));
      assert.equal(excel.sheet('大').cell('A21').value, '长'.repeat(20_000));
    });
  });

  describe('replacing sheets', () => {
    it('replaces a sheet of the same name and deletes removeSheets, keeping other sheets as they were', async () => {
      const excel = new FakeExcel();
      const raw = excel.addSheet('案件列表', [['任务号'], ['T1']]);
      const rawBefore = snapshot(raw);
      excel.addSheet('2021年8月-案件概况', [['old August']]);
      excel.addSheet('表', [['old']]);
      excel.addSheet('旧表', [['stale']]);
      await hostOf(excel).writeSheets([tableGrid('表', 3)], { removeSheets: ['旧表', '不存在'] });
      assert.deepEqual(excel.sheetNames(), ['案件列表', '2021年8月-案件概况', '表']);
      assert.equal(excel.sheet('表').cell('A1').value, '表（2021年9月）');
      assert.equal(excel.sheet('2021年8月-案件概况').cell('A1').value, 'old August');
      assert.equal(snapshot(raw), rawBefore);
      noTemporarySheets(excel);
    });

    it('finds the sheet to replace whatever its letter case', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据');
      excel.addSheet('Report', [['old']]);
      await hostOf(excel).writeSheets([tableGrid('REPORT', 2)]);
      assert.deepEqual(excel.sheetNames(), ['数据', 'REPORT']);
    });

    it('picks temporary names that no sheet has', async () => {
      const excel = new FakeExcel();
      excel.addSheet('~tmp1', [['the clerk\'s own']]);
      await hostOf(excel).writeSheets([tableGrid('表', 2)]);
      assert.deepEqual(excel.sheetNames(), ['~tmp1', '表']);
      assert.equal(excel.sheet('~tmp1').cell('A1').value, 'the clerk\'s own');
    });
  });

  describe('failures', () => {
    function workbookWithOldReport(): { excel: FakeExcel; before: string[] } {
      const excel = new FakeExcel();
      const sheets = [excel.addSheet('案件列表', [['任务号'], ['T1']]), excel.addSheet('一', [['old 一']]), excel.addSheet('二', [['old 二']])];
      return { excel, before: sheets.map(snapshot) };
    }

    it('leaves the old sheets intact and no temporary sheet when a sync fails midway', async () => {
      const { excel, before } = workbookWithOldReport();
      // Sync 1 lists the sheets, 2 writes 一, 3 writes 二: fail 3 after a few of its commands.
      excel.failSync({ sync: 3, afterOperations: 5 });
      await assert.rejects(hostOf(excel).writeSheets([tableGrid('一', 4), tableGrid('二', 4)]), (error: unknown) => error instanceof FakeOfficeError && error.code === 'GeneralException');
      assert.deepEqual(excel.sheetNames(), ['案件列表', '一', '二']);
      assert.deepEqual(excel.workbook.sheets.map(snapshot), before);
    });

    it('leaves no temporary sheet and loses no sheet when the final swap fails halfway', async () => {
      const { excel } = workbookWithOldReport();
      // Sync 5 is the swap: it deletes the old 一, then fails before renaming anything.
      excel.failSync({ sync: 5, afterOperations: 1 });
      await assert.rejects(hostOf(excel).writeSheets([tableGrid('一', 4), tableGrid('二', 4)]));
      noTemporarySheets(excel);
      assert.deepEqual(excel.sheetNames(), ['案件列表', '二', '一']);
      assert.equal(excel.sheet('一').cell('A1').value, '一（2021年9月）', 'the new 一 took the place of the deleted old one');
      assert.equal(excel.sheet('二').cell('A1').value, 'old 二', 'the old 二 stays since it was not deleted');
    });

    it('rejects a bad grid before touching the workbook', async () => {
      const { excel, before } = workbookWithOldReport();
      await assert.rejects(hostOf(excel).writeSheets([tableGrid('一', 2), tableGrid('a/b', 2)]), /a\/b/);
      assert.equal(excel.syncCount, 0);
      assert.deepEqual(excel.workbook.sheets.map(snapshot), before);
    });

    it('rejects two grids of the same name', async () => {
      const excel = new FakeExcel();
      excel.addSheet('数据');
      await assert.rejects(hostOf(excel).writeSheets([tableGrid('表', 2), tableGrid('表', 3)]), /表/);
      assert.equal(excel.syncCount, 0);
    });
  });

  describe('text that Excel would reinterpret', () => {
    it('keeps "001", "TRUE", "2021-09" and "=1+1" as the text they are', async () => {
      const excel = new FakeExcel();
      const texts = ['001', 'TRUE', '2021-09-03', '=1+1', '50%', "'quoted", '2021年9月'];
      const grid: SheetGrid = { name: '文本', role: 'settings', cells: [texts.map((value) => ({ value, role: 'plain' as const }))], merges: [], colWidths: [] };
      await hostOf(excel).writeSheets([grid]);
      const sheet = excel.sheet('文本');
      assert.deepEqual(texts.map((_, c) => sheet.cellAt(0, c).value), texts);
      assert.ok(texts.every((_, c) => sheet.cellAt(0, c).formula === null));
    });
  });

  describe('ExcelApi 1.7 (Office 2019)', () => {
    it('writes values, looks, merges, frozen header and charts, but no page setup and no screen pausing', async () => {
      const excel = new FakeExcel({ apiVersion: '1.7' });
      await hostOf(excel).writeSheets([chartGrid('表')]);
      const sheet = excel.sheet('表');
      assert.equal(sheet.cell('A1').value, '表（2021年9月）');
      assert.deepEqual(sheet.mergeAddresses(), ['A1:C1']);
      assert.equal(sheet.cell('A1').bold, true);
      assert.equal(sheet.cell('C3').numberFormat, '0%');
      assert.deepEqual(sheet.freeze, { rows: 2, columns: 1 });
      assert.equal(sheet.charts.length, 2);
      assert.deepEqual(sheet.pageLayout, { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 } }, 'untouched');
      assert.equal(excel.workbook.screenUpdatingPauses, 0);
      assert.ok(excel.syncs.every((sync) => sync.failed === undefined));
    });

    it('assumes ExcelApi 1.7 when no apiSupport is given', async () => {
      const excel = new FakeExcel({ apiVersion: '1.7' });
      await createOfficeHost(excel.run).writeSheets([tableGrid('表', 2)]);
      assert.equal(excel.sheet('表').cell('A1').bold, true);
    });
  });

  describe('progress', () => {
    it('reports each sheet, then completion', async () => {
      const excel = new FakeExcel();
      const seen: string[] = [];
      await hostOf(excel).writeSheets([tableGrid('一', 2), tableGrid('二', 2)], { onProgress: (p) => seen.push(`${p.phase}:${p.sheet ?? ''}:${p.fraction.toFixed(2)}`) });
      assert.deepEqual(seen, ['write:一:0.00', 'write:二:0.33', 'write::1.00']);
    });
  });
});

describe('Office host: showing sheets', () => {
  function workbook(apiVersion = '1.9'): FakeExcel {
    const excel = new FakeExcel({ apiVersion });
    excel.addSheet('案件列表', [['任务号']]);
    excel.addSheet('表', [['x']]);
    excel.addSheet('隐藏', [['x']]).visibility = 'Hidden';
    return excel;
  }

  it('activates an existing sheet and answers false for a missing or hidden one', async () => {
    const excel = workbook();
    const host = hostOf(excel);
    assert.equal(await host.activateSheet('表'), true);
    assert.equal(excel.workbook.active?.name, '表');
    assert.equal(await host.activateSheet('没有'), false);
    assert.equal(await host.activateSheet('隐藏'), false);
    assert.equal(excel.workbook.active?.name, '表');
  });

  it('selects several whole rows as one multi-area selection, runs of rows joined', async () => {
    const excel = workbook();
    assert.equal(await hostOf(excel).selectRows('案件列表', [9, 5, 10]), true);
    assert.equal(excel.workbook.active?.name, '案件列表');
    assert.equal(excel.workbook.selection, '案件列表!5:5,9:10');
  });

  it('selects only the first row on ExcelApi 1.7, which has no multi-area ranges', async () => {
    const excel = workbook('1.7');
    assert.equal(await hostOf(excel).selectRows('案件列表', [9, 5]), true);
    assert.equal(excel.workbook.selection, '案件列表!5:5');
  });

  it('answers false when selecting rows of a missing sheet', async () => {
    const excel = workbook();
    assert.equal(await hostOf(excel).selectRows('没有', [2]), false);
    assert.equal(excel.workbook.selection, null);
  });
});

/**
 * A hidden copy of an export is not counted, whichever host read the workbook: the .xlsx file host
 * (CLI, browser mode) and the Office.js host (through the typed fake of Excel); and no caller's number
 * reaches a sheet the Office host writes.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, type GridCell } from '../../src/core/index.ts';
import { buildReportFile, rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { createOfficeHost } from '../../src/hosts/office/office-host.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';
import { FakeExcel, type FakeValue } from './office/fake-excel.ts';

describe('hidden export sheets, in every host', () => {
  const sheet = caseSheet([closedCase(), closedCase(), closedCase()]);
  const options = { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' };

  it('the file host reads the hidden flag, and the build leaves the hidden copy out', () => {
    const copy = { ...rawSheetToGrid({ ...sheet, name: '案件列表副本' }), hidden: true };
    const bytes = writeWorkbook(null, [rawSheetToGrid(sheet), copy]);
    const { result } = buildReportFile(bytes, '导出.xlsx', options);
    assert.equal(result.statistics.total.reported, 3);
    assert.ok(result.warnings.some((warning) => warning.kind === 'ignoredSheet' && warning.sheet === '案件列表副本'));
  });

  it('the Office host reads each sheet\'s visibility, and the build leaves the hidden copy out', async () => {
    const excel = new FakeExcel();
    const values = sheet.rows.map((row) => row.map((cell) => (cell ?? null) as FakeValue | null));
    excel.addSheet('案件列表', values);
    excel.addSheet('案件列表副本', values).visibility = 'Hidden';
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    const sheets = await host.readSheets();
    assert.deepEqual(sheets.map((read) => [read.name, read.hidden === true]), [['案件列表', false], ['案件列表副本', true]]);
    const result = buildMonthlyReport(sheets, options);
    assert.equal(result.statistics.total.reported, 3);
    const overview = result.reportSheets[0].cells.flat().filter((cell): cell is GridCell => cell?.figure?.indicator === '上报数' && cell.figure.row === '总计');
    assert.equal(overview[0].value, 3);
  });
});

describe('personal data through the Office host', () => {
  it('writes no caller\'s full-width phone number into any sheet of the report', async () => {
    const fullWidthPhone = '１３６４５６７８９０１';
    const orders = orderSheet([
      order({ 诉求人: '欧阳娜娜娜', 诉求内容: `欧阳娜娜娜住幸福花园3栋，楼下烧烤油烟扰民，电话${fullWidthPhone}`, 诉求地址: '幸福花园3栋', 三级分类: '油烟' }),
      order({ 诉求内容: `幸福花园3栋楼下烧烤油烟，联系${fullWidthPhone}`, 诉求地址: '幸福花园3栋', 三级分类: '油烟' }),
      order({ 诉求内容: '幸福花园3栋楼下烧烤油烟扰民', 诉求地址: '幸福花园3栋', 三级分类: '油烟' }),
    ]);
    const excel = new FakeExcel();
    excel.addSheet('12345工单', orders.rows.map((row) => row.map((cell) => (cell ?? null) as FakeValue | null)));
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    const result = buildMonthlyReport(await host.readSheets(), { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' });
    await host.writeSheets(result.sheetsToWrite);
    const written = excel.workbook.sheets.filter((state) => state.name !== '12345工单');
    assert.ok(written.length >= 5);
    const text = written
      .map((state) => {
        const area = state.usedArea(true);
        return area ? state.values(`A1:${String.fromCharCode(64 + Math.min(26, area.col + area.columnCount))}${area.row + area.rowCount}`).flat().join('\n') : '';
      })
      .join('\n');
    assert.match(text, /幸福花园/);
    for (const secret of [fullWidthPhone, '13645678901', '欧阳娜娜娜']) assert.ok(!text.includes(secret), secret);
  });
});

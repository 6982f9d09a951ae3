/**
 * A hidden copy of an export is not counted, whichever host read the workbook: the .xlsx file host
 * (CLI, browser mode) and the Office.js host (through the typed fake of Excel).
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, type GridCell } from '../../src/core/index.ts';
import { buildReportFile, rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { createOfficeHost } from '../../src/hosts/office/office-host.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
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

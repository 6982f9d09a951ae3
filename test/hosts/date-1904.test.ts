/**
 * Workbooks in the 1904 date system (Excel for Mac counts serials from 1904-01-01): every date would
 * be read four years and a day early. Each host says which system a workbook uses; the core shifts
 * the serials of such a sheet onto the 1900 count.
 */
import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildMonthlyReport, date1904Offset, excelSerialFromWallTime, sheetTimeReader, type CellValue } from '../../src/core/index.ts';
import { referencePreset } from '../../src/core/settings/presets.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { readWorkbook, readWorkbookWithSheetJs } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { createOfficeHost } from '../../src/hosts/office/office-host.ts';
import { caseHeaders, caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { FakeExcel, type FakeValue } from './office/fake-excel.ts';

/** A closed case whose times are serials of the 1904 system. */
function case1904(): Record<string, CellValue> {
  const row = closedCase();
  const serial = (text: unknown) => excelSerialFromWallTime(Date.UTC(...(String(text).split(/[- :]/).map(Number).map((value, index) => (index === 1 ? value - 1 : value)) as [number, number, number, number, number]))) - date1904Offset;
  return Object.fromEntries(caseHeaders.map((header) => [header, /时间$/.test(header) ? serial(row[header]) : (row[header] ?? null)]));
}

const options = { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00', settings: referencePreset };

describe('the 1904 date system, in every host', () => {
  const sheet = caseSheet([case1904(), case1904()]);

  it('the core reads a 1904 sheet\'s serials as the right days', () => {
    const read = sheetTimeReader({ date1904: true });
    assert.equal(read(44442.5 - date1904Offset), Date.UTC(2021, 8, 3, 12));
    assert.equal(read('2021-09-03 12:00'), Date.UTC(2021, 8, 3, 12), 'text times are not shifted');
    const result = buildMonthlyReport([{ ...sheet, date1904: true }], options);
    assert.equal(result.statistics.total.reported, 2);
    assert.equal(buildMonthlyReport([sheet], options).statistics.total.reported, 0, 'read as 1900 serials they fall in 2017');
  });

  it('the file host finds <workbookPr date1904="1"/>, in the fast reader and through SheetJS', () => {
    const files = unzipSync(writeWorkbook(null, [rawSheetToGrid(sheet)]));
    files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace(/(<workbook\b[^>]*>)/, '$1<workbookPr date1904="1"/>'));
    const bytes = zipSync(files);
    for (const sheets of [readWorkbook(bytes, 'mac.xlsx'), readWorkbookWithSheetJs(bytes, 'mac.xlsx')]) {
      assert.equal(sheets[0].date1904, true);
      assert.equal(buildMonthlyReport(sheets, options).statistics.total.reported, 2);
    }
  });

  it('the Office host asks Excel what DATE(2000,1,1) is, and marks the sheets', async () => {
    const excel = new FakeExcel();
    excel.workbook.date1904 = true;
    excel.addSheet('案件列表', sheet.rows.map((row) => row.map((cell) => (cell ?? null) as FakeValue | null)));
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    const sheets = await host.readSheets();
    assert.equal(sheets[0].date1904, true);
    assert.equal(buildMonthlyReport(sheets, options).statistics.total.reported, 2);
    const plain = new FakeExcel();
    plain.addSheet('案件列表', [['任务号'], ['1']]);
    assert.equal((await createOfficeHost(plain.run, { apiSupport: plain.apiSupport }).readSheets())[0].date1904, undefined);
  });
});

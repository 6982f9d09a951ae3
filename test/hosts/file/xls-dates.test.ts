/**
 * An .xls export (BIFF8) keeps its dates as dates in the workbook written: the raw sheet is copied as
 * values, and each cell's number format goes with it, so a report time shows as 2021-09-03 10:22, not
 * as the bare serial 44442.43.
 */
import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import { excelSerialFromWallTime } from '../../../src/core/index.ts';
import { buildReportFile } from '../../../src/hosts/file/build-file.ts';
import { caseHeaders, closedCase } from '../../helpers/case-sheet.ts';

describe('an .xls export with date cells', () => {
  it('copies its raw sheet with the dates formatted as dates', () => {
    const row = closedCase();
    const serial = (text: string) => excelSerialFromWallTime(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)), Number(text.slice(11, 13)), Number(text.slice(14, 16))));
    const values = caseHeaders.map((header) => (/时间$/.test(header) && typeof row[header] === 'string' ? serial(row[header] as string) : (row[header] ?? null)));
    const sheet = XLSX.utils.aoa_to_sheet([[...caseHeaders], values]);
    const reportedCol = caseHeaders.indexOf('上报时间');
    for (let col = 0; col < caseHeaders.length; col++) {
      const cell = sheet[XLSX.utils.encode_cell({ r: 1, c: col })] as XLSX.CellObject | undefined;
      if (cell && typeof cell.v === 'number' && /时间$/.test(caseHeaders[col])) cell.z = 'yyyy-mm-dd hh:mm';
    }
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, '案件列表');
    const xls = new Uint8Array(XLSX.write(workbook, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
    const { bytes, result } = buildReportFile(xls, '导出.xls', { period: '2021-09', builtAt: '2021-10-11 09:00' });
    assert.equal(result.statistics.total.reported, 1);
    const written = XLSX.read(bytes, { type: 'array', cellNF: true, cellText: true });
    const copied = written.Sheets['案件列表'][XLSX.utils.encode_cell({ r: 1, c: reportedCol })] as XLSX.CellObject;
    assert.equal(typeof copied.v, 'number');
    assert.match(String(copied.z), /yy.*mm.*dd.*hh.*mm/i);
    assert.equal(copied.w, '2021-09-03 10:22');
  });
});

import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import * as codepages from '@e965/xlsx/dist/cpexcel.full.mjs';
import type { CP$Utils } from '@e965/xlsx/dist/cpexcel.full.mjs';
import { strToU8 } from 'fflate';
import { decodeText, readSheetNames, readWorkbook } from '../../../src/hosts/file/read-workbook.ts';
import { rawExportWorkbook } from './fixtures.ts';

const CSV_TEXT = '工单编号,受理时间,承办单位,诉求内容\n2021090300123,2021-09-03 10:22:00,住建局,"小区噪音扰民，夜间施工"\n2021090300124,2021/9/3 11:05,城管执法局,\n';

// The ESM build exports `utils` beside `cptable`; its typings only declare `cptable.utils`.
const { utils: codepageUtils } = codepages as unknown as { utils: CP$Utils };

/** Encodes text in code page 936 (GBK), as Chinese Windows exports do. */
function gbk(text: string): Uint8Array {
  return new Uint8Array(codepageUtils.encode(936, text, 'buf') as Uint8Array);
}

function workbookBytes(sheets: Record<string, XLSX.WorkSheet>, bookType: XLSX.BookType, hidden: string[] = []): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const [name, sheet] of Object.entries(sheets)) XLSX.utils.book_append_sheet(workbook, sheet, name);
  workbook.Workbook = { Sheets: workbook.SheetNames.map((name) => ({ name, Hidden: hidden.includes(name) ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType }) as ArrayBuffer);
}

describe('readWorkbook', () => {
  describe('CSV', () => {
    const expectedRows = [
      ['工单编号', '受理时间', '承办单位', '诉求内容'],
      ['2021090300123', '2021-09-03 10:22:00', '住建局', '小区噪音扰民，夜间施工'],
      ['2021090300124', '2021/9/3 11:05', '城管执法局', null],
    ];

    it('reads a GBK-encoded CSV, as Chinese government systems export it', () => {
      const bytes = gbk(CSV_TEXT);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture really is not UTF-8');
      const [sheet] = readWorkbook(bytes, '12345工单导出.csv');
      assert.deepEqual(sheet.rows, expectedRows);
    });

    it('reads a UTF-8 CSV with a byte order mark, without the mark in the first header', () => {
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(CSV_TEXT)]);
      const [sheet] = readWorkbook(bytes, 'export.csv');
      assert.deepEqual(sheet.rows, expectedRows);
    });

    it('reads a UTF-8 CSV without a byte order mark', () => {
      assert.deepEqual(readWorkbook(strToU8(CSV_TEXT), 'export.csv')[0].rows, expectedRows);
    });

    it('keeps ids and times as text instead of guessing numbers and dates', () => {
      const [sheet] = readWorkbook(strToU8('编号,时间,数量\n2021090300123,2021-09-03 10:22:00,12\n00123,44442.5,3\n'), 'x.csv');
      assert.deepEqual(sheet.rows[1], ['2021090300123', '2021-09-03 10:22:00', '12']);
      assert.deepEqual(sheet.rows[2], ['00123', '44442.5', '3']);
    });

    it('names the sheet after the file, as Excel does', () => {
      const bytes = strToU8(CSV_TEXT);
      assert.equal(readWorkbook(bytes, 'C:\\导出\\12345工单导出.csv')[0].name, '12345工单导出');
      assert.deepEqual(readSheetNames(bytes, 'data/案件.csv'), ['案件']);
    });

    it('reads a tab-separated text file saved as .xls', () => {
      const [sheet] = readWorkbook(gbk('案件编号\t问题来源\n2021090300123\t监督员上报\n'), '案件导出.xls');
      assert.deepEqual(sheet.rows, [['案件编号', '问题来源'], ['2021090300123', '监督员上报']]);
    });

    it('decodes UTF-16 text with a byte order mark', () => {
      const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('编号').flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
      assert.equal(decodeText(utf16), '编号');
    });
  });

  describe('xlsx and xls', () => {
    it('keeps serial numbers raw, whatever the cell format says', () => {
      const sheet = XLSX.utils.aoa_to_sheet([['上报时间'], [44442.432]]);
      sheet.A2.z = 'yyyy-mm-dd';
      for (const bookType of ['xlsx', 'biff8'] as const) {
        const [read] = readWorkbook(workbookBytes({ 案件: sheet }, bookType), `x.${bookType}`);
        assert.deepEqual(read.rows, [['上报时间'], [44442.432]], bookType);
      }
    });

    it('reads an .xls (BIFF8) written by SheetJS with Chinese text and text ids', () => {
      const sheet = XLSX.utils.aoa_to_sheet([['案件编号', '问题描述', '数量'], ['2021090300123', '井盖破损', 2]]);
      const [read] = readWorkbook(workbookBytes({ 案件明细: sheet }, 'biff8'), '导出.xls');
      assert.equal(read.name, '案件明细');
      assert.deepEqual(read.rows, [['案件编号', '问题描述', '数量'], ['2021090300123', '井盖破损', 2]]);
    });

    it('positions a used range that does not start at A1: firstRow and leading empty columns', () => {
      const sheet = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['编号', '时间'], ['A001', 44442.5]], { origin: 'C3' });
      for (const bookType of ['xlsx', 'biff8'] as const) {
        const [read] = readWorkbook(workbookBytes({ S: sheet }, bookType), 'x');
        assert.equal(read.firstRow, 3, bookType);
        assert.deepEqual(read.rows, [[null, null, '编号', '时间'], [null, null, 'A001', 44442.5]], bookType);
      }
    });

    it('ignores a dimension that claims more than the cells hold', () => {
      const sheet = XLSX.utils.aoa_to_sheet([['a', 'b']]);
      sheet['!ref'] = 'A1:Z100';
      const [read] = readWorkbook(workbookBytes({ S: sheet }, 'xlsx'), 'x.xlsx');
      assert.deepEqual(read.rows, [['a', 'b']]);
      assert.equal(read.firstRow, 1);
    });

    it('reads every sheet in workbook order and flags hidden ones', () => {
      const bytes = workbookBytes({
        案件明细: XLSX.utils.aoa_to_sheet([['a']]),
        隐藏: XLSX.utils.aoa_to_sheet([['b']]),
        '12345工单': XLSX.utils.aoa_to_sheet([['c']]),
      }, 'xlsx', ['隐藏']);
      const sheets = readWorkbook(bytes, 'x.xlsx');
      assert.deepEqual(sheets.map((s) => [s.name, s.hidden === true]), [['案件明细', false], ['隐藏', true], ['12345工单', false]]);
      assert.deepEqual(readSheetNames(bytes), ['案件明细', '隐藏', '12345工单']);
    });

    it('gives an empty sheet no rows', () => {
      const [read] = readWorkbook(workbookBytes({ 空: XLSX.utils.aoa_to_sheet([]) }, 'xlsx'), 'x.xlsx');
      assert.deepEqual(read.rows, []);
    });

    it('reads errors as their display text and booleans as booleans', () => {
      const sheet = XLSX.utils.aoa_to_sheet([[true, 1]]);
      sheet.B1 = { t: 'e', v: 0x2a };
      const [read] = readWorkbook(workbookBytes({ S: sheet }, 'xlsx'), 'x.xlsx');
      assert.deepEqual(read.rows, [[true, '#N/A']]);
    });

    it('reads the raw export fixture with its title row, text ids and serial times', () => {
      const sheets = readWorkbook(rawExportWorkbook(), 'export.xlsx');
      assert.deepEqual(sheets.map((s) => s.name), ['案件明细', '12345工单']);
      assert.deepEqual(sheets[0].rows[0], ['数字城管案件导出（2021年9月）', null, null, null, null]);
      assert.deepEqual(sheets[0].rows[3], ['2021090300124', '12345热线', 44443.1, null, '噪音扰民，夜间施工']);
    });

    it('leaves the caller\'s byte array as it was', () => {
      const bytes = rawExportWorkbook();
      readWorkbook(bytes, 'x.xlsx');
      assert.deepEqual(Object.keys(bytes).filter((k) => !/^\d+$/.test(k)), []);
    });
  });
});

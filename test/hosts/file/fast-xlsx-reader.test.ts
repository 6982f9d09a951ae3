import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { readXlsxFast } from '../../../src/hosts/file/fast-xlsx-reader.ts';
import { gridAsRead, readSheetNames, readWorkbook, readWorkbookWithSheetJs } from '../../../src/hosts/file/read-workbook.ts';
import { buildReportFile } from '../../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { hotlineGrid, overviewGrid, rawExportWorkbook } from './fixtures.ts';

const samplePath = fileURLToPath(new URL('../../../samples/sample-2021.xlsx', import.meta.url));

/** A minimal package with hand-written sheet XML, to reach what writers rarely produce. */
function handWritten(sheetXml: string, sharedStrings?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        (sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        '</Types>',
    ),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="案件列表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        (sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : '') +
        '</Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  if (sharedStrings) files['xl/sharedStrings.xml'] = strToU8(sharedStrings);
  return zipSync(files);
}

describe('readXlsxFast', () => {
  it('reads the sample export exactly as SheetJS does', () => {
    const bytes = new Uint8Array(readFileSync(samplePath));
    assert.deepEqual(readXlsxFast(bytes), readWorkbookWithSheetJs(bytes, 'sample-2021.xlsx'));
  });

  it('reads a SheetJS-made export (shared strings, serial dates, a title row) exactly as SheetJS does', () => {
    const bytes = rawExportWorkbook();
    assert.deepEqual(readXlsxFast(bytes), readWorkbookWithSheetJs(bytes, 'raw.xlsx'));
  });

  it('reads what our own writer writes (inline strings, merges, hidden sheets, charts) exactly as SheetJS does', () => {
    const bytes = writeWorkbook(rawExportWorkbook(), [overviewGrid('2021年9月'), hotlineGrid('2021年9月'), { ...overviewGrid('2021年8月'), name: '隐藏', hidden: true }]);
    const fast = readXlsxFast(bytes);
    assert.deepEqual(fast, readWorkbookWithSheetJs(bytes, 'out.xlsx'));
    assert.equal(fast?.find((sheet) => sheet.name === '隐藏')?.hidden, true);
  });

  it('handles namespace prefixes, cells without references, rich text, phonetic runs, entities, booleans and errors', () => {
    const shared =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>任务号</t></si><si><r><t>问题</t></r><r><t xml:space="preserve">来源 </t></r><rPh sb="0" eb="1"><t>もんだい</t></rPh></si><si><t>A&amp;B &lt;1&gt;</t></si></sst>';
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="3"><x:c r="B3" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:t>2021090300123</x:t></x:is></x:c><x:c r="C4"><x:v>44442.43194444</x:v></x:c><x:c r="D4" t="b"><x:v>1</x:v></x:c><x:c r="E4" t="e"><x:v>#N/A</x:v></x:c><x:c r="F4" t="str"><x:v>公式结果</x:v></x:c><x:c r="G4"/></x:row>' +
      '</x:sheetData></x:worksheet>';
    const bytes = handWritten(sheet, shared);
    const fast = readXlsxFast(bytes);
    assert.ok(fast);
    assert.deepEqual(fast[0], {
      name: '案件列表',
      firstRow: 3,
      rows: [
        [null, '任务号', '问题来源 ', 'A&B <1>', null, null],
        [null, '2021090300123', 44442.43194444, true, '#N/A', '公式结果'],
      ],
    });
  });

  it('returns null for a package without a workbook part, so the caller can fall back', () => {
    assert.equal(readXlsxFast(zipSync({ 'a.txt': strToU8('x') })), null);
  });

  it('keeps ids stored as numbers as numbers (the core turns them into text without exponent)', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['任务号'], [2021090300123]]), 'S');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    assert.deepEqual(readXlsxFast(bytes)?.[0].rows, [['任务号'], [2021090300123]]);
  });
});

describe('gridAsRead', () => {
  it('gives for each generated sheet exactly what reading the written file gives', () => {
    const { bytes, result } = buildReportFile(new Uint8Array(readFileSync(samplePath)), 'sample-2021.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' });
    const read = readWorkbook(bytes, 'out.xlsx');
    for (const grid of result.sheetsToWrite) assert.deepEqual(gridAsRead(grid), read.find((sheet) => sheet.name === grid.name), grid.name);
  });
});

describe('readSheetNames', () => {
  it('lists an .xlsx package\'s sheets, hidden and chart sheets included, as SheetJS does', () => {
    for (const bytes of [new Uint8Array(readFileSync(samplePath)), writeWorkbook(rawExportWorkbook(), [overviewGrid('2021年9月'), hotlineGrid('2021年9月'), { ...overviewGrid('2021年8月'), name: '隐藏', hidden: true }])]) {
      assert.deepEqual(readSheetNames(bytes), XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames);
    }
  });
});

/**
 * A macro-enabled workbook (.xlsm) as input: the .xlsx written must not claim to be macro-enabled
 * (Excel refuses such a file), so its macros are left out, and the clerk is told.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildReportFile, rawSheetToGrid } from '../../../src/hosts/file/build-file.ts';
import { hasMacros, writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { caseSheet, closedCase } from '../../helpers/case-sheet.ts';

/** The workbook made macro-enabled, as Excel saves an .xlsm: content type, vbaProject part and relationship. */
function asXlsm(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const types = strFromU8(files['[Content_Types].xml'])
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
    .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  files['[Content_Types].xml'] = strToU8(types);
  files['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    strFromU8(files['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
  );
  return zipSync(files);
}

describe('a macro-enabled workbook as input', () => {
  it('is told from a plain workbook whose content types name the .xlsb type for .bin files (as SheetJS writes them)', () => {
    const sample = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../samples/sample-2021.xlsx', import.meta.url))));
    assert.ok(strFromU8(unzipSync(sample)['[Content_Types].xml']).includes('macroEnabled'), 'the sample has such a Default');
    assert.equal(hasMacros(sample), false);
  });

  const xlsm = asXlsm(writeWorkbook(null, [rawSheetToGrid(caseSheet([closedCase(), closedCase()]))]));

  it('writes a plain .xlsx without the macros, and says so', () => {
    assert.ok(hasMacros(xlsm));
    const { bytes, result } = buildReportFile(xlsm, '导出.xlsm', { period: '2021-09', builtAt: '2021-10-11 09:00' });
    assert.equal(result.statistics.total.reported, 2);
    const files = unzipSync(bytes);
    const types = strFromU8(files['[Content_Types].xml']);
    assert.ok(!types.includes('macroEnabled'), types);
    assert.ok(types.includes('spreadsheetml.sheet.main+xml'));
    assert.ok(!Object.keys(files).some((name) => name.endsWith('vbaProject.bin')));
    assert.ok(!strFromU8(files['xl/_rels/workbook.xml.rels']).includes('vbaProject'));
    assert.ok(!hasMacros(bytes));
    assert.ok(result.warnings.some((warning) => warning.kind === 'macrosDropped' && /含有宏/.test(warning.message)));
  });
});

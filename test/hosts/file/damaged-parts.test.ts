/**
 * A damaged package is refused, never read wrong: a part whose bytes do not match the CRC the zip
 * records (a bit flipped in a download: the part may still inflate, to wrong rows), and a part that
 * declares more bytes than any export holds.
 */
import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { InputError } from '../../../src/core/index.ts';
import { buildReportFile, rawSheetToGrid } from '../../../src/hosts/file/build-file.ts';
import { readWorkbook, readWorkbookAsync } from '../../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { maxPartBytes } from '../../../src/hosts/file/zip-package.ts';
import { caseSheet, closedCase } from '../../helpers/case-sheet.ts';

/** The workbook with its parts stored uncompressed, so that a flipped byte still "inflates". */
function storedWorkbook(): Uint8Array {
  const files = unzipSync(writeWorkbook(null, [rawSheetToGrid(caseSheet(Array.from({ length: 200 }, () => closedCase())))]));
  return zipSync(files, { level: 0 });
}

/** The offset of `text` in the bytes (as Latin-1/ASCII). */
function offsetOf(bytes: Uint8Array, text: string): number {
  return Buffer.from(bytes).indexOf(text, 0, 'latin1');
}

describe('a stray cell far from the data', () => {
  it('reads a sheet whose used range reaches XFD1048576 by one stray cell, without building 17 billion cells', () => {
    const files = unzipSync(writeWorkbook(null, [rawSheetToGrid(caseSheet(Array.from({ length: 50 }, () => closedCase())))]));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>');
    const bytes = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet) });
    const [read] = readWorkbook(bytes, '导出.xlsx');
    assert.equal(read.columnCount, 16_384);
    assert.ok(read.rows.every((row) => row.length <= 20 || row.length === 16_384), 'rows end at their last value');
    assert.equal(read.rows[read.rows.length - 1][16_383], 'x');
    const { result } = buildReportFile(bytes, '导出.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' });
    assert.equal(result.statistics.total.reported, 50);
  });
});

describe('damaged packages', () => {
  it('reads the intact stored workbook', () => {
    assert.equal(buildReportFile(storedWorkbook(), '导出.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' }).result.statistics.total.reported, 200);
  });

  it('refuses a workbook with one byte of a sheet changed (the CRC does not match), in both readers', async () => {
    const bytes = storedWorkbook();
    const at = offsetOf(bytes, '<row r="40"');
    assert.ok(at > 0);
    bytes[at + 2] = 'x'.charCodeAt(0); // <rox r="40": that row would silently vanish
    assert.throws(() => readWorkbook(bytes, '导出.xlsx'), (error: unknown) => error instanceof InputError && /"导出\.xlsx"文件已损坏/.test(error.message));
    await assert.rejects(readWorkbookAsync(bytes, '导出.xlsx'), (error: unknown) => error instanceof InputError && /已损坏/.test(error.message));
  });

  it('refuses a part that declares more bytes than a workbook can hold, before inflating it', () => {
    const bytes = storedWorkbook();
    // The central directory's uncompressed size of the first sheet part, set past the limit.
    const name = 'xl/worksheets/sheet1.xml';
    const central = Buffer.from(bytes).lastIndexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), Buffer.from(bytes).lastIndexOf(name, undefined, 'latin1'));
    assert.ok(central > 0 && strFromU8(bytes.subarray(central + 46, central + 46 + name.length)) === name);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(central + 24, maxPartBytes + 1, true);
    assert.throws(() => readWorkbook(bytes, '导出.xlsx'), (error: unknown) => error instanceof InputError && /远超任何导出表/.test(error.message));
  });
});

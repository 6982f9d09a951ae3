/**
 * The sheet names of an existing output, read from its directory and workbook part alone when it is
 * large: the same names as reading it whole, for every kind of file the lost-sheets check meets.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isZipFile, readSheetNamesOfFile } from '../../src/cli/sheet-names-of-file.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { crc32 } from '../../src/hosts/file/codec.ts';
import { readSheetNames } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { openZip, writeZip, type StoredEntry } from '../../src/hosts/file/zip-package.ts';

const dir = mkdtempSync(join(tmpdir(), 'case-brief-names-'));
const sheetNames = ['2021年8月-案件概况', '案件列表', 'Sheet 3 & <更多>'];

/** A workbook of those sheets with a 5 MB part Excel would carry for a picture, stored (not deflated) as zip allows. */
function largeWorkbook(picture: Uint8Array, comment = ''): Uint8Array {
  const small = writeWorkbook(null, sheetNames.map((name) => rawSheetToGrid({ name, rows: [['问题来源', '上报数'], ['巡查上报', 3]] })));
  const entries = openZip(small) as StoredEntry[];
  const name = 'xl/media/image1.bin';
  const stored: StoredEntry = { name, nameBytes: new TextEncoder().encode(name), method: 0, flags: 0, time: 0, date: 33, crc: crc32(picture), compressed: picture, size: picture.length };
  // The picture first, so that the workbook part lies after 5 MB that are never read.
  const bytes = writeZip([{ stored }, ...entries.map((entry) => ({ stored: entry }))]);
  if (comment === '') return bytes;
  // A zip may end with a comment: the directory's end record is then found before it.
  const commented = new Uint8Array(bytes.length + comment.length);
  commented.set(bytes);
  commented.set(new TextEncoder().encode(comment), bytes.length);
  new DataView(commented.buffer).setUint16(bytes.length - 2, comment.length, true);
  return commented;
}

describe('readSheetNamesOfFile', () => {
  it('gives the names reading the whole file gives, for a large package, with or without a zip comment', () => {
    for (const comment of ['', 'written by a zip tool']) {
      const bytes = largeWorkbook(randomBytes(5 * 1024 * 1024), comment);
      assert.ok(bytes.length > 5 * 1024 * 1024);
      const path = join(dir, `large${comment.length}.xlsx`);
      writeFileSync(path, bytes);
      assert.deepEqual(readSheetNames(bytes), sheetNames);
      assert.deepEqual(readSheetNamesOfFile(path, 'large.xlsx'), sheetNames);
    }
  });

  it('reads only the directory and the workbook part of a large package: parts it does not need may be anything', () => {
    const picture = randomBytes(5 * 1024 * 1024);
    const bytes = largeWorkbook(picture);
    // Damage the picture after its CRC was taken: reading it would fail the check.
    bytes[1000] ^= 0xff;
    const path = join(dir, 'damaged-picture.xlsx');
    writeFileSync(path, bytes);
    assert.deepEqual(readSheetNamesOfFile(path, 'x.xlsx'), sheetNames);
  });

  it('reads a small workbook whole, and a large file with a broken directory whole, as readSheetNames does', () => {
    const small = writeWorkbook(null, [rawSheetToGrid({ name: '案件列表', rows: [['任务号']] })]);
    writeFileSync(join(dir, 'small.xlsx'), small);
    assert.deepEqual(readSheetNamesOfFile(join(dir, 'small.xlsx'), 'small.xlsx'), ['案件列表']);
    const broken = largeWorkbook(randomBytes(5 * 1024 * 1024));
    // The directory's end record points past the file: whole reading (SheetJS) decides.
    new DataView(broken.buffer).setUint32(broken.length - 6, broken.length + 100, true);
    writeFileSync(join(dir, 'broken.xlsx'), broken);
    let whole: unknown;
    try {
      whole = readSheetNames(broken, 'broken.xlsx');
    } catch (error) {
      whole = error instanceof Error ? error.constructor : error;
    }
    let ranged: unknown;
    try {
      ranged = readSheetNamesOfFile(join(dir, 'broken.xlsx'), 'broken.xlsx');
    } catch (error) {
      ranged = error instanceof Error ? error.constructor : error;
    }
    assert.deepEqual(ranged, whole);
  });

  it('tells a zip package from a file that is none', () => {
    writeFileSync(join(dir, 'notes.xlsx'), 'my notes');
    writeFileSync(join(dir, 'empty.xlsx'), '');
    assert.equal(isZipFile(join(dir, 'notes.xlsx')), false);
    assert.equal(isZipFile(join(dir, 'empty.xlsx')), false);
    assert.equal(isZipFile(join(dir, 'small.xlsx')), true);
  });
});

import assert from 'node:assert/strict';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { crc32 } from '../../../src/hosts/file/codec.ts';
import { inflateEntry, openZip, writeZip } from '../../../src/hosts/file/zip-package.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { overviewGrid, rawExportWorkbook } from './fixtures.ts';

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let at = 0; at + needle.length <= haystack.length; at++) {
    for (let offset = 0; offset < needle.length; offset++) if (haystack[at + offset] !== needle[offset]) continue outer;
    return at;
  }
  return -1;
}

describe('zip package', () => {
  it('lists entries with their names, sizes and compressed bytes, and inflates them on demand', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a>甲</a>'), 'dir/b.bin': [new Uint8Array(1000).fill(7), { level: 0 }] });
    const entries = openZip(zip);
    assert.ok(entries);
    assert.deepEqual(
      entries.map((entry) => [entry.name, entry.method, entry.size]),
      [
        ['a.xml', 8, 10],
        ['dir/b.bin', 0, 1000],
      ],
    );
    assert.equal(new TextDecoder().decode(inflateEntry(entries[0])), '<a>甲</a>');
  });

  it('writes a zip that any reader opens, copying stored entries and deflating new ones', () => {
    const original = openZip(zipSync({ 'keep.xml': strToU8('<keep/>'.repeat(100)) }));
    assert.ok(original);
    const written = writeZip([{ stored: original[0] }, { name: 'new/部分.xml', data: strToU8('<new/>') }]);
    const files = unzipSync(written);
    assert.equal(new TextDecoder().decode(files['keep.xml']), '<keep/>'.repeat(100));
    assert.equal(new TextDecoder().decode(files['new/部分.xml']), '<new/>');
  });

  it('computes the zip CRC-32', () => {
    assert.equal(crc32(strToU8('123456789')), 0xcbf43926);
  });

  it('returns null for bytes that are not a plain zip, so the caller can fall back', () => {
    assert.equal(openZip(strToU8('not a zip at all, just text')), null);
  });

  it('keeps the raw sheets\' compressed bytes when the patcher adds report sheets', () => {
    const input = rawExportWorkbook();
    const output = writeWorkbook(input, [overviewGrid('2021年9月')]);
    const sheet = openZip(input)?.find((entry) => entry.name === 'xl/worksheets/sheet1.xml');
    assert.ok(sheet && sheet.compressed.length > 0);
    assert.ok(indexOfBytes(output, sheet.compressed) > 0, 'the compressed stream is copied as it was');
  });
});

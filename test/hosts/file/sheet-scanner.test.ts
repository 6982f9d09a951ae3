import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readSharedStrings, readXlsx, readXlsxAsync } from '../../../src/hosts/file/fast-xlsx-reader.ts';
import { SheetScanner } from '../../../src/hosts/file/sheet-scanner.ts';
import { rawSheetToGrid } from '../../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { inflateChunkBytes, inflateRawEach } from '../../../src/hosts/file/codec.ts';
import { DamagedPartError, inflateEntry, inflateEntryChunks, inflateEntryEach, openZip } from '../../../src/hosts/file/zip-package.ts';
import { hotlineGrid, overviewGrid, rawExportWorkbook } from './fixtures.ts';

const samplePath = fileURLToPath(new URL('../../../samples/sample-2021.xlsx', import.meta.url));

const sheetXml =
  '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="2" max="3" width="18.5" customWidth="1"/></x:cols><x:sheetData>' +
  '<x:row r="3"><x:c r="B3" t="s" s="2"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>' +
  '<row r="4" spans="1:6"><c r="B4" t="inlineStr"><is><t>2021090300123</t></is></c><c r="C4" s="5"><v>44442.43194444</v></c><c r="D4" t="b"><v>1</v></c>' +
  '<c r="E4" t="e"><v>#N/A</v></c><c r="F4" t="str"><v>公式 &amp; 结果</v></c><c r="G4" s="3"/></row>' +
  '<row r="6"><c r="A6" t="inlineStr"><is><r><t>市政</t></r><r><t xml:space="preserve">工程处 </t></r><rPh sb="0" eb="1"><t>しせい</t></rPh></is></c><c r="B6"><v>-3.5E-2</v></c></row>' +
  '</x:sheetData><mergeCells count="1"><mergeCell ref="B3:C3"/></mergeCells></x:worksheet>';
const shared = ['任务号', '问题来源'];

function scanInPieces(bytes: Uint8Array, cuts: readonly number[], display = false) {
  const scanner = new SheetScanner(shared, { display });
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((left, right) => left - right)) {
    scanner.push(bytes.subarray(at, cut));
    at = cut;
  }
  scanner.push(bytes.subarray(at));
  return scanner.finish();
}

describe('SheetScanner', () => {
  it('reads cells of every type, with and without namespace prefixes, from sheet row and column A', () => {
    const scanned = scanInPieces(strToU8(sheetXml), []);
    assert.equal(scanned.firstRow, 3);
    assert.deepEqual(scanned.rows, [
      [null, '任务号', '问题来源', null, null, null],
      [null, '2021090300123', 44442.43194444, true, '#N/A', '公式 & 结果'],
      [null, null, null, null, null, null],
      ['市政工程处 ', -0.035, null, null, null, null],
    ]);
    assert.equal(scanned.display, undefined);
  });

  it('gives the same sheet whichever bytes the chunks end at, even inside a character, a tag or a value', () => {
    const bytes = strToU8(sheetXml);
    const whole = scanInPieces(bytes, [], true);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        assert.deepEqual(scanInPieces(bytes, cuts, true), whole);
      }),
      { numRuns: 300 },
    );
    // Every single cut position, once.
    for (let cut = 1; cut < bytes.length; cut++) assert.deepEqual(scanInPieces(bytes, [cut], true), whole, `cut at ${cut}`);
  });

  it('keeps, for a preview, the style of each cell, the merged ranges and the column widths', () => {
    const { display } = scanInPieces(strToU8(sheetXml), [], true);
    assert.ok(display);
    assert.deepEqual(display.merges, [{ row: 2, col: 1, lastRow: 2, lastCol: 2 }]);
    assert.deepEqual(display.colWidths, [0, 17.79, 17.79]);
    assert.deepEqual(display.styles.map((styles) => (styles === undefined ? undefined : [...styles])), [[0, 2], [0, 0, 5, 0, 0, 0, 3], undefined, undefined]);
  });

  it('keeps a long value whole when it arrives in many chunks without a tag', () => {
    const long = 'x'.repeat(300_000);
    const bytes = strToU8(`<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>${long}</v></c></row></sheetData></worksheet>`);
    const cuts = Array.from({ length: 299 }, (_, index) => 40 + index * 1000);
    assert.equal(scanInPieces(bytes, cuts).rows[0][0], long);
  });
});

describe('readXlsx and readXlsxAsync', () => {
  const workbooks: [string, () => Uint8Array][] = [
    ['the sample', () => new Uint8Array(readFileSync(samplePath))],
    ['a SheetJS export', rawExportWorkbook],
    ['our own output', () => writeWorkbook(rawExportWorkbook(), [overviewGrid('2021年9月'), hotlineGrid('2021年9月')])],
  ];
  for (const [label, make] of workbooks) {
    it(`read ${label} the same way, with or without the preview's extras`, async () => {
      const bytes = make();
      const plain = readXlsx(bytes);
      assert.ok(plain);
      const display = readXlsx(bytes, { display: true });
      assert.deepEqual(display?.sheets, plain.sheets);
      assert.deepEqual(readXlsx(bytes, { display: true, wholeParts: true }), display, 'sheets inflated whole read the same as a chunk at a time');
      assert.deepEqual(await readXlsxAsync(bytes, { display: true }), display);
      assert.equal(display?.display?.sheets.length, plain.sheets.length);
    });
  }

  it('reads a sheet of many chunks the same a chunk at a time as whole, whatever falls on a chunk\'s end', () => {
    const rows = Array.from({ length: 12_000 }, (_, index) => [`2021${String(index).padStart(9, '0')}`, '市政工程处'.repeat(1 + (index % 3)), 44442.43194444 + index / 1000, index % 5 === 0 ? '' : `第${index}行 "引号" & <尖括号>`]);
    const bytes = writeWorkbook(null, [rawSheetToGrid({ name: '案件列表', rows })]);
    const chunked = readXlsx(bytes);
    assert.deepEqual(chunked, readXlsx(bytes, { wholeParts: true }));
    assert.equal(chunked?.sheets[0].rows.length, rows.length);
    assert.deepEqual(chunked?.sheets[0].rows[11_999], rows[11_999]);
  });

  it('gives each cell style its number format: a built-in id or the workbook\'s own code', () => {
    const base = overviewGrid('2021年9月');
    const cells = base.cells.map((row, index) => (index === 3 ? row.map((cell, col) => (col === 4 ? { value: 0.99, role: 'rate' as const, numFmt: '0.0"成"' } : cell)) : row));
    const read = readXlsx(writeWorkbook(null, [{ ...base, cells }]), { display: true });
    const formats = read?.display?.cellFormats ?? [];
    const styles = read?.display?.sheets[0]?.styles ?? [];
    assert.equal(XLSX.SSF.format(formats[styles[2]?.[3] ?? 0], 0.9862), '98.62%');
    assert.equal(formats[styles[3]?.[4] ?? 0], '0.0"成"');
    assert.equal(formats[0], 0);
  });
});

describe('inflating a part', () => {
  const zip = zipSync({ 'a.xml': strToU8('<a>甲乙丙</a>'.repeat(50)) });
  /** A part of several chunks' worth (rows of a sheet), and its bytes inflated whole. */
  const rowsXml = strToU8(Array.from({ length: 40_000 }, (_, index) => `<row r="${index + 1}"><c t="inlineStr"><is><t>第${index}行 ${'甲乙'.repeat(index % 7)}</t></is></c></row>`).join(''));
  const [large] = openZip(zipSync({ 'sheet.xml': rowsXml })) ?? [];

  it('gives the same bytes at once and in chunks', async () => {
    const [entry] = openZip(zip) ?? [];
    const chunks: Uint8Array[] = [];
    await inflateEntryChunks(entry, (chunk) => chunks.push(chunk));
    assert.deepEqual(Buffer.concat(chunks), Buffer.from(inflateEntry(entry)));
  });

  it('inflates synchronously a chunk at a time in one reused buffer, to the same bytes as inflating whole', () => {
    assert.ok(rowsXml.length > 3 * inflateChunkBytes);
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    inflateEntryEach(large, (chunk) => {
      assert.ok(chunk.length <= inflateChunkBytes);
      copies.push(Buffer.from(chunk));
      buffers.add(chunk.buffer);
    });
    assert.ok(copies.length > 3, `${copies.length} chunks`);
    assert.equal(buffers.size, 1, 'every chunk in the same buffer');
    assert.deepEqual(Buffer.concat(copies), Buffer.from(rowsXml));
    const whole: Uint8Array[] = [];
    inflateEntryEach(large, (chunk) => whole.push(chunk), true);
    assert.equal(whole.length, 1);
    assert.deepEqual(Buffer.from(whole[0]), Buffer.from(rowsXml));
  });

  it('refuses a stream that ends early or is damaged, chunk by chunk too, and hands on nothing wrong', () => {
    const truncated = large.compressed.subarray(0, Math.floor(large.compressed.length / 2));
    assert.throws(() => inflateRawEach(truncated, large.size, () => undefined), /unexpected end|end of file|incorrect|invalid/i);
    assert.throws(() => inflateEntryEach({ ...large, compressed: truncated }, () => undefined), DamagedPartError);
    const flipped = large.compressed.map((byte, index) => (index > 10 && index < 60 ? 0xff : byte));
    assert.throws(() => inflateEntryEach({ ...large, compressed: flipped }, () => undefined), DamagedPartError);
    // More bytes than the directory declares: refused at the first chunk beyond.
    assert.throws(() => inflateEntryEach({ ...large, size: inflateChunkBytes }, () => undefined), DamagedPartError);
  });

  it('lets an error of the reader it feeds through as the reader\'s, not as damage', () => {
    const mine = new RangeError('the reader stopped');
    assert.throws(
      () =>
        inflateEntryEach(large, () => {
          throw mine;
        }),
      (error) => error === mine,
    );
  });

  it('refuses a part whose inflated size is not the size the directory declares', async () => {
    const [entry] = openZip(zip) ?? [];
    const lying = { ...entry, size: entry.size - 10 };
    assert.throws(() => inflateEntry(lying));
    await assert.rejects(inflateEntryChunks(lying, () => undefined));
    const short = { ...entry, size: entry.size + 10 };
    assert.throws(() => inflateEntry(short), DamagedPartError);
  });
});

describe('readSharedStrings', () => {
  const sst = (items: string) => strToU8(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`);

  it('reads plain, rich, phonetic, empty and escaped strings, quotes, backslashes and line breaks included', () => {
    const items =
      '<si><t>2021090300123</t></si><si><t>市政工程处</t></si><si/><si><t></t></si>' +
      '<si><r><t>问题</t></r><r><t xml:space="preserve">来源 </t></r><rPh sb="0" eb="1"><t>もんだい</t></rPh></si>' +
      '<si><t>A&amp;B &lt;1&gt; "引号" \\ 反斜杠</t></si><si><t>第一行\n第二行\t_x0007_</t></si><si><t>😀 U+1F600</t></si>';
    assert.deepEqual(readSharedStrings(sst(items)), ['2021090300123', '市政工程处', '', '', '问题来源 ', 'A&B <1> "引号" \\ 反斜杠', '第一行\n第二行\t\u0007', '😀 U+1F600']);
  });

  it('keeps every string in its place across many batches', () => {
    const texts = Array.from({ length: 60_000 }, (_, index) => (index % 3 === 0 ? `达州市通川区朝阳街道${index}号附近的问题描述` : `2021${String(index).padStart(9, '0')}`));
    const strings = readSharedStrings(sst(texts.map((text) => `<si><t>${text}</t></si>`).join('')));
    assert.deepEqual(strings, texts);
  });

  it('drops a string that never closes, as before', () => {
    assert.deepEqual(readSharedStrings(sst('<si><t>一</t></si><si><t>断了<si><t>二</t></si>')), ['一', '二']);
  });
});

describe('a damaged part', () => {
  it('is refused as a damaged file, not handed to SheetJS: its deflate stream is broken', async () => {
    const zip = zipSync({ 'a.xml': strToU8('<a>甲乙丙</a>'.repeat(500)) });
    const [entry] = openZip(zip) ?? [];
    const broken = { ...entry, compressed: entry.compressed.map((byte, index) => (index > 4 && index < 40 ? 0xff : byte)) };
    assert.throws(() => inflateEntry(broken), DamagedPartError);
    await assert.rejects(inflateEntryChunks(broken, () => undefined), DamagedPartError);
  });
});

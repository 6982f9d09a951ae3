/**
 * The text of a written cell: what XML cannot hold is spelled as OOXML spells it, and everything
 * else is written as it is (a 200,000-row export copied into the new workbook is mostly such text).
 */
import assert from 'node:assert/strict';
import { escapeCellText, worksheetPart } from '../../../src/hosts/file/sheet-xml.ts';
import { readWorkbook } from '../../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';

describe('escapeCellText', () => {
  it('writes ordinary text as it is', () => {
    for (const text of ['通川区朝阳东路12号', 'A-12 / 3号楼', 'x_y', '_', 'xlsx']) assert.equal(escapeCellText(text), text);
  });

  it('escapes markup, spells control characters and a literal _xHHHH_, and replaces lone surrogates', () => {
    assert.equal(escapeCellText(`a&b<c>d"e'f`), 'a&amp;b&lt;c&gt;d&quot;e&apos;f');
    assert.equal(escapeCellText('行\u0001尾'), '行_x0001_尾');
    assert.equal(escapeCellText('编号_x0041_'), '编号_x005F_x0041_');
    assert.equal(escapeCellText('半个\uD800字'), '半个\uFFFD字');
    assert.equal(escapeCellText('\uFFFE'), '_xFFFE_');
    assert.equal(escapeCellText('表情😀'), '表情😀');
  });

  it('reads back every kind of text exactly as it was written, in a sheet of many rows', () => {
    const texts = ['通川区', 'a&b<c>', '行\u0001尾', '编号_x0041_', '  前后空格  ', '两\n行', '表情😀'];
    const rows = Array.from({ length: 3000 }, (_, index) => [texts[index % texts.length], index]);
    const grid = { name: '数据', role: 'report' as const, cells: rows.map((row) => row.map((value) => ({ value, role: 'plain' as const }))), merges: [], colWidths: [] };
    assert.match(new TextDecoder().decode(worksheetPart(grid, () => 0)), /<sheetData><row r="1">/);
    const [read] = readWorkbook(writeWorkbook(null, [grid]), 'out.xlsx');
    assert.deepEqual(read.rows, rows);
  });
});

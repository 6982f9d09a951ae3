/**
 * A CSV split into rows as it is read (CsvRows, for the streamed builds of several inputs) gives the
 * rows readWorkbook gives for the same text read whole (SheetJS's rules), however the text is cut
 * into chunks: quotes, separators, CRLF/LF/CR, blank rows at the start and the end, `sep=` lines.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/index.ts';
import { InputError } from '../../../src/core/index.ts';
import { CsvRows } from '../../../src/hosts/file/csv-rows.ts';
import { readWorkbook, readWorkbookAsync, readWorkbookWithSheetJs } from '../../../src/hosts/file/read-workbook.ts';

/** Rows without trailing empty cells (readWorkbook pads every row to the widest). */
const trimmed = (rows: readonly (readonly CellValue[])[]) =>
  rows.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
    return row.slice(0, end);
  });

function streamed(text: string, cuts: readonly number[] = []): { rows: CellValue[][]; firstRow: number } {
  const rows: CellValue[][] = [];
  let firstRow = 0;
  const splitter = new CsvRows('测试.csv', (fields, row) => {
    if (rows.length === 0) firstRow = row;
    else assert.equal(row, firstRow + rows.length, 'rows are handed over in order, without gaps');
    rows.push(fields);
  });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    splitter.push(text.slice(at, cut));
    at = Math.max(at, cut);
  }
  splitter.push(text.slice(at));
  splitter.end();
  return { rows, firstRow: firstRow || 1 };
}

/** The text read whole by SheetJS (what readWorkbook did with every CSV before it used the splitter too). */
function whole(text: string): { rows: CellValue[][]; firstRow: number } | null {
  const [sheet] = readWorkbookWithSheetJs(new TextEncoder().encode(text), '测试.csv');
  // SheetJS takes a few texts for another format (some that start with a number line read as DIF): no sheet.
  return sheet ? { rows: sheet.rows as CellValue[][], firstRow: sheet.firstRow } : null;
}

function assertSameRows(text: string, cuts: readonly number[] = []): void {
  const read = whole(text);
  if (read === null) return;
  const split = streamed(text, cuts);
  assert.deepEqual(trimmed(split.rows), trimmed(read.rows), JSON.stringify(text));
  if (read.rows.length) assert.equal(split.firstRow, read.firstRow, JSON.stringify(text));
}

describe('CSV rows read as a stream', () => {
  it('splits quoted fields with separators, quotes and line breaks inside, and CRLF, LF and CR row ends', () => {
    const text = '任务号,问题描述,上报时间\r\nA1,"路口""占道""经营，有人摆摊",2021-09-03 10:22:00\r\nA2,"两行\r\n描述, 带逗号",2021-09-04 08:00:00\nA3,,2021-09-05\rA4,末尾无换行';
    assertSameRows(text);
    const rows = streamed(text).rows;
    assert.deepEqual(rows[1], ['A1', '路口"占道"经营，有人摆摊', '2021-09-03 10:22:00']);
    assert.deepEqual(rows[2], ['A2', '两行\r\n描述, 带逗号', '2021-09-04 08:00:00']);
    assert.deepEqual(rows[3], ['A3', null, '2021-09-05']);
    assert.equal(rows.length, 5);
  });

  it('skips blank rows before the first value and after the last, and keeps those between, as readWorkbook does', () => {
    assertSameRows('\n\r\n,,\n标题\n\n任务号,时间\nA1,1\n,\n\n\n');
    assert.equal(streamed('\n\n标题\n\nA,B\n\n\n').firstRow, 3);
  });

  it('takes the separator from a sep= line or guesses it from the first 1,024 characters (tabs, semicolons)', () => {
    assertSameRows('sep=;\r\na;b,c;d\r\n1;2;3\r\n');
    assertSameRows('任务号\t问题\t时间\nA1\t有,逗号\t2021-09-01\n');
    assertSameRows('a;b;c\n1;2;3\n');
    assertSameRows('"a,b";c;d\n');
  });

  it('gives readWorkbook\'s rows for any text, cut into chunks anywhere', function () {
    this.timeout(60_000);
    const alphabet = fc.constantFrom('a', '中', ',', '"', '\n', '\r', '\r\n', '\t', ';', ' ', '1');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 60 }).map((parts) => parts.join('')), fc.array(fc.nat(80), { maxLength: 4 }), (text, cuts) => {
        try {
          streamed(text);
        } catch (error) {
          // A quote never closed: SheetJS reads the rest of the text into one cell, the stream refuses.
          assert.ok(error instanceof InputError && /没有配对的结束引号/.test(error.message), String(error));
          return;
        }
        assertSameRows(text, cuts);
      }),
      { numRuns: 3000 },
    );
    // After a first line longer than the sample the separator is guessed from, chunks are split as they come.
    const header = Array.from({ length: 120 }, (_, index) => `列${index}`).join(',') + '\r\n';
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 80 }).map((parts) => header + parts.join('')), fc.array(fc.integer({ min: 1000, max: 1200 }), { maxLength: 6 }), (text, cuts) => {
        try {
          streamed(text, cuts);
        } catch (error) {
          assert.ok(error instanceof InputError && /没有配对的结束引号/.test(error.message), String(error));
          return;
        }
        assertSameRows(text, cuts);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a quote that is never closed, naming the file and the row it opened in', () => {
    assert.throws(() => streamed('任务号,描述\nA1,正常\nA2,"没有结束\nA3,x\n'), (error: unknown) => error instanceof InputError && /"测试\.csv"第 3 行.*引号/.test(error.message));
  });
});

describe('readWorkbook on a .csv file', () => {
  it('gives the sheet SheetJS gives: its name after the file, the same rows padded to the widest, the same first row (browser mode too)', async () => {
    const text = '\r\n\r\n案件导出\r\n任务号,上报时间,问题描述,处置部门\r\n2109130001,2021-09-13 08:00:00,"门口""占道""经营,请处理",一中队\r\n2109130002,2021-09-13 09:00:00,,\r\n\r\n2109130003,2021-09-14 10:00:00,"两\n行",二中队,多一列\r\n\r\n';
    for (const bytes of [new TextEncoder().encode(text), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])]) {
      const [ours] = readWorkbook(bytes, '/导出/9月案件.csv');
      const [sheetjs] = readWorkbookWithSheetJs(bytes, '/导出/9月案件.csv');
      assert.equal(ours.name, '9月案件');
      assert.deepEqual({ name: ours.name, rows: ours.rows, firstRow: ours.firstRow }, { name: sheetjs.name, rows: sheetjs.rows, firstRow: sheetjs.firstRow });
      assert.deepEqual((await readWorkbookAsync(bytes, '/导出/9月案件.csv')).sheets, [ours]);
    }
  });
});

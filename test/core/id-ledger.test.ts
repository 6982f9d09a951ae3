import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdLedger, rowFingerprint } from '../../src/core/assemble/id-ledger.ts';
import type { CellValue } from '../../src/core/index.ts';

/** Ids as exports write them: numbers of every length (with leading zeros too), codes, Chinese, and ids typed as near misses of each other. */
const anyId = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map(String),
  fc.integer({ min: 0, max: 40 }).map((n) => `0${n}`),
  fc.integer({ min: 0, max: 40 }).map((n) => `00${n}`),
  fc.constantFrom('999999999999999', '1000000000000000', '9007199254740993', '9007199254740992', '123456789012345', '0123456789012345', '2021000000003', '2021000000003 '),
  fc.integer({ min: 0, max: 40 }).map((n) => `GD2021${n}`),
  fc.constantFrom('案件1', '', 'x', '1e3', '1000', '-1', '+1', '1.0', '1'),
);

describe('IdLedger', () => {
  it('counts each id once, its last row winning, as a plain map of the ids would (numbers, leading zeros, codes alike)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyId, { maxLength: 60 }), { minLength: 1, maxLength: 3 }), (sheets) => {
        const ledger = new IdLedger('案件');
        const last = new Map<string, string>();
        sheets.forEach((ids, sheet) => {
          ledger.beginSheet(`表${sheet}`, '任务号');
          ids.forEach((id, index) => {
            ledger.note(`表${sheet}`, index + 2, id);
            last.set(id, `${sheet}:${index + 2}`);
          });
        });
        const all = sheets.flat();
        assert.equal(ledger.hasRepeats, new Set(all).size < all.length);
        sheets.forEach((ids, sheet) => {
          const replaced = ids.length - new Set(ids).size;
          assert.deepEqual(ledger.sheetCounts(`表${sheet}`), { records: ids.length - replaced, replaced });
          ids.forEach((id, index) => {
            assert.equal(ledger.isWinner(`表${sheet}`, index + 2, id), last.get(id) === `${sheet}:${index + 2}`, `${id} at ${sheet}:${index + 2}`);
            assert.equal(ledger.isRepeated(id), all.filter((other) => other === id).length > 1);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps 300,000 distinct numeric ids apart and finds the one repeated among them', () => {
    const ledger = new IdLedger('案件');
    ledger.beginSheet('案件列表', '任务号');
    for (let row = 0; row < 300_000; row++) ledger.note('案件列表', row + 2, String(2021000000000 + row * 7919));
    assert.equal(ledger.hasRepeats, false);
    ledger.note('案件列表', 300_002, String(2021000000000 + 1234 * 7919));
    assert.equal(ledger.hasRepeats, true);
    assert.equal(ledger.isWinner('案件列表', 1236, String(2021000000000 + 1234 * 7919)), false);
    assert.equal(ledger.isWinner('案件列表', 300_002, String(2021000000000 + 1234 * 7919)), true);
    assert.deepEqual(ledger.sheetCounts('案件列表'), { records: 300_000, replaced: 1 });
  });

  it('finds the rows of ids listed in order, oldest or newest first, and a repeat after them, as a plain map would', () => {
    for (const order of ['ascending', 'descending'] as const) {
      const numbers = Array.from({ length: 5000 }, (_, index) => 2021090100000 + index * 7);
      const ids = (order === 'ascending' ? numbers : numbers.reverse()).map(String);
      // A repeat of a row far up, then of the row just before, then ids in order again.
      const rows = [...ids, ids[10], ids[ids.length - 1], '2021090100003', ...ids.slice(0, 3)];
      const ledger = new IdLedger('案件');
      ledger.beginSheet('案件列表', '任务号', rows.length);
      const last = new Map<string, number>();
      rows.forEach((id, index) => {
        ledger.note('案件列表', index + 2, id);
        last.set(id, index + 2);
      });
      rows.forEach((id, index) => assert.equal(ledger.isWinner('案件列表', index + 2, id), last.get(id) === index + 2, `${order}: ${id} at ${index + 2}`));
      assert.deepEqual(ledger.sheetCounts('案件列表'), { records: last.size, replaced: rows.length - last.size });
    }
    const inOrder = new IdLedger('案件');
    inOrder.beginSheet('案件列表', '任务号');
    for (let row = 2; row < 1002; row++) inOrder.note('案件列表', row, String(2021000000000 + row));
    assert.equal(inOrder.hasRepeats, false);
    assert.equal(inOrder.isWinner('案件列表', 500, '2021000000500'), true);
    assert.equal(inOrder.isWinner('案件列表', 500, '2021000000501'), false);
  });
});

/** The values of a row as text, each with its type, trailing empty cells left out: what "the same row" means. */
function rowText(row: readonly CellValue[]): string {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
  return JSON.stringify(row.slice(0, end).map((value) => (value === undefined ? null : value instanceof Date ? ['date', value.getTime()] : [typeof value, value === 0 ? 0 : value])));
}

/** Cell values as exports hold them, with near misses of each other (1 and '1', 'ab' + '' and 'a' + 'b', -0 and 0). */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(null, undefined, '', 'a', 'b', 'ab', '1', '市政工程处', '市政工程', '处', true, false, 0, -0, 1, 44442.43194444, 44442.43194445, 2021000000003),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true }),
  fc.integer({ min: 0, max: 5 }).map((day) => new Date(Date.UTC(2021, 8, day))),
);

describe('rowFingerprint', () => {
  it('gives rows equal value for value the same number, and tells rows that differ apart', () => {
    fc.assert(
      fc.property(fc.array(anyCell, { maxLength: 8 }), fc.array(anyCell, { maxLength: 8 }), (left, right) => {
        assert.equal(rowFingerprint(left) === rowFingerprint(right), rowText(left) === rowText(right));
      }),
      { numRuns: 5000 },
    );
  });

  it('tells apart the rows that differ only in where a text is cut, its type, or one character of a long text', () => {
    const pairs: [CellValue[], CellValue[]][] = [
      [['ab', ''], ['a', 'b']],
      [[1], ['1']],
      [[new Date(0)], [0]],
      [[true], ['true']],
      [[null, 'a'], ['a']],
      [['问题描述'.repeat(50) + '甲'], ['问题描述'.repeat(50) + '乙']],
    ];
    for (const [left, right] of pairs) assert.notEqual(rowFingerprint(left), rowFingerprint(right), `${rowText(left)} vs ${rowText(right)}`);
    assert.equal(rowFingerprint(['a', 1, null, undefined]), rowFingerprint(['a', 1]));
    assert.equal(rowFingerprint([-0]), rowFingerprint([0]));
  });
});

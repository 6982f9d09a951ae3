import assert from 'node:assert/strict';
import { columnLetters, rowRanges } from '../../src/taskpane/cell-references.ts';

describe('columnLetters', () => {
  it('names columns as Excel does', () => {
    assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters), ['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('rowRanges', () => {
  it('collapses consecutive rows into ranges, in order', () => {
    assert.deepEqual(rowRanges([7, 3, 4, 5, 9]), [[3, 5], [7, 7], [9, 9]]);
  });

  it('ignores repeats and gives nothing for no rows', () => {
    assert.deepEqual(rowRanges([4, 4, 5]), [[4, 5]]);
    assert.deepEqual(rowRanges([]), []);
  });

  it('does not mutate the input', () => {
    const rows = [9, 3];
    rowRanges(rows);
    assert.deepEqual(rows, [9, 3]);
  });
});

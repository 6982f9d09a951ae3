import assert from 'node:assert/strict';
import { readCount, readYesNo } from '../../src/core/text/yes-no.ts';

describe('readYesNo', () => {
  it('reads plain answers the same way in every column', () => {
    for (const yes of ['是', 'Y', 'yes', '1', '√', '有', true, 1]) assert.equal(readYesNo(yes), true, String(yes));
    for (const no of ['否', 'N', 'no', '0', '×', '无', false, 0]) assert.equal(readYesNo(no), false, String(no));
  });

  it('reads a late or on-time word by what it says, whatever the column asks, and turns it round after a negation', () => {
    for (const late of ['超期', '已超期', '超时', '已超时', '逾期', '超期办结', '未按期']) {
      assert.equal(readYesNo(late, 'overdue'), true, late);
      assert.equal(readYesNo(late, 'onTime'), false, late);
    }
    for (const onTime of ['不超期', '未超期', '没超时', '未超时', '不逾期', '按期', '按时办结', '正常']) {
      assert.equal(readYesNo(onTime, 'overdue'), false, onTime);
      assert.equal(readYesNo(onTime, 'onTime'), true, onTime);
    }
  });

  it('reads the column’s own subject as yes, and its negation as no', () => {
    assert.equal(readYesNo('自行处置', 'selfDisposed'), true);
    assert.equal(readYesNo('非自行处置', 'selfDisposed'), false);
    assert.equal(readYesNo('派遣处置', 'selfDisposed'), null);
    assert.equal(readYesNo('延期', 'postpone'), true);
    assert.equal(readYesNo('未延期', 'postpone'), false);
  });

  it('leaves blank and unreadable cells unanswered', () => {
    for (const value of [null, undefined, '', '  ', '待定']) assert.equal(readYesNo(value, 'overdue'), null, String(value));
  });

  it('reads counts given as numbers, as 2次, or as a yes/no', () => {
    assert.equal(readCount(2), 2);
    assert.equal(readCount('3'), 3);
    assert.equal(readCount('2次'), 2);
    assert.equal(readCount('是', 'rework'), 1);
    assert.equal(readCount('返工', 'rework'), 1);
    assert.equal(readCount('否', 'rework'), 0);
    assert.equal(readCount(null), 0);
  });
});

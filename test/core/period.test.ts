import assert from 'node:assert/strict';
import { endOfPeriod, formatWallTime, parsePeriod, periodKey, periodLabel, shiftPeriod, startOfPeriod } from '../../src/core/index.ts';
import { isInPeriod, periodContaining, periodHeaderLabel, previousPeriod, samePeriodLastYear } from '../../src/core/time/period.ts';
import { wallTimeOf } from '../../src/core/time/wall-time.ts';

describe('periods', () => {
  it('parses the usual ways of writing a month', () => {
    for (const text of ['2021-09', '2021-9', '2021年9月', '202109', '2021/09']) {
      const period = parsePeriod(text);
      assert.ok(period, text);
      assert.equal(periodKey(period), '2021-09');
      assert.equal(periodLabel(period), '2021年9月');
    }
  });

  it('rejects text that is not a month', () => {
    assert.equal(parsePeriod('2021-13'), null);
    assert.equal(parsePeriod('九月'), null);
  });

  it('covers the calendar month by default, the last second included', () => {
    const period = parsePeriod('2021-09') as NonNullable<ReturnType<typeof parsePeriod>>;
    assert.equal(formatWallTime(startOfPeriod(period)), '2021-09-01 00:00');
    assert.equal(formatWallTime(endOfPeriod(period)), '2021-10-01 00:00');
    assert.ok(isInPeriod(wallTimeOf(2021, 9, 30, 23, 59, 59) as number, period));
    assert.ok(!isInPeriod(wallTimeOf(2021, 10, 1) as number, period));
  });

  it('runs a 21st-to-20th period from the previous month when the start day is 21', () => {
    const period = parsePeriod('2021-09', 21) as NonNullable<ReturnType<typeof parsePeriod>>;
    assert.equal(formatWallTime(startOfPeriod(period)), '2021-08-21 00:00');
    assert.equal(formatWallTime(endOfPeriod(period)), '2021-09-21 00:00');
    assert.equal(periodKey(periodContaining(wallTimeOf(2021, 9, 25) as number, 21)), '2021-10');
    assert.equal(periodKey(periodContaining(wallTimeOf(2021, 9, 20, 23) as number, 21)), '2021-09');
  });

  it('shifts across a year boundary', () => {
    assert.equal(periodKey(shiftPeriod(parsePeriod('2021-01') as NonNullable<ReturnType<typeof parsePeriod>>, -1)), '2020-12');
    assert.equal(periodKey(shiftPeriod(parsePeriod('2021-12') as NonNullable<ReturnType<typeof parsePeriod>>, 1)), '2022-01');
  });

  it('takes 上期 from the month before and 去年同期 from twelve months back, across year boundaries', () => {
    const january = parsePeriod('2021-01', 21) as NonNullable<ReturnType<typeof parsePeriod>>;
    assert.equal(periodKey(previousPeriod(january)), '2020-12');
    assert.equal(periodKey(samePeriodLastYear(january)), '2020-01');
    assert.equal(previousPeriod(january).startDay, 21);
  });

  it('names a period in a column header by its month, with the year when it is another year or asked for', () => {
    const built = parsePeriod('2021-07') as NonNullable<ReturnType<typeof parsePeriod>>;
    assert.equal(periodHeaderLabel(built, built), '7月');
    assert.equal(periodHeaderLabel(previousPeriod(built), built), '6月');
    assert.equal(periodHeaderLabel(samePeriodLastYear(built), built), '2020年7月');
    assert.equal(periodHeaderLabel(built, built, true), '2021年7月');
  });
});

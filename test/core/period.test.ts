import assert from 'node:assert/strict';
import { endOfPeriod, formatWallTime, parsePeriod, periodKey, periodLabel, shiftPeriod, startOfPeriod } from '../../src/core/index.ts';
import { isInPeriod, isPeriodKey, kindOfKey, monthsOf, periodContaining, periodHeaderLabel, previousPeriod, samePeriodLastYear, weeksInYear, type Period, type PeriodRules } from '../../src/core/time/period.ts';
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

  describe('weeks, quarters, halves and years', () => {
    const period = (text: string, rules: number | PeriodRules = {}): Period => {
      const parsed = parsePeriod(text, rules);
      assert.ok(parsed, text);
      return parsed;
    };
    const span = (value: Period) => `${formatWallTime(startOfPeriod(value))} – ${formatWallTime(endOfPeriod(value))}`;

    it('parses every form of each kind into its key and its label', () => {
      const forms: [string[], string, string][] = [
        [['2021-W37', '2021W37', '2021-w37', '2021年第37周', '2021年37周', '２０２１－Ｗ３７'], '2021-W37', '2021年第37周'],
        [['2021-W07', '2021-W7', '2021年第7周'], '2021-W07', '2021年第7周'],
        [['2021-Q3', '2021Q3', '2021年第三季度', '2021年三季度', '2021年第3季度', '2021年Q3'], '2021-Q3', '2021年第三季度'],
        [['2021-H1', '2021H1', '2021年上半年', '2021上半年'], '2021-H1', '2021年上半年'],
        [['2021-H2', '2021年下半年'], '2021-H2', '2021年下半年'],
        [['2021', '2021年', '2021年度', ' 2021 '], '2021', '2021年'],
      ];
      for (const [texts, key, label] of forms) {
        for (const text of texts) {
          assert.equal(periodKey(period(text)), key, text);
          assert.equal(periodLabel(period(text)), label, text);
          assert.ok(isPeriodKey(key));
        }
      }
      assert.deepEqual(['2021-09', '2021-W37', '2021-Q3', '2021-H1', '2021'].map(kindOfKey), ['month', 'week', 'quarter', 'half', 'year']);
      assert.equal(kindOfKey('2021-9'), null);
    });

    it('rejects a week, quarter or half the year does not have', () => {
      for (const text of ['2021-W53', '2021-W00', '2021-Q5', '2021-Q0', '2021-H3', '2021年第五季度', '21', '2021-W']) assert.equal(parsePeriod(text), null, text);
      assert.ok(parsePeriod('2020-W53'), '2020 has 53 ISO weeks');
    });

    it('numbers weeks as ISO 8601 does: Monday to Sunday, week 1 holds 4 January', () => {
      assert.equal(span(period('2021-W37')), '2021-09-13 00:00 – 2021-09-20 00:00');
      assert.equal(span(period('2021-W01')), '2021-01-04 00:00 – 2021-01-11 00:00');
      // 2021-01-01 (a Friday) is in the last week of 2020, which has 53 weeks.
      assert.equal(periodKey(periodContaining(wallTimeOf(2021, 1, 1) as number, {}, 'week')), '2020-W53');
      assert.equal(span(period('2020-W53')), '2020-12-28 00:00 – 2021-01-04 00:00');
      // 2024-12-30 (a Monday) starts week 1 of 2025.
      assert.equal(periodKey(periodContaining(wallTimeOf(2024, 12, 31, 12) as number, {}, 'week')), '2025-W01');
      assert.deepEqual([2015, 2020, 2021, 2026].map((year) => weeksInYear(year)), [53, 53, 52, 53]);
    });

    it('starts weeks on the office’s day, numbering them the same way', () => {
      // A Sunday-to-Saturday week: week 1 of 2021 is the one holding 4 January (Sunday 3 to Saturday 9).
      assert.equal(span(period('2021-W01', { weekStart: 7 })), '2021-01-03 00:00 – 2021-01-10 00:00');
      assert.equal(span(period('2021-W37', { weekStart: 7 })), '2021-09-12 00:00 – 2021-09-19 00:00');
      // A Friday-to-Thursday week.
      assert.equal(span(period('2021-W37', { weekStart: 5 })), '2021-09-10 00:00 – 2021-09-17 00:00');
      assert.equal(periodKey(periodContaining(wallTimeOf(2021, 9, 16, 23, 59) as number, { weekStart: 5 }, 'week')), '2021-W37');
      assert.equal(periodKey(periodContaining(wallTimeOf(2021, 9, 17) as number, { weekStart: 5 }, 'week')), '2021-W38');
      // Every day of a year lands in exactly one week, and consecutive weeks meet.
      for (const weekStart of [1, 3, 7]) {
        let previous: Period | null = null;
        for (let day = 0; day < 400; day++) {
          const time = (wallTimeOf(2020, 12, 1) as number) + day * 86_400_000;
          const week = periodContaining(time, { weekStart }, 'week');
          assert.ok(isInPeriod(time, week), `${weekStart} ${formatWallTime(time)}`);
          if (previous && periodKey(previous) !== periodKey(week)) assert.equal(startOfPeriod(week), endOfPeriod(previous));
          previous = week;
        }
      }
    });

    it('makes quarters, halves and years of the office’s months (21st to 20th when it cuts so)', () => {
      assert.equal(span(period('2021-Q3')), '2021-07-01 00:00 – 2021-10-01 00:00');
      assert.equal(span(period('2021-H2')), '2021-07-01 00:00 – 2022-01-01 00:00');
      assert.equal(span(period('2021')), '2021-01-01 00:00 – 2022-01-01 00:00');
      assert.equal(span(period('2021-Q1', 21)), '2020-12-21 00:00 – 2021-03-21 00:00');
      assert.equal(span(period('2021', 21)), '2020-12-21 00:00 – 2021-12-21 00:00');
      assert.deepEqual(monthsOf(period('2021-Q3')).map(periodKey), ['2021-07', '2021-08', '2021-09']);
      assert.deepEqual(monthsOf(period('2021-H1')).map(periodKey), ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06']);
      assert.equal(monthsOf(period('2021')).length, 12);
      assert.equal(periodKey(periodContaining(wallTimeOf(2021, 12, 25) as number, 21, 'year')), '2022');
      assert.equal(periodKey(periodContaining(wallTimeOf(2021, 6, 30) as number, {}, 'quarter')), '2021-Q2');
      assert.equal(periodKey(periodContaining(wallTimeOf(2021, 7, 1) as number, {}, 'half')), '2021-H2');
    });

    it('takes 上期 from the period of the same kind before and 去年同期 from the same one a year back', () => {
      const cases: [string, string, string][] = [
        ['2021-W01', '2020-W53', '2020-W01'],
        ['2021-W37', '2021-W36', '2020-W37'],
        ['2020-W53', '2020-W52', '2019-W52'],
        ['2021-Q1', '2020-Q4', '2020-Q1'],
        ['2021-Q3', '2021-Q2', '2020-Q3'],
        ['2021-H1', '2020-H2', '2020-H1'],
        ['2021-H2', '2021-H1', '2020-H2'],
        ['2021', '2020', '2020'],
      ];
      for (const [text, previous, lastYear] of cases) {
        assert.equal(periodKey(previousPeriod(period(text))), previous, text);
        assert.equal(periodKey(samePeriodLastYear(period(text))), lastYear, text);
        assert.equal(periodKey(shiftPeriod(previousPeriod(period(text)), 1)), text);
      }
      assert.equal(previousPeriod(period('2021-W01', { weekStart: 7 })).weekStart, 7);
    });

    it('names a period in a column header within its year, with the year for another year', () => {
      const built = period('2021-Q3');
      assert.equal(periodHeaderLabel(previousPeriod(built), built), '第二季度');
      assert.equal(periodHeaderLabel(samePeriodLastYear(built), built), '2020年第三季度');
      const week = period('2021-W37');
      assert.equal(periodHeaderLabel(previousPeriod(week), week), '第36周');
      assert.equal(periodHeaderLabel(period('2021-H1'), period('2021-H2')), '上半年');
      assert.equal(periodHeaderLabel(period('2020'), period('2021')), '2020年');
      assert.equal(periodHeaderLabel(period('2021'), period('2021')), '2021年');
    });
  });
});

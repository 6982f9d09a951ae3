import assert from 'node:assert/strict';
import fc from 'fast-check';
import { excelSerialFromWallTime, formatWallTime, parseWallTime, wallTimeFromExcelSerial, wallTimeOf } from '../../src/core/index.ts';

const at = (text: string) => {
  const value = parseWallTime(text);
  return typeof value === 'number' ? formatWallTime(value) : value;
};

describe('parseWallTime', () => {
  it('reads every text form of the exports as the same wall-clock time', () => {
    for (const text of ['2021-09-03 10:22:00', '2021/9/3 10:22', '2021年9月3日 10时22分', '20210903102200', '2021-09-03T10:22', '２０２１－０９－０３　１０：２２']) {
      assert.equal(at(text), '2021-09-03 10:22', text);
    }
  });

  it('reads an Excel serial as China wall-clock time whatever the machine zone', () => {
    const serial = 44442 + (10 * 60 + 22) / 1440;
    assert.equal(formatWallTime(parseWallTime(serial) as number), '2021-09-03 10:22');
  });

  it('rounds serials to the second, so 10:22 is not 10:21:59.999', () => {
    const almost = 44442.43194444;
    assert.equal(formatWallTime(wallTimeFromExcelSerial(almost) as number), '2021-09-03 10:22');
  });

  it('round-trips a wall time through an Excel serial', () => {
    const time = wallTimeOf(2021, 9, 30, 23, 59, 59) as number;
    assert.equal(wallTimeFromExcelSerial(excelSerialFromWallTime(time)), time);
  });

  it('reads dates without a time as midnight and compact 8 or 12 digits', () => {
    assert.equal(at('2021-09-03'), '2021-09-03 00:00');
    assert.equal(at('20210903'), '2021-09-03 00:00');
    assert.equal(at('202109031022'), '2021-09-03 10:22');
    assert.equal(formatWallTime(parseWallTime(20210903102200) as number), '2021-09-03 10:22');
  });

  it('reads seconds when given', () => {
    assert.equal(at('2021-09-03 10:22:05'), '2021-09-03 10:22:05');
    assert.equal(at('2021年9月3日 10时22分05秒'), '2021-09-03 10:22:05');
  });

  describe('edge cases', () => {
    it('treats an empty cell as no time, not as a bad value', () => {
      assert.equal(parseWallTime(null), null);
      assert.equal(parseWallTime(''), null);
      assert.equal(parseWallTime('   '), null);
    });

    it('reads a Date by its UTC fields', () => {
      assert.equal(formatWallTime(parseWallTime(new Date(Date.UTC(2021, 8, 3, 10, 22))) as number), '2021-09-03 10:22');
    });
  });

  describe('bad input', () => {
    it('returns undefined for text that is not a time, never 0', () => {
      for (const text of ['明天', '2021-13-01', '2021-02-30 10:00', '2021-09-03 25:00', 'abc', '12345']) {
        assert.equal(parseWallTime(text), undefined, text);
      }
    });

    it('returns undefined for numbers that cannot be serials', () => {
      assert.equal(parseWallTime(-5), undefined);
      assert.equal(parseWallTime(Number.NaN), undefined);
    });
  });
});

describe('parseWallTime on the common form', () => {
  it('reads 2021-09-03 10:22(:05), with - or / and a space or T, exactly as the general pattern does', () => {
    // The general pattern reads the same text when it has a space in front, which the fast form never takes.
    const viaPattern = (text: string) => parseWallTime(` ${text}`);
    for (const text of ['2021-09-03 10:22', '2021-09-03 10:22:05', '2021/09/03 10:22:59', '2021-09-03T23:59:59', '2020-02-29 00:00', '1999-12-31 23:59:59']) {
      assert.equal(parseWallTime(text), viaPattern(text), text);
      assert.equal(typeof parseWallTime(text), 'number', text);
    }
    for (const text of ['2021-02-29 10:00', '2021-09-31 10:00:00', '2021-09-03 24:00', '2021-09-03 10:60:00', '2021-13-03 10:00', '2021-00-03 10:00', '2021-09-03 10:22:60']) {
      assert.equal(parseWallTime(text), undefined, text);
      assert.equal(viaPattern(text), undefined, text);
    }
  });
});

describe('wallTimeOf', () => {
  it('gives what Date.UTC gives for every real date and time, 1900 to 9999 (leap years and centuries too)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (year, month, day, hour, minute, second) => {
        const expected = Date.UTC(year, month - 1, day, hour, minute, second);
        const real = new Date(expected).getUTCDate() === day;
        assert.equal(wallTimeOf(year, month, day, hour, minute, second), real ? expected : null);
      }),
      { numRuns: 5000 },
    );
    for (const [year, month, day] of [[2000, 2, 29], [1900, 2, 28], [2100, 2, 28], [2024, 12, 31], [1970, 1, 1], [2021, 3, 1]]) assert.equal(wallTimeOf(year, month, day), Date.UTC(year, month - 1, day));
    for (const [year, month, day] of [[1900, 2, 29], [2100, 2, 29], [2021, 2, 29], [2021, 4, 31]]) assert.equal(wallTimeOf(year, month, day), null);
  });

  it('reads the canonical text form as the general pattern does, and refuses what is no time', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), fc.constantFrom('-', '/'), fc.constantFrom(' ', 'T'), fc.boolean(), (date, dash, gap, seconds) => {
        const pad = (value: number) => String(value).padStart(2, '0');
        const text = `${date.getUTCFullYear()}${dash}${pad(date.getUTCMonth() + 1)}${dash}${pad(date.getUTCDate())}${gap}${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds ? `:${pad(date.getUTCSeconds())}` : ''}`;
        const whole = Math.floor(date.getTime() / 1000) * 1000;
        const expected = seconds ? whole : whole - date.getUTCSeconds() * 1000;
        assert.equal(parseWallTime(text), expected, text);
      }),
      { numRuns: 3000 },
    );
    for (const text of ['2021-09-3x 10:22', '2021-13-03 10:22', '2021-02-30 10:22', '2021-09-03 24:00', '2021-09-03 10:60', '20a1-09-03 10:22', '2021-09-03 10:22:6０']) assert.equal(parseWallTime(text), undefined, text);
  });
});

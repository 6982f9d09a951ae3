import assert from 'node:assert/strict';
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

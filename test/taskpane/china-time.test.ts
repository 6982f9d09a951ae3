import assert from 'node:assert/strict';
import { chinaWallClockText } from '../../src/taskpane/china-time.ts';

describe('chinaWallClockText', () => {
  it('shows an instant as Beijing wall-clock time, whatever the machine’s zone', () => {
    assert.equal(chinaWallClockText(new Date('2021-10-11T01:00:00Z')), '2021-10-11 09:00');
  });

  it('moves to the next day and month after 16:00 UTC', () => {
    assert.equal(chinaWallClockText(new Date('2021-09-30T16:30:00Z')), '2021-10-01 00:30');
  });

  it('writes midnight as 00, not 24', () => {
    assert.equal(chinaWallClockText(new Date('2021-10-10T16:00:00Z')), '2021-10-11 00:00');
  });
});

import assert from 'node:assert/strict';
import { formatRate, rateNumberFormat } from '../../src/core/index.ts';

describe('rate display', () => {
  it('shows the brief\'s rates with trailing zeros dropped', () => {
    assert.equal(formatRate(1), '100%');
    assert.equal(formatRate(0.99), '99%');
    assert.equal(formatRate(27 / 29), '93.1%');
    assert.equal(formatRate(4080 / 4137), '98.62%');
    assert.equal(formatRate(3119 / 3458), '90.2%');
    assert.equal(formatRate(0), '0%');
  });

  it('rounds half up at the second decimal', () => {
    assert.equal(formatRate(0.98625), '98.63%');
    assert.equal(formatRate(0.999951), '100%');
    assert.equal(formatRate(11 / 12), '91.67%');
  });

  it('shows nothing for a zero denominator', () => {
    assert.equal(formatRate(null), '');
  });

  it('picks the per-cell number format that displays the same text', () => {
    assert.equal(rateNumberFormat(1), '0%');
    assert.equal(rateNumberFormat(0.99), '0%');
    assert.equal(rateNumberFormat(27 / 29), '0.0%');
    assert.equal(rateNumberFormat(4080 / 4137), '0.00%');
    assert.equal(rateNumberFormat(0.999951), '0%');
  });
});

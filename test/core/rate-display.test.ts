import assert from 'node:assert/strict';
import { formatChange, formatRate, rateNumberFormat } from '../../src/core/index.ts';
import { changeNumberFormat, rateCellText } from '../../src/core/report/rate-display.ts';

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

  it('shows a relative change with its sign, or with arrows as some briefs print it, keeping the number', () => {
    assert.equal(formatChange(-0.0015, 'sign'), '-0.15%');
    assert.equal(formatChange(0.0263, 'sign'), '2.63%');
    assert.equal(formatChange(-0.2221, 'arrow'), '↓22.21%');
    assert.equal(formatChange(0.1387, 'arrow'), '↑13.87%');
    assert.equal(formatChange(0, 'arrow'), '0%');
    assert.equal(formatChange(null, 'arrow'), '');
    // Negative changes round away from zero, as Excel's number format shows them.
    assert.equal(formatRate(-0.00125), '-0.13%');
    assert.equal(changeNumberFormat(-0.2221, 'arrow'), '"↑"0.00%;"↓"0.00%;0%');
    assert.equal(changeNumberFormat(-0.5, 'arrow'), '"↑"0%;"↓"0%;0%');
    assert.equal(changeNumberFormat(0.1, 'sign'), '0%');
  });

  it('gives the arrow format the text Excel shows for it', () => {
    for (const value of [-0.2221, 0.1387, 0.5, -0.031]) assert.equal(rateCellText(value, changeNumberFormat(value, 'arrow')), formatChange(value, 'arrow'));
  });
});

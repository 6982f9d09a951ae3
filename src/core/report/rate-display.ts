/**
 * How a rate is shown (indicators.md, "Rates"): the value stays a number, and each cell gets the number
 * format that shows it as a percentage rounded half-up to two decimals with trailing zeros dropped:
 * `100%`, `99%`, `93.1%`, `98.62%`. One format for all (`0.##%`) would show `100.%`, so the format is per cell.
 */

/** The rate in hundredths of a percent, rounded half-up (0.98622 → 9862). */
function basisPoints(rate: number): number {
  // The epsilon keeps 0.98625 (stored as 0.98624999…) rounding up, as a person rounding 98.625 would.
  return Math.floor(rate * 10_000 + 0.5 + 1e-9);
}

/** The Excel number format that displays `rate` by the rule: `0%`, `0.0%` or `0.00%`. */
export function rateNumberFormat(rate: number): string {
  const points = Math.abs(basisPoints(rate));
  if (points % 100 === 0) return '0%';
  if (points % 10 === 0) return '0.0%';
  return '0.00%';
}

/** The rate as the brief prints it (`98.62%`), or '' for no rate (a zero denominator). */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '';
  const points = basisPoints(rate);
  const text = (points / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${text}%`;
}

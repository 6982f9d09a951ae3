/**
 * How a rate is shown (indicators.md, "Rates"): the value stays a number, and each cell gets the number
 * format that shows it as a percentage rounded half-up to two decimals with trailing zeros dropped:
 * `100%`, `99%`, `93.1%`, `98.62%`. One format for all (`0.##%`) would show `100.%`, so the format is per cell.
 */

/** The rate in hundredths of a percent, rounded half-up (0.98622 → 9862). */
function basisPoints(rate: number): number {
  // The epsilon keeps 0.98625 (stored as 0.98624999…) rounding up, as a person rounding 98.625 would.
  // Negative changes round away from zero too, as Excel's number format does (-0.00125 → -0.13%).
  return Math.sign(rate) * Math.floor(Math.abs(rate) * 10_000 + 0.5 + 1e-9);
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

/**
 * How a relative change (增减幅, 环比, 同比) is shown: `sign` as any rate (`-0.15%`, `2.63%`), or
 * `arrow` as some briefs print it (`↓0.15%`, `↑2.63%`, `0%` for no change). The value stays the
 * signed number either way; the arrows are the cell's number format.
 */
export type ChangeStyle = 'sign' | 'arrow';

const up = '↑';
const down = '↓';

/** The Excel number format of a relative change: the rate rule's decimals, with arrows in place of the sign. */
export function changeNumberFormat(rate: number, style: ChangeStyle): string {
  const format = rateNumberFormat(rate);
  return style === 'sign' ? format : `"${up}"${format};"${down}"${format};0%`;
}

/** A relative change as printed: `-0.15%` or `↓0.15%`; '' for none. */
export function formatChange(rate: number | null, style: ChangeStyle): string {
  if (rate === null || !Number.isFinite(rate)) return '';
  if (style === 'sign' || rate === 0) return formatRate(rate);
  return `${rate > 0 ? up : down}${formatRate(Math.abs(rate))}`;
}

/** A rate cell's text as Excel shows it with its number format (arrow formats included). */
export function rateCellText(value: number, numFmt: string | undefined): string {
  return numFmt?.startsWith(`"${up}"`) ? formatChange(value, 'arrow') : formatRate(value);
}

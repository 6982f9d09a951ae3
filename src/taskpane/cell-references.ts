/**
 * Sheet references as people read them: Excel's column letters, and row lists collapsed into ranges
 * for the warnings' row links. Pure.
 */

/**
 * Excel's letters of a 0-based column index.
 * @example columnLetters(0) // 'A'
 * @example columnLetters(26) // 'AA'
 */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Rows (any order, repeats allowed) as sorted inclusive [first, last] ranges of consecutive rows.
 * @example rowRanges([7, 3, 4, 5, 9]) // [[3, 5], [7, 7], [9, 9]]
 */
export function rowRanges(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((left, right) => left - right);
  const ranges: [number, number][] = [];
  for (const row of sorted) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && row === last[1] + 1) last[1] = row;
    else ranges.push([row, row]);
  }
  return ranges;
}

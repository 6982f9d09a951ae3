/**
 * Warnings about event times that cannot be true (2201-08-16 for 2021-08-16, a time after the build
 * itself, or before 2000): one per sheet, with a few examples, and the promise that such a time
 * never becomes the as-of time.
 */
import type { BuildWarning } from '../model/warning.ts';
import { formatWallTime } from '../time/wall-time.ts';
import type { ImplausibleTimes } from './choose-period.ts';

export function implausibleTimeWarnings(bySheet: ReadonlyMap<string, ImplausibleTimes>): BuildWarning[] {
  return [...bySheet].map(([sheet, { rows, examples }]) => {
    const shown = examples.map((time) => `第 ${time.row} 行${time.field} ${formatWallTime(time.time)}`);
    return {
      kind: 'implausibleTime',
      sheet,
      rows,
      message: `${rows.length} 行有不可能的时间（晚于本次生成的时间，或早于2000年），如 ${shown.join('、')}：这些时间不会被当作统计时点。`,
      action: '多半是录入时打错了年份：请在原系统中改正后重新导出；如统计时点不对，可在"月报设置"或生成时指定。',
    };
  });
}

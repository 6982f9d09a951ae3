/**
 * Which period a build covers and at which as-of time, when the clerk does not say: the as-of time is
 * the settings' override, else the latest event time of the exports (never a deadline, which can lie
 * in the future); the period is the most recent complete one at that time. The build and the task
 * pane's inspection both decide through these functions, so the pane suggests what the build does.
 */
import type { CaseRecord } from '../model/case-record.ts';
import type { OrderRecord } from '../model/order-record.ts';
import { InputError } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { settingsSheetName } from '../settings/settings-sheet.ts';
import { endOfPeriod, parsePeriod, periodContaining, shiftPeriod, type Period } from '../time/period.ts';
import { parseWallTime, type WallTime } from '../time/wall-time.ts';

export type AsOfSource = 'option' | 'settings' | 'latest-event';

/** The period a build covers by default: the one holding `asOf`, or the one before when `asOf` is not at its very end. */
export function defaultPeriodAt(asOf: WallTime, startDay: number): Period {
  const containing = periodContaining(asOf, startDay);
  return asOf < endOfPeriod(containing) - 60_000 ? shiftPeriod(containing, -1) : containing;
}

/** The period asked for (`2021-09` or a Period), else the default at `asOf`. Throws InputError on text that is no period. */
export function resolvePeriod(option: string | Period | undefined, startDay: number, asOf: WallTime): Period {
  if (option === undefined || option === '') return defaultPeriodAt(asOf, startDay);
  if (typeof option !== 'string') return { ...option, startDay };
  const parsed = parsePeriod(option, startDay);
  if (!parsed) throw new InputError(`统计期"${option}"无法识别，请写成 2021-09 这样的年月。`, { sheet: '', column: '', headersSeen: [] });
  return parsed;
}

/** The as-of time asked for, else the settings' override, else the latest event. Throws InputError on unreadable text. */
export function resolveAsOf(option: string | WallTime | undefined, settings: Settings, latestEvent: WallTime): { asOf: WallTime; source: AsOfSource } {
  const fromText = (text: string, where: string): WallTime => {
    const parsed = parseWallTime(text);
    if (parsed === null || parsed === undefined) throw new InputError(`${where}的统计时点"${text}"无法识别，请写成 2021-10-08 17:30 这样的时间。`, { sheet: settingsSheetName, column: '统计时点', headersSeen: [] });
    return parsed;
  };
  if (typeof option === 'number') return { asOf: option, source: 'option' };
  if (typeof option === 'string' && option.trim() !== '') return { asOf: fromText(option, '参数中'), source: 'option' };
  if (settings.asOfOverride.trim() !== '') return { asOf: fromText(settings.asOfOverride, '"月报设置"中'), source: 'settings' };
  return { asOf: latestEvent, source: 'latest-event' };
}

/** Latest event time of the cases and orders (report, accept, file, dispatch, dispose, close; receive, finish); -Infinity when none. */
export function latestEventTime(records: readonly CaseRecord[], orders: readonly OrderRecord[]): WallTime {
  let latest = -Infinity;
  const consider = (time: WallTime | null) => {
    if (time !== null && time > latest) latest = time;
  };
  for (const record of records) {
    consider(record.reportedAt);
    consider(record.acceptedAt);
    consider(record.filedAt);
    consider(record.dispatchedAt);
    consider(record.disposedAt);
    consider(record.closedAt);
  }
  for (const order of orders) {
    consider(order.receivedAt);
    consider(order.finishedAt);
  }
  return latest;
}

/** Words for where the as-of time came from, as the notes under every table say it. */
export function asOfSourceWords(source: AsOfSource): string {
  return source === 'latest-event' ? '（导出数据中最晚的事件时间）' : source === 'settings' ? '（月报设置中指定）' : '（生成时指定）';
}

/**
 * Statistics periods. A period is named by its month (2021-09) and covers [start, next start), where
 * start is day `startDay` 00:00. With startDay 1 that is the calendar month; a city that cuts on the
 * 21st has its 9月 period run from 8月21日 to 9月20日 (the month named is the one the period ends in).
 */
import { wallTimeOf, type WallTime } from './wall-time.ts';

export interface Period {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** Day of the month the period starts, 1–28. */
  readonly startDay: number;
}

/** Parses `2021-09`, `2021-9`, `2021年9月`, `202109`; returns null when it is not a month. */
export function parsePeriod(text: string, startDay = 1): Period | null {
  const match = /^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))\s*$/.exec(text.normalize('NFKC'));
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[3]);
  if (month < 1 || month > 12) return null;
  return { year, month, startDay: clampStartDay(startDay) };
}

function clampStartDay(day: number): number {
  return Number.isInteger(day) && day >= 1 && day <= 28 ? day : 1;
}

/** First wall-clock instant of the period. */
export function startOfPeriod(period: Period): WallTime {
  if (period.startDay === 1) return wallTimeOf(period.year, period.month, 1) as WallTime;
  const previous = shiftPeriod(period, -1);
  return wallTimeOf(previous.year, previous.month, period.startDay) as WallTime;
}

/** First wall-clock instant after the period (the next period's start). */
export function endOfPeriod(period: Period): WallTime {
  return startOfPeriod(shiftPeriod(period, 1));
}

/** The bounds of each period asked about, by the period object (a build asks about one period 200,000 times). */
const boundsOf = new WeakMap<Period, { readonly start: WallTime; readonly end: WallTime }>();

/** Whether a wall time falls inside the period. */
export function isInPeriod(time: WallTime, period: Period): boolean {
  let bounds = boundsOf.get(period);
  if (bounds === undefined) {
    bounds = { start: startOfPeriod(period), end: endOfPeriod(period) };
    boundsOf.set(period, bounds);
  }
  return time >= bounds.start && time < bounds.end;
}

/** The period `months` later (negative: earlier). */
export function shiftPeriod(period: Period, months: number): Period {
  const index = period.year * 12 + (period.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, startDay: period.startDay };
}

/** The period that holds a wall time. */
export function periodContaining(time: WallTime, startDay = 1): Period {
  const date = new Date(time);
  const candidate: Period = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, startDay: clampStartDay(startDay) };
  return time >= endOfPeriod(candidate) ? shiftPeriod(candidate, 1) : candidate;
}

/** `2021-09`: the key under which history is recorded. */
export function periodKey(period: Period): string {
  return `${period.year}-${String(period.month).padStart(2, '0')}`;
}

/** `2021年9月`: the label in sheet names and titles. */
export function periodLabel(period: Period): string {
  return `${period.year}年${period.month}月`;
}

/**
 * The period a 上期 (previous-period) figure comes from: the month before. The one place that says
 * so, so that weeks, quarters or years change here only.
 */
export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** The period a 去年同期 (same period last year) figure comes from: twelve months back. */
export function samePeriodLastYear(period: Period): Period {
  return shiftPeriod(period, -12);
}

/**
 * How a column header names a period (显示 月份表头): `7月` for a month of the same year as the
 * period being built, `2020年7月` for another year, or always with the year when `withYear`.
 * Every month-named header goes through here.
 */
export function periodHeaderLabel(period: Period, builtPeriod: Period, withYear = false): string {
  return withYear || period.year !== builtPeriod.year ? periodLabel(period) : `${period.month}月`;
}

/**
 * Statistics periods of every kind a brief is written for: a month (月报), an ISO week (周报), a
 * quarter (季报), a half-year and a year (年报). A period covers [start, next start).
 *
 * - A month is named by its month (2021-09) and starts on day `startDay` 00:00: with startDay 1 that is
 *   the calendar month; a city that cuts on the 21st has its 9月 run from 8月21日 to 9月20日 (the month
 *   named is the one the period ends in). Quarters, halves and years are made of such months, so with
 *   startDay 21 the year 2021 runs from 2020-12-21 to 2021-12-20, and a quarter is the union of its months.
 * - A week starts on `weekStart` (1 Monday, as ISO 8601, … 7 Sunday) and is numbered as ISO 8601 numbers
 *   weeks, for any start day: a week belongs to the year that holds its fourth day (most of its days),
 *   and week 1 is the week holding 4 January. So 2021-W37 (Monday start) is 2021-09-13 to 2021-09-19.
 *
 * Keys (the history's 期间 column, `--period`, the pane's field): `2021-09`, `2021-W37`, `2021-Q3`,
 * `2021-H1`, `2021`. Labels (sheet names, titles, sentences): `2021年9月`, `2021年第37周`,
 * `2021年第三季度`, `2021年上半年`, `2021年`. Pure: no clock, no time zone (wall times, see wall-time.ts).
 */
import { wallTimeOf, type WallTime } from './wall-time.ts';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** Its place in the year: the month 1–12, the week 1–53, the quarter 1–4, the half 1–2; 1 for a year. */
  readonly index: number;
  /** Day of the month months start on, 1–28 (quarters, halves and years are made of such months). */
  readonly startDay: number;
  /** Day weeks start on: 1 Monday (ISO 8601) … 7 Sunday. */
  readonly weekStart: number;
}

/** How an office cuts its periods: the day months start on (1–28) and the day weeks start on (1 Monday … 7 Sunday). */
export interface PeriodRules {
  readonly startDay?: number;
  readonly weekStart?: number;
}

const msPerDay = 86_400_000;
const chineseNumerals = ['', '一', '二', '三', '四'];

function clampStartDay(day: number | undefined): number {
  return day !== undefined && Number.isInteger(day) && day >= 1 && day <= 28 ? day : 1;
}

function clampWeekStart(day: number | undefined): number {
  return day !== undefined && Number.isInteger(day) && day >= 1 && day <= 7 ? day : 1;
}

function rulesOf(rules: number | PeriodRules | undefined): { startDay: number; weekStart: number } {
  const given = typeof rules === 'number' ? { startDay: rules } : (rules ?? {});
  return { startDay: clampStartDay(given.startDay), weekStart: clampWeekStart(given.weekStart) };
}

/** A period of `kind` under the rules; null when the index is not one of that year's. */
export function makePeriod(kind: PeriodKind, year: number, index: number, rules: number | PeriodRules = {}): Period | null {
  if (!Number.isInteger(year) || year < 1900 || year > 9998 || !Number.isInteger(index)) return null;
  const { startDay, weekStart } = rulesOf(rules);
  const last = kind === 'month' ? 12 : kind === 'quarter' ? 4 : kind === 'half' ? 2 : kind === 'year' ? 1 : weeksInYear(year, weekStart);
  if (index < 1 || index > last) return null;
  return { kind, year, index, startDay, weekStart };
}

const chineseDigit: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const patterns: readonly { readonly kind: PeriodKind; readonly pattern: RegExp; readonly index: (match: RegExpExecArray) => number }[] = [
  { kind: 'year', pattern: /^(\d{4})\s*(?:年度?)?$/, index: () => 1 },
  { kind: 'month', pattern: /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/, index: (match) => Number(match[2] ?? match[3]) },
  { kind: 'week', pattern: /^(\d{4})\s*(?:[-年]?\s*W\s*(\d{1,2})|年?\s*第?\s*(\d{1,2})\s*周)$/i, index: (match) => Number(match[2] ?? match[3]) },
  { kind: 'quarter', pattern: /^(\d{4})\s*(?:[-年]?\s*Q\s*([1-4])|年?\s*第?\s*([1-4一二三四])\s*季度?)$/i, index: (match) => Number(match[2] ?? chineseDigit[match[3]] ?? match[3]) },
  { kind: 'half', pattern: /^(\d{4})\s*(?:[-年]?\s*H\s*([12])|年?\s*([上下])半年)$/i, index: (match) => (match[2] ? Number(match[2]) : match[3] === '上' ? 1 : 2) },
];

/**
 * Parses a period as clerks and keys write it: `2021-09`, `2021-9`, `2021年9月`, `202109` (months);
 * `2021-W37`, `2021W37`, `2021年第37周` (weeks); `2021-Q3`, `2021年第三季度`, `2021年3季度` (quarters);
 * `2021-H1`, `2021年上半年` (halves); `2021`, `2021年` (years). Returns null when it is none of them
 * (or names a week the year does not have). `rules` is the start day of months, or both rules.
 */
export function parsePeriod(text: string, rules: number | PeriodRules = {}): Period | null {
  const normalised = text.normalize('NFKC').trim();
  for (const { kind, pattern, index } of patterns) {
    const match = pattern.exec(normalised);
    if (match) return makePeriod(kind, Number(match[1]), index(match), rules);
  }
  return null;
}

/** Whether the text is a history key of any kind (`2021-09`, `2021-W37`, `2021-Q3`, `2021-H1`, `2021`). */
export function isPeriodKey(text: string): boolean {
  return /^\d{4}(?:-\d{2}|-W\d{2}|-Q[1-4]|-H[12])?$/.test(text);
}

/** The kind of period a history key names, or null when it is no key. */
export function kindOfKey(key: string): PeriodKind | null {
  if (!isPeriodKey(key)) return null;
  return key.length === 4 ? 'year' : key[5] === 'W' ? 'week' : key[5] === 'Q' ? 'quarter' : key[5] === 'H' ? 'half' : 'month';
}

/** The keys of the months a quarter's, half's or year's key is made of (`2021-Q3` → 2021-07, 2021-08, 2021-09); [] for a month's or a week's. */
export function monthKeysOf(key: string): string[] {
  const kind = kindOfKey(key);
  if (!isKindOfMonths(kind)) return [];
  const index = kind === 'year' ? 1 : Number(key.slice(6));
  return monthsOf({ kind, year: Number(key.slice(0, 4)), index, startDay: 1, weekStart: 1 }).map(periodKey);
}

/** Monday-based day of the week of a wall time: 1 Monday … 7 Sunday. */
function isoWeekday(time: WallTime): number {
  return ((new Date(time).getUTCDay() + 6) % 7) + 1;
}

/** The first instant of the week (starting on `weekStart`) that holds `time`. */
function startOfWeekHolding(time: WallTime, weekStart: number): WallTime {
  const day = Math.floor(time / msPerDay) * msPerDay;
  return day - ((isoWeekday(day) - weekStart + 7) % 7) * msPerDay;
}

/** The start of week 1 of `year`: the week that holds 4 January (so its fourth day is in the year). */
function startOfFirstWeek(year: number, weekStart: number): WallTime {
  return startOfWeekHolding(Date.UTC(year, 0, 4), weekStart);
}

/** 52 or 53. */
export function weeksInYear(year: number, weekStart = 1): number {
  return Math.round((startOfFirstWeek(year + 1, weekStart) - startOfFirstWeek(year, weekStart)) / (7 * msPerDay));
}

/** Whether a period is made of whole months that can be added up or checked one by one: a quarter, a half, a year. */
export function isMadeOfMonths(period: Period): boolean {
  return isKindOfMonths(period.kind);
}

function isKindOfMonths(kind: PeriodKind | null): kind is 'quarter' | 'half' | 'year' {
  return kind === 'quarter' || kind === 'half' || kind === 'year';
}

/** The months a quarter, half or year is made of (a month: itself; a week: none). */
export function monthsOf(period: Period): Period[] {
  if (period.kind === 'week') return [];
  const [first, count] = period.kind === 'month' ? [period.index, 1] : period.kind === 'quarter' ? [period.index * 3 - 2, 3] : period.kind === 'half' ? [period.index * 6 - 5, 6] : [1, 12];
  return Array.from({ length: count }, (_, offset) => ({ kind: 'month' as const, year: period.year, index: first + offset, startDay: period.startDay, weekStart: period.weekStart }));
}

function startOfMonthPeriod(year: number, month: number, startDay: number): WallTime {
  if (startDay === 1) return wallTimeOf(year, month, 1) as WallTime;
  const previousYear = month === 1 ? year - 1 : year;
  const previousMonth = month === 1 ? 12 : month - 1;
  return wallTimeOf(previousYear, previousMonth, startDay) as WallTime;
}

/** First wall-clock instant of the period. */
export function startOfPeriod(period: Period): WallTime {
  if (period.kind === 'week') return startOfFirstWeek(period.year, period.weekStart) + (period.index - 1) * 7 * msPerDay;
  const first = monthsOf(period)[0];
  return startOfMonthPeriod(first.year, first.index, period.startDay);
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

/** The period `steps` periods of its own kind later (negative: earlier): the month, week, quarter … after. */
export function shiftPeriod(period: Period, steps: number): Period {
  const perYear = period.kind === 'month' ? 12 : period.kind === 'quarter' ? 4 : period.kind === 'half' ? 2 : 1;
  if (period.kind === 'week') {
    const start = startOfFirstWeek(period.year, period.weekStart) + (period.index - 1 + steps) * 7 * msPerDay;
    return periodContaining(start, period, 'week');
  }
  const position = period.year * perYear + (period.index - 1) + steps;
  return { ...period, year: Math.floor(position / perYear), index: (((position % perYear) + perYear) % perYear) + 1 };
}

/** The period of `kind` (default: a month) that holds a wall time. */
export function periodContaining(time: WallTime, rules: number | PeriodRules = {}, kind: PeriodKind = 'month'): Period {
  const { startDay, weekStart } = rulesOf(rules);
  if (kind === 'week') {
    const weekStartTime = startOfWeekHolding(time, weekStart);
    const year = new Date(weekStartTime + 3 * msPerDay).getUTCFullYear();
    const index = Math.round((weekStartTime - startOfFirstWeek(year, weekStart)) / (7 * msPerDay)) + 1;
    return { kind, year, index, startDay, weekStart };
  }
  const date = new Date(time);
  let month: Period = { kind: 'month', year: date.getUTCFullYear(), index: date.getUTCMonth() + 1, startDay, weekStart };
  if (time >= endOfPeriod(month)) month = shiftPeriod(month, 1);
  if (kind === 'month') return month;
  const index = kind === 'quarter' ? Math.ceil(month.index / 3) : kind === 'half' ? Math.ceil(month.index / 6) : 1;
  return { kind, year: month.year, index, startDay, weekStart };
}

/** The key under which history is recorded: `2021-09`, `2021-W37`, `2021-Q3`, `2021-H1`, `2021`. */
export function periodKey(period: Period): string {
  const two = String(period.index).padStart(2, '0');
  switch (period.kind) {
    case 'month':
      return `${period.year}-${two}`;
    case 'week':
      return `${period.year}-W${two}`;
    case 'quarter':
      return `${period.year}-Q${period.index}`;
    case 'half':
      return `${period.year}-H${period.index}`;
    case 'year':
      return String(period.year);
  }
}

/** The period's name within its year: `9月`, `第37周`, `第三季度`, `上半年`; '' for a year. */
function nameInYear(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `${period.index}月`;
    case 'week':
      return `第${period.index}周`;
    case 'quarter':
      return `第${chineseNumerals[period.index]}季度`;
    case 'half':
      return period.index === 1 ? '上半年' : '下半年';
    case 'year':
      return '';
  }
}

/** The label in sheet names, titles and sentences: `2021年9月`, `2021年第37周`, `2021年第三季度`, `2021年上半年`, `2021年`. */
export function periodLabel(period: Period): string {
  return `${period.year}年${nameInYear(period)}`;
}

/**
 * For a period of a kind made of months (a quarter, a half, a year; `kindOfKey` of its key): that its
 * months can be built instead of the period itself, as the hints about a missing 上期 say; '' otherwise.
 */
export function orItsMonths(kind: PeriodKind | null): string {
  return isKindOfMonths(kind) ? '（或逐月生成它的各月：上期取各月之和）' : '';
}

/**
 * What a brief calls the period it is about, the next one, and other periods of its kind: 本月/下月/月份,
 * 本周/下周/周, 本季度/下季度/季度, 本期/下期/半年 (a half), 本年/下一年/年份.
 */
export function periodWords(period: Period): { readonly current: string; readonly next: string; readonly others: string } {
  switch (period.kind) {
    case 'month':
      return { current: '本月', next: '下月', others: '月份' };
    case 'week':
      return { current: '本周', next: '下周', others: '周' };
    case 'quarter':
      return { current: '本季度', next: '下季度', others: '季度' };
    case 'half':
      return { current: '本期', next: '下期', others: '半年' };
    case 'year':
      return { current: '本年', next: '下一年', others: '年份' };
  }
}

/**
 * The period a 上期 (previous-period) figure comes from: the period of the same kind before (the month,
 * week, quarter, half or year before). The one place that says so.
 */
export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/**
 * The period a 去年同期 (same period last year) figure comes from: the same month, quarter or half a
 * year back, the year before, or the week of the same number (week 53 of a year whose year before had
 * 52 weeks: its week 52).
 */
export function samePeriodLastYear(period: Period): Period {
  if (period.kind !== 'week') return { ...period, year: period.year - 1 };
  return { ...period, year: period.year - 1, index: Math.min(period.index, weeksInYear(period.year - 1, period.weekStart)) };
}

/**
 * How a column header names a period (显示 月份表头): `7月`, `第36周`, `第二季度`, `上半年` for a period of
 * the same year as the one being built, with the year for another year (`2020年7月`), or always with the
 * year when `withYear`; a year is always `2020年`. Every period-named header goes through here.
 */
export function periodHeaderLabel(period: Period, builtPeriod: Period, withYear = false): string {
  return withYear || period.year !== builtPeriod.year || period.kind === 'year' ? periodLabel(period) : nameInYear(period);
}

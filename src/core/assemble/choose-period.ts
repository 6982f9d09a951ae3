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
import { endOfPeriod, parsePeriod, periodContaining, previousPeriod, type Period, type PeriodKind, type PeriodRules } from '../time/period.ts';
import { parseWallTime, type WallTime } from '../time/wall-time.ts';

export type AsOfSource = 'option' | 'settings' | 'latest-event' | 'history';

/** How the settings cut periods: the day months start on, the day weeks start on. */
export function periodRules(settings: Pick<Settings, 'periodStartDay' | 'periodWeekStart'>): Required<PeriodRules> {
  return { startDay: settings.periodStartDay, weekStart: settings.periodWeekStart };
}

/** The ways of writing a period, for messages. */
export const periodForms = '2021-09（月）、2021-W37（周）、2021-Q3（季度）、2021-H1（半年）、2021（年）';

/**
 * The period a build covers by default: the one of `kind` (a month unless asked) holding `asOf`, or the
 * one before when `asOf` is not at its very end.
 */
export function defaultPeriodAt(asOf: WallTime, rules: PeriodRules, kind: PeriodKind = 'month'): Period {
  const containing = periodContaining(asOf, rules, kind);
  return asOf < endOfPeriod(containing) - 60_000 ? previousPeriod(containing) : containing;
}

/** Parses a period the clerk wrote; throws InputError, naming every form, on text that is no period. */
export function parsePeriodOption(text: string, rules: PeriodRules): Period {
  const parsed = parsePeriod(text, rules);
  if (!parsed) throw new InputError(`统计期"${text}"无法识别，请写成 ${periodForms} 这样的形式。`, { sheet: '', column: '', headersSeen: [] });
  return parsed;
}

/** The period asked for (`2021-09`, `2021-Q3` … or a Period), else the default at `asOf`. Throws InputError on text that is no period. */
export function resolvePeriod(option: string | Period | undefined, rules: PeriodRules, asOf: WallTime): Period {
  if (option === undefined || option === '') return defaultPeriodAt(asOf, rules);
  if (typeof option !== 'string') return { ...option, startDay: rules.startDay ?? option.startDay, weekStart: rules.weekStart ?? option.weekStart };
  return parsePeriodOption(option, rules);
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

/** Times before this are no event of any 数字城管 or 12345 platform (the first went live in 2004). */
export const earliestPlausibleTime: WallTime = Date.UTC(2000, 0, 1);

/** Implausible times a warning shows as examples. */
const implausibleExamples = 3;

/** The implausible times of one sheet: every row with one (in order, each once), the first few as examples. */
export interface ImplausibleTimes {
  readonly rows: number[];
  readonly examples: ImplausibleTime[];
}

/** An event time that cannot be true: after the build, or before any platform existed. */
export interface ImplausibleTime {
  readonly sheet: string;
  readonly row: number;
  readonly field: string;
  readonly time: WallTime;
}

const caseEventFields = [
  ['reportedAt', '上报时间'],
  ['acceptedAt', '受理时间'],
  ['filedAt', '立案时间'],
  ['dispatchedAt', '派遣时间'],
  ['disposedAt', '处置完成时间'],
  ['closedAt', '结案时间'],
] as const;
const orderEventFields = [
  ['receivedAt', '受理时间'],
  ['finishedAt', '办结时间'],
] as const;

/**
 * The latest event time of cases and orders (report, accept, file, dispatch, dispose, close; receive,
 * finish), taken record by record as they are read; -Infinity when none. Times after `notAfter` (the
 * build's own time) or before 2000 are typing slips (2201-08-16): they never become the as-of time,
 * and are kept to be warned about.
 */
export class EventTimes {
  latest = -Infinity;
  /** The implausible times by sheet: the rows that have one, and the first few as examples (a slip can be in every row). */
  readonly implausible = new Map<string, ImplausibleTimes>();

  constructor(private readonly notAfter: WallTime = Infinity) {}

  private consider(time: WallTime | null, sheet: string, row: number, field: string): void {
    if (time === null) return;
    if (time > this.notAfter || time < earliestPlausibleTime) this.noteImplausible(sheet, row, field, time);
    else if (time > this.latest) this.latest = time;
  }

  private noteImplausible(sheet: string, row: number, field: string, time: WallTime): void {
    let entry = this.implausible.get(sheet);
    if (!entry) {
      entry = { rows: [], examples: [] };
      this.implausible.set(sheet, entry);
    }
    // A record's fields come one after the other: its row once.
    if (entry.rows[entry.rows.length - 1] !== row) entry.rows.push(row);
    if (entry.examples.length < implausibleExamples) entry.examples.push({ sheet, row, field, time });
  }

  // Each field read by name and its label a constant: a field looked up by a variable name is a slow
  // read on a record of 36 fields, and unpacking a list of labels per case is an iteration each time,
  // 1.4 million times for a big month.
  addCase(record: CaseRecord): void {
    const { sheet, row } = record;
    this.consider(record.reportedAt, sheet, row, caseEventLabels.reportedAt);
    this.consider(record.acceptedAt, sheet, row, caseEventLabels.acceptedAt);
    this.consider(record.filedAt, sheet, row, caseEventLabels.filedAt);
    this.consider(record.dispatchedAt, sheet, row, caseEventLabels.dispatchedAt);
    this.consider(record.disposedAt, sheet, row, caseEventLabels.disposedAt);
    this.consider(record.closedAt, sheet, row, caseEventLabels.closedAt);
  }

  addOrder(order: OrderRecord): void {
    this.consider(order.receivedAt, order.sheet, order.row, orderEventLabels.receivedAt);
    this.consider(order.finishedAt, order.sheet, order.row, orderEventLabels.finishedAt);
  }
}

const caseEventLabels = Object.fromEntries(caseEventFields) as Record<(typeof caseEventFields)[number][0], string>;
const orderEventLabels = Object.fromEntries(orderEventFields) as Record<(typeof orderEventFields)[number][0], string>;

/** Latest event time of lists of cases and orders (see `EventTimes`). */
export function latestEventTime(records: readonly CaseRecord[], orders: readonly OrderRecord[], notAfter: WallTime = Infinity): { latest: WallTime; implausible: ReadonlyMap<string, ImplausibleTimes> } {
  const times = new EventTimes(notAfter);
  for (const record of records) times.addCase(record);
  for (const order of orders) times.addOrder(order);
  return { latest: times.latest, implausible: times.implausible };
}

/** Words for where the as-of time came from, as the notes under every table say it. */
export function asOfSourceWords(source: AsOfSource): string {
  return source === 'latest-event' ? '（导出数据中最晚的事件时间）' : source === 'settings' ? '（月报设置中指定）' : source === 'history' ? '（汇总各月中最晚的统计时点）' : '（生成时指定）';
}

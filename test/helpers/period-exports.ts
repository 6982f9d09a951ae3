/**
 * Generated exports over a year or more, a few cases and 12345 orders every day, for the tests of
 * weekly, quarterly, half-year and yearly briefs. Seeded. Each case is simple enough to count by hand:
 * closed (结案, disposed and closed on time), open (处置中, with a deadline that the as-of time of a
 * build may or may not have passed), or refused (不予受理). So for any group of cases, at as-of time T:
 * 上报数 = all; 受理数 = 立案数 = 应处置数 = 结案 + 处置中; 处置数 = 结案数 = 结案;
 * 应结案数 = 结案 + 处置中 whose deadline is before T. Orders are done (已办结) or not (正在办理).
 */
import { mulberry32 } from '../../scripts/generate-sample.ts';
import type { CellValue, RawSheet } from '../../src/core/index.ts';
import { generatedHeaders, generatedSources } from './generated-cases.ts';
import { orderHeaders } from './order-sheet.ts';

export interface DayCase {
  readonly id: string;
  /** Wall-clock time of the report, `2021-09-13 08:00:00`. */
  readonly reportedAt: string;
  /** ms of the report (Date.UTC of its fields). */
  readonly reportedMs: number;
  readonly source: string;
  readonly kind: '事件' | '部件';
  readonly subType: string;
  readonly unit: string;
  readonly stage: '结案' | '处置中' | '不予受理';
  /** ms of the deadline (open cases). */
  readonly deadlineMs: number;
}

export interface DayOrder {
  readonly id: string;
  readonly receivedAt: string;
  readonly receivedMs: number;
  readonly unit: string;
  readonly done: boolean;
}

const units = ['一中队', '二中队', '三中队', '市政工程处路灯所', '达川区'];
const hotlineUnits = ['执法直属一大队一中队', '执法直属一大队二中队', '执法直属一大队三中队', '市政工程处'];
const subTypes: Readonly<Record<'事件' | '部件', readonly string[]>> = { 事件: ['暴露垃圾', '店外经营', '施工扰民'], 部件: ['污水井盖', '路灯'] };
const day = 86_400_000;

function text(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00`;
}

/** `perDay` cases a day from `from` (`2020-01-01`) for `days` days. */
export function dailyCases(from: string, days: number, perDay: number, seed: number): DayCase[] {
  const random = mulberry32(seed);
  const start = Date.parse(`${from}T00:00:00Z`);
  const cases: DayCase[] = [];
  for (let index = 0; index < days * perDay; index++) {
    const reportedMs = start + Math.floor(index / perDay) * day + (8 + (index % perDay)) * 3_600_000 + Math.floor(random() * 50) * 60_000;
    const kind = random() < 0.75 ? '事件' : '部件';
    const roll = random();
    cases.push({
      id: `C${seed}${String(index).padStart(7, '0')}`,
      reportedAt: text(reportedMs),
      reportedMs,
      source: generatedSources[Math.min(3, Math.floor(random() * random() * 4))],
      kind,
      subType: subTypes[kind][Math.floor(random() * subTypes[kind].length)],
      unit: units[Math.floor(random() * units.length)],
      stage: roll < 0.8 ? '结案' : roll < 0.95 ? '处置中' : '不予受理',
      deadlineMs: reportedMs + (1 + Math.floor(random() * 40)) * day,
    });
  }
  return cases;
}

/** `perDay` 12345 orders a day. */
export function dailyOrders(from: string, days: number, perDay: number, seed: number): DayOrder[] {
  const random = mulberry32(seed + 1000);
  const start = Date.parse(`${from}T00:00:00Z`);
  const orders: DayOrder[] = [];
  for (let index = 0; index < days * perDay; index++) {
    const receivedMs = start + Math.floor(index / perDay) * day + (9 + (index % perDay)) * 3_600_000;
    orders.push({ id: `SZ${seed}${String(index).padStart(7, '0')}`, receivedAt: text(receivedMs), receivedMs, unit: hotlineUnits[Math.floor(random() * hotlineUnits.length)], done: random() < 0.9 });
  }
  return orders;
}

/** A case as an export row (of `generatedHeaders`). */
export function caseRow(item: DayCase): CellValue[] {
  const at = (hours: number) => text(item.reportedMs + hours * 3_600_000);
  const open = item.stage === '处置中';
  const values: Record<string, CellValue> = {
    任务号: item.id,
    问题来源: item.source,
    问题类型: item.kind,
    大类: item.kind === '事件' ? '市容环境' : '公用设施',
    小类: item.subType,
    所属区域: '通川区',
    所属街道: '朝阳街道',
    所属社区: '北门社区',
    上报时间: item.reportedAt,
    受理时间: item.stage === '不予受理' ? null : at(0.5),
    立案时间: item.stage === '不予受理' ? null : at(1),
    派遣时间: item.stage === '不予受理' ? null : at(1.5),
    处置截止时间: item.stage === '不予受理' ? null : open ? text(item.deadlineMs) : at(30),
    处置完成时间: item.stage === '结案' ? at(5) : null,
    结案时间: item.stage === '结案' ? at(6) : null,
    当前阶段: item.stage === '结案' ? '结案' : open ? '处置中' : '不予受理',
    处置部门: item.stage === '不予受理' ? '' : item.unit,
  };
  return generatedHeaders.map((header) => values[header] ?? null);
}

/** Cases as one export sheet: a title row, the header row, a row per case. */
export function daySheet(cases: readonly DayCase[], name: string): RawSheet {
  return { name, rows: [['数字化城管案件查询结果'], [...generatedHeaders], ...cases.map(caseRow)] };
}

/** Orders as one 12345 sheet. */
export function dayOrderSheet(orders: readonly DayOrder[], name: string): RawSheet {
  const headers = [...orderHeaders];
  const row = (item: DayOrder): CellValue[] => {
    const values: Record<string, CellValue> = {
      工单编号: item.id,
      受理时间: item.receivedAt,
      诉求内容: `${item.id}反映门口占道经营`,
      诉求地址: `通川区朝阳东路${item.id.slice(-3)}号`,
      一级分类: '城乡建设',
      二级分类: '城市管理',
      三级分类: '占道经营',
      承办单位: item.unit,
      办理状态: item.done ? '已办结' : '正在办理',
    };
    return headers.map((header) => values[header] ?? null);
  };
  return { name, rows: [['12345工单明细'], headers, ...orders.map(row)] };
}

/** A sheet as CSV text (RFC 4180 quoting), as the systems export it. */
export function csvOf(sheet: RawSheet): string {
  const field = (value: CellValue) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return sheet.rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The counts of a group of cases at as-of time `asOfMs`, by the rules in the module header. */
export function countDayCases(cases: readonly DayCase[], asOfMs: number): { 上报数: number; 受理数: number; 应处置数: number; 处置数: number; 应结案数: number; 结案数: number } {
  const closed = cases.filter((item) => item.stage === '结案').length;
  const open = cases.filter((item) => item.stage === '处置中');
  return {
    上报数: cases.length,
    受理数: closed + open.length,
    应处置数: closed + open.length,
    处置数: closed,
    应结案数: closed + open.filter((item) => item.deadlineMs < asOfMs).length,
    结案数: closed,
  };
}

/** Cases reported in [from, to) (ms). */
export function between<T extends { readonly reportedMs?: number; readonly receivedMs?: number }>(items: readonly T[], from: number, to: number): T[] {
  return items.filter((item) => {
    const at = item.reportedMs ?? item.receivedMs ?? NaN;
    return at >= from && at < to;
  });
}

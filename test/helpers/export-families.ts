/**
 * Generated exports of three real export families, each with the family's exact header row and value
 * conventions (gathered from public code that reads these files, not from this product's code), and
 * the truth behind every row, so that a golden test can count every figure independently:
 * - `egovaExport`: the eGova-style 24-column cases export of a prefecture city (stage only in
 *   当前阶段名称, in brackets; numeric 任务号; 问题类型 with 服务事项; one 处置部门 column whose names share
 *   a parent; 是否超时, 延期案件, 返工案件).
 * - `gridExport`: a municipality's grid-management (网格化/城运) cases export (dates `yyyy-MM-dd HH:mm`;
 *   主责部门/三级主责部门; 处理时间, 处理超时, 处理截至时间; 是否网格自治; citizens' names and numbers).
 * - `jsjbExport`: a 12345 接诉即办 work-order export (问题分类 `A->B->C`; 工单性质 主办/协办/转办; no
 *   deadline or overdue column; 来电人 and 来电人电话/账号).
 * The cities, units and people are made up; none appears in any preset. Deterministic (seeded).
 */
import type { CellValue, RawSheet } from '../../src/core/index.ts';
import { Dice, mulberry32 } from '../../scripts/generate-sample.ts';

/** Where a case stands (the spec's ladder). */
export type TruthStep = 'reported' | 'notAccepted' | 'accepted' | 'notFiled' | 'filed' | 'dispatched' | 'disposed' | 'closed' | 'voided';

export interface TruthUnit {
  readonly level1: string;
  /** null: the first level as a whole. */
  readonly level2: string | null;
  readonly county: boolean;
}

/** One case as it really is; the export row is written from it. */
export interface TruthCase {
  readonly id: string;
  /** Wall-clock seconds (UTC fields read as China time). */
  readonly reportedAt: number;
  readonly source: string;
  readonly kind: string;
  readonly mainType: string;
  readonly subType: string;
  readonly description: string;
  readonly step: TruthStep;
  readonly selfDisposed: boolean;
  /** The unit it was dispatched to; null when never dispatched. */
  readonly unit: TruthUnit | null;
  readonly deadline: number | null;
  readonly disposedAt: number | null;
  readonly closedAt: number | null;
  /** Whether its disposal missed the deadline (the export's overdue column). */
  readonly overdue: boolean;
  readonly postponed: boolean;
  readonly reworked: boolean;
  /** Citizen's name and phone on the case (grid family), never to be copied. */
  readonly caller: string | null;
  readonly phone: string | null;
}

export interface FamilyExport<T> {
  readonly sheet: RawSheet;
  readonly truth: readonly T[];
  /** The as-of time the test builds at (wall seconds), and as text. */
  readonly asOf: number;
  readonly asOfText: string;
  readonly units: readonly TruthUnit[];
  readonly sources: readonly string[];
}

const DAY = 86400;
const HOUR = 3600;

/** Wall seconds of a China wall-clock time. */
export function wallSeconds(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2021-09-03 10:22:05`. */
export function secondsText(seconds: number): string {
  const date = new Date(seconds * 1000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** `2021-09-03 10:22` (the grid family's format). */
export function minutesText(seconds: number): string {
  return secondsText(seconds).slice(0, 16);
}

/** An Excel serial of a wall time (exports often store times as numbers). */
function serialOf(seconds: number): number {
  return seconds / DAY + 25569;
}

/** Whether a wall time is in September 2021. */
export const inSeptember = (seconds: number) => seconds >= wallSeconds(2021, 9, 1) && seconds < wallSeconds(2021, 10, 1);

const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张';
const givenNames = ['建华', '秀英', '志强', '丽娟', '国平', '海燕', '德明', '春梅', '永刚', '晓霞'];

function personName(dice: Dice): string {
  return dice.pick([...surnames]) + dice.pick(givenNames);
}

function phoneNumber(dice: Dice): string {
  return `1${dice.pick(['38', '39', '58', '86', '77'])}${String(dice.int(10_000_000, 99_999_999))}`;
}

interface Problem {
  readonly kind: string;
  readonly mainType: string;
  readonly subType: string;
  readonly words: string;
}

const problems: readonly Problem[] = [
  { kind: '事件', mainType: '街面秩序', subType: '店外经营', words: '店铺超出门窗在人行道上摆放商品经营' },
  { kind: '事件', mainType: '街面秩序', subType: '无照经营游商', words: '流动摊贩推车在路口占道售卖水果' },
  { kind: '事件', mainType: '街面秩序', subType: '机动车乱停放', words: '小车停放在盲道上' },
  { kind: '事件', mainType: '市容环境', subType: '暴露垃圾', words: '路边堆有生活垃圾无人清运' },
  { kind: '事件', mainType: '市容环境', subType: '私搭乱建', words: '居民在楼顶违规搭建彩钢棚' },
  { kind: '事件', mainType: '宣传广告', subType: '非法小广告', words: '墙面张贴办证小广告' },
  { kind: '事件', mainType: '施工管理', subType: '无证掘路', words: '有人开挖路面施工且挖而不围' },
  { kind: '部件', mainType: '公用设施', subType: '污水井盖', words: '井盖破损下陷' },
  { kind: '部件', mainType: '公用设施', subType: '路灯', words: '路灯夜间不亮' },
  { kind: '部件', mainType: '道路交通', subType: '交通护栏', words: '护栏被撞倒' },
  { kind: '服务事项', mainType: '便民服务', subType: '便民咨询', words: '市民咨询办事地点' },
];

/** Picks the ladder step and the times of a case reported at `reportedAt`. */
function caseLife(dice: Dice, reportedAt: number, asOf: number, options: { selfDisposal: boolean }) {
  const step = dice.weighted<TruthStep>([
    ['closed', 60],
    ['disposed', 6],
    ['dispatched', 8],
    ['filed', 3],
    ['accepted', 2],
    ['reported', 2],
    ['notAccepted', 2],
    ['notFiled', 2],
    ['voided', 3],
  ]);
  const selfDisposed = options.selfDisposal && (step === 'closed' || step === 'disposed') && dice.chance(0.15);
  const dispatched = !selfDisposed && (step === 'dispatched' || step === 'disposed' || step === 'closed');
  const deadline = reportedAt + dice.int(4, 72) * HOUR;
  const disposedAt = step === 'disposed' || step === 'closed' ? Math.min(asOf - HOUR, reportedAt + dice.int(1, 96) * HOUR) : null;
  const closedAt = step === 'closed' && disposedAt !== null ? Math.min(asOf - 60, disposedAt + dice.int(1, 20) * HOUR) : null;
  const overdue = disposedAt !== null && disposedAt > deadline;
  return { step, selfDisposed, dispatched, deadline: dispatched || selfDisposed ? deadline : null, disposedAt, closedAt, overdue };
}

// ---------------------------------------------------------------------------------------------
// eGova-style 24-column export
// ---------------------------------------------------------------------------------------------

export const egovaHeaders = [
  '上报时间', '任务号', '大类名称', '小类名称', '问题来源', '问题描述', '当前阶段名称', '处置部门', '捆绑处置截止时间', '结案时间',
  '所属片区', '问题类型', '地址描述', '所属街道', '所属社区', '监督员', '处置截止时间', 'X坐标', 'Y坐标', '延期理由', '处置意见', '单元网格',
  '延期次数', '所属区域', '延期案件', '返工案件', '是否超时', '返工次数',
] as const;

/** The prefecture city of the eGova sample: 临江市, its departments and its counties. */
export const egovaUnits: readonly TruthUnit[] = [
  { level1: '临江市城市管理局', level2: '市容科', county: false },
  { level1: '临江市城市管理局', level2: '执法一大队', county: false },
  { level1: '临江市城市管理局', level2: '执法二大队', county: false },
  { level1: '临江市环境卫生管理处', level2: '清扫保洁所', county: false },
  { level1: '临江市环境卫生管理处', level2: '公厕管理所', county: false },
  { level1: '临江市市政设施管理处', level2: '路灯所', county: false },
  { level1: '临江市市政设施管理处', level2: '道路维护所', county: false },
  { level1: '临江市园林绿化中心', level2: null, county: false },
  { level1: '东湖区城市管理局', level2: null, county: true },
  { level1: '青山县综合行政执法局', level2: null, county: true },
  { level1: '云岭市综合行政执法局', level2: null, county: true },
];

export const egovaSources = ['采集员上报', '视频上报', '12345热线转办工单', '12345电话快办', '市民热线举报', '微信举报', '其他问题上报'];

/** eGova writes the stage name in square brackets. */
const egovaStage: Readonly<Record<TruthStep, readonly string[]>> = {
  reported: ['[上报]'],
  notAccepted: ['[不予受理]'],
  accepted: ['[受理]'],
  notFiled: ['[不予立案]'],
  filed: ['[立案]'],
  dispatched: ['[派遣]', '[处置]'],
  disposed: ['[核查]'],
  closed: ['[办结]', '[结案]'],
  voided: ['[作废]'],
};

/** The eGova 24-column export of 临江市: `count` cases over August to early October 2021. */
export function egovaExport(count = 600, seed = 7): FamilyExport<TruthCase> {
  const dice = new Dice(mulberry32(seed));
  const asOf = wallSeconds(2021, 10, 8, 17, 30);
  const truth: TruthCase[] = [];
  const rows: CellValue[][] = [];
  for (let index = 0; index < count; index++) {
    const reportedAt = wallSeconds(2021, 8, 20) + dice.int(0, 45 * DAY);
    const life = caseLife(dice, reportedAt, asOf, { selfDisposal: false });
    const problem = dice.pick(problems);
    const unit = life.dispatched ? dice.weighted(egovaUnits.map((candidate, rank) => [candidate, 12 - rank] as const)) : null;
    const street = dice.pick(['滨江街道', '城南街道', '望湖街道']);
    const id = String(2021082000001 + index * 7);
    const description = `${street}${dice.int(1, 300)}号附近${problem.words}。`;
    const postponed = life.dispatched && dice.chance(0.05);
    const reworked = life.dispatched && dice.chance(0.04);
    const record: TruthCase = {
      id,
      reportedAt,
      source: dice.weighted(egovaSources.map((source, rank) => [source, 10 - rank] as const)),
      kind: problem.kind,
      mainType: problem.mainType,
      subType: problem.subType,
      description,
      step: life.step,
      selfDisposed: false,
      unit,
      deadline: life.deadline,
      disposedAt: life.disposedAt,
      closedAt: life.closedAt,
      overdue: life.overdue,
      postponed,
      reworked,
      caller: null,
      phone: null,
    };
    truth.push(record);
    // Exports bundle only some cases: 捆绑处置截止时间 is then blank and 处置截止时间 holds the deadline.
    const bundled = dice.chance(0.7);
    const timeCell = (seconds: number | null): CellValue => (seconds === null ? null : dice.chance(0.5) ? serialOf(seconds) : secondsText(seconds));
    const cells: Record<(typeof egovaHeaders)[number], CellValue> = {
      上报时间: timeCell(reportedAt),
      任务号: Number(id),
      大类名称: problem.mainType,
      小类名称: problem.subType,
      问题来源: record.source,
      问题描述: description,
      当前阶段名称: dice.pick(egovaStage[life.step]),
      处置部门: unit ? unit.level1 + (unit.level2 ?? '') : '',
      捆绑处置截止时间: bundled ? timeCell(life.deadline) : null,
      结案时间: timeCell(life.closedAt),
      所属片区: dice.pick(['一片区', '二片区']),
      问题类型: problem.kind,
      地址描述: `临江市${street}${dice.int(1, 300)}号`,
      所属街道: street,
      所属社区: dice.pick(['滨江社区', '南门社区', '湖畔社区']),
      监督员: personName(dice),
      处置截止时间: timeCell(life.deadline),
      X坐标: 500_000 + dice.int(0, 9999),
      Y坐标: 3_300_000 + dice.int(0, 9999),
      延期理由: postponed ? '需协调相关部门' : '',
      处置意见: life.disposedAt ? '已处置' : '',
      单元网格: `3101${dice.int(1000, 9999)}`,
      延期次数: postponed ? 1 : 0,
      所属区域: '临江市',
      延期案件: postponed ? '是' : '否',
      返工案件: reworked ? '是' : '否',
      是否超时: life.disposedAt === null ? '' : life.overdue ? '是' : '否',
      返工次数: reworked ? 1 : 0,
    };
    rows.push(egovaHeaders.map((header) => cells[header]));
  }
  return { sheet: { name: '案件查询', rows: [[...egovaHeaders], ...rows] }, truth, asOf, asOfText: '2021-10-08 17:30', units: egovaUnits, sources: egovaSources };
}

// ---------------------------------------------------------------------------------------------
// Grid-management (网格化/城运) export
// ---------------------------------------------------------------------------------------------

export const gridHeaders = [
  '案件状态', '任务号', '案卷编号', '发现时间', '受理时间', '流转方向', '业务类型', '案件来源', '案件属性', '案件大类', '案件小类', '案件子类',
  '街镇', '居村', '网格编号', '发生地址', '上报部门', '监督员编号', '监督员姓名', '诉求联系人', '来电号码', '联系电话', '诉求标题', '问题描述',
  '是否紧急', '是否网格自治', '派遣时间', '主责部门', '三级主责部门', '处理时间', '处理超时', '处理截至时间', '处理备注', '回访用户评价',
  '结案时间', '结案意见',
] as const;

/** The municipality of the grid sample: city departments (市…) and district bureaus with their squads. */
export const gridUnits: readonly TruthUnit[] = [
  { level1: '市绿化和市容管理局', level2: null, county: false },
  { level1: '市城管执法局', level2: '执法总队一支队', county: false },
  { level1: '市城管执法局', level2: '执法总队二支队', county: false },
  { level1: '滨海区城管执法局', level2: '第一中队', county: true },
  { level1: '滨海区城管执法局', level2: '第二中队', county: true },
  { level1: '松江区城管执法局', level2: null, county: true },
  { level1: '浦北区市容环境管理所', level2: null, county: true },
];

export const gridSources = ['网格员上报', '12345热线', '视频巡查', '社区工作者上报'];

const gridStage: Readonly<Record<TruthStep, readonly string[]>> = {
  reported: ['待受理'],
  notAccepted: ['不予受理'],
  accepted: ['已受理'],
  notFiled: ['不予立案'],
  filed: ['待派遣'],
  dispatched: ['处理中'],
  disposed: ['已处理'],
  closed: ['已结案'],
  voided: ['已作废'],
};

/** A grid-management export: `count` cases; some self-disposed by the grid (是否网格自治), some from 12345 with the caller. */
export function gridExport(count = 500, seed = 11): FamilyExport<TruthCase> {
  const dice = new Dice(mulberry32(seed));
  const asOf = wallSeconds(2021, 10, 8, 17, 30);
  const truth: TruthCase[] = [];
  const rows: CellValue[][] = [];
  for (let index = 0; index < count; index++) {
    const reportedAt = wallSeconds(2021, 8, 25) + dice.int(0, 40 * DAY) + dice.int(0, 59) * 60;
    const life = caseLife(dice, reportedAt, asOf, { selfDisposal: true });
    const problem = dice.pick(problems.filter((candidate) => candidate.kind !== '服务事项'));
    const unit = life.dispatched ? dice.pick(gridUnits) : null;
    const source = dice.pick(gridSources);
    const fromHotline = source === '12345热线';
    const caller = fromHotline ? personName(dice) : null;
    const phone = fromHotline ? phoneNumber(dice) : null;
    // A citizen's call names the caller and the number in the text too: they must be masked.
    const description = `${fromHotline ? `${caller}来电（${phone}）称` : ''}${dice.pick(['长江路', '黄河路'])}${dice.int(1, 200)}弄${problem.words}。`;
    const accepted = life.step !== 'reported' && life.step !== 'notAccepted';
    const record: TruthCase = {
      id: `WG2021${String(index + 1).padStart(6, '0')}`,
      reportedAt,
      source,
      kind: problem.kind,
      mainType: problem.mainType,
      subType: problem.subType,
      description,
      step: life.step,
      selfDisposed: life.selfDisposed,
      unit,
      deadline: life.deadline,
      disposedAt: life.disposedAt,
      closedAt: life.closedAt,
      overdue: life.overdue,
      postponed: false,
      reworked: false,
      caller,
      phone,
    };
    truth.push(record);
    const dispatchedAt = life.dispatched ? reportedAt + 2 * HOUR : null;
    const time = (seconds: number | null): CellValue => (seconds === null ? null : minutesText(seconds));
    const cells: Record<(typeof gridHeaders)[number], CellValue> = {
      案件状态: dice.pick(gridStage[life.step]),
      任务号: record.id,
      案卷编号: `AJ${record.id.slice(2)}`,
      发现时间: time(reportedAt),
      受理时间: accepted ? time(reportedAt + 1800) : null,
      流转方向: life.selfDisposed ? '网格自治' : '派单',
      业务类型: fromHotline ? '热线' : '网格',
      案件来源: source,
      案件属性: problem.kind,
      案件大类: problem.mainType,
      案件小类: problem.subType,
      案件子类: '',
      街镇: dice.pick(['江湾镇', '新桥镇', '临港街道']),
      居村: dice.pick(['东风村', '红旗居委', '新华居委']),
      网格编号: `WG${dice.int(100, 999)}`,
      发生地址: `${dice.pick(['长江路', '黄河路'])}${dice.int(1, 200)}弄`,
      上报部门: dice.pick(['江湾镇网格中心', '新桥镇网格中心']),
      监督员编号: `JD${dice.int(1000, 9999)}`,
      监督员姓名: personName(dice),
      诉求联系人: caller,
      来电号码: phone,
      联系电话: phone,
      诉求标题: problem.subType,
      问题描述: description,
      是否紧急: '否',
      是否网格自治: life.selfDisposed ? '是' : '否',
      派遣时间: time(dispatchedAt),
      主责部门: unit?.level1 ?? '',
      // The third-level unit is exported with its parent's name in front.
      三级主责部门: unit?.level2 ? unit.level1 + unit.level2 : '',
      处理时间: time(life.disposedAt),
      处理超时: life.disposedAt === null ? '' : life.overdue ? '是' : '否',
      处理截至时间: time(life.deadline),
      处理备注: '',
      回访用户评价: fromHotline && life.closedAt ? '满意' : '',
      结案时间: time(life.closedAt),
      结案意见: life.closedAt ? '同意结案' : '',
    };
    rows.push(gridHeaders.map((header) => cells[header]));
  }
  return { sheet: { name: '网格化案件', rows: [['城市网格化综合管理案件导出'], [...gridHeaders], ...rows] }, truth, asOf, asOfText: '2021-10-08 17:30', units: gridUnits, sources: gridSources };
}

// ---------------------------------------------------------------------------------------------
// 12345 接诉即办 export
// ---------------------------------------------------------------------------------------------

export const jsjbHeaders = [
  '工单编号', '工单类型', '问题分类', '标签', '标题', '主要内容', '工单状态', '来电人', '来电人电话/账号', '被反映区', '被反映街乡镇', '办理结果',
  '回复内容', '处理受理方式', '办结时间', '企业名称', '是否解决', '是否满意', '工单性质', '村/社区', '小区点位', '来电时间', '主办单位', '承办单位',
] as const;

/** A 12345 order as it really is. */
export interface TruthOrder {
  readonly id: string;
  readonly receivedAt: number;
  /** The unit handling it (承办单位). */
  readonly unit: string;
  readonly role: '主办' | '协办' | '转办';
  readonly path: string;
  /** The report category (of the general defaults) its path belongs to. */
  readonly category: string;
  readonly done: boolean;
  readonly point: string;
  readonly content: string;
  readonly caller: string;
  readonly phone: string;
  /** Id of the repeat problem it belongs to, when it does. */
  readonly repeat: string | null;
}

/** Paths written as the 接诉即办 system writes them, and the general default category each belongs to. */
export const jsjbPaths: readonly (readonly [path: string, category: string])[] = [
  ['城市管理->市容环境->占道经营', '占道经营类'],
  ['城市管理->噪声污染->施工噪音', '噪音类'],
  ['城乡建设->违法建设->私搭乱建', '规划建设类'],
  ['城市管理->市政设施->井盖缺失', '市政设施类'],
  ['生态环境->大气污染->餐饮油烟', '油烟扰民类'],
  ['城市管理->环境卫生->垃圾清运', '环卫保洁类'],
  ['城市管理->户外广告->违规广告', '广告店招类'],
  ['交通管理->公共交通->公交线路', '其他'],
];

export const jsjbUnits = ['望湖街道办事处', '江湾镇人民政府', '区城市管理委员会', '区城管执法局', '区市政市容管理中心'];

/** Done statuses of the general defaults, and statuses that are not done. */
const doneStatuses = ['已办结', '已归档'];
const openStatuses = ['办理中', '待签收'];

/** A 接诉即办 export: `count` rows, some 协办 rows (another unit leads), one repeat problem of five orders at one 小区. */
export function jsjbExport(count = 400, seed = 23): FamilyExport<TruthOrder> {
  const dice = new Dice(mulberry32(seed));
  const truth: TruthOrder[] = [];
  const rows: CellValue[][] = [];
  const asOf = wallSeconds(2021, 10, 8, 17, 30);
  const write = (order: TruthOrder, leadUnit: string) => {
    truth.push(order);
    const cells: Record<(typeof jsjbHeaders)[number], CellValue> = {
      工单编号: order.id,
      工单类型: dice.pick(['投诉', '求助', '咨询', '建议']),
      问题分类: order.path,
      标签: '',
      标题: order.path.split('->').pop() ?? '',
      主要内容: order.content,
      工单状态: dice.pick(order.done ? doneStatuses : openStatuses),
      来电人: order.caller,
      '来电人电话/账号': order.phone,
      被反映区: '临湖区',
      被反映街乡镇: order.unit.startsWith('江湾镇') ? '江湾镇' : '望湖街道',
      办理结果: order.done ? '已解决' : '',
      回复内容: order.done ? '经核实已处理。' : '',
      处理受理方式: dice.pick(['电话', '网络']),
      办结时间: order.done ? minutesText(order.receivedAt + dice.int(2, 90) * HOUR) : null,
      企业名称: '',
      是否解决: order.done ? '是' : '否',
      是否满意: order.done ? dice.pick(['是', '否']) : '',
      工单性质: order.role,
      '村/社区': dice.pick(['望湖社区', '江湾村']),
      小区点位: order.point,
      来电时间: secondsText(order.receivedAt),
      主办单位: leadUnit,
      承办单位: order.unit,
    };
    rows.push(jsjbHeaders.map((header) => cells[header]));
  };
  for (let index = 0; index < count; index++) {
    const receivedAt = wallSeconds(2021, 8, 28) + dice.int(0, 38 * DAY);
    const [path, category] = dice.pick(jsjbPaths);
    const unit = dice.weighted(jsjbUnits.map((name, rank) => [name, 6 - rank] as const));
    const role = dice.weighted<TruthOrder['role']>([
      ['主办', 80],
      ['协办', 12],
      ['转办', 8],
    ]);
    const caller = personName(dice);
    const phone = phoneNumber(dice);
    // Every background order is at its own place, so only the repeat problem below groups.
    const point = `${dice.pick(['金桂', '丹桂', '银杏', '香樟'])}${index + 1}号院`;
    const content = `${caller}来电反映：${point}附近${path.split('->').pop() ?? ''}问题（编号${index + 1}），联系电话${phone}，请尽快处理。`;
    const order: TruthOrder = { id: `JS${String(2021000000 + index)}`, receivedAt, unit, role, path, category, done: receivedAt < asOf - 5 * DAY ? dice.chance(0.9) : dice.chance(0.3), point, content, caller, phone, repeat: null };
    write(order, role === '协办' ? dice.pick(jsjbUnits.filter((name) => name !== unit)) : unit);
    // A 协办 row is listed again as the lead unit's 主办 row, under the same 工单编号.
    if (role === '协办' && dice.chance(0.5)) {
      write({ ...order, unit: dice.pick(jsjbUnits.filter((name) => name !== unit)), role: '主办' }, unit);
    }
  }
  // One repeat problem: five orders about one shop's noise at one 小区, all in September.
  for (let index = 0; index < 5; index++) {
    const caller = personName(dice);
    const phone = phoneNumber(dice);
    write(
      {
        id: `JS${String(2021900000 + index)}`,
        receivedAt: wallSeconds(2021, 9, 5 + index * 3, 20, 15),
        unit: '区城管执法局',
        role: '主办',
        path: '城市管理->噪声污染->施工噪音',
        category: '噪音类',
        done: true,
        point: '翠湖花园',
        content: `${caller}来电反映翠湖花园3号楼旁边的工地每天夜间施工噪音很大，影响休息，电话${phone}，请处理。`,
        caller,
        phone,
        repeat: 'noise',
      },
      '区城管执法局',
    );
  }
  return { sheet: { name: '工单明细', rows: [[...jsjbHeaders], ...rows] }, truth, asOf, asOfText: '2021-10-08 17:30', units: [], sources: [] };
}

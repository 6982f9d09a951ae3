/**
 * Warnings and errors of a build. Every row that is not counted is listed under a warning that names
 * the sheet, the row and the reason, and says what the clerk can do.
 */

export type WarningKind =
  | 'duplicateId' // 重复编号: the later row wins
  | 'lostPrecisionId' // 编号被 Excel 改成科学计数法: each row counts as its own
  | 'duplicateSheet' // 一张导出表是另一张的副本: counted once
  | 'ignoredSheet' // 隐藏的导出表: not read
  | 'implausibleTime' // 时间不合理（晚于生成时间或早于2000年）: never the as-of time
  | 'longText' // 单元格文字超过 Excel 上限: cut with …
  | 'macrosDropped' // 输入含宏: the .xlsx written has none
  | 'strayCells' // 表格之外的零星单元格: not read
  | 'badTime' // 时间无法识别
  | 'unknownStage' // 阶段无法识别
  | 'unknownUnit' // 单位不在设置中
  | 'unknownSource' // 来源不在设置中
  | 'missingUnit' // 已派遣但未填处置部门
  | 'missingId' // 缺少编号
  | 'outsidePeriod' // 不在统计期内 (counted in no table of this period)
  | 'notCounted' // 按规则不计入 (a 12345 row of 工单性质 协办)
  | 'notAvailable' // 导出表没有的列：某些数字无法计算
  | 'onTimeUnjudged' // 无法判断是否按期
  | 'noDeadlineColumn' // 无处置截止时间列
  | 'noHistory' // 无上期数据
  | 'editedSheet' // 生成的表已被手工修改
  | 'settings' // 设置表中的问题
  | 'lowRate' // 指标低于警戒线
  | 'readBack' // 读回已生成的表时的问题（表被删除、数值找不到）
  | 'historyArchived' // 历史指标超过一张表的行数上限：较早的年份分表保存
  | 'fromHistory' // 本期由历史指标中各月的数值汇总生成（没有原始数据）
  | 'partialPeriod'; // 季度、半年、全年中有的月份没有任何数据（导出表可能只含部分月份）

/** Chinese titles of the warning kinds, for grouping in the task pane and the CLI. */
export const warningKindLabels: Readonly<Record<WarningKind, string>> = {
  duplicateId: '编号重复（以后一行为准）',
  lostPrecisionId: '编号已丢失精度（科学计数法）',
  duplicateSheet: '重复的导出表（只统计一次）',
  ignoredSheet: '未读取的工作表',
  implausibleTime: '时间不合理',
  longText: '文字超过单元格上限（已截短）',
  macrosDropped: '宏未带入新文件',
  strayCells: '表格之外的零星内容（未读取）',
  badTime: '时间无法识别',
  unknownStage: '阶段无法识别（只计入上报数）',
  unknownUnit: '处置部门不在设置中',
  unknownSource: '问题来源不在设置中',
  missingUnit: '已派遣案件未填处置部门',
  missingId: '缺少编号',
  outsidePeriod: '不在本统计期内',
  notCounted: '按规则不计入（协办工单）',
  notAvailable: '导出表缺少的列（这些数字无法计算）',
  onTimeUnjudged: '无法判断是否按期',
  noDeadlineColumn: '缺少处置截止时间列',
  noHistory: '缺少上期数据',
  editedSheet: '已生成的表被手工修改过',
  settings: '设置表问题',
  lowRate: '指标低于警戒线',
  readBack: '读回已生成的表',
  historyArchived: '历史指标分表保存',
  fromHistory: '由历史指标汇总生成',
  partialPeriod: '部分月份没有数据',
};

export interface BuildWarning {
  readonly kind: WarningKind;
  /** Sheet the warning is about. */
  readonly sheet: string;
  /** Sheet row numbers (1-based) concerned; empty for sheet-level warnings. */
  readonly rows: readonly number[];
  /** Column header concerned, when one is. */
  readonly column?: string;
  /** What happened, in Chinese, naming the value seen. */
  readonly message: string;
  /** What the clerk can do. */
  readonly action: string;
}

/** A problem that stops the build: a required column is missing, or no cases sheet exists. */
export class InputError extends Error {
  readonly sheet: string;
  readonly column: string;
  readonly headersSeen: readonly string[];
  constructor(message: string, details: { sheet: string; column: string; headersSeen: readonly string[] }) {
    super(message);
    this.name = 'InputError';
    this.sheet = details.sheet;
    this.column = details.column;
    this.headersSeen = details.headersSeen;
  }
}

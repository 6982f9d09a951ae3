/**
 * The settings of a build, as the clerk keeps them in the 月报设置 sheet. A first build proposes them
 * from the data (`learn-settings.ts`) or takes a preset whose units the data matches (`presets.ts`,
 * the reference city 达州 first); `defaults.ts` holds what no city decides. `settings-sheet.ts` turns
 * them into a sheet and back.
 */
import type { BriefSettings } from './brief-settings.ts';

/** A life-cycle step of a case; the order of `stageSteps` is the ladder. */
export type StageStep =
  | 'reported'
  | 'notAccepted'
  | 'accepted'
  | 'notFiled'
  | 'filed'
  | 'dispatched'
  | 'disposed'
  | 'closed'
  | 'voided';

export const stageSteps: readonly StageStep[] = [
  'reported',
  'notAccepted',
  'accepted',
  'notFiled',
  'filed',
  'dispatched',
  'disposed',
  'closed',
  'voided',
];

/** 市局: the 部门处置 table; 县市区: the 县区办理 table; 其他: shown only when it has cases. */
export type UnitGroup = '市局' | '县市区' | '其他';

/** Where an entry came from: proposed from the data on a first build; absent = typed or kept by the clerk, or a preset. */
export type EntryOrigin = 'learned';

export interface FirstLevelUnit {
  /** Name as the case system and the brief spell it (市城管执法直属一大队). */
  readonly name: string;
  readonly group: UnitGroup;
  /** Name used for 12345 orders (执法直属一大队); empty means `name`. */
  readonly hotlineName: string;
  /** Other spellings of the first level, in either system. */
  readonly aliases: readonly string[];
  readonly origin?: EntryOrigin;
}

export interface SecondLevelUnit {
  readonly parent: string;
  readonly name: string;
  /** Other spellings, in either system (long names, old names). */
  readonly aliases: readonly string[];
  readonly origin?: EntryOrigin;
}

export interface SourceSetting {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Cases of this source are disposed by whoever found them, never dispatched. */
  readonly selfDisposal: boolean;
  readonly origin?: EntryOrigin;
}

/** A 大类 of the cases and its problem type (事件/部件): a case whose 问题类型 is blank takes the type of its 大类. */
export interface MainTypeSetting {
  readonly name: string;
  /** 事件, 部件, or another type the export uses (服务事项); empty when unknown. */
  readonly kind: string;
  readonly origin?: EntryOrigin;
}

/** A 12345 report category and the words that put an order into it. */
export interface HotlineCategory {
  readonly name: string;
  readonly words: readonly string[];
}

/** A focus topic (十件事) with its matching rules. */
export interface FocusTopic {
  readonly name: string;
  readonly caseSubTypes: readonly string[];
  readonly caseWords: readonly string[];
  readonly orderCategories: readonly string[];
  readonly orderWords: readonly string[];
}

/** A column the clerk mapped by hand: in sheets of `kind`, header `header` is field `field`. */
export interface ColumnMapping {
  readonly kind: 'cases' | 'hotline' | 'returns' | 'flags';
  readonly header: string;
  readonly field: string;
}

/** How a build's settings were made when the workbook had none: learned from the data, or a preset the data matched. */
export interface SettingsBasis {
  readonly kind: 'learned' | 'preset';
  /** The preset's name (kind preset). */
  readonly presetName?: string;
  /** When they were made (the build's time), for the settings sheet's note. */
  readonly madeAt?: string;
}

export interface Settings {
  /** Issuing body, for titles (达州市城市管理和行政执法投诉指挥中心). */
  readonly issuer: string;
  /** Day of the month a statistics period starts (1 = calendar months). */
  readonly periodStartDay: number;
  /** Day a week starts (weekly briefs): 1 Monday (ISO 8601) … 7 Sunday. */
  readonly periodWeekStart: number;
  /** As-of time override as text (`2021-10-08 17:30`); empty = latest event time. */
  readonly asOfOverride: string;
  /** Orders needed to make a repeat problem (热难点). */
  readonly repeatThreshold: number;
  /** Warn when an on-time closure rate falls below this (0.9 = 90%). */
  readonly onTimeClosureWarnBelow: number;
  readonly sources: readonly SourceSetting[];
  readonly firstLevelUnits: readonly FirstLevelUnit[];
  readonly secondLevelUnits: readonly SecondLevelUnit[];
  readonly stageWords: Readonly<Record<StageStep, readonly string[]>>;
  /** The cases' 大类 with their problem type. */
  readonly mainTypes: readonly MainTypeSetting[];
  /** 12345 statuses that mean the order is done; anything else is in progress. */
  readonly hotlineDoneWords: readonly string[];
  readonly hotlineCategories: readonly HotlineCategory[];
  /** Known 小区 names, for extracting places from addresses. */
  readonly knownCommunities: readonly string[];
  readonly focusTopics: readonly FocusTopic[];
  readonly columnMappings: readonly ColumnMapping[];
  /** Columns of the tables, as indicator names (`stats/indicators.ts`); 上期X is X of the previous period. */
  readonly tableColumns: TableColumns;
  /** The brief (简报): title, 分送/印发, thresholds and templates of 二、具体分析 (`brief-settings.ts`). */
  readonly brief: BriefSettings;
  /** Set when the settings were made by a first build (learned or a preset); absent once the clerk's sheet is read. */
  readonly basis?: SettingsBasis;
  /** 【自定义指标】: the clerk's own rates and names (名称 = 分子 / 分母). */
  readonly customIndicators: readonly CustomIndicatorSetting[];
  /** 【目标】: figures typed per row, such as a county's monthly 任务数. */
  readonly targets: readonly TargetSetting[];
  /** 【自定义表格】: extra tables, one sheet each, after the standard ones. */
  readonly customTables: readonly CustomTableSetting[];
}

/** A rate or another name the clerk defines: 名称 = 分子 / 分母; 分母 blank means 名称 is another name of 分子. */
export interface CustomIndicatorSetting {
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
}

/** One typed figure: indicator `indicator` of the row `value` (of dimension `dimension`, any when blank) is `amount`. */
export interface TargetSetting {
  /** 维度 (来源, 县区 …); '' = whichever dimension has a row of that name. */
  readonly dimension: string;
  /** 维度值: the row's name (达川区), or 合计 for the total row. */
  readonly value: string;
  readonly indicator: string;
  readonly amount: number;
  /** 期间 `2021-09` the figure is for; '' = every period. */
  readonly period: string;
}

/**
 * One extra table, as written in 【自定义表格】; the words (dimensions, 范围, 排序, 显示) are read when
 * the table is built (`report/custom-tables.ts`), so that their warnings name the table.
 */
export interface CustomTableSetting {
  /** 表名: the sheet is `2021年9月-表名`. */
  readonly name: string;
  /** 按: the rows' dimension (来源, 大类, 小类, 街道, 12345承办单位 …), optionally `维度→表头`. */
  readonly by: string;
  /** 分组: a second dimension that splits the table into blocks; '' = none. */
  readonly groupBy: string;
  /** 范围: filter such as `问题类型=部件`, `来源≠12345转办`; '' = every record. */
  readonly scope: string;
  /** 指标: column entries (X, 上期X, X环比 …, `X→表头`). */
  readonly columns: readonly string[];
  /** 前N: rows shown per block; null = all. */
  readonly top: number | null;
  /** 合计: whether the table has 合计 rows, and the label of its last one ('' = 合计, or 总计 over blocks). */
  readonly total: boolean;
  readonly totalLabel: string;
  /** 排序: 设置顺序, 标准顺序, 从多到少:指标; '' = the dimension's usual order. */
  readonly sort: string;
  /** 显示: 符号 or 箭头, 月份表头, 年月表头, 合计在前. */
  readonly display: readonly string[];
}

export interface TableColumns {
  /** 案件概况: after the 问题来源 column. */
  readonly overview: readonly string[];
  /** 部门处置: after the two 专业部门 columns. */
  readonly units: readonly string[];
  /** 县区办理: its rows (the table is transposed). */
  readonly counties: readonly string[];
  /** 高发问题: after the 问题类型 and 小类 columns. */
  readonly topSubTypes: readonly string[];
  /** 高发问题: how many sub-types per kind. */
  readonly topSubTypeCount: number;
  /** 12345受理: the by-unit table, after 承办单位. */
  readonly hotlineUnits: readonly string[];
  /** 12345受理: the by-category table, after 案件类别. */
  readonly hotlineCategories: readonly string[];
}

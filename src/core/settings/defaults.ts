/**
 * The general defaults: what a first build in any city starts from before it learns the city's units,
 * sources and 小区 from the data (`learn-settings.ts`), and what a settings sheet falls back to for a
 * section it lacks. Nothing here names a city: stage words of the common platforms, 12345 done words
 * and report categories in general urban-management wording, focus topics (十件事) whose case rules
 * are the national standard's 小类 names (`vocabulary/standard-categories.ts`), and the brief's table
 * columns. A city's own settings are a preset (`presets.ts`) or its 月报设置 sheet.
 */
import { findStandardSubType, type StandardKind } from '../vocabulary/standard-categories.ts';
import { defaultBriefSettings } from './brief-settings.ts';
import type { FocusTopic, Settings } from './settings.ts';

/** The standard's spelling of each 小类 name that is one (names it lacks are dropped). */
export function standardSubTypeNames(names: readonly string[], kind: StandardKind = '事件'): string[] {
  return names.map((name) => findStandardSubType(name, kind)?.name).filter((name): name is string => name !== undefined);
}

/** The standard 小类 of road digging and unfenced works: the focus topic 乱开挖、挖而不围、随意打围. */
export const roadDiggingSubTypes: readonly string[] = standardSubTypeNames(['无证掘路', '施工占道', '道路破损']);

/** Focus topics every city's list tends to hold; the clerk edits the year's list in 【十件事】. */
const defaultFocusTopics: readonly FocusTopic[] = [
  {
    name: '小区内私搭乱建',
    caseSubTypes: [...standardSubTypeNames(['私搭乱建']), '违章搭建', '违法建设'],
    caseWords: ['私搭乱建', '乱搭乱建', '违章搭建', '违法建设'],
    orderCategories: ['规划建设类'],
    orderWords: [],
  },
  {
    name: '乱开挖、挖而不围、随意打围',
    // 施工工地围挡 and 道路开挖 are 小类 some cities add under 施工管理; the rest are the standard's.
    caseSubTypes: [...roadDiggingSubTypes, '施工工地围挡', '道路开挖'],
    caseWords: ['未打围', '未设围挡', '挖而不围', '乱开挖', '随意打围'],
    orderCategories: [],
    orderWords: ['乱开挖', '挖而不围', '随意打围', '未打围'],
  },
];

export const defaultSettings: Settings = {
  issuer: '',
  periodStartDay: 1,
  periodWeekStart: 1,
  asOfOverride: '',
  repeatThreshold: 3,
  onTimeClosureWarnBelow: 0.9,
  sources: [],
  firstLevelUnits: [],
  secondLevelUnits: [],
  // The stage words of the common platforms (eGova, grid systems), written without brackets: a stage
  // in brackets of any kind matches its word (`[办结]`, `【作废】`).
  stageWords: {
    reported: ['上报', '待受理', '待核实', '已上报', '新建', '待审核'],
    notAccepted: ['不予受理', '不受理', '无效', '不属实'],
    accepted: ['受理', '待立案', '已受理'],
    notFiled: ['不予立案', '不立案'],
    filed: ['立案', '待派遣', '已立案', '待派单'],
    dispatched: ['派遣', '已派遣', '处置中', '待处置', '处置', '回退', '延期', '挂账', '缓办', '处理中', '待处理', '办理中', '已派单', '派单', '已签收', '签收', '整改中'],
    disposed: ['处置反馈', '待核查', '核查', '核实', '待结案', '已处置', '已处理', '处置完成', '处理完成', '已反馈', '核查中'],
    closed: ['结案', '已结案', '存档', '归档', '办结', '已办结', '已归档', '已完结', '完结'],
    voided: ['作废', '已作废', '撤销', '已撤销'],
  },
  mainTypes: [],
  hotlineDoneWords: ['已办结', '办结', '已回访', '已评价', '已归档', '已完成', '已结案', '结案', '已关闭'],
  hotlineCategories: [
    { name: '噪音类', words: ['噪音', '噪声', '施工噪音', '商业噪音', '生活噪音', '夜间施工', '高音喇叭', '广场舞'] },
    { name: '规划建设类', words: ['规划', '违章搭建', '违法建设', '私搭乱建', '违建', '乱搭乱建', '搭建'] },
    { name: '占道经营类', words: ['占道经营', '店外经营', '流动摊贩', '摊贩', '游商', '占道'] },
    { name: '市政设施类', words: ['市政设施', '井盖', '路灯', '道路破损', '人行道破损', '下水道', '窨井', '排水'] },
    { name: '油烟扰民类', words: ['油烟', '油烟扰民', '餐饮油烟', '烧烤'] },
    { name: '环卫保洁类', words: ['环卫', '垃圾', '保洁', '公厕', '清扫'] },
    { name: '广告店招类', words: ['广告', '店招', '招牌', '横幅'] },
    { name: '扬尘污染类', words: ['扬尘', '渣土', '灰尘'] },
    { name: '其他', words: [] },
  ],
  knownCommunities: [],
  focusTopics: defaultFocusTopics,
  columnMappings: [],
  tableColumns: {
    overview: ['上报数', '受理数', '立案数', '应处置数', '处置数', '处置率', '上期处置率', '应结案数', '结案数', '结案率', '上期结案率'],
    units: ['应处置数', '处置数', '处置率', '上期处置率', '应结案数', '结案数', '结案率', '上期结案率', '按期结案数', '按期结案率', '上期按期结案率'],
    counties: ['受理数', '处置率', '结案率', '自行处置案件数'],
    topSubTypes: ['上报数', '立案数', '应结案数', '结案数', '结案率'],
    topSubTypeCount: 5,
    hotlineUnits: ['受理数', '占比'],
    hotlineCategories: ['受理数', '占比'],
  },
  brief: defaultBriefSettings,
  customIndicators: [],
  targets: [],
  customTables: [],
};

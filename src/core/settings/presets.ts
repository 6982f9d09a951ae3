/**
 * Presets: the settings of cities we know, which a clerk can pick and which a first build takes when
 * the export's units match one. The reference city (达州市, its 2021年9月 brief) is the first: its units,
 * their spellings in both systems, sources, known 小区 and focus topics. Everything a preset does not
 * say (stage words, done words, 12345 categories, table columns) is the general default.
 */
import { defaultSettings, roadDiggingSubTypes } from './defaults.ts';
import type { Settings } from './settings.ts';

export interface SettingsPreset {
  readonly id: string;
  /** Name shown to the clerk. */
  readonly name: string;
  readonly settings: Settings;
}

/** The reference city: reproduces every figure of the reference brief. */
export const referencePreset: Settings = {
  ...defaultSettings,
  issuer: '达州市城市管理和行政执法投诉指挥中心',
  periodStartDay: 1,
  periodWeekStart: 1,
  asOfOverride: '',
  repeatThreshold: 3,
  onTimeClosureWarnBelow: 0.9,
  sources: [
    { name: '巡查上报', aliases: ['监督员上报', '信息采集员上报', '采集员上报', '巡查发现', '信息采集'], selfDisposal: false },
    { name: '车巡上报', aliases: ['车巡', '视频巡查'], selfDisposal: false },
    { name: '公众举报', aliases: ['市民举报', '群众举报', '公众投诉'], selfDisposal: false },
    { name: '12345转办', aliases: ['12345', '热线转办', '市长热线'], selfDisposal: false },
    { name: '领导交办', aliases: ['上级交办'], selfDisposal: false },
    { name: '媒体曝光', aliases: ['媒体反映'], selfDisposal: false },
  ],
  firstLevelUnits: [
    { name: '市城管执法直属一大队', group: '市局', hotlineName: '执法直属一大队', aliases: ['执法直属一大队', '直属一大队', '一大队', '市城管直属一大队'] },
    { name: '市城管直属二大队', group: '市局', hotlineName: '执法直属二大队', aliases: ['市城管执法直属二大队', '执法直属二大队', '直属二大队', '二大队'] },
    { name: '市政工程处', group: '市局', hotlineName: '市政工程处', aliases: ['市市政工程处', '市政处'] },
    { name: '市环卫处', group: '市局', hotlineName: '市环卫处', aliases: ['市环境卫生管理处', '环卫处'] },
    { name: '市治尘办', group: '市局', hotlineName: '市治尘办', aliases: ['治尘办'] },
    { name: '火管中队', group: '市局', hotlineName: '市火管中队', aliases: ['市火管中队', '市城管火管中队'] },
    { name: '达川区城管执法大队', group: '县市区', hotlineName: '', aliases: ['达川区', '达川区综合行政执法局', '达川区城市管理局'] },
    { name: '大竹县综合行政执法局', group: '县市区', hotlineName: '', aliases: ['大竹县'] },
    { name: '宣汉县综合行政执法局', group: '县市区', hotlineName: '', aliases: ['宣汉县'] },
    { name: '开江县综合行政执法局', group: '县市区', hotlineName: '', aliases: ['开江县'] },
    { name: '渠县综合行政执法局', group: '县市区', hotlineName: '', aliases: ['渠县'] },
    { name: '万源市综合行政执法局', group: '县市区', hotlineName: '', aliases: ['万源市'] },
    { name: '中石油天然气公司', group: '其他', hotlineName: '', aliases: ['中石油达州天然气公司', '中石油'] },
    { name: '环卫管理科', group: '其他', hotlineName: '', aliases: [] },
    { name: '行政审批科', group: '其他', hotlineName: '', aliases: [] },
  ],
  secondLevelUnits: [
    { parent: '市城管执法直属一大队', name: '一中队', aliases: [] },
    { parent: '市城管执法直属一大队', name: '二中队', aliases: [] },
    { parent: '市城管执法直属一大队', name: '三中队', aliases: [] },
    { parent: '市城管执法直属一大队', name: '四中队', aliases: [] },
    { parent: '市城管执法直属一大队', name: '五中队', aliases: [] },
    { parent: '市城管执法直属一大队', name: '夜勤中队', aliases: ['夜间勤务中队'] },
    { parent: '市政工程处', name: '维修所', aliases: ['市政维修所', '设施维修所'] },
    { parent: '市政工程处', name: '路灯所', aliases: ['路灯管理所'] },
    { parent: '市环卫处', name: '公厕管理所', aliases: [] },
    { parent: '市环卫处', name: '市容监察中队', aliases: [] },
    { parent: '市环卫处', name: '老城区卫生管理所', aliases: ['老城区环卫所'] },
    { parent: '市环卫处', name: '西外新区卫生管理所', aliases: ['西外环卫所'] },
  ],
  knownCommunities: ['江湾城', '澜湖郡', '清华园', '中梁首府', '天誉誉府', '仁和春天', '中迪', '时尚家苑', '四季花城', '体育佳苑', '海星园', '宏升国际'],
  focusTopics: [
    { name: '小区内私搭乱建', caseSubTypes: ['违章搭建', '私搭乱建'], caseWords: ['私搭乱建'], orderCategories: ['规划建设类'], orderWords: [] },
    { name: '乱开挖、挖而不围、随意打围', caseSubTypes: ['道路开挖', '施工围挡', ...roadDiggingSubTypes], caseWords: ['未打围', '未设围挡', '挖而不围', '乱开挖'], orderCategories: [], orderWords: ['乱开挖', '挖而不围', '随意打围'] },
  ],
};

/** Every preset, the reference city first. */
export const settingsPresets: readonly SettingsPreset[] = [{ id: 'dazhou', name: '达州市（参考简报）', settings: referencePreset }];

/**
 * Deterministic sample export of the 数字化城管 case system (eGova style) and of the 12345 hotline:
 * writes `samples/sample-2021.xlsx` (sheets 案件列表, 12345工单, 回退记录) and `samples/README.md`.
 * Run: `npx tsx scripts/generate-sample.ts` (or `npm run sample`).
 *
 * - The September 2021 cohort reproduces sections （一）（二）（三） of `shared/reference/seed-figures.md`
 *   under the rules of `shared/spec/indicators.md`, with the as-of time T = 2021-10-08 17:30:00, the
 *   latest event time in the sheet.
 * - The August 2021 cohort reproduces the brief's 上期 rates when built with T = 2021-09-08 17:30:00.
 *   Its counts come from `searchAugustCounts`, a seeded local search; one printed rate cannot be met
 *   together with the others (see `augustMismatches` and the README).
 * - No clock and no Math.random: a seeded PRNG (mulberry32) drives everything, and times are kept as
 *   wall-clock seconds and turned into Excel serials arithmetically, so the bytes are identical on
 *   every run and under any TZ.
 *
 * - The sheets 12345工单 and 回退记录 (built by `hotline-sample.ts`) give the brief's （四）（五）（六） for
 *   September 2021 and 330 orders for August.
 *
 * Tests can import `generateSampleWorkbook()`, `sampleExpectations()` and `sampleHotlineExpectations()`;
 * `scripts/check-sample.ts` re-derives every figure from the file independently.
 */
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHotline, hotlineExpectations, hotlineReadme, type Hotline, type HotlineExpectation } from './hotline-sample.ts';

/**
 * SheetJS keeps one number-format table for the whole process: reading a file adds that file's formats
 * (and may replace built-in ones), and writing numbers custom formats from it. So that the sample has
 * the same bytes whatever was read before in the same process (a test suite), the table is set back
 * to SheetJS's own defaults before writing.
 */
const defaultNumberFormats: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'm/d/yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@', 56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

function resetNumberFormatTable(): void {
  const table = XLSX.SSF.get_table() as Record<number, string>;
  for (const key of Object.keys(table)) delete table[Number(key)];
  for (const [id, format] of Object.entries(defaultNumberFormats)) table[Number(id)] = format;
}

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

export type Rng = () => number;

/** mulberry32: a tiny seeded PRNG with 32-bit state, uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  constructor(private readonly next: Rng) {}
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((s, x) => s + x[1], 0);
    let r = this.next() * total;
    for (const [v, w] of xs) {
      r -= w;
      if (r < 0) return v;
    }
    return xs[xs.length - 1][0];
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

// ---------------------------------------------------------------------------------------------
// Wall-clock time: seconds since 1970-01-01 00:00 of China wall-clock time, handled as if UTC
// ---------------------------------------------------------------------------------------------

export const MIN = 60;
export const HOUR = 3600;
export const DAY = 86400;

export function wall(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
}

export interface WallParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

export function parts(t: number): WallParts {
  const dt = new Date(t * 1000);
  return {
    y: dt.getUTCFullYear(),
    mo: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    h: dt.getUTCHours(),
    mi: dt.getUTCMinutes(),
    s: dt.getUTCSeconds(),
  };
}

/** Excel serial (1900 system) of a wall-clock time: (Date.UTC(...) / 86400000) + 25569. */
export function toSerial(t: number): number {
  return (t * 1000) / 86400000 + 25569;
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2021-09-03 10:22:00` */
export function isoText(t: number): string {
  const p = parts(t);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

export type TimeFormat = 'serial' | 'iso' | 'slash' | 'cn' | 'compact';

export function timeCell(t: number, f: TimeFormat): XLSX.CellObject {
  const p = parts(t);
  switch (f) {
    case 'serial':
      return { t: 'n', v: toSerial(t), z: 'yyyy-mm-dd hh:mm:ss' };
    case 'iso':
      return { t: 's', v: isoText(t) };
    case 'slash':
      return { t: 's', v: `${p.y}/${p.mo}/${p.d} ${p.h}:${pad(p.mi)}` };
    case 'cn':
      return { t: 's', v: `${p.y}年${p.mo}月${p.d}日 ${p.h}时${pad(p.mi)}分` };
    case 'compact':
      return { t: 's', v: `${p.y}${pad(p.mo)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}` };
  }
}

export const minuteOnly = (f: TimeFormat): boolean => f === 'slash' || f === 'cn';

// ---------------------------------------------------------------------------------------------
// Periods and as-of times
// ---------------------------------------------------------------------------------------------

export type Cohort = 'aug' | 'sep' | 'oct';

const COHORT_START: Record<Cohort, number> = {
  aug: wall(2021, 8, 1),
  sep: wall(2021, 9, 1),
  oct: wall(2021, 10, 1),
};

/** T of the September build: the latest event time of the sheet (an October report). */
export const SEPTEMBER_AS_OF = '2021-10-08 17:30:00';
/** T of the August build, passed explicitly (the date of the August brief). */
export const AUGUST_AS_OF = '2021-09-08 17:30:00';
const T_SEP = wall(2021, 10, 8, 17, 30, 0);
const T_AUG = wall(2021, 9, 8, 17, 30, 0);
/** No event other than the as-of case may reach this (October cases are cut off here). */
const OCT_CUTOFF = wall(2021, 10, 8, 17, 29, 0);

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

export const CITY_UNITS = [
  '一中队', '二中队', '三中队', '四中队', '五中队', '夜勤中队', '二大队', '维修所', '路灯所',
  '公厕管理所', '市容监察中队', '老城区卫生管理所', '西外新区卫生管理所', '市治尘办', '火管中队',
] as const;
export const COUNTY_UNITS = ['达川', '大竹', '宣汉', '开江', '渠县', '万源'] as const;
export type CityUnit = (typeof CITY_UNITS)[number];
export type CountyUnit = (typeof COUNTY_UNITS)[number];
export type UnitKey = CityUnit | CountyUnit;
const ALL_UNITS: readonly UnitKey[] = [...CITY_UNITS, ...COUNTY_UNITS];

export type Weighted<T> = readonly (readonly [T, number])[];

interface UnitDef {
  /** First level as the settings name it, and second level ('' when the unit has none). */
  readonly first: string;
  readonly second: string;
  readonly group: '市局' | '县市区';
  /** How the case system spells it, with weights: short, long, aliases, stray spaces, （）. */
  readonly spellings: Weighted<string>;
  readonly district: string;
  readonly streets: Weighted<string>;
  readonly mix: Weighted<string>;
}

const PATROL_MIX: Weighted<string> = [
  ['无照经营游商', 34], ['店外经营', 28], ['商业噪音', 15], ['机动车乱停放', 5], ['非机动车乱停放', 5],
  ['乱堆物料', 4], ['非法小广告', 3], ['违规户外广告', 2], ['露天烧烤', 3], ['道路遗撒', 1],
];
const SANITATION_MIX: Weighted<string> = [['道路不洁', 35], ['暴露垃圾', 25], ['积存垃圾渣土', 15], ['果皮箱', 25]];
const COUNTY_MIX: Weighted<string> = [
  ['无照经营游商', 30], ['店外经营', 25], ['商业噪音', 10], ['暴露垃圾', 10], ['机动车乱停放', 10],
  ['污水井盖', 5], ['路灯', 5], ['果皮箱', 5],
];
const TONGCHUAN_STREETS: Weighted<string> = [['朝阳街道', 41], ['东城街道', 29], ['西城街道', 28], ['翠屏街道', 2]];

function squad(name: string, streets: Weighted<string>, extra: Weighted<string> = []): UnitDef {
  return {
    first: '市城管执法直属一大队',
    second: name,
    group: '市局',
    spellings: [
      [name, 50], [`市城管执法直属一大队${name}`, 28], [`执法直属一大队${name}`, 7], [`一大队${name}`, 5],
      [`市城管执法直属一大队 ${name}`, 3], [` ${name}`, 2], [`${name} `, 2], [`执法直属一大队\u3000${name}`, 1],
      [`市城管直属一大队${name}`, 2], ...extra,
    ],
    district: '通川区',
    streets,
    mix: PATROL_MIX,
  };
}

function county(first: string, short: string, district: string, streets: readonly string[]): UnitDef {
  return {
    first,
    second: '',
    group: '县市区',
    spellings: [[first, 3], [short, 2]],
    district,
    streets: streets.map((s) => [s, 1] as const),
    mix: COUNTY_MIX,
  };
}

const UNITS: Record<UnitKey, UnitDef> = {
  一中队: squad('一中队', [['朝阳街道', 9], ['东城街道', 1]]),
  二中队: squad('二中队', [['东城街道', 85], ['朝阳街道', 15]]),
  三中队: squad('三中队', [['西城街道', 60], ['东城街道', 35], ['翠屏街道', 5]]),
  四中队: squad('四中队', [['翠屏街道', 1]]),
  五中队: squad('五中队', [['朝阳街道', 5], ['东城街道', 3], ['西城街道', 2]]),
  夜勤中队: {
    ...squad('夜勤中队', TONGCHUAN_STREETS),
    spellings: [['夜勤中队', 5], ['夜间勤务中队', 3], ['市城管执法直属一大队夜勤中队', 2]],
  },
  二大队: {
    first: '市城管直属二大队', second: '', group: '市局',
    spellings: [['市城管直属二大队', 6], ['市城管执法直属二大队', 3], ['直属二大队', 1]],
    district: '通川区', streets: TONGCHUAN_STREETS, mix: PATROL_MIX,
  },
  维修所: {
    first: '市政工程处', second: '维修所', group: '市局',
    spellings: [['维修所', 4], ['市政工程处维修所', 4], ['市政维修所', 2], ['市政工程处（维修所）', 1]],
    district: '通川区', streets: TONGCHUAN_STREETS,
    mix: [['污水井盖', 35], ['雨水井盖', 30], ['通讯井盖', 10], ['交通护栏', 15], ['隔离墩', 10]],
  },
  路灯所: {
    first: '市政工程处', second: '路灯所', group: '市局',
    spellings: [['路灯所', 4], ['市政工程处路灯所', 3], ['路灯管理所', 2], ['市政处路灯所', 1]],
    district: '通川区', streets: TONGCHUAN_STREETS, mix: [['路灯', 8], ['景观灯', 2]],
  },
  公厕管理所: {
    first: '市环卫处', second: '公厕管理所', group: '市局',
    spellings: [['市环卫处（公厕管理所）', 1], ['公厕管理所', 1]],
    district: '通川区', streets: TONGCHUAN_STREETS, mix: [['公共厕所', 1]],
  },
  市容监察中队: {
    first: '市环卫处', second: '市容监察中队', group: '市局',
    spellings: [['市容监察中队', 5], ['市环卫处市容监察中队', 3], ['环卫处 市容监察中队', 1]],
    district: '通川区', streets: TONGCHUAN_STREETS,
    mix: [['暴露垃圾', 4], ['非法小广告', 3], ['乱堆物料', 3]],
  },
  老城区卫生管理所: {
    first: '市环卫处', second: '老城区卫生管理所', group: '市局',
    spellings: [['老城区卫生管理所', 5], ['老城区环卫所', 2], ['市环卫处老城区卫生管理所', 2], ['市环境卫生管理处（老城区卫生管理所）', 1]],
    district: '通川区', streets: [['朝阳街道', 6], ['东城街道', 4]], mix: SANITATION_MIX,
  },
  西外新区卫生管理所: {
    first: '市环卫处', second: '西外新区卫生管理所', group: '市局',
    spellings: [['西外新区卫生管理所', 5], ['西外环卫所', 2], ['市环卫处西外新区卫生管理所', 2]],
    district: '通川区', streets: [['西城街道', 1]], mix: SANITATION_MIX,
  },
  市治尘办: {
    first: '市治尘办', second: '', group: '市局',
    spellings: [['市治尘办', 1], ['治尘办', 1]],
    district: '通川区', streets: TONGCHUAN_STREETS, mix: [['工地扬尘', 7], ['道路遗撒', 3]],
  },
  火管中队: {
    first: '火管中队', second: '', group: '市局',
    spellings: [['火管中队', 4], ['市火管中队', 4], ['市城管火管中队', 1], [' 市火管中队 ', 1]],
    district: '通川区', streets: TONGCHUAN_STREETS, mix: [['露天焚烧', 6], ['露天烧烤', 4]],
  },
  达川: {
    ...county('达川区城管执法大队', '达川区', '达川区', ['三里坪街道', '杨柳街道', '明月江街道']),
    spellings: [['达川区城管执法大队', 5], ['达川区', 3], ['达川区综合行政执法局', 1]],
  },
  大竹: county('大竹县综合行政执法局', '大竹县', '大竹县', ['竹阳街道', '白塔街道']),
  宣汉: county('宣汉县综合行政执法局', '宣汉县', '宣汉县', ['东乡街道', '蜀山街道']),
  开江: county('开江县综合行政执法局', '开江县', '开江县', ['淙城街道', '普安镇']),
  渠县: county('渠县综合行政执法局', '渠县', '渠县', ['渠江街道', '天星街道']),
  万源: county('万源市综合行政执法局', '万源市', '万源市', ['古东关街道', '太平镇']),
};

/** Row label of a unit as the brief shows it: `市环卫处/公厕管理所`, `火管中队`. */
export function unitLabel(key: UnitKey): string {
  const u = UNITS[key];
  return u.second === '' ? u.first : `${u.first}/${u.second}`;
}

// ---------------------------------------------------------------------------------------------
// Geography
// ---------------------------------------------------------------------------------------------

interface StreetGeo {
  readonly roads: readonly string[];
  readonly communities: readonly string[];
  readonly landmarks: readonly string[];
}

const STREETS: Record<string, StreetGeo> = {
  朝阳街道: {
    roads: ['朝阳东路', '朝阳中路', '朝阳西路', '金山顺街', '来凤路', '大西街', '中山街', '人民路'],
    communities: ['金山社区', '南门社区', '来凤社区', '朝阳社区', '大西街社区'],
    landmarks: ['达州市中心医院', '达州宾馆', '人民广场', '老南门', '来凤小学', '金山小区', '新华书店', '朝阳菜市场'],
  },
  东城街道: {
    roads: ['通川北路', '通川中路', '通川南路', '华蜀北路', '华蜀南路', '塔沱路', '凤凰大道', '滨河东路'],
    communities: ['凤凰社区', '塔沱社区', '华蜀社区', '长田坝社区', '通川社区'],
    landmarks: ['达州中学', '塔沱市场', '凤凰山公园', '火车站广场', '东城菜市场', '通川桥头', '华蜀名都', '长田坝公交站'],
  },
  西城街道: {
    roads: ['西外大道', '金龙大道', '西环路', '马踏洞路', '玉带路', '荷叶街', '西圣大道', '复兴路'],
    communities: ['西外社区', '金龙社区', '荷叶社区', '马踏洞社区', '玉带社区'],
    landmarks: ['旺角城', '达州广播电视大学', '西外客运站', '万达广场', '金龙湾', '西外农贸市场', '宏升国际', '西外公园'],
  },
  翠屏街道: {
    roads: ['翠屏路', '凤翎路', '莲湖路', '滨河西路'],
    communities: ['翠屏社区', '凤翎社区', '莲湖社区'],
    landmarks: ['翠屏山公园', '莲湖小区', '翠屏菜市场', '滨河广场'],
  },
  三里坪街道: { roads: ['南外大道', '长田路', '达川大道'], communities: ['三里坪社区', '长田社区'], landmarks: ['南外客运站', '达川区人民医院'] },
  杨柳街道: { roads: ['杨柳路', '永兴路'], communities: ['杨柳社区', '永兴社区'], landmarks: ['杨柳菜市场', '达川中学'] },
  明月江街道: { roads: ['明月路', '滨江路'], communities: ['明月社区', '滨江社区'], landmarks: ['明月江公园', '达川区政务中心'] },
  竹阳街道: { roads: ['竹海大道', '人民路', '东湖路'], communities: ['东湖社区', '竹阳社区'], landmarks: ['东湖公园', '大竹县人民医院'] },
  白塔街道: { roads: ['白塔路', '北大街'], communities: ['白塔社区', '北街社区'], landmarks: ['白塔公园', '大竹中学'] },
  东乡街道: { roads: ['解放街', '东乡大道'], communities: ['东乡社区', '解放社区'], landmarks: ['宣汉县人民医院', '东乡广场'] },
  蜀山街道: { roads: ['蜀山路', '南坝路'], communities: ['蜀山社区', '南坝社区'], landmarks: ['蜀山公园', '宣汉中学'] },
  淙城街道: { roads: ['新宁大道', '开江大道'], communities: ['淙城社区', '新宁社区'], landmarks: ['开江县人民医院', '金山寺广场'] },
  普安镇: { roads: ['宝塔路', '普安街'], communities: ['普安社区', '宝塔社区'], landmarks: ['普安农贸市场', '宝塔坝'] },
  渠江街道: { roads: ['渠江大道', '人民南路'], communities: ['渠江社区', '南门社区'], landmarks: ['渠县人民医院', '文峰广场'] },
  天星街道: { roads: ['宕渠路', '天星街'], communities: ['天星社区', '宕渠社区'], landmarks: ['天星农贸市场', '渠县中学'] },
  古东关街道: { roads: ['太平路', '万源大道'], communities: ['古东关社区', '红旗社区'], landmarks: ['万源市人民医院', '红旗广场'] },
  太平镇: { roads: ['红旗路', '太平街'], communities: ['太平社区', '新华社区'], landmarks: ['太平农贸市场', '万源中学'] },
};

interface Place {
  readonly street: string;
  readonly road: string;
  readonly road2: string;
  readonly num: number;
  readonly landmark: string;
  readonly community: string;
}

function placeIn(d: Dice, street: string): Place {
  const g = STREETS[street];
  const road = d.pick(g.roads);
  let road2 = d.pick(g.roads);
  if (road2 === road) road2 = g.roads[(g.roads.indexOf(road) + 1) % g.roads.length];
  return { street, road, road2, num: d.int(1, 380), landmark: d.pick(g.landmarks), community: d.pick(g.communities) };
}

function spot(d: Dice, p: Place): string {
  return d.weighted<() => string>([
    [() => `${p.road}${p.num}号门口`, 4],
    [() => `${p.road}${p.landmark}门口`, 3],
    [() => `${p.road}${p.landmark}旁`, 3],
    [() => `${p.road}往${p.landmark}方向人行道`, 2],
    [() => `${p.road}与${p.road2}交叉口`, 2],
    [() => `${p.landmark}公交站旁`, 1],
  ])();
}

// ---------------------------------------------------------------------------------------------
// Problem types (小类) with their 大类, 问题类型, time limit and description templates
// ---------------------------------------------------------------------------------------------

interface SubTypeDef {
  readonly kind: '事件' | '部件';
  readonly main: string;
  readonly limitHours: number;
  readonly describe: (d: Dice, p: Place) => string;
}

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '何'];
const SHOP_KINDS = ['面馆', '水果店', '五金店', '火锅店', '烧烤店', '小吃店', '便利店', '手机店', '服装店', '汽修店', '茶楼', '超市', '药房'];
const GOODS = ['水果', '蔬菜', '烤红薯', '煮玉米', '凉粉', '糖葫芦', '炒板栗', '鞋垫袜子', '儿童玩具', '鲜花', '手机配件', '烧饼', '莲藕', '李子', '葡萄'];

function shop(d: Dice): string {
  return d.weighted<() => string>([
    [() => `${d.pick(SURNAMES)}记${d.pick(SHOP_KINDS)}`, 3],
    [() => `老${d.pick(SURNAMES)}${d.pick(SHOP_KINDS)}`, 2],
    [() => `${d.pick(['川味', '渝香', '巴山', '达州', '好又多', '新世纪', '百姓'])}${d.pick(SHOP_KINDS)}`, 3],
  ])();
}

const SUBTYPES: Record<string, SubTypeDef> = {
  无照经营游商: {
    kind: '事件', main: '街面秩序', limitHours: 2,
    describe: (d, p) => d.weighted<() => string>([
      [() => `${spot(d, p)}有流动商贩推三轮车售卖${d.pick(GOODS)}。`, 3],
      [() => `${spot(d, p)}有游商占用人行道摆摊售卖${d.pick(GOODS)}。`, 3],
      [() => `${spot(d, p)}人行道上有人摆地摊售卖${d.pick(GOODS)}，影响行人通行。`, 2],
      [() => `${spot(d, p)}有无照游商兜售${d.pick(GOODS)}。`, 2],
    ])(),
  },
  店外经营: {
    kind: '事件', main: '街面秩序', limitHours: 4,
    describe: (d, p) => d.weighted<() => string>([
      [() => `${p.road}${p.num}号${shop(d)}店外摆放桌椅经营。`, 3],
      [() => `${p.road}${p.num}号${shop(d)}在店外占道摆放商品经营。`, 3],
      [() => `${p.road}${shop(d)}店外占用人行道加工食品。`, 2],
      [() => `${spot(d, p)}${shop(d)}超出门窗占道经营。`, 2],
    ])(),
  },
  商业噪音: {
    kind: '事件', main: '扩展事件', limitHours: 2,
    describe: (d, p) => d.weighted<() => string>([
      [() => `${p.road}${p.num}号${shop(d)}门口使用音响高声招揽顾客，噪音扰民。`, 3],
      [() => `${p.road}${shop(d)}在店外摆放音箱播放促销广告，声音较大。`, 3],
      [() => `${spot(d, p)}有商家用扩音喇叭循环播放广告。`, 2],
    ])(),
  },
  机动车乱停放: {
    kind: '事件', main: '街面秩序', limitHours: 2,
    describe: (d, p) => `${spot(d, p)}有机动车停放在人行道上，影响行人通行。`,
  },
  非机动车乱停放: {
    kind: '事件', main: '街面秩序', limitHours: 4,
    describe: (d, p) => `${spot(d, p)}${d.pick(['共享单车', '电动自行车', '摩托车'])}乱停乱放，堵塞人行道。`,
  },
  乱堆物料: {
    kind: '事件', main: '街面秩序', limitHours: 24,
    describe: (d, p) => `${spot(d, p)}有人在人行道上堆放${d.pick(['建筑材料', '杂物', '废旧家具', '纸箱'])}。`,
  },
  非法小广告: {
    kind: '事件', main: '宣传广告', limitHours: 24,
    describe: (d, p) => `${spot(d, p)}${d.pick(['墙面', '电杆', '配电箱', '公交站牌'])}上有乱张贴的小广告。`,
  },
  违规户外广告: {
    kind: '事件', main: '宣传广告', limitHours: 72,
    describe: (d, p) => `${p.road}${p.num}号商铺门口擅自设置落地广告牌。`,
  },
  露天烧烤: {
    kind: '事件', main: '市容环境', limitHours: 2,
    describe: (d, p) => `${p.road}${shop(d)}在店外占道露天烧烤，油烟较大。`,
  },
  道路遗撒: {
    kind: '事件', main: '施工管理', limitHours: 12,
    describe: (d, p) => `${p.road}往${p.landmark}方向有渣土车遗撒，路面泥土较多。`,
  },
  暴露垃圾: {
    kind: '事件', main: '市容环境', limitHours: 12,
    describe: (d, p) => `${spot(d, p)}有生活垃圾堆放，未及时清运。`,
  },
  积存垃圾渣土: {
    kind: '事件', main: '市容环境', limitHours: 24,
    describe: (d, p) => `${spot(d, p)}积存建筑垃圾渣土，未清运。`,
  },
  道路不洁: {
    kind: '事件', main: '市容环境', limitHours: 12,
    describe: (d, p) => `${spot(d, p)}路面有${d.pick(['油污', '污渍', '泥浆', '垃圾'])}，未及时清扫。`,
  },
  露天焚烧: {
    kind: '事件', main: '市容环境', limitHours: 2,
    describe: (d, p) => `${spot(d, p)}有人焚烧${d.pick(['垃圾', '树叶', '纸钱', '废旧纸箱'])}，烟雾较大。`,
  },
  工地扬尘: {
    kind: '事件', main: '施工管理', limitHours: 24,
    describe: (d, p) => `${p.road}${p.landmark}附近工地裸土未覆盖，产生扬尘。`,
  },
  污水井盖: {
    kind: '部件', main: '公用设施', limitHours: 48,
    describe: (d, p) => `${spot(d, p)}污水井盖${d.pick(['破损', '缺失', '松动', '下沉'])}，存在安全隐患。`,
  },
  雨水井盖: {
    kind: '部件', main: '公用设施', limitHours: 48,
    describe: (d, p) => `${spot(d, p)}雨水井盖${d.pick(['破损', '缺失', '松动'])}，存在安全隐患。`,
  },
  通讯井盖: {
    kind: '部件', main: '公用设施', limitHours: 72,
    describe: (d, p) => `${spot(d, p)}通讯井盖${d.pick(['破损', '松动', '移位'])}。`,
  },
  交通护栏: {
    kind: '部件', main: '道路交通', limitHours: 48,
    describe: (d, p) => `${p.road}${p.landmark}路段交通护栏${d.pick(['倒伏', '破损', '缺失'])}。`,
  },
  隔离墩: {
    kind: '部件', main: '道路交通', limitHours: 48,
    describe: (d, p) => `${spot(d, p)}隔离墩${d.pick(['破损', '移位'])}。`,
  },
  路灯: {
    kind: '部件', main: '公用设施', limitHours: 72,
    describe: (d, p) => `${spot(d, p)}路灯${d.pick(['不亮', '灯罩破损', '灯杆倾斜', '白天常亮'])}。`,
  },
  景观灯: {
    kind: '部件', main: '公用设施', limitHours: 72,
    describe: (d, p) => `${p.road}${p.landmark}景观灯${d.pick(['不亮', '部分损坏'])}。`,
  },
  果皮箱: {
    kind: '部件', main: '市容环境', limitHours: 24,
    describe: (d, p) => `${spot(d, p)}果皮箱${d.pick(['破损', '满溢', '缺失'])}。`,
  },
  公共厕所: {
    kind: '部件', main: '市容环境', limitHours: 24,
    describe: (d, p) => `${p.road}${p.landmark}旁公共厕所${d.pick(['设施损坏', '未按时开放', '卫生较差'])}。`,
  },
  // Only for the focus-topic cases (十件事) and the neighbouring months' traps:
  道路开挖: { kind: '事件', main: '施工管理', limitHours: 24, describe: (_d, p) => `${p.road}${p.landmark}旁道路开挖。` },
  违章搭建: { kind: '事件', main: '市容环境', limitHours: 72, describe: (_d, p) => `${p.road}${p.num}号住户违章搭建。` },
};

/** Sub-types and words that the focus topics (十件事) match; no September case but the two may use them. */
const FOCUS_SUBTYPES = ['道路开挖', '施工围挡', '违章搭建', '私搭乱建'];
const FOCUS_WORDS = ['未打围', '未设围挡', '挖而不围', '乱开挖', '私搭乱建'];

// ---------------------------------------------------------------------------------------------
// Counts per unit
// ---------------------------------------------------------------------------------------------

/**
 * Counts of one unit's cohort. dueClose = disposed + overdueOpen; the dispatched cases that are
 * neither disposed nor overdue are open but not yet due; disposed − closed are disposed, not closed.
 */
export interface UnitCounts {
  readonly dispatched: number;
  readonly disposed: number;
  readonly overdueOpen: number;
  readonly closed: number;
  readonly closedOnTime: number;
}

const uc = (dispatched: number, disposed: number, overdueOpen: number, closed: number, closedOnTime: number): UnitCounts =>
  ({ dispatched, disposed, overdueOpen, closed, closedOnTime });

/** September 2021, exactly the reference brief (seed-figures.md （二）（三）). */
export const SEPTEMBER_COUNTS: Readonly<Record<UnitKey, UnitCounts>> = {
  一中队: uc(1344, 1344, 0, 1344, 1296),
  二中队: uc(637, 637, 0, 637, 548),
  三中队: uc(1223, 1223, 0, 1223, 1056),
  四中队: uc(2, 2, 0, 2, 1),
  五中队: uc(252, 252, 0, 252, 218),
  夜勤中队: uc(0, 0, 0, 0, 0),
  二大队: uc(12, 12, 0, 12, 11),
  维修所: uc(44, 44, 0, 44, 44),
  路灯所: uc(30, 30, 0, 30, 30),
  公厕管理所: uc(2, 0, 1, 0, 0),
  市容监察中队: uc(73, 73, 0, 73, 73),
  老城区卫生管理所: uc(83, 83, 0, 83, 66),
  西外新区卫生管理所: uc(42, 42, 0, 42, 42),
  市治尘办: uc(1, 1, 0, 1, 1),
  火管中队: uc(103, 103, 0, 103, 93),
  达川: uc(61, 6, 55, 6, 4),
  大竹: uc(20, 20, 0, 20, 19),
  宣汉: uc(46, 46, 0, 46, 43),
  开江: uc(19, 19, 0, 19, 19),
  渠县: uc(22, 22, 0, 22, 20),
  万源: uc(121, 121, 0, 121, 112),
};

/** Self-disposed cases (filed, never dispatched) per unit. */
const SELF_DISPOSED: Record<Cohort, Partial<Record<UnitKey, number>>> = {
  aug: { 达川: 9 },
  sep: { 达川: 12 },
  oct: {},
};

/** Cases that never reached dispatch, per cohort (the self-disposed ones come on top). */
type NonDispatched = 'reportedOnly' | 'notAccepted' | 'notFiled' | 'awaitFiling' | 'voidRaw' | 'voidAccepted' | 'voidFiled' | 'voidDispatched' | 'awaitDispatch' | 'filedOnly';
const NON_DISPATCHED: Record<'aug' | 'sep', Record<NonDispatched, number>> = {
  // 4381 reported: 2 不予受理 → 4379 accepted; 16 不予立案 + 7 voided after 受理 + 2 待立案 → 4354 filed;
  // 12 self-disposed + 170 voided after 立案 (3 of them with a 派遣时间) + 20 待派遣 + 15 立案 → 4137 dispatched.
  sep: { reportedOnly: 0, notAccepted: 2, notFiled: 16, awaitFiling: 2, voidRaw: 0, voidAccepted: 7, voidFiled: 167, voidDispatched: 3, awaitDispatch: 20, filedOnly: 15 },
  aug: { reportedOnly: 0, notAccepted: 3, notFiled: 11, awaitFiling: 0, voidRaw: 2, voidAccepted: 5, voidFiled: 148, voidDispatched: 2, awaitDispatch: 0, filedOnly: 0 },
};

// ---------------------------------------------------------------------------------------------
// Rates and the August search
// ---------------------------------------------------------------------------------------------

/** A rate in hundredths of a percent, rounded half-up (9862 = 98.62%); null for a zero denominator. */
export function rateHundredths(num: number, den: number): number | null {
  if (den === 0) return null;
  return Math.floor((2 * num * 10000 + den) / (2 * den));
}

/** 处置率, 结案率, 按期结案率 in hundredths of a percent; null = empty cell. */
export type RateTriple = readonly [number | null, number | null, number | null];

/** The brief's 上期 columns of （二）: August 2021 as the previous brief printed it. */
export const PRINTED_AUGUST_UNITS: Readonly<Record<CityUnit, RateTriple | 'noCases'>> = {
  一中队: [10000, 10000, 9541],
  二中队: [9932, 9949, 8748],
  三中队: [10000, 10000, 9061],
  四中队: [9333, 10000, 4286],
  五中队: [10000, 10000, 8431],
  夜勤中队: [10000, 10000, 0],
  二大队: [10000, 10000, 10000],
  维修所: [9796, 9796, 9796],
  路灯所: [10000, 10000, 9310],
  公厕管理所: 'noCases',
  市容监察中队: [10000, 10000, 10000],
  老城区卫生管理所: [10000, 10000, 9375],
  西外新区卫生管理所: [10000, 10000, 10000],
  市治尘办: [10000, 10000, 0],
  火管中队: [10000, 10000, 8587],
};

export interface UnitGroup {
  readonly label: string;
  readonly members: readonly CityUnit[];
}

/** The 合计 and 总计 rows of （二）. */
export const CITY_GROUPS: readonly UnitGroup[] = [
  { label: '市城管执法直属一大队/合计', members: ['一中队', '二中队', '三中队', '四中队', '五中队', '夜勤中队'] },
  { label: '市政工程处/合计', members: ['维修所', '路灯所'] },
  { label: '市环卫处/合计', members: ['公厕管理所', '市容监察中队', '老城区卫生管理所', '西外新区卫生管理所'] },
  { label: '总计', members: CITY_UNITS },
];

export const PRINTED_AUGUST_GROUPS: Readonly<Record<string, RateTriple>> = {
  '市城管执法直属一大队/合计': [9985, 9985, 9131],
  '市政工程处/合计': [9872, 9872, 9615],
  '市环卫处/合计': [10000, 10000, 9730],
  总计: [9984, 9989, 9151],
};

/** （一） 上期处置率, 上期结案率 (source 巡查上报 = the whole cohort, counties included). */
export const PRINTED_AUGUST_BY_SOURCE: readonly [number, number] = [9928, 9921];

interface SearchLeaf {
  readonly key: UnitKey;
  readonly nominal: number;
  readonly lo: number;
  readonly hi: number;
  /** Most undisposed (dispatched − disposed) and disposed-not-closed cases tried. */
  readonly maxUndisposed: number;
  readonly maxNotClosed: number;
}

const AUGUST_NOMINAL: Readonly<Record<UnitKey, number>> = {
  一中队: 1300, 二中队: 590, 三中队: 1180, 四中队: 15, 五中队: 250, 夜勤中队: 2, 二大队: 10, 维修所: 49,
  路灯所: 29, 公厕管理所: 0, 市容监察中队: 70, 老城区卫生管理所: 80, 西外新区卫生管理所: 40, 市治尘办: 2,
  火管中队: 92, 达川: 60, 大竹: 20, 宣汉: 42, 开江: 18, 渠县: 24, 万源: 110,
};

function searchLeaves(): SearchLeaf[] {
  const extra: Partial<Record<UnitKey, [number, number]>> = { 二中队: [8, 3], 四中队: [2, 0], 维修所: [3, 2], 达川: [26, 6] };
  return ALL_UNITS.filter((k) => AUGUST_NOMINAL[k] > 0).map((key) => {
    const nominal = AUGUST_NOMINAL[key];
    const small = nominal < 12;
    return {
      key,
      nominal,
      lo: small ? 1 : Math.floor(nominal * 0.85),
      hi: small ? Math.max(4, nominal * 2) : Math.ceil(nominal * 1.15),
      maxUndisposed: extra[key]?.[0] ?? 0,
      maxNotClosed: extra[key]?.[1] ?? 0,
    };
  });
}

/** Every count tuple of a leaf within its window that gives its printed unit rates exactly. */
function leafCandidates(leaf: SearchLeaf): UnitCounts[] {
  const printed = (CITY_UNITS as readonly string[]).includes(leaf.key) ? PRINTED_AUGUST_UNITS[leaf.key as CityUnit] : null;
  const out: UnitCounts[] = [];
  for (let d = leaf.lo; d <= leaf.hi; d++) {
    for (let u = 0; u <= leaf.maxUndisposed; u++) {
      for (let o = 0; o <= u; o++) {
        for (let k = 0; k <= leaf.maxNotClosed; k++) {
          const p = d - u;
          const c = p - k;
          const e = p + o;
          if (c < 0) continue;
          if (printed === null) {
            // Counties have no unit rates to meet; their undisposed cases are all overdue.
            if (o === u) out.push(uc(d, p, o, c, c));
            continue;
          }
          if (printed === 'noCases') continue;
          if (printed[0] !== null && rateHundredths(p, d) !== printed[0]) continue;
          if (printed[1] !== null && rateHundredths(c, e) !== printed[1]) continue;
          for (let n = 0; n <= c; n++) {
            if (printed[2] === null || rateHundredths(n, e) === printed[2]) out.push(uc(d, p, o, c, n));
          }
        }
      }
    }
  }
  return out;
}

export function sumCounts(list: readonly UnitCounts[]): UnitCounts {
  let dispatched = 0, disposed = 0, overdueOpen = 0, closed = 0, closedOnTime = 0;
  for (const c of list) {
    dispatched += c.dispatched;
    disposed += c.disposed;
    overdueOpen += c.overdueOpen;
    closed += c.closed;
    closedOnTime += c.closedOnTime;
  }
  return { dispatched, disposed, overdueOpen, closed, closedOnTime };
}

/** 处置率, 结案率, 按期结案率 of some counts. */
export function rates(c: UnitCounts): RateTriple {
  const due = c.disposed + c.overdueOpen;
  return [rateHundredths(c.disposed, c.dispatched), rateHundredths(c.closed, due), rateHundredths(c.closedOnTime, due)];
}

export interface RateMismatch {
  readonly row: string;
  readonly column: '处置率' | '结案率' | '按期结案率';
  readonly printed: number;
  readonly built: number | null;
}

const RATE_COLUMNS = ['处置率', '结案率', '按期结案率'] as const;

/** The printed August rates of groups and source that the given counts miss (unit rows always match). */
export function augustMismatches(counts: Readonly<Record<UnitKey, UnitCounts>>): RateMismatch[] {
  const out: RateMismatch[] = [];
  for (const g of CITY_GROUPS) {
    const got = rates(sumCounts(g.members.map((k) => counts[k])));
    const want = PRINTED_AUGUST_GROUPS[g.label];
    for (let i = 0; i < 3; i++) {
      const printed = want[i];
      if (printed !== null && got[i] !== printed) out.push({ row: g.label, column: RATE_COLUMNS[i], printed, built: got[i] });
    }
  }
  for (const k of CITY_UNITS) {
    const want = PRINTED_AUGUST_UNITS[k];
    const got = rates(counts[k]);
    if (want === 'noCases') {
      if (counts[k].dispatched !== 0) out.push({ row: unitLabel(k), column: '处置率', printed: 0, built: got[0] });
      continue;
    }
    for (let i = 0; i < 3; i++) {
      const printed = want[i];
      if (printed !== null && got[i] !== printed) out.push({ row: unitLabel(k), column: RATE_COLUMNS[i], printed, built: got[i] });
    }
  }
  const all = rates(sumCounts(ALL_UNITS.map((k) => counts[k])));
  if (all[0] !== PRINTED_AUGUST_BY_SOURCE[0]) out.push({ row: '（一）巡查上报', column: '处置率', printed: PRINTED_AUGUST_BY_SOURCE[0], built: all[0] });
  if (all[1] !== PRINTED_AUGUST_BY_SOURCE[1]) out.push({ row: '（一）巡查上报', column: '结案率', printed: PRINTED_AUGUST_BY_SOURCE[1], built: all[1] });
  return out;
}

/**
 * Finds August counts per unit that give every printed 上期 rate, or as many as can be given at once:
 * each unit's own rates are met by construction (only matching tuples are candidates); a seeded local
 * search (coordinate descent with restarts) then picks one candidate per unit, scoring a missed group
 * or source rate 1e6 plus 1000 per hundredth of a percent it is off, and preferring sizes near the
 * nominal ones (close to September's) and few odd cases (open-not-due, disposed-not-closed).
 */
export function searchAugustCounts(seed = 20210908, restarts = 12): Record<UnitKey, UnitCounts> {
  const leaves = searchLeaves();
  const cands = leaves.map(leafCandidates);
  cands.forEach((c, i) => {
    if (c.length === 0) throw new Error(`no candidate counts for ${leaves[i].key}`);
  });
  const countsOf = (sel: readonly number[]): Record<UnitKey, UnitCounts> => {
    const out = {} as Record<UnitKey, UnitCounts>;
    for (const k of ALL_UNITS) out[k] = uc(0, 0, 0, 0, 0);
    leaves.forEach((l, i) => (out[l.key] = cands[i][sel[i]]));
    return out;
  };
  const score = (sel: readonly number[]): number => {
    let s = 0;
    for (const m of augustMismatches(countsOf(sel))) s += 1e6 + Math.abs((m.built ?? 0) - m.printed) * 1000;
    leaves.forEach((l, i) => {
      const c = cands[i][sel[i]];
      s += (Math.abs(c.dispatched - l.nominal) / Math.max(l.nominal, 10)) * 100;
      if ((CITY_UNITS as readonly string[]).includes(l.key)) {
        s += (c.dispatched - c.disposed - c.overdueOpen) * 3 + (c.disposed - c.closed) * 2;
      }
    });
    return s;
  };
  const dice = new Dice(mulberry32(seed));
  let best: number[] = [];
  let bestScore = Infinity;
  for (let r = 0; r < restarts; r++) {
    const sel = cands.map((c) => Math.floor(dice.float() * c.length));
    let cur = score(sel);
    for (let round = 0; round < 40; round++) {
      let improved = false;
      for (let i = 0; i < leaves.length; i++) {
        for (let j = 0; j < cands[i].length; j++) {
          const old = sel[i];
          if (j === old) continue;
          sel[i] = j;
          const s = score(sel);
          if (s < cur) {
            cur = s;
            improved = true;
          } else {
            sel[i] = old;
          }
        }
      }
      if (!improved) break;
    }
    if (cur < bestScore) {
      bestScore = cur;
      best = sel.slice();
    }
  }
  return countsOf(best);
}

let augustMemo: Record<UnitKey, UnitCounts> | null = null;
/** The August counts the sample uses (the search's result, computed once). */
export function augustCounts(): Readonly<Record<UnitKey, UnitCounts>> {
  if (augustMemo === null) {
    // Counties have no printed on-time rate: give them a plausible ~90% instead of the search's 100%.
    const found = searchAugustCounts();
    for (const k of COUNTY_UNITS) found[k] = { ...found[k], closedOnTime: Math.round(found[k].closed * 0.9) };
    augustMemo = found;
  }
  return augustMemo;
}

// ---------------------------------------------------------------------------------------------
// The case plan: what each case of each cohort must turn out to be
// ---------------------------------------------------------------------------------------------

type Outcome =
  | NonDispatched
  | 'selfDisposed'
  | 'closed'
  | 'disposedOpen'
  | 'openOverdue'
  | 'openNotDue';

type Special =
  | 'sepFirst' | 'sepLast' | 'augLast' | 'octFirst' | 'asOf' | 'focus1' | 'focus2' | 'gcNotDue'
  | 'duplicate' | 'augRoadworks' | 'octBuilding' | 'nightVoid';

interface PlannedCase {
  readonly cohort: Cohort;
  readonly unit: UnitKey | null;
  readonly outcome: Outcome;
  readonly onTime: boolean;
  special?: Special;
}

function unitCases(cohort: Cohort, unit: UnitKey, c: UnitCounts, d: Dice): PlannedCase[] {
  const out: PlannedCase[] = [];
  const add = (n: number, outcome: Outcome, onTime: boolean): void => {
    for (let i = 0; i < n; i++) out.push({ cohort, unit, outcome, onTime });
  };
  add(c.closedOnTime, 'closed', true);
  add(c.closed - c.closedOnTime, 'closed', false);
  for (let i = 0; i < c.disposed - c.closed; i++) out.push({ cohort, unit, outcome: 'disposedOpen', onTime: d.chance(0.8) });
  add(c.overdueOpen, 'openOverdue', false);
  add(c.dispatched - c.disposed - c.overdueOpen, 'openNotDue', false);
  return out;
}

function markSpecial(list: PlannedCase[], special: Special, pred: (c: PlannedCase) => boolean): void {
  const hit = list.find((c) => c.special === undefined && pred(c));
  if (!hit) throw new Error(`no case for ${special}`);
  hit.special = special;
}

function cohortPlan(cohort: 'aug' | 'sep', counts: Readonly<Record<UnitKey, UnitCounts>>, d: Dice): PlannedCase[] {
  const list: PlannedCase[] = [];
  for (const k of ALL_UNITS) list.push(...unitCases(cohort, k, counts[k], d));
  for (const [k, n] of Object.entries(SELF_DISPOSED[cohort]) as [UnitKey, number][]) {
    for (let i = 0; i < n; i++) list.push({ cohort, unit: k, outcome: 'selfDisposed', onTime: true });
  }
  for (const [o, n] of Object.entries(NON_DISPATCHED[cohort]) as [NonDispatched, number][]) {
    for (let i = 0; i < n; i++) {
      const unit: UnitKey | null = o === 'voidDispatched' ? d.pick<UnitKey>(['一中队', '二中队', '三中队']) : null;
      list.push({ cohort, unit, outcome: o, onTime: false });
    }
  }
  const closedOnTime = (u: UnitKey) => (c: PlannedCase) => c.unit === u && c.outcome === 'closed' && c.onTime;
  if (cohort === 'sep') {
    markSpecial(list, 'focus1', closedOnTime('一中队'));
    markSpecial(list, 'focus2', closedOnTime('三中队'));
    markSpecial(list, 'gcNotDue', (c) => c.unit === '公厕管理所' && c.outcome === 'openNotDue');
    markSpecial(list, 'sepFirst', closedOnTime('火管中队'));
    markSpecial(list, 'sepLast', closedOnTime('一中队'));
    markSpecial(list, 'duplicate', closedOnTime('一中队'));
    markSpecial(list, 'nightVoid', (c) => c.outcome === 'voidFiled');
  } else {
    markSpecial(list, 'augLast', closedOnTime('二中队'));
    markSpecial(list, 'augRoadworks', closedOnTime('三中队'));
  }
  return list;
}

/** October 1–8 (国庆 holiday, light traffic): cases cut off at T, so many are still open. */
function octoberPlan(d: Dice): PlannedCase[] {
  const list: PlannedCase[] = [];
  const weights: Weighted<UnitKey> = ALL_UNITS.filter((k) => SEPTEMBER_COUNTS[k].dispatched > 0).map((k) => [k, SEPTEMBER_COUNTS[k].dispatched] as const);
  for (let i = 0; i < 330; i++) {
    const r = d.float();
    if (r < 0.03) list.push({ cohort: 'oct', unit: null, outcome: 'voidFiled', onTime: false });
    else if (r < 0.035) list.push({ cohort: 'oct', unit: null, outcome: 'voidRaw', onTime: false });
    else if (r < 0.04) list.push({ cohort: 'oct', unit: null, outcome: 'notAccepted', onTime: false });
    else if (r < 0.05) list.push({ cohort: 'oct', unit: null, outcome: 'notFiled', onTime: false });
    else if (r < 0.055) list.push({ cohort: 'oct', unit: '达川', outcome: 'selfDisposed', onTime: true });
    else list.push({ cohort: 'oct', unit: d.weighted(weights), outcome: 'closed', onTime: d.chance(0.9) });
  }
  markSpecial(list, 'octFirst', (c) => c.outcome === 'closed' && c.unit === '一中队');
  markSpecial(list, 'octBuilding', (c) => c.outcome === 'closed' && c.unit === '三中队');
  list.push({ cohort: 'oct', unit: null, outcome: 'reportedOnly', onTime: false, special: 'asOf' });
  return list;
}

// ---------------------------------------------------------------------------------------------
// Realising cases as rows
// ---------------------------------------------------------------------------------------------

type TimeField = 'report' | 'accept' | 'file' | 'dispatch' | 'deadline' | 'bundle' | 'disposed' | 'closed';
const TIME_FIELDS: readonly TimeField[] = ['report', 'accept', 'file', 'dispatch', 'deadline', 'bundle', 'disposed', 'closed'];

/** How a case's two deadline columns relate (counted for the README). */
type DeadlineVariant =
  | 'none' // no deadline (never dispatched)
  | 'same' // 捆绑处置截止时间 = 处置截止时间
  | 'noBundle' // 捆绑 blank: 处置截止时间 applies
  | 'postponedSaved' // 延期: disposed after 处置截止时间 but before 捆绑: on time only by 捆绑
  | 'postponedEasy' // 延期, disposed before both
  | 'postponedStillLate' // 延期, disposed after both
  | 'bundleEarlier' // 捆绑 earlier than 处置截止时间, disposed in between: late only by 捆绑
  | 'openPastOriginal'; // open, 处置截止时间 < T < 捆绑: not overdue only by 捆绑

interface Row {
  id: string;
  idAsNumber: boolean;
  readonly cohort: Cohort;
  readonly plan: PlannedCase;
  source: string;
  kind: string;
  main: string;
  sub: string;
  desc: string;
  address: string;
  district: string;
  street: string;
  community: string;
  times: Partial<Record<TimeField, number>>;
  formats: Partial<Record<TimeField, TimeFormat>>;
  stage: string;
  unitSpelling: string;
  self: string;
  rework: number;
  postpone: number;
  pointType: string;
  variant: DeadlineVariant;
}

const HOUR_WEIGHTS: Weighted<number> = [
  [7, 1], [8, 6], [9, 9], [10, 10], [11, 9], [12, 4], [13, 3], [14, 8], [15, 10], [16, 10], [17, 8],
  [18, 5], [19, 4], [20, 4], [21, 3], [22, 1],
];
const NIGHT_HOURS: Weighted<number> = [[20, 3], [21, 4], [22, 4], [23, 3], [0, 1], [1, 1]];

function randomReport(d: Dice, cohort: Cohort, night: boolean): number {
  const days = cohort === 'aug' ? 31 : cohort === 'sep' ? 30 : 8;
  const day = d.int(1, days);
  let hour = d.weighted(night ? NIGHT_HOURS : HOUR_WEIGHTS);
  if (cohort === 'oct' && day === 8 && hour >= 17) hour = d.int(8, 16);
  return COHORT_START[cohort] + (day - 1) * DAY + hour * HOUR + d.int(0, 59) * MIN + d.int(0, 59);
}

function specialReport(s: Special | undefined): number | null {
  switch (s) {
    case 'sepFirst': return wall(2021, 9, 1, 0, 0, 0);
    case 'sepLast': return wall(2021, 9, 30, 23, 59, 59);
    case 'augLast': return wall(2021, 8, 31, 23, 59, 30);
    case 'octFirst': return wall(2021, 10, 1, 0, 0, 0);
    case 'asOf': return T_SEP;
    default: return null;
  }
}

const STAGES: Record<Outcome, Weighted<string>> = {
  reportedOnly: [['待受理', 1]],
  notAccepted: [['不予受理', 1]],
  notFiled: [['不予立案', 4], ['不立案', 1]],
  awaitFiling: [['待立案', 1]],
  voidRaw: [['作废', 1]],
  voidAccepted: [['作废', 9], ['[作废]', 1]],
  voidFiled: [['作废', 9], ['[作废]', 1]],
  voidDispatched: [['作废', 1]],
  awaitDispatch: [['待派遣', 1]],
  filedOnly: [['立案', 2], ['已立案', 1]],
  selfDisposed: [['结案', 1]],
  closed: [['结案', 90], ['已结案', 6], ['结案 ', 4]],
  disposedOpen: [['处置反馈', 5], ['待核查', 3], ['待结案', 2]],
  openOverdue: [['处置中', 6], ['待处置', 3], ['派遣', 2], ['已派遣', 1], ['回退', 1], ['处置', 1]],
  openNotDue: [['延期', 1]],
};

const POINT_TYPES: Weighted<string> = [['主次干道', 90], ['临时摊区', 5], ['公共广场', 2.5], ['商业大街', 2.5]];
const GENERAL_MIX: Weighted<string> = [...PATROL_MIX, ['暴露垃圾', 4], ['污水井盖', 2], ['路灯', 2], ['果皮箱', 2]];

/** Reached steps of an outcome: 0 reported, 1 accepted, 2 filed, 3 dispatched, 4 disposed, 5 closed. */
function reach(o: Outcome): number {
  switch (o) {
    case 'reportedOnly': case 'notAccepted': case 'voidRaw': return 0;
    case 'notFiled': case 'awaitFiling': case 'voidAccepted': return 1;
    case 'voidFiled': case 'awaitDispatch': case 'filedOnly': return 2;
    case 'voidDispatched': case 'openOverdue': case 'openNotDue': return 3;
    case 'disposedOpen': return 4;
    case 'closed': case 'selfDisposed': return 5;
  }
}

function realize(plan: PlannedCase, d: Dice): Row {
  const cohort = plan.cohort;
  const unit = plan.unit === null ? null : UNITS[plan.unit];
  // Where: the unit's area, or (not yet dispatched) anywhere.
  const district = unit?.district ?? d.weighted([['通川区', 88], ['达川区', 6], ['万源市', 3], ['宣汉县', 3]]);
  const streetChoices: Weighted<string> = unit?.streets ?? (district === '通川区' ? TONGCHUAN_STREETS : district === '达川区' ? UNITS.达川.streets : district === '万源市' ? UNITS.万源.streets : UNITS.宣汉.streets);
  let place = placeIn(d, d.weighted(streetChoices));
  let sub = d.weighted(unit?.mix ?? GENERAL_MIX);
  if (plan.unit === '夜勤中队') sub = d.pick(['无照经营游商', '露天烧烤', '商业噪音', '店外经营']);
  let desc = '';
  let address = '';
  switch (plan.special) {
    case 'focus1':
      sub = '道路开挖';
      place = { street: '朝阳街道', road: '金山顺街', road2: '朝阳西路', num: 0, landmark: '实惠小吃', community: '金山社区' };
      desc = '金山顺街朝朝阳西路方向,实惠小吃旁占道施工未打围。';
      address = '通川区朝阳街道金山顺街实惠小吃旁';
      break;
    case 'focus2':
      sub = '道路开挖';
      place = { street: '西城街道', road: '金龙大道', road2: '西外大道', num: 0, landmark: '达州广播电视大学', community: '金龙社区' };
      desc = '金龙大道往旺角城方向,达州广播电视大学左侧停车场4米处人行道上施工作业未设围档。';
      address = '通川区西城街道金龙大道达州广播电视大学停车场旁';
      break;
    case 'augRoadworks':
      sub = '道路开挖';
      desc = `${place.road}${place.landmark}旁燃气管道施工开挖路面，挖而不围。`;
      break;
    case 'octBuilding':
      sub = '违章搭建';
      desc = `${place.road}${place.num}号楼顶住户私搭乱建彩钢棚。`;
      break;
    case 'sepFirst':
      sub = '露天焚烧';
      break;
    default:
      break;
  }
  const st = SUBTYPES[sub];
  if (desc === '') desc = st.describe(d, place);
  if (address === '') {
    address = d.chance(0.7) ? `${district}${place.street}${place.road}${place.num}号` : `${district}${place.street}${place.road}${place.landmark}附近`;
  }

  // When.
  const times: Partial<Record<TimeField, number>> = {};
  const report = specialReport(plan.special) ?? randomReport(d, cohort, plan.unit === '夜勤中队' || plan.special === 'nightVoid');
  times.report = report;
  const steps = reach(plan.outcome);
  const isVoid = plan.outcome.startsWith('void');
  if (steps >= 1) times.accept = report + d.int(2, 20) * MIN + d.int(0, 59);
  if (steps >= 2) times.file = (times.accept as number) + d.int(2, 30) * MIN + d.int(0, 59);
  let variant: DeadlineVariant = 'none';
  let postpone = 0;
  const asOf = cohort === 'aug' ? T_AUG : T_SEP;
  const dispatched = steps >= 3 && plan.outcome !== 'selfDisposed';
  if (dispatched) {
    const s = (times.file as number) + d.int(2, 40) * MIN + d.int(0, 59);
    times.dispatch = s;
    const limit = st.limitHours * HOUR;
    const dl = s + limit;
    times.deadline = dl;
    times.bundle = dl;
    variant = d.chance(0.07) ? 'noBundle' : 'same';
    if (plan.outcome === 'closed' || plan.outcome === 'disposedOpen') {
      let x: number;
      if (plan.onTime) {
        const r = d.float();
        if (r < 0.05) {
          variant = 'postponedSaved';
          const ext = d.int(24, 48) * HOUR;
          times.bundle = dl + ext;
          x = dl + d.int(10 * MIN, ext - 10 * MIN);
          postpone = d.chance(0.8) ? 1 : 2;
        } else {
          if (r < 0.08) {
            variant = 'postponedEasy';
            times.bundle = dl + d.int(24, 72) * HOUR;
            postpone = 1;
          }
          x = s + 2 * MIN + Math.floor(d.float() * (limit - 4 * MIN));
        }
      } else {
        const r = d.float();
        if (r < 0.08 && limit >= 2 * HOUR) {
          variant = 'bundleEarlier';
          const cut = d.int(30 * MIN, Math.floor(limit * 0.6));
          times.bundle = dl - cut;
          x = (times.bundle as number) + 5 * MIN + Math.floor(d.float() * (cut - 10 * MIN));
        } else if (r < 0.12) {
          variant = 'postponedStillLate';
          const ext = d.int(24, 36) * HOUR;
          times.bundle = dl + ext;
          x = dl + ext + d.int(10 * MIN, 8 * HOUR);
          postpone = 1;
        } else {
          x = dl + d.int(10 * MIN, d.chance(0.7) ? 6 * HOUR : 36 * HOUR);
        }
      }
      times.disposed = x;
      if (plan.outcome === 'closed') {
        // Closing comes later; sometimes after the deadline although disposal was on time.
        times.closed = x + (d.chance(0.8) ? d.int(10 * MIN, 8 * HOUR) : d.int(8 * HOUR, 48 * HOUR));
      }
    } else if (plan.outcome === 'openNotDue') {
      variant = 'openPastOriginal';
      postpone = 1;
      // 公厕管理所's open case falls due two minutes after T and before the export time (17:35):
      // a build that took the export time, or the clock, as T would call it overdue.
      times.bundle = plan.special === 'gcNotDue' ? wall(2021, 10, 8, 17, 32, 0) : wall(2021, 9, d.int(10, 20), 18, 0, 0);
    } else if (plan.outcome === 'voidDispatched') {
      variant = 'same';
    }
    if (variant === 'noBundle') delete times.bundle;
  }
  if (plan.outcome === 'selfDisposed') {
    times.disposed = (times.file as number) + d.int(10, 120) * MIN;
    times.closed = times.disposed + d.int(10, 240) * MIN;
  }

  // October cases are cut off at the export: the stage is the last step reached before it.
  let outcome = plan.outcome;
  if (cohort === 'oct' && plan.special !== 'asOf') {
    const order: TimeField[] = ['accept', 'file', 'dispatch', 'disposed', 'closed'];
    for (const f of order) {
      const t = times[f];
      if (t !== undefined && t > OCT_CUTOFF) {
        for (const g of order.slice(order.indexOf(f))) delete times[g];
        if (times.dispatch === undefined) {
          delete times.deadline;
          delete times.bundle;
        }
        if (plan.outcome === 'selfDisposed') outcome = f === 'accept' ? 'reportedOnly' : f === 'file' ? 'awaitFiling' : 'filedOnly';
        else if (f === 'accept') outcome = 'reportedOnly';
        else if (f === 'file') outcome = 'awaitFiling';
        else if (f === 'dispatch') outcome = 'awaitDispatch';
        else if (f === 'disposed') outcome = 'openOverdue';
        else outcome = 'disposedOpen';
        break;
      }
    }
  }
  if (outcome === 'openOverdue' && cohort !== 'oct' && (times.bundle ?? times.deadline ?? Infinity) >= asOf) {
    throw new Error('an overdue case must have its deadline before T');
  }

  // Stage, unit, flags.
  let stage = d.weighted(STAGES[outcome]);
  if (cohort === 'oct' && outcome === 'openOverdue') stage = d.pick(['处置中', '待处置', '派遣']);
  if (cohort === 'oct' && outcome === 'awaitFiling' && times.accept === undefined) stage = '待受理';
  let unitSpelling = '';
  if (plan.unit !== null && (dispatched || outcome === 'selfDisposed' || isVoid)) unitSpelling = d.weighted(UNITS[plan.unit].spellings);
  if (cohort === 'oct' && times.dispatch === undefined && outcome !== 'selfDisposed') unitSpelling = '';
  if (plan.special === 'nightVoid') unitSpelling = '夜间勤务中队';
  if (plan.special === 'gcNotDue') unitSpelling = '市环卫处（公厕管理所）';
  const self = outcome === 'selfDisposed' ? '是' : d.chance(0.03) ? '' : '否';
  let rework = 0;
  if (outcome === 'closed' && d.chance(0.03)) rework = d.chance(0.85) ? 1 : 2;
  if (stage === '回退') rework = 1;

  // How each time is written; minute-only forms drop the seconds (margins are all >= 2 minutes).
  const formats: Partial<Record<TimeField, TimeFormat>> = {};
  for (const f of TIME_FIELDS) {
    const t = times[f];
    if (t === undefined) continue;
    let fmt: TimeFormat = d.weighted<TimeFormat>([['serial', 84], ['iso', 5], ['slash', 4], ['cn', 3.5], ['compact', 3.5]]);
    if (f === 'report' && plan.special !== undefined) fmt = plan.special === 'augLast' ? 'compact' : 'serial';
    if (minuteOnly(fmt)) times[f] = t - (t % 60);
    formats[f] = fmt;
  }

  return {
    id: '',
    idAsNumber: false,
    cohort,
    plan,
    source: d.chance(0.02) ? '监督员上报' : '巡查上报',
    kind: st.kind,
    main: st.main,
    sub,
    desc,
    address,
    district,
    street: place.street,
    community: place.community,
    times,
    formats,
    stage,
    unitSpelling,
    self,
    rework,
    postpone,
    pointType: d.weighted(POINT_TYPES),
    variant,
  };
}

// ---------------------------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------------------------

export const CASE_SHEET = '案件列表';
export const HEADERS = [
  '任务号', '问题来源', '问题类型', '大类', '小类', '问题描述', '地址描述', '所属区域', '所属街道', '所属社区',
  '上报时间', '受理时间', '立案时间', '派遣时间', '处置截止时间', '捆绑处置截止时间', '处置完成时间', '结案时间',
  '当前阶段', '处置部门', '是否自行处置', '返工次数', '延期次数', '点位类型',
] as const;
const WIDTHS = [16, 10, 8, 10, 14, 56, 40, 8, 11, 12, 19, 19, 19, 19, 19, 19, 19, 19, 9, 30, 8, 6, 6, 10];

interface Generated {
  readonly bytes: Uint8Array;
  readonly rows: readonly Row[];
  /** The earlier snapshot row of the duplicated case (stage 处置中). */
  readonly snapshot: Row;
  readonly sheetRows: number;
  /** The 12345 sheets (12345工单, 回退记录), added after the case sheet. */
  readonly hotline: Hotline;
}

function buildRows(): { rows: Row[]; snapshot: Row; finalDuplicate: Row } {
  const planDice = new Dice(mulberry32(0x5eed2021));
  const plans = [
    ...cohortPlan('aug', augustCounts(), planDice),
    ...cohortPlan('sep', SEPTEMBER_COUNTS, planDice),
    ...octoberPlan(planDice),
  ];
  planDice.shuffle(plans);
  const rowDice = new Dice(mulberry32(0x0da2c0de));
  const rows = plans.map((p) => realize(p, rowDice));
  rows.sort((a, b) => (a.times.report as number) - (b.times.report as number));

  // Ids: report date + a 5-digit daily sequence with gaps (other sources share the counter).
  const idDice = new Dice(mulberry32(0x1d5));
  let day = '';
  let seq = 0;
  for (const r of rows) {
    const p = parts(r.times.report as number);
    const ymd = `${p.y}${pad(p.mo)}${pad(p.d)}`;
    if (ymd !== day) {
      day = ymd;
      seq = idDice.int(20, 120);
    } else {
      seq += idDice.int(1, 4);
    }
    r.id = `${ymd}${pad(seq, 5)}`;
    r.idAsNumber = r.plan.special === undefined && idDice.chance(0.004);
  }

  // The duplicate: an earlier snapshot (处置中) stays in place; the final row moves to the end.
  const finalDuplicate = rows.find((r) => r.plan.special === 'duplicate') as Row;
  const snapshot: Row = {
    ...finalDuplicate,
    times: { ...finalDuplicate.times },
    formats: { ...finalDuplicate.formats },
    stage: '处置中',
    rework: 0,
    postpone: 0,
  };
  delete snapshot.times.disposed;
  delete snapshot.times.closed;
  rows[rows.indexOf(finalDuplicate)] = snapshot;
  rows.push(finalDuplicate);
  return { rows, snapshot, finalDuplicate };
}

function rowCells(r: Row): (XLSX.CellObject | null)[] {
  const s = (v: string): XLSX.CellObject | null => (v === '' ? null : { t: 's', v });
  const n = (v: number): XLSX.CellObject => ({ t: 'n', v });
  const tc = (f: TimeField): XLSX.CellObject | null => {
    const t = r.times[f];
    return t === undefined ? null : timeCell(t, r.formats[f] ?? 'serial');
  };
  return [
    r.idAsNumber ? n(Number(r.id)) : s(r.id),
    s(r.source), s(r.kind), s(r.main), s(r.sub), s(r.desc), s(r.address), s(r.district), s(r.street), s(r.community),
    tc('report'), tc('accept'), tc('file'), tc('dispatch'), tc('deadline'), tc('bundle'), tc('disposed'), tc('closed'),
    s(r.stage), s(r.unitSpelling), s(r.self), n(r.rework), n(r.postpone), s(r.pointType),
  ];
}

function generate(): Generated {
  const { rows, snapshot } = buildRows();
  checkPlan(rows);
  const ws: XLSX.WorkSheet = {};
  const put = (r: number, c: number, cell: XLSX.CellObject | null): void => {
    if (cell !== null) ws[XLSX.utils.encode_cell({ r, c })] = cell;
  };
  put(0, 0, { t: 's', v: '数字化城管案件查询结果' });
  put(1, 0, { t: 's', v: '导出时间：2021-10-08 17:35' });
  HEADERS.forEach((h, c) => put(2, c, { t: 's', v: h }));
  let r = 3;
  let firstSep = true;
  let septemberSeen = 0;
  for (const row of rows) {
    // Blank rows where the clerk pasted two exports together, and one in the middle of September.
    if (row.cohort === 'sep' && firstSep) {
      firstSep = false;
      r++;
    }
    if (row.cohort === 'sep' && ++septemberSeen === 2000) r += 2;
    rowCells(row).forEach((cell, c) => put(r, c, cell));
    r++;
  }
  r++; // blank row before the total
  put(r, 0, { t: 's', v: '合计' });
  put(r, 1, { t: 'n', v: rows.length });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r, c: HEADERS.length - 1 } });
  ws['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: HEADERS.length - 1 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: HEADERS.length - 1 } },
  ];
  ws['!cols'] = WIDTHS.map((wch) => ({ wch }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, CASE_SHEET);
  // The 12345 sheets come after the case sheet, so the case sheet's cells (and shared-string
  // indices) are what they were before the hotline part existed.
  const hotline = buildHotline();
  for (const { name, sheet } of hotline.sheets) XLSX.utils.book_append_sheet(wb, sheet, name);
  resetNumberFormatTable();
  const raw = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: false, bookSST: true }) as ArrayBuffer;
  return { bytes: recompress(new Uint8Array(raw)), rows, snapshot, sheetRows: r + 1, hotline };
}

/**
 * SheetJS' own deflate is weak (the sheet would be 3.5 MB); re-zip with fflate at level 9, keeping the
 * entry order. The entries' time stamp is the export time, built from local components so that the
 * DOS date fields (which fflate reads with local getters) are the same under any TZ.
 */
function recompress(xlsx: Uint8Array): Uint8Array {
  const entries = unzipSync(xlsx);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) files[name] = data;
  return zipSync(files, { level: 9, mtime: new Date(2021, 9, 8, 17, 35, 0) });
}

/** Sanity checks of the generated rows against the brief's requirements; throws on a violation. */
function checkPlan(rows: readonly Row[]): void {
  const seen = new Map<string, Row>();
  for (const r of rows) seen.set(r.id, r); // later row wins
  const sep = [...seen.values()].filter((r) => r.cohort === 'sep');
  if (sep.length !== 4381) throw new Error(`September has ${sep.length} cases`);
  const bySub = new Map<string, number>();
  for (const r of sep) bySub.set(r.sub, (bySub.get(r.sub) ?? 0) + 1);
  const top = [...bySub.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top3 = top.slice(0, 3).map((e) => e[0]).join(',');
  if (top3 !== '无照经营游商,店外经营,商业噪音' || !(top[0][1] > top[1][1] && top[1][1] > top[2][1] && top[2][1] > top[3][1])) throw new Error(`top sub-types: ${top3}`);
  for (const r of sep) {
    if (r.plan.special === 'focus1' || r.plan.special === 'focus2') continue;
    if (FOCUS_SUBTYPES.includes(r.sub) || FOCUS_WORDS.some((w) => r.desc.includes(w))) throw new Error(`focus topic leak: ${r.desc}`);
  }
  let latest = 0;
  for (const r of rows) {
    for (const f of ['report', 'accept', 'file', 'dispatch', 'disposed', 'closed'] as const) latest = Math.max(latest, r.times[f] ?? 0);
  }
  if (latest !== T_SEP) throw new Error(`latest event ${isoText(latest)}`);
  const ids = new Set(rows.map((r) => r.id));
  if (ids.size !== rows.length - 1) throw new Error('exactly one id must repeat');
}

// ---------------------------------------------------------------------------------------------
// Expectations (what a correct build gives), for tests
// ---------------------------------------------------------------------------------------------

export interface SourceFigures {
  readonly reported: number;
  readonly accepted: number;
  readonly filed: number;
  readonly dispatched: number;
  readonly disposed: number;
  readonly dueClose: number;
  readonly closed: number;
}

export interface CohortExpectation {
  /** Period [start, end) as wall-clock text. */
  readonly start: string;
  readonly end: string;
  /** As-of time T the figures hold for. */
  readonly asOf: string;
  /** （一）: one source, 巡查上报 (= 总计). */
  readonly bySource: Readonly<Record<string, SourceFigures>>;
  /** （二）（三）: counts per unit (city units and counties), keyed by UnitKey; labels via unitLabel. */
  readonly units: Readonly<Record<UnitKey, UnitCounts>>;
  /** Self-disposed cases per unit (（三） 自行处置案件数). */
  readonly selfDisposed: Readonly<Record<UnitKey, number>>;
}

function sourceFigures(cohort: 'aug' | 'sep', counts: Readonly<Record<UnitKey, UnitCounts>>): SourceFigures {
  const nd = NON_DISPATCHED[cohort];
  const self = Object.values(SELF_DISPOSED[cohort]).reduce((a, b) => a + (b ?? 0), 0);
  const t = sumCounts(ALL_UNITS.map((k) => counts[k]));
  const dispatchedCases = t.dispatched;
  const filed = dispatchedCases + self + nd.voidFiled + nd.voidDispatched + nd.awaitDispatch + nd.filedOnly;
  const accepted = filed + nd.notFiled + nd.awaitFiling + nd.voidAccepted;
  const reported = accepted + nd.notAccepted + nd.voidRaw + nd.reportedOnly;
  return { reported, accepted, filed, dispatched: t.dispatched, disposed: t.disposed, dueClose: t.disposed + t.overdueOpen, closed: t.closed };
}

function selfDisposedOf(cohort: Cohort): Record<UnitKey, number> {
  const out = {} as Record<UnitKey, number>;
  for (const k of ALL_UNITS) out[k] = SELF_DISPOSED[cohort][k] ?? 0;
  return out;
}

/** What a build of the sample must give for September (T from the sheet) and August (T passed). */
export function sampleExpectations(): { september: CohortExpectation; august: CohortExpectation & { readonly printedMismatches: readonly RateMismatch[] } } {
  const aug = augustCounts();
  return {
    september: {
      start: '2021-09-01 00:00:00',
      end: '2021-10-01 00:00:00',
      asOf: SEPTEMBER_AS_OF,
      bySource: { 巡查上报: sourceFigures('sep', SEPTEMBER_COUNTS) },
      units: SEPTEMBER_COUNTS,
      selfDisposed: selfDisposedOf('sep'),
    },
    august: {
      start: '2021-08-01 00:00:00',
      end: '2021-09-01 00:00:00',
      asOf: AUGUST_AS_OF,
      bySource: { 巡查上报: sourceFigures('aug', aug) },
      units: aug,
      selfDisposed: selfDisposedOf('aug'),
      printedMismatches: augustMismatches(aug),
    },
  };
}

let generatedMemo: Generated | null = null;
function generated(): Generated {
  if (generatedMemo === null) generatedMemo = generate();
  return generatedMemo;
}

/** The sample workbook's bytes (xlsx), identical on every call, run and time zone. */
export function generateSampleWorkbook(): Uint8Array {
  return generated().bytes;
}

/** What a build of the sample must give for 12345 in September 2021 (（四）（五）（六）), with the August count. */
export function sampleHotlineExpectations(): HotlineExpectation {
  return hotlineExpectations(generated().hotline);
}

// ---------------------------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------------------------

const pctText = (h: number | null): string => {
  if (h === null) return '（空）';
  const s = (h / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${s}%`;
};

function buildReadme(g: Generated): string {
  const exp = sampleExpectations();
  const sep = exp.september.bySource['巡查上报'];
  const aug = exp.august;
  const augSrc = aug.bySource['巡查上报'];
  const final = new Map<string, Row>();
  for (const r of g.rows) final.set(r.id, r);
  const cases = [...final.values()];
  const cohortCount = (c: Cohort): number => cases.filter((r) => r.cohort === c).length;
  const sepCases = cases.filter((r) => r.cohort === 'sep');
  const variantCount = (v: DeadlineVariant, cohort: Cohort = 'sep'): number => cases.filter((r) => r.cohort === cohort && r.variant === v).length;
  const formatCounts = new Map<TimeFormat, number>();
  for (const r of g.rows) for (const f of TIME_FIELDS) {
    const fmt = r.formats[f];
    if (fmt !== undefined) formatCounts.set(fmt, (formatCounts.get(fmt) ?? 0) + 1);
  }
  const numericIds = g.rows.filter((r) => r.idAsNumber).length;
  const closedAfterDeadlineOnTime = sepCases.filter((r) => r.plan.outcome === 'closed' && r.plan.onTime && (r.times.closed as number) > (r.times.bundle ?? (r.times.deadline as number))).length;
  const supervisor = sepCases.filter((r) => r.source === '监督员上报').length;
  const spellings = new Set(cases.filter((r) => r.unitSpelling !== '').map((r) => r.unitSpelling));
  const dup = g.snapshot;

  const augRows = CITY_UNITS.map((k) => {
    const c = aug.units[k];
    const [a, b, n] = rates(c);
    const printed = PRINTED_AUGUST_UNITS[k];
    const p = printed === 'noCases' ? '（无案件）' : printed.map(pctText).join(' / ');
    return `| ${unitLabel(k)} | ${c.dispatched} | ${c.disposed} | ${c.overdueOpen} | ${c.disposed + c.overdueOpen} | ${c.closed} | ${c.closedOnTime} | ${pctText(a)} / ${pctText(b)} / ${pctText(n)} | ${p} |`;
  });
  const groupRows = CITY_GROUPS.map((gr) => {
    const c = sumCounts(gr.members.map((k) => aug.units[k]));
    const [a, b, n] = rates(c);
    return `| ${gr.label} | ${c.dispatched} | ${c.disposed} | ${c.overdueOpen} | ${c.disposed + c.overdueOpen} | ${c.closed} | ${c.closedOnTime} | ${pctText(a)} / ${pctText(b)} / ${pctText(n)} | ${PRINTED_AUGUST_GROUPS[gr.label].map(pctText).join(' / ')} |`;
  });
  const countyRows = COUNTY_UNITS.map((k) => {
    const c = aug.units[k];
    return `| ${unitLabel(k)} | ${c.dispatched} | ${c.disposed} | ${c.overdueOpen} | ${c.disposed + c.overdueOpen} | ${c.closed} | ${c.closedOnTime} | ${aug.selfDisposed[k]} |`;
  });
  const allAug = rates(sumCounts(ALL_UNITS.map((k) => aug.units[k])));
  const mismatchLines = aug.printedMismatches.map((m) => `- **${m.row} ${m.column}**：上期简报印 ${pctText(m.printed)}，本样例算得 ${pctText(m.built)}。`);

  return `# 样例数据：sample-2021.xlsx

English: a deterministic, synthetic eGova-style export of the 数字化城管 case system (sheet 案件列表) and of the 12345 hotline (sheets 12345工单, 回退记录); built from it, September 2021 (T = ${SEPTEMBER_AS_OF}) gives exactly the reference brief's tables （一）（二）（三） and its 12345 figures （四）（五）（六）, and August 2021 (T = ${AUGUST_AS_OF}, passed explicitly) gives the brief's 上期 rates except the one listed below and 330 orders; generated by \`scripts/generate-sample.ts\` (12345 part: \`scripts/hotline-sample.ts\`), checked by \`scripts/check-sample.ts\`.

本目录的文件由 \`npx tsx scripts/generate-sample.ts\`（\`npm run sample\`）生成，请勿手改（测试可直接 import \`generateSampleWorkbook()\`、\`sampleExpectations()\`、\`sampleHotlineExpectations()\`、\`SEPTEMBER_COUNTS\`）；\`npx tsx scripts/check-sample.ts\` 独立读回文件、按 \`shared/spec/indicators.md\` 的口径重算并与简报数字比对。数据全部为虚构（地名取自达州，单位、阶段、来源取自默认设置），用固定种子的伪随机数生成，任何时区下每次生成的字节完全相同。

## 内容

- 工作簿有三张表：\`案件列表\`（数字城管案件，本节及以下三节）、\`12345工单\` 与 \`回退记录\`（见文末“12345”一节）。
- \`案件列表\`：第 1 行为合并的标题“数字化城管案件查询结果”，第 2 行为“导出时间：2021-10-08 17:35”，第 3 行为表头（24 列：${HEADERS.join('、')}），其后为数据行，最后空一行再接一行“合计”（A 列“合计”，B 列为数据行数 ${g.rows.length}），合计行不是案件。
- 数据行 ${g.rows.length} 行（含一条重复任务号），不重复案件 ${cases.length} 件：2021年8月 ${cohortCount('aug')} 件、9月 ${cohortCount('sep')} 件、10月（1日至8日 17:30）${cohortCount('oct')} 件。
- 问题来源全部是巡查上报（9月有 ${supervisor} 件写作别名“监督员上报”）。

## 9月（统计时点 T = ${SEPTEMBER_AS_OF}，即表中最晚的事件时间）

- （一）巡查上报 = 总计：上报 ${sep.reported}，受理 ${sep.accepted}，立案 ${sep.filed}，应处置 ${sep.dispatched}，处置 ${sep.disposed}，应结案 ${sep.dueClose}，结案 ${sep.closed}。
- （二）（三）各单位的应处置、处置、应结案、结案、按期结案数与 \`seed-figures.md\` 完全一致（二大队按期结案 11/12 = 91.67%，简报印的 84.62% 是 11/13 的笔误）。
- 上报与受理之差：2 件“不予受理”。受理与立案之差 25 件：${NON_DISPATCHED.sep.notFiled} 件不予立案（含“不立案”写法）、${NON_DISPATCHED.sep.voidAccepted} 件受理后作废（有受理时间、无立案时间）、${NON_DISPATCHED.sep.awaitFiling} 件“待立案”。
- 立案与应处置之差 217 件：12 件达川自行处置（是否自行处置 = 是，无派遣时间，阶段“结案”）、${NON_DISPATCHED.sep.voidFiled + NON_DISPATCHED.sep.voidDispatched} 件立案后作废（其中 ${NON_DISPATCHED.sep.voidDispatched} 件还带派遣时间和处置部门：作废案件从不算派遣）、${NON_DISPATCHED.sep.awaitDispatch} 件“待派遣”、${NON_DISPATCHED.sep.filedOnly} 件“立案/已立案”（均无处置部门）。
- 未处置的 57 件：达川 55 件已超期（阶段 处置中/待处置/派遣/已派遣/回退/处置），公厕管理所 2 件——1 件超期（处置中）、1 件“延期”（处置截止时间早于 T，捆绑处置截止时间 2021-10-08 17:32:00 晚于 T，所以不算超期，应结案只有 1）。
- 9月没有“已处置未结案”：处置数 = 结案数 = 4080；所有处置了的案件都有处置完成时间，阶段为结案的都有结案时间。
- 高发小类前三：无照经营游商、店外经营、商业噪音。十件事“乱开挖”只有两件巡查案件（小类“道路开挖”，描述与简报相同，均已结案）；9月其他案件不含这些小类或“未打围”“未设围挡”“挖而不围”“乱开挖”“私搭乱建”等字样。

## 8月（上期；统计时点须显式给出 T = ${AUGUST_AS_OF}）

各单位件数由 \`searchAugustCounts\`（固定种子的局部搜索）求得：每个单位自身的三个上期比率都精确命中，再在合计、总计和（一）之间尽量全部命中，规模接近9月。选定的件数（应结案 = 处置 + 超期未处置；其余未处置的为延期未到期，T 取 9月8日时不超期）：

| 单位 | 应处置 | 处置 | 超期未处置 | 应结案 | 结案 | 按期结案 | 算得 处置率/结案率/按期结案率 | 上期简报 |
|---|---|---|---|---|---|---|---|---|
${[...augRows, ...groupRows].join('\n')}

| 县（市、区） | 受理数（应处置） | 处置 | 超期未处置 | 应结案 | 结案 | 按期结案 | 自行处置 |
|---|---|---|---|---|---|---|---|
${countyRows.join('\n')}

（一）8月巡查上报：上报 ${augSrc.reported}，受理 ${augSrc.accepted}，立案 ${augSrc.filed}，应处置 ${augSrc.dispatched}，处置 ${augSrc.disposed}，应结案 ${augSrc.dueClose}，结案 ${augSrc.closed}；处置率 ${pctText(allAug[0])}（简报上期 99.28%），结案率 ${pctText(allAug[1])}（简报上期 99.21%）。

### 无法同时命中的上期数字

${mismatchLines.length === 0 ? '无。' : mismatchLines.join('\n')}

原因：一大队各中队里只有二中队的结案率低于 100%，四中队的结案率是 100%（它那件未处置案件不能超期）。二中队结案率 99.49% 高于其处置率 99.32%，所以二中队“缺的结案”至多约为“缺的处置”的 0.76 倍；而一大队合计的处置率与结案率同为 99.85%，要求两者几乎相等（缺的结案 ≥ 约 0.93 × 缺的处置，缺的处置 = 二中队 + 四中队）。两式矛盾，所以 99.85% 的合计结案率无法与各中队的数字同时成立；取最接近且不破坏其余数字的值。其余所有上期数字（各单位、各合计、总计、（一））全部命中。另：若用 T = ${SEPTEMBER_AS_OF} 去算 8 月，延期未到期的 8 月案件会变为超期，结案率随之不同——8 月必须用 9 月 8 日的时点。

## 陷阱（一个正确的实现都要处理）

1. **表头不在第 1 行**：标题（合并单元格）与导出时间在上；数据中夹有空行（8/9 月交界 1 行、9 月中间 2 行），末尾空行后是“合计”行，均不是案件。
2. **任务号是文本**（13 位，如 2021090300123）；有 ${numericIds} 行任务号写成了数字单元格（Excel 会显示 2.02109E+12），须按文本读。
3. **时间格式混杂**：大部分是带 \`yyyy-mm-dd hh:mm:ss\` 格式的 Excel 序列数，其余为文本 \`2021-09-03 10:22:00\`、\`2021/9/3 10:22\`、\`2021年9月3日 10时22分\`、\`20210903102200\`（本文件中各 ${formatCounts.get('serial') ?? 0} / ${formatCounts.get('iso') ?? 0} / ${formatCounts.get('slash') ?? 0} / ${formatCounts.get('cn') ?? 0} / ${formatCounts.get('compact') ?? 0} 个单元格）。全部是北京时间的墙上时间，不得按机器时区换算。
4. **统计期边界**：2021-09-01 00:00:00 与 2021-09-30 23:59:59 上报的案件属 9 月；2021-10-01 00:00:00 属 10 月；2021-08-31 23:59:30（文本 \`20210831235930\`）属 8 月。
5. **统计时点 T**：取上报/受理/立案/派遣/处置完成/结案时间的最大值（2021-10-08 17:30:00，一件 10 月“待受理”案件），不是截止时间（有截止时间晚于 T），也不是导出时间 17:35，更不是当前时钟：公厕管理所那件延期案件 17:32 到期，若拿 17:35 或现在作 T 它就成了超期，公厕管理所应结案变成 2。
6. **重复任务号**：任务号 ${dup.id} 出现两次，前一行阶段“处置中”（无处置完成时间，已过截止时间），最后一行为最终状态“结案”，以后者为准。两行都算，一中队应处置、应结案各多 1；以前一行为准，一中队结案、按期结案各少 1。
7. **两个截止时间列**：截止时间以“捆绑处置截止时间”为准，该格为空时才用“处置截止时间”。9 月有 ${variantCount('postponedSaved')} 件延期案件在原处置截止时间之后、捆绑截止时间之前处置（只有按捆绑才算按期），${variantCount('bundleEarlier')} 件捆绑截止时间早于处置截止时间且在两者之间处置（只有按捆绑才算超期），${variantCount('noBundle')} 件捆绑列为空；另有 ${variantCount('postponedEasy')} 件延期后提前完成、${variantCount('postponedStillLate')} 件延期后仍超期。只用“处置截止时间”会让按期结案数出错，公厕管理所的应结案也会变成 2。
8. **按期看处置完成时间，不看结案时间**：9 月有 ${closedAfterDeadlineOnTime} 件按期处置、但结案时间晚于截止时间的案件。
9. **阶段词**：按归一化后整词匹配——“处置”是已派遣，“处置反馈”是已处置；“延期”“回退”“挂账”属已派遣；“[作废]”、带尾随空格的“结案 ”、“已结案”都要认出；8 月有“处置反馈/待核查/待结案”（已处置未结案）。
10. **作废**：有的作废案件有受理、立案时间（计入受理、立案），8、10 月有的什么都没有（只计上报）；带派遣时间的作废案件也不算派遣。一件 9 月作废案件的处置部门是“夜间勤务中队”，夜勤中队 9 月仍是 0 件。
11. **自行处置**：达川 9 月 12 件、8 月 9 件“是否自行处置 = 是”的案件已立案、已结案，但从未派遣，不进入应处置、处置、结案。
12. **单位写法**：共 ${spellings.size} 种写法，含简称（一中队）、全称（市城管执法直属一大队一中队）、一级别名 + 二级名（一大队三中队、市城管直属一大队二中队、市政处路灯所）、二级别名（夜间勤务中队、路灯管理所、老城区环卫所、西外环卫所、市政维修所）、一级别名（市火管中队、市城管火管中队、达川区、大竹县、直属二大队）、首尾空格、全角空格和全角括号（市环卫处（公厕管理所）、市政工程处（维修所）、市环境卫生管理处（老城区卫生管理所））。按 \`inputs.md\` 的规则与默认设置都能归到单位（括号与空格在比对前去掉）。
13. **相邻月份**：8 月、10 月的案件不属于 9 月；8 月有一件“道路开挖”（挖而不围）、10 月有一件“违章搭建”（私搭乱建），只能出现在各自月份的十件事里。
14. **返工、延期次数**：部分结案案件返工次数为 1 或 2，延期案件延期次数为 1 或 2；“回退”阶段的案件返工次数为 1。

${hotlineReadme(g.hotline)}`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(here, '..', 'samples');
  mkdirSync(dir, { recursive: true });
  const g = generated();
  writeFileSync(resolve(dir, 'sample-2021.xlsx'), g.bytes);
  writeFileSync(resolve(dir, 'README.md'), buildReadme(g));
  const mism = augustMismatches(augustCounts());
  console.log(`samples/sample-2021.xlsx: ${g.bytes.length} bytes, ${g.rows.length} data rows, ${g.sheetRows} sheet rows`);
  console.log(`August printed rates not matched: ${mism.length === 0 ? 'none' : mism.map((m) => `${m.row} ${m.column} ${pctText(m.printed)} → ${pctText(m.built)}`).join('; ')}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

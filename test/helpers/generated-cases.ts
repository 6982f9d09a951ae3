/**
 * Generated case exports for the tests of the clerk's own tables: seeded, several months, with
 * sources, 问题类型, 大类, 小类, 区县, 街道 and 社区. Each case is simple enough to count by hand in a
 * test: it is closed (结案), open and already overdue (处置中, deadline before the as-of time), open
 * and not yet due (处置中, deadline after it), or refused (不予受理). So for any group of cases:
 * 上报数 = all; 受理数 = 立案数 = all but 不予受理; 应处置数 = 结案 + 处置中; 结案数 = 结案;
 * 应结案数 = 结案 + overdue 处置中.
 */
import { mulberry32 } from '../../scripts/generate-sample.ts';
import type { RawSheet } from '../../src/core/index.ts';
import { caseSheet, type CaseRow } from './case-sheet.ts';

export type GeneratedStage = '结案' | '超期' | '未到期' | '不予受理';

export interface GeneratedCase {
  readonly id: string;
  readonly source: string;
  readonly kind: '事件' | '部件';
  readonly mainType: string;
  readonly subType: string;
  readonly district: string;
  readonly street: string;
  readonly community: string;
  /** `2021-09`. */
  readonly month: string;
  readonly stage: GeneratedStage;
  readonly unit: string;
}

export const generatedHeaders = ['任务号', '问题来源', '问题类型', '大类', '小类', '所属区域', '所属街道', '所属社区', '上报时间', '受理时间', '立案时间', '派遣时间', '处置截止时间', '处置完成时间', '结案时间', '当前阶段', '处置部门'];

/** 大类 → its 小类, by 问题类型 (names of the national standard's vocabulary, as exports spell them). */
export const generatedTypes: Readonly<Record<'事件' | '部件', Readonly<Record<string, readonly string[]>>>> = {
  事件: {
    市容环境: ['暴露垃圾', '乱堆物堆料', '道路不洁'],
    宣传广告: ['非法小广告', '违规户外广告'],
    施工管理: ['施工扰民', '道路开挖'],
    突发事件: ['路面塌陷'],
    街面秩序: ['店外经营', '无照经营游商', '占道废品收购'],
  },
  部件: {
    公用设施: ['污水井盖', '雨水井盖', '无主井盖破损、缺失'],
    道路交通: ['交通护栏', '路灯'],
  },
};

export const generatedSources = ['巡查上报', '公众举报', '12345转办', '车巡上报'];
export const generatedDistricts = ['通川区', '达川区', '宣汉县', '大竹县'];
const streets = ['朝阳街道', '东城街道', '西城街道', '翠屏街道'];
const units = ['一中队', '二中队', '三中队', '市政工程处路灯所', '达川区'];

/** `count` cases reported in `month` (`2021-09`), from `seed`. */
export function generateCases(month: string, count: number, seed: number): GeneratedCase[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  // Skewed picks, so that top-N tables have clear leaders (and some ties).
  const skewed = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(random() * random() * list.length))];
  const cases: GeneratedCase[] = [];
  for (let index = 0; index < count; index++) {
    const kind = random() < 0.8 ? '事件' : '部件';
    const mainType = skewed(Object.keys(generatedTypes[kind]));
    const roll = random();
    cases.push({
      id: `${month.replace('-', '')}${String(seed).padStart(3, '0')}${String(index).padStart(5, '0')}`,
      source: skewed(generatedSources),
      kind,
      mainType,
      subType: skewed(generatedTypes[kind][mainType]),
      district: skewed(generatedDistricts),
      street: pick(streets),
      community: `${pick(['北', '南', '东'])}门社区`,
      month,
      stage: roll < 0.75 ? '结案' : roll < 0.85 ? '超期' : roll < 0.95 ? '未到期' : '不予受理',
      unit: pick(units),
    });
  }
  return cases;
}

/** A case as an export row (times inside its month; the as-of time of a build is the 8th of the next month). */
function toRow(item: GeneratedCase, index: number): CaseRow {
  const day = String((index % 27) + 1).padStart(2, '0');
  const at = (hour: number) => `${item.month}-${day} ${String(hour).padStart(2, '0')}:00:00`;
  const [year, month] = item.month.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  const open = item.stage === '超期' || item.stage === '未到期';
  return {
    任务号: item.id,
    问题来源: item.source,
    问题类型: item.kind,
    大类: item.mainType,
    小类: item.subType,
    所属区域: item.district,
    所属街道: item.street,
    所属社区: item.community,
    上报时间: at(8),
    受理时间: item.stage === '不予受理' ? null : at(9),
    立案时间: item.stage === '不予受理' ? null : at(10),
    派遣时间: item.stage === '不予受理' ? null : at(11),
    // Overdue cases were due on the 2nd of the next month; cases not yet due are due at the end of it.
    处置截止时间: item.stage === '未到期' ? `${next}-28 18:00:00` : item.stage === '超期' ? `${next}-02 18:00:00` : at(20),
    处置完成时间: item.stage === '结案' ? at(15) : null,
    结案时间: item.stage === '结案' ? at(16) : null,
    当前阶段: item.stage === '不予受理' ? '不予受理' : open ? '处置中' : '结案',
    处置部门: item.stage === '不予受理' ? '' : item.unit,
  };
}

/** The cases as one export sheet. */
export function generatedSheet(cases: readonly GeneratedCase[], name = '案件列表'): RawSheet {
  return caseSheet(cases.map(toRow), { name, headers: generatedHeaders });
}

/** The counts of a group of generated cases, by the rules in the module header. */
export function countsOf(cases: readonly GeneratedCase[]): { 上报数: number; 受理数: number; 立案数: number; 应处置数: number; 结案数: number; 应结案数: number } {
  const with_ = (stages: readonly GeneratedStage[]) => cases.filter((item) => stages.includes(item.stage)).length;
  return {
    上报数: cases.length,
    受理数: with_(['结案', '超期', '未到期']),
    立案数: with_(['结案', '超期', '未到期']),
    应处置数: with_(['结案', '超期', '未到期']),
    结案数: with_(['结案']),
    应结案数: with_(['结案', '超期']),
  };
}

/** A rate as the brief prints it, computed here without the core: half-up to two decimals, zeros dropped. */
export function printedRate(numerator: number, denominator: number): string {
  if (denominator === 0) return '';
  const points = Math.sign(numerator / denominator) * Math.floor(Math.abs(numerator / denominator) * 10_000 + 0.5 + 1e-9);
  return `${(points / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** A relative change as printed with arrows (`↓22.21%`, `↑13.87%`, `0%`), computed here. */
export function printedArrow(now: number, then: number): string {
  if (then === 0) return '';
  const text = printedRate(Math.abs(now - then), then);
  return now > then ? `↑${text}` : now < then ? `↓${text}` : '0%';
}

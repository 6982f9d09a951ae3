/**
 * A large synthetic cases sheet for benchmarks: realistic mixes of time forms (serials and text),
 * unit spellings, stages and sub-types, spread over three months. Deterministic (seeded).
 */
import type { CellValue, RawSheet } from '../src/core/index.ts';
import { mulberry32 } from '../scripts/generate-sample.ts';

export const benchHeaders = [
  '任务号', '问题来源', '问题类型', '大类', '小类', '问题描述', '地址描述', '所属区域', '所属街道', '所属社区', '上报时间', '受理时间',
  '立案时间', '派遣时间', '处置截止时间', '捆绑处置截止时间', '处置完成时间', '结案时间', '当前阶段', '处置部门', '是否自行处置', '返工次数', '延期次数', '点位类型',
];


const units = ['一中队', '市城管执法直属一大队二中队', ' 三中队', '四中队', '五中队', '市环卫处（公厕管理所）', '市容监察中队', '维修所', '路灯所', '市火管中队', '达川区', '大竹县综合行政执法局', '万源市'];
const stages = ['结案', '结案', '结案', '结案', '处置中', '处置反馈', '待派遣', '作废', '不予立案', '不予受理'];
const subTypes = ['无照经营游商', '店外经营', '商业噪音', '占道经营', '乱堆物堆料', '暴露垃圾', '井盖', '路灯', '果皮箱', '道路破损'];
const streets = ['朝阳街道', '翠屏街道', '东城街道', '西城街道'];

function text(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400) * 1000;
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
}

/** `count` case rows under a title row and the header row. */
export function syntheticCaseSheet(count: number, seed = 42): RawSheet {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const rows: CellValue[][] = [['数字化城管案件查询结果'], [...benchHeaders]];
  const start = 44409; // 2021-08-01
  for (let index = 0; index < count; index++) {
    const reported = start + random() * 92;
    const asText = random() < 0.3;
    const time = (serial: number): CellValue => (asText ? text(serial) : serial);
    const stage = pick(stages);
    const disposed = stage === '结案' || stage === '处置反馈';
    const deadline = reported + 1 + random() * 2;
    const subType = pick(subTypes);
    const street = pick(streets);
    rows.push([
      `2021${String(index).padStart(9, '0')}`,
      random() < 0.95 ? '巡查上报' : '监督员上报',
      subType === '井盖' || subType === '路灯' || subType === '果皮箱' ? '部件' : '事件',
      '市容环境',
      subType,
      `${street}某路口${subType}问题，请及时处理。`,
      `达州市通川区${street}${Math.floor(random() * 300)}号附近`,
      '通川区',
      street,
      `${street.slice(0, 2)}社区`,
      time(reported),
      time(reported + 0.01),
      time(reported + 0.02),
      stage === '待派遣' ? null : time(reported + 0.03),
      time(deadline),
      time(deadline + 0.5),
      disposed ? time(reported + random() * 3) : null,
      stage === '结案' ? time(reported + 3.2) : null,
      stage,
      pick(units),
      random() < 0.02 ? '是' : '否',
      random() < 0.01 ? 1 : 0,
      random() < 0.01 ? 1 : 0,
      pick(['主次干道', '公共广场', '商业大街', '临时摊区']),
    ]);
  }
  return { name: '案件列表', rows };
}

/**
 * A large synthetic 12345 sheet for benchmarks: orders spread over 400 places (known 小区, guessed
 * 小区 and roads), many buildings, eight categories, a few hundred genuine repeat problems, phone
 * numbers inside the content. Deterministic (seeded), all in one month.
 */
import type { CellValue, RawSheet } from '../src/core/index.ts';
import { mulberry32 } from '../scripts/generate-sample.ts';


const units = ['执法直属一大队一中队', '执法直属一大队二中队', '执法直属一大队三中队', '执法直属一大队四中队', '执法直属一大队五中队', '市政工程处', '市环卫处', '市火管中队'];
const problems = [
  ['城乡建设/城市管理/噪音污染', '夜间施工噪音扰民，影响休息'],
  ['城乡建设/规划管理/违章搭建', '楼顶违章搭建彩钢棚'],
  ['城乡建设/城市管理/占道经营', '门口流动摊贩占道经营'],
  ['生态环境/大气污染/油烟扰民', '餐馆油烟直排扰民'],
  ['城乡建设/城市管理/市政设施', '路灯不亮井盖破损'],
  ['城乡建设/城市管理/环卫保洁', '垃圾堆放无人清扫'],
  ['城乡建设/城市管理/广告店招', '店招广告牌破损'],
  ['城乡建设/城市管理/其他', '咨询相关政策'],
] as const;
const placeStems = ['金色', '锦绣', '阳光', '翠屏', '凤凰', '滨江', '龙泉', '南城', '西湖', '东岳', '天成', '华庭', '碧水', '青山', '明月', '朝阳', '长兴', '和平', '幸福', '新华'];
const endings = ['花园', '小区', '家园', '苑', '郡'];

export function syntheticOrderSheet(count: number, seed = 7): RawSheet {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const places: string[] = [];
  for (const stem of placeStems) for (const ending of endings) places.push(stem + ending);
  for (const stem of placeStems) places.push(`${stem}路`);
  const rows: CellValue[][] = [['12345工单明细'], ['工单编号', '受理时间', '诉求人', '来电号码', '诉求内容', '诉求地址', '诉求分类', '承办单位', '办理状态', '办理时限', '办结时间', '回退次数']];
  const start = 44440; // 2021-09-01
  for (let index = 0; index < count; index++) {
    const place = pick(places);
    const building = `${1 + Math.floor(random() * 30)}栋`;
    const [path, text] = pick(problems);
    const received = start + random() * 29;
    const phone = `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    rows.push([
      `SZ${String(index).padStart(8, '0')}`,
      received,
      '某某',
      phone,
      `${random() < 0.1 ? `电话${phone}，` : ''}${place}${building}${text}，请尽快处理。`,
      `达州市通川区${place}${building}`,
      path,
      pick(units),
      random() < 0.9 ? '已办结' : '办理中',
      received + 5,
      random() < 0.9 ? received + random() * 5 : null,
      random() < 0.05 ? 1 : 0,
    ]);
  }
  return { name: '12345工单', rows };
}

/**
 * The national classification of urban-management 部件 (components) and 事件 (events):
 * GB/T 30428.2-2013《数字化城市管理信息系统 第2部分：管理部件和事件》, which replaced
 * CJ/T 214-2007《数字化城市管理信息系统 管理部件和事件分类、编码及数据要求》. Pure data and lookups:
 * the 标准顺序 (sort tables by 大类/小类 in the standard's code order) and the standard 小类 names as
 * vocabulary (default focus-topic rules, settings help).
 *
 * Codes: a 大类 code has 2 digits, a 小类 code 4 (大类 code + 2). Real 部件 codes also carry a 6-digit
 * area prefix and a serial number; this module needs neither. Code 21 is the 扩展 大类 of each kind
 * (city-defined extensions): it has no standard 小类 here. A 小类 code ending in 99 is the 大类's
 * 「其他…问题」 catch-all.
 *
 * Order: 部件 before 事件 (the standard's own order of its two classifications), then by code. Every
 * rank below is a position in that one order, so a table that mixes both kinds still sorts
 * consistently: all 部件 rows, then all 事件 rows, each in code order.
 *
 * Sources. The text of the standard itself is not in the public corpora we could search, so the
 * facts (names and codes only) come from public systems that carry its dictionary, cross-checked
 * against each other. The code index named files only by an index id (no repository or path); each
 * is described enough to find it again.
 *  - [P1] SQL seed of a social-governance platform's 数字城管 module: Oracle `propertydicts` rows of
 *    domain 部件名称 with a 大类 index and a running display order (dated 2013-07-03), seven 部件
 *    大类 (公共设施类 … 其他设施类, 扩展部件类). Code index file 46968152026.
 *  - [P2] Java API `com.cetccity.operationcenter.webframework.rundisplay.api.map.CityComponentLoadMapApi`,
 *    table names `BJ0101=上水井盖` … `BJ0606=防洪墙`, extensions `BJ21xx`. Code index file 47372322301.
 *  - [E1] WeChat mini-program `app.js`, `globalData.eventTypeArray`: 事件 大类 ids 1–5 and 21 (扩展事件),
 *    小类 ids per 大类 (1…, 99 = 其他). Code index file 968983381.
 *  - [E2] Android app of Beijing 朝阳, `com.cymobile.ymwork.adapter.FilterDataSourcePublicReport`:
 *    Category codes `1MMSS` (部件) and `2MMSS` (事件). A Beijing local variant (its own names, e.g.
 *    新增建筑, 道路保洁, and a 朝阳特殊事件 大类); used only where it confirms a code. Code index file 20155145253.
 *  - [E3] eGova mobile-client test constants (Python, 吉林市): 事件 小类 names grouped by 大类, no
 *    codes (`SJ_SRHJ_*`, `SJ_XCGG_*`, `SJ_SGGL_*`). Code index files 33238032972, 33142334234.
 *  - [E4] Python category fix-up list `环境保护.市容环境.…`, `环境保护.街面秩序.…`: names by 大类, no
 *    codes. Code index file 39800148771.
 *  - [W1] http://www.svan.cc/index.php?c=show&id=187 (部件/事件 大类 with typical 小类 names).
 *  - [W2] https://ishare.iask.com/f/2gaIATvprR5.html (济源市 事件 立案标准: 市容环境 01 违法搭建,
 *    02 暴露垃圾, 03 积存垃圾渣土, 04 道路不洁, 05 水域不洁, 06 绿地脏乱).
 *  - [W3] https://renrendoc.com/paper/191493937.html (a district's 事件 立案标准: 01 私搭乱建, 02 暴露垃圾).
 *
 * Cross-check rule. 部件: P1 gives each 大类's 小类 in order (position = code), P2 gives the codes; they
 * agree on every code P2 has. 事件: a 小类 is listed when two sources put its name in the same 大类;
 * its code comes from E1, confirmed by E2 (or W2/W3) where marked 「两源」. Codes marked 「单源」 rest on
 * E1 alone (E2 has a local item there or nothing). Names E1 alone has (河堤破损, 道路积雪结冰,
 * 架空线缆损坏) are left out. Whether GB/T 30428.2-2013 renamed or added 小类 beyond these could not
 * be checked against its text: the lists match the structure of CJ/T 214-2007.
 */
import { normalizeName } from '../text/normalize.ts';

export type StandardKind = '部件' | '事件';

/** A 大类 of the standard. */
export interface StandardMainType {
  readonly kind: StandardKind;
  /** Two digits, e.g. '01'. */
  readonly code: string;
  readonly name: string;
}

/** A 小类 of the standard. */
export interface StandardSubType {
  readonly kind: StandardKind;
  /** The 大类's two-digit code. */
  readonly mainCode: string;
  /** The 大类's name. */
  readonly mainType: string;
  /** Four digits, 大类 code first, e.g. '0101'. */
  readonly code: string;
  readonly name: string;
}

type SubTypeRow = readonly [code: string, name: string];

interface MainTypeData {
  readonly kind: StandardKind;
  readonly code: string;
  readonly name: string;
  readonly subTypes: readonly SubTypeRow[];
}

const data: readonly MainTypeData[] = [
  {
    kind: '部件',
    code: '01',
    // P1 and two other sources write 公共设施; accepted as an alias below.
    name: '公用设施',
    subTypes: [
      ['01', '上水井盖'],
      ['02', '污水井盖'],
      ['03', '雨水井盖'],
      ['04', '雨水箅子'], // P1 misspells 雨水算子; many exports write 雨水篦子 (alias).
      ['05', '电力井盖'],
      ['06', '路灯井盖'],
      ['07', '通讯井盖'],
      ['08', '电视井盖'],
      ['09', '网络井盖'],
      ['10', '热力井盖'], // P1; P2 skips 0110, E2 has 热力井盖 at 0110.
      ['11', '燃气井盖'],
      ['12', '公安井盖'],
      ['13', '消防设施'],
      ['14', '无主井盖'],
      ['15', '通讯交接箱'],
      ['16', '电力设施'],
      ['17', '立杆'],
      ['18', '路灯'],
      ['19', '地灯'],
      ['20', '景观灯'],
      ['21', '报刊亭'],
      ['22', '电话亭'],
      ['23', '邮筒'],
      ['24', '信息亭'],
      ['25', '自动售货机'],
      ['26', '健身设施'],
      ['27', '中水井盖'],
      ['28', '公交井盖'],
      ['29', '输油（气）井盖'],
      ['30', '特殊井盖'],
      ['31', '民用水井'],
      ['32', '供水器'],
      ['33', '高压线铁塔'],
      ['34', '变压器（箱）'],
      ['35', '燃气调压站（箱）'],
      ['36', '监控电子眼'],
      ['37', '售货亭'],
      ['38', '治安岗亭'],
    ],
  },
  {
    kind: '部件',
    code: '02',
    name: '道路交通',
    subTypes: [
      ['01', '停车场'],
      ['02', '停车咪表'], // P1 only (P2 skips 0202); E2 also has 停车咪表 at 0202.
      ['03', '公交站亭'],
      ['04', '出租车站牌'],
      ['05', '过街天桥'],
      ['06', '地下通道'],
      ['07', '高架立交桥'],
      ['08', '跨河桥'],
      ['09', '交通标志牌'],
      ['10', '交通信号灯'],
      ['11', '交通护栏'],
      ['12', '存车支架'],
      ['13', '路名牌'],
      ['14', '交通信号设施'],
      ['15', '道路信息显示屏'],
      ['16', '道路隔音屏'],
      ['17', '交通岗亭'],
    ],
  },
  {
    kind: '部件',
    code: '03',
    name: '市容环境',
    subTypes: [
      ['01', '公共厕所'],
      ['02', '化粪池'],
      ['03', '公厕指示牌'],
      ['04', '垃圾间（楼）'],
      ['05', '垃圾箱'],
      ['06', '灯箱霓虹灯'],
      ['07', '广告牌匾'],
      ['08', '环保监测站'],
      ['09', '气象监测站'],
      ['10', '污水口监测站'],
      ['11', '噪声显示屏'], // P1 only (P2 ends at 0310).
    ],
  },
  {
    kind: '部件',
    code: '04',
    name: '园林绿化',
    subTypes: [
      ['01', '古树名木'],
      ['02', '行道树'],
      ['03', '护树设施'],
      ['04', '花架花钵'],
      ['05', '绿地'],
      ['06', '雕塑'],
      ['07', '街头坐椅'],
      ['08', '绿地护栏'],
      ['09', '绿地维护设施'],
      ['10', '喷泉'],
    ],
  },
  {
    kind: '部件',
    code: '05',
    name: '房屋土地',
    subTypes: [
      ['01', '宣传栏'],
      ['02', '人防工事'],
      ['03', '公房地下室'], // P1 only (P2 ends at 0502); E2 has 公房地下室 at 0503.
    ],
  },
  {
    kind: '部件',
    code: '06',
    name: '其他设施',
    subTypes: [
      ['01', '重大危险源'],
      ['02', '工地'],
      ['03', '水域附属设施'],
      ['04', '水域护栏'],
      ['05', '港监设施'], // P1 only (P2 skips 0605).
      ['06', '防汛墙'], // P1; P2 names it 防洪墙 (alias).
    ],
  },
  { kind: '部件', code: '21', name: '扩展部件', subTypes: [] },
  {
    kind: '事件',
    code: '01',
    name: '市容环境',
    subTypes: [
      ['01', '私搭乱建'], // 两源: E1, W3 (W2 违法搭建, E2 新增建筑 at the same code).
      ['02', '暴露垃圾'], // 两源: E1, E2, W2, W3.
      ['03', '积存垃圾渣土'], // 两源: E1, E2, W2.
      ['04', '道路不洁'], // 两源: E1, W2 (E2 道路保洁).
      ['05', '水域不洁'], // 两源: E1, W2 (E2 河道保洁).
      ['06', '绿地脏乱'], // 两源: E1, W2 (E2 绿地保洁).
      ['07', '废弃车辆'], // 两源: E1, E2.
      ['08', '废弃家具设备'], // 两源: E2 (E1 废弃家具设施, alias).
      ['09', '非装饰性树挂'], // 两源: E1, E2.
      ['10', '道路破损'], // 单源 code; in 市容环境 in E3, E4.
      // E1 0111 河堤破损: E1 only, left out.
      ['12', '道路遗撒'], // 单源 code (E1 writes 道路撒遗); in 市容环境 in E3.
      ['13', '建筑物外立面不洁'], // 单源 code; in 市容环境 in E4.
      ['14', '水域秩序问题'], // 单源 code; in 市容环境 in E4 (水域秩序).
      ['15', '焚烧垃圾、树叶'], // 单源 code (E1 焚烧树叶，垃圾); in 市容环境 in E2.
      ['16', '油烟污染'], // 单源 code; in 市容环境 in E2, E3.
      ['17', '动物尸体清理'], // 单源 code; in 市容环境 in E4.
      ['18', '擅自饲养家禽家畜'], // 单源 code (E1 私自饲养家禽家畜); in 市容环境 in E2, E3.
      ['99', '其他市容环境问题'], // E1; 99 as the catch-all also in E2 (200599).
    ],
  },
  {
    kind: '事件',
    code: '02',
    name: '宣传广告',
    subTypes: [
      ['01', '非法小广告'], // 两源: E1, E2 (非法张贴小广告, alias); E3, W1.
      ['02', '违章张贴悬挂广告牌匾'], // 两源: E1, E2.
      ['03', '占道广告牌'], // 两源: E1, E2.
      ['04', '街头散发广告'], // 两源: E1, E2 (街头散发小广告, alias); E3, W1.
      ['05', '广告招牌破损'], // 单源 code (E2 has 临时性标语宣传品损毁 here); in 宣传广告 in E3.
    ],
  },
  {
    kind: '事件',
    code: '03',
    name: '施工管理',
    subTypes: [
      ['01', '施工扰民'], // 两源: E1, E2.
      ['02', '工地扬尘'], // 两源: E1, E2.
      ['03', '施工废弃料'], // 单源 code (E2 has it at 0305); in 施工管理 in E2, W1.
      ['04', '施工占道'], // 单源 code; in 施工管理 in E3, W1.
      ['05', '无证掘路'], // 单源 code; in 施工管理 in E3.
      ['99', '其他施工管理问题'], // E1.
    ],
  },
  {
    kind: '事件',
    code: '04',
    name: '突发事件',
    subTypes: [
      ['01', '路面塌陷'], // 两源: E1, E2.
      ['02', '自来水管破裂'], // 两源: E1, E2.
      ['03', '燃气管道破裂'], // 两源: E1, E2.
      ['04', '下水道堵塞或破损'], // 两源: E1, E2 (下水道堵塞).
      ['05', '热力管道破裂'], // 单源 code; a 突发事件 in a dashboard mock (code index file 60389471065).
      ['06', '道路积水'], // 单源 code; a 突发事件 in W1.
      // E1 0407 道路积雪结冰, 0408 架空线缆损坏: no second source puts them here, left out.
      ['09', '群发性事件'], // 单源 code (E1 writes 群发行事件); a 突发事件 in a 12345 list and E2 (集体性事件).
      ['99', '其他突发事件'], // E1.
    ],
  },
  {
    kind: '事件',
    code: '05',
    name: '街面秩序',
    subTypes: [
      ['01', '无照经营游商'], // 两源: E1, E2 (0501 … 0510 and 0512 agree).
      ['02', '流浪乞讨'],
      ['03', '占道废品收购'],
      ['04', '店外经营'],
      ['05', '机动车乱停放'],
      ['06', '非机动车乱停放'],
      ['07', '乱堆物堆料'], // E1 writes 乱堆物料堆.
      ['08', '商业噪音'],
      ['09', '黑车拉客'],
      ['10', '露天烧烤'],
      ['11', '沿街晾挂'], // 单源 code (E2 skips 0511); in 街面秩序 in E4.
      ['12', '非法出版物销售'],
      ['13', '空调室外机低挂'], // 单源 code; in 街面秩序 in E4 (空调室外挂机低挂).
      ['99', '其他街面秩序问题'], // 两源: E1, E2 (其它街面秩序问题).
    ],
  },
  { kind: '事件', code: '21', name: '扩展事件', subTypes: [] },
];

/** Other spellings met in the sources and in exports, by kind and standard code. */
const aliases: readonly (readonly [kind: StandardKind, code: string, alias: string])[] = [
  ['部件', '01', '公共设施'],
  ['部件', '0104', '雨水篦子'],
  ['部件', '0107', '通信井盖'],
  ['部件', '0407', '街头座椅'],
  ['部件', '0606', '防洪墙'],
  ['事件', '0108', '废弃家具设施'],
  ['事件', '0201', '非法张贴小广告'],
  ['事件', '0204', '街头散发小广告'],
];

/** Every 大类, 部件 then 事件, each in code order. */
export const standardMainTypes: readonly StandardMainType[] = Object.freeze(
  data.map(({ kind, code, name }) => Object.freeze({ kind, code, name })),
);

/** Every 小类, 部件 then 事件, each in code order. */
export const standardSubTypes: readonly StandardSubType[] = Object.freeze(
  data.flatMap((main) =>
    main.subTypes.map(([code, name]) =>
      Object.freeze({ kind: main.kind, mainCode: main.code, mainType: main.name, code: main.code + code, name }),
    ),
  ),
);

/** Name lookups: `kind|name` and, for a name of either kind, the first (部件 before 事件). */
interface RankIndex {
  readonly byKind: ReadonlyMap<string, number>;
  readonly anyKind: ReadonlyMap<string, number>;
}

function buildIndex(entries: readonly { readonly kind: StandardKind; readonly code: string; readonly name: string }[]): RankIndex {
  const byKind = new Map<string, number>();
  const anyKind = new Map<string, number>();
  const add = (kind: StandardKind, name: string, rank: number): void => {
    const key = normalizeName(name);
    if (!byKind.has(`${kind}|${key}`)) byKind.set(`${kind}|${key}`, rank);
    if (!anyKind.has(key)) anyKind.set(key, rank);
  };
  entries.forEach((entry, rank) => add(entry.kind, entry.name, rank));
  for (const [kind, code, alias] of aliases) {
    const rank = entries.findIndex((entry) => entry.kind === kind && entry.code === code);
    if (rank >= 0) add(kind, alias, rank);
  }
  return { byKind, anyKind };
}

const mainIndex = buildIndex(standardMainTypes);
const subIndex = buildIndex(standardSubTypes);

function lookUp(index: RankIndex, name: string, kind: StandardKind | undefined): number | null {
  const key = normalizeName(name);
  if (key === '') return null;
  return (kind === undefined ? index.anyKind.get(key) : index.byKind.get(`${kind}|${key}`)) ?? null;
}

/**
 * Position of a 大类 name in the standard's order (部件 before 事件, then code); null when not a standard
 * 大类. Names are compared after `normalizeName`, and a trailing 类 is dropped (公用设施类). Without
 * `kind`, a name of both kinds (市容环境) takes its 部件 position.
 * @example standardRankOfMainType('道路交通') < standardRankOfMainType('市容环境', '事件') // true
 */
export function standardRankOfMainType(name: string, kind?: StandardKind): number | null {
  const rank = lookUp(mainIndex, name, kind);
  if (rank !== null) return rank;
  const key = normalizeName(name);
  return key.length > 1 && key.endsWith('类') ? lookUp(mainIndex, key.slice(0, -1), kind) : null;
}

/**
 * Position of a 小类 name in the standard's order (部件 before 事件, then code); null when unknown.
 * Names are compared after `normalizeName`; a few other spellings are accepted (雨水篦子).
 * @example standardRankOfSubType('暴露垃圾') < standardRankOfSubType('积存垃圾渣土') // true
 */
export function standardRankOfSubType(name: string, kind?: StandardKind): number | null {
  return lookUp(subIndex, name, kind);
}

/**
 * The standard 小类 of that name (compared after `normalizeName`, other spellings accepted), or null.
 * @example findStandardSubType('施工占道')?.code // '0304'
 */
export function findStandardSubType(name: string, kind?: StandardKind): StandardSubType | null {
  const rank = standardRankOfSubType(name, kind);
  return rank === null ? null : (standardSubTypes[rank] ?? null);
}

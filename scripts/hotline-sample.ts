/**
 * The 12345 part of the sample workbook: sheet `12345工单` (work orders of August 2021, September 2021
 * and October 1–8) and sheet `回退记录` (one row per return). Used by `generate-sample.ts`, which adds
 * both sheets after the case sheet.
 *
 * - September reproduces seed-figures.md （四）（五）（六）: 429 orders (330 in August, so 较上期 +99), none
 *   overdue, the seven 12345-level units and nine report categories of the brief, 33 returned orders,
 *   exactly three repeat problems (热难点) of 三中队, and the 十件事 topic 小区内私搭乱建 with 82 orders
 *   (78 done), its communities in the brief's order.
 * - Every other order is placed so that no other group of three can form: within one unit and report
 *   category, a place (community, or road with door number) is used at most twice, except the
 *   designed communities, where building numbers keep complaints apart (see `samples/README.md`).
 * - Deterministic: a seeded PRNG, wall-clock seconds, serials computed arithmetically.
 *
 * Import cycle: this module imports helpers from `generate-sample.ts`, which imports `buildHotline`
 * from here. Nothing here runs at module load time (only data literals), so either module may load first.
 */
import * as XLSX from '@e965/xlsx';
import {
  DAY, Dice, HOUR, MIN, mulberry32, minuteOnly, pad, parts, timeCell, wall,
  type Cohort, type TimeFormat, type Weighted,
} from './generate-sample.ts';

// ---------------------------------------------------------------------------------------------
// Categories, units
// ---------------------------------------------------------------------------------------------

export const HOTLINE_CATEGORIES = ['噪音类', '规划建设类', '占道经营类', '市政设施类', '油烟扰民类', '环卫保洁类', '广告店招类', '扬尘污染类', '其他'] as const;
export type HotlineCategory = (typeof HOTLINE_CATEGORIES)[number];

export const HOTLINE_UNITS = ['一中队', '二中队', '三中队', '四中队', '五中队', '夜勤中队', '市政工程处', '市环卫处', '市火管中队', '中石油', '环卫管理科', '行政审批科'] as const;
export type HotlineUnit = (typeof HOTLINE_UNITS)[number];

type Area = 'old' | 'east' | 'west' | 'cuiping' | 'north';

interface HotlineUnitDef {
  /** First level as the settings name it, second level ('' for the first level as a whole). */
  readonly level1: string;
  readonly level2: string;
  /** The name the 12345 tables use (the first level's hotlineName, else its name). */
  readonly label: string;
  /** How the 12345 system spells the unit in 承办单位. */
  readonly spellings: Weighted<string>;
  /** Where its orders are; null = anywhere in 通川区. */
  readonly area: Area | null;
}

function squadron(name: string, area: Area | null): HotlineUnitDef {
  return {
    level1: '市城管执法直属一大队',
    level2: name,
    label: '执法直属一大队',
    spellings: [
      [`执法直属一大队${name}`, 45], [`市城管执法直属一大队${name}`, 20], [`直属一大队${name}`, 12], [name, 10],
      [`执法直属一大队 ${name}`, 5], [`执法直属一大队（${name}）`, 4], [`一大队${name}`, 4],
    ],
    area,
  };
}

const H_UNITS: Record<HotlineUnit, HotlineUnitDef> = {
  一中队: squadron('一中队', 'old'),
  二中队: squadron('二中队', 'east'),
  三中队: squadron('三中队', 'west'),
  四中队: squadron('四中队', 'cuiping'),
  五中队: squadron('五中队', 'north'),
  夜勤中队: squadron('夜勤中队', null),
  市政工程处: { level1: '市政工程处', level2: '', label: '市政工程处', spellings: [['市政工程处', 8], ['市市政工程处', 2]], area: null },
  市环卫处: { level1: '市环卫处', level2: '', label: '市环卫处', spellings: [['市环卫处', 8], ['市环境卫生管理处', 2]], area: null },
  市火管中队: { level1: '火管中队', level2: '', label: '市火管中队', spellings: [['市火管中队', 7], ['火管中队', 3]], area: null },
  中石油: { level1: '中石油天然气公司', level2: '', label: '中石油天然气公司', spellings: [['中石油天然气公司', 3], ['中石油达州天然气公司', 2]], area: null },
  环卫管理科: { level1: '环卫管理科', level2: '', label: '环卫管理科', spellings: [['环卫管理科', 1]], area: null },
  行政审批科: { level1: '行政审批科', level2: '', label: '行政审批科', spellings: [['行政审批科', 1]], area: null },
};

/** Unit key as the tables show it: `市城管执法直属一大队/三中队`, `市政工程处`. */
export function hotlineUnitKey(u: HotlineUnit): string {
  const def = H_UNITS[u];
  return def.level2 === '' ? def.level1 : `${def.level1}/${def.level2}`;
}

/** The 12345-level name of a unit (执法直属一大队 for every squadron). */
export function hotlineUnitLabel(u: HotlineUnit): string {
  return H_UNITS[u].label;
}

type Plan = Readonly<Partial<Record<HotlineUnit, Readonly<Partial<Record<HotlineCategory, number>>>>>>;

/** September 2021: units and categories of seed-figures.md （四）, special orders included. */
const SEPTEMBER_PLAN: Plan = {
  一中队: { 噪音类: 38, 规划建设类: 18, 占道经营类: 28, 油烟扰民类: 11, 广告店招类: 1, 其他: 14 },
  二中队: { 噪音类: 18, 规划建设类: 18, 占道经营类: 10, 油烟扰民类: 6, 广告店招类: 1, 扬尘污染类: 1, 其他: 6 },
  三中队: { 噪音类: 40, 规划建设类: 31, 占道经营类: 22, 油烟扰民类: 10, 广告店招类: 1, 扬尘污染类: 1, 其他: 15 },
  四中队: { 噪音类: 15, 规划建设类: 4, 占道经营类: 10, 油烟扰民类: 4, 其他: 7 },
  五中队: { 噪音类: 12, 规划建设类: 11, 占道经营类: 5, 油烟扰民类: 3, 其他: 2 },
  夜勤中队: { 噪音类: 12, 占道经营类: 2, 油烟扰民类: 6 },
  市政工程处: { 市政设施类: 16, 其他: 2 },
  市环卫处: { 环卫保洁类: 7, 广告店招类: 2, 扬尘污染类: 1, 其他: 6 },
  市火管中队: { 油烟扰民类: 1, 其他: 4 },
  中石油: { 市政设施类: 2, 其他: 3 },
  环卫管理科: { 环卫保洁类: 1 },
  行政审批科: { 广告店招类: 1 },
};

/** August 2021: 330 orders (the brief's 上期). */
const AUGUST_PLAN: Plan = {
  一中队: { 噪音类: 30, 规划建设类: 14, 占道经营类: 22, 油烟扰民类: 8, 广告店招类: 1, 其他: 10 },
  二中队: { 噪音类: 16, 规划建设类: 12, 占道经营类: 9, 油烟扰民类: 5, 扬尘污染类: 1, 其他: 7 },
  三中队: { 噪音类: 30, 规划建设类: 22, 占道经营类: 18, 油烟扰民类: 8, 广告店招类: 1, 扬尘污染类: 1, 其他: 10 },
  四中队: { 噪音类: 10, 规划建设类: 4, 占道经营类: 7, 油烟扰民类: 5, 其他: 4 },
  五中队: { 噪音类: 9, 规划建设类: 6, 占道经营类: 5, 油烟扰民类: 2, 其他: 3 },
  夜勤中队: { 噪音类: 6, 占道经营类: 1, 油烟扰民类: 3 },
  市政工程处: { 市政设施类: 13, 其他: 2 },
  市环卫处: { 环卫保洁类: 6, 广告店招类: 1, 其他: 5 },
  市火管中队: { 油烟扰民类: 1, 其他: 5 },
  中石油: { 市政设施类: 1, 其他: 3 },
  环卫管理科: { 环卫保洁类: 2 },
  行政审批科: { 广告店招类: 1 },
};

/** October 1–8 (国庆, light): orders of the next period. */
const OCTOBER_PLAN: Plan = {
  一中队: { 噪音类: 3, 规划建设类: 1, 占道经营类: 3, 油烟扰民类: 1 },
  二中队: { 噪音类: 2, 规划建设类: 1, 占道经营类: 1, 其他: 1 },
  三中队: { 噪音类: 3, 规划建设类: 2, 占道经营类: 2, 油烟扰民类: 1, 其他: 1 },
  四中队: { 噪音类: 1, 占道经营类: 1, 其他: 1 },
  五中队: { 噪音类: 1, 规划建设类: 1 },
  夜勤中队: { 噪音类: 2, 油烟扰民类: 1 },
  市政工程处: { 市政设施类: 3 },
  市环卫处: { 环卫保洁类: 2 },
  市火管中队: { 其他: 1 },
};

/** September returned orders (distinct), by the order's unit: seed-figures.md （四）. */
const SEPTEMBER_RETURNS: Readonly<Partial<Record<HotlineUnit, number>>> = {
  一中队: 7, 二中队: 2, 三中队: 7, 四中队: 8, 五中队: 2, 夜勤中队: 2, 市政工程处: 3, 市环卫处: 2,
};
const AUGUST_RETURNS: Readonly<Partial<Record<HotlineUnit, number>>> = {
  一中队: 5, 二中队: 3, 三中队: 5, 四中队: 4, 五中队: 1, 市政工程处: 1, 市环卫处: 1,
};

// ---------------------------------------------------------------------------------------------
// Geography (通川区). No road name holds 城/园/苑/府/郡, so only community names end like a community.
// ---------------------------------------------------------------------------------------------

interface AreaDef {
  /** Address prefix: 通川区, or 通川区西外 for the west bank. */
  readonly prefix: string;
  readonly roads: readonly string[];
  readonly communities: readonly string[];
}

const AREAS: Record<Area, AreaDef> = {
  old: {
    prefix: '通川区',
    roads: ['朝阳东路', '朝阳中路', '朝阳西路', '来凤路', '大西街', '中山街', '人民路', '金山顺街', '胜利街', '和平路', '县街', '下半街', '小东街', '凤凰头路', '新华街'],
    communities: ['清华园', '仁和春天', '来凤花园', '金山小区', '中山公馆', '翠竹苑'],
  },
  east: {
    prefix: '通川区',
    roads: ['通川北路', '通川中路', '通川南路', '华蜀北路', '华蜀南路', '塔沱路', '凤凰大道', '滨河东路', '长田坝路', '东环路', '新村路', '北外大道', '荷花池路', '金山北路'],
    communities: ['中梁首府', '天誉誉府', '凤凰小区', '塔沱花园', '华蜀名苑', '长田坝小区', '东岳小区'],
  },
  west: {
    prefix: '通川区西外',
    roads: ['西外大道', '金龙大道', '西环路', '马踏洞路', '玉带路', '荷叶街', '西圣大道', '复兴路', '龙泉路', '金兰路', '永兴路', '达巴路', '金龙南路', '西山路'],
    communities: ['澜湖郡', '江湾城', '宏升国际', '海星园', '四季花城', '金龙花园', '荷叶小区', '旺角城', '西山公馆'],
  },
  cuiping: {
    prefix: '通川区',
    roads: ['翠屏路', '凤翎路', '莲湖路', '滨河西路', '双龙路', '杨家湾路', '柳家坝路', '凤凰山路', '莲花湖路', '翠屏北路', '南坝路', '石桥路'],
    communities: ['体育佳苑', '莲湖小区', '翠屏花园', '凤翎小区', '滨河公馆', '杨柳苑'],
  },
  north: {
    prefix: '通川区',
    roads: ['徐家坝路', '金南大道', '魏家街', '北环路', '大北街', '新华路', '健民路', '中心路', '罗浮路', '兴业路'],
    communities: ['中迪', '时尚家苑', '金桂苑', '新华花园', '锦绣公馆'],
  },
};
const ALL_AREAS: readonly Area[] = ['old', 'east', 'west', 'cuiping', 'north'];

/** Building numbers of the designed communities: none is a prefix or suffix of another (1栋/11栋 is the 澜湖郡 trap only). */
const BUILDINGS = [2, 3, 4, 6, 7, 8, 9, 10, 11, 15] as const;

/** September 规划建设类 orders per community (besides 澜湖郡 and 海星园, which are designed one by one). */
const SEPTEMBER_PLANNING: readonly (readonly [HotlineUnit, string, number])[] = [
  ['三中队', '江湾城', 12], ['一中队', '清华园', 10], ['二中队', '中梁首府', 9], ['二中队', '天誉誉府', 8], ['一中队', '仁和春天', 7],
  ['五中队', '中迪', 6], ['五中队', '时尚家苑', 5], ['三中队', '四季花城', 4], ['四中队', '体育佳苑', 3],
  ['三中队', '金龙花园', 1], ['二中队', '凤凰小区', 1], ['一中队', '来凤花园', 1], ['四中队', '莲湖小区', 1],
];
/** 规划建设类 orders of September still in progress (the first order of each of these communities). */
const PLANNING_IN_PROGRESS = ['江湾城', '清华园', '中梁首府', '中迪'];

// ---------------------------------------------------------------------------------------------
// Text: shops, templates
// ---------------------------------------------------------------------------------------------

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '郑', '谢', '唐', '冯', '邓', '曾', '彭', '蒋', '向', '谭', '廖', '任'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '斌', '浩', '宇', '鑫', '婷', '雪', '俊', '秀英', '桂英', '建国', '志强', '玉兰', '海燕', '德明', '光辉', '晓燕', '春梅', '小红', '国华', '红梅', '永刚', '德福', '淑芬', '文静', '子涵', '思雨'];
const BRANDS = ['川味', '渝香', '巴山', '达州', '好又多', '新世纪', '百姓', '聚福', '阿英', '兴旺', '红杏', '蜀香', '老地方', '金牌'];
const SHOP_KINDS = ['面馆', '水果店', '五金店', '小吃店', '便利店', '手机店', '服装店', '超市', '药房', '鞋店', '副食店', '母婴店', '眼镜店'];
const EATERIES = ['火锅店', '串串店', '中餐馆', '烧烤店', '小炒店', '早餐店', '卤菜店', '冒菜店'];
const BARS = ['音乐酒吧', '清吧', 'KTV', '夜宵店'];
const GOODS = ['水果', '蔬菜', '烤红薯', '煮玉米', '凉粉', '鲜花', '手机配件', '李子', '葡萄', '鞋垫袜子', '儿童玩具', '卤肉'];

interface Ctx {
  readonly d: Dice;
  /** Where, as the content names it: 朝阳东路123号, 清华园北门. */
  readonly loc: string;
}

interface Template {
  readonly path: readonly [string, string, string];
  readonly w: number;
  readonly body: (c: Ctx) => string;
}

const t = (path: readonly [string, string, string], w: number, body: (c: Ctx) => string): Template => ({ path, w, body });

const shop = (d: Dice): string => `${d.pick(BRANDS)}${d.pick(SHOP_KINDS)}`;
const eatery = (d: Dice): string => `${d.pick(BRANDS)}${d.pick(EATERIES)}`;
const bar = (d: Dice): string => `${d.pick(['夜色', '蓝调', '时光', '星空', '老友记', '零点'])}${d.pick(BARS)}`;

const NOISE: readonly Template[] = [
  t(['城乡建设', '城市管理', '噪音污染'], 3, ({ d, loc }) => `${loc}的${shop(d)}在门口摆放音箱大声播放音乐招揽顾客，声音很大，影响周边居民休息`),
  t(['生态环境', '噪声污染', '商业噪音'], 3, ({ d, loc }) => `${loc}${shop(d)}用喇叭循环播放促销广告，从早上九点一直放到晚上，吵得人心烦`),
  t(['生态环境', '噪声污染', '施工噪音'], 3, ({ d, loc }) => `${loc}附近的工地${d.pick(['晚上十点以后', '中午午休时间', '早上六点多', '凌晨'])}还在施工，${d.pick(['打桩机', '挖掘机', '混凝土泵车', '切割机', '电锤'])}的声音很大，严重影响休息`),
  t(['城乡建设', '城市管理', '夜间施工'], 1, ({ d, loc }) => `${loc}有工地夜间施工，${d.pick(['运输车辆进出', '搅拌车作业', '钢筋敲打'])}的声音持续到凌晨，请求制止`),
  t(['生态环境', '噪声污染', '社会生活噪音'], 2, ({ d, loc }) => `${loc}每天晚上都有人跳广场舞，音响开得很大，${d.pick(['一直跳到十点多', '周边住户无法休息', '老人小孩都睡不着'])}`),
  t(['生态环境', '噪声污染', '社会生活噪音'], 2, ({ d, loc }) => `${loc}有住户装修，${d.pick(['中午', '晚上八点以后', '周末早上七点'])}还在用电钻和切割机，噪音太大`),
  t(['城乡建设', '城市管理', '其他噪音'], 2, ({ d, loc }) => `${loc}的${d.pick(['汽修店', '不锈钢加工店', '钢材店', '家具店'])}在店外${d.pick(['敲打钢板', '打磨金属', '切割钢管', '用气泵喷漆'])}，声音刺耳，影响居民生活`),
  t(['生态环境', '噪声污染', '社会生活噪音'], 1, ({ loc }) => `${loc}的麻将馆每天营业到深夜，麻将机和说话的声音吵得楼上住户无法入睡`),
];
const NIGHT_NOISE: readonly Template[] = [
  t(['城乡建设', '城市管理', '噪音污染'], 3, ({ d, loc }) => `${loc}的${bar(d)}深夜营业，音乐声和喧哗声很大，凌晨一两点还不停`),
  t(['生态环境', '噪声污染', '社会生活噪音'], 2, ({ loc }) => `${loc}夜宵店的客人在店外喝酒划拳到凌晨，吵得周边居民睡不着`),
  t(['生态环境', '噪声污染', '施工噪音'], 1, ({ d, loc }) => `${loc}附近的工地${d.pick(['晚上十一点', '凌晨一点'])}还在施工，请夜间执法人员处理`),
];
const MARKET: readonly Template[] = [
  t(['城乡建设', '城市管理', '流动摊贩'], 3, ({ d, loc }) => `${loc}每天${d.pick(['早上', '下午放学时', '晚上'])}有流动摊贩推车售卖${d.pick(GOODS)}，占用人行道，行人只能走机动车道`),
  t(['城乡建设', '城市管理', '店外经营'], 3, ({ d, loc }) => `${loc}的${shop(d)}把货架和商品摆到店外人行道上经营，影响通行`),
  t(['城乡建设', '城市管理', '占道经营'], 3, ({ d, loc }) => `${loc}有人长期占道摆摊卖${d.pick(GOODS)}，地面脏乱，堵塞道路`),
  t(['城乡建设', '城市管理', '占道经营'], 2, ({ d, loc }) => `${loc}${eatery(d)}在门口人行道上摆放桌椅经营，晚上更严重`),
  t(['城乡建设', '城市管理', '占道经营'], 1, ({ loc }) => `${loc}晚上有很多夜市摊位占用道路经营，车辆无法通行`),
];
const NIGHT_MARKET: readonly Template[] = [
  t(['城乡建设', '城市管理', '占道经营'], 2, ({ loc }) => `${loc}晚上有很多夜市摊位占用道路经营，车辆无法通行`),
  t(['城乡建设', '城市管理', '流动摊贩'], 1, ({ d, loc }) => `${loc}每天晚上九点以后有流动摊贩推车售卖${d.pick(['卤肉', '烤红薯', '凉粉', '炒饭'])}，占用人行道`),
];
const SMOKE: readonly Template[] = [
  t(['生态环境', '大气污染', '油烟扰民'], 3, ({ d, loc }) => `${loc}的${eatery(d)}排烟管道直接对着居民窗户，油烟很大，${d.chance(0.5) ? '排风机的噪音也很大' : '家里无法开窗'}`),
  t(['生态环境', '大气污染', '餐饮油烟'], 2, ({ d, loc }) => `${loc}${eatery(d)}没有安装油烟净化设施，油烟直接排放，楼上住户深受其害`),
  t(['生态环境', '大气污染', '露天烧烤'], 2, ({ loc }) => `${loc}有商户在店外露天烧烤，烟雾很大，飘进周边住户家中`),
];
const ADS: readonly Template[] = [
  t(['城乡建设', '城市管理', '店招店牌'], 2, ({ d, loc }) => `${loc}${shop(d)}的店招松动，有掉落的危险`),
  t(['城乡建设', '城市管理', '户外广告'], 1, ({ loc }) => `${loc}有人在行道树和路灯杆上悬挂横幅`),
  t(['城乡建设', '城市管理', '户外广告'], 1, ({ loc }) => `${loc}楼顶的大型广告牌锈蚀严重，担心大风天掉下来`),
];
const CLEANING_ADS: readonly Template[] = [
  t(['城乡建设', '城市管理', '户外广告'], 1, ({ loc }) => `${loc}墙面和电杆上贴满了小广告，请求清理`),
];
const DUST: readonly Template[] = [
  t(['生态环境', '大气污染', '扬尘污染'], 1, ({ loc }) => `${loc}工地裸土没有覆盖，刮风时灰尘很大`),
  t(['城乡建设', '城市管理', '渣土运输'], 1, ({ loc }) => `${loc}有渣土车沿路遗撒，路面全是泥`),
];
const STREET_DUST: readonly Template[] = [
  t(['生态环境', '大气污染', '扬尘污染'], 1, ({ loc }) => `${loc}道路扬尘大，洒水车很久没来`),
];
const FACILITY: readonly Template[] = [
  t(['城乡建设', '市政设施', '井盖'], 3, ({ d, loc }) => `${loc}人行道上的井盖${d.pick(['破损', '松动', '缺失'])}，存在安全隐患`),
  t(['城乡建设', '市政设施', '路灯'], 3, ({ d, loc }) => `${loc}的路灯${d.pick(['不亮已经一周', '白天常亮', '灯杆倾斜'])}`),
  t(['城乡建设', '市政设施', '道路破损'], 2, ({ loc }) => `${loc}路面坑洼破损，下雨后积水，车辆经过溅到行人`),
  t(['城乡建设', '市政设施', '排水设施'], 2, ({ loc }) => `${loc}的下水道堵塞，污水外溢，气味难闻`),
];
const GAS_FACILITY: readonly Template[] = [
  t(['城乡建设', '燃气管理', '燃气井盖'], 1, ({ loc }) => `${loc}人行道上的燃气阀门井盖松动，踩上去会翻`),
];
const SANITATION: readonly Template[] = [
  t(['城乡建设', '环境卫生', '生活垃圾'], 3, ({ loc }) => `${loc}的垃圾桶满溢，已经两天没有清运，气味很大`),
  t(['城乡建设', '环境卫生', '公厕管理'], 1, ({ loc }) => `${loc}旁的公厕卫生很差，洗手池也坏了`),
  t(['城乡建设', '环境卫生', '道路清扫'], 2, ({ loc }) => `${loc}路面脏乱，落叶和纸屑很久没有人清扫`),
];
const OTHER: readonly Template[] = [
  t(['城乡建设', '城市管理', '其他'], 2, ({ loc }) => `${loc}人行道上长期停放一辆没有牌照的旧车，占用通道`),
  t(['城乡建设', '城市管理', '共享单车'], 2, ({ loc }) => `${loc}共享单车乱停乱放，把出入口都堵住了`),
  t(['城乡建设', '城市管理', '露天焚烧'], 2, ({ d, loc }) => `${loc}有人焚烧${d.pick(['树叶杂草', '废旧木料', '纸钱'])}，烟雾很大`),
  t(['城乡建设', '园林绿化', '树木修剪'], 1, ({ loc }) => `${loc}的行道树枝叶伸进住户窗户，请求修剪`),
  t(['城乡建设', '城市管理', '违规养犬'], 1, ({ loc }) => `${loc}有人遛大型犬不拴绳，已经吓到小孩`),
  t(['城乡建设', '城市管理', '其他'], 2, ({ loc }) => `${loc}有商户在门前私自安装地锁，占用公共停车位`),
  t(['城乡建设', '城市管理', '市容秩序'], 1, ({ loc }) => `${loc}有人在护栏上晾晒被子和衣物，很不雅观`),
  t(['城乡建设', '城市管理', '其他'], 1, ({ loc }) => `${loc}的废品收购站在门口堆放大量废旧物品，影响通行`),
  t(['政务服务', '投诉建议', '执法监督'], 1, ({ loc }) => `反映城管执法人员在${loc}执法时态度生硬，要求核实`),
  t(['城乡建设', '城市管理', '其他'], 1, ({ loc }) => `${loc}墙面被人乱涂乱画，请求处理`),
];
const WORKS_OTHER: readonly Template[] = [
  t(['城乡建设', '城市管理', '其他'], 1, ({ loc }) => `${loc}附近桥梁的栏杆油漆脱落、锈迹斑斑`),
  t(['城乡建设', '城市管理', '其他'], 1, ({ loc }) => `${loc}河边的护栏缺了一段，存在安全隐患`),
];
const GAS_OTHER: readonly Template[] = [
  t(['城乡建设', '燃气管理', '燃气安全'], 2, ({ loc }) => `${loc}附近闻到很大的天然气味道，怀疑燃气管道泄漏`),
  t(['城乡建设', '燃气管理', '燃气报装'], 1, ({ loc }) => `咨询${loc}的住房开通天然气需要准备哪些资料`),
  t(['城乡建设', '燃气管理', '燃气安全'], 1, ({ loc }) => `${loc}楼道里的燃气表箱锈蚀破损`),
];
const GREEN_OTHER: readonly Template[] = [
  t(['城乡建设', '园林绿化', '绿化管护'], 2, ({ loc }) => `${loc}绿化带里的树木枯死，一直没有补种`),
  t(['城乡建设', '城市管理', '其他'], 1, ({ loc }) => `${loc}河道里漂浮物很多，影响市容`),
  t(['城乡建设', '园林绿化', '绿化管护'], 1, ({ loc }) => `${loc}的绿化带被人踩踏毁坏`),
];
const BURNING: readonly Template[] = [
  t(['城乡建设', '城市管理', '露天焚烧'], 1, ({ d, loc }) => `${loc}有人焚烧${d.pick(['树叶杂草', '废旧木料', '纸钱', '废旧轮胎'])}，烟雾很大`),
];
const OPEN_GRILL: readonly Template[] = [
  t(['生态环境', '大气污染', '露天烧烤'], 1, ({ loc }) => `${loc}有人在空地上露天烧烤，烟雾很大`),
];
const CONSULT_WASTE: readonly Template[] = [
  t(['城乡建设', '环境卫生', '建筑垃圾'], 1, () => '咨询装修产生的建筑垃圾应该怎样申请清运处置'),
];
const CONSULT_SIGN: readonly Template[] = [
  t(['城乡建设', '城市管理', '店招店牌'], 1, () => '咨询新开门店设置店招需要办理哪些审批手续'),
];

/** Templates of a unit's orders in a category. */
function templatesFor(unit: HotlineUnit, cat: HotlineCategory): readonly Template[] {
  switch (unit) {
    case '市政工程处': return cat === '市政设施类' ? FACILITY : WORKS_OTHER;
    case '中石油': return cat === '市政设施类' ? GAS_FACILITY : GAS_OTHER;
    case '市环卫处': return cat === '环卫保洁类' ? SANITATION : cat === '广告店招类' ? CLEANING_ADS : cat === '扬尘污染类' ? STREET_DUST : GREEN_OTHER;
    case '市火管中队': return cat === '油烟扰民类' ? OPEN_GRILL : BURNING;
    case '环卫管理科': return CONSULT_WASTE;
    case '行政审批科': return CONSULT_SIGN;
    default:
      break;
  }
  switch (cat) {
    case '噪音类': return unit === '夜勤中队' ? NIGHT_NOISE : NOISE;
    case '占道经营类': return unit === '夜勤中队' ? NIGHT_MARKET : MARKET;
    case '油烟扰民类': return SMOKE;
    case '广告店招类': return ADS;
    case '扬尘污染类': return DUST;
    case '市政设施类': return FACILITY;
    case '环卫保洁类': return SANITATION;
    case '其他': return OTHER;
    case '规划建设类': throw new Error('规划建设类 orders are planned by community');
  }
}

const PLANNING_PATHS: Weighted<readonly [string, string, string]> = [
  [['城乡建设', '城市管理', '规划'], 3], [['城乡建设', '规划管理', '违章搭建'], 3], [['城乡建设', '城市管理', '违法建设'], 2], [['城乡建设', '规划管理', '私搭乱建'], 1],
];
const PLANNING_BODIES: readonly ((d: Dice, at: string) => string)[] = [
  (_d, at) => `${at}顶楼住户在楼顶平台用彩钢板搭建房屋，影响楼顶防水和其他住户安全`,
  (d, at) => `${at}${d.int(2, 9)}楼住户把阳台向外扩建，属于违章搭建`,
  (_d, at) => `${at}一楼住户在门前院坝里搭建阳光房，占用公共区域`,
  (_d, at) => `${at}有业主在露台上加建一层，已经快完工了`,
  (_d, at) => `${at}楼下有住户用砖砌围墙，把公共绿地圈成自家院子`,
  (_d, at) => `${at}的住户私自拆改外墙并加建飘窗`,
  (_d, at) => `${at}有业主在单元门口的公共通道上搭建雨棚和储物间`,
];
const PREFIXES: Weighted<(d: Dice) => string> = [
  [() => '', 30], [() => '来电人反映：', 15], [() => '来电反映：', 12], [() => '市民反映，', 10],
  [(d) => `${d.pick(SURNAMES)}先生反映：`, 6], [(d) => `${d.pick(SURNAMES)}女士反映：`, 6], [() => '来电人称，', 6], [() => '反映', 5],
];
const SUFFIXES: Weighted<string> = [
  ['，请相关部门处理。', 4], ['，希望尽快处理。', 3], ['，要求城管部门查处。', 2], ['，请核实处理。', 2], ['。', 3], ['，多次反映未解决，希望彻底处理。', 1],
];

function phone(d: Dice): string {
  return `1${d.pick(['3', '5', '8'])}${d.int(0, 9)}${pad(d.int(0, 9999), 4)}${pad(d.int(0, 9999), 4)}`;
}

function callerPhone(d: Dice): string {
  return d.chance(0.08) ? `0818-${d.int(2, 3)}${pad(d.int(0, 999999), 6)}` : phone(d);
}

/** Wraps a body into an operator's record: optional 来电人反映：, a closing request, sometimes a phone number. */
function dress(d: Dice, body: string): string {
  const head = d.weighted(PREFIXES)(d);
  const tail = d.weighted(SUFFIXES);
  const contact = d.chance(0.08) ? `联系电话${phone(d)}。` : '';
  return `${head}${body}${tail}${contact}`;
}

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------

/** Designed orders: repeat groups, traps; '' for the others. */
export type OrderTag =
  | '' | 'G1' | 'G2' | 'G3' | 'lanhuTrap' | 'lanhuLoose' | 'trapA' | 'trapB' | 'trapC' | 'trapCAug' | 'pair1' | 'pair2'
  | 'augGroup' | 'lateAug' | 'planning';

interface HOrder {
  id: string;
  readonly cohort: Cohort;
  readonly unit: HotlineUnit;
  readonly cat: HotlineCategory;
  readonly path: readonly [string, string, string];
  readonly content: string;
  readonly address: string;
  /** The place as the rules of the brief read it (community or road + door number), '' for none. */
  readonly place: string;
  tag: OrderTag;
  /** Receipt time, when fixed by the design. */
  readonly fixedAt: number | null;
  /** Receipt time written as a serial whatever the dice say (period boundaries). */
  pinned: boolean;
  repeatOf: HOrder | null;
  caller: string;
  phone: string;
  spelling: string;
  inProgress: boolean;
  received: number;
  deadline: number;
  finished: number | null;
  status: string;
  orderType: string;
  satisfaction: string;
  returns: number[];
  returnUnits: string[];
  returnReasons: string[];
  formats: { received: TimeFormat; deadline: TimeFormat; finished: TimeFormat };
}

interface Draft {
  readonly cohort: Cohort;
  readonly unit: HotlineUnit;
  readonly cat: HotlineCategory;
  readonly path: readonly [string, string, string];
  readonly content: string;
  readonly address: string;
  readonly place: string;
  readonly tag?: OrderTag;
  readonly fixedAt?: number | null;
  readonly caller?: string;
}

function order(x: Draft): HOrder {
  return {
    id: '', cohort: x.cohort, unit: x.unit, cat: x.cat, path: x.path, content: x.content, address: x.address, place: x.place,
    tag: x.tag ?? '', fixedAt: x.fixedAt ?? null, pinned: false, repeatOf: null, caller: x.caller ?? '', phone: '', spelling: '', inProgress: false,
    received: 0, deadline: 0, finished: null, status: '', orderType: '', satisfaction: '', returns: [], returnUnits: [], returnReasons: [],
    formats: { received: 'serial', deadline: 'serial', finished: 'serial' },
  };
}

const NOISE_OTHER: readonly [string, string, string] = ['城乡建设', '城市管理', '其他噪音'];
const PLANNING: readonly [string, string, string] = ['城乡建设', '城市管理', '规划'];

/**
 * The designed orders: the three September repeat problems of the brief （五） and the traps around
 * them. Returns them in creation order; `repeatOf` links are set here.
 */
function designedOrders(d: Dice): HOrder[] {
  const out: HOrder[] = [];
  const add = (x: Draft): HOrder => {
    const o = order(x);
    out.push(o);
    return o;
  };
  const sep = (day: number, h: number, m: number): number => wall(2021, 9, day, h, m, d.int(0, 59));

  // (1) 三中队, 其他噪音: the door-and-window shop opposite 宏升国际 (4 orders, the last linked to the first).
  const g1 = add({
    cohort: 'sep', unit: '三中队', cat: '噪音类', path: NOISE_OTHER, tag: 'G1', place: '宏升国际', fixedAt: sep(6, 9, 41),
    address: '通川区西外宏升国际小区对面天祥门窗店',
    content: '来电人反映：通川区西外宏升国际小区对面的天祥门窗店每天在店门口烧电焊、切割铝合金材料，噪音很大，严重影响小区居民休息，请相关部门处理。',
  });
  add({
    cohort: 'sep', unit: '三中队', cat: '噪音类', path: NOISE_OTHER, tag: 'G1', place: '宏升国际', fixedAt: sep(13, 12, 18),
    address: '通川区西外宏升国际小区对面',
    content: '市民反映西外宏升国际小区对面的天祥门窗店长期烧电焊和切割材料，产生的噪音扰民，中午和晚上都不停，要求处理。联系电话13981876542。',
  });
  add({
    cohort: 'sep', unit: '三中队', cat: '噪音类', path: NOISE_OTHER, tag: 'G1', place: '宏升国际', fixedAt: sep(18, 19, 5),
    address: '西外宏升国际小区对面天祥门窗店',
    content: '张女士反映：宏升国际小区对面天祥门窗店加工门窗，烧电焊和切割材料的噪音从早到晚，已经反映过，希望尽快处理。',
  });
  add({
    cohort: 'sep', unit: '三中队', cat: '噪音类', path: NOISE_OTHER, tag: 'G1', place: '宏升国际', fixedAt: sep(27, 10, 36),
    address: '通川区西外宏升国际对面',
    content: '再次反映宏升国际对面门窗店作业噪音的问题，之前的工单回复已处理，但现在仍在继续作业，请督促整改。',
  }).repeatOf = g1;
  // Trap A: the same shop, complained about at night to 夜勤中队: another unit, not part of group (1).
  add({
    cohort: 'sep', unit: '夜勤中队', cat: '噪音类', path: NOISE_OTHER, tag: 'trapA', place: '宏升国际', fixedAt: sep(21, 21, 37),
    address: '通川区西外宏升国际小区对面天祥门窗店',
    content: '晚上九点多西外宏升国际小区对面的天祥门窗店还在烧电焊、切割材料，噪音很大，请夜间执法人员处理。',
  });

  // (2) 三中队, 规划: the 3rd-floor platform in 海星园 (3 orders; the third names only 龙泉路 and is linked).
  const g2 = add({
    cohort: 'sep', unit: '三中队', cat: '规划建设类', path: PLANNING, tag: 'G2', place: '海星园', fixedAt: sep(8, 10, 12),
    address: '通川区龙泉路海星园1栋3楼4号',
    content: '通川区龙泉路海星园1栋3楼4号的住户在平台上搭建房子，搭建的高度已经与4楼房屋齐平，严重影响到4楼住户生活，现投诉该住户违章搭建。',
  });
  add({
    cohort: 'sep', unit: '三中队', cat: '规划建设类', path: PLANNING, tag: 'G2', place: '海星园', fixedAt: sep(15, 16, 47), caller: '李建华',
    address: '通川区龙泉路海星园1栋3楼4号',
    content: '来电人李建华反映：海星园1栋3楼4号住户在三楼平台上用砖和彩钢瓦搭建房子，高度已与4楼齐平，遮挡4楼住户采光，要求拆除违章搭建。',
  });
  add({
    cohort: 'sep', unit: '三中队', cat: '规划建设类', path: PLANNING, tag: 'G2', place: '', fixedAt: sep(22, 9, 8),
    address: '通川区龙泉路',
    content: '龙泉路有住户在三楼平台上违规加盖房屋，高度已到四楼窗户，之前反映过未见处理，请尽快拆除。',
  }).repeatOf = g2;

  // (3) 三中队, 规划: shops roofing over the open top of 澜湖郡 S3-2-1至6号 (3 orders, one naming S3-2-3号).
  add({
    cohort: 'sep', unit: '三中队', cat: '规划建设类', path: PLANNING, tag: 'G3', place: '澜湖郡', fixedAt: sep(10, 15, 26),
    address: '通川区西外澜湖郡S3-2-1至6号',
    content: '西外澜湖郡S3-2-1至6号商户的顶部没有封顶，几家商户用钢筋混凝土在顶部进行封闭，增加使用空间。',
  });
  add({
    cohort: 'sep', unit: '三中队', cat: '规划建设类', path: PLANNING, tag: 'G3', place: '澜湖郡', fixedAt: sep(14, 11, 3),
    address: '通川区西外澜湖郡S3-2-1至6号',
    content: '反映澜湖郡S3-2-1至6号几家商户在顶部没有封顶的地方用钢筋混凝土进行封闭，私自增加使用空间，联系电话15892345678。',
  });
  add({
    cohort: 'sep', unit: '三中队', cat: '规划建设类', path: PLANNING, tag: 'G3', place: '澜湖郡', fixedAt: sep(25, 14, 52),
    address: '通川区西外澜湖郡S3-2-3号',
    content: '王先生反映：澜湖郡S3-2-3号商户的顶部没有封顶，现在用钢筋混凝土进行封闭，违规增加使用空间，要求查处。',
  });
  // 澜湖郡 traps: roof sheds on different buildings (11栋 twice, 1栋, 5栋, 7栋: numbers conflict) …
  const lanhu: readonly (readonly [string, number, number, number, string])[] = [
    ['11栋', 4, 9, 30, '澜湖郡11栋顶楼住户在楼顶平台上搭建彩钢棚，面积很大，影响楼下住户，要求拆除。'],
    ['11栋', 19, 15, 12, '投诉西外澜湖郡11栋顶楼住户在楼顶搭建彩钢棚，属于违章搭建，请处理。'],
    ['1栋', 12, 10, 44, '澜湖郡1栋顶楼住户在楼顶平台上搭建彩钢棚，请城管部门查处。'],
    ['5栋', 16, 17, 20, '西外澜湖郡5栋顶楼业主在楼顶搭建彩钢棚和阳光房，影响其他住户。'],
    ['7栋', 23, 11, 9, '澜湖郡7栋楼顶有住户搭建彩钢棚，已经反映过多次。'],
  ];
  for (const [b, day, h, m, content] of lanhu) {
    add({ cohort: 'sep', unit: '三中队', cat: '规划建设类', path: d.weighted(PLANNING_PATHS), tag: 'lanhuTrap', place: '澜湖郡', fixedAt: sep(day, h, m), address: `通川区西外澜湖郡${b}`, content });
  }
  // … and three without a number (compatible with every building) about other problems.
  const loose: readonly (readonly [readonly [string, string, string], number, string, string])[] = [
    [['城乡建设', '城市管理', '违法建设'], 7, '通川区西外澜湖郡', '小区内有业主把一楼车库改成住房对外出租，还在车库门口加装了卷帘门。'],
    [['城乡建设', '城市管理', '规划'], 17, '西外澜湖郡', '小区中心的公共绿地被人用木板围起来种菜，物业管不了，请求处理。'],
    [['城乡建设', '规划管理', '违章搭建'], 28, '通川区西外澜湖郡', '澜湖郡消防通道旁边有人用砖砌了一个储物间，堵住了半边通道。'],
  ];
  for (const [path, day, address, content] of loose) {
    add({ cohort: 'sep', unit: '三中队', cat: '规划建设类', path, tag: 'lanhuLoose', place: '澜湖郡', fixedAt: sep(day, 9 + (day % 7), 5 + day), address, content });
  }

  // Trap B: one bar on 凤凰大道, twice to 二中队 and once to 夜勤中队 (three orders, two units).
  const barName = '蓝调音乐酒吧';
  add({ cohort: 'sep', unit: '二中队', cat: '噪音类', path: ['城乡建设', '城市管理', '噪音污染'], tag: 'trapB', place: '凤凰大道', fixedAt: sep(11, 10, 15), address: `通川区凤凰大道168号${barName}`, content: `凤凰大道168号的${barName}每天晚上音乐声很大，凌晨还不停，严重扰民，请相关部门处理。` });
  add({ cohort: 'sep', unit: '二中队', cat: '噪音类', path: ['城乡建设', '城市管理', '噪音污染'], tag: 'trapB', place: '凤凰大道', fixedAt: sep(20, 9, 2), address: '通川区凤凰大道168号', content: `投诉凤凰大道168号${barName}深夜噪音，音响声和喧哗声影响休息，希望尽快处理。` });
  add({ cohort: 'sep', unit: '夜勤中队', cat: '噪音类', path: ['城乡建设', '城市管理', '噪音污染'], tag: 'trapB', place: '凤凰大道', fixedAt: sep(24, 23, 48), address: `通川区凤凰大道168号${barName}`, content: `现在凤凰大道168号${barName}还在大声放音乐，吵得睡不着，请夜间执法人员处理。` });

  // Trap C: a mahjong parlour on 来凤路, once in August and twice in September (one linked to August).
  const aug = add({ cohort: 'aug', unit: '一中队', cat: '噪音类', path: ['生态环境', '噪声污染', '社会生活噪音'], tag: 'trapCAug', place: '来凤路', fixedAt: wall(2021, 8, 27, 20, 16, 0), address: '通川区来凤路86号', content: '来凤路86号二楼的麻将馆每天营业到凌晨，麻将机声音很大，楼上住户无法休息。' });
  add({ cohort: 'sep', unit: '一中队', cat: '噪音类', path: ['生态环境', '噪声污染', '社会生活噪音'], tag: 'trapC', place: '来凤路', fixedAt: sep(9, 20, 40), address: '通川区来凤路86号', content: '再次反映来凤路86号二楼麻将馆每天营业到凌晨、麻将机声音很大的问题，上月反映后仍未改善，楼上住户无法休息。' }).repeatOf = aug;
  add({ cohort: 'sep', unit: '一中队', cat: '噪音类', path: ['生态环境', '噪声污染', '社会生活噪音'], tag: 'trapC', place: '来凤路', fixedAt: sep(20, 21, 55), address: '通川区来凤路86号', content: '来凤路86号二楼的麻将馆晚上吵闹，麻将机声音很大，一直到凌晨一点多，楼上住户无法休息，请处理。' });

  // Two alike orders about one place (pairs: below the threshold).
  add({ cohort: 'sep', unit: '一中队', cat: '占道经营类', path: ['城乡建设', '城市管理', '占道经营'], tag: 'pair1', place: '人民路', fixedAt: sep(7, 8, 20), address: '通川区人民路57号', content: '人民路57号门口每天早上有人摆摊卖菜，占道经营，行人过不去。' });
  add({ cohort: 'sep', unit: '一中队', cat: '占道经营类', path: ['城乡建设', '城市管理', '占道经营'], tag: 'pair1', place: '人民路', fixedAt: sep(17, 8, 47), address: '通川区人民路57号', content: '人民路57号门前有菜贩占道摆摊卖菜，早上七点到十点最严重，行人过不去。' });
  add({ cohort: 'sep', unit: '三中队', cat: '油烟扰民类', path: ['生态环境', '大气污染', '油烟扰民'], tag: 'pair2', place: '金龙花园', fixedAt: sep(5, 18, 30), address: '通川区西外金龙花园楼下', content: '金龙花园楼下的蜀香火锅店油烟直排，熏得住户不敢开窗，请处理。' });
  add({ cohort: 'sep', unit: '三中队', cat: '油烟扰民类', path: ['生态环境', '大气污染', '油烟扰民'], tag: 'pair2', place: '金龙花园', fixedAt: sep(26, 19, 12), address: '通川区西外金龙花园', content: '金龙花园楼下蜀香火锅店的油烟直接排到小区里，熏得住户不敢开窗。' });

  // August: a repeat problem of its own (四中队, 油烟, 莲湖小区).
  const augAt = (day: number, h: number, m: number): number => wall(2021, 8, day, h, m, d.int(0, 59));
  add({ cohort: 'aug', unit: '四中队', cat: '油烟扰民类', path: ['生态环境', '大气污染', '油烟扰民'], tag: 'augGroup', place: '莲湖小区', fixedAt: augAt(9, 19, 20), address: '通川区莲湖小区门口', content: '莲湖小区门口的巴山烧烤店油烟很大，直接飘进住户家里。' });
  add({ cohort: 'aug', unit: '四中队', cat: '油烟扰民类', path: ['生态环境', '大气污染', '油烟扰民'], tag: 'augGroup', place: '莲湖小区', fixedAt: augAt(15, 20, 8), address: '通川区莲湖小区门口', content: '反映莲湖小区门口巴山烧烤店油烟扰民，晚上根本不能开窗。' });
  add({ cohort: 'aug', unit: '四中队', cat: '油烟扰民类', path: ['生态环境', '大气污染', '餐饮油烟'], tag: 'augGroup', place: '莲湖小区', fixedAt: augAt(23, 18, 51), address: '通川区莲湖小区', content: '莲湖小区门口的巴山烧烤店油烟扰民问题一直没有解决，请再次处理。' });
  return out;
}

/** 规划建设类 orders at communities with building numbers (September plan, or generic for August/October). */
function planningOrder(d: Dice, cohort: Cohort, unit: HotlineUnit, community: string, building: number, tag: OrderTag): HOrder {
  const prefix = AREAS[H_UNITS[unit].area ?? 'old'].prefix;
  const rest = d.weighted<string>([['', 3], [`${d.int(1, 3)}单元`, 3], [`${d.int(1, 3)}单元${d.int(2, 18)}0${d.int(1, 4)}`, 2]]);
  const at = `${community}${building}栋`;
  const body = d.pick(PLANNING_BODIES)(d, d.chance(0.6) ? at : `${at}${rest}`);
  return order({
    cohort, unit, cat: '规划建设类', path: d.weighted(PLANNING_PATHS), tag, place: community,
    address: `${prefix}${at}${rest}`,
    content: dress(d, body),
  });
}

interface Spot {
  readonly name: string;
  readonly road: boolean;
  readonly prefix: string;
}

const COMMUNITY_TAILS = ['北门', '南门', '东门', '门口', '大门外', '楼下', '附近'];

/** A background order of a unit and category at a spot: content from the templates, address with a place. */
function backgroundOrder(d: Dice, cohort: Cohort, unit: HotlineUnit, cat: HotlineCategory, spot: Spot | null): HOrder {
  const tpl = d.weighted(templatesFor(unit, cat).map((x) => [x, x.w] as const));
  let loc = '';
  let address = '';
  let place = '';
  if (spot !== null && spot.road) {
    const n = d.int(1, 399);
    loc = `${spot.name}${n}号`;
    address = `${spot.prefix}${loc}${d.weighted<string>([['', 5], ['附近', 2], ['门口', 2]])}`;
    place = spot.name;
  } else if (spot !== null) {
    const tail = d.pick(COMMUNITY_TAILS);
    loc = `${spot.name}${tail}`;
    address = `${spot.prefix}${loc}`;
    place = spot.name;
  }
  const body = tpl.body({ d, loc });
  return order({ cohort, unit, cat, path: tpl.path, content: spot === null ? `${body}。` : dress(d, body), address, place });
}

// ---------------------------------------------------------------------------------------------
// Matching rules (as the brief states them), used to check the design
// ---------------------------------------------------------------------------------------------

/** The category words of the default settings, each category with its name without 类. */
export const CATEGORY_WORDS: Readonly<Record<HotlineCategory, readonly string[]>> = {
  噪音类: ['噪音', '噪声', '施工噪音', '商业噪音', '生活噪音', '夜间施工', '高音喇叭', '广场舞'],
  规划建设类: ['规划', '违章搭建', '违法建设', '私搭乱建', '违建', '乱搭乱建', '搭建', '规划建设'],
  占道经营类: ['占道经营', '店外经营', '流动摊贩', '摊贩', '游商', '占道'],
  市政设施类: ['市政设施', '井盖', '路灯', '道路破损', '人行道破损', '下水道', '窨井', '排水'],
  油烟扰民类: ['油烟', '油烟扰民', '餐饮油烟', '烧烤'],
  环卫保洁类: ['环卫', '垃圾', '保洁', '公厕', '清扫', '环卫保洁'],
  广告店招类: ['广告', '店招', '招牌', '横幅', '广告店招'],
  扬尘污染类: ['扬尘', '渣土', '灰尘', '扬尘污染'],
  其他: [],
};

/** Longest word per category; the longest overall wins, ties to the earlier category; path first, then content. */
export function matchCategory(path: string, content: string): HotlineCategory {
  for (const text of [path, content]) {
    let best: HotlineCategory | null = null;
    let bestLen = 0;
    for (const cat of HOTLINE_CATEGORIES) {
      const len = Math.max(0, ...CATEGORY_WORDS[cat].filter((w) => text.includes(w)).map((w) => w.length));
      if (len > bestLen) {
        best = cat;
        bestLen = len;
      }
    }
    if (best !== null) return best;
  }
  return '其他';
}

const FOCUS_WORDS = ['乱开挖', '挖而不围', '随意打围'];

// ---------------------------------------------------------------------------------------------
// Building the orders
// ---------------------------------------------------------------------------------------------

const planCount = (plan: Plan, u: HotlineUnit, c: HotlineCategory): number => plan[u]?.[c] ?? 0;

function spotsOf(unit: HotlineUnit): Spot[] {
  const area = H_UNITS[unit].area;
  const areas = area === null ? ALL_AREAS : [area];
  const out: Spot[] = [];
  for (const a of areas) {
    for (const r of AREAS[a].roads) out.push({ name: r, road: true, prefix: AREAS[a].prefix });
    for (const c of AREAS[a].communities) out.push({ name: c, road: false, prefix: AREAS[a].prefix });
  }
  return out;
}

/** Units whose (consultation) orders carry no address. */
const NO_PLACE: readonly HotlineUnit[] = ['环卫管理科', '行政审批科'];

/**
 * All orders of one cohort: the designed ones, the planned 规划建设类 communities (September), and
 * background orders filling the plan. A place is used at most twice per unit and category (designed
 * orders included), so no group of three forms by accident.
 */
function cohortOrders(d: Dice, cohort: Cohort, plan: Plan, designed: readonly HOrder[]): HOrder[] {
  const mine = designed.filter((o) => o.cohort === cohort);
  const out: HOrder[] = [...mine];
  const used = new Map<string, number>();
  const key = (u: HotlineUnit, c: HotlineCategory, place: string): string => `${u}|${c}|${place}`;
  for (const o of mine) if (o.place !== '') used.set(key(o.unit, o.cat, o.place), (used.get(key(o.unit, o.cat, o.place)) ?? 0) + 1);
  // 规划建设类 by community and building.
  if (cohort === 'sep') {
    for (const [unit, community, n] of SEPTEMBER_PLANNING) {
      const buildings = d.shuffle([...BUILDINGS]);
      for (let i = 0; i < n; i++) out.push(planningOrder(d, cohort, unit, community, buildings[i % buildings.length], 'planning'));
    }
  }
  for (const unit of HOTLINE_UNITS) {
    for (const cat of HOTLINE_CATEGORIES) {
      const have = out.filter((o) => o.unit === unit && o.cat === cat).length;
      const want = planCount(plan, unit, cat);
      if (have > want) throw new Error(`${cohort} ${unit} ${cat}: ${have} designed orders, plan ${want}`);
      if (cat === '规划建设类' && cohort === 'sep') {
        if (have !== want) throw new Error(`September ${unit} 规划建设类: ${have} ≠ ${want}`);
        continue;
      }
      const spots = spotsOf(unit);
      for (let i = have; i < want; i++) {
        if (cat === '规划建设类') {
          // Generic planning complaints: a community of the area and a building not used twice yet.
          const communities = spots.filter((s) => !s.road);
          let made: HOrder | null = null;
          for (let tries = 0; tries < 200 && made === null; tries++) {
            const c = d.pick(communities).name;
            const b = d.pick(BUILDINGS);
            const k = key(unit, cat, `${c}#${b}`);
            if ((used.get(k) ?? 0) >= 2 || (cohort !== 'sep' && (c === '澜湖郡' || c === '海星园'))) continue;
            used.set(k, (used.get(k) ?? 0) + 1);
            made = planningOrder(d, cohort, unit, c, b, '');
          }
          if (made === null) throw new Error(`no building left for ${unit} ${cat}`);
          out.push(made);
          continue;
        }
        if (NO_PLACE.includes(unit)) {
          out.push(backgroundOrder(d, cohort, unit, cat, null));
          continue;
        }
        const free = spots.filter((s) => (used.get(key(unit, cat, s.name)) ?? 0) < 2);
        if (free.length === 0) throw new Error(`no place left for ${cohort} ${unit} ${cat}`);
        const s = d.weighted(free.map((x) => [x, x.road ? 3 : 2] as const));
        used.set(key(unit, cat, s.name), (used.get(key(unit, cat, s.name)) ?? 0) + 1);
        out.push(backgroundOrder(d, cohort, unit, cat, s));
      }
    }
  }
  return out;
}

const HOUR_WEIGHTS: Weighted<number> = [
  [0, 0.3], [6, 0.5], [7, 2], [8, 7], [9, 10], [10, 10], [11, 9], [12, 5], [13, 4], [14, 8], [15, 9], [16, 9], [17, 7],
  [18, 5], [19, 5], [20, 5], [21, 4], [22, 2], [23, 1],
];
const NIGHT_WEIGHTS: Weighted<number> = [[20, 2], [21, 4], [22, 5], [23, 4], [0, 2], [1, 1]];

const DONE_STATUS: Weighted<string> = [['已办结', 60], ['已回访', 18], ['已评价', 8], ['已归档', 7], ['办结', 4], ['已完成', 3]];
const OPEN_STATUS: Weighted<string> = [['办理中', 4], ['待审核', 2], ['已签收', 2], ['待回复', 1]];
const SATISFACTION: Weighted<string> = [['满意', 68], ['基本满意', 18], ['不满意', 5], ['未评价', 9]];
const ORDER_TYPES: Weighted<string> = [['投诉', 72], ['求助', 11], ['举报', 8], ['咨询', 5], ['建议', 4]];
const LIMIT_DAYS: Readonly<Record<string, number>> = { 投诉: 7, 举报: 10, 求助: 5, 咨询: 3, 建议: 10 };
const RETURN_REASONS = [
  '回复不及时，未在规定时间内反馈办理结果', '回复内容未说明具体处理结果', '回复语言不规范', '回复格式不符合要求',
  '办理结果前后矛盾', '缺少政策依据', '引用政策依据错误', '未联系诉求人核实情况', '回复内容逻辑不严谨，标点符号不准确',
  '未答复诉求人提出的全部问题',
];

const T_AS_OF = (): number => wall(2021, 10, 8, 17, 30, 0);
/** No hotline event reaches the cases' as-of time (2021-10-08 17:30): the cutoff is a minute before. */
const CUTOFF = (): number => wall(2021, 10, 8, 17, 29, 0);

function dayStart(x: number): number {
  return x - (x % DAY);
}

/** Receipt times, statuses, deadlines and finish times. */
function schedule(d: Dice, orders: HOrder[]): void {
  const T = T_AS_OF();
  const cut = CUTOFF();
  // In progress: 4 规划建设类 orders (first of each listed community) and 9 others in late September.
  const sep = orders.filter((o) => o.cohort === 'sep');
  for (const c of PLANNING_IN_PROGRESS) {
    const o = sep.find((x) => x.tag === 'planning' && x.place === c);
    if (!o) throw new Error(`no planning order at ${c}`);
    o.inProgress = true;
  }
  const others = d.shuffle(sep.filter((o) => o.tag === '' && o.cat !== '规划建设类' && o.cat !== '其他'));
  for (const o of others.slice(0, 9)) o.inProgress = true;
  // Boundary orders (the first background order of each kind).
  const boundary: [Cohort, number][] = [
    ['aug', wall(2021, 8, 31, 23, 55, 0)], ['sep', wall(2021, 9, 1, 0, 3, 0)], ['sep', wall(2021, 9, 30, 23, 48, 0)], ['oct', wall(2021, 10, 1, 0, 12, 0)],
  ];
  const boundaryOrders = new Set<HOrder>();
  for (const [cohort, at] of boundary) {
    const o = orders.find((x) => x.cohort === cohort && x.tag === '' && !x.inProgress && !boundaryOrders.has(x) && x.fixedAt === null) as HOrder;
    boundaryOrders.add(o);
    o.received = at;
    o.pinned = true;
    o.formats.received = cohort === 'oct' ? 'iso' : 'serial';
  }
  // The late August order (finished three hours after its deadline: 超期 in August).
  const late = orders.find((o) => o.cohort === 'aug' && o.unit === '四中队' && o.tag === '' && !boundaryOrders.has(o)) as HOrder;
  for (const o of orders) {
    o.orderType = d.weighted(ORDER_TYPES);
    if (o.content.startsWith('咨询')) o.orderType = '咨询';
    o.spelling = d.weighted(H_UNITS[o.unit].spellings);
    if (boundaryOrders.has(o)) continue;
    if (o.fixedAt !== null) {
      o.received = o.fixedAt;
      continue;
    }
    const night = o.unit === '夜勤中队';
    if (o.cohort === 'oct') {
      const day = d.int(1, 8);
      const hour = day === 8 ? d.int(8, 14) : d.weighted(night ? NIGHT_WEIGHTS : HOUR_WEIGHTS);
      o.received = wall(2021, 10, day, hour, d.int(0, 59), d.int(0, 59));
      continue;
    }
    const days = o.cohort === 'aug' ? 31 : 30;
    const day = o.inProgress ? d.int(24, 30) : d.int(1, days);
    const hour = d.weighted(night ? NIGHT_WEIGHTS : HOUR_WEIGHTS);
    // Night hours after midnight belong to the same calendar day here (no spill into the next month).
    o.received = wall(2021, o.cohort === 'aug' ? 8 : 9, day, hour, d.int(0, 59), d.int(0, 59));
  }
  for (const o of orders) {
    // October: orders of the last three days are mostly still open at the export.
    if (o.cohort === 'oct') o.inProgress = o.received >= wall(2021, 10, 6) ? d.chance(0.6) : d.chance(0.1);
    const limit = o.inProgress ? 15 : (LIMIT_DAYS[o.orderType] ?? 7);
    o.deadline = dayStart(o.received) + limit * DAY + 18 * HOUR;
    if (o.inProgress) {
      if (o.deadline <= T) throw new Error('an open order must not be overdue at T');
      o.finished = null;
      o.status = d.weighted(OPEN_STATUS);
      o.satisfaction = '';
      continue;
    }
    const end = Math.min(o.deadline - 30 * MIN, cut);
    const span = Math.min(end - o.received, 5 * DAY);
    if (span < 3 * HOUR) {
      // Too late in the export to be finished: still open.
      o.inProgress = true;
      o.finished = null;
      o.status = d.weighted(OPEN_STATUS);
      o.satisfaction = '';
      if (o.cohort !== 'oct') throw new Error(`order of ${o.cohort} cannot be finished in time`);
      continue;
    }
    o.finished = o.received + 2 * HOUR + Math.floor(Math.pow(d.float(), 1.6) * (span - 2 * HOUR));
    o.status = d.weighted(DONE_STATUS);
    o.satisfaction = d.weighted(SATISFACTION);
  }
  late.finished = late.deadline + 3 * HOUR + 17 * MIN;
  late.tag = 'lateAug';
}

/** Returns: per unit, distinct orders returned (a few twice); by the order's unit, whatever the 回退单位 says. */
function assignReturns(d: Dice, orders: HOrder[]): void {
  const pick = (cohort: Cohort, counts: Readonly<Partial<Record<HotlineUnit, number>>>): HOrder[] => {
    const chosen: HOrder[] = [];
    for (const [unit, n] of Object.entries(counts) as [HotlineUnit, number][]) {
      const pool = d.shuffle(orders.filter((o) => o.cohort === cohort && o.unit === unit && o.finished !== null && o.finished - o.received >= 8 * HOUR && o.tag !== 'lateAug'));
      if (pool.length < n) throw new Error(`not enough orders to return for ${unit}`);
      chosen.push(...pool.slice(0, n));
    }
    return chosen;
  };
  const addReturns = (o: HOrder, times: number): void => {
    const finished = o.finished as number;
    const first = o.received + 2 * HOUR + Math.floor(d.float() * (finished - o.received - 4 * HOUR) * 0.5);
    const ats = [first];
    if (times === 2) ats.push(first + HOUR + Math.floor(d.float() * (finished - first - 2 * HOUR)));
    for (const at of ats) {
      o.returns.push(at - (at % 60));
      const def = H_UNITS[o.unit];
      o.returnUnits.push(def.level2 !== '' ? d.weighted<string>([[o.spelling, 5], ['执法直属一大队', 3], [def.level2, 2]]) : o.spelling);
      o.returnReasons.push(d.pick(RETURN_REASONS));
    }
  };
  const sepChosen = pick('sep', SEPTEMBER_RETURNS);
  sepChosen.forEach((o, i) => addReturns(o, i % 7 === 3 ? 2 : 1));
  // One September order returned in October (its first reply came on September 30).
  const octReturn = orders.find((o) => o.cohort === 'sep' && o.unit === '四中队' && !sepChosen.includes(o) && o.tag === '' && !o.inProgress && o.received >= wall(2021, 9, 26) && o.received < wall(2021, 9, 29));
  if (!octReturn) throw new Error('no order for the October return');
  // Replace one of 四中队's chosen orders by it, so that 四中队 keeps 8 returned orders.
  const replaced = sepChosen.find((o) => o.unit === '四中队' && o.returns.length === 1) as HOrder;
  replaced.returns.length = 0;
  replaced.returnUnits.length = 0;
  replaced.returnReasons.length = 0;
  octReturn.deadline = dayStart(octReturn.received) + 12 * DAY + 18 * HOUR;
  octReturn.orderType = '投诉';
  octReturn.finished = wall(2021, 10, 5, 15, 40, 0);
  octReturn.returns.push(wall(2021, 10, 2, 9, 26, 0));
  octReturn.returnUnits.push('执法直属一大队');
  octReturn.returnReasons.push('回复内容未说明具体处理结果');
  pick('aug', AUGUST_RETURNS).forEach((o, i) => addReturns(o, i % 6 === 2 ? 2 : 1));
  // One August order returned in September (counted for August, never for September).
  const augLate = orders.find((o) => o.cohort === 'aug' && o.unit === '三中队' && o.returns.length === 0 && o.finished !== null && o.received >= wall(2021, 8, 29) && o.tag === '');
  if (!augLate) throw new Error('no August order for a September return');
  augLate.deadline = dayStart(augLate.received) + 10 * DAY + 18 * HOUR;
  augLate.orderType = '投诉';
  augLate.finished = wall(2021, 9, 3, 16, 5, 0);
  augLate.returns.push(wall(2021, 9, 1, 10, 12, 0));
  augLate.returnUnits.push(augLate.spelling);
  augLate.returnReasons.push('未联系诉求人核实情况');
}

/** Names and numbers of callers; no caller's name may occur in another order's text (it would be masked there). */
function assignCallers(d: Dice, orders: HOrder[]): void {
  const texts = orders.map((o) => `${o.content}|${o.address}`);
  for (const o of orders) {
    o.phone = callerPhone(d);
    if (o.caller !== '') continue;
    if (d.chance(0.03)) {
      o.caller = '匿名';
      continue;
    }
    for (;;) {
      const name = `${d.pick(SURNAMES)}${d.pick(GIVEN)}`;
      if (!texts.some((x) => x.includes(name))) {
        o.caller = name;
        break;
      }
    }
  }
}

const TIME_FORMATS: Weighted<TimeFormat> = [['serial', 84], ['iso', 7], ['slash', 4], ['cn', 3], ['compact', 2]];

function assignFormats(d: Dice, orders: HOrder[]): void {
  const floorMinute = (x: number): number => x - (x % 60);
  for (const o of orders) {
    if (!o.pinned) o.formats.received = d.weighted(TIME_FORMATS);
    o.formats.deadline = d.weighted<TimeFormat>([['serial', 80], ['iso', 12], ['slash', 4], ['cn', 4]]);
    o.formats.finished = d.weighted<TimeFormat>([['serial', 85], ['iso', 8], ['slash', 4], ['cn', 3]]);
    if (minuteOnly(o.formats.received)) o.received = floorMinute(o.received);
    if (o.finished !== null && minuteOnly(o.formats.finished)) o.finished = floorMinute(o.finished);
  }
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

export interface HotlineOrderView {
  readonly id: string;
  readonly cohort: Cohort;
  readonly unit: HotlineUnit;
  readonly unitKey: string;
  readonly category: HotlineCategory;
  readonly path: string;
  readonly content: string;
  readonly address: string;
  readonly place: string;
  readonly tag: OrderTag;
  readonly repeatOf: string;
  readonly done: boolean;
  readonly received: number;
  readonly deadline: number;
  readonly finished: number | null;
  readonly returns: number;
}

export interface Hotline {
  readonly orders: readonly HotlineOrderView[];
  readonly sheets: readonly { readonly name: string; readonly sheet: XLSX.WorkSheet }[];
  readonly sheetRows: number;
  readonly returnRows: number;
  readonly formatCounts: ReadonlyMap<TimeFormat, number>;
}

export const HOTLINE_SHEET = '12345工单';
export const RETURNS_SHEET = '回退记录';
export const HOTLINE_HEADERS = [
  '工单编号', '市交办时间', '诉求人', '来电号码', '诉求内容', '诉求地址', '一级分类', '二级分类', '三级分类', '承办单位', '办理状态',
  '办理时限', '办结时间', '工单类型', '满意度', '重复工单码',
] as const;
const HOTLINE_WIDTHS = [15, 19, 8, 14, 70, 36, 10, 10, 12, 26, 9, 19, 19, 8, 8, 15];
export const RETURN_HEADERS = ['工单编号', '回退时间', '回退单位', '回退原因'] as const;

function checkDesign(orders: readonly HOrder[]): void {
  const ids = new Set(orders.map((o) => o.id));
  if (ids.size !== orders.length) throw new Error('hotline ids repeat');
  for (const [cohort, plan] of [['aug', AUGUST_PLAN], ['sep', SEPTEMBER_PLAN], ['oct', OCTOBER_PLAN]] as const) {
    for (const u of HOTLINE_UNITS) for (const c of HOTLINE_CATEGORIES) {
      const n = orders.filter((o) => o.cohort === cohort && o.unit === u && o.cat === c).length;
      if (n !== planCount(plan, u, c)) throw new Error(`${cohort} ${u} ${c}: ${n}`);
    }
  }
  const T = T_AS_OF();
  for (const o of orders) {
    const got = matchCategory(o.path.join('/'), o.content);
    if (got !== o.cat) throw new Error(`category of "${o.path.join('/')}" / "${o.content}" is ${got}, meant ${o.cat}`);
    if (FOCUS_WORDS.some((w) => o.content.includes(w) || o.address.includes(w) || o.path.join('/').includes(w))) throw new Error(`focus word in ${o.content}`);
    if (o.received >= T || (o.finished !== null && o.finished >= T)) throw new Error(`hotline event at or after T: ${o.id}`);
    if (o.returns.some((r) => r >= T || r <= o.received || (o.finished !== null && r >= o.finished))) throw new Error(`return time of ${o.id}`);
    const overdue = o.finished !== null ? o.finished > o.deadline : o.deadline < T;
    if (overdue !== (o.tag === 'lateAug')) throw new Error(`overdue ${o.id}`);
    if (o.inProgress !== (o.finished === null)) throw new Error(`status of ${o.id}`);
    const start = o.cohort === 'aug' ? wall(2021, 8, 1) : o.cohort === 'sep' ? wall(2021, 9, 1) : wall(2021, 10, 1);
    const end = o.cohort === 'aug' ? wall(2021, 9, 1) : o.cohort === 'sep' ? wall(2021, 10, 1) : T;
    if (o.received < start || o.received >= end) throw new Error(`received outside its month: ${o.id}`);
  }
  for (const o of orders) {
    if (o.caller.length < 2) continue;
    for (const x of orders) {
      if (x !== o && (x.content.includes(o.caller) || x.address.includes(o.caller)) && o.caller !== '匿名') throw new Error(`caller ${o.caller} named in ${x.id}`);
    }
  }
  const sep = orders.filter((o) => o.cohort === 'sep');
  const planning = sep.filter((o) => o.cat === '规划建设类');
  if (planning.length !== 82 || planning.filter((o) => o.finished !== null).length !== 78) throw new Error('planning topic counts');
  const returned = sep.filter((o) => o.returns.length > 0);
  if (returned.length !== 33) throw new Error(`September returned orders: ${returned.length}`);
}

function buildOrderSheet(orders: readonly HOrder[]): { sheet: XLSX.WorkSheet; rows: number; formatCounts: Map<TimeFormat, number> } {
  const ws: XLSX.WorkSheet = {};
  const put = (r: number, c: number, cell: XLSX.CellObject | null): void => {
    if (cell !== null) ws[XLSX.utils.encode_cell({ r, c })] = cell;
  };
  const s = (v: string): XLSX.CellObject | null => (v === '' ? null : { t: 's', v });
  const formatCounts = new Map<TimeFormat, number>();
  const tc = (x: number | null, f: TimeFormat): XLSX.CellObject | null => {
    if (x === null) return null;
    formatCounts.set(f, (formatCounts.get(f) ?? 0) + 1);
    return timeCell(x, f);
  };
  put(0, 0, { t: 's', v: '12345政务服务便民热线工单明细' });
  HOTLINE_HEADERS.forEach((h, c) => put(1, c, { t: 's', v: h }));
  let r = 2;
  let prev: Cohort = 'aug';
  let sepSeen = 0;
  for (const o of orders) {
    if (o.cohort !== prev) {
      r += o.cohort === 'oct' ? 2 : 1; // the clerk pasted three exports together
      prev = o.cohort;
    }
    if (o.cohort === 'sep' && ++sepSeen === 215) r++;
    const cells: (XLSX.CellObject | null)[] = [
      s(o.id), tc(o.received, o.formats.received), s(o.caller), s(o.phone), s(o.content), s(o.address),
      s(o.path[0]), s(o.path[1]), s(o.path[2]), s(o.spelling), s(o.status), tc(o.deadline, o.formats.deadline),
      tc(o.finished, o.formats.finished), s(o.orderType), s(o.satisfaction), s(o.repeatOf?.id ?? ''),
    ];
    cells.forEach((cell, c) => put(r, c, cell));
    r++;
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: r - 1, c: HOTLINE_HEADERS.length - 1 } });
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: HOTLINE_HEADERS.length - 1 } }];
  ws['!cols'] = HOTLINE_WIDTHS.map((wch) => ({ wch }));
  return { sheet: ws, rows: r, formatCounts };
}

function buildReturnSheet(orders: readonly HOrder[]): { sheet: XLSX.WorkSheet; rows: number } {
  const rows: { id: string; at: number; unit: string; reason: string }[] = [];
  for (const o of orders) o.returns.forEach((at, i) => rows.push({ id: o.id, at, unit: o.returnUnits[i], reason: o.returnReasons[i] }));
  rows.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const ws: XLSX.WorkSheet = {};
  RETURN_HEADERS.forEach((h, c) => (ws[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: h }));
  rows.forEach((x, i) => {
    const r = i + 1;
    ws[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 's', v: x.id };
    ws[XLSX.utils.encode_cell({ r, c: 1 })] = timeCell(x.at, i % 9 === 4 ? 'iso' : 'serial');
    ws[XLSX.utils.encode_cell({ r, c: 2 })] = { t: 's', v: x.unit };
    ws[XLSX.utils.encode_cell({ r, c: 3 })] = { t: 's', v: x.reason };
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: RETURN_HEADERS.length - 1 } });
  ws['!cols'] = [{ wch: 15 }, { wch: 19 }, { wch: 26 }, { wch: 40 }];
  return { sheet: ws, rows: rows.length };
}

/** Builds the 12345 sheets (deterministic). */
export function buildHotline(): Hotline {
  const d = new Dice(mulberry32(0x12345));
  const designed = designedOrders(d);
  const orders = [
    ...cohortOrders(d, 'aug', AUGUST_PLAN, designed),
    ...cohortOrders(d, 'sep', SEPTEMBER_PLAN, designed),
    ...cohortOrders(d, 'oct', OCTOBER_PLAN, designed),
  ];
  d.shuffle(orders);
  schedule(d, orders);
  assignFormats(d, orders);
  orders.sort((a, b) => a.received - b.received);
  // Ids: SZ + yymmdd + a four-digit daily sequence with gaps (the city's other orders share it).
  let day = '';
  let seq = 0;
  for (const o of orders) {
    const p = parts(o.received);
    const ymd = `${String(p.y).slice(2)}${pad(p.mo)}${pad(p.d)}`;
    if (ymd !== day) {
      day = ymd;
      seq = d.int(8, 60);
    } else {
      seq += d.int(3, 40);
    }
    o.id = `SZ${ymd}${pad(seq, 4)}`;
  }
  assignReturns(d, orders);
  assignCallers(d, orders);
  checkDesign(orders);
  const orderSheet = buildOrderSheet(orders);
  const returnSheet = buildReturnSheet(orders);
  const views: HotlineOrderView[] = orders.map((o) => ({
    id: o.id, cohort: o.cohort, unit: o.unit, unitKey: hotlineUnitKey(o.unit), category: o.cat, path: o.path.join('/'), content: o.content,
    address: o.address, place: o.place, tag: o.tag, repeatOf: o.repeatOf?.id ?? '', done: o.finished !== null, received: o.received,
    deadline: o.deadline, finished: o.finished, returns: o.returns.length,
  }));
  return {
    orders: views,
    sheets: [{ name: HOTLINE_SHEET, sheet: orderSheet.sheet }, { name: RETURNS_SHEET, sheet: returnSheet.sheet }],
    sheetRows: orderSheet.rows,
    returnRows: returnSheet.rows,
    formatCounts: orderSheet.formatCounts,
  };
}

// ---------------------------------------------------------------------------------------------
// Expectations
// ---------------------------------------------------------------------------------------------

export interface RepeatGroupExpectation {
  /** `市城管执法直属一大队/三中队`. */
  readonly unit: string;
  readonly category: HotlineCategory;
  /** Finest category level of its orders (the brief's 案件小类). */
  readonly leaf: string;
  readonly place: string;
  readonly ids: readonly string[];
}

export interface HotlineExpectation {
  readonly received: number;
  readonly previous: number;
  readonly overdue: number;
  readonly done: number;
  readonly inProgress: number;
  /** By the 12345-level unit name, in the brief's order. */
  readonly byUnit: readonly (readonly [string, number])[];
  /** By report category, in the settings' order (其他 last). */
  readonly byCategory: readonly (readonly [HotlineCategory, number])[];
  /** Returned orders by second-level unit key (or first level for units without one), in the settings' order. */
  readonly returned: readonly (readonly [string, number])[];
  readonly repeatGroups: readonly RepeatGroupExpectation[];
  /** 十件事 小区内私搭乱建: counts and communities, most frequent first. */
  readonly planningTopic: { readonly received: number; readonly done: number; readonly inProgress: number; readonly communities: readonly (readonly [string, number])[] };
  readonly diggingTopic: number;
}

const BRIEF_UNIT_ORDER = ['执法直属一大队', '市政工程处', '市环卫处', '市火管中队', '中石油天然气公司', '环卫管理科', '行政审批科'];

/** What a correct build gives for the 12345 part of September 2021 (and the August count). */
export function hotlineExpectations(h: Hotline): HotlineExpectation {
  const sep = h.orders.filter((o) => o.cohort === 'sep');
  const count = <K>(xs: readonly K[]): Map<K, number> => {
    const m = new Map<K, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const byLabel = count(sep.map((o) => hotlineUnitLabel(o.unit)));
  const byCat = count(sep.map((o) => o.category));
  const returnedCount = count(sep.filter((o) => o.returns > 0).map((o) => o.unitKey));
  const returned = HOTLINE_UNITS.map(hotlineUnitKey).filter((k) => returnedCount.has(k)).map((k) => [k, returnedCount.get(k) as number] as const);
  const groups: RepeatGroupExpectation[] = (['G1', 'G2', 'G3'] as const).map((g) => {
    const members = sep.filter((o) => o.tag === g);
    return { unit: members[0].unitKey, category: members[0].category, leaf: members[0].path.split('/').pop() as string, place: members[0].place, ids: members.map((o) => o.id) };
  });
  const planning = sep.filter((o) => o.category === '规划建设类');
  const communities = [...count(planning.map((o) => o.place).filter((p) => p !== '')).entries()].sort((a, b) => b[1] - a[1]);
  return {
    received: sep.length,
    previous: h.orders.filter((o) => o.cohort === 'aug').length,
    overdue: 0,
    done: sep.filter((o) => o.done).length,
    inProgress: sep.filter((o) => !o.done).length,
    byUnit: BRIEF_UNIT_ORDER.map((u) => [u, byLabel.get(u) ?? 0] as const),
    byCategory: HOTLINE_CATEGORIES.map((c) => [c, byCat.get(c) ?? 0] as const),
    returned,
    repeatGroups: groups,
    planningTopic: { received: planning.length, done: planning.filter((o) => o.done).length, inProgress: planning.filter((o) => !o.done).length, communities },
    diggingTopic: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// README section
// ---------------------------------------------------------------------------------------------

const FORMAT_NAMES: Record<TimeFormat, string> = {
  serial: '带 yyyy-mm-dd hh:mm:ss 格式的序列数', iso: '文本 2021-09-03 10:22:00', slash: '文本 2021/9/3 10:22', cn: '文本 2021年9月3日 10时22分', compact: '文本 20210903102200',
};

/** The samples/README.md section about the 12345 sheets. */
export function hotlineReadme(h: Hotline): string {
  const e = hotlineExpectations(h);
  const of = (c: Cohort) => h.orders.filter((o) => o.cohort === c);
  const sep = of('sep');
  const tagged = (tag: OrderTag) => h.orders.filter((o) => o.tag === tag);
  const ids = (tag: OrderTag) => tagged(tag).map((o) => o.id).join('、');
  const returnedRows = (c: Cohort) => of(c).reduce((n, o) => n + o.returns, 0);
  const twice = sep.filter((o) => o.returns === 2).length;
  const withPhone = sep.filter((o) => /1[3-9]\d{9}/.test(o.content)).length;
  const withName = sep.filter((o) => /(先生|女士)反映|来电人[\u4e00-\u9fa5]{2,3}反映/.test(o.content)).length;
  const late = tagged('lateAug')[0];
  const spellings = [...new Set(HOTLINE_UNITS.flatMap((u) => H_UNITS[u].spellings.map(([s]) => s.trim())))];
  const squadForms = H_UNITS.三中队.spellings.map(([s]) => s);
  const otherForms = spellings.filter((x) => !/中队$|中队）$/.test(x) || x === '市火管中队' || x === '火管中队');
  // Orders whose content names another category's word (content alone would give another category).
  const contentOtherWord = sep.filter((o) => o.category !== '其他' && matchCategory('', o.content) !== o.category && matchCategory('', o.content) !== '其他').length;
  const formatOrder: TimeFormat[] = ['serial', 'iso', 'slash', 'cn', 'compact'];
  const g = e.repeatGroups;
  const planningPlaces = e.planningTopic.communities.map(([c, n]) => `${c} ${n}`).join('、');
  const formats = formatOrder.map((f) => `${FORMAT_NAMES[f]} ${h.formatCounts.get(f) ?? 0} 个`).join('，');
  return `## 12345：表 \`${HOTLINE_SHEET}\` 与 \`${RETURNS_SHEET}\`

由 \`scripts/hotline-sample.ts\` 生成（\`generate-sample.ts\` 把两张表加在案件表之后，案件表内容不变）。

- \`${HOTLINE_SHEET}\`：第 1 行为合并的标题“12345政务服务便民热线工单明细”，第 2 行为表头（${HOTLINE_HEADERS.length} 列：${HOTLINE_HEADERS.join('、')}），其后为工单行，按市交办时间排序：8月 ${of('aug').length} 件，空 1 行，9月 ${sep.length} 件（第 215 件前再空 1 行），空 2 行，10月1日至8日 ${of('oct').length} 件。没有合计行。
- 工单编号是文本：\`SZ\` + 年月日 + 4 位当日流水（如 ${g[0].ids[0]}）。时间格式混杂：${formats}；全部是北京时间的墙上时间。办理时限都在 18:00:00。
- 诉求人、来电号码都是虚构的（约 3% 为“匿名”，约 8% 为 0818 座机）。诉求人的姓名不会出现在别的工单的诉求内容或地址里（产品用诉求人列遮盖姓名时不会误伤地名）。
- 承办单位写法 ${spellings.length} 种。一大队的工单都写到中队，如 ${squadForms.join('、')}（一级写法 + 中队名，或只写中队名；空格与全角括号在比对前去掉）；其他单位写作 ${otherForms.join('、')}。市政工程处、市环卫处只写一级。按默认设置都能归到单位，12345 层面的名称取一级单位的 hotlineName（执法直属一大队、市火管中队），没有 hotlineName 的用其名称。
- 分类三级（一级/二级/三级，如 \`城乡建设/城市管理/其他噪音\`、\`生态环境/大气污染/油烟扰民\`），报表类别按规则从路径匹配，路径匹配不到再看诉求内容。
- \`${RETURNS_SHEET}\`：表头在第 1 行（${RETURN_HEADERS.join('、')}），一次回退一行，共 ${h.returnRows} 行：9月工单 ${returnedRows('sep')} 行（${e.returned.reduce((n, [, c]) => n + c, 0)} 件工单，其中 ${twice} 件回退两次），8月工单 ${returnedRows('aug')} 行。

### 9月（统计时点同案件：T = 2021-10-08 17:30:00）

- 受理 ${e.received} 件，上期（8月）${e.previous} 件，较上期增加 ${e.received - e.previous} 件；已办结 ${e.done} 件、正在办理 ${e.inProgress} 件；超期 0 件：办结的都在办理时限之前办结，未办结的 ${e.inProgress} 件办理时限都晚于 T（最早 ${isoOf(Math.min(...sep.filter((o) => !o.done).map((o) => o.deadline)))}）。所有 12345 时间（交办、办结、回退）都早于 T，不影响案件表的统计时点。
- 部门：${e.byUnit.map(([u, n]) => `${u} ${n}`).join('，')}（一大队按中队：${(['一中队', '二中队', '三中队', '四中队', '五中队', '夜勤中队'] as const).map((u) => `${u} ${sep.filter((o) => o.unit === u).length}`).join('，')}）。
- 类别：${e.byCategory.map(([c, n]) => `${c} ${n}`).join('，')}（噪音类占 ${((e.byCategory[0][1] / e.received) * 100).toFixed(0)}%）。
- 回退 33 件（按工单的承办单位计）：${e.returned.map(([u, n]) => `${u.replace('市城管执法直属一大队/', '')} ${n}`).join('，')}。
- 热难点（同一承办中队、同一地点、同一类别且内容相近，或以重复工单码相连，达到 3 件）恰好 3 个，都在三中队：
  1. 其他噪音，宏升国际小区对面天祥门窗店烧电焊、切割（${g[0].ids.length} 件：${g[0].ids.join('、')}；最后一件措辞不同、地址只写“宏升国际对面”，重复工单码指向第一件）；
  2. 规划，海星园1栋3楼4号三楼平台搭建房屋（${g[1].ids.length} 件：${g[1].ids.join('、')}；第三件地址只写“通川区龙泉路”，内容不提海星园，靠重复工单码归组）；
  3. 规划，澜湖郡S3-2-1至6号商户顶部封顶（${g[2].ids.length} 件：${g[2].ids.join('、')}；其中一件写 S3-2-3号，与 S3-2-1至6号 相容）。
- 十件事“小区内私搭乱建”（规划建设类）：受理 ${e.planningTopic.received}，已办结 ${e.planningTopic.done}，正在办理 ${e.planningTopic.inProgress}；地址中的小区及件数：${planningPlaces}（另有一件只写“通川区龙泉路”）。前十位件数严格递减，其余都少于第十位，所以“涉及小区”为 江湾城、澜湖郡、清华园、中梁首府、天誉誉府、仁和春天、中迪、时尚家苑、四季花城、体育佳苑等。82 件工单要让前十位严格递减（至少 3+4+…+12 = 75 件）并让海星园排在第十位之后，海星园最多只能有 2 件写明小区名，因此热难点 2 的第三件地址只写路名。
- 十件事“乱开挖、挖而不围、随意打围”：12345 受理 0 件（任何工单的路径、内容、地址都不含这些字样）。

### 8月（上期）与 10月

- 8月 ${e.previous} 件；1 件超期（${late.id}，办结时间晚于办理时限 3 小时，四中队；T = 2021-09-08 17:30 时算出）；回退 ${of('aug').filter((o) => o.returns > 0).length} 件；有一个热难点：四中队，油烟扰民，莲湖小区门口巴山烧烤店（${ids('augGroup')}）。
- 10月1日至8日 ${of('oct').length} 件（国庆），较晚交办的多数尚未办结，办理时限都晚于 T。

### 12345 的陷阱

1. **统计期边界**：2021-08-31 23:55:00 的工单属 8 月；2021-09-01 00:03:00 与 2021-09-30 23:48:00 属 9 月；2021-10-01 00:12:00（文本）属 10 月。
2. **回退按工单计、按工单的承办单位计**：“回退单位”列常写“执法直属一大队”或只写中队名，按它统计会得到别的数字；${twice} 件 9 月工单回退两次（按行数数是 ${returnedRows('sep')}）；一件 9 月工单 10 月 2 日才被回退，仍算 9 月；一件 8 月工单 9 月 1 日被回退，不算 9 月（9 月日期的回退行也因此不等于 9 月的回退件数）。
3. **类别先看路径**：路径里匹配到词就不看内容（9 月有 ${contentOtherWord} 件工单只看内容会归到另一个类别），例如 \`生态环境/噪声污染/商业噪音\` 的内容“用喇叭循环播放促销广告”（广告）、\`生态环境/大气污染/油烟扰民\` 的内容“油烟很大，排风机的噪音也很大”（油烟与噪音一样长，只看内容会按先后归入噪音类）、\`城乡建设/城市管理/户外广告\` 的内容“在行道树和路灯杆上悬挂横幅”（路灯）、占道经营工单内容里的“烧烤店”（烧烤）。\`城乡建设/环境卫生/…\` 不含“环卫”二字，靠生活垃圾、公厕、清扫等词；\`城乡建设/规划管理/违章搭建\` 两个词同属规划建设类。路径只有“其他”“共享单车”“露天焚烧”等的 59 件，路径和内容都不含任何类别的词，归入其他。
4. **同一地点要看楼栋门牌**：9 月三中队在澜湖郡另有 8 件规划建设类工单：11栋 2 件、1栋、5栋、7栋各 1 件，内容都是楼顶搭建彩钢棚（措辞相近，只有楼栋号不同：5栋与11栋冲突，1栋与11栋也冲突，不能按文本包含比较）；另有 3 件不写楼栋（车库改住房、绿地种菜围挡、消防通道旁砌储物间），内容与其他工单都不相近。江湾城 12 件、清华园 10 件、中梁首府 9 件……都分在不同楼栋（每栋至多 2 件）。不看楼栋号、或把“1栋”当成“11栋”的一部分，都会凑出假的热难点。
5. **不同承办单位不是一组**：天祥门窗店还有 1 件夜间交给夜勤中队（${ids('trapA')}），不能并入三中队那组（否则为 5 件）；凤凰大道168号一家酒吧二中队 2 件、夜勤中队 1 件（${ids('trapB')}），按一级单位合并就会凑成 3 件。
6. **只有两件的不算**：人民路57号菜贩占道（一中队 2 件，${ids('pair1')}）、金龙花园楼下火锅店油烟（三中队 2 件，${ids('pair2')}），以及若干同一小区门口同类的两件。
7. **重复工单码指向上月的工单**：来凤路86号麻将馆 9 月两件（${ids('trapC')}），其中一件的重复工单码指向 8 月的工单 ${ids('trapCAug')}；只数本期的工单，是 2 件，不是热难点。
8. **个人信息**：诉求人、来电号码两列不得出现在任何输出中；9 月有 ${withPhone} 件的诉求内容含手机号（“联系电话1xxxxxxxxxx”），${withName} 件含“某先生/女士反映”或“来电人某某反映”，热难点工单里也有（宏升国际那组、海星园那组、澜湖郡那组），写热难点描述时必须遮盖。
9. **办理状态**：已办结、已回访、已评价、已归档、办结、已完成算已办结；办理中、待审核、已签收、待回复算正在办理。
10. **超期**：没有超期列，按办结时间与办理时限比较，未办结的按 T 比较。12345 的时间都早于案件表的 T，未办结工单的办理时限都在 10 月 9 日以后，所以 9 月超期为 0；8 月那件是办结晚于时限，与 T 无关。
`;
}

function isoOf(x: number): string {
  const p = parts(x);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

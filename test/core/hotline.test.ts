import assert from 'node:assert/strict';
import {
  areNumbersCompatible,
  buildMonthlyReport,
  createCategoryMatcher,
  createPlaceFinder,
  defaultSettings,
  describeOrder,
  maskPersonalInfo,
  type BuildResult,
  type OrderRecord,
  type SheetGrid,
} from '../../src/core/index.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { order, orderSheet, type OrderRow } from '../helpers/order-sheet.ts';

const builtAt = '2021-10-11 09:00';
const build = (rows: readonly OrderRow[], extra: Parameters<typeof buildMonthlyReport>[0] = []): BuildResult =>
  buildMonthlyReport([caseSheet([closedCase()]), orderSheet(rows), ...extra], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
const grid = (result: BuildResult, suffix: string): SheetGrid => result.reportSheets.find((sheet) => sheet.name.endsWith(suffix)) as SheetGrid;
const allText = (result: BuildResult) => result.sheetsToWrite.flatMap((sheet) => sheet.cells.flatMap((row) => row.map((cell) => String(cell?.value ?? '')))).join('\n');

describe('createCategoryMatcher', () => {
  const match = createCategoryMatcher(defaultSettings.hotlineCategories);

  it('matches the category path before the content', () => {
    assert.equal(match('城乡建设/城市管理/噪音污染', '门口摆摊占道经营'), '噪音类');
    assert.equal(match('城乡建设/城市管理/其他', '门口摆摊占道经营'), '占道经营类');
  });

  it('does not let a short word of one category capture another category\'s orders', () => {
    assert.equal(match('生态环境/大气污染/油烟扰民', ''), '油烟扰民类');
    assert.equal(match('城乡建设/城市管理/其他', '楼下烧烤店油烟扰民，噪音也大'), '油烟扰民类');
    assert.equal(match('城乡建设/城市管理/其他噪音', ''), '噪音类');
  });

  it('puts an order that matches nothing under 其他', () => {
    assert.equal(match('城乡建设/城市管理/其他', '咨询办事流程'), '其他');
  });
});

describe('places', () => {
  const find = createPlaceFinder(defaultSettings.knownCommunities);
  const first = (text: string) => find(text)[0];

  it('finds a known 小区 with its building and door number', () => {
    assert.deepEqual(first('通川区龙泉路海星园1栋3楼4号'), { name: '海星园', kind: 'community', number: ['1', '3', '4'] });
    assert.deepEqual(first('西外澜湖郡S3-2-1至6号商户'), { name: '澜湖郡', kind: 'community', number: ['S3', '2', '1至6'] });
  });

  it('finds an unknown 小区 by its ending, without the district and road before it', () => {
    assert.equal(first('通川区朝阳东路金色家园5栋')?.name, '金色家园');
    assert.deepEqual(first('达州市通川区翠屏路锦绣花园11栋')?.number, ['11']);
  });

  it('falls back to a road with its door number', () => {
    assert.deepEqual(first('通川区朝阳东路88号门口'), { name: '朝阳东路', kind: 'road', number: ['88'] });
  });

  it('does not read a sub-district (街道) as a street, and prefers the road with a door number', () => {
    assert.deepEqual(first('通川区西城街道荷叶街12号'), { name: '荷叶街', kind: 'road', number: ['12'] });
    assert.deepEqual(first('东城街道朝阳路口金龙大道88号'), { name: '金龙大道', kind: 'road', number: ['88'] });
  });

  it('does not take 城区, 城管 or 政府 for a 小区', () => {
    assert.equal(find('老城区城管局门口').filter((place) => place.kind === 'community').length, 0);
    assert.equal(find('市政府旁').filter((place) => place.kind === 'community').length, 0);
  });

  it('judges building numbers: 5栋 and 11栋 conflict, S3-2 and S3-2-3号 agree, a range holds its members, a missing number agrees with all', () => {
    assert.equal(areNumbersCompatible(['5'], ['11']), false);
    assert.equal(areNumbersCompatible(['S3', '2'], ['S3', '2', '3']), true);
    assert.equal(areNumbersCompatible(['S3', '2', '1至6'], ['S3', '2', '3']), true);
    assert.equal(areNumbersCompatible(['S3', '2', '1至6'], ['S3', '2', '7']), false);
    assert.equal(areNumbersCompatible([], ['5']), true);
  });
});

describe('maskPersonalInfo', () => {
  it('masks mobile and landline numbers, id-card numbers and names', () => {
    const masked = maskPersonalInfo('张先生（电话13812345678，座机0818-2345678）反映，来电人：李四称楼上噪音，身份证513001199001011234', new Set(['王建国']));
    assert.ok(!/1381234|2345678|513001/.test(masked), masked);
    assert.ok(!masked.includes('张先生') && !masked.includes('李四'), masked);
  });

  it('masks the caller names given, wherever they occur', () => {
    assert.equal(maskPersonalInfo('我是王建国，门口占道', new Set(['王建国'])), '我是***，门口占道');
  });

  it('leaves ordinary text alone', () => {
    assert.equal(maskPersonalInfo('海星园1栋3楼4号平台搭建房子'), '海星园1栋3楼4号平台搭建房子');
  });
});

describe('12345 figures in a build', () => {
  it('counts orders by unit at the 12345 level, by category and returned by second-level unit, and they reconcile', () => {
    const result = build([
      order(),
      order({ 承办单位: '市城管执法直属一大队一中队', 回退次数: 1 }),
      order({ 承办单位: '市政工程处', 三级分类: '路灯不亮', 回退次数: 2 }),
      order({ 承办单位: '市火管中队', 三级分类: '其他', 诉求内容: '咨询' }),
      order({ 受理时间: '2021-08-31 23:00' }),
    ]);
    const hotline = result.hotline;
    assert.ok(hotline);
    assert.equal(hotline.received, 4);
    assert.deepEqual(hotline.byUnit, [
      { name: '执法直属一大队', count: 2 },
      { name: '市政工程处', count: 1 },
      { name: '市火管中队', count: 1 },
    ]);
    assert.equal(hotline.byCategory.find((category) => category.name === '市政设施类')?.count, 1);
    assert.deepEqual(hotline.returnsByUnit, [
      { name: '一中队', count: 1 },
      { name: '市政工程处', count: 1 },
    ]);
    assert.ok(result.reconciliation.every((check) => check.ok), JSON.stringify(result.reconciliation.filter((check) => !check.ok)));
  });

  it('reads returns from a returns sheet, counting an order returned twice once', () => {
    const first = order();
    const returns = { name: '回退记录', rows: [['工单编号', '回退时间', '回退原因'], [first.工单编号 ?? '', '2021-09-11', '答复不规范'], [first.工单编号 ?? '', '2021-09-12', '仍不规范']] };
    const result = build([first, order()], [returns]);
    assert.equal(result.hotline?.returned, 1);
  });

  it('counts an order overdue by its overdue column, its finish time, or open past its deadline at the as-of time', () => {
    const result = build([
      order({ 办结时间: '2021-09-16 10:00' }),
      order({ 办理状态: '办理中', 办结时间: null, 办理时限: '2021-10-01 00:00' }),
      order({ 办理状态: '办理中', 办结时间: null, 办理时限: '2021-10-09 00:00' }),
    ]);
    assert.equal(result.hotline?.overdue, 2);
  });

  it('says how the month compares with the previous one recorded in the history', () => {
    const august = buildMonthlyReport([orderSheet([order({ 受理时间: '2021-08-10 09:00' })])], { period: '2021-08', builtAt });
    const history = august.sheetsToWrite.find((sheet) => sheet.role === 'history') as SheetGrid;
    const raw = { name: history.name, rows: history.cells.map((row) => row.map((cell) => cell?.value ?? null)) };
    const september = build([order(), order(), order()], [raw]);
    assert.match(String(grid(september, '12345受理').cells[1][0]?.value), /较上期增加2件/);
  });

  describe('repeat problems (热难点)', () => {
    const noise = (overrides: OrderRow = {}) =>
      order({ 三级分类: '其他噪音', 诉求地址: '通川区西外宏升国际小区对面天祥门窗店', 诉求内容: '宏升国际小区对面天祥门窗店每天烧电焊切割材料，噪音很大。', ...overrides });

    it('groups three orders about one problem at one place, whatever the wording', () => {
      const result = build([
        noise(),
        noise({ 诉求内容: '天祥门窗店烧电焊和切割材料产生噪音，影响休息。' }),
        noise({ 诉求内容: '小区对面门窗店切割材料噪音扰民严重。' }),
        order(),
      ]);
      assert.equal(result.hotline?.repeatGroups.length, 1);
      assert.equal(result.hotline?.repeatGroups[0].orders.length, 3);
      assert.equal(result.hotline?.repeatGroups[0].subCategory, '其他噪音');
    });

    it('does not group two alike orders (below the threshold)', () => {
      assert.equal(build([noise(), noise()]).hotline?.repeatGroups.length, 0);
    });

    it('keeps complaints about different buildings of one 小区 apart, even through an order without a number', () => {
      const shed = (building: string) =>
        order({ 三级分类: '违章搭建', 诉求地址: `通川区西外澜湖郡${building}`, 诉求内容: `澜湖郡${building}楼顶有人搭建彩钢棚，违章搭建。` });
      const rows = ['5栋', '11栋', '7栋', '9栋', '2栋', ''].map(shed);
      assert.equal(build(rows).hotline?.repeatGroups.length, 0);
    });

    it('keeps the same complaint to two different units apart', () => {
      assert.equal(build([noise(), noise(), noise({ 承办单位: '执法直属一大队二中队' })]).hotline?.repeatGroups.length, 0);
    });

    it('groups orders linked by a repeat-of column whatever their text', () => {
      const first = order({ 诉求内容: '第一次反映' });
      const result = build([first, order({ 诉求内容: '完全不同的说法', 重复工单码: first.工单编号 }), order({ 诉求内容: '又一次', 重复工单码: first.工单编号, 诉求地址: '' })]);
      assert.equal(result.hotline?.repeatGroups.length, 1);
    });

    it('groups orders grouped by hand in the flags sheet', () => {
      const rows = [order({ 诉求内容: '甲' }), order({ 诉求内容: '乙', 诉求地址: '' }), order({ 诉求内容: '丙', 诉求地址: '凤凰山' })];
      const flags = { name: '标记', rows: [['编号', '标记', '分组'], ...rows.map((row) => [row.工单编号 ?? '', '热难点确认', 'A'])] };
      assert.equal(build(rows, [flags]).hotline?.repeatGroups.length, 1);
    });

    it('writes one readable, masked description per problem with its unit, sub-category and count', () => {
      const result = build([noise({ 诉求内容: '张先生来电反映：宏升国际小区对面天祥门窗店烧电焊，电话13812345678，请处理。' }), noise(), noise()]);
      const rows = grid(result, '热难点').cells.map((row) => row.map((cell) => cell?.value ?? null));
      const problem = rows.find((row) => row[2] === '其他噪音');
      assert.ok(problem);
      assert.deepEqual([problem[0], problem[1], problem[4]], ['执法直属一大队', '三中队', 3]);
      assert.match(String(problem[3]), /天祥门窗店/);
    });
  });

  it('never writes a caller name or phone number into any generated sheet', () => {
    const result = build([
      order({ 诉求人: '赵红梅', 来电号码: '15887654321', 诉求内容: '我是赵红梅，电话15887654321，楼下烧烤油烟扰民。', 三级分类: '油烟扰民', 诉求地址: '通川区江湾城3栋' }),
      order({ 诉求人: '赵红梅', 来电号码: '15887654321', 诉求内容: '赵红梅再次反映江湾城3栋楼下烧烤油烟，联系电话15887654321', 三级分类: '油烟扰民', 诉求地址: '通川区江湾城3栋' }),
      order({ 诉求人: '赵红梅', 来电号码: '15887654321', 诉求内容: '江湾城3栋楼下烧烤店油烟太大，赵红梅', 三级分类: '油烟扰民', 诉求地址: '通川区江湾城3栋' }),
    ]);
    assert.equal(result.hotline?.repeatGroups.length, 1);
    const text = allText(result);
    assert.ok(!text.includes('赵红梅'), 'caller name leaked');
    assert.ok(!text.includes('15887654321'), 'phone number leaked');
  });

  it('counts focus topics: orders by category and words, cases by sub-type and words, with the 小区 most frequent first', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => order({ 三级分类: '违章搭建', 诉求地址: '通川区江湾城', 诉求内容: '江湾城私搭乱建' })),
      ...Array.from({ length: 2 }, () => order({ 三级分类: '违章搭建', 诉求地址: '通川区清华园', 诉求内容: '清华园私搭乱建', 办理状态: '办理中' })),
    ];
    const cases = caseSheet([closedCase({ 小类: '道路开挖', 问题描述: '金龙大道人行道上施工作业未设围档。' }), closedCase()]);
    const result = buildMonthlyReport([cases, orderSheet(rows)], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
    const [building, digging] = result.topics;
    assert.deepEqual([building.orders.received, building.orders.done, building.orders.inProgress], [5, 3, 2]);
    assert.deepEqual(building.orders.places, ['江湾城', '清华园']);
    assert.deepEqual([digging.orders.received, digging.cases.received, digging.cases.done], [0, 1, 1]);
    assert.deepEqual(digging.cases.descriptions, ['金龙大道人行道上施工作业未设围档。']);
  });

  it('writes the 12345 sheet with a column chart of units and a pie chart of categories labelled with name and percentage', () => {
    const sheet = grid(build([order(), order({ 承办单位: '市政工程处' })]), '12345受理');
    assert.deepEqual(
      sheet.charts?.map((chart) => [chart.type, chart.labels]),
      [
        ['column', 'value'],
        ['pie', 'categoryAndPercent'],
      ],
    );
    const pie = sheet.charts?.[1];
    assert.ok(pie);
    assert.equal(sheet.cells[pie.categories.row][0]?.value, '噪音类');
  });
});

describe('describeOrder', () => {
  const record = (content: string): OrderRecord => ({
    sheet: '12345工单',
    row: 3,
    orderId: 'SZ1',
    receivedAt: 0,
    unitText: '',
    unit: null,
    categoryPath: '',
    categoryLeaf: '',
    content,
    address: '',
    status: '',
    done: true,
    deadline: null,
    finishedAt: null,
    overdue: null,
    returnCount: 0,
    orderType: '',
    repeatOf: '',
  });

  it('drops a masked contact phrase instead of leaving *** in the description', () => {
    assert.equal(describeOrder(record('门窗店烧电焊噪音扰民，联系电话13812345678。'), new Set()), '门窗店烧电焊噪音扰民。');
  });

  it('trims the caller boilerplate and the closing request', () => {
    assert.equal(describeOrder(record('市民来电反映：楼下烧烤油烟很大，请相关部门尽快处理。'), new Set()), '楼下烧烤油烟很大。');
  });
});

describe('row heights', () => {
  it('gives a row of long wrapped text the height of its lines, and leaves one-line rows alone', () => {
    const long = '宏升国际小区对面天祥门窗店每天从早到晚烧电焊、切割铝合金和不锈钢材料，噪音很大，严重影响附近居民的休息和孩子学习，多次协商无果。';
    const noise = (content: string) => order({ 三级分类: '其他噪音', 诉求地址: '通川区西外宏升国际小区对面天祥门窗店', 诉求内容: content });
    const result = buildMonthlyReport([caseSheet([closedCase()]), orderSheet([noise(long), noise(long), noise(long)])], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' });
    const sheet = result.reportSheets.find((grid) => grid.name.endsWith('热难点')) as SheetGrid;
    const row = sheet.cells.findIndex((cells) => cells[2]?.value === '其他噪音');
    const width = sheet.colWidths[3];
    assert.ok(String(sheet.cells[row][3]?.value).length * 2 > width, 'the description is wider than its column');
    assert.ok((sheet.rowHeights?.[row] ?? 0) >= 30, `row height ${sheet.rowHeights?.[row]}`);
    assert.equal(sheet.rowHeights?.[0] ?? null, null, 'the title row keeps the default height');
  });
});

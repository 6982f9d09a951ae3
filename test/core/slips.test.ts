/**
 * The slips that data nobody here wrote has shown (issue 7, part 3), one class per describe. Each
 * test failed on the code before the fix; they use only the core's door and the test helpers.
 */
import assert from 'node:assert/strict';
import { areNumbersCompatible, buildMonthlyReport, createPlaceFinder, printedRows, readSettingsSheet, settingsToGrid, type BuildResult, type CellValue, type RawSheet, type Settings, type SheetGrid } from '../../src/core/index.ts';
import { caseHeaders, caseSheet, closedCase, type CaseRow } from '../helpers/case-sheet.ts';
import { order, orderHeaders, orderSheet, type OrderRow } from '../helpers/order-sheet.ts';

const builtAt = '2021-10-11 09:00';

/** The settings a workbook's 月报设置 sheet holds after the first build (whatever that build chose). */
function settingsOf(result: BuildResult): Settings {
  const grid = result.sheetsToWrite.find((sheet) => sheet.role === 'settings');
  return grid ? readSettingsSheet(gridToRaw(grid)).settings : result.settings;
}

function gridToRaw(grid: SheetGrid): RawSheet {
  return { name: grid.name, rows: grid.cells.map((row) => row.map((cell) => (cell ? cell.value : null))) };
}

function sheetRows(result: BuildResult, suffix: string): string[][] {
  const grid = result.reportSheets.find((sheet) => sheet.name.endsWith(suffix));
  assert.ok(grid, suffix);
  return printedRows(grid);
}

describe('slip: building and door numbers written as ranges', () => {
  const spellings = ['1至6号', '1号至6号', '1-6号', '1~6号', '1号-6号', '1到6号'];
  const find = createPlaceFinder(['澜湖郡']);
  const numberOf = (address: string) => find(address)[0]?.number ?? [];

  for (const spelling of spellings) {
    it(`reads ${spelling} as a range that holds 3号 and not 8号`, () => {
      const range = numberOf(`澜湖郡S3-2-${spelling}门面`);
      assert.ok(areNumbersCompatible(range, numberOf('澜湖郡S3-2-3号')), JSON.stringify(range));
      assert.ok(!areNumbersCompatible(range, numberOf('澜湖郡S3-2-8号')), JSON.stringify(range));
    });
  }

  it('keeps a hyphen between levels a level, not a range: S3-2-8号 and S3-2-3号, 5-2号 and 5-3号, A1-3号 and A1-2号 are different places', () => {
    for (const [left, right] of [['S3-2-8号', 'S3-2-3号'], ['5-2号', '5-3号'], ['A1-3号', 'A1-2号']]) {
      assert.ok(!areNumbersCompatible(numberOf(`澜湖郡${left}`), numberOf(`澜湖郡${right}`)), `${left} / ${right}`);
    }
  });

  it('reads a list 1、2、3号 as holding each of its numbers and no other', () => {
    const list = numberOf('澜湖郡5栋1、2、3号门面');
    assert.ok(areNumbersCompatible(list, numberOf('澜湖郡5栋2号')), JSON.stringify(list));
    assert.ok(!areNumbersCompatible(list, numberOf('澜湖郡5栋5号')), JSON.stringify(list));
  });

  it('keeps every order of one repeat problem in its group whatever spelling of the range each uses', () => {
    const orders: OrderRow[] = [...spellings, '3号', '1、2、3号'].map((spelling) =>
      order({ 诉求内容: `澜湖郡S3-2-${spelling}门面业主在露天区域违规搭建雨棚，请处理。`, 诉求地址: `通川区澜湖郡S3-2-${spelling}`, 三级分类: '违章搭建' }),
    );
    const result = buildMonthlyReport([caseSheet([closedCase()]), orderSheet(orders)], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
    const groups = result.hotline?.repeatGroups ?? [];
    assert.equal(groups.length, 1);
    assert.equal(groups[0].orders.length, orders.length);
  });
});

describe('slip: focus topics tolerate the common wrong characters of their words', () => {
  function topicSettings(): Settings {
    const first = buildMonthlyReport([caseSheet([closedCase()])], { period: '2021-09', builtAt });
    const settings = settingsOf(first);
    return {
      ...settings,
      focusTopics: [{ name: '乱开挖、挖而不围、随意打围', caseSubTypes: ['施工工地围挡'], caseWords: ['未设围挡'], orderCategories: [], orderWords: ['随意打围', '围挡'] }],
    };
  }

  it('counts cases whose 小类 or description write 围档 for 围挡, and orders that write 搭围 for 打围', () => {
    const cases = [closedCase({ 小类: '施工工地围档' }), closedCase({ 问题描述: '道路施工现场未设围档。' }), closedCase({ 小类: '店外经营' })];
    const orders = [order({ 诉求内容: '小区门口有人随意搭围施工。' }), order({ 诉求内容: '工地围當倒了。' }), order({ 诉求内容: '门口占道经营。' })];
    const result = buildMonthlyReport([caseSheet(cases), orderSheet(orders)], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt, settings: topicSettings() });
    const topic = result.topics[0];
    assert.equal(topic.cases.received, 2);
    assert.equal(topic.orders.received, 2);
  });
});

describe('slip: focus topics match the national standard’s 小类 names for their problem', () => {
  const digging = [closedCase({ 小类: '无证掘路' }), closedCase({ 小类: '施工占道' }), closedCase({ 小类: '道路破损' }), closedCase({ 小类: '店外经营' })];

  it('counts the standard’s road-digging 小类 in 乱开挖、挖而不围、随意打围, for the reference city and for a city learned from its data', () => {
    for (const unit of ['一中队', '江北区城管局']) {
      const result = buildMonthlyReport([caseSheet(digging.map((row) => ({ ...row, 处置部门: unit })))], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
      const topic = result.topics.find((figure) => figure.topic.name === '乱开挖、挖而不围、随意打围');
      assert.ok(topic, unit);
      assert.equal(topic.cases.received, 3, unit);
    }
  });

  it('lists the standard’s 事件 小类 with their codes in the settings sheet, for the clerk writing a topic', () => {
    const result = buildMonthlyReport([caseSheet([closedCase()])], { period: '2021-09', builtAt });
    const grid = result.sheetsToWrite.find((sheet) => sheet.role === 'settings');
    assert.ok(grid);
    const rows = grid.cells.map((row) => row.map((cell) => cell?.value ?? null));
    assert.ok(rows.some((row) => row[1] === '施工管理' && row[2] === '0305' && row[3] === '无证掘路'));
    assert.ok(rows.some((row) => row[1] === '街面秩序' && row[3] === '店外经营'));
  });
});

describe('slip: never-dispatched cases need no unit', () => {
  const neverDispatched: CaseRow[] = [
    closedCase({ 处置部门: '', 是否自行处置: '是', 派遣时间: null }),
    closedCase({ 处置部门: '', 当前阶段: '不予受理', 受理时间: null, 立案时间: null, 派遣时间: null, 处置完成时间: null, 结案时间: null }),
    closedCase({ 处置部门: '', 当前阶段: '不予立案', 立案时间: null, 派遣时间: null, 处置完成时间: null, 结案时间: null }),
    closedCase({ 处置部门: '', 当前阶段: '作废', 派遣时间: null, 处置完成时间: null, 结案时间: null }),
  ];

  it('gives an empty unit on a self-disposed, not accepted, not filed or voided case neither a warning nor a row', () => {
    const result = buildMonthlyReport([caseSheet([closedCase(), ...neverDispatched])], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
    const unitWarnings = result.warnings.filter((warning) => warning.kind === 'unknownUnit' || warning.kind === 'missingUnit');
    assert.deepEqual(unitWarnings, []);
    const rows = sheetRows(result, '部门处置');
    assert.ok(!rows.some((cells) => cells.some((cell) => cell.includes('未填'))), JSON.stringify(rows));
    assert.equal(result.statistics.total.reported, 5);
    assert.equal(result.statistics.total.selfDisposed, 1);
  });

  it('shows a row of all zeros only for a configured unit, never for a unit seen only on a self-disposed case', () => {
    const first = buildMonthlyReport([caseSheet([closedCase()])], { period: '2021-09', builtAt });
    const settings = settingsOf(first);
    const result = buildMonthlyReport([caseSheet([closedCase(), closedCase({ 处置部门: '某物业公司', 是否自行处置: '是', 派遣时间: null })])], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt, settings });
    const rows = sheetRows(result, '部门处置');
    assert.ok(!rows.some((cells) => cells[0] === '某物业公司'), JSON.stringify(rows));
  });
});

describe('slip: a 上期 warning says only what is true', () => {
  function historyOf(result: BuildResult): RawSheet {
    return gridToRaw(result.sheetsToWrite.find((sheet) => sheet.role === 'history') as SheetGrid);
  }

  it('says nothing of empty 上期 columns when the previous period is in the history and only a new unit lacks it', () => {
    const august = buildMonthlyReport([caseSheet([closedCase({ 上报时间: '2021-08-10 10:00:00' })])], { period: '2021-08', builtAt });
    const settings = settingsOf(august);
    const september = buildMonthlyReport([caseSheet([closedCase(), closedCase({ 处置部门: '市园林局' })]), historyOf(august)], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt, settings });
    const claims = september.warnings.filter((warning) => /列为空/.test(warning.message));
    assert.deepEqual(claims, [], JSON.stringify(claims));
  });

  it('writes no note about 上期 columns under a table that has none (县区办理, 高发问题 by default)', () => {
    const result = buildMonthlyReport([caseSheet([closedCase()])], { period: '2021-09', builtAt });
    for (const suffix of ['县区办理', '高发问题']) {
      const rows = sheetRows(result, suffix);
      assert.ok(!rows.some((cells) => cells.some((cell) => /上期/.test(cell))), `${suffix}: ${JSON.stringify(rows)}`);
    }
    assert.ok(sheetRows(result, '部门处置').some((cells) => cells.some((cell) => /本表的上期列为空/.test(cell))));
  });

  it('names the tables whose 上期 columns are empty when the history has no previous period', () => {
    const result = buildMonthlyReport([caseSheet([closedCase()])], { period: '2021-09', builtAt });
    const claim = result.warnings.find((warning) => /列为空/.test(warning.message));
    assert.ok(claim);
    assert.match(claim.message, /案件概况/);
    assert.match(claim.message, /部门处置/);
  });
});

describe('slip: one overdue reader for every sheet kind', () => {
  const words = ['不超期', '未超期', '按期', '否', '超期', '已超时', '是'];
  const overdueWords = new Set(['超期', '已超时', '是']);

  it('counts a word as overdue on a 12345 order exactly when it counts as not on time on a case', () => {
    const cases = caseSheet(
      words.map((word) => ({ ...closedCase(), 是否超期: word })),
      { headers: [...caseHeaders, '是否超期'] },
    );
    const headers = [...orderHeaders, '是否超期'];
    const orderRows = words.map((word) => ({ ...order(), 是否超期: word }) as Record<string, CellValue>);
    const orders: RawSheet = { name: '12345工单', rows: [headers, ...orderRows.map((row) => headers.map((header) => row[header] ?? null))] };
    const result = buildMonthlyReport([cases, orders], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
    const overdue = words.filter((word) => overdueWords.has(word)).length;
    assert.equal(result.hotline?.overdue, overdue);
    assert.equal(result.statistics.total.disposedOnTime, words.length - overdue);
  });

  it('reads the settings sheet’s 自行处置 column with the same words', () => {
    const first = buildMonthlyReport([caseSheet([closedCase()])], { period: '2021-09', builtAt });
    const grid = settingsToGrid({ ...settingsOf(first), sources: [{ name: '巡查上报', aliases: [], selfDisposal: false }, { name: '自行处置上报', aliases: [], selfDisposal: true }] });
    const raw = gridToRaw(grid);
    const selfRow = raw.rows.findIndex((row) => row[0] === '自行处置上报');
    const rows = raw.rows.map((row, index) => (index === selfRow ? [row[0], row[1], '√'] : row));
    const settings = readSettingsSheet({ name: raw.name, rows }).settings;
    assert.equal(settings.sources.find((source) => source.name === '自行处置上报')?.selfDisposal, true);
  });
});

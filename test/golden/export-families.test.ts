/**
 * Golden tests of the export families of issue 7: each family generated with its exact headers and
 * value conventions (test/helpers/export-families.ts), built with no settings sheet and no hand
 * mapping, every figure of every table compared with a count made here from the truth behind the rows
 * (the rules of spec/indicators.md), not from the product's output.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, readSettingsSheet, referencePreset, type BuildResult, type GridCell, type RawSheet, type Settings, type SheetGrid } from '../../src/core/index.ts';
import { egovaExport, gridExport, inSeptember, jsjbExport, type FamilyExport, type TruthCase, type TruthOrder } from '../helpers/export-families.ts';

const builtAt = '2021-10-11 09:00';

interface Counts {
  reported: number;
  accepted: number;
  filed: number;
  dispatched: number;
  disposed: number;
  dueClose: number;
  closed: number;
  closedOnTime: number;
  selfDisposed: number;
}

/** The spec's flags of one case, from its truth; `acceptTimes`: the export has a 受理时间 column (a voided case then shows it was accepted). */
function countCase(counts: Counts, truth: TruthCase, asOf: number, acceptTimes: boolean): void {
  const voided = truth.step === 'voided';
  const accepted = voided ? acceptTimes : !['reported', 'notAccepted'].includes(truth.step);
  const filed = ['filed', 'dispatched', 'disposed', 'closed'].includes(truth.step);
  const dispatched = filed && !truth.selfDisposed && ['dispatched', 'disposed', 'closed'].includes(truth.step);
  const disposed = dispatched && ['disposed', 'closed'].includes(truth.step);
  const overdueOpen = dispatched && !disposed && truth.deadline !== null && truth.deadline < asOf;
  const closed = dispatched && truth.step === 'closed';
  counts.reported++;
  if (accepted) counts.accepted++;
  if (filed) counts.filed++;
  if (dispatched) counts.dispatched++;
  if (disposed) counts.disposed++;
  if (disposed || overdueOpen) counts.dueClose++;
  if (closed) counts.closed++;
  if (closed && !truth.overdue) counts.closedOnTime++;
  if (truth.selfDisposed && accepted) counts.selfDisposed++;
}

const zero = (): Counts => ({ reported: 0, accepted: 0, filed: 0, dispatched: 0, disposed: 0, dueClose: 0, closed: 0, closedOnTime: 0, selfDisposed: 0 });
const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

function tally<K>(cases: readonly TruthCase[], keyOf: (truth: TruthCase) => K | null, asOf: number, acceptTimes: boolean): Map<K, Counts> {
  const map = new Map<K, Counts>();
  for (const truth of cases) {
    const key = keyOf(truth);
    if (key === null) continue;
    const counts = map.get(key) ?? zero();
    map.set(key, counts);
    countCase(counts, truth, asOf, acceptTimes);
  }
  return map;
}

/** Every figure the report's cells show, by table|row|indicator. */
function figures(result: BuildResult): Map<string, number | null> {
  const map = new Map<string, number | null>();
  for (const grid of result.reportSheets) {
    for (const row of grid.cells) {
      for (const cell of row) {
        if (cell?.figure) map.set(`${cell.figure.table}|${cell.figure.row}|${cell.figure.indicator}`, typeof cell.value === 'number' ? cell.value : null);
      }
    }
  }
  return map;
}

function assertFigure(shown: Map<string, number | null>, key: string, expected: number | null): void {
  assert.ok(shown.has(key), `no cell shows ${key}`);
  const value = shown.get(key) ?? null;
  if (expected === null || value === null) assert.equal(value, expected, key);
  else assert.ok(Math.abs(value - expected) < 1e-9, `${key}: ${value} ≠ ${expected}`);
}

/** Every text of every sheet the build writes. */
function allTexts(result: BuildResult): string {
  return result.sheetsToWrite.flatMap((grid: SheetGrid) => grid.cells.flatMap((row) => row.map((cell: GridCell | null) => (cell?.value === null || cell?.value === undefined ? '' : String(cell.value))))).join('\n');
}

function settingsWritten(result: BuildResult): Settings {
  const grid = result.sheetsToWrite.find((sheet) => sheet.role === 'settings');
  assert.ok(grid, 'a settings sheet is written on the first build');
  const raw: RawSheet = { name: grid.name, rows: grid.cells.map((row) => row.map((cell) => (cell ? cell.value : null))) };
  return readSettingsSheet(raw).settings;
}

const unitKey = (truth: TruthCase) => (truth.unit ? (truth.unit.level2 ? `${truth.unit.level1}/${truth.unit.level2}` : truth.unit.level1) : null);
/** The reference city's first-level units in every spelling (its second levels are generic names: 路灯所, 一中队). */
const referenceUnitNames = referencePreset.firstLevelUnits.flatMap((unit) => [unit.name, unit.hotlineName, ...unit.aliases]).filter((name) => name !== '');

/** The checks every cases family shares: 案件概况, 部门处置, 县区办理 and 高发问题, figure by figure. */
function checkCaseTables(family: FamilyExport<TruthCase>, result: BuildResult, acceptTimes: boolean): void {
  const cohort = family.truth.filter((truth) => inSeptember(truth.reportedAt));
  const shown = figures(result);
  const asOf = family.asOf;

  // （一）案件概况: one row per source seen in the month, then 总计.
  const bySource = tally(cohort, (truth) => truth.source, asOf, acceptTimes);
  const total = tally(cohort, () => '总计', asOf, acceptTimes);
  for (const [source, counts] of [...bySource, ...total]) {
    const at = (indicator: string) => `案件概况|${source}|${indicator}`;
    assertFigure(shown, at('上报数'), counts.reported);
    assertFigure(shown, at('受理数'), counts.accepted);
    assertFigure(shown, at('立案数'), counts.filed);
    assertFigure(shown, at('应处置数'), counts.dispatched);
    assertFigure(shown, at('处置数'), counts.disposed);
    assertFigure(shown, at('处置率'), rate(counts.disposed, counts.dispatched));
    assertFigure(shown, at('应结案数'), counts.dueClose);
    assertFigure(shown, at('结案数'), counts.closed);
    assertFigure(shown, at('结案率'), rate(counts.closed, counts.dueClose));
  }
  const overviewRows = new Set([...shown.keys()].filter((key) => key.startsWith('案件概况|')).map((key) => key.split('|')[1]));
  assert.deepEqual([...overviewRows].sort(), [...bySource.keys(), '总计'].sort(), 'the sources of the month and 总计, nothing else');

  // （二）部门处置: the city departments' units, their subtotals and 总计.
  const cityCases = cohort.filter((truth) => truth.unit && !truth.unit.county);
  const byUnit = tally(cityCases, unitKey, asOf, acceptTimes);
  const byParent = tally(
    cityCases.filter((truth) => truth.unit?.level2),
    (truth) => `${truth.unit?.level1}/合计`,
    asOf,
    acceptTimes,
  );
  const cityTotal = tally(cityCases, () => '总计', asOf, acceptTimes);
  for (const [row, counts] of [...byUnit, ...byParent, ...cityTotal]) {
    const at = (indicator: string) => `部门处置|${row}|${indicator}`;
    assertFigure(shown, at('应处置数'), counts.dispatched);
    assertFigure(shown, at('处置数'), counts.disposed);
    assertFigure(shown, at('处置率'), rate(counts.disposed, counts.dispatched));
    assertFigure(shown, at('应结案数'), counts.dueClose);
    assertFigure(shown, at('结案数'), counts.closed);
    assertFigure(shown, at('结案率'), rate(counts.closed, counts.dueClose));
    assertFigure(shown, at('按期结案数'), counts.closedOnTime);
    assertFigure(shown, at('按期结案率'), rate(counts.closedOnTime, counts.dueClose));
  }
  const learnedCityUnits = new Set(family.units.filter((unit) => !unit.county && family.truth.some((truth) => truth.unit === unit)).map((unit) => (unit.level2 ? `${unit.level1}/${unit.level2}` : unit.level1)));
  const unitRows = new Set([...shown.keys()].filter((key) => key.startsWith('部门处置|') && !key.includes('/合计|') && !key.startsWith('部门处置|总计|')).map((key) => key.split('|')[1]));
  assert.deepEqual([...unitRows].sort(), [...learnedCityUnits].sort(), 'one row per city unit of the export, none of another city');

  // （三）县区办理: one column per county; 受理数 is what was dispatched to it, and its rates divide by it.
  const counties = tally(
    cohort.filter((truth) => truth.unit?.county),
    (truth) => truth.unit?.level1 ?? null,
    asOf,
    acceptTimes,
  );
  const countyNames = [...new Set(family.units.filter((unit) => unit.county).map((unit) => unit.level1))];
  for (const county of countyNames) {
    const counts = counties.get(county) ?? zero();
    const at = (indicator: string) => `县区办理|${county}|${indicator}`;
    assertFigure(shown, at('受理数'), counts.dispatched);
    assertFigure(shown, at('处置率'), rate(counts.disposed, counts.dispatched));
    assertFigure(shown, at('结案率'), rate(counts.closed, counts.dispatched));
    assertFigure(shown, at('自行处置案件数'), counts.selfDisposed);
  }
  const countyColumns = new Set([...shown.keys()].filter((key) => key.startsWith('县区办理|')).map((key) => key.split('|')[1]));
  assert.deepEqual([...countyColumns].sort(), [...countyNames].sort(), 'one column per county of the export');

  // 高发问题: per problem type, its total and its five most reported 小类.
  const byKind = tally(cohort, (truth) => truth.kind, asOf, acceptTimes);
  for (const [kind, counts] of byKind) {
    const at = (row: string, indicator: string) => `高发问题|${kind}/${row}|${indicator}`;
    assertFigure(shown, at('合计', '上报数'), counts.reported);
    assertFigure(shown, at('合计', '结案率'), rate(counts.closed, counts.dueClose));
    const subTypes = tally(
      cohort.filter((truth) => truth.kind === kind),
      (truth) => truth.subType,
      asOf,
      acceptTimes,
    );
    const shownSubTypes = [...new Set([...shown.keys()].filter((key) => key.startsWith(`高发问题|${kind}/`) && !key.startsWith(`高发问题|${kind}/合计`)).map((key) => key.split('|')[1].slice(kind.length + 1)))];
    assert.equal(shownSubTypes.length, Math.min(5, subTypes.size));
    const lowestShown = Math.min(...shownSubTypes.map((name) => subTypes.get(name)?.reported ?? 0));
    for (const [name, sub] of subTypes) if (!shownSubTypes.includes(name)) assert.ok(sub.reported <= lowestShown, `${name} is more reported than a 小类 shown`);
    for (const name of shownSubTypes) {
      const sub = subTypes.get(name) ?? zero();
      assertFigure(shown, at(name, '上报数'), sub.reported);
      assertFigure(shown, at(name, '立案数'), sub.filed);
      assertFigure(shown, at(name, '应结案数'), sub.dueClose);
      assertFigure(shown, at(name, '结案数'), sub.closed);
    }
  }

  assert.ok(
    result.reconciliation.every((check) => check.ok),
    JSON.stringify(result.reconciliation.filter((check) => !check.ok)),
  );
  // No unit of the reference city anywhere: no cell is one of its units' spellings, no text holds one of their names
  // (the rows of every table were checked above to be this city's units).
  const cells = new Set(allTexts(result).split('\n'));
  for (const name of referenceUnitNames) assert.ok(!cells.has(name), `the reference city's unit ${name} appears`);
  const texts = allTexts(result);
  for (const unit of referencePreset.firstLevelUnits) assert.ok(!texts.includes(unit.name), `the reference city's unit ${unit.name} appears`);
}

describe('golden: eGova-style 24-column export of a city no preset knows (临江市)', function () {
  const family = egovaExport();
  let result: BuildResult;
  before(() => {
    result = buildMonthlyReport([family.sheet], { period: '2021-09', asOf: family.asOfText, builtAt });
  });

  it('recognises every column it needs with no mapping, the stage from 当前阶段名称 in brackets', () => {
    const layout = result.layouts[0];
    assert.equal(layout.kind, 'cases');
    for (const field of ['caseId', 'reportedAt', 'source', 'stage', 'unit', 'kind', 'mainType', 'subType', 'deadline', 'closedAt', 'overdueFlag', 'postponeCount', 'reworkCount']) {
      assert.ok(layout.columns[field] !== undefined, field);
    }
    assert.ok(!result.warnings.some((warning) => warning.kind === 'unknownStage'), JSON.stringify(result.warnings.filter((warning) => warning.kind === 'unknownStage')));
  });

  it('learns the city’s own units, counties and sources, and marks them learned in the settings sheet', () => {
    assert.equal(result.settingsLearned?.kind, 'learned');
    const settings = settingsWritten(result);
    const counties = settings.firstLevelUnits.filter((unit) => unit.group === '县市区').map((unit) => unit.name);
    assert.deepEqual(counties.sort(), ['东湖区城市管理局', '云岭市综合行政执法局', '青山县综合行政执法局'].sort());
    const city = settings.firstLevelUnits.filter((unit) => unit.group === '市局').map((unit) => unit.name);
    assert.deepEqual(city.sort(), ['临江市城市管理局', '临江市环境卫生管理处', '临江市市政设施管理处', '临江市园林绿化中心'].sort());
    assert.deepEqual(
      settings.secondLevelUnits.filter((unit) => unit.parent === '临江市城市管理局').map((unit) => unit.name).sort(),
      ['市容科', '执法一大队', '执法二大队'].sort(),
    );
    assert.deepEqual(settings.sources.map((source) => source.name).sort(), [...new Set(family.truth.map((truth) => truth.source))].sort());
    assert.ok(settings.firstLevelUnits.every((unit) => unit.origin === 'learned'));
    assert.ok(settings.sources.every((source) => source.origin === 'learned'));
    assert.ok(!result.warnings.some((warning) => warning.kind === 'unknownUnit' || warning.kind === 'unknownSource'));
  });

  it('gives every figure of （一）（二）（三） and 高发问题 as counted from the rows (服务事项 its own problem type)', () => {
    checkCaseTables(family, result, false);
    assert.ok(figures(result).has('高发问题|服务事项/合计|上报数'));
  });

  it('says once that voided cases count as reported only, the export having no 受理/立案 times', () => {
    const said = result.warnings.filter((warning) => warning.kind === 'notAvailable' && /作废/.test(warning.message));
    assert.equal(said.length, 1);
  });
});

describe('golden: grid-management (网格化) export of a municipality', function () {
  const family = gridExport();
  let result: BuildResult;
  before(() => {
    result = buildMonthlyReport([family.sheet], { period: '2021-09', asOf: family.asOfText, builtAt });
  });

  it('reads the two unit levels from 主责部门/三级主责部门, 处理时间 as disposal, 处理截至时间 as deadline, 处理超时 as overdue, 是否网格自治 as self-disposal, 案件属性 by its values', () => {
    const layout = result.layouts[0];
    const header = (field: string) => layout.headers[layout.columns[field]];
    assert.equal(header('unitLevel1'), '主责部门');
    assert.equal(header('unitLevel2'), '三级主责部门');
    assert.equal(header('disposedAt'), '处理时间');
    assert.equal(header('deadline'), '处理截至时间');
    assert.equal(header('overdueFlag'), '处理超时');
    assert.equal(header('selfDisposed'), '是否网格自治');
    assert.equal(header('kind'), '案件属性');
    assert.equal(header('reportedAt'), '发现时间');
  });

  it('gives every figure as counted from the rows; a self-disposed case with no unit is neither a row nor a warning', () => {
    checkCaseTables(family, result, true);
    assert.ok(!result.warnings.some((warning) => warning.kind === 'missingUnit' || warning.kind === 'unknownUnit'));
    const settings = settingsWritten(result);
    assert.deepEqual(
      settings.firstLevelUnits.filter((unit) => unit.group === '县市区').map((unit) => unit.name).sort(),
      ['浦北区市容环境管理所', '松江区城管执法局', '滨海区城管执法局'].sort(),
    );
  });

  it('never writes a citizen’s name or number from 诉求联系人, 来电号码 or 联系电话, even where the description holds them', () => {
    const texts = allTexts(result);
    const callers = family.truth.filter((truth) => truth.caller !== null);
    assert.ok(callers.length > 0);
    for (const truth of callers) {
      assert.ok(!texts.includes(truth.caller ?? ''), truth.caller ?? '');
      assert.ok(!texts.includes(truth.phone ?? ''), truth.phone ?? '');
    }
    // The focus topic on road digging lists its few patrol cases: their descriptions are masked, not dropped.
    const topic = result.topics.find((figure) => figure.topic.name.includes('乱开挖'));
    assert.ok(topic && topic.cases.received > 0);
  });
});

describe('golden: 12345 接诉即办 export', function () {
  const family = jsjbExport();
  let result: BuildResult;
  const counted = () => family.truth.filter((order: TruthOrder) => order.role !== '协办' && inSeptember(order.receivedAt));
  before(() => {
    result = buildMonthlyReport([family.sheet], { period: '2021-09', asOf: family.asOfText, builtAt });
  });

  it('counts 主办 and 转办 orders and leaves 协办 orders out, listed once', () => {
    const hotline = result.hotline;
    assert.ok(hotline);
    assert.equal(hotline.received, counted().length);
    assert.equal(hotline.done, counted().filter((order) => order.done).length);
    const assisting = family.truth.filter((order) => order.role === '协办');
    const warning = result.warnings.filter((candidate) => candidate.kind === 'notCounted');
    assert.equal(warning.length, 1);
    assert.equal(warning[0].rows.length, assisting.length);
    assert.ok(result.reconciliation.every((check) => check.ok), JSON.stringify(result.reconciliation.filter((check) => !check.ok)));
  });

  it('counts by 承办单位 and by the category of the path written A->B->C', () => {
    const hotline = result.hotline;
    assert.ok(hotline);
    const byUnit = new Map<string, number>();
    const byCategory = new Map<string, number>();
    for (const order of counted()) {
      byUnit.set(order.unit, (byUnit.get(order.unit) ?? 0) + 1);
      byCategory.set(order.category, (byCategory.get(order.category) ?? 0) + 1);
    }
    assert.deepEqual(new Map(hotline.byUnit.map((unit) => [unit.name, unit.count])), byUnit);
    const counts = hotline.byUnit.map((unit) => unit.count);
    assert.deepEqual(counts, [...counts].sort((left, right) => right - left), 'most orders first');
    for (const category of hotline.byCategory) assert.equal(category.count, byCategory.get(category.name) ?? 0, category.name);
    assert.equal(
      hotline.byCategory.reduce((sum, category) => sum + category.count, 0),
      counted().length,
    );
  });

  it('says plainly that 超期 and 回退 cannot be told from these columns, instead of printing 0', () => {
    const hotline = result.hotline;
    assert.ok(hotline);
    assert.equal(hotline.overdueKnown, false);
    assert.equal(hotline.returnsKnown, false);
    // The report sheets (the 月报设置 sheet lists the template 未出现超期办理案件 among its wordings).
    const texts = result.reportSheets.flatMap((grid) => grid.cells.flatMap((row) => row.map((cell) => String(cell?.value ?? '')))).join('\n');
    assert.ok(!texts.includes('未出现超期办理案件'));
    assert.ok(!texts.includes('没有回退的工单') && !texts.includes('没有回退至'));
    assert.ok(texts.includes('超期情况无法判断'));
    assert.ok(texts.includes('回退情况无法统计'));
    assert.equal(result.warnings.filter((warning) => warning.kind === 'notAvailable').length, 2);
  });

  it('finds the repeat problem of five orders at one 小区点位, and masks every caller and number', () => {
    const groups = result.hotline?.repeatGroups ?? [];
    const repeat = family.truth.filter((order) => order.repeat === 'noise');
    assert.equal(groups.length, 1);
    assert.deepEqual(groups[0].orders.map((order) => order.orderId).sort(), repeat.map((order) => order.id).sort());
    const texts = allTexts(result);
    for (const order of family.truth) {
      assert.ok(!texts.includes(order.caller), order.caller);
      assert.ok(!texts.includes(order.phone), order.phone);
    }
  });
});

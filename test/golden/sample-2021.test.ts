/**
 * Golden tests: the bundled sample reproduces every figure of ../shared/reference/seed-figures.md
 * （一）–（三）, through the real file host (read the .xlsx, build August, write, read back, build
 * September on the result so that 上期 comes from the history sheet).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printedRows, type BuildResult } from '../../src/core/index.ts';
import { buildReportFile } from '../../src/hosts/file/build-file.ts';

const samplePath = fileURLToPath(new URL('../../samples/sample-2021.xlsx', import.meta.url));

function sheet(result: BuildResult, suffix: string): string[][] {
  const grid = result.reportSheets.find((candidate) => candidate.name.endsWith(suffix));
  assert.ok(grid, suffix);
  return printedRows(grid);
}

function row(rows: string[][], ...labels: string[]): string[] {
  const found = rows.find((cells) => labels.every((label, index) => cells[index] === label));
  assert.ok(found, `row ${labels.join('/')}`);
  return found;
}

describe('golden: the sample reproduces the reference brief (2021年9月, （一）–（三）)', function () {
  let august: BuildResult;
  let september: BuildResult;
  let septemberAlone: BuildResult;

  before(function () {
    const input = new Uint8Array(readFileSync(samplePath));
    const first = buildReportFile(input, 'sample-2021.xlsx', { period: '2021-08', asOf: '2021-09-08 17:30', builtAt: '2021-09-10 09:00' });
    august = first.result;
    september = buildReportFile(first.bytes, 'sample-2021-08.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' }).result;
    septemberAlone = buildReportFile(input, 'sample-2021.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' }).result;
  });

  it('takes the as-of time from the latest event in the export: 2021-10-08 17:30', () => {
    assert.equal(september.asOfText, '2021-10-08 17:30');
    assert.equal(september.asOfSource, 'latest-event');
  });

  it('（一）: one source, 巡查上报, and 总计, with the 上期 rates from August', () => {
    const rows = sheet(september, '案件概况');
    const expected = ['4381', '4379', '4354', '4137', '4080', '98.62%', '99.28%', '4136', '4080', '98.65%', '99.21%'];
    assert.deepEqual(row(rows, '巡查上报').slice(1, 12), expected);
    assert.deepEqual(row(rows, '总计').slice(1, 12), expected);
    assert.equal(rows.filter((cells) => cells[0] === '巡查上报' || cells[0] === '总计').length, 2);
  });

  // 一级, 二级, 应处置, 处置, 率, 上期, 应结案, 结案, 率, 上期, 按期, 率, 上期
  const unitFigures: readonly (readonly string[])[] = [
    ['市城管执法直属一大队', '一中队', '1344', '1344', '100%', '100%', '1344', '1344', '100%', '100%', '1296', '96.43%', '95.41%'],
    ['市城管执法直属一大队', '二中队', '637', '637', '100%', '99.32%', '637', '637', '100%', '99.49%', '548', '86.03%', '87.48%'],
    ['市城管执法直属一大队', '三中队', '1223', '1223', '100%', '100%', '1223', '1223', '100%', '100%', '1056', '86.35%', '90.61%'],
    ['市城管执法直属一大队', '四中队', '2', '2', '100%', '93.33%', '2', '2', '100%', '100%', '1', '50%', '42.86%'],
    ['市城管执法直属一大队', '五中队', '252', '252', '100%', '100%', '252', '252', '100%', '100%', '218', '86.51%', '84.31%'],
    ['市城管执法直属一大队', '夜勤中队', '0', '0', '', '100%', '0', '0', '', '100%', '0', '', '0%'],
    // The brief's 上期结案率 99.85% for 合计 cannot be met together with its own 二中队 and 四中队 上期 rates
    // (samples/README.md gives the argument); the sample's August gives 99.91%.
    ['市城管执法直属一大队', '合计', '3458', '3458', '100%', '99.85%', '3458', '3458', '100%', '99.91%', '3119', '90.2%', '91.31%'],
    // The brief prints 84.62% (11/13): a slip; 11 of 12 is 91.67%.
    ['市城管直属二大队', '市城管直属二大队', '12', '12', '100%', '100%', '12', '12', '100%', '100%', '11', '91.67%', '100%'],
    ['市政工程处', '维修所', '44', '44', '100%', '97.96%', '44', '44', '100%', '97.96%', '44', '100%', '97.96%'],
    ['市政工程处', '路灯所', '30', '30', '100%', '100%', '30', '30', '100%', '100%', '30', '100%', '93.1%'],
    ['市政工程处', '合计', '74', '74', '100%', '98.72%', '74', '74', '100%', '98.72%', '74', '100%', '96.15%'],
    ['市环卫处', '公厕管理所', '2', '0', '0%', '', '1', '0', '0%', '', '0', '0%', ''],
    ['市环卫处', '市容监察中队', '73', '73', '100%', '100%', '73', '73', '100%', '100%', '73', '100%', '100%'],
    ['市环卫处', '老城区卫生管理所', '83', '83', '100%', '100%', '83', '83', '100%', '100%', '66', '79.52%', '93.75%'],
    ['市环卫处', '西外新区卫生管理所', '42', '42', '100%', '100%', '42', '42', '100%', '100%', '42', '100%', '100%'],
    ['市环卫处', '合计', '200', '198', '99%', '100%', '199', '198', '99.5%', '100%', '181', '90.95%', '97.3%'],
    ['市治尘办', '市治尘办', '1', '1', '100%', '100%', '1', '1', '100%', '100%', '1', '100%', '0%'],
    ['火管中队', '火管中队', '103', '103', '100%', '100%', '103', '103', '100%', '100%', '93', '90.29%', '85.87%'],
    ['总计', '总计', '3848', '3846', '99.95%', '99.84%', '3847', '3846', '99.97%', '99.89%', '3479', '90.43%', '91.51%'],
  ];

  it('（二）: every unit row, 合计 and 总计, with 上期 from August', () => {
    const rows = sheet(september, '部门处置');
    for (const expected of unitFigures) assert.deepEqual(row(rows, expected[0], expected[1]), expected, expected.slice(0, 2).join('/'));
  });

  it('（二）: units in the order of the settings, 总计 last, nothing else', () => {
    const rows = sheet(september, '部门处置');
    const labels = rows.slice(2).filter((cells) => /\d/.test(cells[2] ?? '')).map((cells) => `${cells[0]}/${cells[1]}`);
    assert.deepEqual(
      labels,
      unitFigures.map((figures) => `${figures[0]}/${figures[1]}`),
    );
  });

  it('（三）: the counties, transposed', () => {
    const rows = sheet(september, '县区办理');
    assert.deepEqual(row(rows, '案件受理'), ['案件受理', '达川区城管执法大队', '大竹县综合行政执法局', '宣汉县综合行政执法局', '开江县综合行政执法局', '渠县综合行政执法局', '万源市综合行政执法局']);
    assert.deepEqual(row(rows, '受理数').slice(1), ['61', '20', '46', '19', '22', '121']);
    assert.deepEqual(row(rows, '处置率').slice(1), ['9.84%', '100%', '100%', '100%', '100%', '100%']);
    assert.deepEqual(row(rows, '结案率').slice(1), ['9.84%', '100%', '100%', '100%', '100%', '100%']);
    assert.deepEqual(row(rows, '自行处置案件数').slice(1), ['12', '0', '0', '0', '0', '0']);
  });

  it('reconciles: 3848 + 289 = 4137 应处置, 3846 + 234 = 4080 处置, 3847 + 289 = 4136 应结案', () => {
    const { cityTotal, countyTotal, total } = september.statistics;
    assert.deepEqual([cityTotal.dispatched, countyTotal.dispatched, total.dispatched], [3848, 289, 4137]);
    assert.deepEqual([cityTotal.disposed, countyTotal.disposed, total.disposed], [3846, 234, 4080]);
    assert.deepEqual([cityTotal.dueClose, countyTotal.dueClose, total.dueClose], [3847, 289, 4136]);
    assert.equal(total.overdueOpen, 56);
    for (const check of september.reconciliation) assert.ok(check.ok, `${check.name}: ${check.detail}`);
  });

  it('高发问题: the three most reported sub-types are 无照经营游商, 店外经营, 商业噪音', () => {
    const rows = sheet(september, '高发问题');
    const events = rows.filter((cells) => cells[0] === '事件' && cells[1] !== '合计').map((cells) => cells[1]);
    assert.deepEqual(events.slice(0, 3), ['无照经营游商', '店外经营', '商业噪音']);
    assert.equal(events.length, 5);
  });

  it('leaves 上期 empty and says so when August was never built', () => {
    const rows = sheet(septemberAlone, '案件概况');
    assert.deepEqual(row(rows, '总计').slice(1, 12), ['4381', '4379', '4354', '4137', '4080', '98.62%', '', '4136', '4080', '98.65%', '']);
    assert.ok(septemberAlone.warnings.some((warning) => warning.kind === 'noHistory'));
  });

  it('builds August with its own figures recorded in the history', () => {
    const overview = sheet(august, '案件概况');
    assert.deepEqual([row(overview, '总计')[6], row(overview, '总计')[10]], ['99.28%', '99.21%']);
  });

  it('warns about the sample\'s traps: a repeated id, cases of other months', () => {
    const kinds = new Set(september.warnings.map((warning) => warning.kind));
    assert.ok(kinds.has('duplicateId'));
    assert.ok(kinds.has('outsidePeriod'));
    assert.ok(!kinds.has('unknownUnit'), JSON.stringify(september.warnings.filter((warning) => warning.kind === 'unknownUnit')));
  });
});

describe('the sample generator', function () {
  it('regenerates exactly the committed sample (deterministic, any time zone)', async function () {
    this.timeout(120_000);
    const { generateSampleWorkbook } = await import('../../scripts/generate-sample.ts');
    assert.deepEqual(Buffer.from(generateSampleWorkbook()), readFileSync(samplePath));
  });
});

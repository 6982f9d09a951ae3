/**
 * `case-brief build` over several inputs (twelve monthly CSV files, a folder, a workbook of several
 * sheets beside CSVs), streamed through PeriodStream: the same report as the same rows held in one
 * workbook in memory, figures counted independently, ids repeated across files, encodings, and the
 * messages for broken inputs and a missing --period.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMonthlyReport, type RawSheet } from '../../src/core/index.ts';
import { buildFromInputs } from '../../src/cli/build-several.ts';
import { listInputFiles } from '../../src/cli/input-files.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { readWorkbook } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { codepageUtils, runCli } from '../helpers/cli-run.ts';
import { assertSameReport } from '../helpers/same-report.ts';
import { countDayCases, csvOf, dailyCases, dailyOrders, dayOrderSheet, daySheet, type DayCase } from '../helpers/period-exports.ts';

const run = runCli;

const builtAt = '2022-01-10 09:00';
const asOf = '2022-01-08 17:30';
const asOfMs = Date.parse('2022-01-08T17:30:00Z');
const monthOf = (item: DayCase) => Number(item.reportedAt.slice(5, 7));

describe('case-brief build with several inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'case-brief-several-'));
  // A year of cases, four a day, from late 2020 (so the year's first file holds cases before it), and a 12345 export.
  const cases = dailyCases('2020-12-20', 377, 4, 21);
  const orders = dailyOrders('2021-01-01', 365, 1, 21);
  // Each month's export repeats 10 cases of the month before that were still open, now closed: the later row counts.
  const monthSheets: RawSheet[] = [];
  const finalCases = new Map<string, DayCase>();
  for (let month = 1; month <= 12; month++) {
    const own = cases.filter((item) => (month === 1 ? item.reportedAt < '2021-02' : item.reportedAt.startsWith(`2021-${String(month).padStart(2, '0')}`)));
    const carried = month === 1 ? [] : cases.filter((item) => monthOf(item) === month - 1 && item.reportedAt.startsWith('2021') && item.stage === '处置中').slice(0, 10).map((item) => ({ ...item, stage: '结案' as const }));
    for (const item of [...own, ...carried]) finalCases.set(item.id, item);
    monthSheets.push(daySheet([...carried, ...own], `${month}月`));
  }
  const orderSheet = dayOrderSheet(orders, '12345工单');
  const yearFolder = join(dir, '2021年导出');
  const files: string[] = [];
  before(() => {
    mkdirSync(yearFolder);
    for (const [index, sheet] of monthSheets.entries()) {
      const text = csvOf(sheet);
      const path = join(yearFolder, `${sheet.name}.csv`);
      // March as Chinese Windows saves it (GBK), April with a UTF-8 byte-order mark, the rest plain UTF-8.
      if (index === 2) writeFileSync(path, new Uint8Array(codepageUtils.encode(936, text, 'buf') as Uint8Array));
      else writeFileSync(path, index === 3 ? `\ufeff${text}` : text);
      files.push(path);
    }
    writeFileSync(join(yearFolder, '12345工单.csv'), csvOf(orderSheet));
    writeFileSync(join(yearFolder, '说明.txt'), '不是导出表');
  });

  it('builds a year from twelve monthly CSV files: the report of the same rows held in one workbook, with figures counted here', () => {
    const streamed = buildFromInputs({ inputs: [...files, join(yearFolder, '12345工单.csv')], out: join(dir, 'year.xlsx'), period: '2021', asOf, builtAt, force: false, quiet: true, preset: 'dazhou' });
    const inMemory = buildMonthlyReport([...monthSheets, orderSheet], { period: '2021', asOf, builtAt, preset: 'dazhou' });
    assertSameReport(streamed.result, inMemory);
    assert.equal(streamed.twice, true);
    const year = [...finalCases.values()].filter((item) => item.reportedAt.startsWith('2021'));
    const expected = countDayCases(year, asOfMs);
    const total = streamed.result.statistics.total;
    assert.deepEqual([total.reported, total.filed, total.dueClose, total.closed], [expected.上报数, expected.受理数, expected.应结案数, expected.结案数]);
    for (const source of new Set(year.map((item) => item.source))) {
      const counted = streamed.result.statistics.bySource.find((entry) => entry.name === source)?.counts.reported;
      assert.equal(counted, year.filter((item) => item.source === source).length, source);
    }
    // The repeated ids are warned about under the file (and row) of the row that counts.
    const repeated = streamed.result.warnings.filter((warning) => warning.kind === 'duplicateId');
    assert.ok(repeated.some((warning) => warning.sheet === '2月' && /同时出现在"1月"第 \d+ 行和"2月"第 \d+ 行/.test(warning.message)));
  });

  it('reads every export of a folder in natural order (2月 before 10月), says which, and writes the report without the raw rows', () => {
    const out = join(dir, '年报.xlsx');
    const { status, out: printed, err } = run(['build', yearFolder, '--period', '2021', '--as-of', asOf, '--out', out, '--built-at', builtAt]);
    assert.equal(status, 0, err);
    const listed = /读取了 13 个输入文件（文件夹 [^）]+），共 [\d,]+ 行：(.*)。/.exec(printed);
    assert.ok(listed, printed);
    assert.deepEqual(listed[1].split('、'), ['1月.csv', '2月.csv', '3月.csv', '4月.csv', '5月.csv', '6月.csv', '7月.csv', '8月.csv', '9月.csv', '10月.csv', '11月.csv', '12月.csv', '12345工单.csv']);
    assert.match(printed, /又读了一遍/);
    assert.match(printed, /不含输入的原始行/);
    const names = readWorkbook(new Uint8Array(readFileSync(out)), 'out.xlsx').map((sheet) => sheet.name);
    assert.ok(names.includes('2021年-案件概况') && names.includes('月报设置') && names.includes('历史指标'), names.join());
    assert.ok(!names.some((name) => /月$|12345工单/.test(name)), `no copies of the raw sheets: ${names.join()}`);
  });

  it('says so when ids repeat across files given out of the order of their names (a shell’s *.csv lists 10月 before 1月)', () => {
    const shellOrder = [...files].sort();
    assert.notDeepEqual(shellOrder, files);
    const given = buildFromInputs({ inputs: [...shellOrder, join(yearFolder, '12345工单.csv')], out: join(dir, 'year-shell.xlsx'), period: '2021', asOf, builtAt, force: false, quiet: true, preset: 'dazhou' });
    const warning = given.result.warnings[0];
    assert.equal(warning.kind, 'duplicateId');
    assert.match(warning.message, /按给出的顺序读的（10月\.csv、11月\.csv……），与文件名的顺序（1月\.csv、2月\.csv……）不同/);
    assert.match(warning.action, /给出放这些文件的文件夹/);
    // In the names' order nothing is said.
    const inOrder = buildFromInputs({ inputs: [...files, join(yearFolder, '12345工单.csv')], out: join(dir, 'year-order.xlsx'), period: '2021', asOf, builtAt, force: false, quiet: true, preset: 'dazhou' });
    assert.ok(!inOrder.result.warnings.some((item) => /与文件名的顺序/.test(item.message)));
  });

  it('streams a CSV to the report the current reading of the same CSV gives', () => {
    const folder = join(dir, 'one');
    mkdirSync(folder);
    const single = join(folder, '全年.csv');
    const yearSheet = daySheet([...finalCases.values()], '全年');
    writeFileSync(single, csvOf(yearSheet));
    const [viaFolder, viaFile] = [folder, single].map((input, index) => {
      const json = join(dir, `one-${index}.json`);
      const { status, err } = run(['build', input, '--period', '2021', '--as-of', asOf, '--out', join(dir, `one-${index}.xlsx`), '--json', json, '--built-at', builtAt, '--quiet']);
      assert.equal(status, 0, err);
      const report = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
      return { tables: report.tables, warnings: report.warnings, accounting: report.accounting, reconciliation: report.reconciliation, totals: report.totals };
    });
    assert.deepEqual(viaFolder, viaFile);
  });

  it('builds a year split over the sheets of one workbook and CSV files, each sheet named with its file', () => {
    const half = join(dir, '上半年.xlsx');
    writeFileSync(half, writeWorkbook(null, monthSheets.slice(0, 6).map(rawSheetToGrid)));
    const streamed = buildFromInputs({ inputs: [half, ...files.slice(6)], out: join(dir, 'split.xlsx'), period: '2021', asOf, builtAt, force: false, quiet: true, preset: 'dazhou' });
    const named = [...monthSheets.slice(0, 6).map((sheet) => ({ ...sheet, name: `上半年/${sheet.name}` })), ...monthSheets.slice(6)];
    assertSameReport(streamed.result, buildMonthlyReport(named, { period: '2021', asOf, builtAt, preset: 'dazhou' }));
    assert.ok(streamed.result.warnings.some((warning) => warning.kind === 'duplicateId' && warning.sheet === '上半年/2月'));
  });

  it('says which file and row a broken CSV breaks at, and that a binary file is no CSV, without a stack trace', () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, '1月.csv'), csvOf(monthSheets[0]));
    writeFileSync(join(broken, '2月.csv'), `${csvOf(monthSheets[1]).split('\r\n').slice(0, 40).join('\r\n')}\r\nC99,"描述没有结束引号,2021-02-03\r\nC100,x\r\n`);
    const unclosed = run(['build', broken, '--period', '2021', '--out', join(dir, 'broken.xlsx')]);
    assert.equal(unclosed.status, 2);
    assert.match(unclosed.err, /"2月\.csv"第 41 行.*引号/);
    assert.doesNotMatch(unclosed.err, /\n\s+at /);
    const binary = join(dir, 'binary');
    mkdirSync(binary);
    writeFileSync(join(binary, '1月.csv'), csvOf(monthSheets[0]));
    writeFileSync(join(binary, '2月.csv'), new Uint8Array(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256)));
    const notCsv = run(['build', binary, '--period', '2021', '--out', join(dir, 'binary.xlsx')]);
    assert.equal(notCsv.status, 2);
    assert.match(notCsv.err, /"2月\.csv"不是 Excel 工作簿或 CSV 文件/);
    assert.doesNotMatch(notCsv.err, /\n\s+at /);
  });

  it('carries the settings and history of a previous report (--from) into a quarter built from three files', () => {
    const first = join(dir, '一季度.xlsx');
    assert.equal(run(['build', ...files.slice(0, 3), '--period', '2021-Q1', '--as-of', '2021-04-08 17:30', '--out', first, '--built-at', '2021-04-10 09:00', '--preset', 'dazhou']).status, 0);
    const second = join(dir, '二季度.xlsx');
    const { status, out: printed, err } = run(['build', ...files.slice(3, 6), '--period', '2021-Q2', '--as-of', '2021-07-08 17:30', '--out', second, '--from', first, '--built-at', '2021-07-10 09:00']);
    assert.equal(status, 0, err);
    assert.match(printed, /设置和历史指标取自上月月报 .*一季度\.xlsx/);
    const history = readWorkbook(new Uint8Array(readFileSync(second)), '二季度.xlsx').find((sheet) => sheet.name === '历史指标');
    const keys = new Set(history?.rows.map((row) => row[0]));
    assert.ok(keys.has('2021-Q1') && keys.has('2021-Q2'), [...keys].join());
  });

  it('names files that share a name by their name with extension, or by their path', () => {
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    for (const folder of [a, b]) mkdirSync(folder);
    const labels = listInputFiles([join(a, '1月.csv'), join(b, '1月.csv'), join(a, '1月.xlsx'), join(a, '2月.csv')]).map((file) => file.label);
    assert.deepEqual(labels, [join(a, '1月.csv'), join(b, '1月.csv'), '1月.xlsx', '2月']);
  });

  it('asks for --period when given several inputs (exit 2)', () => {
    const { status, err } = run(['build', files[0], files[1], '--out', join(dir, 'no-period.xlsx')]);
    assert.equal(status, 2);
    assert.match(err, /读取多个输入（2 个文件）时，请用 --period 指定统计期/);
  });
});

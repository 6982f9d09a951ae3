import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { readWorkbook } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { docxText } from '../../src/hosts/file/brief-docx.ts';
import { caseHeaders, caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { egovaExport } from '../helpers/export-families.ts';
import { codepageUtils, runCli } from '../helpers/cli-run.ts';
import { readSettingsSheet, settingsToGrid, type RawSheet } from '../../src/core/index.ts';

const run = runCli;

describe('case-brief command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'case-brief-cli-'));
  const input = join(dir, '导出.xlsx');
  before(() => {
    writeFileSync(input, writeWorkbook(null, [rawSheetToGrid(caseSheet([closedCase(), closedCase({ 处置部门: '二中队' })]))]));
  });

  it('documents every option in --help', () => {
    const { status, out } = run(['--help']);
    assert.equal(status, 0);
    for (const option of ['--period', '--as-of', '--out', '--json', '--force', '--built-at', '--quiet', '--out-dir', '--final', '--from', '--preset', 'build', 'brief', 'demo']) assert.ok(out.includes(option), option);
  });

  it('writes the Word brief of a built workbook, and with --final records the period into its 历史指标', async () => {
    const built = join(dir, 'built.xlsx');
    assert.equal(run(['build', input, '--period', '2021-09', '--out', built, '--built-at', '2021-10-11 09:00']).status, 0);
    const out: string[] = [];
    const err: string[] = [];
    const docx = join(dir, '简报.docx');
    const status = await main(['brief', built, '--period', '2021-09', '--out', docx, '--final', '--built-at', '2021-10-12 09:00'], (line) => out.push(line), (line) => err.push(line));
    assert.equal(status, 0, err.join('\n'));
    assert.match(out.join('\n'), /已写出简报 .*简报\.docx（2021年9月数据分析简报）/);
    assert.match(out.join('\n'), /2021年9月已定稿/);
    const text = docxText(new Uint8Array(readFileSync(docx))).join('\n');
    assert.ok(text.includes('二、具体分析') && text.includes('（一）数字城管系统案件基本情况'));
    const history = readWorkbook(new Uint8Array(readFileSync(built)), 'built.xlsx').find((sheet) => sheet.name === '历史指标');
    assert.ok(history?.rows.some((row) => row[0] === '2021-09' && row[7] === '定稿'));
  });

  it('exits with 2 and says what to do when the period was never built in the workbook', async () => {
    const built = join(dir, 'built-august.xlsx');
    assert.equal(run(['build', input, '--period', '2021-09', '--out', built]).status, 0);
    const err: string[] = [];
    const status = await main(['brief', built, '--period', '2021-08', '--out', join(dir, 'x.docx')], () => undefined, (line) => err.push(line));
    assert.equal(status, 2);
    assert.match(err.join('\n'), /没有2021年8月生成的月报表.*请先生成2021年8月的月报表/);
  });

  it('builds a copy of the workbook with the period\'s sheets, and leaves the input file as it was', () => {
    const before = readFileSync(input);
    const out = join(dir, 'out.xlsx');
    const json = join(dir, 'out.json');
    const { status, out: printedText } = run(['build', input, '--period', '2021-09', '--out', out, '--json', json, '--built-at', '2021-10-11 09:00']);
    assert.equal(status, 0);
    assert.match(printedText, /上报 2 件/);
    assert.deepEqual(readFileSync(input), before);
    const names = readWorkbook(new Uint8Array(readFileSync(out)), 'out.xlsx').map((sheet) => sheet.name);
    assert.deepEqual(names.slice(0, 5), ['案件列表', '2021年9月-案件概况', '2021年9月-部门处置', '2021年9月-县区办理', '2021年9月-高发问题']);
    assert.ok(names.includes('月报设置') && names.includes('历史指标'));
    const report = JSON.parse(readFileSync(json, 'utf8')) as { period: string; totals: { reported: number } };
    assert.equal(report.period, '2021-09');
    assert.equal(report.totals.reported, 2);
  });

  it('builds from a GBK-encoded CSV export, as Chinese Windows saves it, into an .xlsx with the raw rows kept', () => {
    // The voided case has 受理/立案 times, so it counts as accepted and filed, never dispatched.
    const rows = [closedCase(), closedCase({ 处置部门: '市环卫处（公厕管理所）' }), closedCase({ 当前阶段: '作废' })];
    const quote = (value: unknown) => (value === null || value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`);
    const csv = [caseHeaders.join(','), ...rows.map((row) => caseHeaders.map((header) => quote(row[header])).join(','))].join('\r\n');
    const input = join(dir, '案件导出.csv');
    writeFileSync(input, new Uint8Array(codepageUtils.encode(936, csv, 'buf') as Uint8Array));
    const out = join(dir, 'csv-out.xlsx');
    const { status, out: printedText } = run(['build', input, '--period', '2021-09', '--out', out]);
    assert.equal(status, 0);
    assert.match(printedText, /上报 3 件，受理 3 件，立案 3 件，应处置 2 件/);
    const sheets = readWorkbook(new Uint8Array(readFileSync(out)), 'csv-out.xlsx');
    assert.equal(sheets[0].name, '案件导出');
    assert.deepEqual(sheets[0].rows[2].slice(0, 2), [rows[1].任务号, '巡查上报']);
  });

  it('refuses to write over the input file', () => {
    const { status, err } = run(['build', input, '--out', input]);
    assert.equal(status, 2);
    assert.match(err, /就是输入文件/);
  });

  it('exits with 2 and names the sheet, the column and the headers seen when a required column is missing', () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, writeWorkbook(null, [rawSheetToGrid(caseSheet([closedCase()], { headers: ['任务号', '问题来源', '当前阶段', '处置部门'] }))]));
    const { status, err } = run(['build', bad, '--out', join(dir, 'bad-out.xlsx')]);
    assert.equal(status, 2);
    assert.match(err, /"案件列表"/);
    assert.match(err, /上报时间/);
    assert.match(err, /任务号、问题来源、当前阶段、处置部门/);
    assert.ok(!existsSync(join(dir, 'bad-out.xlsx')));
  });

  it('exits with 2 for a missing input file or an unknown option', () => {
    assert.equal(run(['build', join(dir, 'none.xlsx'), '--out', join(dir, 'x.xlsx')]).status, 2);
    assert.equal(run(['build', input, '--out', join(dir, 'x.xlsx'), '--bogus']).status, 2);
  });

  it('refuses to overwrite a generated sheet edited by hand unless --force is given', () => {
    const first = join(dir, 'first.xlsx');
    assert.equal(run(['build', input, '--period', '2021-09', '--out', first]).status, 0);
    // The clerk edits a figure of 部门处置: simulate by rewriting that sheet with one value changed.
    const sheets = readWorkbook(new Uint8Array(readFileSync(first)), 'first.xlsx');
    const units = sheets.find((sheet) => sheet.name === '2021年9月-部门处置');
    assert.ok(units);
    const edited = { ...units, rows: units.rows.map((row, index) => (index === 2 ? [row[0], row[1], 999, ...row.slice(3)] : row)) };
    const editedFile = join(dir, 'edited.xlsx');
    writeFileSync(editedFile, writeWorkbook(new Uint8Array(readFileSync(first)), [rawSheetToGrid(edited)]));
    const refused = run(['build', editedFile, '--period', '2021-09', '--out', join(dir, 'second.xlsx')]);
    assert.equal(refused.status, 3);
    assert.match(refused.err, /2021年9月-部门处置/);
    assert.ok(!existsSync(join(dir, 'second.xlsx')));
    assert.equal(run(['build', editedFile, '--period', '2021-09', '--out', join(dir, 'second.xlsx'), '--force']).status, 0);
  });
});

describe('case-brief command line in a new city', () => {
  const dir = mkdtempSync(join(tmpdir(), 'case-brief-city-'));
  const family = egovaExport(300, 5);
  /** The export of one month, as a fresh file (every month's export arrives as a new file). */
  const monthFile = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, writeWorkbook(null, [rawSheetToGrid(family.sheet)]));
    return path;
  };
  const sheetOf = (path: string, name: string): RawSheet => {
    const found = readWorkbook(new Uint8Array(readFileSync(path)), 'x.xlsx').find((sheet) => sheet.name === name);
    assert.ok(found, name);
    return found;
  };

  it('prints what the first build learned from the data and writes it to 月报设置', () => {
    const out = join(dir, 'first.xlsx');
    const { status, out: printed } = run(['build', monthFile('八月导出.xlsx'), '--period', '2021-08', '--as-of', '2021-09-08 17:30', '--out', out, '--built-at', '2021-09-10 09:00']);
    assert.equal(status, 0, printed);
    assert.match(printed, /从导出数据中识别/);
    assert.match(printed, /县市区 3 个（[^）]*东湖区城市管理局/);
    assert.match(printed, /问题来源 7 个/);
    assert.match(printed, /月报设置（从数据识别）/);
    const settings = readSettingsSheet(sheetOf(out, '月报设置')).settings;
    assert.ok(settings.firstLevelUnits.some((unit) => unit.name === '临江市城市管理局' && unit.origin === 'learned'));
  });

  it('--from takes last month’s settings (with the clerk’s corrections) and its history into this month’s new export', () => {
    const august = join(dir, 'august.xlsx');
    assert.equal(run(['build', monthFile('八月.xlsx'), '--period', '2021-08', '--as-of', '2021-09-08 17:30', '--out', august, '--built-at', '2021-09-10 09:00']).status, 0);
    // The clerk corrects the learned settings in August's report: 云岭市 is a 市局 department after all.
    const settings = readSettingsSheet(sheetOf(august, '月报设置')).settings;
    const corrected = { ...settings, firstLevelUnits: settings.firstLevelUnits.map((unit) => (unit.name === '云岭市综合行政执法局' ? { ...unit, group: '市局' as const } : unit)) };
    const lastMonth = join(dir, '上月月报.xlsx');
    writeFileSync(lastMonth, writeWorkbook(new Uint8Array(readFileSync(august)), [settingsToGrid(corrected)]));
    const september = join(dir, 'september.xlsx');
    const json = join(dir, 'september.json');
    const { status, out: printed } = run(['build', monthFile('九月.xlsx'), '--period', '2021-09', '--as-of', family.asOfText, '--from', lastMonth, '--out', september, '--json', json, '--built-at', '2021-10-11 09:00']);
    assert.equal(status, 0, printed);
    assert.match(printed, /设置和历史指标取自上月月报/);
    assert.doesNotMatch(printed, /从导出数据中识别/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { tables: Record<string, string[][]> };
    const units = report.tables['2021年9月-部门处置'];
    assert.ok(units.some((row) => row[0] === '云岭市综合行政执法局'), 'the correction holds: 云岭市 is in 部门处置');
    const overview = report.tables['2021年9月-案件概况'];
    const total = overview.find((row) => row[0] === '总计');
    assert.ok(total && total[7] !== '', `上期处置率 comes from August: ${JSON.stringify(total)}`);
    assert.ok(sheetOf(september, '历史指标').rows.some((row) => row[0] === '2021-08'));
  });

  it('--from refuses a workbook that is no report', () => {
    const { status, err } = run(['build', monthFile('x.xlsx'), '--from', monthFile('y.xlsx'), '--out', join(dir, 'z.xlsx')]);
    assert.equal(status, 2);
    assert.match(err, /没有"月报设置"表/);
  });

  it('--preset takes a preset instead of learning, and says how little of the data it knows', () => {
    const { status, out: printed } = run(['build', monthFile('p.xlsx'), '--period', '2021-09', '--preset', 'dazhou', '--out', join(dir, 'p-out.xlsx')]);
    assert.equal(status, 0);
    assert.match(printed, /使用指定的预设"达州市（参考简报）"：导出表中 0% 的案件/);
    assert.match(printed, /请确认选对了城市/);
    assert.equal(run(['build', monthFile('q.xlsx'), '--preset', '没有这个', '--out', join(dir, 'q-out.xlsx')]).status, 2);
  });
});

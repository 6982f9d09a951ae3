/**
 * The settings of the clerk's own tables: 【自定义表格】, 【自定义指标】 and 【目标】 written and read back,
 * read by their header names, their slips warned about (unknown sections, columns and names; what a
 * name written another way was taken to be), and the help text listing every indicator and form.
 */
import assert from 'node:assert/strict';
import {
  builtInIndicators,
  buildMonthlyReport,
  comparisonForms,
  defaultSettings,
  dimensions,
  inspectWorkbook,
  readSettingsSheet,
  settingsToGrid,
  type BuildWarning,
  type RawSheet,
  type Settings,
} from '../../src/core/index.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { editSettings, rawOf, referenceSettingsSheet } from '../helpers/workbook.ts';

const settingsSheet = (sheets: readonly RawSheet[]) => sheets.find((sheet) => sheet.name === '月报设置') as RawSheet;
const messages = (warnings: readonly BuildWarning[]) => warnings.map((warning) => `${warning.message} ${warning.action}`);

const custom: Settings = {
  ...defaultSettings,
  customIndicators: [
    { name: '受理结案率', numerator: '结案数', denominator: '受理数' },
    { name: '完成数', numerator: '有效上报数', denominator: '' },
  ],
  targets: [
    { dimension: '县区', value: '达川区', indicator: '任务数', amount: 120, period: '' },
    { dimension: '', value: '合计', indicator: '任务数', amount: 400, period: '2021-09' },
  ],
  customTables: [
    { name: '高发小类', by: '小类', groupBy: '问题类型', scope: '小类≠“无主井盖破损、缺失”；来源≠12345转办', columns: ['上报数', '上报数环比', '受理结案率→结案率'], top: 5, total: true, totalLabel: '', sort: '从多到少:上报数', display: ['箭头', '月份表头'] },
    { name: '按县区', by: '县区', groupBy: '', scope: '', columns: ['任务数', '完成数'], top: null, total: true, totalLabel: '总计', sort: '', display: [] },
    { name: '无合计', by: '街道', groupBy: '', scope: '', columns: ['上报数'], top: null, total: false, totalLabel: '', sort: '', display: [] },
  ],
};

describe('settings of custom tables', () => {
  it('writes the three sections and reads them back unchanged, quoted list items included', () => {
    const read = readSettingsSheet(rawOf(settingsToGrid(custom)));
    assert.deepEqual(read.warnings, []);
    assert.deepEqual(read.settings.customIndicators, custom.customIndicators);
    assert.deepEqual(read.settings.targets, custom.targets);
    assert.deepEqual(read.settings.customTables, custom.customTables);
  });

  it('reads a settings sheet made before the sections existed as having none, without a warning', () => {
    const old = referenceSettingsSheet();
    const cut = old.rows.findIndex((row) => row[0] === '【自定义指标】');
    const read = readSettingsSheet({ ...old, rows: old.rows.slice(0, cut) });
    assert.deepEqual(read.warnings, []);
    assert.deepEqual(read.settings.customTables, []);
  });

  it('finds the columns of 【自定义表格】 by their header names, in any order', () => {
    const sheet = referenceSettingsSheet();
    const title = sheet.rows.findIndex((row) => row[0] === '【自定义表格】');
    const rows = sheet.rows.map((row) => [...row]);
    rows[title + 1] = ['指标', '表名', '按', '前N'];
    rows.splice(title + 2, 0, ['受理数', '按来源', '来源', 3]);
    const read = readSettingsSheet({ ...sheet, rows });
    assert.deepEqual(read.warnings, []);
    assert.equal(read.settings.customTables[0].name, '按来源');
    assert.deepEqual(read.settings.customTables[0].columns, ['受理数']);
    assert.equal(read.settings.customTables[0].top, 3);
  });

  it('warns about an unknown section, an unknown column header, an unknown 【表格列】 row and a bad 前N, naming the rows', () => {
    let sheets = editSettings([], '【自定义表格】', [['按来源', '来源', '', '', '受理数', '前五', '', '', '']]);
    sheets = editSettings(sheets, '【表格列】', [['案件总况', '上报数']]);
    const sheet = settingsSheet(sheets);
    const title = sheet.rows.findIndex((row) => row[0] === '【自定义表格】');
    const rows = sheet.rows.map((row) => [...row]);
    rows[title + 1] = [...rows[title + 1], '备注'];
    rows.push([], ['【自定义表>】'], ['表名'], ['x']);
    const read = readSettingsSheet({ ...sheet, rows });
    const text = messages(read.warnings).join('\n');
    assert.match(text, /"【自定义表>】"一节不认识/);
    assert.match(text, /【自定义表格】的表头"备注"不认识/);
    assert.match(text, /【表格列】中的"案件总况"不是已知的表/);
    assert.match(text, /前N"前五"应为正整数/);
    for (const warning of read.warnings) assert.ok(warning.rows.length === 1 && warning.rows[0] > 1, warning.message);
  });

  it('warns when a section read by position has another header row (a column inserted or renamed)', () => {
    const sheet = referenceSettingsSheet();
    const rows = sheet.rows.map((row) => [...row]);
    const title = rows.findIndex((row) => row[0] === '【问题来源】');
    rows[title + 1] = ['来源', '备注', '其他写法', '自行处置'];
    const read = readSettingsSheet({ ...sheet, rows });
    assert.equal(read.warnings.length, 1);
    assert.match(read.warnings[0].message, /"【问题来源】"的表头是"来源、备注、其他写法、自行处置"，应为"来源、其他写法、自行处置、识别"/);
    assert.deepEqual(read.warnings[0].rows, [title + 2]);
  });

  it('does not warn about a header row that lacks columns added since the sheet was made', () => {
    const sheet = referenceSettingsSheet();
    const rows = sheet.rows.map((row) => [...row]);
    const title = rows.findIndex((row) => row[0] === '【问题来源】');
    rows[title + 1] = ['来源', '其他写法', '自行处置'];
    assert.deepEqual(readSettingsSheet({ ...sheet, rows }).warnings, []);
  });

  it('says what a name written another way was taken to be, and that a name it cannot read was not understood, with the nearest names', () => {
    const sheets = editSettings([caseSheet([closedCase()])], '【自定义表格】', [['检查', '所属街道', '', '问题类型=部件', '上月上报数、去年同月结案率、结按率、处置率(%)', '', '', '从多到少:上报量', '']]);
    const inspection = inspectWorkbook(sheets);
    const text = messages(inspection.settingsWarnings).join('\n');
    assert.match(text, /"上月上报数"按"上期上报数"理解/);
    assert.match(text, /"去年同月结案率"按"去年同期结案率"理解/);
    assert.match(text, /"处置率\(%\)"按"处置率"理解/);
    assert.match(text, /"上报量"按"上报数"理解/);
    assert.match(text, /按"所属街道"按"街道"理解/);
    assert.match(text, /"结按率"无法识别，这一列为空。 是否指 "结案率"/);
    // The build says the same, and the column stays empty.
    const result = buildMonthlyReport(sheets, { period: '2021-09', builtAt: 'x' });
    assert.match(messages(result.warnings).join('\n'), /"结按率"无法识别/);
  });

  it('warns about a table it cannot build and says why: an unknown dimension, dimensions of two kinds of data, a 范围 of the other kind', () => {
    const sheets = editSettings([caseSheet([closedCase()])], '【自定义表格】', [
      ['甲', '街区', '', '', '上报数', '', '', '', ''],
      ['乙', '小类', '12345类别', '', '上报数', '', '', '', ''],
      ['丙', '小类', '', '12345类别=噪音类', '上报数', '', '', '', '闪烁'],
    ]);
    const result = buildMonthlyReport(sheets, { period: '2021-09', builtAt: 'x' });
    const text = messages(result.warnings).join('\n');
    assert.match(text, /"甲"：按"街区"不是维度.*这张表未生成/);
    assert.match(text, /"乙"：分组"12345类别"与按"小类"不是同一类数据.*这张表未生成/);
    assert.match(text, /"丙"：范围："12345类别"是12345工单的维度，不能用于本表，这一条件未使用；显示"闪烁"无法识别/);
    assert.deepEqual(
      result.reportSheets.map((sheet) => sheet.name).filter((name) => /甲|乙|丙/.test(name)),
      ['2021年9月-丙'],
    );
  });

  it('warns about a clerk\'s indicator whose parts are no counts, and a target named like a built-in indicator', () => {
    let sheets = editSettings([caseSheet([closedCase()])], '【自定义指标】', [['奇怪率', '结案数', '派遣总量']]);
    sheets = editSettings(sheets, '【目标】', [['', '合计', '上报数', 10, '']]);
    const text = messages(inspectWorkbook(sheets).settingsWarnings).join('\n');
    assert.match(text, /"奇怪率"未使用："派遣总量"不是/);
    assert.match(text, /"上报数"未使用：【目标】的指标与内置指标"上报数"同名/);
  });

  it('lists every indicator, comparison form and dimension in the help text at the foot of the settings sheet', () => {
    const text = settingsToGrid(defaultSettings)
      .cells.flat()
      .map((cell) => (cell && typeof cell.value === 'string' ? cell.value : ''))
      .join('\n');
    for (const indicator of [...builtInIndicators('cases'), ...builtInIndicators('hotline')]) assert.ok(text.includes(indicator.name), indicator.name);
    for (const form of comparisonForms) assert.ok(text.includes(form.form), form.form);
    for (const word of ['上期X', '去年同期X', 'X增减', 'X增减幅', 'X环比', 'X同比', '受理结案率→结案率', '箭头', '月份表头', '标准顺序', '从多到少:指标名', '期间写 2020-09']) assert.ok(text.includes(word), word);
    for (const dimension of dimensions) assert.ok(text.includes(dimension.name), dimension.name);
    // The help is not read back as settings.
    assert.deepEqual(readSettingsSheet(rawOf(settingsToGrid(defaultSettings))).warnings, []);
  });
});

import assert from 'node:assert/strict';
import { buildMonthlyReport, defaultSettings, printedRows, readSettingsSheet, settingsToGrid, type RawSheet, type SheetGrid } from '../../src/core/index.ts';
import { gridAsRead } from '../../src/hosts/file/read-workbook.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';

const september = { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' };

function paragraphs(grid: SheetGrid | undefined): string[] {
  assert.ok(grid);
  return printedRows(grid).map((row) => row[0] ?? '');
}

function analysisOf(result: ReturnType<typeof buildMonthlyReport>): string[] {
  return paragraphs(result.reportSheets.find((grid) => grid.name.endsWith('具体分析')));
}

/** An October case of 一中队, closed on time. */
const octoberCase = (overrides = {}) =>
  closedCase({ 上报时间: '2021-10-03 10:22:00', 受理时间: '2021-10-03 10:30:00', 立案时间: '2021-10-03 10:40:00', 派遣时间: '2021-10-03 10:50:00', 处置截止时间: '2021-10-05 10:00:00', 处置完成时间: '2021-10-04 10:00:00', 结案时间: '2021-10-04 11:00:00', ...overrides });

describe('具体分析 (the drafted analysis sheet)', () => {
  it('counts reports against the previous period: 增加 N 件 beyond the steady band, 变化不大 within it', () => {
    const sept = buildMonthlyReport([caseSheet(Array.from({ length: 10 }, () => closedCase()))], september);
    const sheets: RawSheet[] = [caseSheet([...Array.from({ length: 10 }, () => closedCase()), ...Array.from({ length: 13 }, () => octoberCase())]), ...sept.sheetsToWrite.map(gridAsRead)];
    const october = buildMonthlyReport(sheets, { period: '2021-10', asOf: '2021-11-08 17:30', builtAt: '2021-11-10 09:00' });
    const first = analysisOf(october).find((text) => text.startsWith('（一）'));
    assert.match(first ?? '', /共采集上报案件13件，较上期增加3件/);
    const steady = buildMonthlyReport(sheets.map((sheet) => (sheet.name === '案件列表' ? caseSheet([...Array.from({ length: 10 }, () => closedCase()), ...Array.from({ length: 11 }, () => octoberCase())]) : sheet)), {
      period: '2021-10',
      asOf: '2021-11-08 17:30',
      builtAt: '2021-11-10 09:00',
    });
    assert.match(analysisOf(steady).find((text) => text.startsWith('（一）')) ?? '', /共采集上报案件11件，与上期相比变化不大/);
  });

  it('names the units under the warning line with their rate, and drafts a suggestion for them', () => {
    const late = closedCase({ 处置部门: '二中队', 处置截止时间: '2021-09-03 12:00:00', 处置完成时间: '2021-09-05 10:00:00', 结案时间: '2021-09-05 11:00:00' });
    const result = buildMonthlyReport([caseSheet([closedCase(), late, closedCase({ 处置部门: '二中队' })])], september);
    const texts = analysisOf(result);
    assert.match(texts.find((text) => text.startsWith('（一）')) ?? '', /其中执法直属一大队二中队50%，低于90%/);
    const suggestions = texts.slice(texts.indexOf('三、工作建议'));
    assert.ok(suggestions.some((text) => /执法直属一大队二中队按期结案率低于90%/.test(text)));
  });

  it('words its sentences by the templates of the settings sheet, and warns about an unknown figure name', () => {
    const sheet = settingsToGrid(defaultSettings);
    const cells = sheet.cells.map((row) => [...row]);
    const index = cells.findIndex((row) => row[0]?.value === '案件上报');
    cells[index] = [cells[index][0], { value: '本月共收到案件{上报数}件{未知数}。', role: 'plain' }];
    const read = readSettingsSheet(gridAsRead({ ...sheet, cells }));
    assert.equal(read.settings.brief.templates['案件上报'], '本月共收到案件{上报数}件{未知数}。');
    const result = buildMonthlyReport([caseSheet([closedCase(), closedCase()]), gridAsRead({ ...sheet, cells })], september);
    assert.ok(analysisOf(result).includes('（一）本月共收到案件2件{未知数}。'));
    assert.ok(result.warnings.some((warning) => warning.kind === 'settings' && warning.message.includes('案件上报：{未知数}')));
  });

  it('reads the brief settings back as the settings sheet writes them', () => {
    const read = readSettingsSheet(gridAsRead(settingsToGrid(defaultSettings)));
    assert.deepEqual(read.settings.brief, defaultSettings.brief);
    assert.deepEqual(read.warnings, []);
  });

  it('leaves placeholders for what the exports cannot know, and says 未出现超期办理案件 when none is overdue', () => {
    const texts = analysisOf(buildMonthlyReport([caseSheet([closedCase()]), orderSheet([order(), order()])], september));
    assert.match(texts.find((text) => text.startsWith('（五）')) ?? '', /【请填写：/);
    assert.match(texts.find((text) => text.startsWith('（二）')) ?? '', /本月共受理案件2件，上期无记录，未出现超期办理案件/);
  });

  it('carries last month\'s suggestions over as the clerk left them, but not last month\'s drafted ones', () => {
    const late = closedCase({ 处置部门: '二中队', 处置截止时间: '2021-09-03 12:00:00', 处置完成时间: '2021-09-05 10:00:00', 结案时间: '2021-09-05 11:00:00' });
    const sept = buildMonthlyReport([caseSheet([late])], september);
    const sheets = sept.sheetsToWrite.map(gridAsRead).map((sheet) => {
      if (!sheet.name.endsWith('具体分析')) return sheet;
      // The clerk rewrites the first standing suggestion and adds one of their own.
      const rows = sheet.rows.map((row) => [...row]);
      const at = rows.findIndex((row) => String(row[0]).startsWith('（一）') && rows.slice(0, rows.indexOf(row)).some((above) => above[0] === '三、工作建议'));
      rows[at] = ['（一）本月起请各中队每周核对一次系统回复。'];
      rows.splice(at + 1, 0, ['（二）加强夜间巡查。']);
      return { ...sheet, rows };
    });
    const october = buildMonthlyReport([caseSheet([late, octoberCase()]), ...sheets], { period: '2021-10', asOf: '2021-11-08 17:30', builtAt: '2021-11-10 09:00' });
    const texts = analysisOf(october);
    const start = texts.indexOf('三、工作建议') + 1;
    const suggestions = texts.slice(start, texts.indexOf('', start));
    assert.equal(suggestions[0], '（一）本月起请各中队每周核对一次系统回复。');
    assert.equal(suggestions[1], '（二）加强夜间巡查。');
    assert.ok(!suggestions.some((text) => text.includes('二中队按期结案率低于')), suggestions.join('\n'));
  });
});

/**
 * The history outgrowing one Excel sheet: weekly and monthly builds of a big city record about 8,000
 * figures each, so a few years exceed the 1,048,576 rows of a sheet. The older years then move to
 * sheets of their own, nothing is cut, and every later build reads them all.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, historyArchiveName, historySheetName, historySheetRowLimit, historyToGrids, isHistorySheetName, readHistorySheets, type HistoryRecord, type RawSheet } from '../../src/core/index.ts';
import { generateCases, generatedSheet } from '../helpers/generated-cases.ts';
import { rawOf, referenceSettingsSheet } from '../helpers/workbook.ts';

function records(period: string, count: number): HistoryRecord[] {
  return Array.from({ length: count }, (_, index) => ({ period, table: '案件概况', row: `来源${index}`, indicator: '上报数', value: index, asOf: '2021-10-08 17:30', recordedAt: '2021-10-11 09:00' }));
}

describe('history sheets', () => {
  it('keeps the history in one sheet up to the rows an Excel sheet holds below its header', () => {
    assert.equal(historySheetRowLimit, 1_048_576 - 1);
    const { grids } = historyToGrids(records('2021-09', 50));
    assert.deepEqual(
      grids.map((grid) => grid.name),
      [historySheetName],
    );
    assert.equal(grids[0].cells.length, 51);
  });

  it('moves the oldest years to sheets of their own when the history outgrows a sheet, keeping every row', () => {
    // Limit 10 rows a sheet: 2019 has 6 (two weeks), 2020 has 8, 2021 has 7 (a month and two weeks).
    const all = [...records('2019-W51', 3), ...records('2019-W52', 3), ...records('2020-06', 4), ...records('2020-Q2', 4), ...records('2021-09', 3), ...records('2021-W37', 2), ...records('2021-W38', 2)];
    const { grids, note } = historyToGrids(all, 10);
    assert.deepEqual(
      grids.map((grid) => grid.name),
      [historySheetName, historyArchiveName('2019'), historyArchiveName('2020')],
    );
    assert.deepEqual(
      grids.map((grid) => grid.cells.length - 1),
      [7, 6, 8],
    );
    for (const grid of grids) assert.ok(grid.cells.length - 1 <= 10);
    assert.ok(grids.every((grid) => isHistorySheetName(grid.name)));
    assert.equal(note.kind, 'historyArchived');
    assert.match(note.message, /历史指标（2019年）/);
    assert.match(note.message, /没有丢弃任何一行/);
    // Read back (the sheets in any order in the workbook): every record, in the order written.
    const sheets = [...grids].reverse().map(rawOf);
    const read = readHistorySheets(sheets);
    assert.deepEqual(read.warnings, []);
    assert.deepEqual(
      read.records.map((record) => `${record.period}|${record.row}`),
      all.map((record) => `${record.period}|${record.row}`),
    );
  });

  it('splits a year larger than a sheet into parts', () => {
    const all = [...records('2020-01', 5), ...records('2021-01', 12), ...records('2022-01', 4)];
    const { grids } = historyToGrids(all, 10);
    assert.deepEqual(
      grids.map((grid) => [grid.name, grid.cells.length - 1]),
      [
        [historySheetName, 6],
        [historyArchiveName('2020'), 5],
        [historyArchiveName('2021', 1), 10],
      ],
    );
    assert.equal(historyArchiveName('2021', 2), '历史指标（2021年之2）');
    assert.equal(readHistorySheets(grids.map(rawOf)).records.length, all.length);
  });

  it('takes 上期 from a yearly history sheet in a build', () => {
    const cases = generateCases('2021-01', 40, 7);
    const archived: RawSheet = {
      name: historyArchiveName('2020'),
      rows: [
        ['期间', '表', '行', '指标', '数值', '统计时点', '记录时间'],
        ['2020-12', '案件概况', '总计', '上报数', 33, '2021-01-08 17:30', '2021-01-11 09:00'],
        ['2020-12', '案件概况', '总计', '处置率', 0.5, '2021-01-08 17:30', '2021-01-11 09:00'],
      ],
    };
    const result = buildMonthlyReport([generatedSheet(cases), referenceSettingsSheet(), archived, { name: historySheetName, rows: [['期间', '表', '行', '指标', '数值', '统计时点', '记录时间']] }], { period: '2021-01', asOf: '2021-02-08 17:30', builtAt: '2021-02-11 09:00' });
    const overview = result.reportSheets.find((grid) => grid.name === '2021年1月-案件概况');
    assert.ok(overview);
    const header = overview.cells[1].map((cell) => cell?.value);
    const total = overview.cells.find((row) => row[0]?.value === '总计');
    assert.equal(total?.[header.indexOf('上期处置率')]?.value, 0.5);
    // The yearly sheet is never read as an export, and its rows carry over to the new history.
    assert.ok(!result.layouts.some((layout) => layout.sheet === archived.name));
    const history = result.sheetsToWrite.find((grid) => grid.name === historySheetName);
    assert.ok(history?.cells.some((row) => row[0]?.value === '2020-12'));
  });
});

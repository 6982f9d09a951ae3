/**
 * Golden tests: the bundled sample's 12345 export reproduces ../shared/reference/seed-figures.md
 * （四）–（六）, built on top of August so that 较上期 comes from the history sheet.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMonthlyReport, printedRows, type BuildResult } from '../../src/core/index.ts';
import { buildReportFile } from '../../src/hosts/file/build-file.ts';
import { readWorkbook } from '../../src/hosts/file/read-workbook.ts';
import { chartsBySheet, entries } from '../hosts/file/fixtures.ts';

const samplePath = fileURLToPath(new URL('../../samples/sample-2021.xlsx', import.meta.url));

describe('golden: the sample reproduces the reference brief (2021年9月, （四）–（六）)', function () {
  let september: BuildResult;
  let output: Uint8Array;
  const sheet = (suffix: string) => {
    const grid = september.reportSheets.find((candidate) => candidate.name.endsWith(suffix));
    assert.ok(grid, suffix);
    return grid;
  };

  before(function () {
    const input = new Uint8Array(readFileSync(samplePath));
    const august = buildReportFile(input, 'sample-2021.xlsx', { period: '2021-08', asOf: '2021-09-08 17:30', builtAt: '2021-09-10 09:00' });
    const built = buildReportFile(august.bytes, 'sample-2021-08.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' });
    september = built.result;
    output = built.bytes;
  });

  it('（四）: 429 orders, 99 more than the previous period, none overdue, 33 returned', () => {
    const hotline = september.hotline;
    assert.ok(hotline);
    assert.deepEqual([hotline.received, hotline.overdue, hotline.returned], [429, 0, 33]);
    assert.match(String(sheet('12345受理').cells[1][0]?.value), /共受理12345工单429件，较上期增加99件.*未出现超期办理案件；回退33件/);
  });

  it('（四）: by unit at the 12345 level, most first', () => {
    assert.deepEqual(
      september.hotline?.byUnit.map((unit) => `${unit.name}${unit.count}`),
      ['执法直属一大队383', '市政工程处18', '市环卫处16', '市火管中队5', '中石油天然气公司5', '环卫管理科1', '行政审批科1'],
    );
  });

  it('（四）: by report category, in the order of the settings, 噪音类 31% of all', () => {
    assert.deepEqual(
      september.hotline?.byCategory.map((category) => `${category.name}${category.count}`),
      ['噪音类135', '规划建设类82', '占道经营类77', '市政设施类18', '油烟扰民类41', '环卫保洁类8', '广告店招类6', '扬尘污染类3', '其他59'],
    );
    const noise = printedRows(sheet('12345受理')).find((row) => row[0] === '噪音类');
    assert.deepEqual(noise?.slice(0, 3), ['噪音类', '135', '31.47%']);
  });

  it('（四）: returned orders by second-level unit', () => {
    assert.deepEqual(
      september.hotline?.returnsByUnit.map((unit) => `${unit.name}${unit.count}`),
      ['一中队7', '二中队2', '三中队7', '四中队8', '五中队2', '夜勤中队2', '市政工程处3', '市环卫处2'],
    );
  });

  it('（四）: a column chart of units and a pie chart of categories in the sheet', () => {
    assert.deepEqual(
      sheet('12345受理').charts?.map((chart) => chart.type),
      ['column', 'pie'],
    );
  });

  it('（五）: exactly the three repeat problems of the brief, all 三中队', () => {
    const groups = september.hotline?.repeatGroups ?? [];
    assert.equal(groups.length, 3, groups.map((group) => `${group.subCategory} ${group.place} ${group.orders.length}`).join('; '));
    assert.ok(groups.every((group) => group.representative.unit?.level2 === '三中队'));
    const rows = printedRows(sheet('热难点')).filter((row) => row[1] === '三中队');
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((row) => row[2]),
      ['其他噪音', '规划', '规划'],
    );
    assert.match(rows[0][3], /天祥门窗店/);
    assert.match(rows[1][3], /^1、.*海星园/);
    assert.match(rows[2][3], /^2、.*澜湖郡S3-2/);
  });

  it('（六）: 小区内私搭乱建: 82 received, 78 done, 4 in progress, the ten 小区 in order then 等; patrol 0', () => {
    const [building, digging] = september.topics;
    assert.deepEqual([building.orders.received, building.orders.done, building.orders.inProgress], [82, 78, 4]);
    assert.deepEqual(building.orders.places, ['江湾城', '澜湖郡', '清华园', '中梁首府', '天誉誉府', '仁和春天', '中迪', '时尚家苑', '四季花城', '体育佳苑']);
    assert.equal(building.orders.morePlaces, true);
    assert.equal(building.cases.received, 0);
    const row = printedRows(sheet('十件事')).find((cells) => cells[0] === '小区内私搭乱建' && cells[1] === '12345系统受理案件');
    assert.equal(row?.[5], '江湾城、澜湖郡、清华园、中梁首府、天誉誉府、仁和春天、中迪、时尚家苑、四季花城、体育佳苑等');
    assert.match(row?.[6] ?? '', /澜湖郡S3-2/);
    void digging;
  });

  it('（六）: 乱开挖、挖而不围、随意打围: 12345 0; patrol 2, both done, with their numbered descriptions', () => {
    const digging = september.topics[1];
    assert.deepEqual([digging.orders.received, digging.cases.received, digging.cases.done, digging.cases.inProgress], [0, 2, 2, 0]);
    const row = printedRows(sheet('十件事')).find((cells) => cells[0] === '乱开挖、挖而不围、随意打围' && cells[1] === '巡查上报案件');
    assert.equal(row?.[5], '1、金山顺街朝朝阳西路方向,实惠小吃旁占道施工未打围。\n2、金龙大道往旺角城方向,达州广播电视大学左侧停车场4米处人行道上施工作业未设围档。');
  });

  it('writes no caller name and no phone number of the export into any generated sheet', () => {
    const sheets = readWorkbook(output, 'out.xlsx');
    const raw = sheets.find((candidate) => candidate.name === '12345工单');
    assert.ok(raw);
    const header = raw.rows.findIndex((row) => row.includes('诉求人'));
    const [nameCol, phoneCol] = ['诉求人', '来电号码'].map((title) => raw.rows[header].indexOf(title));
    const names = new Set(raw.rows.slice(header + 1).map((row) => String(row[nameCol] ?? '')).filter((name) => name.length >= 2));
    const phones = new Set(raw.rows.slice(header + 1).map((row) => String(row[phoneCol] ?? '')).filter((phone) => phone.length >= 7));
    assert.ok(names.size > 100 && phones.size > 100);
    const generated = sheets.filter((candidate) => /^\d{4}年\d{1,2}月-/.test(candidate.name) || candidate.name === '历史指标');
    const text = generated.flatMap((candidate) => candidate.rows.flat().map((cell) => String(cell ?? ''))).join('\n');
    for (const name of names) assert.ok(!text.includes(name), `caller name ${name} in a generated sheet`);
    for (const phone of phones) assert.ok(!text.includes(phone), `phone number ${phone} in a generated sheet`);
    assert.ok(!/(?<!\d)1[3-9]\d{9}(?!\d)/.test(text), 'a mobile number in a generated sheet');
  });

  it('keeps this month\'s charts, byte for byte, when next month is built on the same file', () => {
    const charts = chartsBySheet(output).get('2021年9月-12345受理') ?? [];
    assert.equal(charts.length, 2);
    const october = buildReportFile(output, 'sample-2021-09.xlsx', { period: '2021-10', asOf: '2021-10-08 17:30', builtAt: '2021-11-10 09:00' }).bytes;
    assert.deepEqual(chartsBySheet(october).get('2021年9月-12345受理'), charts);
    for (const part of charts) assert.deepEqual(entries(october)[part], entries(output)[part]);
    assert.equal(chartsBySheet(october).get('2021年10月-12345受理')?.length, 2);
  });

  it('finds the same three problems when every address also names its 街道 (a sub-district, not a street)', () => {
    const sheets = readWorkbook(new Uint8Array(readFileSync(samplePath)), 'sample-2021.xlsx').map((sheet) => {
      if (sheet.name !== '12345工单') return sheet;
      const header = sheet.rows.findIndex((row) => row.includes('诉求地址'));
      const col = sheet.rows[header].indexOf('诉求地址');
      const rows = sheet.rows.map((row, index) => {
        const address = row[col];
        if (index <= header || typeof address !== 'string') return row;
        const withStreet = address.startsWith('通川区西外') ? address.replace('通川区西外', '通川区西城街道') : address.replace(/^通川区/, '通川区东城街道');
        return row.map((cell, c) => (c === col ? withStreet : cell));
      });
      return { ...sheet, rows };
    });
    const result = buildMonthlyReport(sheets, { period: '2021-09', builtAt: '2021-10-11 09:00' });
    assert.deepEqual(
      result.hotline?.repeatGroups.map((group) => `${group.subCategory}/${group.place}/${group.orders.length}`),
      ['其他噪音/宏升国际/4', '规划/海星园/3', '规划/澜湖郡/3'],
    );
    assert.deepEqual(result.topics[0].orders.places, september.topics[0].orders.places);
  });
});

import assert from 'node:assert/strict';
import type { Element } from '@xmldom/xmldom';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { chartsBySheet, entries, hotlineGrid, overviewGrid, packageProblems, parseXml, rawExportWorkbook, text } from './fixtures.ts';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

describe('writeWorkbook charts', () => {
  const september = writeWorkbook(rawExportWorkbook(), [overviewGrid('2021年9月'), hotlineGrid('2021年9月')]);
  const october = writeWorkbook(september, [overviewGrid('2021年10月'), hotlineGrid('2021年10月')]);

  function chartDoc(bytes: Uint8Array, sheet: string, index: number) {
    const part = chartsBySheet(bytes).get(sheet)?.[index];
    assert.ok(part, `chart ${index} of ${sheet}`);
    return parseXml(text(bytes, part), part);
  }

  it('writes a column chart over the unit table with cached values and a quoted sheet reference', () => {
    const doc = chartDoc(september, '2021年9月-12345受理', 0);
    const bar = doc.getElementsByTagNameNS(NS_C, 'barChart')[0];
    assert.ok(bar);
    assert.equal(bar.getElementsByTagNameNS(NS_C, 'barDir')[0].getAttribute('val'), 'col');
    const refs = Array.from(doc.getElementsByTagNameNS(NS_C, 'f')).map((f) => f.textContent);
    assert.deepEqual(refs, ["'2021年9月-12345受理'!$A$4:$A$7", "'2021年9月-12345受理'!$B$4:$B$7"]);
    const cats = Array.from(doc.getElementsByTagNameNS(NS_C, 'strCache')[0].getElementsByTagNameNS(NS_C, 'v')).map((v) => v.textContent);
    assert.deepEqual(cats, ['城管执法局', '住建局', '交通运输局', '执法直属一大队']);
    const vals = Array.from(doc.getElementsByTagNameNS(NS_C, 'numCache')[0].getElementsByTagNameNS(NS_C, 'v')).map((v) => Number(v.textContent));
    assert.deepEqual(vals, [512, 203, 98, 77]);
    const title = Array.from(doc.getElementsByTagNameNS(NS_C, 'title')[0].getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/main', 't')).map((t) => t.textContent).join('');
    assert.equal(title, '各承办单位受理数');
  });

  it('writes a pie chart whose slices are labelled with category name and percentage', () => {
    const doc = chartDoc(september, '2021年9月-12345受理', 1);
    const pie = doc.getElementsByTagNameNS(NS_C, 'pieChart')[0];
    assert.ok(pie);
    const labels = pie.getElementsByTagNameNS(NS_C, 'dLbls')[0];
    const flag = (name: string) => labels.getElementsByTagNameNS(NS_C, name)[0].getAttribute('val');
    assert.equal(flag('showCatName'), '1');
    assert.equal(flag('showPercent'), '1');
    assert.equal(flag('showVal'), '0');
    assert.equal(pie.getElementsByTagNameNS(NS_C, 'dPt').length, 4, 'one colour per slice');
  });

  it('anchors each chart at its cell range in the sheet drawing', () => {
    const files = entries(september);
    const drawing = Object.keys(files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    assert.ok(drawing);
    const doc = parseXml(text(september, drawing), drawing);
    const anchors = Array.from(doc.getElementsByTagNameNS(NS_XDR, 'twoCellAnchor'));
    assert.equal(anchors.length, 2);
    const marker = (anchor: Element, tag: string) => {
      const m = anchor.getElementsByTagNameNS(NS_XDR, tag)[0];
      return [m.getElementsByTagNameNS(NS_XDR, 'row')[0].textContent, m.getElementsByTagNameNS(NS_XDR, 'col')[0].textContent].map(Number);
    };
    assert.deepEqual(marker(anchors[0], 'from'), [2, 4]);
    assert.deepEqual(marker(anchors[0], 'to'), [17, 11]);
    assert.deepEqual(marker(anchors[1], 'from'), [18, 4]);
  });

  it("keeps the first month's chart parts and their references when another month is written", () => {
    const before = chartsBySheet(september).get('2021年9月-12345受理') ?? [];
    const after = chartsBySheet(october).get('2021年9月-12345受理') ?? [];
    assert.equal(before.length, 2);
    assert.deepEqual(after, before);
    for (const part of before) assert.deepEqual(entries(october)[part], entries(september)[part], `${part} unchanged`);
    const octoberCharts = chartsBySheet(october).get('2021年10月-12345受理') ?? [];
    assert.equal(octoberCharts.length, 2);
    assert.equal(new Set([...before, ...octoberCharts]).size, 4, 'new chart parts do not reuse old part names');
  });

  it('keeps every relationship target and content-type override pointing at an existing part', () => {
    assert.deepEqual(packageProblems(september), []);
    assert.deepEqual(packageProblems(october), []);
  });

  it("removes a month's charts when its sheet is rebuilt, and only that month's", () => {
    const rebuilt = writeWorkbook(october, [hotlineGrid('2021年9月')]);
    const september2 = chartsBySheet(rebuilt).get('2021年9月-12345受理') ?? [];
    const octoberCharts = chartsBySheet(rebuilt).get('2021年10月-12345受理') ?? [];
    assert.equal(september2.length, 2);
    assert.deepEqual(octoberCharts, chartsBySheet(october).get('2021年10月-12345受理'));
    const chartParts = Object.keys(entries(rebuilt)).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    assert.equal(chartParts.length, 4, 'the replaced sheet left no orphan charts');
    const drawings = Object.keys(entries(rebuilt)).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    assert.equal(drawings.length, 2);
    assert.deepEqual(packageProblems(rebuilt), []);
  });

  it('rejects a chart whose categories and values cover different rows', () => {
    const grid = hotlineGrid('2021年9月');
    const column = grid.charts?.[0];
    assert.ok(column);
    const bad = { ...grid, charts: [{ ...column, values: { row: 3, col: 1, lastRow: 5 } }] };
    assert.throws(() => writeWorkbook(null, [bad]), /same rows/);
  });
});

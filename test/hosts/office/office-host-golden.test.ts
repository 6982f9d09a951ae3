/**
 * The whole job inside (fake) Excel: the bundled sample's sheets are put into the fake workbook as
 * Excel holds them, read back through the Office host, built by the core, written through the host;
 * the sheets Excel then holds show the reference brief's figures, and rebuilding on them fills 上期.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMonthlyReport, formatRate } from '../../../src/core/index.ts';
import { readWorkbook } from '../../../src/hosts/file/read-workbook.ts';
import { createOfficeHost } from '../../../src/hosts/office/office-host.ts';
import { FakeExcel } from './fake-excel.ts';
import { addRawSheet } from './grids.ts';

const samplePath = fileURLToPath(new URL('../../../samples/sample-2021.xlsx', import.meta.url));

describe('Office host: the sample through fake Excel gives the golden figures', function () {
  this.timeout(120_000);
  const excel = new FakeExcel();
  const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
  let syncsForSeptember = 0;

  before(async () => {
    for (const sheet of readWorkbook(new Uint8Array(readFileSync(samplePath)), 'sample-2021.xlsx')) addRawSheet(excel, sheet);
    const august = buildMonthlyReport(await host.readSheets(), { period: '2021-08', asOf: '2021-09-08 17:30', builtAt: '2021-09-10 09:00' });
    await host.writeSheets(august.sheetsToWrite);
    const september = buildMonthlyReport(await host.readSheets(), { period: '2021-09', builtAt: '2021-10-11 09:00' });
    assert.deepEqual(september.editedSheets, []);
    const before = excel.syncCount;
    await host.writeSheets(september.sheetsToWrite);
    syncsForSeptember = excel.syncCount - before;
  });

  /** A row of a sheet as Excel shows it: rates by their value, counts as numbers, merged cells empty. */
  const row = (sheetName: string, ...labels: string[]): string[] => {
    const sheet = excel.sheet(sheetName);
    const area = sheet.usedArea(true);
    assert.ok(area);
    for (let r = area.row; r < area.row + area.rowCount; r++) {
      const values = Array.from({ length: area.columnCount }, (_, c) => {
        const cell = sheet.cellAt(r, c);
        const value = sheet.valueAt(r, c);
        return typeof value === 'number' && /%$/.test(cell.numberFormat ?? '') ? formatRate(value) : String(value ?? '');
      });
      if (labels.every((label) => values.includes(label))) return values;
    }
    assert.fail(`no row ${labels.join('/')} in ${sheetName}`);
  };

  it('（一）: 总计 4381 reported … 98.62% disposed, with 上期 99.28% from the August build', () => {
    assert.deepEqual(row('2021年9月-案件概况', '总计').slice(1, 12), ['4381', '4379', '4354', '4137', '4080', '98.62%', '99.28%', '4136', '4080', '98.65%', '99.21%']);
  });

  it('（二）: 一中队 and 总计', () => {
    assert.deepEqual(row('2021年9月-部门处置', '一中队').slice(2), ['1344', '1344', '100%', '100%', '1344', '1344', '100%', '100%', '1296', '96.43%', '95.41%']);
    assert.deepEqual(row('2021年9月-部门处置', '总计').slice(2), ['3848', '3846', '99.95%', '99.84%', '3847', '3846', '99.97%', '99.89%', '3479', '90.43%', '91.51%']);
  });

  it('（三）: the counties', () => {
    assert.deepEqual(row('2021年9月-县区办理', '受理数').slice(1), ['61', '20', '46', '19', '22', '121']);
  });

  it('（四）: 12345 by unit, with its two charts', () => {
    assert.deepEqual(row('2021年9月-12345受理', '执法直属一大队').slice(0, 3), ['执法直属一大队', '383', '89.28%']);
    assert.deepEqual(
      excel.sheet('2021年9月-12345受理').charts.map((chart) => chart.type),
      ['ColumnClustered', 'Pie'],
    );
  });

  it('（五）（六）: the repeat problems and the focus topics', () => {
    assert.equal(row('2021年9月-热难点', '其他噪音')[4], '4');
    assert.deepEqual(row('2021年9月-十件事', '12345系统受理案件', '82').slice(2, 5), ['82', '78', '4']);
  });

  it('leaves the raw sheets first, the generated ones after them, and no temporary sheet', () => {
    const names = excel.sheetNames();
    assert.deepEqual(names.slice(0, 3), ['案件列表', '12345工单', '回退记录']);
    assert.ok(names.includes('月报设置') && names.includes('历史指标'));
    assert.deepEqual(names.filter((name) => name.startsWith('~tmp')), []);
  });

  it('writes the whole September report in a handful of syncs', () => {
    // 12 sheets since the brief added 具体分析 and the hidden layout store (_月报版式).
    assert.ok(syncsForSeptember <= 14, `${syncsForSeptember} syncs`);
  });
});

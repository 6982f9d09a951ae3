/**
 * Reading through the Office host: used ranges that do not start at A1, values as Excel holds them,
 * and large sheets read in several requests that each stay under the payload budget.
 */
import assert from 'node:assert/strict';
import type { HostProgress } from '../../../src/hosts/workbook-host.ts';
import { createOfficeHost } from '../../../src/hosts/office/office-host.ts';
import { FakeExcel, type FakeValue } from './fake-excel.ts';

const FOUR_MB = 4 * 1024 * 1024;

describe('Office host: reading', () => {
  it('reads a sheet whose used range starts at C5, padding columns A and B and setting firstRow to 5', async () => {
    const excel = new FakeExcel();
    excel.addSheet('案件列表', [
      ['任务号', '上报时间', '是否超期'],
      ['T001', 44442.43, false],
      [null, '2021-09-03 10:22', true],
    ], { firstRow: 5, firstColumn: 2 });
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    const [sheet] = await host.readSheets();
    assert.equal(sheet.name, '案件列表');
    assert.equal(sheet.firstRow, 5);
    assert.deepEqual(sheet.rows, [
      [null, null, '任务号', '上报时间', '是否超期'],
      [null, null, 'T001', 44442.43, false],
      [null, null, null, '2021-09-03 10:22', true],
    ]);
  });

  it('reads every sheet in workbook order, a blank one as no rows, and turns empty cells into null', async () => {
    const excel = new FakeExcel();
    excel.addSheet('一', [['a', null, 'c']]);
    excel.addSheet('空白');
    excel.addSheet('三', [[1], [null], [3]]);
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    const sheets = await host.readSheets();
    assert.deepEqual(sheets.map((sheet) => sheet.name), ['一', '空白', '三']);
    assert.deepEqual(sheets[0].rows, [['a', null, 'c']]);
    assert.deepEqual(sheets[1].rows, []);
    assert.deepEqual(sheets[2].rows, [[1], [null], [3]]);
    assert.deepEqual(await host.listSheets(), ['一', '空白', '三']);
  });

  it('reads a 200,000-row × 24-column sheet in several requests, each under 4 MB, keeping serial numbers as numbers', async function () {
    this.timeout(60_000);
    const excel = new FakeExcel();
    const rowCount = 200_000;
    const sources = ['巡查上报', '监督员上报', '12345转办'];
    excel.addSyntheticSheet('大表', {
      row: 0, col: 0, rowCount, columnCount: 24,
      valueAt: (row: number, col: number): FakeValue => {
        if (row === 0) return `列${col + 1}`;
        if (col === 0) return `T${row}`;
        if (col === 1) return 44440 + (row % 30) + 0.25;
        if (col % 3 === 0) return sources[row % 3];
        return (row * col) % 1000;
      },
    });
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    const progress: HostProgress[] = [];
    const [sheet] = await host.readSheets({ onProgress: (p) => progress.push(p) });

    assert.equal(sheet.rows.length, rowCount);
    assert.deepEqual(sheet.rows[0].slice(0, 3), ['列1', '列2', '列3']);
    assert.deepEqual(sheet.rows[1].slice(0, 4), ['T1', 44441.25, 1 * 2 % 1000, '监督员上报']);
    assert.equal(typeof sheet.rows[rowCount - 1][1], 'number', 'serial numbers stay numbers');
    assert.equal(sheet.rows[rowCount - 1].length, 24);

    const reads = excel.syncs.filter((sync) => sync.responseBytes > 100_000);
    assert.ok(reads.length >= 3, `several chunked requests, got ${reads.length}`);
    for (const sync of excel.syncs) {
      assert.equal(sync.failed, undefined);
      assert.ok(sync.responseBytes < FOUR_MB, `a response of ${sync.responseBytes} bytes`);
    }
    assert.ok(progress.length >= reads.length);
    assert.ok(progress.every((p, i) => p.phase === 'read' && (i === 0 || p.fraction >= progress[i - 1].fraction)));
    assert.equal(progress.at(-1)?.fraction, 1);
  });

  it('reads rows again in halves when they turn out larger than the first sample suggested', async () => {
    const excel = new FakeExcel();
    const longText = '长'.repeat(1500);
    excel.addSyntheticSheet('描述', {
      row: 0, col: 0, rowCount: 3000, columnCount: 2,
      // The first rows are short; from row 500 on each row carries 4.5 KB of description.
      valueAt: (row: number, col: number): FakeValue => (col === 0 ? row : row < 500 ? '短' : longText),
    });
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    const [sheet] = await host.readSheets();
    assert.equal(sheet.rows.length, 3000);
    assert.equal(sheet.rows[2999][1], longText);
    assert.ok(excel.syncs.some((sync) => sync.failed === 'ResponsePayloadSizeLimitExceeded'), 'Excel refused a chunk first');
  });

  it('keeps every chunk under the cell limit it is given', async () => {
    const excel = new FakeExcel();
    excel.addSyntheticSheet('宽表', { row: 0, col: 0, rowCount: 1000, columnCount: 10, valueAt: (row: number) => row });
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport, maxCellsPerRead: 2000 });
    const [sheet] = await host.readSheets();
    assert.equal(sheet.rows.length, 1000);
    // 1 listing + 1 used range + 1 sample of 100 rows + 900 rows in chunks of at most 200 rows.
    assert.equal(excel.syncCount, 2 + 1 + 5);
  });

  it('does not change the workbook', async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet('案件列表', [['任务号'], ['T1']]);
    const before = JSON.stringify([...sheet.cells]);
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    await host.readSheets();
    assert.equal(JSON.stringify([...sheet.cells]), before);
    assert.deepEqual(excel.sheetNames(), ['案件列表']);
  });
});

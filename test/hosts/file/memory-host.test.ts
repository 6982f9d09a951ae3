import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8 } from 'fflate';
import { buildMonthlyReport } from '../../../src/core/index.ts';
import type { HostProgress } from '../../../src/hosts/workbook-host.ts';
import type { MemoryHost } from '../../../src/hosts/file/memory-host.ts';
import { openMemoryHost } from '../../../src/hosts/file/memory-workbook.ts';
import { rawSheetToGrid } from '../../../src/hosts/file/build-file.ts';
import { readWorkbook } from '../../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { metaGrid, overviewGrid, rawExportWorkbook } from './fixtures.ts';

/** A sheet's whole preview, fetched as the preview fetches it: its frame, then its rows. */
async function wholePreview(host: MemoryHost, name: string) {
  const frame = await host.previewFrame(name);
  if (frame === null) return null;
  return { ...frame, rows: await host.previewRows(name, 1, frame.rowCount) };
}

const samplePath = fileURLToPath(new URL('../../../samples/sample-2021.xlsx', import.meta.url));

describe('createMemoryHost', () => {
  describe('reading', () => {
    it('reads the sheets of an .xlsx in workbook order, as readWorkbook does', async () => {
      const bytes = rawExportWorkbook();
      const host = await openMemoryHost(bytes, '导出.xlsx');
      assert.equal(host.kind, 'file');
      assert.deepEqual(await host.listSheets(), ['案件明细', '12345工单']);
      assert.deepEqual(await host.readSheets(), readWorkbook(bytes, '导出.xlsx'));
    });

    it('converts a .csv into an .xlsx whose only sheet is named after the file, values unchanged', async () => {
      const csv = strToU8('任务号,问题来源,上报时间\n2021090300123,巡查上报,2021-09-03 10:22:00\n');
      const host = await openMemoryHost(csv, '九月案件.csv');
      const bytes = (await host.currentBytes());
      assert.equal(bytes[0], 0x50, 'the current bytes are a zip package');
      assert.deepEqual(await host.listSheets(), ['九月案件']);
      const [sheet] = await host.readSheets();
      assert.deepEqual(sheet.rows, [['任务号', '问题来源', '上报时间'], ['2021090300123', '巡查上报', '2021-09-03 10:22:00']]);
    });

    it('reports read progress from 0 to 1', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      const seen: HostProgress[] = [];
      await host.readSheets({ onProgress: (progress) => seen.push(progress) });
      assert.deepEqual(seen.map((progress) => [progress.phase, progress.fraction]), [['read', 0], ['read', 1]]);
    });

    it('throws on bytes that are no workbook', async () => {
      await assert.rejects(openMemoryHost(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx'));
    });
  });

  describe('writing', () => {
    it('appends new sheets, replaces a sheet of the same name, and lists sheets as the workbook holds them', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      await host.writeSheets([overviewGrid('2021年9月'), metaGrid()]);
      await host.writeSheets([overviewGrid('2021年9月')]);
      const fresh = readWorkbook((await host.currentBytes()), 'x.xlsx');
      assert.deepEqual(await host.listSheets(), fresh.map((sheet) => sheet.name));
      assert.deepEqual(await host.listSheets(), ['案件明细', '12345工单', '月报记录', '2021年9月-案件概况']);
      assert.deepEqual(host.getState().sheets.map((info) => [info.name, info.hidden]), fresh.map((sheet) => [sheet.name, sheet.hidden === true]));
      const overview = (await host.readSheets()).find((sheet) => sheet.name === '2021年9月-案件概况');
      assert.equal(overview?.rows[2][1], 3120);
    });

    it('deletes removeSheets', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      await host.writeSheets([overviewGrid('2021年9月')], { removeSheets: ['12345工单'] });
      assert.deepEqual(await host.listSheets(), ['案件明细', '2021年9月-案件概况']);
    });

    it('keeps the bytes, the sheets and the state when a write fails', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      const before = (await host.currentBytes());
      const stateBefore = host.getState();
      await assert.rejects(host.writeSheets([{ ...overviewGrid('2021年9月'), name: '坏/名字' }]), /not allow/);
      assert.deepEqual((await host.currentBytes()), before);
      assert.equal(host.getState(), stateBefore);
    });

    it('reports write progress and bumps the version', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      const seen: HostProgress[] = [];
      await host.writeSheets([overviewGrid('2021年9月')], { onProgress: (progress) => seen.push(progress) });
      assert.deepEqual(seen.map((progress) => [progress.phase, progress.fraction]), [['write', 0], ['write', 1]]);
      assert.equal(host.getState().version, 1);
    });

    it('does not modify the caller’s bytes', async () => {
      const bytes = rawExportWorkbook();
      const copy = bytes.slice();
      const host = await openMemoryHost(bytes, 'x.xlsx');
      await host.writeSheets([overviewGrid('2021年9月')]);
      assert.deepEqual(bytes, copy);
    });
  });

  describe('active sheet and selection', () => {
    it('starts on the first visible sheet', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      assert.equal(host.getState().activeSheet, '案件明细');
    });

    it('activateSheet records the sheet, clears the selection and notifies listeners; false for an unknown sheet', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      let calls = 0;
      const unsubscribe = host.subscribe(() => calls++);
      await host.selectRows('案件明细', [3]);
      assert.equal(await host.activateSheet('12345工单'), true);
      assert.equal(host.getState().activeSheet, '12345工单');
      assert.deepEqual(host.getState().selectedRows, []);
      assert.equal(await host.activateSheet('没有这张表'), false);
      assert.equal(calls, 2);
      unsubscribe();
      await host.activateSheet('案件明细');
      assert.equal(calls, 2, 'no calls after unsubscribing');
    });

    it('selectRows activates the sheet, keeps sorted unique rows and bumps the selection id', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      await host.activateSheet('12345工单');
      assert.equal(await host.selectRows('案件明细', [5, 3, 5]), true);
      assert.equal(host.getState().activeSheet, '案件明细');
      assert.deepEqual(host.getState().selectedRows, [3, 5]);
      const id = host.getState().selectionId;
      await host.selectRows('案件明细', [3, 5]);
      assert.equal(host.getState().selectionId, id + 1);
      assert.equal(await host.selectRows('没有这张表', [1]), false);
    });

    it('finds sheets case-insensitively, as Excel does', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      await host.writeSheets([{ ...overviewGrid('2021年9月'), name: 'Summary' }]);
      assert.equal(await host.activateSheet('SUMMARY'), true);
      assert.equal(host.getState().activeSheet, 'Summary');
    });

    it('keeps the selection across a write that does not touch the selected sheet, and clears it when it does', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      await host.selectRows('案件明细', [4]);
      await host.writeSheets([overviewGrid('2021年9月')]);
      assert.deepEqual(host.getState().selectedRows, [4]);
      await host.writeSheets([{ ...overviewGrid('2021年9月'), name: '案件明细' }]);
      assert.deepEqual(host.getState().selectedRows, []);
    });

    it('moves to the first visible sheet when the active sheet is removed', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      await host.activateSheet('12345工单');
      await host.writeSheets([overviewGrid('2021年9月')], { removeSheets: ['12345工单'] });
      assert.equal(host.getState().activeSheet, '案件明细');
    });
  });

  describe('previewSheet', () => {
    it('shows a raw sheet through its number formats, with its merges, from sheet row 1', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      const preview = (await wholePreview(host, '案件明细'));
      assert.ok(preview);
      assert.equal(preview.rows[0][0]?.text, '数字城管案件导出（2021年9月）');
      assert.deepEqual(preview.merges, [{ row: 0, col: 0, lastRow: 0, lastCol: 4 }]);
      assert.deepEqual(preview.rows[2][2], { text: '2021-09-03 10:22', numeric: true });
      assert.equal(preview.rows[2][0]?.text, '2021090300123');
      assert.deepEqual(preview.rows[3][3], null);
      assert.equal(preview.colCount, 5);
      assert.deepEqual(preview.colWidths.map(Math.round), [16, 10, 18, 18, 30]);
    });

    it('shows written grids with rates as the brief prints them, bold headers and totals', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      await host.writeSheets([overviewGrid('2021年9月')]);
      const preview = (await wholePreview(host, '2021年9月-案件概况'));
      assert.ok(preview);
      assert.deepEqual(preview.rows[2].map((cell) => cell?.text), ['监督员上报', '3120', '3101', '98.62%', '100%']);
      assert.equal(preview.rows[1][0]?.emphasis, true);
      assert.equal(preview.rows[4][0]?.emphasis, true);
      assert.deepEqual(preview.merges, [{ row: 0, col: 0, lastRow: 0, lastCol: 4 }]);
      assert.deepEqual(preview.colWidths, [14, 9, 9, 10, 10]);
    });

    it('shows the same text for a written grid as for the sheet read back from the bytes', async () => {
      const host = await openMemoryHost(rawExportWorkbook(), 'x.xlsx');
      await host.writeSheets([overviewGrid('2021年9月')]);
      const fromGrid = (await wholePreview(host, '2021年9月-案件概况'));
      const fromFile = await wholePreview(await openMemoryHost(await host.currentBytes(), 'x.xlsx'), '2021年9月-案件概况');
      const texts = (preview: typeof fromGrid) => preview?.rows.map((row) => Array.from({ length: preview.colCount }, (_, col) => row[col]?.text ?? ''));
      assert.deepEqual(texts(fromFile), texts(fromGrid));
      assert.deepEqual(fromFile?.merges, fromGrid?.merges);
    });

    it('gives a long sheet a window of rows at a time, clipped to the sheet', async () => {
      const rows = Array.from({ length: 5000 }, (_, index) => [`第${index + 1}行`, index + 1]);
      const host = await openMemoryHost(writeWorkbook(null, [rawSheetToGrid({ name: '长表', rows })]), '长.xlsx');
      const frame = await host.previewFrame('长表');
      assert.deepEqual([frame?.rowCount, frame?.colCount], [5000, 2]);
      const window = await host.previewRows('长表', 2001, 50);
      assert.equal(window.length, 50);
      assert.deepEqual(window[0], [{ text: '第2001行', numeric: false }, { text: '2001', numeric: true }]);
      assert.equal(window[49][0]?.text, '第2050行');
      assert.deepEqual((await host.previewRows('长表', 4990, 50)).map((row) => row[1]?.text), Array.from({ length: 11 }, (_, index) => String(4990 + index)));
    });

    it('returns null for an unknown sheet', async () => {
      assert.equal(await (await openMemoryHost(rawExportWorkbook(), 'x.xlsx')).previewFrame('没有这张表'), null);
      assert.deepEqual(await (await openMemoryHost(rawExportWorkbook(), 'x.xlsx')).previewRows('没有这张表', 1, 10), []);
    });
  });

  describe('a whole build over the bundled sample', () => {
    it('reads the sample, takes the core’s sheets and shows 2021年9月 上报数 4381 in the preview', async function () {
      this.timeout(30_000);
      const host = await openMemoryHost(new Uint8Array(readFileSync(samplePath)), 'sample-2021.xlsx');
      const result = buildMonthlyReport(await host.readSheets(), { builtAt: '2021-10-11 09:00' });
      await host.writeSheets(result.sheetsToWrite);
      const names = await host.listSheets();
      for (const grid of result.sheetsToWrite) assert.ok(names.includes(grid.name), grid.name);
      assert.equal(host.getState().sheets.find((info) => info.name === '_月报元数据')?.hidden, true);
      const overview = (await wholePreview(host, '2021年9月-案件概况'));
      const total = overview?.rows.find((row) => row[0]?.text === '总计');
      assert.equal(total?.[1]?.text, '4381');
      assert.equal(total?.[6]?.text, '98.62%');
      // A second build over the written workbook sees no hand edits.
      assert.deepEqual(buildMonthlyReport(await host.readSheets(), { builtAt: '2021-10-11 09:05' }).editedSheets, []);
    });
  });
});

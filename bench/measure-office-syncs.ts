/**
 * Counts the Office.js round trips (sync calls) of the Office host against the typed fake of Excel
 * (test/hosts/office/fake-excel.ts), which measures each request and response as Excel on the web
 * limits them (5 MB): writing a table of 10 rows and of 1,000 rows (the count must not grow with the
 * rows), writing the bundled sample's September report, and, when a workbook path is given (the big
 * city's 200,000 cases × 24 columns and 50,000 orders), reading it and writing its report: syncs and
 * the largest request and response. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMonthlyReport } from '../src/core/index.ts';
import { readWorkbook } from '../src/hosts/file/read-workbook.ts';
import { createOfficeHost } from '../src/hosts/office/office-host.ts';
import { FakeExcel } from '../test/hosts/office/fake-excel.ts';
import { addRawSheet, tableGrid } from '../test/hosts/office/grids.ts';

async function syncsOf(excel: FakeExcel, work: () => Promise<unknown>): Promise<number> {
  const before = excel.syncCount;
  await work();
  return excel.syncCount - before;
}

const result: Record<string, number> = {};
for (const rows of [10, 1000]) {
  const excel = new FakeExcel();
  const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
  result[`table${rows}`] = await syncsOf(excel, () => host.writeSheets([tableGrid('表', rows)]));
}
{
  const excel = new FakeExcel();
  const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
  const sample = fileURLToPath(new URL('../samples/sample-2021.xlsx', import.meta.url));
  for (const sheet of readWorkbook(new Uint8Array(readFileSync(sample)), 'sample-2021.xlsx')) addRawSheet(excel, sheet);
  const built = buildMonthlyReport(await host.readSheets(), { period: '2021-09', builtAt: '2021-10-11 09:00' });
  result.septemberSheets = built.sheetsToWrite.length;
  result.septemberSyncs = await syncsOf(excel, () => host.writeSheets(built.sheetsToWrite));
}
const workbookPath = process.argv[2];
if (workbookPath !== undefined) {
  const excel = new FakeExcel();
  const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
  for (const sheet of readWorkbook(new Uint8Array(readFileSync(workbookPath)), workbookPath)) addRawSheet(excel, sheet);
  const largest = (from: number, key: 'requestBytes' | 'responseBytes') => Math.max(0, ...excel.syncs.slice(from).map((sync) => sync[key]));
  let from = excel.syncCount;
  const sheets = await host.readSheets();
  result.bigReadSyncs = excel.syncCount - from;
  result.bigReadRows = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  result.bigReadLargestRequestBytes = largest(from, 'requestBytes');
  result.bigReadLargestResponseBytes = largest(from, 'responseBytes');
  const built = buildMonthlyReport(sheets, { period: '2021-09', builtAt: '2021-10-11 09:00' });
  from = excel.syncCount;
  await host.writeSheets(built.sheetsToWrite);
  result.bigWriteSheets = built.sheetsToWrite.length;
  result.bigWriteSyncs = excel.syncCount - from;
  result.bigWriteLargestRequestBytes = largest(from, 'requestBytes');
  result.failedSyncs = excel.syncs.filter((sync) => sync.failed !== undefined).length;
}
process.stdout.write(JSON.stringify(result) + '\n');

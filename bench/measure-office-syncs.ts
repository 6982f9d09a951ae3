/**
 * Counts the Office.js round trips (sync calls) of the Office host against the typed fake of Excel
 * (test/hosts/office/fake-excel.ts): writing a table of 10 rows and of 1,000 rows (the count must not
 * grow with the rows), writing the bundled sample's September report, and reading a 200,000-row
 * export. Prints one JSON line.
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
{
  const excel = new FakeExcel();
  const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
  excel.addSyntheticSheet('案件列表', { row: 0, col: 0, rowCount: 200_000, columnCount: 24, valueAt: (row, col) => (col % 3 === 0 ? 44442.43 + row : `第${row}行文本${col}`) });
  result.read200kSyncs = await syncsOf(excel, () => host.readSheets());
}
process.stdout.write(JSON.stringify(result) + '\n');

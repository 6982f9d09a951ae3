/**
 * The Office host and a workbook too large for the pane (a year over three sheets): it refuses before
 * reading a row of them, in one or two requests, with a message that names the sheets and the command line.
 */
import assert from 'node:assert/strict';
import { InputError } from '../../../src/core/index.ts';
import { createOfficeHost } from '../../../src/hosts/office/office-host.ts';
import { FakeExcel } from './fake-excel.ts';

describe('Office host: a period too large for the pane', () => {
  it('says so before reading the rows, naming the largest sheets and the command line', async () => {
    const excel = new FakeExcel();
    for (const [name, lastRow] of [['1至4月', 400_000], ['5至8月', 420_000], ['9至12月', 410_000]] as const) {
      const state = excel.addSheet(name, [['任务号', '上报时间'], ['A1', '2021-01-01 08:00']]);
      // The sheet's used range reaches its last case (the rows between are not built: the fake keeps cells sparse).
      state.editCell(lastRow - 1, 0).value = 'A9';
    }
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    await assert.rejects(host.readSheets(), (error: unknown) => error instanceof InputError && /共有 1,230,000 行（"5至8月" 420,000 行/.test(error.message) && /case-brief build/.test(error.message));
    assert.ok(excel.syncCount <= 2, `${excel.syncCount} syncs`);
  });
});

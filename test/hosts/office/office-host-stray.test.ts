/**
 * The Office host and a used range blown up by one stray cell (XFD1048576): it reads the table's
 * columns and rows only, in a few requests, and the build says what was left out.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport } from '../../../src/core/index.ts';
import { referencePreset } from '../../../src/core/settings/presets.ts';
import { createOfficeHost } from '../../../src/hosts/office/office-host.ts';
import { caseSheet, closedCase } from '../../helpers/case-sheet.ts';
import { FakeExcel, type FakeValue } from './fake-excel.ts';

describe('Office host: a stray cell far outside the table', () => {
  it('reads only the table, in a handful of requests, and the build reports the rest as not read', async () => {
    const excel = new FakeExcel();
    const sheet = caseSheet(Array.from({ length: 40 }, () => closedCase()));
    const state = excel.addSheet('案件列表', sheet.rows.map((row) => row.map((cell) => (cell ?? null) as FakeValue | null)));
    state.editCell(1_048_575, 16_383).value = '误输入';
    const host = createOfficeHost(excel.run, { apiSupport: excel.apiSupport });
    const [read] = await host.readSheets();
    assert.deepEqual(read.clipped, { usedRange: 'A1:XFD1048576', read: 'A1:P42' });
    assert.equal(read.rows.length, 42);
    assert.ok(read.rows.every((row) => row.length === 16));
    assert.ok(excel.syncCount <= 6, `${excel.syncCount} syncs`);
    const result = buildMonthlyReport([read], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00', settings: referencePreset });
    assert.equal(result.statistics.total.reported, 40);
    const stray = result.warnings.find((warning) => warning.kind === 'strayCells');
    assert.ok(stray);
    assert.match(stray.message, /A1:XFD1048576.*A1:P42/);
  });
});

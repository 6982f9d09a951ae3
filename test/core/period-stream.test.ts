/**
 * A period streamed a batch of rows at a time (PeriodStream, for a year too large to hold) gives the
 * very report of the same exports held in memory (buildMonthlyReport): the same tables, warnings,
 * reconciliation and accounting, whether or not ids repeat across the inputs and whether or not the
 * as-of time is given.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, PeriodStream, resolveSettings, type BuildResult, type RawSheet } from '../../src/core/index.ts';
import { dailyCases, dailyOrders, dayOrderSheet, daySheet } from '../helpers/period-exports.ts';
import { referenceSettingsSheet } from '../helpers/workbook.ts';
import { assertSameReport } from '../helpers/same-report.ts';

/** Hands `sheets` to a stream in batches of `batch` rows (the first batch, with the header, longer), two passes when it asks. */
function stream(sheets: readonly RawSheet[], options: { period: string; asOf?: string; builtAt: string }, batch = 7): BuildResult {
  const settingsSheet = referenceSettingsSheet();
  const inForce = resolveSettings([settingsSheet]);
  const build = new PeriodStream({ inForce, ...options });
  const handOver = () => {
    for (const sheet of sheets) {
      const headRows = 250;
      const handle = build.beginSheet({ ...sheet, rows: sheet.rows.slice(0, headRows) });
      if (!handle) continue;
      for (let start = headRows; start < sheet.rows.length; start += batch) build.addRows(handle, sheet.rows.slice(start, start + batch), (sheet.firstRow ?? 1) + start);
      build.endSheet(handle);
    }
  };
  handOver();
  if (build.needsAnotherPass) {
    build.startAnotherPass();
    handOver();
  }
  return build.finish();
}

function held(sheets: readonly RawSheet[], options: { period: string; asOf?: string; builtAt: string }): BuildResult {
  return buildMonthlyReport([...sheets, referenceSettingsSheet()], options);
}

describe('PeriodStream', () => {
  const cases = dailyCases('2021-01-01', 200, 3, 11);
  const orders = dailyOrders('2021-01-01', 200, 2, 11);
  // Three months of cases on three sheets, orders on one: a quarter, with January's first week before it.
  const sheets = [daySheet(cases.slice(0, 300), '1至4月'), daySheet(cases.slice(300), '4至7月'), dayOrderSheet(orders, '12345')];

  it('gives the report of the same exports held in memory, a batch of rows at a time', () => {
    const options = { period: '2021-Q2', asOf: '2021-08-10 17:30', builtAt: '2021-08-11 09:00' };
    const streamed = stream(sheets, options);
    assertSameReport(streamed, held(sheets, options));
    assert.ok(streamed.statistics.cohortSize > 250);
    assert.ok(streamed.reconciliation.every((check) => check.ok));
  });

  it('waits for the latest event of every input when no as-of time is given, and counts the same', () => {
    const options = { period: '2021-H1', builtAt: '2021-08-11 09:00' };
    const streamed = stream(sheets, options, 13);
    const inMemory = held(sheets, options);
    assertSameReport(streamed, inMemory);
    assert.equal(streamed.asOfSource, 'latest-event');
  });

  it('reads the inputs twice when an id repeats across them, counting its last row only', () => {
    // The second sheet repeats 20 cases of the first, now closed: the later rows count.
    const changed = cases.slice(250, 270).map((item) => ({ ...item, stage: '结案' as const }));
    const withRepeats = [daySheet(cases.slice(0, 300), '1至4月'), daySheet([...changed, ...cases.slice(300)], '4至7月'), dayOrderSheet(orders, '12345')];
    const options = { period: '2021-Q2', asOf: '2021-08-10 17:30', builtAt: '2021-08-11 09:00' };
    const streamed = stream(withRepeats, options, 5);
    const inMemory = held(withRepeats, options);
    assertSameReport(streamed, inMemory);
    assert.ok(streamed.warnings.some((warning) => warning.kind === 'duplicateId' && warning.sheet === '4至7月'));
  });

  it('says a sheet given twice is a copy, and counts it once', () => {
    const twice = [daySheet(cases.slice(0, 300), '1至4月'), daySheet(cases.slice(0, 300), '1至4月（副本）')];
    const options = { period: '2021-Q1', asOf: '2021-05-10 17:30', builtAt: '2021-05-11 09:00' };
    const streamed = stream(twice, options);
    assertSameReport(streamed, held(twice, options));
    assert.ok(streamed.warnings.some((warning) => warning.kind === 'duplicateSheet'));
  });

  it('refuses to start without a period', () => {
    assert.throws(() => new PeriodStream({ inForce: resolveSettings([referenceSettingsSheet()]), period: '', builtAt: 'x' }), /请指定统计期/);
  });
});

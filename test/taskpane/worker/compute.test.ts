import assert from 'node:assert/strict';
import { buildMonthlyReport, InputError } from '../../../src/core/index.ts';
import { buildReply, errorToData, inspectSheets } from '../../../src/taskpane/worker/compute.ts';
import { caseHeaders, caseSheet, closedCase } from '../../helpers/case-sheet.ts';

const september = [caseSheet([closedCase(), closedCase({ 处置部门: '二中队' }), closedCase({ 上报时间: '2021-10-02 08:00:00', 结案时间: '2021-10-02 12:00:00' })])];
const options = { period: '2021-09', builtAt: '2021-10-11 09:00' };

describe('buildReply', () => {
  it('keeps what the pane shows and writes, exactly as the core built it', () => {
    const full = buildMonthlyReport(september, options);
    const reply = buildReply(september, options);
    assert.equal(reply.periodKey, '2021-09');
    assert.equal(reply.periodLabel, full.periodLabel);
    assert.equal(reply.asOfText, full.asOfText);
    assert.deepEqual(reply.sheetsToWrite, full.sheetsToWrite);
    assert.deepEqual(reply.reportSheetNames, full.reportSheets.map((grid) => grid.name));
    assert.deepEqual(reply.warnings, full.warnings);
    assert.deepEqual(reply.reconciliation, full.reconciliation);
    assert.deepEqual(reply.summary, full.summary);
    assert.deepEqual(reply.editedSheets, []);
  });

  it('leaves out the case records and the statistics behind the tables', () => {
    const reply = buildReply(september, options) as unknown as Record<string, unknown>;
    for (const heavy of ['statistics', 'layouts', 'accounting', 'history', 'settings', 'records']) assert.equal(heavy in reply, false, heavy);
  });

  it('lists the sheets the clerk can open, without the hidden bookkeeping sheet', () => {
    const reply = buildReply(september, options);
    const hidden = reply.sheetsToWrite.filter((grid) => grid.hidden === true).map((grid) => grid.name);
    assert.ok(hidden.length > 0);
    for (const name of hidden) assert.equal(reply.visibleSheetNames.includes(name), false);
    assert.equal(reply.visibleSheetNames.length + hidden.length, reply.sheetsToWrite.length);
  });
});

describe('inspectSheets', () => {
  it('suggests the period and as-of time of the data', () => {
    const inspection = inspectSheets(september);
    assert.equal(inspection.sheets[0].kind, 'cases');
    assert.equal(inspection.latestEvent, '2021-10-02 12:00');
    assert.equal(inspection.suggestedPeriod, '2021-09');
  });
});

describe('errorToData', () => {
  it('keeps an InputError’s sheet, column and headers, as the core threw it', () => {
    const headers = caseHeaders.filter((header) => header !== '问题类型' && header !== '处置部门');
    let thrown: unknown;
    try {
      buildReply([caseSheet([closedCase()], { headers })], options);
    } catch (error) {
      thrown = error;
    }
    assert.ok(thrown instanceof InputError);
    const data = errorToData(thrown);
    assert.equal(data.isInputError, true);
    assert.equal(data.sheet, '案件列表');
    assert.match(data.column ?? '', /处置部门/);
    assert.match(data.message, /处置部门/);
    assert.ok(data.headersSeen?.includes('任务号'));
    assert.deepEqual(JSON.parse(JSON.stringify(data)), data, 'plain data that survives postMessage');
  });

  it('keeps the message of any other error', () => {
    assert.deepEqual(errorToData(new TypeError('x is undefined')), { name: 'TypeError', message: 'x is undefined', isInputError: false });
    assert.deepEqual(errorToData('boom'), { name: 'Error', message: 'boom', isInputError: false });
  });
});

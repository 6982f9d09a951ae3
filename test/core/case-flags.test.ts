import assert from 'node:assert/strict';
import { flagCase, wallTimeOf, type CaseRecord } from '../../src/core/index.ts';

const t = (day: number, hour = 12) => wallTimeOf(2021, 9, day, hour) as number;
const asOf = wallTimeOf(2021, 10, 8, 17, 30) as number;

function record(overrides: Partial<CaseRecord>): CaseRecord {
  return {
    sheet: '案件列表',
    row: 2,
    caseId: '1',
    source: '巡查上报',
    sourceKnown: true,
    reportedAt: t(3),
    stageText: '结案',
    stage: 'closed',
    unitText: '一中队',
    unit: { level1: '市城管执法直属一大队', level2: '一中队', known: true },
    kind: '事件',
    mainType: '',
    subType: '',
    description: '',
    address: '',
    district: '',
    street: '',
    community: '',
    pointType: '',
    acceptedAt: t(3),
    filedAt: t(3),
    dispatchedAt: t(3),
    deadline: t(5),
    disposedAt: t(4),
    closedAt: t(4, 18),
    overdue: null,
    selfDisposed: false,
    reworkCount: 0,
    postponeCount: 0,
    ...overrides,
  };
}

describe('flagCase', () => {
  it('carries a closed on-time case through every step', () => {
    const flags = flagCase(record({}), asOf);
    assert.deepEqual(
      [flags.accepted, flags.filed, flags.dispatched, flags.disposed, flags.dueClose, flags.closed, flags.disposedOnTime, flags.closedOnTime],
      [true, true, true, true, true, true, true, true],
    );
  });

  it('counts a case disposed after its deadline as closed but not on time', () => {
    const flags = flagCase(record({ disposedAt: t(6) }), asOf);
    assert.equal(flags.closed, true);
    assert.equal(flags.closedOnTime, false);
  });

  it('prefers the overdue column to the times', () => {
    assert.equal(flagCase(record({ disposedAt: t(6), overdue: false }), asOf).disposedOnTime, true);
    assert.equal(flagCase(record({ overdue: true }), asOf).disposedOnTime, false);
  });

  it('falls back to the close time, then to unjudged', () => {
    assert.equal(flagCase(record({ disposedAt: null, closedAt: t(4) }), asOf).disposedOnTime, true);
    const flags = flagCase(record({ disposedAt: null, closedAt: null }), asOf);
    assert.equal(flags.disposedOnTime, false);
    assert.equal(flags.onTimeUnjudged, true);
  });

  it('drops 不予受理 out of every later count, but counts it reported', () => {
    const flags = flagCase(record({ stage: 'notAccepted', stageText: '不予受理' }), asOf);
    assert.deepEqual([flags.accepted, flags.filed, flags.dispatched], [false, false, false]);
  });

  it('counts 不予立案 as accepted, not filed', () => {
    const flags = flagCase(record({ stage: 'notFiled', stageText: '不予立案' }), asOf);
    assert.deepEqual([flags.accepted, flags.filed, flags.dispatched], [true, false, false]);
  });

  it('counts a voided case accepted or filed only where its times show it', () => {
    const voided = { stage: 'voided' as const, stageText: '作废' };
    assert.deepEqual(
      (({ accepted, filed, dispatched }) => [accepted, filed, dispatched])(flagCase(record({ ...voided }), asOf)),
      [true, true, false],
    );
    assert.deepEqual(
      (({ accepted, filed }) => [accepted, filed])(flagCase(record({ ...voided, filedAt: null }), asOf)),
      [true, false],
    );
    assert.deepEqual(
      (({ accepted, filed }) => [accepted, filed])(flagCase(record({ ...voided, filedAt: null, acceptedAt: null }), asOf)),
      [false, false],
    );
  });

  it('never dispatches a self-disposed case', () => {
    const flags = flagCase(record({ selfDisposed: true }), asOf);
    assert.equal(flags.selfDisposed, true);
    assert.equal(flags.filed, true);
    assert.equal(flags.dispatched, false);
    assert.equal(flags.closed, false);
  });

  it('makes an open case past its deadline at the as-of time due for closing', () => {
    const open = record({ stage: 'dispatched', stageText: '处置中', disposedAt: null, closedAt: null });
    const flags = flagCase(open, asOf);
    assert.deepEqual([flags.disposed, flags.overdueOpen, flags.dueClose], [false, true, true]);
    const notYet = flagCase({ ...open, deadline: wallTimeOf(2021, 10, 9) as number }, asOf);
    assert.deepEqual([notYet.overdueOpen, notYet.dueClose], [false, false]);
  });

  it('counts a case with a dispose time as disposed even at an earlier stage word', () => {
    const flags = flagCase(record({ stage: 'dispatched', stageText: '处置中' }), asOf);
    assert.equal(flags.disposed, true);
    assert.equal(flags.closed, false);
  });

  it('counts an unknown stage as reported only', () => {
    const flags = flagCase(record({ stage: null, stageText: '神秘阶段' }), asOf);
    assert.deepEqual([flags.accepted, flags.filed, flags.dispatched], [false, false, false]);
  });

  it('without a deadline column, makes every dispatched case due and none judged on time', () => {
    const open = record({ stage: 'dispatched', stageText: '处置中', disposedAt: null, closedAt: null, deadline: null });
    assert.equal(flagCase(open, asOf, false).dueClose, true);
    assert.equal(flagCase(record({}), asOf, false).closedOnTime, false);
  });
});

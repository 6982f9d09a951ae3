/// <reference types="office-js" />
/**
 * Type-level proof that the real Office.js objects satisfy the narrow interfaces of excel-like.ts:
 * tsc fails on this file if they drift apart. At run time nothing here touches `Excel` (office.js is
 * not loaded under mocha); the single test only records that the checks compiled.
 */
import assert from 'node:assert/strict';
import type { ContextLike, RangeLike, RunBatch, WorksheetLike } from '../../../src/hosts/office/excel-like.ts';

/** Compiles only when `Source` is assignable to `Target`. */
type Assignable<Source extends Target, Target> = Source extends Target ? true : never;

type ContextFits = Assignable<Excel.RequestContext, ContextLike>;
type WorksheetFits = Assignable<Excel.Worksheet, WorksheetLike>;
type RangeFits = Assignable<Excel.Range, RangeLike>;

/** Never called: compiles only when `Excel.run` can be passed where the host expects `run`. */
function excelRunAsRunBatch(): RunBatch {
  return Excel.run;
}

describe('excel-like interfaces', () => {
  it('accept the real Excel.RequestContext, Worksheet, Range and Excel.run (checked by tsc)', () => {
    const checks: [ContextFits, WorksheetFits, RangeFits] = [true, true, true];
    assert.deepEqual(checks, [true, true, true]);
    assert.equal(typeof excelRunAsRunBatch, 'function');
  });
});

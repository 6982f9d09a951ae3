/** The assertion that two ways of building give the very same report (a streamed build and the same exports held in memory). */
import assert from 'node:assert/strict';
import type { BuildResult } from '../../src/core/index.ts';

/** The same report sheets, warnings, reconciliation, accounting, as-of time and history. */
export function assertSameReport(streamed: BuildResult, inMemory: BuildResult): void {
  assert.deepEqual(
    streamed.reportSheets.map((grid) => grid.name),
    inMemory.reportSheets.map((grid) => grid.name),
  );
  for (const [index, grid] of streamed.reportSheets.entries()) assert.deepEqual(grid.cells, inMemory.reportSheets[index].cells, grid.name);
  assert.deepEqual(streamed.warnings, inMemory.warnings);
  assert.deepEqual(streamed.reconciliation, inMemory.reconciliation);
  assert.deepEqual(streamed.accounting, inMemory.accounting);
  assert.equal(streamed.asOfText, inMemory.asOfText);
  assert.deepEqual(streamed.history, inMemory.history);
}

import assert from 'node:assert/strict';
import { detectHost } from '../../src/taskpane/host-detection.ts';

/** A scope whose Office.onReady answers with `answer` (or never, or by throwing). */
function officeScope(onReady: () => Promise<{ host: unknown }>): object {
  return { Office: { onReady } };
}

/** A timer that fires at once: the timeout wins unless onReady has already answered. */
const immediateTimer = (callback: () => void) => {
  setTimeout(callback, 0);
};

describe('detectHost', () => {
  it('chooses Excel when Office.onReady reports host Excel', async () => {
    const decision = await detectHost(officeScope(async () => ({ host: 'Excel' })));
    assert.deepEqual(decision, { mode: 'excel', reason: 'office-ready', detail: 'Excel' });
  });

  it('chooses the browser when office.js is not loaded', async () => {
    assert.deepEqual(await detectHost({}), { mode: 'browser', reason: 'office-unavailable' });
    assert.deepEqual(await detectHost({ Office: {} }), { mode: 'browser', reason: 'office-unavailable' });
  });

  it('chooses the browser when office.js runs outside Office (no host)', async () => {
    assert.deepEqual(await detectHost(officeScope(async () => ({ host: null }))), { mode: 'browser', reason: 'office-no-host' });
  });

  it('chooses the browser inside another Office application, naming it', async () => {
    assert.deepEqual(await detectHost(officeScope(async () => ({ host: 'Word' }))), { mode: 'browser', reason: 'office-other-host', detail: 'Word' });
  });

  it('chooses the browser when Office.onReady rejects, keeping the error', async () => {
    const decision = await detectHost(officeScope(async () => {
      throw new Error('MicrosoftAjax.js is not loaded successfully.');
    }));
    assert.deepEqual(decision, { mode: 'browser', reason: 'office-failed', detail: 'MicrosoftAjax.js is not loaded successfully.' });
  });

  it('chooses the browser when Office.onReady never answers, after the timeout', async () => {
    const waits: number[] = [];
    const decision = await detectHost(officeScope(() => new Promise(() => {})), {
      timeoutMs: 1234,
      setTimer: (callback, ms) => {
        waits.push(ms);
        immediateTimer(callback);
      },
    });
    assert.deepEqual(decision, { mode: 'browser', reason: 'office-timeout', detail: '1234 ms' });
    assert.deepEqual(waits, [1234]);
  });

  it('keeps the Excel host when onReady answers before the timeout fires', async () => {
    const decision = await detectHost(officeScope(async () => ({ host: 'Excel' })), { setTimer: immediateTimer });
    assert.equal(decision.mode, 'excel');
  });
});

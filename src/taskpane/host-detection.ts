/**
 * Where the pane runs: inside Excel (office.js loaded and Office.onReady reports host Excel) or in a
 * plain browser (office.js missing, failing, reporting no host or another host, or silent for too
 * long). The decision carries its reason, so that a support question ("why do I see the browser
 * version?") has an answer on screen. Takes the global scope and the timer as parameters, so tests
 * pass fakes; reads only `Office.onReady` and `Office.HostType`.
 */

/** Why the pane chose its mode. */
export type HostReadyReason =
  | 'office-ready' // Office.onReady said Excel
  | 'office-unavailable' // no office.js (not loaded, blocked, offline)
  | 'office-no-host' // office.js loaded outside Office: onReady reports no host
  | 'office-other-host' // inside Office, but not Excel (Word, PowerPoint…)
  | 'office-timeout' // onReady did not answer in time
  | 'office-failed'; // onReady threw or rejected

export interface HostDecision {
  readonly mode: 'excel' | 'browser';
  readonly reason: HostReadyReason;
  /** The host office.js named, or the error, for the record. */
  readonly detail?: string;
}

/** What this module reads of office.js's global. */
interface OfficeGlobalLike {
  onReady(): Promise<{ readonly host: unknown; readonly platform?: unknown }>;
}

export interface DetectHostOptions {
  /** How long to wait for Office.onReady; Office's own guidance is a few seconds. */
  readonly timeoutMs?: number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
}

/** Office.onReady usually answers within a second; outside Office it may never answer. */
export const defaultOfficeTimeoutMs = 4000;

function officeOf(scope: object): OfficeGlobalLike | null {
  const office: unknown = (scope as { Office?: unknown }).Office;
  if (typeof office !== 'object' || office === null) return null;
  const onReady: unknown = (office as { onReady?: unknown }).onReady;
  return typeof onReady === 'function' ? (office as OfficeGlobalLike) : null;
}

/**
 * Decides the pane's mode. Never rejects.
 * @example await detectHost(window) // { mode: 'browser', reason: 'office-no-host' } in a plain browser tab
 */
export async function detectHost(scope: object = globalThis, options: DetectHostOptions = {}): Promise<HostDecision> {
  const office = officeOf(scope);
  if (office === null) return { mode: 'browser', reason: 'office-unavailable' };
  const timeoutMs = options.timeoutMs ?? defaultOfficeTimeoutMs;
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const timeout = new Promise<HostDecision>((resolve) => {
    setTimer(() => resolve({ mode: 'browser', reason: 'office-timeout', detail: `${timeoutMs} ms` }), timeoutMs);
  });
  const ready = (async (): Promise<HostDecision> => {
    try {
      const info = await office.onReady();
      const host = info?.host;
      if (host === null || host === undefined || host === '') return { mode: 'browser', reason: 'office-no-host' };
      // Office.HostType.Excel is the string "Excel".
      if (String(host) === 'Excel') return { mode: 'excel', reason: 'office-ready', detail: String(host) };
      return { mode: 'browser', reason: 'office-other-host', detail: String(host) };
    } catch (error) {
      return { mode: 'browser', reason: 'office-failed', detail: error instanceof Error ? error.message : String(error) };
    }
  })();
  return Promise.race([ready, timeout]);
}

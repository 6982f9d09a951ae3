/**
 * The build worker: runs the core's inspectWorkbook and buildMonthlyReport off the pane's thread, so
 * that the pane keeps answering while 200 000 rows are counted. One request at a time, in order.
 */
import { buildReply, errorToData, inspectSheets } from './compute.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/** The part of DedicatedWorkerGlobalScope used here (the pane compiles with the DOM library only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.type === 'inspect') {
      scope.postMessage({ id: request.id, ok: true, type: 'inspect', inspection: inspectSheets(request.sheets, request.settings) });
    } else {
      scope.postMessage({ id: request.id, ok: true, type: 'build', reply: buildReply(request.sheets, request.options) });
    }
  } catch (error) {
    scope.postMessage({ id: request.id, ok: false, error: errorToData(error) });
  }
};

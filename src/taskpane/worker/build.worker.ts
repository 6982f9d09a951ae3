/**
 * The build worker: runs the core's inspectWorkbook and buildMonthlyReport off the pane's thread, so
 * that the pane keeps answering while 200 000 rows are counted; also the Word brief and 定稿. Requests
 * are answered in order (the brief's .docx is written asynchronously).
 */
import { briefReply, buildReply, errorToData, finaliseReply, inspectSheets } from './compute.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/** The part of DedicatedWorkerGlobalScope used here (the pane compiles with the DOM library only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const request = event.data;
  try {
    if (request.type === 'inspect') {
      scope.postMessage({ id: request.id, ok: true, type: 'inspect', inspection: inspectSheets(request.sheets, request.settings, request.options) });
    } else if (request.type === 'build') {
      scope.postMessage({ id: request.id, ok: true, type: 'build', reply: buildReply(request.sheets, request.options) });
    } else if (request.type === 'brief') {
      scope.postMessage({ id: request.id, ok: true, type: 'brief', reply: await briefReply(request.sheets, request.options) });
    } else {
      scope.postMessage({ id: request.id, ok: true, type: 'finalise', reply: finaliseReply(request.sheets, request.options) });
    }
  } catch (error) {
    scope.postMessage({ id: request.id, ok: false, error: errorToData(error) });
  }
};

/**
 * The build worker: runs the core's inspectWorkbook and buildMonthlyReport off the pane's thread, so
 * that the pane keeps answering while 200 000 rows are counted; also the Word brief and 定稿, and in
 * the browser mode the workbook itself (handle-request.ts). Requests are answered in order.
 */
import { createRequestHandler } from './handle-request.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/** The part of DedicatedWorkerGlobalScope used here (the pane compiles with the DOM library only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handler = createRequestHandler();

scope.onmessage = (event) => {
  void handler.handle(event.data).then(({ response, transfer }) => scope.postMessage(response, [...transfer]));
};

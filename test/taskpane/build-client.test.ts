import assert from 'node:assert/strict';
import { ComputeError, createBuildClient, type WorkerLike } from '../../src/taskpane/build-client.ts';
import { buildReply, errorToData, finaliseReply, inspectSheets } from '../../src/taskpane/worker/compute.ts';
import type { WorkerRequest, WorkerResponse } from '../../src/taskpane/worker/protocol.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';

/**
 * A worker that runs build.worker.ts's logic in-process, answering asynchronously and after a
 * structured clone, as a real worker does; `answerInReverse` answers queued requests last-first.
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { readonly data: WorkerResponse }) => void) | null = null;
  onerror: ((event: { readonly message?: string }) => void) | null = null;
  terminated = false;
  readonly received: WorkerRequest[] = [];
  private queue: WorkerRequest[] = [];
  constructor(private readonly answerInReverse = false) {}

  postMessage(message: WorkerRequest): void {
    const request = structuredClone(message);
    this.received.push(request);
    this.queue.push(request);
    setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    const batch = this.answerInReverse ? this.queue.reverse() : this.queue;
    this.queue = [];
    for (const request of batch) this.onmessage?.({ data: structuredClone(this.answer(request)) });
  }

  private answer(request: WorkerRequest): WorkerResponse {
    try {
      if (request.type === 'inspect') return { id: request.id, ok: true, type: 'inspect', inspection: inspectSheets(request.sheets, request.settings) };
      if (request.type === 'build') return { id: request.id, ok: true, type: 'build', reply: buildReply(request.sheets, request.options) };
      if (request.type === 'finalise') return { id: request.id, ok: true, type: 'finalise', reply: finaliseReply(request.sheets, request.options) };
      throw new Error('the fake worker answers no brief request');
    } catch (error) {
      return { id: request.id, ok: false, error: errorToData(error) };
    }
  }

  terminate(): void {
    this.terminated = true;
  }
}

const sheets = [caseSheet([closedCase(), closedCase({ 上报时间: '2021-10-02 08:00:00' })])];

describe('createBuildClient', () => {
  it('inspects and builds through the worker', async () => {
    const client = createBuildClient(new FakeWorker());
    const inspection = await client.inspect(sheets);
    assert.equal(inspection.suggestedPeriod, '2021-09');
    const reply = await client.build(sheets, { period: '2021-09', builtAt: '2021-10-11 09:00' });
    assert.equal(reply.periodLabel, '2021年9月');
  });

  it('matches each answer to its request, whatever the order of the answers', async () => {
    const client = createBuildClient(new FakeWorker(true));
    const [inspection, reply] = await Promise.all([client.inspect(sheets), client.build(sheets, { period: '2021-09', builtAt: '2021-10-11 09:00' })]);
    assert.equal(inspection.sheets.length, 1);
    assert.equal(reply.periodKey, '2021-09');
  });

  it('rejects with a ComputeError that keeps an InputError’s details', async () => {
    const client = createBuildClient(new FakeWorker());
    const error = await client.build(sheets, { period: '二〇二一年', builtAt: '2021-10-11 09:00' }).catch((caught: unknown) => caught);
    assert.ok(error instanceof ComputeError);
    assert.equal(error.isInputError, true);
    assert.match(error.message, /统计期/);
  });

  it('rejects every waiting request when the worker fails', async () => {
    const worker = new FakeWorker();
    worker.postMessage = () => {}; // a worker that never answers
    const client = createBuildClient(worker);
    const pending = client.inspect(sheets);
    worker.onerror?.({ message: 'Uncaught SyntaxError' });
    await assert.rejects(pending, /Uncaught SyntaxError/);
  });

  it('stops the worker and rejects what is pending on dispose', async () => {
    const worker = new FakeWorker();
    worker.postMessage = () => {};
    const client = createBuildClient(worker);
    const pending = client.inspect(sheets);
    client.dispose();
    await assert.rejects(pending, /worker stopped/);
    assert.equal(worker.terminated, true);
  });
});

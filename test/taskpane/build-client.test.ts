import assert from 'node:assert/strict';
import { ComputeError, createBuildClient, sheetsForWorker, type WorkerLike } from '../../src/taskpane/build-client.ts';
import { createRequestHandler } from '../../src/taskpane/worker/handle-request.ts';
import type { WorkerRequest, WorkerResponse } from '../../src/taskpane/worker/protocol.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { buildReportFile, rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { createMemoryHost } from '../../src/hosts/file/memory-host.ts';
import { readWorkbook } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';

/**
 * A worker that runs build.worker.ts's logic (handle-request.ts) in-process, answering
 * asynchronously and after a structured clone, as a real worker does; `answerInReverse` answers
 * queued requests last-first.
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { readonly data: WorkerResponse }) => void) | null = null;
  onerror: ((event: { readonly message?: string }) => void) | null = null;
  terminated = false;
  readonly received: WorkerRequest[] = [];
  private queue: WorkerRequest[] = [];
  private readonly handler = createRequestHandler();
  constructor(private readonly answerInReverse = false) {}

  postMessage(message: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    const request = structuredClone(message, { transfer });
    this.received.push(request);
    this.queue.push(request);
    setTimeout(() => void this.flush(), 0);
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const answers = await Promise.all(batch.map((request) => this.handler.handle(request)));
    for (const { response } of this.answerInReverse ? answers.reverse() : answers) this.onmessage?.({ data: structuredClone(response) });
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

  describe('the browser mode\'s workbook, held by the worker', () => {
    it('opens a file the worker takes over, then inspects and builds it by number, without sending its sheets', async () => {
      const worker = new FakeWorker();
      const client = createBuildClient(worker);
      const bytes = writeWorkbook(null, sheets.map(rawSheetToGrid));
      const { workbook, sheets: infos } = await client.open(bytes, '九月.xlsx');
      assert.equal(bytes.byteLength, 0, 'the bytes moved to the worker');
      assert.deepEqual(infos, [{ name: '案件列表', hidden: false }]);
      const inspection = await client.inspect({ workbook });
      assert.equal(inspection.suggestedPeriod, '2021-09');
      const reply = await client.build({ workbook }, { period: '2021-09', builtAt: '2021-10-11 09:00' });
      assert.match(reply.summary[0], /上报 1 件/);
      for (const request of worker.received.filter((sent) => sent.type === 'inspect' || sent.type === 'build')) assert.deepEqual('sheets' in request && request.sheets, { workbook });
    });

    it('serves a memory host: writes, preview rows and the bytes come from the worker', async () => {
      const client = createBuildClient(new FakeWorker());
      const { workbook, sheets: infos } = await client.open(writeWorkbook(null, sheets.map(rawSheetToGrid)), '九月.xlsx');
      const host = createMemoryHost(client.workbook(workbook), { fileName: '九月.xlsx', sheets: infos, workerWorkbook: workbook });
      const flowSheets = await sheetsForWorker(host);
      assert.deepEqual(flowSheets, { workbook });
      const reply = await client.build(flowSheets, { period: '2021-09', builtAt: '2021-10-11 09:00' });
      await host.writeSheets(reply.sheetsToWrite);
      assert.ok((await host.listSheets()).includes('2021年9月-案件概况'));
      const frame = await host.previewFrame('2021年9月-案件概况');
      assert.ok(frame !== null && frame.rowCount > 3);
      const [title] = await host.previewRows('2021年9月-案件概况', 1, 1);
      assert.match(title[0]?.text ?? '', /2021年9月/);
      const written = readWorkbook(await host.currentBytes(), '九月.xlsx').map((sheet) => sheet.name);
      assert.deepEqual(written, await host.listSheets());
      await client.close(workbook);
      await assert.rejects(client.build({ workbook }, { period: '2021-09', builtAt: '2021-10-11 09:00' }), /已关闭/);
    });
  });

  describe('last month\'s report, read by the worker', () => {
    it('gives its settings and history sheets, and says so when the file is no report', async () => {
      const client = createBuildClient(new FakeWorker());
      const built = buildReportFile(writeWorkbook(null, sheets.map(rawSheetToGrid)), '九月.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' });
      const carryOver = await client.readCarryOver(built.bytes, '九月月报.xlsx');
      assert.equal(carryOver.settings?.name, '月报设置');
      assert.equal(carryOver.history?.name, '历史指标');
      await assert.rejects(client.readCarryOver(writeWorkbook(null, sheets.map(rawSheetToGrid)), '导出.xlsx'), /没有"月报设置"表/);
    });
  });
});

/**
 * The build worker's answers, as a plain object that can run without a worker (tests run it in the
 * same thread): requests are handled one at a time, in the order they come, whether or not a
 * handler waits for something (opening inflates through a stream, the brief writes a .docx). Holds
 * the browser mode's workbooks by number, and reads last month's report (上月月报) off the pane's thread.
 */
import { readCarryOver } from '../../hosts/file/carry-over.ts';
import { MemoryWorkbook } from '../../hosts/file/memory-workbook.ts';
import { tooLargeForPane, type RawSheet } from '../../core/index.ts';
import { briefReply, buildReply, errorToData, finaliseReply, inspectSheets } from './compute.ts';
import type { SheetsInput, WorkerRequest, WorkerResponse } from './protocol.ts';

/** A response and the buffers to transfer with it. */
export interface Answer {
  readonly response: WorkerResponse;
  readonly transfer: readonly ArrayBuffer[];
}

export interface RequestHandler {
  /** Answers `request` after every earlier request has been answered. */
  handle(request: WorkerRequest): Promise<Answer>;
}

export function createRequestHandler(): RequestHandler {
  const workbooks = new Map<number, MemoryWorkbook>();
  let nextWorkbook = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const workbookOf = (id: number): MemoryWorkbook => {
    const workbook = workbooks.get(id);
    if (workbook === undefined) throw new Error(`没有编号为 ${id} 的工作簿（已关闭）。`);
    return workbook;
  };
  const sheetsOf = (input: SheetsInput): readonly RawSheet[] => ('workbook' in input ? workbookOf(input.workbook).sheets() : input);

  const answer = async (request: WorkerRequest): Promise<Answer> => {
    const id = request.id;
    const plain = (response: WorkerResponse): Answer => ({ response, transfer: [] });
    switch (request.type) {
      case 'inspect':
        return plain({ id, ok: true, type: 'inspect', inspection: inspectSheets(sheetsOf(request.sheets), request.settings, request.options) });
      case 'build':
        return plain({ id, ok: true, type: 'build', reply: buildReply(sheetsOf(request.sheets), request.options) });
      case 'brief':
        return plain({ id, ok: true, type: 'brief', reply: await briefReply(sheetsOf(request.sheets), request.options) });
      case 'finalise':
        return plain({ id, ok: true, type: 'finalise', reply: finaliseReply(sheetsOf(request.sheets), request.options) });
      case 'open': {
        const workbook = await MemoryWorkbook.open(request.bytes, request.fileName);
        const tooLarge = tooLargeForPane(workbook.sheets().map((sheet) => ({ name: sheet.name, rows: sheet.rows.length, hidden: sheet.hidden })));
        if (tooLarge) throw tooLarge;
        const number = nextWorkbook++;
        workbooks.set(number, workbook);
        return plain({ id, ok: true, type: 'open', workbook: number, sheets: workbook.infos() });
      }
      case 'write':
        return plain({ id, ok: true, type: 'write', sheets: workbookOf(request.workbook).write(request.grids, request.removeSheets) });
      case 'sheets':
        return plain({ id, ok: true, type: 'sheets', sheets: workbookOf(request.workbook).sheets() });
      case 'bytes': {
        const bytes = workbookOf(request.workbook).bytes();
        return { response: { id, ok: true, type: 'bytes', bytes }, transfer: [bytes.buffer as ArrayBuffer] };
      }
      case 'frame':
        return plain({ id, ok: true, type: 'frame', frame: workbookOf(request.workbook).frame(request.sheet) });
      case 'rows':
        return plain({ id, ok: true, type: 'rows', rows: workbookOf(request.workbook).rows(request.sheet, request.first, request.count) });
      case 'close':
        workbooks.delete(request.workbook);
        return plain({ id, ok: true, type: 'close' });
      case 'carryOver':
        return plain({ id, ok: true, type: 'carryOver', carryOver: readCarryOver(request.bytes, request.fileName) });
    }
  };

  return {
    handle(request) {
      const next = queue.then(() => answer(request)).catch((error: unknown): Answer => ({ response: { id: request.id, ok: false, error: errorToData(error) }, transfer: [] }));
      queue = next;
      return next;
    },
  };
}

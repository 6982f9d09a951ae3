/**
 * A fault of the product itself (exit 1): the clerk gets a sentence and a short reference, never a
 * stack trace; the trace goes to a log file named by the reference, for whoever looks into it.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function referenceOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return `E-${hash.toString(16).padStart(8, '0').slice(0, 6).toUpperCase()}`;
}

/** The message for an unexpected error; writes its details to a log file when it can. */
export function reportInternalError(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  const reference = referenceOf(detail);
  const log = join(tmpdir(), `case-brief-${reference}.log`);
  let where = '';
  try {
    writeFileSync(log, `${new Date().toISOString()}\n${detail}\n`);
    where = `详细记录在 ${log}。`;
  } catch {
    // Nowhere to write: the reference alone has to do.
  }
  return `出错了：这是程序自身的问题，不是您的数据有误（编号 ${reference}）。没有写出任何文件。${where}请把编号和这条信息反馈给维护人员。`;
}

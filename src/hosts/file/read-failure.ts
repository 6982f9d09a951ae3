/**
 * Why a file could not be read, in the clerk's words. A reader (our scanner, SheetJS) fails with its
 * own technical message; the clerk gets instead what the file is (password-protected, damaged, not a
 * spreadsheet at all) and what to do. Every host that reads a file the clerk picked goes through here.
 */
import { InputError } from '../../core/model/warning.ts';
import { DamagedPartError, PartTooLargeError } from './zip-package.ts';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/** Whether `bytes` hold `text` encoded as UTF-16LE (the names of streams in an OLE compound file). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle: number[] = [];
  for (const char of text) needle.push(char.charCodeAt(0), 0);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - needle.length;
  outer: for (let index = 0; index <= limit; index++) {
    for (let offset = 0; offset < needle.length; offset++) if (bytes[index + offset] !== needle[offset]) continue outer;
    return true;
  }
  return false;
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const cfbSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The kind of file `bytes` are, as far as the first bytes tell. */
export function sniffFile(bytes: Uint8Array): 'zip' | 'cfb' | 'encrypted' | 'empty' | 'binary' | 'text' {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, zipSignature)) return 'zip';
  if (startsWith(bytes, cfbSignature)) return containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo') ? 'encrypted' : 'cfb';
  // A text export has no NUL bytes (UTF-16 exports start with a byte-order mark).
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'text';
  // Old BIFF2–BIFF5 .xls files are a bare record stream: record type 0x0809/0x0209/0x0409/0x0009 first.
  if (bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1])) return 'cfb';
  const sample = bytes.subarray(0, 64 * 1024);
  return sample.includes(0) ? 'binary' : 'text';
}

/**
 * Whether a zip's end-of-central-directory record is where the format puts it and names a central
 * directory inside the file. A truncated download fails this (and SheetJS would loop on it forever).
 */
export function hasIntactZipDirectory(bytes: Uint8Array): boolean {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 0x05 || bytes[at + 3] !== 0x06) continue;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    // ZIP64 writes 0xFFFFFFFF here and the real values elsewhere; trust its record to the reader.
    if (size === 0xffffffff || offset === 0xffffffff) return true;
    return offset + size <= at;
  }
  return false;
}

/** An error of the zip layer (a part that does not inflate to what the directory says, fflate's numbered errors): the file is damaged. */
export function isDamagedZipError(error: unknown): boolean {
  return error instanceof DamagedPartError || error instanceof PartTooLargeError || (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number');
}

/** Refuses, before any reader runs, a file that cannot be a workbook: empty, encrypted, or binary of another kind. */
export function checkReadable(bytes: Uint8Array, fileName: string): void {
  const kind = sniffFile(bytes);
  if (kind === 'empty') throw readError(fileName, '文件是空的（0 字节）', '请重新导出，或确认选的是导出的 Excel 文件。');
  if (kind === 'encrypted') throw readError(fileName, '文件设有打开密码', '请先取消密码：在 Excel 中打开它，"文件→信息→保护工作簿→用密码进行加密"，清空密码后保存，再选这个文件。');
  if (kind === 'binary') throw readError(fileName, '不是 Excel 工作簿或 CSV 文件', '请选择从系统导出的 .xlsx、.xls 或 .csv 文件。');
  if (kind === 'zip' && !hasIntactZipDirectory(bytes)) throw describeReadFailure(bytes, fileName, null);
}

/** The message for a reader's failure on `bytes`. */
export function describeReadFailure(bytes: Uint8Array, fileName: string, cause: unknown): InputError {
  if (cause instanceof InputError) return cause;
  if (cause instanceof PartTooLargeError) {
    return readError(fileName, `中的"${cause.part}"声称解压后有 ${(cause.size / 1024 ** 3).toFixed(1)} GB，远超任何导出表，可能已损坏，或不是正常导出的文件`, '请从系统重新导出；数据特别多时请分月导出，或导出为 CSV 文件。');
  }
  const kind = sniffFile(bytes);
  if (kind === 'zip') return readError(fileName, '文件已损坏（压缩包不完整或有错），无法读取', '请重新导出或重新下载这个文件；若在 Excel 中能打开，另存为新的 .xlsx 后再选它。');
  if (kind === 'cfb') return readError(fileName, '这个 .xls 文件无法读取（可能已损坏，或是很旧的格式）', '请在 Excel 或 WPS 中打开它并另存为 .xlsx，再选新文件。');
  return readError(fileName, '无法按表格读取', '请选择从系统导出的 .xlsx、.xls 或 .csv 文件。');
}

function readError(fileName: string, what: string, action: string): InputError {
  return new InputError(`"${fileName}"${what}。${action}`, { sheet: '', column: '', headersSeen: [] });
}

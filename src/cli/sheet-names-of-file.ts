/**
 * The sheet names of a workbook file on disk, for the check before an existing output is replaced
 * (would writing lose a sheet of it?). A large .xlsx package is not read whole: only its zip directory,
 * the local header of each part and the workbook part (which lists the sheets) are read, at their
 * places in a buffer of the file's size whose other pages are never touched (the operating system gives
 * untouched pages no memory). Rebuilding into last run's 30 MB output so reads some kilobytes, not 30 MB.
 * A small file, or anything not a plain zip, is read whole as before.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readXlsxSheetNames } from '../hosts/file/fast-xlsx-reader.ts';
import { readSheetNames } from '../hosts/file/read-workbook.ts';
import { endOfDirectory, u16, u32, zipTailBytes } from '../hosts/file/zip-package.ts';
import { readInputFile } from './safe-files.ts';

/** Files up to this size are read whole: reading them costs less than the reads by range would save. */
const readWholeBelow = 4 * 1024 * 1024;

/** Reads `length` bytes at `position` of the file into `into` at the same offset; false when the file is shorter. */
function readRange(fd: number, into: Uint8Array, position: number, length: number): boolean {
  if (position < 0 || length < 0 || position + length > into.length) return false;
  let done = 0;
  while (done < length) {
    const read = readSync(fd, into, position + done, length - done, position + done);
    if (read === 0) return false;
    done += read;
  }
  return true;
}

/**
 * The bytes of the file with its zip directory, every local header and the workbook part in place
 * (the rest left unread, zero), or null when it is no plain zip whose parts this can find.
 */
function readDirectoryAndWorkbookPart(fd: number, size: number): Uint8Array | null {
  const bytes = new Uint8Array(size);
  const tail = Math.min(size, zipTailBytes);
  if (!readRange(fd, bytes, size - tail, tail)) return null;
  const end = endOfDirectory(bytes);
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryStart = u32(bytes, end + 16);
  if (count === 0xffff || directoryStart === 0xffffffff || directoryStart + directorySize > end) return null;
  if (directoryStart < size - tail && !readRange(fd, bytes, directoryStart, size - tail - directoryStart)) return null;
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) return null;
    const compressedSize = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const localOffset = u32(bytes, at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (!readRange(fd, bytes, localOffset, 30)) return null;
    if (name.toLowerCase() === 'xl/workbook.xml') {
      const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
      if (!readRange(fd, bytes, dataStart, compressedSize)) return null;
    }
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return bytes;
}

/** Whether the file begins as a zip package does (PK). */
export function isZipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x50 && head[1] === 0x4b;
  } finally {
    closeSync(fd);
  }
}

/** The sheet names of the workbook file at `path` (as `readSheetNames` gives them); throws as it does for a file that is no workbook. */
export function readSheetNamesOfFile(path: string, fileName: string): string[] {
  const fd = openSync(path, 'r');
  let bytes: Uint8Array | null = null;
  try {
    const size = fstatSync(fd).size;
    if (size >= readWholeBelow) {
      const head = new Uint8Array(4);
      // Only a zip package has parts to skip.
      if (readRange(fd, head, 0, 4) && u32(head, 0) === 0x04034b50) bytes = readDirectoryAndWorkbookPart(fd, size);
    }
  } finally {
    closeSync(fd);
  }
  if (bytes !== null) {
    try {
      // Only the reader of the workbook part: any other reader would meet the parts left unread.
      const names = readXlsxSheetNames(bytes);
      if (names !== null) return names;
    } catch {
      // Read whole below: the reading of the whole file decides.
    }
  }
  return readSheetNames(readInputFile(path), fileName);
}

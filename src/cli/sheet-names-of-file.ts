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
import { directoryAt, endOfDirectory, localDataStart, localHeaderBytes, readDirectory, zipTailBytes } from '../hosts/file/zip-package.ts';
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
  const directory = end < 0 ? null : directoryAt(bytes, end);
  if (directory === null) return null;
  if (directory.start < size - tail && !readRange(fd, bytes, directory.start, size - tail - directory.start)) return null;
  const records = readDirectory(bytes, end);
  if (records === null) return null;
  for (const record of records) {
    if (!readRange(fd, bytes, record.localOffset, localHeaderBytes)) return null;
    if (record.name.toLowerCase() !== 'xl/workbook.xml') continue;
    const dataStart = localDataStart(bytes, record.localOffset);
    if (dataStart < 0 || !readRange(fd, bytes, dataStart, record.compressedSize)) return null;
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
    if (size >= readWholeBelow) bytes = readDirectoryAndWorkbookPart(fd, size);
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

/**
 * The inputs of `case-brief build` with several files or a folder: which files, in which order, under
 * which sheet names, and each file handed to a PeriodStream a batch of rows at a time. A CSV is read
 * from disk in chunks and split into rows as it comes (never held whole); a workbook (.xlsx, .xls) is
 * read by the usual reader, one file at a time, and handed over in batches, then dropped.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, extname, join } from 'node:path';
import type { CellValue, PeriodStream, RawSheet, StreamSheet } from '../core/index.ts';
import { CsvRows } from '../hosts/file/csv-rows.ts';
import { checkReadable } from '../hosts/file/read-failure.ts';
import { byteOrderMark, isPlainCsv, readWorkbook } from '../hosts/file/read-workbook.ts';
import { describeFileError, FileProblem, readInputFile } from './safe-files.ts';

/** Extensions read from a folder. */
const workbookExtensions = new Set(['.xlsx', '.xlsm', '.xls', '.csv']);

export interface InputFile {
  /** The path as given (or joined to the folder given). */
  readonly path: string;
  /** What names the file in sheet names and messages: its name without extension, unless two inputs share it. */
  readonly label: string;
}

/** The natural order of names: 2月 before 10月, as a file manager shows them. */
export const naturalOrder = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' }).compare;

/** Whether `path` is a folder (false for anything that cannot be looked at: reading it says why). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The files of the inputs given: a file as it is, a folder as every .xlsx/.xlsm/.xls/.csv in it (not
 * in its subfolders; not hidden files or Excel's ~$ lock files), in natural name order. Each file's
 * label is its name without extension; where two inputs share one, the name with extension, and where
 * that is shared too, the path as given.
 */
export function listInputFiles(inputs: readonly string[]): InputFile[] {
  const paths: string[] = [];
  for (const input of inputs) {
    if (!isFolder(input)) {
      paths.push(input);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(input);
    } catch (error) {
      throw new FileProblem(describeFileError(error, input, '读取'));
    }
    const files = names.filter((name) => !name.startsWith('.') && !name.startsWith('~$') && workbookExtensions.has(extname(name).toLowerCase()) && !isFolder(join(input, name))).sort(naturalOrder);
    if (files.length === 0) throw new FileProblem(`文件夹 ${input} 中没有 .xlsx、.xlsm、.xls 或 .csv 文件。请把各期的导出文件放进这个文件夹，或直接给出文件名。`);
    paths.push(...files.map((name) => join(input, name)));
  }
  const stem = (path: string) => basename(path).replace(/\.[^.]*$/, '');
  const count = (labels: readonly string[], label: string) => labels.filter((other) => other === label).length;
  const stems = paths.map(stem);
  const names = paths.map((path) => basename(path));
  return paths.map((path, index) => ({ path, label: count(stems, stems[index]) === 1 ? stems[index] : count(names, names[index]) === 1 ? names[index] : path }));
}

/** Rows handed over per batch (the first batch, with the header, at least 250). */
const batchRows = 500;
const headRows = 250;
/** Bytes read from a CSV file at a time. */
const chunkBytes = 32 * 1024;

/** Hands one sheet's rows to the stream as they come: the head once it has 250 rows, then batches. */
class SheetFeeder {
  private head: CellValue[][] = [];
  private headFirstRow = 0;
  private batch: CellValue[][] = [];
  private batchFirstRow = 0;
  private handle: StreamSheet | null = null;
  /** True once the stream said it does not read this sheet (no export): its rows need not be read. */
  skipped = false;
  rows = 0;

  constructor(
    private readonly stream: PeriodStream,
    private readonly sheet: Omit<RawSheet, 'rows'>,
  ) {}

  add(fields: CellValue[], row: number): void {
    if (this.skipped) return;
    this.rows++;
    if (this.handle === null) {
      if (this.head.length === 0) this.headFirstRow = row;
      this.head.push(fields);
      if (this.head.length >= headRows) this.begin();
      return;
    }
    if (this.batch.length === 0) this.batchFirstRow = row;
    this.batch.push(fields);
    if (this.batch.length >= batchRows) this.flush();
  }

  private begin(): void {
    this.handle = this.stream.beginSheet({ ...this.sheet, rows: this.head, firstRow: this.headFirstRow || 1 });
    this.head = [];
    if (this.handle === null) this.skipped = true;
  }

  private flush(): void {
    if (this.handle && this.batch.length) this.stream.addRows(this.handle, this.batch, this.batchFirstRow);
    this.batch = [];
  }

  end(): void {
    if (this.skipped) return;
    if (this.handle === null) this.begin();
    this.flush();
    if (this.handle) this.stream.endSheet(this.handle);
  }
}

/** How a CSV file's bytes are decoded, by `decodeText`'s rules: its byte-order mark, else UTF-8 when every byte of the file is valid UTF-8, else GB18030. */
function csvEncoding(fd: number, first: Uint8Array, path: string): { encoding: string; skip: number } {
  const bom = byteOrderMark(first);
  if (bom) return { encoding: bom.encoding, skip: bom.length };
  // Checked chunk by chunk without decoding (no strings made); a character cut by a chunk's end is
  // checked with the next chunk.
  const buffer = new Uint8Array(chunkBytes + 4);
  let carried = 0;
  for (let position = 0; ; ) {
    const read = readChunk(fd, buffer.subarray(carried, carried + chunkBytes), position, path);
    const end = carried + read;
    if (read === 0) return { encoding: carried === 0 ? 'utf-8' : 'gb18030', skip: 0 };
    position += read;
    let cut = end;
    // Back to the start of the last character (at most 3 continuation bytes), unless it is complete.
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const byte = buffer[end - back];
      if ((byte & 0xc0) !== 0x80) {
        const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        if (length > back) cut = end - back;
        break;
      }
    }
    if (!isUtf8(buffer.subarray(0, cut))) return { encoding: 'gb18030', skip: 0 };
    buffer.copyWithin(0, cut, end);
    carried = end - cut;
  }
}

function readChunk(fd: number, buffer: Uint8Array, position: number, path: string): number {
  try {
    return readSync(fd, buffer, 0, buffer.length, position);
  } catch (error) {
    throw new FileProblem(describeFileError(error, path, '读取'));
  }
}

function openFile(path: string): number {
  try {
    if (isFolder(path)) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return openSync(path, 'r');
  } catch (error) {
    throw new FileProblem(describeFileError(error, path, '读取'));
  }
}


/** What reading one input gave: its rows (all sheets), and how it was read. */
export interface FileRead {
  readonly rows: number;
  readonly streamed: boolean;
}

/** The sheet name a build knows a sheet by: a CSV's is its file's label; a workbook's sheets are `label/sheet`. */
export function streamSheetName(file: InputFile, sheet: string | null): string {
  return sheet === null ? file.label : `${file.label}/${sheet}`;
}

const encodingsSeen = new Map<string, { encoding: string; skip: number }>();

/** Reads a CSV file in chunks, each row to `onRow`; `stop` is asked between chunks. Throws InputError (with the file and row) or FileProblem. */
export function readCsvRows(file: InputFile, onRow: (fields: CellValue[], row: number) => void, stop: () => boolean = () => false): void {
  const fd = openFile(file.path);
  try {
    const buffer = new Uint8Array(chunkBytes);
    const firstRead = readChunk(fd, buffer, 0, file.path);
    const first = buffer.slice(0, firstRead);
    checkReadable(first, basename(file.path));
    // A second pass over the inputs finds the file as the first left it: its encoding is not checked again.
    const stat = fstatSync(fd);
    const known = `${file.path}\u0000${stat.size}\u0000${stat.mtimeMs}`;
    const { encoding, skip } = encodingsSeen.get(known) ?? csvEncoding(fd, first, file.path);
    encodingsSeen.set(known, { encoding, skip });
    const decoder = new TextDecoder(encoding);
    const rows = new CsvRows(basename(file.path), onRow);
    for (let position = skip; ; ) {
      const read = readChunk(fd, buffer, position, file.path);
      if (read === 0) break;
      position += read;
      rows.push(decoder.decode(buffer.subarray(0, read), { stream: true }));
      if (stop()) return;
    }
    rows.push(decoder.decode());
    rows.end();
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a file (for sniffing what it is). */
function firstBytes(path: string): Uint8Array {
  const fd = openFile(path);
  try {
    const buffer = new Uint8Array(64 * 1024);
    return buffer.slice(0, readChunk(fd, buffer, 0, path));
  } finally {
    closeSync(fd);
  }
}

/** Every sheet of one input, read whole (the settings are learned from the first input). */
export function readWholeInput(file: InputFile): RawSheet[] {
  if (isPlainCsv(firstBytes(file.path), file.path)) {
    const rows: CellValue[][] = [];
    let firstRow = 0;
    readCsvRows(file, (fields, row) => {
      if (rows.length === 0) firstRow = row;
      rows.push(fields);
    });
    return [{ name: streamSheetName(file, null), rows, firstRow: firstRow || 1 }];
  }
  return readWorkbook(readInputFile(file.path), basename(file.path)).map((sheet) => ({ ...sheet, name: streamSheetName(file, sheet.name) }));
}

/** Hands every sheet of one input to the stream, a batch of rows at a time. */
export function handOverInput(file: InputFile, stream: PeriodStream): FileRead {
  if (isPlainCsv(firstBytes(file.path), file.path)) {
    const feeder = new SheetFeeder(stream, { name: streamSheetName(file, null) });
    readCsvRows(file, (fields, row) => feeder.add(fields, row), () => feeder.skipped);
    feeder.end();
    return { rows: feeder.rows, streamed: true };
  }
  const sheets = readWorkbook(readInputFile(file.path), basename(file.path));
  let rows = 0;
  for (const sheet of sheets) {
    const { rows: sheetRows, ...rest } = sheet;
    const feeder = new SheetFeeder(stream, { ...rest, name: streamSheetName(file, sheet.name) });
    const firstRow = sheet.firstRow ?? 1;
    for (let index = 0; index < sheetRows.length && !feeder.skipped; index++) feeder.add(sheetRows[index] as CellValue[], firstRow + index);
    feeder.end();
    rows += feeder.rows;
  }
  return { rows, streamed: false };
}

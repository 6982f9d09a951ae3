/**
 * The zip layer of the .xlsx reader and patcher. Opening reads only the central directory; a part is
 * inflated when somebody reads it (natively where the platform can: codec.ts), and on writing every
 * part nobody replaced is copied as it was compressed (no inflate, no deflate), so patching a 50 MB
 * export costs little more than writing the new sheets. Only new or replaced parts are deflated.
 * Plain zip only: a ZIP64 or encrypted package makes `openZip` return null and the caller falls back
 * to a full unzip.
 *
 * Every inflated byte passes through one `PartCheck` (`inflateEntry` at once, `inflateEntryEach` and
 * `inflateEntryChunks` chunk by chunk): it checks the size the directory declares, and is the one place for a CRC check
 * and per-part size limits.
 */
import { crc32, deflateRaw, inflateRaw, inflateRawChunks, inflateRawEach } from './codec.ts';

export interface StoredEntry {
  readonly name: string;
  /** The name's bytes as stored (written back unchanged). */
  readonly nameBytes: Uint8Array;
  readonly method: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressed: Uint8Array;
  readonly size: number;
}

const utf8 = new TextDecoder('utf-8');

/** The little-endian 16-bit number at `at`. */
function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

/** The little-endian 32-bit number at `at`. */
function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** Bytes at the end of a zip that can hold its end-of-directory record: the record and the longest comment. */
export const zipTailBytes = 22 + 65_535;

/** Where the end-of-directory record of a zip starts (searched in its last `zipTailBytes`), or -1. */
export function endOfDirectory(bytes: Uint8Array): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - zipTailBytes); at--) if (u32(bytes, at) === 0x06054b50) return at;
  return -1;
}

/** Where a zip's central directory starts and how many records it has, from the end record at `end`; null for ZIP64. */
export function directoryAt(bytes: Uint8Array, end: number): { readonly start: number; readonly count: number } | null {
  const count = u16(bytes, end + 10);
  const start = u32(bytes, end + 16);
  return count === 0xffff || start === 0xffffffff ? null : { start, count };
}

/** What a record of the central directory says of a part. */
export interface DirectoryRecord {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the part's local header starts. */
  readonly localOffset: number;
}

/**
 * The records of the central directory of a plain zip whose end record is at `end`, in order; null
 * when a record is not where the directory says, or a part is beyond a plain zip (encrypted, ZIP64,
 * compressed otherwise than stored or deflated).
 */
export function readDirectory(bytes: Uint8Array, end: number): DirectoryRecord[] | null {
  const directory = directoryAt(bytes, end);
  if (directory === null) return null;
  const records: DirectoryRecord[] = [];
  let at = directory.start;
  for (let index = 0; index < directory.count; index++) {
    if (u32(bytes, at) !== 0x02014b50) return null;
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const localOffset = u32(bytes, at + 42);
    if (flags & 1 || (method !== 0 && method !== 8) || compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return null;
    const nameBytes = bytes.slice(at + 46, at + 46 + nameLength);
    records.push({ name: utf8.decode(nameBytes), nameBytes, flags, method, time: u16(bytes, at + 12), date: u16(bytes, at + 14), crc: u32(bytes, at + 16), compressedSize, size, localOffset });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return records;
}

/** Bytes of a local header before the part's name and extra field. */
export const localHeaderBytes = 30;

/** Where the data of the part whose local header is at `localOffset` starts, or -1 when no local header is there. */
export function localDataStart(bytes: Uint8Array, localOffset: number): number {
  if (u32(bytes, localOffset) !== 0x04034b50) return -1;
  return localOffset + localHeaderBytes + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
}

/** The entries of a plain zip, in central-directory order; null for what this reader does not handle. */
export function openZip(bytes: Uint8Array): StoredEntry[] | null {
  const end = endOfDirectory(bytes);
  const records = end < 0 ? null : readDirectory(bytes, end);
  if (records === null) return null;
  const entries: StoredEntry[] = [];
  for (const record of records) {
    const dataStart = localDataStart(bytes, record.localOffset);
    if (dataStart < 0) return null;
    const { name, nameBytes, method, flags, time, date, crc, size } = record;
    entries.push({ name, nameBytes, method, flags, time, date, crc, compressed: bytes.subarray(dataStart, dataStart + record.compressedSize), size });
  }
  return entries;
}

/** Thrown when a part's inflated bytes are not what the zip directory says. */
export class DamagedPartError extends Error {
  readonly part: string;
  constructor(part: string, detail: string) {
    super(`The part ${part} of the package is damaged: ${detail}.`);
    this.name = 'DamagedPartError';
    this.part = part;
  }
}

/** Checks the inflated bytes of one entry as they come (see the module's header). */
/**
 * What every inflated part must pass: no more bytes than the directory declares, no part larger than
 * a workbook can sensibly hold (refused before anything is inflated, since the inflater allocates the
 * declared size), and the CRC the zip records for it. A bit flipped in a download can inflate to the
 * right length of wrong bytes (rows silently lost while every count still adds up): the CRC is what
 * tells.
 */
class PartCheck {
  private seen = 0;
  private crc = 0;
  constructor(private readonly entry: StoredEntry) {
    if (entry.size > maxPartBytes) throw new PartTooLargeError(entry.name, entry.size);
  }

  add(chunk: Uint8Array): void {
    this.seen += chunk.length;
    if (this.seen > this.entry.size) throw new DamagedPartError(this.entry.name, `more than the ${this.entry.size} bytes declared`);
    this.crc = crc32(chunk, this.crc);
  }

  end(): void {
    if (this.seen !== this.entry.size) throw new DamagedPartError(this.entry.name, `${this.seen} bytes instead of the ${this.entry.size} declared`);
    if (this.crc !== this.entry.crc) throw new DamagedPartError(this.entry.name, `CRC ${this.crc.toString(16)} instead of ${this.entry.crc.toString(16)}`);
  }
}

/** The largest part a workbook may hold: 1.5 GiB of XML is a sheet of well over a million rows. */
export const maxPartBytes = 1.5 * 1024 ** 3;

/** A part that declares more bytes than any export holds (a hostile or broken file). */
export class PartTooLargeError extends Error {
  readonly part: string;
  readonly size: number;
  constructor(part: string, size: number) {
    super(`The part ${part} declares ${size} bytes, more than ${maxPartBytes}.`);
    this.name = 'PartTooLargeError';
    this.part = part;
    this.size = size;
  }
}

/** A failure of the platform's inflater (zlib's Z_DATA_ERROR, a stream's TypeError, fflate's codes) as damage of the part. */
function damaged(entry: StoredEntry, error: unknown): DamagedPartError {
  return error instanceof DamagedPartError ? error : new DamagedPartError(entry.name, error instanceof Error ? error.message : String(error));
}

/** The uncompressed bytes of a stored entry. */
export function inflateEntry(entry: StoredEntry): Uint8Array {
  let data: Uint8Array;
  try {
    data = entry.method === 0 ? entry.compressed : inflateRaw(entry.compressed, entry.size);
  } catch (error) {
    throw damaged(entry, error);
  }
  const check = new PartCheck(entry);
  check.add(data);
  check.end();
  return data;
}

/**
 * The uncompressed bytes of a stored entry, handed to `onChunk` in order, synchronously, every chunk
 * in one reused buffer (`inflateRawEach`: `onChunk` must not keep a chunk). `whole`: in one chunk.
 */
export function inflateEntryEach(entry: StoredEntry, onChunk: (chunk: Uint8Array) => void, whole = false): void {
  const { check, take, failure } = checkedChunks(entry, onChunk);
  if (entry.method === 0) take(entry.compressed);
  else {
    try {
      inflateRawEach(entry.compressed, entry.size, take, whole);
    } catch (error) {
      throw failure(error);
    }
  }
  check.end();
}

/**
 * The chunks of a part checked (`PartCheck`) on their way to `onChunk`, and what a failure on the way
 * means: an error of the reader fed here is its own; only the inflater's mean a damaged part.
 */
function checkedChunks(entry: StoredEntry, onChunk: (chunk: Uint8Array) => void): { check: PartCheck; take: (chunk: Uint8Array) => void; failure: (error: unknown) => unknown } {
  const check = new PartCheck(entry);
  let readerError: { error: unknown } | null = null;
  const take = (chunk: Uint8Array) => {
    check.add(chunk);
    try {
      onChunk(chunk);
    } catch (error) {
      readerError = { error };
      throw error;
    }
  };
  const failure = (error: unknown) => (readerError !== null ? readerError.error : damaged(entry, error));
  return { check, take, failure };
}

/**
 * The uncompressed bytes of a stored entry, handed to `onChunk` in order as they are inflated (in
 * one chunk where the platform inflates synchronously). A reader that scans as it goes never needs
 * the whole part in memory.
 */
export async function inflateEntryChunks(entry: StoredEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const { check, take, failure } = checkedChunks(entry, onChunk);
  if (entry.method === 0) take(entry.compressed);
  else {
    try {
      await inflateRawChunks(entry.compressed, entry.size, take);
    } catch (error) {
      throw failure(error);
    }
  }
  check.end();
}

/** An entry to write: a stored one copied as it is, or new data to deflate. */
export type OutputEntry = { readonly stored: StoredEntry } | { readonly name: string; readonly data: Uint8Array };

/** DOS time and date of the fixed timestamp new entries get (2000-01-01 00:00), for identical bytes on every run. */
const fixedTime = 0;
const fixedDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
const utf8Encoder = new TextEncoder();

/** Writes a zip of the entries in order; stored entries keep their compressed bytes, crc and time. */
export function writeZip(entries: readonly OutputEntry[]): Uint8Array {
  const prepared = entries.map((entry) => {
    if ('stored' in entry) {
      const stored = entry.stored;
      // Bit 3 (sizes in a trailing descriptor) is dropped: the new local header carries the sizes.
      return { nameBytes: stored.nameBytes, flags: stored.flags & 0x0800, method: stored.method, time: stored.time, date: stored.date, crc: stored.crc, compressed: stored.compressed, size: stored.size };
    }
    const nameBytes = utf8Encoder.encode(entry.name);
    const compressed = deflateRaw(entry.data);
    const ascii = nameBytes.every((byte) => byte < 0x80);
    return { nameBytes, flags: ascii ? 0 : 0x0800, method: 8, time: fixedTime, date: fixedDate, crc: crc32(entry.data), compressed, size: entry.data.length };
  });
  let total = 22;
  for (const entry of prepared) total += 30 + entry.nameBytes.length + entry.compressed.length + 46 + entry.nameBytes.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const entry of prepared) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, entry.flags, true);
    view.setUint16(at + 8, entry.method, true);
    view.setUint16(at + 10, entry.time, true);
    view.setUint16(at + 12, entry.date, true);
    view.setUint32(at + 14, entry.crc, true);
    view.setUint32(at + 18, entry.compressed.length, true);
    view.setUint32(at + 22, entry.size, true);
    view.setUint16(at + 26, entry.nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(entry.nameBytes, at + 30);
    out.set(entry.compressed, at + 30 + entry.nameBytes.length);
    at += 30 + entry.nameBytes.length + entry.compressed.length;
  }
  const directoryStart = at;
  prepared.forEach((entry, index) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, entry.flags, true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint16(at + 12, entry.time, true);
    view.setUint16(at + 14, entry.date, true);
    view.setUint32(at + 16, entry.crc, true);
    view.setUint32(at + 20, entry.compressed.length, true);
    view.setUint32(at + 24, entry.size, true);
    view.setUint16(at + 28, entry.nameBytes.length, true);
    view.setUint32(at + 42, offsets[index], true);
    out.set(entry.nameBytes, at + 46);
    at += 46 + entry.nameBytes.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - directoryStart, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}

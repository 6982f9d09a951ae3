/**
 * A fast, lean reader for .xlsx packages: it opens the zip's directory, inflates only the parts it
 * needs (natively where the platform can, see codec.ts) and scans the worksheet XML bytes directly
 * (sheet-scanner.ts: no DOM, no string of the whole sheet), keeping values raw, as `readWorkbook`
 * promises. It reads values only, unless asked for what a preview shows (`display`: style indexes,
 * merges, column widths and the cell formats). Anything it does not understand makes it return null,
 * and the caller falls back to SheetJS.
 *
 * One reading, two ways to run it: `readXlsx` inflates synchronously (Node's zlib, else fflate);
 * `readXlsxAsync` inflates through the platform's stream where it has one (a browser worker's
 * DecompressionStream), feeding each sheet's scanner chunk by chunk as the bytes come.
 */
import { unzipSync } from 'fflate';
import { inflaterName } from './codec.ts';
import type { ReadSheet } from './read-workbook.ts';
import { decodeEntities, SheetScanner, type ScannedDisplay } from './sheet-scanner.ts';
import { DamagedPartError, inflateEntry, inflateEntryChunks, inflateEntryEach, openZip, type StoredEntry } from './zip-package.ts';

const decoder = new TextDecoder('utf-8');

/** What a preview needs of the whole package (`display` reads only). */
export interface XlsxDisplay {
  /** By sheet, as `sheets` lists them; null for a sheet without cells (a chartsheet). */
  readonly sheets: readonly (ScannedDisplay | null)[];
  /**
   * The number format of each cell style (`s`): a format code, or the id of one of Excel's built-in
   * formats; 0 (General) for a style without one.
   */
  readonly cellFormats: readonly (string | number)[];
}

export interface XlsxRead {
  readonly sheets: ReadSheet[];
  readonly display?: XlsxDisplay;
}

export interface XlsxReadOptions {
  /** Also keep what a preview needs (costs a little memory per styled cell). */
  readonly display?: boolean;
  /** Read only the sheets of these names (the others are neither inflated nor listed). */
  readonly only?: ReadonlySet<string>;
  /** Inflate each sheet whole before scanning it, not a chunk at a time (what the tests and the benchmark compare with). */
  readonly wholeParts?: boolean;
}

/** Reads attributes of an open tag in a text part (workbook.xml, rels): small parts, plain regex. */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attributes.set(match[1].replace(/^[\w.-]+:/, (prefix) => (prefix === 'r:' ? 'r:' : '')), decodeEntities(match[3] ?? match[4] ?? ''));
  return attributes;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/**
 * Texts collected to be decoded together, as one JSON array: the bytes of many strings copied into
 * one buffer (quoted, `"` and `\` and control characters escaped), decoded and parsed once. One
 * decoder call per string would cost more than the rest of reading, and slices of one big decoded
 * text make slow strings (each a pointer into the big one, and two-byte when the big one has any
 * Chinese); JSON.parse makes each string compact on its own, one-byte when it is ASCII (ids, times,
 * codes): half the memory, and everything the core does with them afterwards runs faster.
 */
class JsonTextBatch {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private count = 0;
  /** Where the open text started (before its comma), so that it can be dropped. */
  private opened = 0;

  get size(): number {
    return this.length;
  }

  private room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Starts the next text. */
  open(): void {
    this.opened = this.length;
    this.room(2);
    this.bytes[this.length++] = this.count === 0 ? 0x5b : 0x2c; // [ or ,
    this.bytes[this.length++] = 0x22; // "
    this.count++;
  }

  /** Adds the UTF-8 bytes `source[start, end)` to the open text. */
  append(source: Uint8Array, start: number, end: number): void {
    this.room((end - start) * 6);
    const bytes = this.bytes;
    let at = this.length;
    for (let index = start; index < end; index++) {
      const byte = source[index];
      if (byte === 0x22 || byte === 0x5c) {
        bytes[at++] = 0x5c;
        bytes[at++] = byte;
      } else if (byte < 0x20) {
        // \u00XX
        bytes[at++] = 0x5c;
        bytes[at++] = 0x75;
        bytes[at++] = 0x30;
        bytes[at++] = 0x30;
        bytes[at++] = byte < 0x10 ? 0x30 : 0x31;
        const low = byte & 0x0f;
        bytes[at++] = low < 10 ? 0x30 + low : 0x57 + low;
      } else bytes[at++] = byte;
    }
    this.length = at;
  }

  close(): void {
    this.room(1);
    this.bytes[this.length++] = 0x22; // "
  }

  /** Drops the open text. */
  drop(): void {
    this.length = this.opened;
    this.count--;
  }

  /** The texts, in order; the batch is empty afterwards. */
  take(): string[] {
    if (this.count === 0) return [];
    this.room(1);
    this.bytes[this.length++] = 0x5d; // ]
    const texts = JSON.parse(decoder.decode(this.bytes.subarray(0, this.length))) as string[];
    this.length = 0;
    this.count = 0;
    return texts;
  }
}

/** Bytes of strings batched at a time (see JsonTextBatch). */
const batchBytes = 1 << 20;

/**
 * Shared strings: the text of every `<si>`, rich-text runs joined, phonetic runs (`<rPh>`) left out,
 * entities decoded. Read from the bytes; the texts are decoded in batches (JsonTextBatch).
 */
export function readSharedStrings(bytes: Uint8Array): string[] {
  const strings: string[] = [];
  const batch = new JsonTextBatch();
  /** Per string of the batch, whether it has entities or _xHHHH_ escapes to decode. */
  let escaped: boolean[] = [];
  const flush = () => {
    const texts = batch.take();
    for (let index = 0; index < texts.length; index++) strings.push(escaped[index] ? decodeEntities(texts[index]) : texts[index]);
    escaped = [];
  };
  let inString = false;
  let inPhonetic = false;
  const length = bytes.length;
  // Tags and texts are short: plain loops find their ends sooner than search calls.
  const find = (byte: number, from: number) => {
    let index = from;
    while (index < length && bytes[index] !== byte) index++;
    return index < length ? index : -1;
  };
  let at = find(0x3c, 0);
  while (at >= 0) {
    const end = find(0x3e, at);
    if (end < 0) break;
    const closing = bytes[at + 1] === 0x2f;
    let nameStart = closing ? at + 2 : at + 1;
    let nameEnd = nameStart;
    for (; nameEnd < end; nameEnd++) {
      const code = bytes[nameEnd];
      if (code === 0x3a) nameStart = nameEnd + 1;
      else if (code <= 0x20 || code === 0x2f) break;
    }
    const nameLength = nameEnd - nameStart;
    const selfClosing = bytes[end - 1] === 0x2f;
    let next = end + 1;
    if (nameLength === 2 && bytes[nameStart] === 0x73 && bytes[nameStart + 1] === 0x69) {
      // <si>, </si>, <si/>
      if (!closing) {
        if (inString) {
          // A string that never closed: dropped, as a reader of the text would.
          batch.drop();
          escaped.pop();
          inString = false;
        }
        batch.open();
        escaped.push(false);
        if (selfClosing) batch.close();
        else inString = true;
      } else if (inString) {
        inString = false;
        batch.close();
        if (batch.size >= batchBytes) flush();
      }
    } else if (nameLength === 1 && bytes[nameStart] === 0x74 && !closing && !selfClosing && inString) {
      // <t>: its text runs to the next <.
      const close = find(0x3c, next);
      if (close < 0) break;
      if (!inPhonetic && close > next) {
        batch.append(bytes, next, close);
        for (let index = next; index < close; index++) {
          const byte = bytes[index];
          if (byte === 0x26 || (byte === 0x5f && bytes[index + 1] === 0x78)) {
            escaped[escaped.length - 1] = true; // & or _x
            break;
          }
        }
      }
      next = close;
    } else if (nameLength === 3 && bytes[nameStart] === 0x72 && bytes[nameStart + 1] === 0x50 && bytes[nameStart + 2] === 0x68) {
      inPhonetic = !closing && !selfClosing; // <rPh>
    }
    at = find(0x3c, next);
  }
  if (inString) {
    // A part cut short: its last string never closed.
    batch.drop();
    escaped.pop();
  }
  flush();
  return strings;
}

/** Excel's number format of each cell style (cellXfs), from styles.xml. */
export function readCellFormats(xml: string): (string | number)[] {
  const codes = new Map<number, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const attributes = attributesOf(match[0]);
    const id = Number(attributes.get('numFmtId'));
    const code = attributes.get('formatCode');
    if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (cellXfs === null) return [];
  const formats: (string | number)[] = [];
  for (const match of cellXfs[1].matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attributesOf(match[0]).get('numFmtId') ?? 0);
    formats.push(codes.get(id) ?? (Number.isInteger(id) ? id : 0));
  }
  return formats;
}

/** One step of a reading: a part to inflate whole (answered with its bytes), or to feed to a scanner. */
type Step = { readonly entry: StoredEntry; readonly scanner?: SheetScanner };

/** The reading, as steps that the sync and the async runner answer. */
function* readingSteps(entries: readonly StoredEntry[], options: XlsxReadOptions): Generator<Step, XlsxRead | null, Uint8Array | undefined> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const byLowerName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  const find = (name: string) => byName.get(name) ?? byLowerName.get(name.toLowerCase());
  const text = function* (name: string): Generator<Step, string | null, Uint8Array | undefined> {
    const entry = find(name);
    if (entry === undefined) return null;
    return decoder.decode((yield { entry }) as Uint8Array);
  };
  const workbookXml = yield* text('xl/workbook.xml');
  const relsXml = yield* text('xl/_rels/workbook.xml.rels');
  if (workbookXml === null || relsXml === null) return null;
  const rels = new Map<string, string>();
  for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attributes = attributesOf(match[0]);
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id && target) rels.set(id, resolvePart('xl/workbook.xml', target));
  }
  const sharedEntry = find('xl/sharedStrings.xml');
  const shared = sharedEntry === undefined ? [] : readSharedStrings((yield { entry: sharedEntry }) as Uint8Array);
  const display = options.display === true;
  const stylesXml = display ? yield* text('xl/styles.xml') : null;
  const sheets: ReadSheet[] = [];
  const displays: (ScannedDisplay | null)[] = [];
  // <workbookPr date1904="1"/>: the workbook counts its date serials from 1904 (Excel for Mac).
  const properties = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const date1904 = properties !== null && /^(1|true)$/i.test(attributesOf(properties[0]).get('date1904') ?? '');
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const attributes = attributesOf(match[0]);
    const name = attributes.get('name');
    const part = rels.get(attributes.get('r:id') ?? '');
    if (!name || !part) return null;
    if (options.only && !options.only.has(name)) continue;
    const entry = find(part);
    if (entry === undefined) {
      // A chartsheet or dialog sheet has no cells; SheetJS lists it empty too.
      if (!/worksheets\//.test(part)) {
        sheets.push({ name, rows: [], firstRow: 1 });
        displays.push(null);
        continue;
      }
      return null;
    }
    const scanner = new SheetScanner(shared, { display });
    yield { entry, scanner };
    const { rows, firstRow, columnCount, display: sheetDisplay } = scanner.finish();
    const state = attributes.get('state');
    sheets.push({ name, rows, firstRow, ...(rows.length > 0 && rows[0].length < columnCount ? { columnCount } : {}), ...(state === 'hidden' || state === 'veryHidden' ? { hidden: true } : {}), ...(date1904 ? { date1904 } : {}) });
    displays.push(sheetDisplay ?? null);
  }
  return display ? { sheets, display: { sheets: displays, cellFormats: stylesXml === null ? [] : readCellFormats(stylesXml) } } : { sheets };
}

/**
 * The package's entries: from its directory, or, for a zip the directory reader does not handle
 * (ZIP64, say), unzipped whole by fflate into entries stored as they are.
 */
function entriesOf(bytes: Uint8Array): readonly StoredEntry[] {
  const entries = openZip(bytes);
  if (entries !== null) return entries;
  const files = unzipSync(bytes, { filter: (file) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(file.name) });
  return Object.entries(files).map(([name, data]) => ({ name, nameBytes: new Uint8Array(0), method: 0, flags: 0, time: 0, date: 0, crc: 0, compressed: data, size: data.length }));
}

/** Reads the package synchronously; null when it is not one this reader can read. */
export function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxRead | null {
  try {
    return readXlsxOnce(bytes, options);
  } catch (error) {
    // The chunked inflating drives members of Node's zlib that Node does not document: should a Node
    // ever give it wrong bytes, the part check calls the part damaged. Whole inflating (Node's own
    // inflateRawSync) then decides: a part really damaged is refused by it too.
    if (error instanceof DamagedPartError && !options.wholeParts && inflaterName === 'node:zlib') return readXlsxOnce(bytes, { ...options, wholeParts: true });
    throw error;
  }
}

function readXlsxOnce(bytes: Uint8Array, options: XlsxReadOptions): XlsxRead | null {
  const steps = readingSteps(entriesOf(bytes), options);
  let next = steps.next();
  while (!next.done) {
    const { entry, scanner } = next.value;
    if (scanner === undefined) next = steps.next(inflateEntry(entry));
    else {
      // A sheet is scanned as it is inflated, a chunk at a time in one reused buffer: never whole in memory.
      inflateEntryEach(entry, (chunk) => scanner.push(chunk), options.wholeParts);
      next = steps.next();
    }
  }
  return next.value;
}

/** Reads the package, inflating through the platform's stream where it has one; null as `readXlsx`. */
export async function readXlsxAsync(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxRead | null> {
  const steps = readingSteps(entriesOf(bytes), options);
  let next = steps.next();
  while (!next.done) {
    const { entry, scanner } = next.value;
    if (scanner !== undefined) {
      await inflateEntryChunks(entry, (chunk) => scanner.push(chunk));
      next = steps.next();
      continue;
    }
    const chunks: Uint8Array[] = [];
    await inflateEntryChunks(entry, (chunk) => chunks.push(chunk));
    next = steps.next(chunks.length === 1 ? chunks[0] : joined(chunks));
  }
  return next.value;
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The names of an .xlsx package's sheets, in workbook order, from its workbook part alone; null when it has none. */
export function readXlsxSheetNames(bytes: Uint8Array): string[] | null {
  const entries = openZip(bytes);
  const entry = entries?.find((candidate) => candidate.name.toLowerCase() === 'xl/workbook.xml');
  if (entry === undefined) return null;
  const names: string[] = [];
  for (const match of decoder.decode(inflateEntry(entry)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attributesOf(match[0]).get('name');
    if (name === undefined) return null;
    names.push(name);
  }
  return names;
}

/** Reads every sheet of an .xlsx package, or returns null when the package is not one it can read. */
export function readXlsxFast(bytes: Uint8Array): ReadSheet[] | null {
  return readXlsx(bytes)?.sheets ?? null;
}

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
import type { ReadSheet } from './read-workbook.ts';
import { decodeEntities, SheetScanner, type ScannedDisplay } from './sheet-scanner.ts';
import { inflateEntry, inflateEntryChunks, openZip, type StoredEntry } from './zip-package.ts';

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

/** Bytes of the shared-string part decoded at a time (see `readSharedStrings`). */
const sharedPieceSize = 1 << 18;

/** Where the `</si>` (any prefix) at or after `from` ends; the length when there is none. */
function endOfStringElement(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(0x3c, from); at >= 0; at = bytes.indexOf(0x3c, at + 1)) {
    if (bytes[at + 1] !== 0x2f) continue;
    let cursor = at + 2;
    while (cursor < bytes.length && cursor - at < 40 && bytes[cursor] !== 0x3e && bytes[cursor] !== 0x3a) cursor++;
    const nameStart = bytes[cursor] === 0x3a ? cursor + 1 : at + 2;
    if (bytes[nameStart] === 0x73 && bytes[nameStart + 1] === 0x69 && bytes[nameStart + 2] === 0x3e) return nameStart + 3;
  }
  return bytes.length;
}

/**
 * Shared strings: the text of every `<si>`, rich-text runs joined, phonetic runs (`<rPh>`) left out.
 * The part is decoded in pieces of whole `<si>` elements: the strings are slices of the pieces, and
 * slices of one decoded 15 MB string (which Node keeps outside the heap) cost ten times as much to
 * read in everything the core does with them afterwards.
 */
export function readSharedStrings(bytes: Uint8Array): string[] {
  const strings: string[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = start + sharedPieceSize >= bytes.length ? bytes.length : endOfStringElement(bytes, start + sharedPieceSize);
    readSharedStringsInto(decoder.decode(bytes.subarray(start, end)), strings);
    start = end;
  }
  return strings;
}

/** Adds the strings of the whole `<si>` elements in `xml` to `strings`. */
function readSharedStringsInto(xml: string, strings: string[]): void {
  // One pass over the tags: <si> starts a string, <t> adds its text unless inside <rPh>.
  let text = '';
  let inString = false;
  let inPhonetic = false;
  let at = xml.indexOf('<');
  while (at >= 0) {
    const end = xml.indexOf('>', at);
    if (end < 0) break;
    const closing = xml.charCodeAt(at + 1) === 0x2f;
    let nameStart = closing ? at + 2 : at + 1;
    let nameEnd = nameStart;
    for (; nameEnd < end; nameEnd++) {
      const code = xml.charCodeAt(nameEnd);
      if (code === 0x3a) nameStart = nameEnd + 1;
      else if (code <= 0x20 || code === 0x2f) break;
    }
    const length = nameEnd - nameStart;
    const selfClosing = xml.charCodeAt(end - 1) === 0x2f;
    let next = end + 1;
    if (length === 2 && xml.startsWith('si', nameStart)) {
      if (closing) {
        strings.push(decodeEntities(text));
        inString = false;
      } else if (selfClosing) strings.push('');
      else {
        text = '';
        inString = true;
      }
    } else if (length === 1 && xml.charCodeAt(nameStart) === 0x74 && !closing && !selfClosing && inString) {
      const close = xml.indexOf('<', next);
      if (close < 0) break;
      if (!inPhonetic) text += xml.slice(next, close);
      next = close;
    } else if (length === 3 && xml.startsWith('rPh', nameStart)) {
      inPhonetic = !closing && !selfClosing;
    }
    at = xml.indexOf('<', next);
  }
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
    const { rows, firstRow, display: sheetDisplay } = scanner.finish();
    const state = attributes.get('state');
    sheets.push({ name, rows, firstRow, ...(state === 'hidden' || state === 'veryHidden' ? { hidden: true } : {}), ...(date1904 ? { date1904 } : {}) });
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
  const steps = readingSteps(entriesOf(bytes), options);
  let next = steps.next();
  while (!next.done) {
    const { entry, scanner } = next.value;
    const data = inflateEntry(entry);
    if (scanner === undefined) next = steps.next(data);
    else {
      scanner.push(data);
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

/** Reads every sheet of an .xlsx package, or returns null when the package is not one it can read. */
export function readXlsxFast(bytes: Uint8Array): ReadSheet[] | null {
  return readXlsx(bytes)?.sheets ?? null;
}

/**
 * Scans one worksheet part's XML bytes into rows of raw cell values, without a DOM and without a
 * string of the sheet: tags are recognised from their bytes, values are decoded one by one.
 *
 * The scanner is pushed the part's bytes in chunks, in order (`push`), and gives the sheet at the end
 * (`finish`). A chunk may end anywhere, inside a tag or a value: what cannot be scanned yet is kept
 * and scanned with the next chunk. So the part never has to be in memory whole: a caller inflating a
 * stream (DecompressionStream, a file read in pieces) scans as it inflates; one inflating at once
 * pushes one chunk.
 *
 * Values are kept raw, as `readWorkbook` promises: numbers stay numbers (date cells stay serials),
 * shared and inline strings become text, booleans booleans, errors their display text, and empty
 * cells null. With `display`, it also keeps what a preview needs: each cell's style index, the
 * merged ranges and the column widths.
 */
import type { CellValue } from '../../core/model/raw-sheet.ts';

/** A merged range, 0-based and inclusive, row 0 = sheet row 1. */
export interface ScannedMerge {
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** What a preview needs beyond the values (`display` scans only). */
export interface ScannedDisplay {
  /** Style index (`s`) of each cell, by the same index as the rows; undefined for a row without styles. */
  readonly styles: readonly (Uint32Array | undefined)[];
  readonly merges: readonly ScannedMerge[];
  /** Width in characters (the file's width less its padding) by 0-based column; 0 = default. */
  readonly colWidths: readonly number[];
}

export interface ScannedSheet {
  /**
   * rows[i][0] is column A of sheet row `firstRow + i`; every row as wide as the used range, unless
   * that would take more than `paddedCellBudget` cells (one stray cell at XFD1048576 makes the used
   * range 17 billion cells): then each row ends at its last value, and `columnCount` says the width.
   */
  readonly rows: CellValue[][];
  readonly firstRow: number;
  /** Columns of the used range (1 + the last column holding a value). */
  readonly columnCount: number;
  readonly display?: ScannedDisplay;
}

/** Rows are padded to the used range's width up to this many cells in all (a 200,000 × 100 export is 20 million). */
export const paddedCellBudget = 50_000_000;

const decoder = new TextDecoder('utf-8');
/** Bytes as one char each ('latin1' is windows-1252 in the Encoding standard: the same for ASCII). */
const latin1Decoder = new TextDecoder('latin1');
/** Bytes decoded at a time for `asciiText`. */
const windowSize = 1 << 16;

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const QUOTE = 0x22; // "
const APOS = 0x27; // '
const COLON = 0x3a; // :
const EQUALS = 0x3d; // =

/** Display text of the error values Excel knows; anything else in an error cell reads as #ERROR. */
const errorTexts = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

/** XML entities and OOXML's `_xHHHH_` escapes in a text. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
      if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Tag names the scanner cares about, recognised from their bytes without making strings. */
const enum Name {
  Other,
  Row,
  C,
  V,
  T,
  Is,
  RPh,
  SheetData,
  Col,
  MergeCell,
}

function nameAt(bytes: Uint8Array, start: number, end: number): Name {
  const length = end - start;
  const first = bytes[start];
  switch (length) {
    case 1:
      return first === 0x63 ? Name.C : first === 0x76 ? Name.V : first === 0x74 ? Name.T : Name.Other;
    case 2:
      return first === 0x69 && bytes[start + 1] === 0x73 ? Name.Is : Name.Other;
    case 3:
      if (first === 0x72 && bytes[start + 1] === 0x6f && bytes[start + 2] === 0x77) return Name.Row;
      if (first === 0x72 && bytes[start + 1] === 0x50 && bytes[start + 2] === 0x68) return Name.RPh;
      if (first === 0x63 && bytes[start + 1] === 0x6f && bytes[start + 2] === 0x6c) return Name.Col;
      return Name.Other;
    case 9:
      if (first === 0x73 && bytes[start + 5] === 0x44) return Name.SheetData; // sheetData
      if (first === 0x6d && bytes[start + 5] === 0x43) return Name.MergeCell; // mergeCell
      return Name.Other;
    default:
      return Name.Other;
  }
}

/** Short ASCII text of a byte range (numbers, attribute values). */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let index = start; index < end; index++) text += String.fromCharCode(bytes[index]);
  return text;
}

/** A non-negative integer of a byte range; -1 when it is not one. */
function unsignedAt(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = bytes[index] - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Column index (0-based) of a cell reference's letters, e.g. `AB12` → 27; -1 without letters. */
function columnOf(bytes: Uint8Array, start: number, end: number): number {
  let col = 0;
  for (let index = start; index < end; index++) {
    const code = bytes[index] | 0x20; // lower case
    if (code >= 0x61 && code <= 0x7a) col = col * 26 + (code - 0x60);
    else break;
  }
  return col - 1;
}

/** `A1` or `A1:C3` as 0-based bounds; null when it is not a reference. */
function rangeOf(text: string): ScannedMerge | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (match === null) return null;
  const column = (letters: string) => [...letters.toUpperCase()].reduce((sum, ch) => sum * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(match[2]) - 1;
  const col = column(match[1]);
  const lastRow = match[4] === undefined ? row : Number(match[4]) - 1;
  const lastCol = match[3] === undefined ? col : column(match[3]);
  return { row: Math.min(row, lastRow), col: Math.min(col, lastCol), lastRow: Math.max(row, lastRow), lastCol: Math.max(col, lastCol) };
}

/** Scans one worksheet part pushed in chunks; see the module's header. */
export class SheetScanner {
  private readonly shared: readonly string[];
  private readonly display: boolean;
  /** Bytes of earlier chunks not scanned yet (an unfinished tag or value), in order. */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** The buffer pending bytes and the next chunk are joined in (reused). */
  private joined = new Uint8Array(0);
  private inSheetData = false;
  private finished = false;
  private readonly byRow: (CellValue[] | undefined)[] = [];
  private readonly stylesByRow: (Uint32Array | undefined)[] = [];
  private rowNumber = 0;
  /** Whether a row is open (cells outside a row are not kept). */
  private rowOpen = false;
  /**
   * The open row's cells, in a scratch array reused for every row: the row is copied out once, at
   * its exact width, when it ends (growing a fresh array cell by cell costs more, in time and garbage).
   */
  private readonly scratch: CellValue[] = [];
  /** 1 + the last column of the open row with a value; 0 when none. */
  private scratchEnd = 0;
  private readonly scratchStyles: number[] = [];
  private scratchStylesEnd = 0;
  private nextCol = 0;
  // The cell being read.
  private cellCol = 0;
  /** First byte of the t attribute: 0 none/n, 0x73 s (shared), 0x69 inlineStr, 0x62 b, 0x65 e, 0x64 d; 1 for str. */
  private cellType = 0;
  private cellStyle = 0;
  private cellValue: CellValue = null;
  private inlineText: string | null = null;
  private minRow = Infinity;
  private maxRow = -1;
  private maxCol = -1;
  private readonly merges: ScannedMerge[] = [];
  // The latin1 view of `asciiText`.
  private windowBytes: Uint8Array | null = null;
  private windowStart = 0;
  private windowText = '';
  private readonly colWidths: number[] = [];

  constructor(shared: readonly string[], options: { readonly display?: boolean } = {}) {
    this.shared = shared;
    this.display = options.display === true;
  }

  /**
   * Scans the next chunk of the part. The chunk is not kept (what is left unscanned is copied), so
   * the caller may fill the same buffer with the next chunk.
   */
  push(chunk: Uint8Array): void {
    if (this.finished || chunk.length === 0) return;
    let bytes = chunk;
    if (this.pendingLength > 0) {
      // What is pending waits for a < or a >: a chunk without either cannot finish it, so it is only
      // kept (joining the pieces once, not at every chunk, keeps a long value linear).
      if (chunk.indexOf(LT) < 0 && chunk.indexOf(GT) < 0) {
        this.pending.push(chunk.slice());
        this.pendingLength += chunk.length;
        return;
      }
      // Joined in one buffer kept for the next chunk too: a part inflated a chunk at a time has a
      // tag cut at nearly every chunk's end, and a fresh buffer each time would cost its zeroing.
      const length = this.pendingLength + chunk.length;
      if (this.joined.length < length) this.joined = new Uint8Array(Math.max(length, this.joined.length * 2));
      bytes = this.joined.subarray(0, length);
      let at = 0;
      for (const piece of this.pending) {
        bytes.set(piece, at);
        at += piece.length;
      }
      bytes.set(chunk, at);
      this.pending = [];
      this.pendingLength = 0;
    }
    const stop = this.scan(bytes);
    if (stop < bytes.length && !this.finished) {
      this.pending = [bytes.slice(stop)];
      this.pendingLength = bytes.length - stop;
    }
  }

  /** The sheet, after the last chunk. */
  finish(): ScannedSheet {
    this.closeRow();
    this.finished = true;
    this.pending = [];
    this.pendingLength = 0;
    this.joined = new Uint8Array(0);
    const { byRow, minRow, maxRow, maxCol } = this;
    if (maxRow < 0) return { rows: [], firstRow: 1, columnCount: 0, ...(this.display ? { display: { styles: [], merges: this.merges, colWidths: this.colWidths } } : {}) };
    const rows: CellValue[][] = [];
    const styles: (Uint32Array | undefined)[] = [];
    const width = maxCol + 1;
    const pad = (maxRow - minRow + 1) * width <= paddedCellBudget;
    for (let number = minRow; number <= maxRow; number++) {
      const out = byRow[number] ?? [];
      if (pad) while (out.length < width) out.push(null);
      rows.push(out);
      if (this.display) styles.push(this.stylesByRow[number]);
    }
    return { rows, firstRow: minRow, columnCount: width, ...(this.display ? { display: { styles, merges: this.merges, colWidths: this.colWidths } } : {}) };
  }

  /** Keeps the cell just read in the open row. */
  private store(): void {
    if (!this.rowOpen) return;
    const col = this.cellCol;
    if (this.display && this.cellStyle !== 0) {
      const styles = this.scratchStyles;
      while (styles.length <= col) styles.push(0);
      styles[col] = this.cellStyle;
      if (col >= this.scratchStylesEnd) this.scratchStylesEnd = col + 1;
    }
    const cell = this.cellValue;
    if (cell === null) return;
    const scratch = this.scratch;
    while (scratch.length <= col) scratch.push(null);
    scratch[col] = cell;
    if (col >= this.scratchEnd) this.scratchEnd = col + 1;
  }

  /** Opens sheet row `number` (1-based); a self-closing row has no cells. */
  private openRow(number: number, empty: boolean): void {
    this.closeRow();
    this.rowNumber = number;
    this.rowOpen = !empty;
    this.nextCol = 0;
  }

  /** Copies the open row out of the scratch arrays (merged into what an earlier row of the same number left). */
  private closeRow(): void {
    if (!this.rowOpen) return;
    this.rowOpen = false;
    const number = this.rowNumber;
    const end = this.scratchEnd;
    if (end > 0) {
      const scratch = this.scratch;
      const earlier = this.byRow[number];
      if (earlier === undefined) this.byRow[number] = scratch.slice(0, end);
      else {
        for (let col = 0; col < end; col++) {
          if (scratch[col] === null) continue;
          while (earlier.length <= col) earlier.push(null);
          earlier[col] = scratch[col];
        }
      }
      scratch.fill(null, 0, end);
      this.scratchEnd = 0;
      if (number < this.minRow) this.minRow = number;
      if (number > this.maxRow) this.maxRow = number;
      if (end - 1 > this.maxCol) this.maxCol = end - 1;
    }
    const stylesEnd = this.scratchStylesEnd;
    if (stylesEnd > 0) {
      const styles = this.scratchStyles;
      const earlier = this.stylesByRow[number];
      const out = new Uint32Array(Math.max(stylesEnd, earlier?.length ?? 0));
      if (earlier !== undefined) out.set(earlier);
      for (let col = 0; col < stylesEnd; col++) if (styles[col] !== 0) out[col] = styles[col];
      this.stylesByRow[number] = out;
      styles.fill(0, 0, stylesEnd);
      this.scratchStylesEnd = 0;
    }
  }

  /** The value of the `<v>` text between start and end, by the cell's type. */
  private valueOf(bytes: Uint8Array, start: number, end: number): CellValue {
    switch (this.cellType) {
      case 0:
        return this.numberAt(bytes, start, end);
      case 0x73: {
        const text = this.shared[unsignedAt(bytes, start, end)];
        return text === undefined || text === '' ? null : text;
      }
      case 1:
      case 0x64:
        return end > start ? this.textOf(bytes, start, end) : null;
      case 0x62:
        return end > start ? bytes[start] === 0x31 || bytes[start] === 0x74 : null;
      case 0x65: {
        const text = this.textOf(bytes, start, end);
        return text === '' ? null : errorTexts.has(text) ? text : '#ERROR';
      }
      case 0x69:
        return null; // an inline string's text is in <is><t>, not in <v>
      default:
        return this.numberAt(bytes, start, end);
    }
  }

  /**
   * Reads the attributes of a `<c` (r, t, s) from `start` in one pass, up to the tag's `>`; returns
   * the index of that `>`, or -1 when the tag goes on in the next chunk (nothing is changed then).
   */
  private openCell(bytes: Uint8Array, start: number, length: number): number {
    let col = -1;
    let type = 0;
    let style = 0;
    let index = start;
    for (;;) {
      if (index >= length) return -1;
      const code = bytes[index];
      if (code === GT) break;
      if (code <= 0x20 || code === SLASH) {
        index++;
        continue;
      }
      // One attribute: name, =, quoted value.
      const nameStart = index;
      while (index < length && bytes[index] !== EQUALS && bytes[index] > 0x20 && bytes[index] !== GT) index++;
      const nameEnd = index;
      while (index < length && bytes[index] !== QUOTE && bytes[index] !== APOS) index++;
      if (index >= length) return -1;
      const quote = bytes[index];
      const valueStart = index + 1;
      index = valueStart;
      while (index < length && bytes[index] !== quote) index++;
      if (index >= length) return -1;
      const valueEnd = index;
      index++;
      if (nameEnd - nameStart !== 1) continue;
      const name = bytes[nameStart];
      if (name === 0x72) col = columnOf(bytes, valueStart, valueEnd); // r
      else if (name === 0x74) {
        // t: n, s, str, inlineStr, b, e, d
        const first = valueEnd > valueStart ? bytes[valueStart] : 0;
        type = first === 0x6e ? 0 : first === 0x73 && valueEnd - valueStart === 3 ? 1 : first;
      } else if (name === 0x73 && this.display) style = Math.max(0, unsignedAt(bytes, valueStart, valueEnd)); // s
    }
    this.cellCol = col >= 0 ? col : this.nextCol;
    this.nextCol = this.cellCol + 1;
    this.cellType = type;
    this.cellStyle = style;
    this.cellValue = null;
    this.inlineText = null;
    return index;
  }

  /**
   * ASCII text of a byte range, through a latin1 view of the bytes around it decoded once for many
   * values (a string per value from its bytes costs four times as much, and 200,000 rows hold a
   * million numbers).
   */
  private asciiText(bytes: Uint8Array, start: number, end: number): string {
    let text = this.windowText;
    let offset = start - this.windowStart;
    if (bytes !== this.windowBytes || offset < 0 || end - this.windowStart > text.length) {
      if (end - start > windowSize) return latin1Decoder.decode(bytes.subarray(start, end));
      text = latin1Decoder.decode(bytes.subarray(start, Math.min(bytes.length, start + windowSize)));
      this.windowBytes = bytes;
      this.windowStart = start;
      this.windowText = text;
      offset = 0;
    }
    return text.slice(offset, offset + end - start);
  }

  /** Text of a byte range: ASCII through the latin1 view, anything else through the UTF-8 decoder; entities decoded. */
  private textOf(bytes: Uint8Array, start: number, end: number): string {
    for (let index = start; index < end; index++) {
      if (bytes[index] >= 0x80) return decodeEntities(decoder.decode(bytes.subarray(start, end)));
    }
    return decodeEntities(this.asciiText(bytes, start, end));
  }

  /** The number of a `<v>` (as Excel writes them: 12, -3.5, 4.4442431944444E4); null when none. */
  private numberAt(bytes: Uint8Array, start: number, end: number): number | null {
    const integer = unsignedAt(bytes, start, end);
    if (integer >= 0) return integer;
    if (end <= start) return null;
    const number = Number(this.asciiText(bytes, start, end));
    return Number.isFinite(number) ? number : null;
  }

  /** Value of one attribute (by exact name) inside a tag's attribute bytes, as text; null when absent. */
  private static attribute(bytes: Uint8Array, start: number, end: number, name: string): string | null {
    const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(latin1(bytes, start, end));
    return match === null ? null : (match[2] ?? match[3] ?? '');
  }

  /** Scans `bytes` from the start; returns where it stopped (bytes.length when all was scanned). */
  private scan(bytes: Uint8Array): number {
    const length = bytes.length;
    let index = 0;
    while (index < length) {
      // In a sheet's cells the next tag nearly always starts right away: no search needed.
      const at = bytes[index] === LT ? index : bytes.indexOf(LT, index);
      if (at < 0) return length;
      if (at + 3 >= length) return at;
      if (this.inSheetData) {
        // The tags of nearly every cell, without a namespace prefix: <c …>, <v>…</v>, </c>.
        const next = bytes[at + 1];
        const third = bytes[at + 2];
        if (next === 0x63 && (third <= 0x20 || third === GT || third === SLASH)) {
          const end = this.openCell(bytes, at + 2, length);
          if (end < 0) return at;
          if (bytes[end - 1] === SLASH) this.store();
          index = end + 1;
          continue;
        }
        if (next === 0x76 && third === GT) {
          // Values are short: a loop finds their end sooner than a search call.
          let end = at + 3;
          while (end < length && bytes[end] !== LT) end++;
          if (end >= length) return at;
          if (this.cellType !== 0x69) this.cellValue = this.valueOf(bytes, at + 3, end);
          index = end;
          // </v></c> straight after: done here.
          if (end + 7 < length && bytes[end + 1] === SLASH && bytes[end + 2] === 0x76 && bytes[end + 3] === GT) {
            index = end + 4;
            if (bytes[index] === LT && bytes[index + 1] === SLASH && bytes[index + 2] === 0x63 && bytes[index + 3] === GT) {
              this.store();
              index += 4;
            }
          }
          continue;
        }
        if (next === SLASH && third === 0x63 && bytes[at + 3] === GT) {
          this.store();
          index = at + 4;
          continue;
        }
      }
      let cursor = at + 1;
      const closing = bytes[cursor] === SLASH;
      if (closing) cursor++;
      let nameStart = cursor;
      while (cursor < length) {
        const code = bytes[cursor];
        if (code <= 0x20 || code === GT || code === SLASH) break;
        if (code === COLON) nameStart = cursor + 1;
        cursor++;
      }
      const nameEnd = cursor;
      // Attributes run to the next > outside quotes.
      let quote = 0;
      while (cursor < length) {
        const code = bytes[cursor];
        if (quote !== 0) {
          if (code === quote) quote = 0;
        } else if (code === QUOTE || code === APOS) quote = code;
        else if (code === GT) break;
        cursor++;
      }
      if (cursor >= length) return at; // the tag goes on in the next chunk
      const name = nameAt(bytes, nameStart, nameEnd);
      const selfClosing = bytes[cursor - 1] === SLASH;
      const attrEnd = selfClosing ? cursor - 1 : cursor;
      const after = cursor + 1;
      if (!this.inSheetData) {
        if (name === Name.SheetData && !closing) {
          if (selfClosing) {
            this.finished = true;
            return length;
          }
          this.inSheetData = true;
        } else if (name === Name.Col && this.display && !closing) this.readCol(bytes, nameEnd, attrEnd);
        else if (name === Name.MergeCell && this.display && !closing) {
          const merge = rangeOf(SheetScanner.attribute(bytes, nameEnd, attrEnd, 'ref') ?? '');
          if (merge !== null && (merge.lastRow > merge.row || merge.lastCol > merge.col)) this.merges.push(merge);
        }
        index = after;
        continue;
      }
      switch (name) {
        case Name.C:
          if (closing) this.store();
          else {
            this.openCell(bytes, nameEnd, cursor + 1);
            if (selfClosing) this.store();
          }
          index = after;
          break;
        case Name.V: {
          if (closing || selfClosing) {
            index = after;
            break;
          }
          const end = bytes.indexOf(LT, after);
          if (end < 0) return at; // the value goes on in the next chunk
          if (this.cellType !== 0x69) this.cellValue = this.valueOf(bytes, after, end);
          index = end;
          break;
        }
        case Name.T: {
          if (closing || selfClosing) {
            index = after;
            break;
          }
          const end = bytes.indexOf(LT, after);
          if (end < 0) return at;
          if (this.cellType === 0x69) {
            this.inlineText = (this.inlineText ?? '') + this.textOf(bytes, after, end);
            this.cellValue = this.inlineText === '' ? null : this.inlineText;
          }
          index = end;
          break;
        }
        case Name.RPh: {
          if (closing || selfClosing) {
            index = after;
            break;
          }
          // Phonetic runs are not part of the cell's text.
          const end = indexOfClosing(bytes, after, 'rPh');
          if (end < 0) return at;
          index = end;
          break;
        }
        case Name.Row:
          if (!closing) {
            const [numberStart, numberEnd] = SheetScanner.rowNumberRange(bytes, nameEnd, attrEnd);
            const number = unsignedAt(bytes, numberStart, numberEnd);
            this.openRow(number > 0 ? number : this.rowNumber + 1, selfClosing);
          } else this.closeRow();
          index = after;
          break;
        case Name.SheetData:
          if (closing) {
            this.closeRow();
            this.inSheetData = false;
            // Merges and the rest come after the cells; without `display` nothing after them is needed.
            if (!this.display) {
              this.finished = true;
              return length;
            }
          }
          index = after;
          break;
        default:
          index = after;
          break;
      }
    }
    return length;
  }

  /** The byte range of a `<row>`'s r attribute, or an empty range. */
  private static rowNumberRange(bytes: Uint8Array, start: number, end: number): [number, number] {
    for (let index = start; index < end - 2; index++) {
      if (bytes[index] === 0x72 && bytes[index - 1] <= 0x20 && (bytes[index + 1] === EQUALS || bytes[index + 1] <= 0x20)) {
        let cursor = index + 1;
        while (cursor < end && bytes[cursor] !== QUOTE && bytes[cursor] !== APOS) cursor++;
        const quote = bytes[cursor];
        const valueStart = cursor + 1;
        let valueEnd = valueStart;
        while (valueEnd < end && bytes[valueEnd] !== quote) valueEnd++;
        return [valueStart, valueEnd];
      }
    }
    return [0, 0];
  }

  /** `<col min="1" max="3" width="12.5"/>`: widths of columns min…max. */
  private readCol(bytes: Uint8Array, start: number, end: number): void {
    const min = Number(SheetScanner.attribute(bytes, start, end, 'min'));
    const max = Number(SheetScanner.attribute(bytes, start, end, 'max'));
    const width = Number(SheetScanner.attribute(bytes, start, end, 'width'));
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || !Number.isFinite(width)) return;
    // A wrong <cols> may cover all 16,384 columns: a preview shows far fewer.
    // The file's width counts 5 pixels of padding on top of the characters (a digit is 7 pixels wide
    // in Excel's default font): the preview wants the characters.
    const characters = Math.max(0, Math.round((width - 5 / 7) * 100) / 100);
    while (this.colWidths.length < min - 1) this.colWidths.push(0);
    for (let col = min - 1; col < Math.min(max, 256); col++) this.colWidths[col] = characters;
  }
}

/** Where the closing tag of `name` (any prefix) starts, from `from`; -1 when not in the bytes. */
function indexOfClosing(bytes: Uint8Array, from: number, name: string): number {
  let index = from;
  while (index < bytes.length) {
    const at = bytes.indexOf(LT, index);
    if (at < 0) return -1;
    if (bytes[at + 1] === SLASH) {
      let cursor = at + 2;
      while (cursor < bytes.length && bytes[cursor] !== GT && bytes[cursor] !== COLON && cursor - at < 40) cursor++;
      const nameStart = bytes[cursor] === COLON ? cursor + 1 : at + 2;
      let matched = bytes[nameStart + name.length] === GT;
      for (let offset = 0; matched && offset < name.length; offset++) matched = bytes[nameStart + offset] === name.charCodeAt(offset);
      if (matched) return at;
    }
    index = at + 1;
  }
  return -1;
}

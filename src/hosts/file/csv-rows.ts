/**
 * A text export (CSV, TSV) read as a stream of rows, for inputs too large to hold as one string (a
 * year of a big city in twelve monthly CSV files). Text chunks go in (`push`, then `end`); rows come
 * out one at a time, each with its row number in the file. Pure: no file system, no decoding here
 * (`textEncodingOf` says how to decode, by the same rules as `decodeText`).
 *
 * The rows are the ones `readWorkbook` gives for the same text, so the core reads a streamed CSV by
 * the very rules it reads a CSV read whole: SheetJS's rules for text (the separator from a `sep=`
 * first line, else guessed from the first 1,024 characters; a quote opens a quoted part only at the
 * start of a field; CRLF, LF and a lone CR end a row; every value raw text, an empty field null), and
 * `readWorkbook`'s used range (blank rows before the first row with a value are skipped, and so are
 * blank rows after the last). Unlike SheetJS, a quote that is never closed is an error naming the row
 * where it opened (SheetJS would read the rest of the file into that one cell).
 */
import type { CellValue } from '../../core/model/raw-sheet.ts';
import { InputError } from '../../core/model/warning.ts';

/** Separators SheetJS guesses among, with its weights for a tie. */
const separators: readonly (readonly [number, number])[] = [
  [0x2c, 3],
  [0x09, 2],
  [0x3b, 1],
  [0x7c, 0],
];

/** SheetJS's guess: the most frequent of , TAB ; | outside quotes in `sample`, ties by the weights; `,` when none occurs. */
export function guessSeparator(sample: string): number {
  const counts = new Map<number, number>();
  let inQuotes = false;
  for (let at = 0; at < sample.length; at++) {
    const code = sample.charCodeAt(at);
    if (code === 0x22) inQuotes = !inQuotes;
    else if (!inQuotes && separators.some(([candidate]) => candidate === code)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best = 0x2c;
  let bestCount = -1;
  let bestWeight = -1;
  for (const [code, weight] of separators) {
    const count = counts.size ? (counts.get(code) ?? -1) : weight;
    if (count > bestCount || (count === bestCount && weight > bestWeight)) [best, bestCount, bestWeight] = [code, count, weight];
  }
  return best;
}

/** A quoted part longer than this is a quote never closed (Excel holds 32,767 characters in a cell). */
const longestQuotedField = 1_000_000;

/** A row of a text export: its fields (raw text, null when empty) and its row number in the file. */
export type CsvRowHandler = (fields: CellValue[], row: number) => void;

/**
 * Splits text into rows by SheetJS's rules. `fileName` names the file in errors. Rows that are blank
 * (every field empty) are held back until a row with a value follows, so blank rows at the start are
 * skipped (the first row handed over is the first with a value) and blank rows at the end dropped.
 */
export class CsvRows {
  /** Text not yet split: from the start of the row being read. */
  private pending = '';
  /** Whether the separator is known (from the first 1,024 characters). */
  private started = false;
  private separator = 0x2c;
  /** Row number of the next row (1-based, after any `sep=` line). */
  private row = 1;
  private blankRun = 0;
  private anyValue = false;

  constructor(
    private readonly fileName: string,
    private readonly onRow: CsvRowHandler,
  ) {}

  push(text: string): void {
    this.pending = this.pending === '' ? text : this.pending + text;
    if (!this.started) {
      // The separator is decided from the first 1,024 characters (and a `sep=` line), as SheetJS does.
      if (this.pending.length < 1030) return;
      this.start();
    }
    this.split(false);
  }

  end(): void {
    if (!this.started) this.start();
    this.split(true);
  }

  private start(): void {
    this.started = true;
    let text = this.pending;
    if (text.startsWith('sep=')) {
      if (text.charCodeAt(5) === 13 && text.charCodeAt(6) === 10) {
        this.separator = text.charCodeAt(4);
        text = text.slice(7);
      } else if (text.charCodeAt(5) === 13 || text.charCodeAt(5) === 10) {
        this.separator = text.charCodeAt(4);
        text = text.slice(6);
      } else this.separator = guessSeparator(text.slice(0, 1024));
    } else this.separator = guessSeparator(text.slice(0, 1024));
    this.pending = text;
  }

  /** Splits the complete rows of `pending` (all of it at the end of the text). */
  private split(atEnd: boolean): void {
    const text = this.pending;
    const length = text.length;
    const separator = this.separator;
    let rowStart = 0;
    let fields: CellValue[] = [];
    let fieldStart = 0;
    let at = 0;
    while (at < length) {
      let code = text.charCodeAt(at);
      if (code === 0x22 && at === fieldStart) {
        // A quoted part: a quote toggles it until the field ends outside one (SheetJS: any quote of a
        // field that began with one toggles it).
        let inQuotes = true;
        at++;
        while (at < length) {
          if (inQuotes) {
            const close = text.indexOf('"', at);
            if (close < 0) {
              at = length;
              break;
            }
            inQuotes = false;
            at = close + 1;
            continue;
          }
          code = text.charCodeAt(at);
          if (code === 0x22) inQuotes = true;
          else if (code === separator || code === 10 || code === 13) break;
          at++;
        }
        if (inQuotes || at >= length) {
          if (inQuotes && at - fieldStart > longestQuotedField) throw this.unclosedQuote(text, fieldStart);
          if (!atEnd) break;
          if (inQuotes) throw this.unclosedQuote(text, fieldStart);
          fields.push(fieldValue(text, fieldStart, length));
          fieldStart = length;
          at = length;
          break;
        }
        continue;
      }
      if (code === separator) {
        fields.push(fieldValue(text, fieldStart, at));
        fieldStart = ++at;
        continue;
      }
      if (code === 10 || code === 13) {
        let end = at;
        if (code === 13) {
          if (at + 1 >= length && !atEnd) break;
          // CRLF: SheetJS ends the field at the LF, then drops the CR from its end.
          if (text.charCodeAt(at + 1) === 10) end = ++at;
        }
        fields.push(fieldValue(text, fieldStart, end));
        this.emit(fields);
        fields = [];
        fieldStart = rowStart = ++at;
        continue;
      }
      at++;
    }
    if (atEnd) {
      if (fieldStart < length || fields.length) {
        if (fieldStart < length) fields.push(fieldValue(text, fieldStart, length));
        this.emit(fields);
      }
      this.pending = '';
    } else this.pending = rowStart === 0 ? text : text.slice(rowStart);
  }

  private emit(fields: CellValue[]): void {
    const row = this.row++;
    let blank = true;
    for (const field of fields) {
      if (field !== null) {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (this.anyValue) this.blankRun++;
      return;
    }
    this.anyValue = true;
    // Blank rows between two rows with values are rows of the sheet, handed over as such.
    for (let gap = this.blankRun; gap > 0; gap--) this.onRow([], row - gap);
    this.blankRun = 0;
    this.onRow(fields, row);
  }

  private unclosedQuote(text: string, fieldStart: number): InputError {
    // The row the quote opened in: every row before it has been handed over.
    const row = this.row;
    return new InputError(
      `"${this.fileName}"第 ${row} 行有一个以引号（"）开头的值，直到${text.length - fieldStart > longestQuotedField ? '很远之后' : '文件末尾'}都没有配对的结束引号，文件可能不完整或已损坏。` +
        `请用记事本或 Excel 打开这个文件，查看第 ${row} 行附近的引号；或从系统重新导出。`,
      { sheet: this.fileName, column: '', headersSeen: [] },
    );
  }
}

/** A field's value by SheetJS's rules: a CR at its end dropped, quotes that wrap it removed ("" read as "), empty as null. */
function fieldValue(text: string, start: number, end: number): CellValue {
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  if (end - start >= 1 && text.charCodeAt(start) === 0x22 && text.charCodeAt(end - 1) === 0x22) {
    const inner = end - start >= 2 ? text.slice(start + 1, end - 1) : '';
    const value = inner.includes('"') ? inner.replace(/""/g, '"') : inner;
    return value === '' ? null : own(value);
  }
  return end > start ? own(text.slice(start, end)) : null;
}

/**
 * The value as a string of its own. V8 makes a slice of 13 characters or more a view into the text
 * it was cut from: a case id kept in the ledger would keep the whole chunk of text around it alive,
 * and with it every chunk of every file. Joined to a character and cut again, it is copied.
 */
function own(value: string): string {
  return value.length < 13 ? value : (value + ' ').slice(0, -1);
}

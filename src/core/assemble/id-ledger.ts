/**
 * Repeated ids, over every row of every export sheet of one kind (cases, or 12345 orders), as the
 * rows are read: the rule is that an id counts once, its last row winning (an export lists a case
 * again after it changed; a later sheet or file wins over an earlier one). The ledger keeps, per id,
 * only where it was last seen (a number), so a year of 2.4 million ids costs a map of short strings,
 * not the records; the rows of an id seen more than once are kept for the warnings.
 *
 * Two phases. `note` every row's id as the sheets are read (each sheet whole before the next); then,
 * if any id repeats, go over the rows again and ask `isWinner` which row of an id counts, and `observe`
 * each row of a repeated id with its values (to tell a sheet pasted twice from rows that changed).
 * The warnings (`warnings`) and the per-sheet accounting (`sheetCounts`) come from it: the same for
 * a month held in memory and a year streamed from twelve files.
 */
import type { CellValue } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import { duplicateIdWarnings } from '../ingest/id-checks.ts';
import { namedValueWarnings } from './row-warnings.ts';

/** Positions are sheet index × this + row number: room for 8 million rows a sheet. */
const rowSpace = 2 ** 23;

interface SheetEntry {
  readonly name: string;
  /** The id column's header, for the warnings. */
  column: string | undefined;
  /** Rows noted. */
  noted: number;
  /** Rows whose id repeats a row above in the same sheet (replaced by the later one). */
  replaced: number;
  /** Ids repeated inside the sheet, with every row of each, in order. */
  readonly rowsById: Map<string, number[]>;
  /** Later rows that repeat the row above of their id value for value. */
  identical: number;
  /** Ids also on an earlier sheet: that sheet and its row, and the id's last row in this sheet. */
  readonly across: Map<string, { readonly earlierSheet: string; readonly earlierRow: number; row: number }>;
}

/** The bits of a number, for hashing it. */
const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);

/**
 * The values of a row as one number, for telling a repeated id's rows apart: two 32-bit hashes of
 * every value with its type (FNV-1a and a multiply-rotate), 53 bits in all. Rows equal value for value
 * always give the same number (trailing empty cells do not count); two different rows give the same
 * one with a chance of about one in 10^15. Only the count of identical repeated rows in a warning
 * depends on it. A number, not the row's text: an export pasted twice has 100,000 such rows, and
 * their texts kept until the end were most of the build's memory and time.
 */
export function rowFingerprint(row: readonly CellValue[]): number {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
  let first = 0x811c9dc5;
  let second = 0x9747b28c;
  const mix = (word: number) => {
    first = Math.imul(first ^ word, 0x01000193);
    second = Math.imul(second ^ word, 0x5bd1e995);
    second = (second << 13) | (second >>> 19);
  };
  for (let col = 0; col < end; col++) {
    const value = row[col];
    if (value === null || value === undefined) mix(1);
    else if (typeof value === 'string') {
      mix(5);
      for (let at = 0; at < value.length; at++) mix(value.charCodeAt(at));
      mix(value.length | 0x10000);
    } else if (typeof value === 'number' || value instanceof Date) {
      const number = typeof value === 'number' ? value : value.getTime();
      numberBits[0] = number === 0 ? 0 : number; // -0 is 0, as its text is
      mix(typeof value === 'number' ? 3 : 2);
      mix(numberWords[0]);
      mix(numberWords[1]);
    } else mix(value ? 6 : 4); // boolean
  }
  return (first >>> 0) * 2 ** 21 + ((second >>> 0) >>> 11);
}

/**
 * Where each id was last seen (a number per id). Ids of digits only without a leading zero (the 任务号
 * and 工单编号 of most platforms), up to 15 digits, are kept as numbers (exact: a 15-digit number is
 * below 2^53); every other id goes to a Map. The numbers are kept in typed arrays: while each id comes
 * past the one before in one direction (an export listed by time, whose numbers grow with it, or
 * newest first), appended to a run and found by binary search; from the first id out of that order on,
 * in an open-addressing table. A month of 200,000 ids in order is noted in a few milliseconds, in any
 * order in a fifth of the time a Map of the strings takes.
 */
class IdPositions {
  /** The run: [number + 1, position] pairs, in the run's direction; null once the table took over. */
  private run: Float64Array | null = new Float64Array(2 << 12);
  private runLength = 0;
  /** 1: the run's numbers grow; -1: they fall; 0: not known yet (fewer than two). */
  private direction = 0;
  /** Slot i holds its id's number plus one at 2i (0: empty) and its position at 2i + 1: one cache line per look-up. */
  private table = new Float64Array(0);
  private used = 0;
  /** Room asked for ahead (`reserve`), for the table the run moves into. */
  private expected = 0;
  private readonly others = new Map<string, number>();

  /** The id as a number (plus one: 0 marks an empty slot), or -1 when it is not one kept as a number. */
  private static numberOf(id: string): number {
    const length = id.length;
    if (length === 0 || length > 15) return -1;
    let value = 0;
    for (let at = 0; at < length; at++) {
      const digit = id.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9 || (digit === 0 && at === 0 && length > 1)) return -1;
      value = value * 10 + digit;
    }
    return value + 1;
  }

  /** Makes room for `count` more ids without growing on the way (a sheet's rows, when known). */
  reserve(count: number): void {
    this.expected = Math.max(this.expected, this.runLength + this.used + count);
    const run = this.run;
    if (run !== null && (this.runLength + count) * 2 > run.length) {
      const grown = new Float64Array((this.runLength + count) * 2);
      grown.set(run.subarray(0, this.runLength * 2));
      this.run = grown;
    } else if (run === null) while ((this.used + count) * 4 > this.table.length) this.grow();
  }

  /** Index (into `table`) of the slot of `key`, or of the empty slot where it would go. */
  private slotOf(key: number): number {
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    const low = key >>> 0;
    const high = (key / 4_294_967_296) >>> 0;
    let slot = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    while (table[slot * 2] !== 0 && table[slot * 2] !== key) slot = (slot + 1) & mask;
    return slot * 2;
  }

  /** Index (into the run) of `key`'s pair, or -1. */
  private inRun(run: Float64Array, key: number): number {
    let [low, high] = [0, this.runLength - 1];
    const direction = this.direction || 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const difference = (run[middle * 2] - key) * direction;
      if (difference === 0) return middle * 2;
      if (difference < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  get(id: string): number | undefined {
    const key = IdPositions.numberOf(id);
    if (key < 0) return this.others.get(id);
    if (this.run !== null) {
      const at = this.inRun(this.run, key);
      return at < 0 ? undefined : this.run[at + 1];
    }
    const at = this.slotOf(key);
    return this.table[at] === 0 ? undefined : this.table[at + 1];
  }

  /** Sets the id's position; returns the one it had, if any. */
  swap(id: string, position: number): number | undefined {
    const key = IdPositions.numberOf(id);
    if (key < 0) {
      const previous = this.others.get(id);
      this.others.set(id, position);
      return previous;
    }
    const run = this.run;
    if (run !== null) {
      const length = this.runLength;
      const step = length === 0 ? 0 : Math.sign(key - run[length * 2 - 2]);
      if (length === 0 || (step !== 0 && (this.direction === 0 || step === this.direction))) {
        if (length > 0) this.direction = step;
        this.append(key, position);
        return undefined;
      }
      this.moveRunToTable();
    }
    let at = this.slotOf(key);
    if (this.table[at] !== 0) {
      const previous = this.table[at + 1];
      this.table[at + 1] = position;
      return previous;
    }
    if ((this.used + 1) * 4 > this.table.length) {
      this.grow();
      at = this.slotOf(key);
    }
    this.table[at] = key;
    this.table[at + 1] = position;
    this.used++;
    return undefined;
  }

  private append(key: number, position: number): void {
    let run = this.run as Float64Array;
    if (this.runLength * 2 + 2 > run.length) {
      const grown = new Float64Array(run.length * 2);
      grown.set(run);
      this.run = run = grown;
    }
    run[this.runLength * 2] = key;
    run[this.runLength * 2 + 1] = position;
    this.runLength++;
  }

  /** An id out of the run's order: every number of the run goes into the table, which keeps them from now on. */
  private moveRunToTable(): void {
    const run = this.run as Float64Array;
    const length = this.runLength;
    this.run = null;
    this.runLength = 0;
    let slots = 1 << 12;
    while (slots < Math.max(length, this.expected) * 2) slots *= 2;
    this.table = new Float64Array(slots * 2);
    for (let at = 0; at < length * 2; at += 2) {
      const into = this.slotOf(run[at]);
      this.table[into] = run[at];
      this.table[into + 1] = run[at + 1];
    }
    this.used = length;
  }

  /** Doubles the table (kept at most half full). */
  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(Math.max(2 << 12, old.length * 2));
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      const into = this.slotOf(old[at]);
      this.table[into] = old[at];
      this.table[into + 1] = old[at + 1];
    }
  }
}

export class IdLedger {
  private readonly last = new IdPositions();
  private readonly sheets: SheetEntry[] = [];
  private readonly sheetIndex = new Map<string, number>();
  private readonly repeated = new Set<string>();
  private readonly lastFingerprint = new Map<string, { readonly sheet: number; readonly fingerprint: number }>();

  /** `noun`: 案件 or 工单, for the warnings. */
  constructor(private readonly noun: string) {}

  private entryOf(sheet: string, column?: string): number {
    let index = this.sheetIndex.get(sheet);
    if (index === undefined) {
      index = this.sheets.length;
      this.sheets.push({ name: sheet, column, noted: 0, replaced: 0, rowsById: new Map(), identical: 0, across: new Map() });
      this.sheetIndex.set(sheet, index);
    }
    return index;
  }

  /** Starts a sheet (so that one without rows still has its place), naming its id column; `rows`: how many it has, when known. */
  beginSheet(sheet: string, column: string | undefined, rows = 0): void {
    this.sheets[this.entryOf(sheet, column)].column = column;
    this.last.reserve(rows);
  }

  /** Phase 1: the row `row` of `sheet` holds id `key`. Sheets are noted one after the other, each whole. */
  note(sheet: string, row: number, key: string): void {
    const index = this.entryOf(sheet);
    const entry = this.sheets[index];
    entry.noted++;
    const position = index * rowSpace + row;
    const previous = this.last.swap(key, position);
    if (previous === undefined) return;
    this.repeated.add(key);
    const previousSheet = Math.floor(previous / rowSpace);
    const previousRow = previous - previousSheet * rowSpace;
    if (previousSheet === index) {
      entry.replaced++;
      const rows = entry.rowsById.get(key);
      if (rows) rows.push(row);
      else entry.rowsById.set(key, [previousRow, row]);
      const across = entry.across.get(key);
      if (across) across.row = row;
    } else {
      entry.across.set(key, { earlierSheet: this.sheets[previousSheet].name, earlierRow: previousRow, row });
    }
  }

  /** Whether any id was noted twice (then the rows are gone over again: `isWinner`, `observe`). */
  get hasRepeats(): boolean {
    return this.repeated.size > 0;
  }

  /** Phase 2: whether this row is the one its id counts by (its last row). */
  isWinner(sheet: string, row: number, key: string): boolean {
    const index = this.sheetIndex.get(sheet);
    return index !== undefined && this.last.get(key) === index * rowSpace + row;
  }

  /** Whether the id was noted more than once (only its rows need `observe`). */
  isRepeated(key: string): boolean {
    return this.repeated.has(key);
  }

  /** Phase 2: a row of a repeated id, with the fingerprint of its values (`rowFingerprint`). */
  observe(sheet: string, key: string, fingerprint: number): void {
    const index = this.sheetIndex.get(sheet);
    if (index === undefined) return;
    const previous = this.lastFingerprint.get(key);
    if (previous && previous.sheet === index && previous.fingerprint === fingerprint) this.sheets[index].identical++;
    this.lastFingerprint.set(key, { sheet: index, fingerprint });
  }

  /** A sheet's rows that became records (each id once within the sheet) and those replaced by a later row of their id in it. */
  sheetCounts(sheet: string): { readonly records: number; readonly replaced: number } {
    const entry = this.sheets[this.sheetIndex.get(sheet) ?? -1];
    return entry ? { records: entry.noted - entry.replaced, replaced: entry.replaced } : { records: 0, replaced: 0 };
  }

  /** The warnings about ids repeated inside one sheet (after `observe`). */
  sheetWarnings(sheet: string): BuildWarning[] {
    const entry = this.sheets[this.sheetIndex.get(sheet) ?? -1];
    if (!entry) return [];
    return duplicateIdWarnings({ sheet: entry.name, column: entry.column, rowsById: entry.rowsById, identicalRows: entry.identical, noun: this.noun });
  }

  /**
   * The warnings about ids of a sheet that an earlier sheet holds too: a sheet all of whose ids are
   * on earlier sheets is a copy (an export opened twice), said once; other repeats named a few at a time.
   */
  acrossWarnings(): BuildWarning[] {
    const warnings: BuildWarning[] = [];
    const noun = this.noun;
    for (const entry of this.sheets) {
      if (entry.across.size === 0) continue;
      const repeats = [...entry.across];
      const earlierSheets = [...new Set(repeats.map(([, pair]) => pair.earlierSheet))];
      if (repeats.length === entry.noted - entry.replaced) {
        warnings.push({
          kind: 'duplicateSheet',
          sheet: entry.name,
          rows: [],
          message: `工作表"${entry.name}"的 ${repeats.length} 件${noun}都已在"${earlierSheets.join('"、"')}"中，是同一批数据的重复，只统计一次。`,
          action: '无需处理；如是误放进来的副本，可以删去这张表。',
        });
        continue;
      }
      for (const [id, pair] of repeats.slice(0, namedValueWarnings)) {
        warnings.push({
          kind: 'duplicateId',
          sheet: entry.name,
          rows: [pair.row],
          message: `编号 ${id} 同时出现在"${pair.earlierSheet}"第 ${pair.earlierRow} 行和"${entry.name}"第 ${pair.row} 行，按后者统计。`,
          action: `确认这几张导出表是否重复导出了同一批${noun}。`,
        });
      }
      const rest = repeats.slice(namedValueWarnings);
      if (rest.length) {
        warnings.push({
          kind: 'duplicateId',
          sheet: entry.name,
          rows: rest.map(([, pair]) => pair.row),
          message: `另有 ${rest.length} 个编号也出现在"${earlierSheets.join('"、"')}"中，都按"${entry.name}"的行统计。`,
          action: `确认这几张导出表是否重复导出了同一批${noun}。`,
        });
      }
    }
    return warnings;
  }
}

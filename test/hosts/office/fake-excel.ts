/**
 * A typed fake of the Excel objects the Office host uses, behaving like Office.js rather than
 * answering canned calls: proxies queue commands that run in order at `sync()`; properties are
 * readable only after `load()` + `sync()` (PropertyNotLoaded otherwise, as office.js throws); a batch
 * is not transactional (commands before a failing one stay applied); writes are checked as Excel
 * checks them (array shapes, sheet names, merges, enum names) and raise Excel's error codes at
 * sync; requests and responses over 5 MB fail as in Excel on the web; API sets newer than the
 * pretended version fail with ApiNotFound. The workbook state (`FakeExcel.workbook`) is plain data
 * that tests inspect directly. Tests inject a `FakeExcel`'s `run` and `apiSupport`; nothing global.
 */
import type {
  ApiSupport, BorderIndexName, ChartCollectionLike, ChartDataLabelsLike, ChartLike, ChartSeriesLike, ChartTypeName, ClientObjectLike,
  ContextLike, HorizontalAlignmentName, LoadSpec, PageLayoutLike, PageLayoutZoomLike, RangeAreasLike, RangeBorderCollectionLike,
  RangeBorderLike, RangeFillLike, RangeFontLike, RangeFormatLike, RangeLike, RunBatch, SheetVisibilityName, VerticalAlignmentName,
  WorkbookLike, WorksheetCollectionLike, WorksheetFreezePanesLike, WorksheetLike,
} from '../../../src/hosts/office/excel-like.ts';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel on the web rejects requests and responses above 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel refuses to return the values of more cells than this in one read. */
export const MAX_CELLS_PER_READ = 5_000_000;
/** A new workbook's font, so that tests can tell whether the host set its own. */
export const DEFAULT_FONT = 'Calibri';
/** Fixed overhead of one queued command in a request (object path, action id, JSON framing). */
const BYTES_PER_OPERATION = 100;
/** Formatting a whole row or column cell by cell is not modelled (Excel stores those as row/column formats). */
const MAX_FORMATTED_CELLS = 1_000_000;

/** An error as office.js raises it: `code` is one of Excel.ErrorCodes / OfficeExtension.ErrorCodes. */
export class FakeOfficeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** A rectangle of cells, 0-based. */
export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Column letters of a 0-based column (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/** Parses one area: `B3`, `B3:D9`, `$B$3`, whole rows `5:7`, whole columns `A:C`; InvalidArgument otherwise. */
export function parseArea(text: string): Area {
  const address = text.replace(/\$/g, '').trim();
  const fail = (): never => { throw new FakeOfficeError('InvalidArgument', `The address "${text}" is not valid.`); };
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (rows) {
    const first = Number(rows[1]) - 1;
    const last = Number(rows[2]) - 1;
    if (first < 0 || last < first || last >= MAX_ROWS) fail();
    return { row: first, col: 0, rowCount: last - first + 1, columnCount: MAX_COLUMNS };
  }
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(address);
  if (cols) {
    const first = columnIndex(cols[1]);
    const last = columnIndex(cols[2]);
    if (last < first || last >= MAX_COLUMNS) fail();
    return { row: 0, col: first, rowCount: MAX_ROWS, columnCount: last - first + 1 };
  }
  const cells = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(address);
  if (!cells) return fail();
  const row = Number(cells[2]) - 1;
  const col = columnIndex(cells[1]);
  const lastRow = cells[4] === undefined ? row : Number(cells[4]) - 1;
  const lastCol = cells[3] === undefined ? col : columnIndex(cells[3]);
  if (row < 0 || lastRow < row || lastCol < col || lastRow >= MAX_ROWS || lastCol >= MAX_COLUMNS) fail();
  return { row, col, rowCount: lastRow - row + 1, columnCount: lastCol - col + 1 };
}

/** A1 text of an area, as Excel writes it (`B3`, `B3:D9`, `5:5`, `A:C`). */
export function areaAddress(area: Area): string {
  if (area.columnCount === MAX_COLUMNS && area.col === 0) return `${area.row + 1}:${area.row + area.rowCount}`;
  if (area.rowCount === MAX_ROWS && area.row === 0) return `${columnLetters(area.col)}:${columnLetters(area.col + area.columnCount - 1)}`;
  const first = `${columnLetters(area.col)}${area.row + 1}`;
  if (area.rowCount === 1 && area.columnCount === 1) return first;
  return `${first}:${columnLetters(area.col + area.columnCount - 1)}${area.row + area.rowCount}`;
}

/** A sheet name as Excel prefixes it to an address: quoted unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function contains(outer: Area, inner: Area): boolean {
  return inner.row >= outer.row && inner.col >= outer.col
    && inner.row + inner.rowCount <= outer.row + outer.rowCount && inner.col + inner.columnCount <= outer.col + outer.columnCount;
}

function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.columnCount && b.col < a.col + a.columnCount;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Workbook state: what Excel holds. Tests read it; only synced commands change it.

/** A cell's value as Excel stores it; '' is an empty cell. */
export type FakeValue = string | number | boolean;

/** One side of a cell's border. */
export interface BorderState {
  readonly style: RangeBorderLike['style'];
  readonly weight: RangeBorderLike['weight'];
}

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

/** A cell's value and format. */
export interface FakeCell {
  value: FakeValue;
  /** The formula text when the cell was given one (`=…`); the fake does not calculate it. */
  formula: string | null;
  numberFormat: string;
  bold: boolean;
  fontName: string;
  fontSize: number;
  /** `#RRGGBB`, or null for no fill. */
  fillColor: string | null;
  wrapText: boolean;
  horizontalAlignment: HorizontalAlignmentName;
  verticalAlignment: VerticalAlignmentName;
  borders: Record<BorderSide, BorderState | null>;
  /** True once any format was applied (counts for a used range that is not values-only). */
  formatted: boolean;
}

function blankCell(): FakeCell {
  return {
    value: '', formula: null, numberFormat: 'General', bold: false, fontName: DEFAULT_FONT, fontSize: 11, fillColor: null,
    wrapText: false, horizontalAlignment: 'General', verticalAlignment: 'Bottom',
    borders: { top: null, bottom: null, left: null, right: null }, formatted: false,
  };
}

const BLANK: Readonly<FakeCell> = Object.freeze(blankCell());

/** Cells generated on demand, for sheets too large to hold as objects (a 200,000-row export). */
export interface SyntheticBlock {
  /** 0-based position of the block's top-left cell. */
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Value of the cell at block-relative indexes. */
  valueAt(row: number, col: number): FakeValue;
}

/**
 * A chart's reference to cells: it points at the sheet itself, so that, as in Excel, renaming the
 * sheet changes the address the chart shows.
 */
export class SheetReference {
  constructor(private readonly sheet: FakeSheetState, private readonly area: Area) {}
  /** The qualified address, e.g. `'2021年9月-12345受理'!B3:B6`. */
  get address(): string {
    return `${quoteSheetName(this.sheet.name)}!${areaAddress(this.area)}`;
  }
  toJSON(): string {
    return this.address;
  }
}

/** A chart as Excel holds it. */
export interface FakeChartState {
  readonly type: ChartTypeName;
  readonly source: SheetReference;
  readonly seriesBy: 'Auto' | 'Columns' | 'Rows';
  name: string;
  title: string;
  dataLabels: { showCategoryName: boolean; showPercentage: boolean; showValue: boolean };
  legendVisible: boolean;
  /** Top-left and bottom-right cells the chart covers, when placed. */
  position: { readonly start: string; readonly end: string } | null;
  readonly series: { name: string; values: SheetReference; xAxisValues: SheetReference | null }[];
}

/** Page setup as Excel holds it. */
export interface FakePageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: PageLayoutZoomLike;
}

/** One worksheet. */
export class FakeSheetState {
  name: string;
  visibility: SheetVisibilityName = 'Visible';
  deleted = false;
  readonly cells = new Map<number, FakeCell>();
  readonly merges: Area[] = [];
  /** Frozen rows and columns, or null when nothing is frozen. */
  freeze: { rows: number; columns: number } | null = null;
  /** Column index → width in points. */
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly pageLayout: FakePageLayoutState = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 } };
  readonly charts: FakeChartState[] = [];
  synthetic: SyntheticBlock | null = null;

  constructor(name: string) {
    this.name = name;
  }

  /** The stored cell, or a shared blank one. */
  cellAt(row: number, col: number): Readonly<FakeCell> {
    const own = this.cells.get(row * MAX_COLUMNS + col);
    if (own !== undefined) return own;
    const block = this.synthetic;
    if (block !== null && row >= block.row && row < block.row + block.rowCount && col >= block.col && col < block.col + block.columnCount) {
      return { ...BLANK, value: block.valueAt(row - block.row, col - block.col) };
    }
    return BLANK;
  }

  valueAt(row: number, col: number): FakeValue {
    const own = this.cells.get(row * MAX_COLUMNS + col);
    if (own !== undefined) return own.value;
    const block = this.synthetic;
    if (block !== null && row >= block.row && row < block.row + block.rowCount && col >= block.col && col < block.col + block.columnCount) {
      return block.valueAt(row - block.row, col - block.col);
    }
    return '';
  }

  /** The cell to change, created on first write. */
  editCell(row: number, col: number): FakeCell {
    const key = row * MAX_COLUMNS + col;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { ...blankCell(), value: this.valueAt(row, col) };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Test helper: the cell at an A1 address. */
  cell(address: string): Readonly<FakeCell> {
    const area = parseArea(address);
    return this.cellAt(area.row, area.col);
  }

  /** Test helper: the values of an A1 area, row by row. */
  values(address: string): FakeValue[][] {
    const area = parseArea(address);
    return Array.from({ length: area.rowCount }, (_, r) => Array.from({ length: area.columnCount }, (_, c) => this.valueAt(area.row + r, area.col + c)));
  }

  /** Test helper: a cell's borders as drawn, a side shared with the neighbour counting for both. */
  bordersAt(address: string): Record<BorderSide, BorderState | null> {
    const { row, col } = parseArea(address);
    const own = this.cellAt(row, col).borders;
    return {
      top: own.top ?? (row > 0 ? this.cellAt(row - 1, col).borders.bottom : null),
      bottom: own.bottom ?? this.cellAt(row + 1, col).borders.top,
      left: own.left ?? (col > 0 ? this.cellAt(row, col - 1).borders.right : null),
      right: own.right ?? this.cellAt(row, col + 1).borders.left,
    };
  }

  /** Test helper: merged areas as A1 text, in the order they were made. */
  mergeAddresses(): string[] {
    return this.merges.map(areaAddress);
  }

  /** The smallest area holding every value (and, unless `valuesOnly`, every format), inside `within` when given; null when blank. */
  usedArea(valuesOnly: boolean, within?: Area): Area | null {
    if (within) {
      const whole = this.usedArea(valuesOnly);
      if (whole === null) return null;
      // Narrow to `within`, then shrink to the cells that hold something there.
      let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
      const inside = (row: number, col: number) => row >= within.row && row < within.row + within.rowCount && col >= within.col && col < within.col + within.columnCount;
      const take = (row: number, col: number) => {
        top = Math.min(top, row);
        left = Math.min(left, col);
        bottom = Math.max(bottom, row);
        right = Math.max(right, col);
      };
      const block = this.synthetic;
      if (block !== null && block.rowCount > 0 && block.columnCount > 0) {
        const rowFrom = Math.max(block.row, within.row);
        const rowTo = Math.min(block.row + block.rowCount, within.row + within.rowCount) - 1;
        const colFrom = Math.max(block.col, within.col);
        const colTo = Math.min(block.col + block.columnCount, within.col + within.columnCount) - 1;
        if (rowFrom <= rowTo && colFrom <= colTo) {
          take(rowFrom, colFrom);
          take(rowTo, colTo);
        }
      }
      for (const [key, cell] of this.cells) {
        const [row, col] = [Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS];
        if ((cell.value !== '' || (!valuesOnly && cell.formatted)) && inside(row, col)) take(row, col);
      }
      return bottom < 0 ? null : { row: top, col: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
    }
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const include = (row: number, col: number, rows: number, cols: number): void => {
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row + rows - 1);
      right = Math.max(right, col + cols - 1);
    };
    if (this.synthetic !== null && this.synthetic.rowCount > 0 && this.synthetic.columnCount > 0) {
      const block = this.synthetic;
      include(block.row, block.col, block.rowCount, block.columnCount);
    }
    for (const [key, cell] of this.cells) {
      if (cell.value !== '' || (!valuesOnly && cell.formatted)) include(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS, 1, 1);
    }
    if (!valuesOnly) for (const merge of this.merges) include(merge.row, merge.col, merge.rowCount, merge.columnCount);
    return bottom < 0 ? null : { row: top, col: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }
}

/** The workbook: sheets in order, the active sheet and the selection. */
export class FakeWorkbookState {
  readonly sheets: FakeSheetState[] = [];
  active: FakeSheetState | null = null;
  /** The last selection made, qualified (`Sheet1!5:5,9:9`). */
  selection: string | null = null;
  /** How many batches paused screen updating. */
  screenUpdatingPauses = 0;
  /** The workbook counts dates from 1904 (Excel for Mac). */
  date1904 = false;

  find(name: string): FakeSheetState | undefined {
    const key = name.toUpperCase();
    return this.sheets.find((sheet) => sheet.name.toUpperCase() === key);
  }
}

/** Excel's rules for sheet names; throws InvalidArgument or ItemAlreadyExists. */
function checkNewSheetName(workbook: FakeWorkbookState, name: string, self?: FakeSheetState): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toUpperCase() === 'HISTORY') {
    throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" is not valid.`);
  }
  const existing = workbook.find(name);
  if (existing !== undefined && existing !== self) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
}

// ---------------------------------------------------------------------------------------------
// The application: API version, sync accounting, failure injection, `run`.

/** What one `sync()` sent and received. */
export interface SyncRecord {
  readonly operations: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** Error code when the sync failed. */
  readonly failed?: string;
}

/** A failure to raise at the `sync`-th sync (1-based), after running `afterOperations` of its commands. */
export interface InjectedFailure {
  readonly sync: number;
  readonly afterOperations?: number;
  readonly code?: string;
}

export interface FakeExcelOptions {
  /** The ExcelApi requirement set to pretend to support: '1.7' is Office 2019, '1.9' Office 2019 updates / 365. */
  readonly apiVersion?: string;
}

function minorOf(version: string): number {
  const match = /^1\.(\d+)$/.exec(version);
  return match ? Number(match[1]) : Number.NaN;
}

/** A fake Excel application: hand its `run` and `apiSupport` to the host. */
export class FakeExcel {
  readonly workbook = new FakeWorkbookState();
  readonly syncs: SyncRecord[] = [];
  readonly apiMinor: number;
  private failure: InjectedFailure | null = null;
  private chartNumber = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.apiMinor = minorOf(options.apiVersion ?? '1.9');
  }

  /** Number of `sync()` calls so far, failed ones included. */
  get syncCount(): number {
    return this.syncs.length;
  }

  /** `Office.context.requirements.isSetSupported` for this fake. */
  readonly apiSupport: ApiSupport = (set, version) => set === 'ExcelApi' && minorOf(version) <= this.apiMinor;

  /** `Excel.run`: a fresh context per batch; commands still queued when the batch ends are synced, as office.js does. */
  readonly run: RunBatch = async <T>(batch: (context: ContextLike) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    try {
      const result = await batch(context);
      if (context.pendingOperations > 0) await context.sync();
      return result;
    } finally {
      context.close();
    }
  };

  /** Makes the `failure.sync`-th sync (counted from the start) fail. */
  failSync(failure: InjectedFailure): void {
    this.failure = failure;
  }

  /** Adds a sheet holding `rows` from (firstRow, firstColumn), 1-based row and 0-based column; null cells stay empty. */
  addSheet(name: string, rows: readonly (readonly (FakeValue | null)[])[] = [], options: { firstRow?: number; firstColumn?: number } = {}): FakeSheetState {
    checkNewSheetName(this.workbook, name);
    const sheet = new FakeSheetState(name);
    const top = (options.firstRow ?? 1) - 1;
    const left = options.firstColumn ?? 0;
    rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null && value !== '') sheet.editCell(top + r, left + c).value = value;
    }));
    this.workbook.sheets.push(sheet);
    this.workbook.active ??= sheet;
    return sheet;
  }

  /** Adds a sheet whose cells are generated on demand. */
  addSyntheticSheet(name: string, block: SyntheticBlock): FakeSheetState {
    const sheet = this.addSheet(name);
    sheet.synthetic = block;
    return sheet;
  }

  /** The sheet named `name` (case-insensitive); throws when there is none. */
  sheet(name: string): FakeSheetState {
    const sheet = this.workbook.find(name);
    if (sheet === undefined) throw new Error(`No sheet named "${name}"; sheets: ${this.sheetNames().join(', ')}`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.workbook.sheets.map((sheet) => sheet.name);
  }

  /** Throws ApiNotFound when the pretended API version is older than `version`. */
  requireApi(version: string, what: string): void {
    if (!(minorOf(version) <= this.apiMinor)) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}.`);
  }

  nextChartName(): string {
    this.chartNumber += 1;
    return `Chart ${this.chartNumber}`;
  }

  /** Runs one request: size check, commands in order, injected failure, then loaded values handed over. */
  execute(operations: readonly Operation[]): void {
    const requestBytes = operations.reduce((sum, op) => sum + op.bytes, BYTES_PER_OPERATION);
    const record = (failed?: string, responseBytes = 0): void => {
      this.syncs.push({ operations: operations.length, requestBytes, responseBytes, ...(failed === undefined ? {} : { failed }) });
    };
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      record('RequestPayloadSizeLimitExceeded');
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload (${requestBytes} bytes) has exceeded the limit.`);
    }
    const failure = this.failure !== null && this.failure.sync === this.syncs.length + 1 ? this.failure : null;
    const deliveries: Delivery[] = [];
    let responseBytes = 0;
    try {
      operations.forEach((op, index) => {
        if (failure !== null && index === (failure.afterOperations ?? 0)) {
          throw new FakeOfficeError(failure.code ?? 'GeneralException', `Injected failure at sync ${failure.sync}.`);
        }
        for (const delivery of op.run()) {
          responseBytes += delivery.bytes;
          deliveries.push(delivery);
        }
      });
      if (failure !== null && (failure.afterOperations ?? 0) >= operations.length) {
        throw new FakeOfficeError(failure.code ?? 'GeneralException', `Injected failure at sync ${failure.sync}.`);
      }
    } catch (error) {
      record(error instanceof FakeOfficeError ? error.code : 'GeneralException', responseBytes);
      throw error;
    }
    if (responseBytes > PAYLOAD_LIMIT_BYTES) {
      record('ResponsePayloadSizeLimitExceeded', responseBytes);
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload (${responseBytes} bytes) has exceeded the limit.`);
    }
    record(undefined, responseBytes);
    for (const delivery of deliveries) delivery.apply();
  }
}

/** A loaded value on its way back to a proxy; applied only when the whole request succeeded. */
interface Delivery {
  readonly bytes: number;
  apply(): void;
}

/** One queued command. */
interface Operation {
  readonly label: string;
  readonly bytes: number;
  run(): Delivery[];
}

// ---------------------------------------------------------------------------------------------
// Proxies

/** `Excel.RequestContext`. */
export class FakeContext implements ContextLike {
  readonly workbook: FakeWorkbook;
  private queue: Operation[] = [];
  private created: FakeClientObject[] = [];
  private closed = false;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  /** @internal */
  enqueue(label: string, bytes: number, run: () => Delivery[] | void): void {
    if (this.closed) throw new FakeOfficeError('InvalidRequestContext', `${label}: the request context of this object has ended (its Excel.run is over).`);
    this.queue.push({ label, bytes: bytes + BYTES_PER_OPERATION, run: () => run() ?? [] });
  }

  /** @internal */
  register(object: FakeClientObject): void {
    this.created.push(object);
  }

  /** @internal Throws as office.js does when an object from another batch is passed in. */
  own<T extends FakeClientObject>(object: unknown, what: string): T {
    if (!(object instanceof FakeClientObject) || object.context !== this) {
      throw new FakeOfficeError('InvalidRequestContext', `${what}: cannot use an object across different request contexts.`);
    }
    return object as T;
  }

  async sync(): Promise<unknown> {
    if (this.closed) throw new FakeOfficeError('InvalidRequestContext', 'sync() after the Excel.run batch ended.');
    const operations = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    // A real sync is a round trip: let other microtasks run first.
    await Promise.resolve();
    this.excel.execute(operations);
    for (const object of created) object.settle();
    return undefined;
  }

  close(): void {
    this.closed = true;
  }
}

/** Base of every proxy: load paths, loaded values, PropertyNotLoaded, null objects. */
export abstract class FakeClientObject implements ClientObjectLike {
  private readonly loaded = new Map<string, unknown>();
  private settled = false;
  private nullObject = false;

  constructor(readonly context: FakeContext) {
    context.register(this);
  }

  /** Name of the office.js class, for messages. */
  protected abstract readonly typeName: string;
  /** Scalar properties `load()` can fetch. */
  protected abstract readonly scalarNames: readonly string[];
  /** Reads a scalar from the workbook state when the load runs. */
  protected abstract readScalar(name: string): unknown;
  /** Child objects reachable in load paths (`format/font/bold`). */
  protected child(_name: string): FakeClientObject | undefined {
    return undefined;
  }
  /** True when this is the null object of an `…OrNullObject` lookup (asked at sync). */
  protected isNullTarget(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    // office.js knows whether an object exists only after the request that resolves it has run.
    if (!this.settled) throw this.notLoaded('isNullObject');
    return this.nullObject;
  }

  /** @internal Called when a sync after this object's creation succeeded. */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    try {
      this.nullObject = this.isNullTarget();
    } catch {
      this.nullObject = false;
    }
  }

  load(propertyNames?: LoadSpec): this {
    const paths = propertyNames === undefined ? [...this.scalarNames]
      : (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(',')).map((name) => name.trim()).filter((name) => name !== '');
    this.checkPaths(paths);
    this.context.enqueue(`${this.typeName}.load`, jsonBytes(paths), () => this.fetch(paths));
    return this;
  }

  /** @internal Checks load paths when load() is called, as office.js does. */
  checkPaths(paths: readonly string[]): void {
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length === 0 && this.scalarNames.includes(head)) continue;
      const child = this.child(head);
      if (child === undefined) throw new FakeOfficeError('InvalidArgument', `${this.typeName} has no property "${head}" to load.`);
      child.checkPaths(rest.length > 0 ? [rest.join('/')] : []);
    }
  }

  /** @internal Reads the paths now and returns their delivery. */
  fetch(paths: readonly string[]): Delivery[] {
    if (this.isNullTarget()) return [];
    const deliveries: Delivery[] = [];
    const childPaths = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length === 0 && this.scalarNames.includes(head)) {
        const value = this.readScalar(head);
        deliveries.push({ bytes: jsonBytes(value) + head.length + 4, apply: () => { this.loaded.set(head, value); } });
      } else {
        const list = childPaths.get(head) ?? [];
        if (rest.length > 0) list.push(rest.join('/'));
        childPaths.set(head, list);
      }
    }
    for (const [head, rest] of childPaths) {
      const child = this.child(head) as FakeClientObject;
      deliveries.push(...child.fetch(rest.length > 0 ? rest : child.scalarNames));
    }
    deliveries.push({ bytes: 0, apply: () => { this.settled = true; } });
    return deliveries;
  }

  /** The loaded value of a scalar; PropertyNotLoaded before `load()` + `sync()`. */
  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) throw this.notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** @internal Sets a loaded value directly (items of a loaded collection). */
  deliver(name: string, value: unknown): void {
    this.loaded.set(name, value);
    this.settled = true;
  }

  protected notLoaded(name: string): FakeOfficeError {
    return new FakeOfficeError('PropertyNotLoaded',
      `The property '${name}' of ${this.typeName} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }

  /** Queues a property write or method call; `apply` runs at sync. */
  protected command(label: string, argument: unknown, apply: () => void): void {
    this.context.enqueue(`${this.typeName}.${label}`, jsonBytes(argument) + label.length, () => { apply(); });
  }
}

/** `Excel.Workbook`. */
export class FakeWorkbook implements WorkbookLike {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly functions: FakeFunctions;
  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.application = new FakeApplication(context);
    this.functions = new FakeFunctions(context);
  }
}

/** `Excel.Functions`: DATE evaluated in the workbook's date system. */
export class FakeFunctions {
  constructor(private readonly context: FakeContext) {}

  date(year: number, month: number, day: number): FakeFunctionResult {
    const serial1900 = Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
    return new FakeFunctionResult(this.context, () => (this.context.excel.workbook.date1904 ? serial1900 - 1462 : serial1900));
  }
}

/** `Excel.FunctionResult`: its `value` is computed when loaded. */
export class FakeFunctionResult extends FakeClientObject {
  protected readonly typeName = 'FunctionResult';
  protected readonly scalarNames: readonly string[] = ['value', 'error'];
  constructor(context: FakeContext, private readonly compute: () => number) {
    super(context);
  }

  protected readScalar(name: string): unknown {
    return name === 'value' ? this.compute() : null;
  }

  get value(): number {
    return this.loadedValue<number>('value');
  }
}

/** `Excel.Application`. */
export class FakeApplication {
  constructor(private readonly context: FakeContext) {}

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue('Application.suspendScreenUpdatingUntilNextSync', 0, () => {
      this.context.excel.requireApi('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
      this.context.excel.workbook.screenUpdatingPauses += 1;
    });
  }
}

/** `Excel.WorksheetCollection`. */
export class FakeWorksheetCollection extends FakeClientObject implements WorksheetCollectionLike {
  protected readonly typeName = 'WorksheetCollection';
  protected readonly scalarNames: readonly string[] = [];

  protected readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `WorksheetCollection has no property "${name}".`);
  }

  get items(): FakeWorksheet[] {
    return this.loadedValue<FakeWorksheet[]>('items');
  }

  override checkPaths(paths: readonly string[]): void {
    for (const path of paths) {
      // As in office.js, `name` on a collection means `items/name`.
      const itemPath = path === 'items' ? '' : path.replace(/^items\//, '');
      const head = itemPath.split('/')[0];
      if (itemPath !== '' && !FakeWorksheet.scalarNamesForChecks.includes(head) && head !== 'pageLayout') {
        throw new FakeOfficeError('InvalidArgument', `Worksheet has no property "${head}" to load.`);
      }
    }
  }

  override load(propertyNames?: LoadSpec): this {
    const paths = propertyNames === undefined ? ['items']
      : (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(',')).map((name) => name.trim()).filter((name) => name !== '');
    this.checkPaths(paths);
    const itemPaths = paths.map((path) => (path === 'items' ? '' : path.replace(/^items\//, ''))).filter((path) => path !== '');
    this.context.enqueue('WorksheetCollection.load', jsonBytes(paths), () => {
      const items = this.context.excel.workbook.sheets.map((state) => new FakeWorksheet(this.context, { kind: 'state', state }));
      const deliveries = items.flatMap((item) => item.fetch(itemPaths.length > 0 ? itemPaths : FakeWorksheet.scalarNamesForChecks));
      deliveries.push({ bytes: 2, apply: () => { this.deliver('items', items); } });
      return deliveries;
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { kind: 'name', name: key, orNull: false });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { kind: 'name', name: key, orNull: true });
  }

  add(name?: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, { kind: 'pending' });
    this.command('add', name ?? null, () => {
      const workbook = this.context.excel.workbook;
      let chosen = name;
      if (chosen === undefined) {
        let n = workbook.sheets.length + 1;
        while (workbook.find(`Sheet${n}`) !== undefined) n += 1;
        chosen = `Sheet${n}`;
      }
      checkNewSheetName(workbook, chosen);
      const state = new FakeSheetState(chosen);
      // Like Excel, a new sheet goes after the last one and does not become active.
      workbook.sheets.push(state);
      sheet.bind(state);
    });
    return sheet;
  }
}

type SheetLocator =
  | { readonly kind: 'name'; readonly name: string; readonly orNull: boolean }
  | { readonly kind: 'state'; readonly state: FakeSheetState }
  | { readonly kind: 'pending' };

/** `Excel.Worksheet`. */
export class FakeWorksheet extends FakeClientObject implements WorksheetLike {
  static readonly scalarNamesForChecks: readonly string[] = ['name', 'visibility', 'position', 'id'];
  protected readonly typeName = 'Worksheet';
  protected readonly scalarNames = FakeWorksheet.scalarNamesForChecks;
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  private bound: FakeSheetState | null = null;

  constructor(context: FakeContext, private readonly locator: SheetLocator) {
    super(context);
    if (locator.kind === 'state') this.bound = locator.state;
    this.charts = new FakeChartCollection(context, this);
    this.freezePanes = new FakeFreezePanes(context, this);
    this.pageLayout = new FakePageLayout(context, this);
  }

  /** @internal */
  bind(state: FakeSheetState): void {
    this.bound = state;
  }

  /** @internal The sheet this proxy stands for; ItemNotFound when it does not exist (any more). */
  target(): FakeSheetState {
    if (this.bound === null) {
      if (this.locator.kind !== 'name') throw new FakeOfficeError('ItemNotFound', 'The worksheet was not created.');
      const found = this.context.excel.workbook.find(this.locator.name);
      if (found === undefined) throw new FakeOfficeError('ItemNotFound', `The requested worksheet "${this.locator.name}" doesn't exist.`);
      // office.js binds the proxy to the sheet itself, so a later rename does not lose it.
      this.bound = found;
    }
    if (this.bound.deleted) throw new FakeOfficeError('ItemNotFound', `The worksheet "${this.bound.name}" was deleted.`);
    return this.bound;
  }

  protected override isNullTarget(): boolean {
    if (this.locator.kind !== 'name' || !this.locator.orNull || this.bound !== null) return false;
    return this.context.excel.workbook.find(this.locator.name) === undefined;
  }

  protected readScalar(name: string): unknown {
    const sheet = this.target();
    switch (name) {
      case 'name': return sheet.name;
      case 'visibility': return sheet.visibility;
      case 'position': return this.context.excel.workbook.sheets.indexOf(sheet);
      case 'id': return `{${sheet.name}}`;
      default: throw new FakeOfficeError('InvalidArgument', `Worksheet has no property "${name}".`);
    }
  }

  protected override child(name: string): FakeClientObject | undefined {
    if (name === 'pageLayout') return this.pageLayout;
    return undefined;
  }

  get name(): string {
    return this.loadedValue<string>('name');
  }
  set name(value: string) {
    this.command('name', value, () => {
      const sheet = this.target();
      checkNewSheetName(this.context.excel.workbook, value, sheet);
      sheet.name = value;
    });
  }

  get visibility(): SheetVisibilityName {
    return this.loadedValue<SheetVisibilityName>('visibility');
  }
  set visibility(value: SheetVisibilityName) {
    this.command('visibility', value, () => {
      const sheet = this.target();
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) throw new FakeOfficeError('InvalidArgument', `Unknown visibility "${String(value)}".`);
      const workbook = this.context.excel.workbook;
      if (value !== 'Visible' && !workbook.sheets.some((other) => other !== sheet && other.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep at least one visible worksheet.');
      }
      sheet.visibility = value;
      if (value !== 'Visible' && workbook.active === sheet) workbook.active = workbook.sheets.find((other) => other.visibility === 'Visible') ?? null;
    });
  }

  get position(): number {
    return this.loadedValue<number>('position');
  }
  set position(value: number) {
    this.command('position', value, () => {
      const sheet = this.target();
      const sheets = this.context.excel.workbook.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) throw new FakeOfficeError('InvalidArgument', `Position ${value} is out of range.`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  activate(): void {
    this.command('activate', null, () => {
      const sheet = this.target();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `The hidden sheet "${sheet.name}" cannot be activated.`);
      this.context.excel.workbook.active = sheet;
    });
  }

  delete(): void {
    this.command('delete', null, () => {
      const sheet = this.target();
      const workbook = this.context.excel.workbook;
      if (!workbook.sheets.some((other) => other !== sheet && other.visibility === 'Visible')) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
      sheet.deleted = true;
      if (workbook.active === sheet) workbook.active = workbook.sheets.find((other) => other.visibility === 'Visible') ?? null;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, address === undefined ? { kind: 'area', area: { row: 0, col: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } } : { kind: 'address', address });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, this, { kind: 'indexes', area: { row: startRow, col: startColumn, rowCount, columnCount } });
  }

  getRanges(address?: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, address ?? '');
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, { kind: 'used', valuesOnly: valuesOnly === true });
  }
}

type RangeLocator =
  | { readonly kind: 'address'; readonly address: string }
  | { readonly kind: 'indexes' | 'area'; readonly area: Area }
  | { readonly kind: 'used'; readonly valuesOnly: boolean }
  | { readonly kind: 'usedWithin'; readonly within: FakeRange; readonly valuesOnly: boolean };

/** Excel's input rules for a value written to a cell, as if typed (office.js `values` behaves so). */
function typedInput(input: unknown, cellFormat: string): { value: FakeValue; formula: string | null; numberFormat?: string } {
  if (typeof input === 'boolean') return { value: input, formula: null };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeOfficeError('InvalidArgument', `The value ${input} cannot be written to a cell.`);
    return { value: input, formula: null };
  }
  if (typeof input !== 'string') throw new FakeOfficeError('InvalidArgument', `A cell value must be a string, number or boolean, not ${JSON.stringify(input)}.`);
  if (cellFormat === '@' || input === '') return { value: input, formula: null };
  // A leading apostrophe marks text; Excel keeps it as a prefix, not in the value.
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input.startsWith('=')) return { value: '', formula: input };
  const number = /^\s*([+-]?)(\d{1,3}(?:,\d{3})+|\d*\.?\d+(?:[eE][+-]?\d+)?)(%?)\s*$/.exec(input);
  if (number) {
    const magnitude = Number(number[2].replace(/,/g, ''));
    const value = (number[1] === '-' ? -magnitude : magnitude) / (number[3] === '%' ? 100 : 1);
    return number[3] === '%' ? { value, formula: null, numberFormat: '0%' } : { value, formula: null };
  }
  if (/^(true|false)$/i.test(input)) return { value: input.toUpperCase() === 'TRUE', formula: null };
  const date = /^(\d{4})(?:-|\/|年)(\d{1,2})(?:-|\/|月)(\d{1,2})日?$/.exec(input) ?? /^(\d{4})年(\d{1,2})月()$/.exec(input);
  if (date) {
    const serial = Date.UTC(Number(date[1]), Number(date[2]) - 1, date[3] === '' ? 1 : Number(date[3])) / 86_400_000 + 25_569;
    return { value: serial, formula: null, numberFormat: 'yyyy/m/d' };
  }
  return { value: input, formula: null };
}

/** `Excel.Range`. */
export class FakeRange extends FakeClientObject implements RangeLike {
  protected readonly typeName = 'Range';

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this.worksheet, { kind: 'usedWithin', within: this, valuesOnly: valuesOnly === true });
  }
  protected readonly scalarNames: readonly string[] = ['address', 'rowCount', 'columnCount', 'values', 'numberFormat'];
  readonly format: FakeRangeFormat;
  private located: { sheet: FakeSheetState; area: Area | null } | null = null;

  constructor(context: FakeContext, readonly worksheet: FakeWorksheet, private readonly locator: RangeLocator) {
    super(context);
    this.format = new FakeRangeFormat(context, this);
  }

  /** @internal The sheet and area, fixed when first used in a request. */
  locate(): { sheet: FakeSheetState; area: Area | null } {
    if (this.located === null) {
      const sheet = this.worksheet.target();
      let area: Area | null;
      switch (this.locator.kind) {
        case 'address': area = parseArea(this.locator.address.replace(/^.*!/, '')); break;
        case 'area': area = this.locator.area; break;
        case 'indexes': {
          this.context.excel.requireApi('1.7', 'Worksheet.getRangeByIndexes');
          const { row, col, rowCount, columnCount } = this.locator.area;
          const valid = [row, col, rowCount, columnCount].every(Number.isInteger) && row >= 0 && col >= 0 && rowCount > 0 && columnCount > 0
            && row + rowCount <= MAX_ROWS && col + columnCount <= MAX_COLUMNS;
          if (!valid) throw new FakeOfficeError('InvalidArgument', `getRangeByIndexes(${row}, ${col}, ${rowCount}, ${columnCount}) is outside the sheet.`);
          area = this.locator.area;
          break;
        }
        case 'used': area = sheet.usedArea(this.locator.valuesOnly); break;
        case 'usedWithin': area = sheet.usedArea(this.locator.valuesOnly, this.locator.within.area()); break;
      }
      this.located = { sheet, area };
    }
    return this.located;
  }

  /** @internal The area, or ItemNotFound for the null object of an empty used range. */
  area(): Area {
    const { area } = this.locate();
    if (area === null) throw new FakeOfficeError('ItemNotFound', 'The range is a null object (the sheet is blank).');
    return area;
  }

  protected override isNullTarget(): boolean {
    return (this.locator.kind === 'used' || this.locator.kind === 'usedWithin') && this.locate().area === null;
  }

  protected override child(name: string): FakeClientObject | undefined {
    return name === 'format' ? this.format : undefined;
  }

  protected readScalar(name: string): unknown {
    const { sheet } = this.locate();
    const area = this.area();
    switch (name) {
      case 'address': return `${quoteSheetName(sheet.name)}!${areaAddress(area)}`;
      case 'rowCount': return area.rowCount;
      case 'columnCount': return area.columnCount;
      case 'values':
      case 'numberFormat': {
        if (area.rowCount * area.columnCount > MAX_CELLS_PER_READ) {
          throw new FakeOfficeError('RangeExceedsLimit', `Reading ${area.rowCount * area.columnCount} cells at once exceeds the limit.`);
        }
        const read = name === 'values'
          ? (r: number, c: number): unknown => sheet.valueAt(area.row + r, area.col + c)
          : (r: number, c: number): unknown => sheet.cellAt(area.row + r, area.col + c).numberFormat;
        return Array.from({ length: area.rowCount }, (_, r) => Array.from({ length: area.columnCount }, (_, c) => read(r, c)));
      }
      default: throw new FakeOfficeError('InvalidArgument', `Range has no property "${name}".`);
    }
  }

  get address(): string { return this.loadedValue<string>('address'); }
  get rowCount(): number { return this.loadedValue<number>('rowCount'); }
  get columnCount(): number { return this.loadedValue<number>('columnCount'); }

  get values(): unknown[][] { return this.loadedValue<unknown[][]>('values'); }
  set values(matrix: unknown[][]) {
    this.command('values', matrix, () => {
      const { sheet } = this.locate();
      const area = this.area();
      this.checkShape(matrix, area, 'values');
      matrix.forEach((row, r) => row.forEach((input, c) => {
        // office.js skips null entries: the cell keeps what it had.
        if (input === null) return;
        const cell = sheet.editCell(area.row + r, area.col + c);
        const typed = typedInput(input, cell.numberFormat);
        cell.value = typed.value;
        cell.formula = typed.formula;
        if (typed.numberFormat !== undefined && cell.numberFormat === 'General') cell.numberFormat = typed.numberFormat;
      }));
    });
  }

  get numberFormat(): unknown[][] { return this.loadedValue<unknown[][]>('numberFormat'); }
  set numberFormat(matrix: unknown[][]) {
    this.command('numberFormat', matrix, () => {
      const { sheet } = this.locate();
      const area = this.area();
      this.checkShape(matrix, area, 'numberFormat');
      matrix.forEach((row, r) => row.forEach((code, c) => {
        if (code === null) return;
        if (typeof code !== 'string' || code === '') throw new FakeOfficeError('InvalidArgument', `Number format ${JSON.stringify(code)} is not valid.`);
        const cell = sheet.editCell(area.row + r, area.col + c);
        cell.numberFormat = code;
        cell.formatted = true;
      }));
    });
  }

  /** office.js demands exactly the range's rows × columns; anything else is InvalidArgument. */
  private checkShape(matrix: unknown, area: Area, what: string): asserts matrix is unknown[][] {
    const rows = Array.isArray(matrix) ? matrix : null;
    const fits = rows !== null && rows.length === area.rowCount && rows.every((row) => Array.isArray(row) && row.length === area.columnCount);
    if (!fits) {
      throw new FakeOfficeError('InvalidArgument',
        `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range (${area.rowCount}×${area.columnCount}).`);
    }
  }

  /** @internal Applies a change to every cell of the range. */
  eachCell(change: (cell: FakeCell, row: number, col: number, area: Area) => void): void {
    const { sheet } = this.locate();
    const area = this.area();
    if (area.rowCount * area.columnCount > MAX_FORMATTED_CELLS) throw new Error(`FakeExcel does not model formatting ${areaAddress(area)} cell by cell.`);
    for (let r = 0; r < area.rowCount; r++) {
      for (let c = 0; c < area.columnCount; c++) {
        const cell = sheet.editCell(area.row + r, area.col + c);
        cell.formatted = true;
        change(cell, r, c, area);
      }
    }
  }

  merge(across?: boolean): void {
    this.command('merge', across ?? false, () => {
      const { sheet } = this.locate();
      const area = this.area();
      const pieces = across === true
        ? Array.from({ length: area.rowCount }, (_, r) => ({ row: area.row + r, col: area.col, rowCount: 1, columnCount: area.columnCount }))
        : [area];
      for (const piece of pieces) {
        if (piece.rowCount * piece.columnCount === 1) continue;
        const touched = sheet.merges.filter((merge) => overlaps(merge, piece));
        // Excel folds merges that lie wholly inside the new one into it, but cannot cut one in two.
        const partial = touched.find((merge) => !contains(piece, merge));
        if (partial !== undefined) {
          throw new FakeOfficeError('InvalidOperation', `Cannot merge ${areaAddress(piece)}: it partly overlaps the merged cells ${areaAddress(partial)}.`);
        }
        for (const merge of touched) sheet.merges.splice(sheet.merges.indexOf(merge), 1);
        sheet.merges.push(piece);
        // Merging keeps only the upper-left value.
        for (let r = 0; r < piece.rowCount; r++) {
          for (let c = 0; c < piece.columnCount; c++) {
            if ((r > 0 || c > 0) && sheet.valueAt(piece.row + r, piece.col + c) !== '') {
              const cell = sheet.editCell(piece.row + r, piece.col + c);
              cell.value = '';
              cell.formula = null;
            }
          }
        }
      }
    });
  }

  select(): void {
    this.command('select', null, () => {
      const { sheet } = this.locate();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidSelection', `Cannot select cells of the hidden sheet "${sheet.name}".`);
      const workbook = this.context.excel.workbook;
      workbook.active = sheet;
      workbook.selection = `${quoteSheetName(sheet.name)}!${areaAddress(this.area())}`;
    });
  }
}

/** `Excel.RangeAreas` (ExcelApi 1.9). */
export class FakeRangeAreas extends FakeClientObject implements RangeAreasLike {
  protected readonly typeName = 'RangeAreas';
  protected readonly scalarNames: readonly string[] = ['address'];

  constructor(context: FakeContext, private readonly worksheet: FakeWorksheet, private readonly addressText: string) {
    super(context);
  }

  private areas(): Area[] {
    this.context.excel.requireApi('1.9', 'Worksheet.getRanges');
    return this.addressText.split(',').map((part) => parseArea(part.replace(/^.*!/, '')));
  }

  protected readScalar(name: string): unknown {
    if (name !== 'address') throw new FakeOfficeError('InvalidArgument', `RangeAreas has no property "${name}".`);
    return this.areas().map((area) => `${quoteSheetName(this.worksheet.target().name)}!${areaAddress(area)}`).join(',');
  }

  get address(): string { return this.loadedValue<string>('address'); }

  select(): void {
    this.command('select', null, () => {
      const sheet = this.worksheet.target();
      const areas = this.areas();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidSelection', `Cannot select cells of the hidden sheet "${sheet.name}".`);
      const workbook = this.context.excel.workbook;
      workbook.active = sheet;
      workbook.selection = `${quoteSheetName(sheet.name)}!${areas.map(areaAddress).join(',')}`;
    });
  }
}

const HORIZONTAL: readonly HorizontalAlignmentName[] = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL: readonly VerticalAlignmentName[] = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
/** Excel's tallest row: 409 points. */
const MAX_ROW_HEIGHT_POINTS = 409;
/** Excel's widest column: 255 characters, about 1,790 points in a default font. */
const MAX_COLUMN_WIDTH_POINTS = 1790;

/** `Excel.RangeFormat`. */
export class FakeRangeFormat extends FakeClientObject implements RangeFormatLike {
  protected readonly typeName = 'RangeFormat';
  protected readonly scalarNames: readonly string[] = ['wrapText', 'horizontalAlignment', 'verticalAlignment', 'columnWidth', 'rowHeight'];
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeContext, readonly range: FakeRange) {
    super(context);
    this.font = new FakeRangeFont(context, range);
    this.fill = new FakeRangeFill(context, range);
    this.borders = new FakeRangeBorderCollection(context, range);
  }

  protected override child(name: string): FakeClientObject | undefined {
    return name === 'font' ? this.font : name === 'fill' ? this.fill : undefined;
  }

  protected readScalar(name: string): unknown {
    const { sheet } = this.range.locate();
    const area = this.range.area();
    const first = sheet.cellAt(area.row, area.col);
    switch (name) {
      case 'wrapText': return first.wrapText;
      case 'horizontalAlignment': return first.horizontalAlignment;
      case 'verticalAlignment': return first.verticalAlignment;
      case 'columnWidth': return sheet.columnWidths.get(area.col) ?? 48;
      case 'rowHeight': return sheet.rowHeights.get(area.row) ?? 15;
      default: throw new FakeOfficeError('InvalidArgument', `RangeFormat has no property "${name}".`);
    }
  }

  get wrapText(): boolean { return this.loadedValue<boolean>('wrapText'); }
  set wrapText(value: boolean) {
    this.command('wrapText', value, () => this.range.eachCell((cell) => { cell.wrapText = value; }));
  }

  get horizontalAlignment(): HorizontalAlignmentName { return this.loadedValue<HorizontalAlignmentName>('horizontalAlignment'); }
  set horizontalAlignment(value: HorizontalAlignmentName) {
    this.command('horizontalAlignment', value, () => {
      if (!HORIZONTAL.includes(value)) throw new FakeOfficeError('InvalidArgument', `Unknown horizontal alignment "${String(value)}".`);
      this.range.eachCell((cell) => { cell.horizontalAlignment = value; });
    });
  }

  get verticalAlignment(): VerticalAlignmentName { return this.loadedValue<VerticalAlignmentName>('verticalAlignment'); }
  set verticalAlignment(value: VerticalAlignmentName) {
    this.command('verticalAlignment', value, () => {
      if (!VERTICAL.includes(value)) throw new FakeOfficeError('InvalidArgument', `Unknown vertical alignment "${String(value)}".`);
      this.range.eachCell((cell) => { cell.verticalAlignment = value; });
    });
  }

  get columnWidth(): number { return this.loadedValue<number>('columnWidth'); }
  set columnWidth(points: number) {
    this.command('columnWidth', points, () => {
      if (!(Number.isFinite(points) && points >= 0 && points <= MAX_COLUMN_WIDTH_POINTS)) {
        throw new FakeOfficeError('InvalidArgument', `Column width ${points} points is outside 0…${MAX_COLUMN_WIDTH_POINTS}.`);
      }
      const { sheet } = this.range.locate();
      const area = this.range.area();
      // A width belongs to whole columns, whatever rows the range spans.
      for (let c = area.col; c < area.col + area.columnCount; c++) sheet.columnWidths.set(c, points);
    });
  }

  get rowHeight(): number { return this.loadedValue<number>('rowHeight'); }
  set rowHeight(points: number) {
    this.command('rowHeight', points, () => {
      if (!(Number.isFinite(points) && points >= 0 && points <= MAX_ROW_HEIGHT_POINTS)) {
        throw new FakeOfficeError('InvalidArgument', `Row height ${points} points is outside 0…${MAX_ROW_HEIGHT_POINTS}.`);
      }
      const { sheet } = this.range.locate();
      const area = this.range.area();
      // A height belongs to whole rows, whatever columns the range spans.
      for (let r = area.row; r < area.row + area.rowCount; r++) sheet.rowHeights.set(r, points);
    });
  }
}

/** `Excel.RangeFont`. */
export class FakeRangeFont extends FakeClientObject implements RangeFontLike {
  protected readonly typeName = 'RangeFont';
  protected readonly scalarNames: readonly string[] = ['bold', 'name', 'size'];

  constructor(context: FakeContext, private readonly range: FakeRange) {
    super(context);
  }

  protected readScalar(name: string): unknown {
    const { sheet } = this.range.locate();
    const area = this.range.area();
    const first = sheet.cellAt(area.row, area.col);
    switch (name) {
      case 'bold': return first.bold;
      case 'name': return first.fontName;
      case 'size': return first.fontSize;
      default: throw new FakeOfficeError('InvalidArgument', `RangeFont has no property "${name}".`);
    }
  }

  get bold(): boolean { return this.loadedValue<boolean>('bold'); }
  set bold(value: boolean) {
    this.command('bold', value, () => this.range.eachCell((cell) => { cell.bold = value; }));
  }

  get name(): string { return this.loadedValue<string>('name'); }
  set name(value: string) {
    this.command('name', value, () => {
      if (typeof value !== 'string' || value === '') throw new FakeOfficeError('InvalidArgument', 'A font name cannot be empty.');
      this.range.eachCell((cell) => { cell.fontName = value; });
    });
  }

  get size(): number { return this.loadedValue<number>('size'); }
  set size(value: number) {
    this.command('size', value, () => {
      if (!(value >= 1 && value <= 409)) throw new FakeOfficeError('InvalidArgument', `Font size ${value} is outside 1…409.`);
      this.range.eachCell((cell) => { cell.fontSize = value; });
    });
  }
}

/** `Excel.RangeFill`. */
export class FakeRangeFill extends FakeClientObject implements RangeFillLike {
  protected readonly typeName = 'RangeFill';
  protected readonly scalarNames: readonly string[] = ['color'];

  constructor(context: FakeContext, private readonly range: FakeRange) {
    super(context);
  }

  protected readScalar(name: string): unknown {
    if (name !== 'color') throw new FakeOfficeError('InvalidArgument', `RangeFill has no property "${name}".`);
    const { sheet } = this.range.locate();
    const area = this.range.area();
    return sheet.cellAt(area.row, area.col).fillColor ?? '#FFFFFF';
  }

  get color(): string { return this.loadedValue<string>('color'); }
  set color(value: string) {
    this.command('color', value, () => {
      if (!/^#?[0-9A-Fa-f]{6}$/.test(value)) throw new FakeOfficeError('InvalidArgument', `Color "${value}" is not #RRGGBB.`);
      const color = `#${value.replace('#', '').toUpperCase()}`;
      this.range.eachCell((cell) => { cell.fillColor = color; });
    });
  }
}

/** `Excel.RangeBorderCollection`. */
export class FakeRangeBorderCollection extends FakeClientObject implements RangeBorderCollectionLike {
  protected readonly typeName = 'RangeBorderCollection';
  protected readonly scalarNames: readonly string[] = [];

  constructor(context: FakeContext, private readonly range: FakeRange) {
    super(context);
  }

  protected readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `RangeBorderCollection has no property "${name}".`);
  }

  getItem(index: BorderIndexName): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this.range, index);
  }
}

const BORDER_STYLES: readonly RangeBorderLike['style'][] = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS: readonly RangeBorderLike['weight'][] = ['Hairline', 'Thin', 'Medium', 'Thick'];

/** `Excel.RangeBorder`: edges and inside lines, stored on the cells they run along. */
export class FakeRangeBorder extends FakeClientObject implements RangeBorderLike {
  protected readonly typeName = 'RangeBorder';
  protected readonly scalarNames: readonly string[] = [];

  constructor(context: FakeContext, private readonly range: FakeRange, private readonly index: BorderIndexName) {
    super(context);
  }

  protected readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `RangeBorder property "${name}" is not modelled.`);
  }

  get style(): RangeBorderLike['style'] { return this.loadedValue<RangeBorderLike['style']>('style'); }
  set style(value: RangeBorderLike['style']) {
    this.command('style', value, () => {
      if (!BORDER_STYLES.includes(value)) throw new FakeOfficeError('InvalidArgument', `Unknown border style "${String(value)}".`);
      this.apply((old) => (value === 'None' ? null : { style: value, weight: old?.weight ?? 'Thin' }));
    });
  }

  get weight(): RangeBorderLike['weight'] { return this.loadedValue<RangeBorderLike['weight']>('weight'); }
  set weight(value: RangeBorderLike['weight']) {
    this.command('weight', value, () => {
      if (!BORDER_WEIGHTS.includes(value)) throw new FakeOfficeError('InvalidArgument', `Unknown border weight "${String(value)}".`);
      this.apply((old) => ({ style: old?.style ?? 'Continuous', weight: value }));
    });
  }

  private apply(change: (old: BorderState | null) => BorderState | null): void {
    const set = (cell: FakeCell, side: BorderSide): void => { cell.borders[side] = change(cell.borders[side]); };
    const index = this.index;
    if (index === 'DiagonalDown' || index === 'DiagonalUp') throw new Error('FakeExcel does not model diagonal borders.');
    this.range.eachCell((cell, r, c, area) => {
      if (index === 'EdgeTop' && r === 0) set(cell, 'top');
      if (index === 'EdgeBottom' && r === area.rowCount - 1) set(cell, 'bottom');
      if (index === 'EdgeLeft' && c === 0) set(cell, 'left');
      if (index === 'EdgeRight' && c === area.columnCount - 1) set(cell, 'right');
      if (index === 'InsideHorizontal') {
        if (r > 0) set(cell, 'top');
        if (r < area.rowCount - 1) set(cell, 'bottom');
      }
      if (index === 'InsideVertical') {
        if (c > 0) set(cell, 'left');
        if (c < area.columnCount - 1) set(cell, 'right');
      }
    });
  }
}

/** `Excel.WorksheetFreezePanes` (ExcelApi 1.7). */
export class FakeFreezePanes implements WorksheetFreezePanesLike {
  constructor(private readonly context: FakeContext, private readonly worksheet: FakeWorksheet) {}

  private freeze(label: string, argument: unknown, compute: () => { rows: number; columns: number }): void {
    this.context.enqueue(`WorksheetFreezePanes.${label}`, jsonBytes(argument), () => {
      this.context.excel.requireApi('1.7', `WorksheetFreezePanes.${label}`);
      const sheet = this.worksheet.target();
      sheet.freeze = compute();
    });
  }

  freezeRows(count?: number): void {
    this.freeze('freezeRows', count ?? 1, () => ({ rows: count ?? 1, columns: 0 }));
  }

  freezeColumns(count?: number): void {
    this.freeze('freezeColumns', count ?? 1, () => ({ rows: 0, columns: count ?? 1 }));
  }

  freezeAt(frozenRange: RangeLike | string): void {
    const range = typeof frozenRange === 'string' ? null : this.context.own<FakeRange>(frozenRange, 'freezeAt');
    this.freeze('freezeAt', typeof frozenRange === 'string' ? frozenRange : 'range', () => {
      const area = range === null ? parseArea(frozenRange as string) : range.area();
      return { rows: area.row + area.rowCount, columns: area.col + area.columnCount };
    });
  }
}

const PAPER_SIZES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5'];

/** `Excel.PageLayout` (ExcelApi 1.9): every access to it fails with ApiNotFound on older Excel. */
export class FakePageLayout extends FakeClientObject implements PageLayoutLike {
  protected readonly typeName = 'PageLayout';
  protected readonly scalarNames: readonly string[] = ['orientation', 'paperSize', 'zoom'];

  constructor(context: FakeContext, private readonly worksheet: FakeWorksheet) {
    super(context);
  }

  protected readScalar(name: string): unknown {
    this.context.excel.requireApi('1.9', 'PageLayout');
    const layout = this.worksheet.target().pageLayout;
    switch (name) {
      case 'orientation': return layout.orientation;
      case 'paperSize': return layout.paperSize;
      case 'zoom': return { ...layout.zoom };
      default: throw new FakeOfficeError('InvalidArgument', `PageLayout has no property "${name}".`);
    }
  }

  private change(label: string, value: unknown, apply: (layout: FakePageLayoutState) => void): void {
    this.command(label, value, () => {
      this.context.excel.requireApi('1.9', `PageLayout.${label}`);
      apply(this.worksheet.target().pageLayout);
    });
  }

  get orientation(): 'Portrait' | 'Landscape' { return this.loadedValue<'Portrait' | 'Landscape'>('orientation'); }
  set orientation(value: 'Portrait' | 'Landscape') {
    this.change('orientation', value, (layout) => {
      if (value !== 'Portrait' && value !== 'Landscape') throw new FakeOfficeError('InvalidArgument', `Unknown orientation "${String(value)}".`);
      layout.orientation = value;
    });
  }

  get paperSize(): string { return this.loadedValue<string>('paperSize'); }
  set paperSize(value: string) {
    this.change('paperSize', value, (layout) => {
      if (!PAPER_SIZES.includes(value)) throw new FakeOfficeError('InvalidArgument', `Unknown paper size "${value}".`);
      layout.paperSize = value;
    });
  }

  get zoom(): PageLayoutZoomLike { return this.loadedValue<PageLayoutZoomLike>('zoom'); }
  set zoom(value: PageLayoutZoomLike) {
    const copy = { ...value };
    this.change('zoom', copy, (layout) => {
      const pages = [copy.horizontalFitToPages, copy.verticalFitToPages].filter((n) => n !== undefined);
      if (pages.some((n) => !Number.isInteger(n) || (n as number) < 0)) throw new FakeOfficeError('InvalidArgument', 'Fit-to-pages counts must be whole numbers ≥ 0.');
      if (copy.scale !== undefined && (pages.length > 0 || copy.scale < 10 || copy.scale > 400)) {
        throw new FakeOfficeError('InvalidArgument', 'Zoom takes either a scale of 10…400 or fit-to-pages counts.');
      }
      layout.zoom = copy;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

const CHART_TYPES: readonly ChartTypeName[] = ['ColumnClustered', 'Pie'];

/** `Excel.ChartCollection`. */
export class FakeChartCollection implements ChartCollectionLike {
  constructor(private readonly context: FakeContext, private readonly worksheet: FakeWorksheet) {}

  add(type: ChartTypeName, sourceData: RangeLike, seriesBy?: 'Auto' | 'Columns' | 'Rows'): FakeChart {
    const source = this.context.own<FakeRange>(sourceData, 'ChartCollection.add');
    const chart = new FakeChart(this.context);
    this.context.enqueue('ChartCollection.add', jsonBytes([type, seriesBy]), () => {
      if (!CHART_TYPES.includes(type)) throw new FakeOfficeError('InvalidArgument', `Chart type "${String(type)}" is not modelled.`);
      const by = seriesBy ?? 'Auto';
      if (!['Auto', 'Columns', 'Rows'].includes(by)) throw new FakeOfficeError('InvalidArgument', `Unknown seriesBy "${String(by)}".`);
      const sheet = this.worksheet.target();
      const { sheet: sourceSheet } = source.locate();
      const area = source.area();
      // 'Auto' lets Excel guess from the shape: series run along the longer side.
      const byColumns = by === 'Columns' || (by === 'Auto' && area.rowCount >= area.columnCount);
      const pieces = byColumns
        ? Array.from({ length: area.columnCount }, (_, c) => ({ ...area, col: area.col + c, columnCount: 1 }))
        : Array.from({ length: area.rowCount }, (_, r) => ({ ...area, row: area.row + r, rowCount: 1 }));
      const state: FakeChartState = {
        type, source: new SheetReference(sourceSheet, area), seriesBy: by, name: this.context.excel.nextChartName(), title: '',
        dataLabels: { showCategoryName: false, showPercentage: false, showValue: false }, legendVisible: true, position: null,
        series: pieces.map((piece, i) => ({ name: `Series${i + 1}`, values: new SheetReference(sourceSheet, piece), xAxisValues: null })),
      };
      sheet.charts.push(state);
      chart.bind(state);
    });
    return chart;
  }
}

/** `Excel.Chart`. */
export class FakeChart extends FakeClientObject implements ChartLike {
  protected readonly typeName = 'Chart';
  protected readonly scalarNames: readonly string[] = ['name'];
  readonly title: FakeChartTitle;
  readonly dataLabels: FakeChartDataLabels;
  readonly legend: FakeChartLegend;
  readonly series: FakeChartSeriesCollection;
  private bound: FakeChartState | null = null;

  constructor(context: FakeContext) {
    super(context);
    this.title = new FakeChartTitle(context, this);
    this.dataLabels = new FakeChartDataLabels(context, this);
    this.legend = new FakeChartLegend(context, this);
    this.series = new FakeChartSeriesCollection(context, this);
  }

  /** @internal */
  bind(state: FakeChartState): void {
    this.bound = state;
  }

  /** @internal */
  target(): FakeChartState {
    if (this.bound === null) throw new FakeOfficeError('ItemNotFound', 'The chart was not created.');
    return this.bound;
  }

  protected readScalar(name: string): unknown {
    if (name !== 'name') throw new FakeOfficeError('InvalidArgument', `Chart has no property "${name}".`);
    return this.target().name;
  }

  get name(): string { return this.loadedValue<string>('name'); }
  set name(value: string) {
    this.command('name', value, () => { this.target().name = value; });
  }

  setPosition(startCell: RangeLike | string, endCell?: RangeLike | string): void {
    const resolve = (cell: RangeLike | string): (() => Area) => {
      if (typeof cell === 'string') return () => parseArea(cell);
      const range = this.context.own<FakeRange>(cell, 'Chart.setPosition');
      return () => range.area();
    };
    const start = resolve(startCell);
    const end = endCell === undefined ? null : resolve(endCell);
    this.command('setPosition', [typeof startCell === 'string' ? startCell : 'range', typeof endCell === 'string' ? endCell : 'range'], () => {
      const from = start();
      const to = end === null ? from : end();
      if (to.row < from.row || to.col < from.col) throw new FakeOfficeError('InvalidArgument', 'The end cell of a chart must lie below and right of its start cell.');
      this.target().position = { start: areaAddress({ ...from, rowCount: 1, columnCount: 1 }), end: areaAddress({ row: to.row + to.rowCount - 1, col: to.col + to.columnCount - 1, rowCount: 1, columnCount: 1 }) };
    });
  }
}

/** Base of a chart's parts: they read and write the chart's state. */
abstract class FakeChartPart extends FakeClientObject {
  protected readonly scalarNames: readonly string[] = [];
  constructor(context: FakeContext, protected readonly chart: FakeChart) {
    super(context);
  }
  protected readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `${this.typeName} property "${name}" is not modelled.`);
  }
}

/** `Excel.ChartTitle`. */
export class FakeChartTitle extends FakeChartPart {
  protected readonly typeName = 'ChartTitle';
  get text(): string { return this.loadedValue<string>('text'); }
  set text(value: string) {
    this.command('text', value, () => { this.chart.target().title = value; });
  }
}

/** `Excel.ChartLegend`. */
export class FakeChartLegend extends FakeChartPart {
  protected readonly typeName = 'ChartLegend';
  get visible(): boolean { return this.loadedValue<boolean>('visible'); }
  set visible(value: boolean) {
    this.command('visible', value, () => { this.chart.target().legendVisible = value; });
  }
}

/** `Excel.ChartDataLabels`. */
export class FakeChartDataLabels extends FakeChartPart implements ChartDataLabelsLike {
  protected readonly typeName = 'ChartDataLabels';
  private flag(name: keyof FakeChartState['dataLabels'], value: boolean): void {
    this.command(name, value, () => { this.chart.target().dataLabels[name] = value; });
  }
  get showCategoryName(): boolean { return this.loadedValue<boolean>('showCategoryName'); }
  set showCategoryName(value: boolean) { this.flag('showCategoryName', value); }
  get showPercentage(): boolean { return this.loadedValue<boolean>('showPercentage'); }
  set showPercentage(value: boolean) { this.flag('showPercentage', value); }
  get showValue(): boolean { return this.loadedValue<boolean>('showValue'); }
  set showValue(value: boolean) { this.flag('showValue', value); }
}

/** `Excel.ChartSeriesCollection`. */
export class FakeChartSeriesCollection extends FakeChartPart {
  protected readonly typeName = 'ChartSeriesCollection';
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, this.chart, index);
  }
}

/** `Excel.ChartSeries`. */
export class FakeChartSeries extends FakeChartPart implements ChartSeriesLike {
  protected readonly typeName = 'ChartSeries';

  constructor(context: FakeContext, chart: FakeChart, private readonly index: number) {
    super(context, chart);
  }

  private target(): FakeChartState['series'][number] {
    const series = this.chart.target().series[this.index];
    if (series === undefined) throw new FakeOfficeError('ItemNotFound', `The chart has no series ${this.index}.`);
    return series;
  }

  get name(): string { return this.loadedValue<string>('name'); }
  set name(value: string) {
    this.command('name', value, () => {
      this.context.excel.requireApi('1.7', 'ChartSeries.name');
      this.target().name = value;
    });
  }

  setXAxisValues(sourceData: RangeLike): void {
    const range = this.context.own<FakeRange>(sourceData, 'ChartSeries.setXAxisValues');
    this.command('setXAxisValues', 'range', () => {
      this.context.excel.requireApi('1.7', 'ChartSeries.setXAxisValues');
      const { sheet } = range.locate();
      this.target().xAxisValues = new SheetReference(sheet, range.area());
    });
  }
}

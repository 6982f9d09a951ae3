/**
 * The slice of the Office.js Excel API that the Office host uses, as narrow structural interfaces.
 *
 * Guarantees: the real `Excel.RequestContext` (and so every object reached from it) is assignable to
 * `ContextLike`, and `Excel.run` to `RunBatch` (checked by test/hosts/office/excel-like.types.test.ts);
 * nothing here mentions the `Excel` namespace, so the host compiles and runs without office.js and
 * tests can inject a typed fake. Values Excel hands over (`any[][]` in its typings) are `unknown` here
 * and are checked where they are read. Each member notes the requirement set that introduced it when
 * that set is newer than ExcelApi 1.4: callers must feature-detect those (see `ApiSupport`).
 */

/** Mirrors `Office.context.requirements.isSetSupported(set, version)`. */
export type ApiSupport = (set: string, version: string) => boolean;

/** Runs one batch with a fresh request context; `Excel.run` in the add-in. */
export type RunBatch = <T>(batch: (context: ContextLike) => Promise<T>) => Promise<T>;

/** What `load()` accepts: a comma-separated list or an array of property names or paths (`items/name`). */
export type LoadSpec = string | string[];

/** Every proxy object: `isNullObject` is known only after the request that resolves it has been synced. */
export interface ClientObjectLike {
  /** True when an `…OrNullObject` lookup found nothing (valid after `sync()`). */
  readonly isNullObject: boolean;
}

/** `Excel.RequestContext`: queues commands on proxies, runs them in one request on `sync()`. */
export interface ContextLike {
  readonly workbook: WorkbookLike;
  /** Sends the queued commands and fills loaded properties; rejects with the first failing command's error. */
  sync(): Promise<unknown>;
}

/** `Excel.Workbook`. */
export interface WorkbookLike {
  readonly worksheets: WorksheetCollectionLike;
  readonly application: ApplicationLike;
  /** ExcelApi 1.2: worksheet functions, evaluated by Excel. */
  readonly functions: FunctionsLike;
}

/** `Excel.Functions`: the one function the host asks Excel to evaluate. */
export interface FunctionsLike {
  /** DATE(year, month, day): the serial of that day in the workbook's own date system (1900 or 1904). */
  date(year: number, month: number, day: number): FunctionResultLike;
}

/** `Excel.FunctionResult`: `value` after `load('value')` and a sync. */
export interface FunctionResultLike {
  readonly value: unknown;
  load(propertyNames?: LoadSpec): unknown;
}

/** `Excel.Application`. */
export interface ApplicationLike {
  /** ExcelApi 1.9: no repaint until the next `sync()`. */
  suspendScreenUpdatingUntilNextSync(): void;
}

/** `Excel.WorksheetCollection`. */
export interface WorksheetCollectionLike extends ClientObjectLike {
  /** The sheets in workbook order (load `items` or `items/name` first). */
  readonly items: WorksheetLike[];
  /** The sheet named `key` (case-insensitive); ItemNotFound at sync when missing. */
  getItem(key: string): WorksheetLike;
  /** The sheet named `key`, or a null object. */
  getItemOrNullObject(key: string): WorksheetLike;
  /** Appends a sheet after the last one; ItemAlreadyExists / InvalidArgument at sync for a bad name. */
  add(name?: string): WorksheetLike;
  load(propertyNames?: LoadSpec): unknown;
}

/** Names Excel uses for sheet visibility. */
export type SheetVisibilityName = 'Visible' | 'Hidden' | 'VeryHidden';

/** `Excel.Worksheet`. */
export interface WorksheetLike extends ClientObjectLike {
  /** Setting renames the sheet. */
  name: string;
  visibility: SheetVisibilityName;
  /** 0-based position among all sheets. */
  position: number;
  readonly charts: ChartCollectionLike;
  /** ExcelApi 1.7. */
  readonly freezePanes: WorksheetFreezePanesLike;
  /** ExcelApi 1.9. */
  readonly pageLayout: PageLayoutLike;
  activate(): void;
  delete(): void;
  /** A1 address on this sheet (`B2:D9`, whole rows `5:5`, whole columns `A:C`). */
  getRange(address?: string): RangeLike;
  /** ExcelApi 1.7: a rectangle by 0-based indexes. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  /** ExcelApi 1.9: several areas (`5:5,9:9`). */
  getRanges(address?: string): RangeAreasLike;
  /** The used range (values only when asked), or a null object for a blank sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  load(propertyNames?: LoadSpec): unknown;
}

/** `Excel.WorksheetFreezePanes` (ExcelApi 1.7). */
export interface WorksheetFreezePanesLike {
  /** Freezes the top `count` rows. */
  freezeRows(count?: number): void;
  /** Freezes the left `count` columns. */
  freezeColumns(count?: number): void;
  /** Freezes the rows and columns of `frozenRange` (which starts at A1). */
  freezeAt(frozenRange: RangeLike | string): void;
}

/** `Excel.PageLayoutZoomOptions`: fit-to-pages or a percentage scale. */
export interface PageLayoutZoomLike {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

/** `Excel.PageLayout` (ExcelApi 1.9). */
export interface PageLayoutLike {
  orientation: 'Portrait' | 'Landscape';
  /** Excel's paper names (`A4`, `Letter`, …). */
  paperSize: string;
  zoom: PageLayoutZoomLike;
}

/** `Excel.Range`. */
export interface RangeLike extends ClientObjectLike {
  /** Rows × columns of cell values; setting requires exactly the range's shape. */
  values: unknown[][];
  /** Rows × columns of locale-independent number format codes; same shape rule. */
  numberFormat: unknown[][];
  /** Sheet-qualified A1 address, e.g. `Sheet1!C5:F100` or `'My sheet'!A1`. */
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly format: RangeFormatLike;
  /** Merges the range into one cell (or each row separately when `across`). */
  merge(across?: boolean): void;
  select(): void;
  /** The used part of this range (values only when asked), or a null object when none of it is used. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  load(propertyNames?: LoadSpec): unknown;
}

/** `Excel.RangeAreas` (ExcelApi 1.9). */
export interface RangeAreasLike extends ClientObjectLike {
  select(): void;
}

/** Excel's horizontal alignment names used by the host. */
export type HorizontalAlignmentName = 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed';
/** Excel's vertical alignment names. */
export type VerticalAlignmentName = 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';

/** `Excel.RangeFormat`. */
export interface RangeFormatLike {
  readonly font: RangeFontLike;
  readonly fill: RangeFillLike;
  readonly borders: RangeBorderCollectionLike;
  wrapText: boolean;
  horizontalAlignment: HorizontalAlignmentName;
  verticalAlignment: VerticalAlignmentName;
  /** In points (not characters): setting it sets the width of every column of the range. */
  columnWidth: number;
  /** In points: setting it sets the height of every row of the range. */
  rowHeight: number;
}

/** `Excel.RangeFont`. */
export interface RangeFontLike {
  bold: boolean;
  name: string;
  size: number;
}

/** `Excel.RangeFill`. */
export interface RangeFillLike {
  /** `#RRGGBB`. */
  color: string;
}

/** Sides of a range's borders. */
export type BorderIndexName = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';

/** `Excel.RangeBorderCollection`. */
export interface RangeBorderCollectionLike {
  getItem(index: BorderIndexName): RangeBorderLike;
}

/** `Excel.RangeBorder`. */
export interface RangeBorderLike {
  style: 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot';
  weight: 'Hairline' | 'Thin' | 'Medium' | 'Thick';
}

/** Chart types the host creates. */
export type ChartTypeName = 'ColumnClustered' | 'Pie';

/** `Excel.ChartCollection`. */
export interface ChartCollectionLike {
  /** A chart of `sourceData`; `seriesBy` is given explicitly because 'Auto' guesses from the shape. */
  add(type: ChartTypeName, sourceData: RangeLike, seriesBy?: 'Auto' | 'Columns' | 'Rows'): ChartLike;
}

/** `Excel.Chart`. */
export interface ChartLike {
  name: string;
  readonly title: { text: string };
  readonly dataLabels: ChartDataLabelsLike;
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): ChartSeriesLike };
  /** Places the chart over the cells from `startCell` to (and covering) `endCell`. */
  setPosition(startCell: RangeLike | string, endCell?: RangeLike | string): void;
}

/** `Excel.ChartDataLabels`. */
export interface ChartDataLabelsLike {
  showCategoryName: boolean;
  showPercentage: boolean;
  showValue: boolean;
}

/** `Excel.ChartSeries` (its members here are ExcelApi 1.7). */
export interface ChartSeriesLike {
  name: string;
  /** Category labels of the series. */
  setXAxisValues(sourceData: RangeLike): void;
}

/**
 * What a host hands the core: a sheet as a grid of raw cell values, exactly as the workbook holds them.
 * Times are Excel serial numbers or text (never pre-converted by a library); `Date` is accepted for
 * hosts that cannot avoid it and is read as wall-clock time from its UTC fields.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One worksheet's used range, first row = sheet row `firstRow` (1-based; usually 1). */
export interface RawSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Sheet row number of rows[0]; defaults to 1. */
  readonly firstRow?: number;
  /** Hidden (or very hidden) in the workbook: never read as an export. */
  readonly hidden?: boolean;
  /** The workbook counts date serials from 1904-01-01 (Excel for Mac): its serials are 1,462 days short. */
  readonly date1904?: boolean;
  /**
   * Set when the host read less than the sheet's used range (a stray cell far outside the table made
   * it billions of cells): the used range and what was read, as A1 ranges.
   */
  readonly clipped?: { readonly usedRange: string; readonly read: string };
}

/**
 * The whole job over file bytes: read an export workbook, build the period's report, write a copy of
 * the workbook with the generated sheets added. No file system here, so the command line and the
 * browser's file mode share it. The input bytes are never modified.
 */
import { buildMonthlyReport, fitGridTexts, maxCellText, type BuildMonthlyReportOptions, type BuildResult, type BuildWarning, type CellValue, type GridCell, type RawSheet, type SheetGrid } from '../../core/index.ts';
import { readWorkbook } from './read-workbook.ts';
import { hasMacros, writeWorkbook } from './write-workbook.ts';

/** Thrown when a rebuild would overwrite generated sheets the clerk edited by hand. */
export class EditedSheetsError extends Error {
  readonly sheets: readonly string[];
  constructor(sheets: readonly string[]) {
    super(`这些工作表在上次生成后被手工修改过，重新生成会覆盖修改：${sheets.join('、')}。如确定要覆盖，请加 --force；如需保留，先把它们改名。`);
    this.name = 'EditedSheetsError';
    this.sheets = sheets;
  }
}

export interface BuildFileOptions extends BuildMonthlyReportOptions {
  /** Overwrite generated sheets even when they were edited since the last build. */
  readonly force?: boolean;
}

export interface BuildFileResult {
  /** The new workbook (.xlsx). */
  readonly bytes: Uint8Array;
  readonly result: BuildResult;
  /** The sheets read from the input, for callers that report on them. */
  readonly sheets: readonly RawSheet[];
  readonly timings: { readonly readMs: number; readonly buildMs: number; readonly writeMs: number };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function toGridValue(value: CellValue): GridCell['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** A raw sheet as a plain grid, for inputs (.xls, .csv) that cannot be patched and are copied as values. */
export function rawSheetToGrid(sheet: RawSheet & { readonly numberFormats?: ReadonlyMap<number, string> }): SheetGrid {
  const leading: (GridCell | null)[][] = Array.from({ length: (sheet.firstRow ?? 1) - 1 }, () => []);
  const formats = sheet.numberFormats;
  return {
    name: sheet.name,
    role: 'report',
    cells: [
      ...leading,
      ...sheet.rows.map((row, rowIndex) =>
        row.map((value, col) => {
          if (value === null || value === undefined) return null;
          const numFmt = formats?.get(rowIndex * 16_384 + col);
          return numFmt ? { value: toGridValue(value), role: 'plain' as const, numFmt } : { value: toGridValue(value), role: 'plain' as const };
        }),
      ),
    ],
    merges: [],
    colWidths: [],
  };
}

const now = () => performance.now();

/** Reads `bytes`, builds the report and writes the result workbook. Throws InputError or EditedSheetsError. */
export function buildReportFile(bytes: Uint8Array, fileName: string, options: BuildFileOptions): BuildFileResult {
  const started = now();
  const sheets = readWorkbook(bytes, fileName);
  const read = now();
  const result = buildMonthlyReport(sheets, options);
  const built = now();
  if (result.editedSheets.length && !options.force) throw new EditedSheetsError(result.editedSheets);
  let copied: SheetGrid[] = [];
  const cutWarnings: BuildWarning[] = [];
  if (!isZip(bytes)) {
    // A text export (.csv, .xls) is copied into the new workbook as values; a cell longer than Excel
    // holds is cut with …, and said so (the input file keeps it whole).
    copied = sheets.map((sheet) => {
      const fitted = fitGridTexts(rawSheetToGrid(sheet));
      if (fitted.cut.length) {
        cutWarnings.push({
          kind: 'longText',
          sheet: sheet.name,
          rows: fitted.cut.map((cell) => cell.row + 1),
          message: `${fitted.cut.length} 个单元格的文字超过 Excel 每格 ${maxCellText} 字的上限，复制到新工作簿时截短了，末尾为"…"。`,
          action: '原文件中的文字是完整的；统计不受影响，只是复制的原始表中这些格不完整。',
        });
      }
      return fitted.grid;
    });
  }
  const output = isZip(bytes) ? writeWorkbook(bytes, result.sheetsToWrite) : writeWorkbook(null, [...copied, ...result.sheetsToWrite]);
  const written = now();
  if (isZip(bytes) && hasMacros(bytes)) {
    cutWarnings.push({
      kind: 'macrosDropped',
      sheet: '',
      rows: [],
      message: `"${fileName}"含有宏（.xlsm）；生成的 .xlsx 工作簿不能带宏，所以新文件里没有这些宏，其他内容都在。`,
      action: '原文件中的宏没有改动；如需要宏，请继续使用原文件，把生成的表复制过去。',
    });
  }
  const withCuts = cutWarnings.length ? { ...result, warnings: [...result.warnings, ...cutWarnings] } : result;
  return { bytes: output, result: withCuts, sheets, timings: { readMs: read - started, buildMs: built - read, writeMs: written - built } };
}

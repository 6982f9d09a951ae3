/**
 * Writes one SheetGrid as a worksheet part (xl/worksheets/sheetN.xml).
 *
 * Guarantees: elements in the order CT_Worksheet requires; text as inline strings (so no shared
 * string table has to be patched or garbage-collected), numbers as numbers, null as no cell; cells
 * hidden under a merge take the style of the merge's top-left cell when the grid leaves them empty,
 * so borders run round the whole merged block; overlapping merges and out-of-range cells are
 * rejected with an Error rather than written into a file Excel would "repair".
 */
import type { GridCell, SheetGrid } from '../../core/model/grid.ts';
import { escapeXml } from './ooxml.ts';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_CELL_TEXT = 32_767;
const MAX_ROW_HEIGHT_POINTS = 409;

/** Column letters already spelled, by index (a sheet's cells ask for the same few columns again and again). */
const columnNames: string[] = [];

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnName(col: number): string {
  const known = columnNames[col];
  if (known !== undefined) return known;
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  if (col < MAX_COLS) columnNames[col] = name;
  return name;
}

/** A1-style reference of a 0-based cell, optionally absolute ($A$1). */
export function cellRef(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnName(col)}$${row + 1}` : `${columnName(col)}${row + 1}`;
}

/** Anything in a text that escapeCellText changes: markup characters, control characters, `_x`, surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point here
const needsEscape = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x/;

/**
 * Escapes text for a cell's `<t>`: XML 1.0 cannot hold most control characters, so OOXML spells
 * them `_xHHHH_`; a literal `_xHHHH_` in the text must then be escaped itself (as `_x005F_xHHHH_`)
 * or Excel would decode it. Lone surrogates become U+FFFD.
 */
export function escapeCellText(text: string): string {
  // Most texts need nothing: one test instead of four passes.
  if (!needsEscape.test(text)) return text;
  const spelled = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    // eslint-disable-next-line no-control-regex -- finding control characters is the point here
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return escapeXml(spelled);
}

/** Checks merges against each other and the sheet's limits; throws on overlap. */
export function checkMerges(grid: SheetGrid): void {
  const taken = new Map<number, number>();
  grid.merges.forEach((merge, index) => {
    if (merge.row < 0 || merge.col < 0 || merge.lastRow < merge.row || merge.lastCol < merge.col || merge.lastRow >= MAX_ROWS || merge.lastCol >= MAX_COLS) {
      throw new Error(`Sheet "${grid.name}": merge ${index + 1} (${JSON.stringify(merge)}) is not a valid range.`);
    }
    for (let r = merge.row; r <= merge.lastRow; r++) {
      for (let c = merge.col; c <= merge.lastCol; c++) {
        const key = r * MAX_COLS + c;
        const other = taken.get(key);
        if (other !== undefined) {
          throw new Error(`Sheet "${grid.name}": merges ${other + 1} and ${index + 1} overlap at ${cellRef(r, c)}.`);
        }
        taken.set(key, index);
      }
    }
  });
}

/**
 * UTF-8 bytes written a piece at a time into one growing buffer: a 200,000-row sheet is 300 MB of XML,
 * which as one JavaScript string (and its pieces, and its encoding) would cost three times that.
 */
class Utf8Sink {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  private readonly encoder = new TextEncoder();

  write(text: string): void {
    // At most 3 bytes per UTF-16 code unit.
    const need = this.length + text.length * 3;
    if (need > this.buffer.length) {
      const grown = new Uint8Array(Math.max(need, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += this.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Rows are handed to the sink in pieces of about this many characters. */
const pieceChars = 1 << 16;

/** The worksheet part of a grid as UTF-8 bytes; `xfIndex` gives each cell's style, `drawingRelId` links its charts. */
export function worksheetPart(grid: SheetGrid, xfIndex: (cell: GridCell) => number, drawingRelId?: string): Uint8Array {
  checkMerges(grid);
  const merges = grid.merges.filter((m) => m.lastRow > m.row || m.lastCol > m.col);
  // Cells covered by a merge (except its top-left) → the cell whose style they borrow.
  const coveredBy = new Map<number, GridCell>();
  for (const merge of merges) {
    const topLeft = grid.cells[merge.row]?.[merge.col];
    if (topLeft === null || topLeft === undefined) continue;
    for (let r = merge.row; r <= merge.lastRow; r++) {
      for (let c = merge.col; c <= merge.lastCol; c++) {
        if (r !== merge.row || c !== merge.col) coveredBy.set(r * MAX_COLS + c, topLeft);
      }
    }
  }
  let lastRow = grid.cells.length - 1;
  let lastCol = -1;
  for (const row of grid.cells) lastCol = Math.max(lastCol, row.length - 1);
  for (const merge of merges) {
    lastRow = Math.max(lastRow, merge.lastRow);
    lastCol = Math.max(lastCol, merge.lastCol);
  }
  if (lastRow >= MAX_ROWS || lastCol >= MAX_COLS) {
    throw new Error(`Sheet "${grid.name}" has ${lastRow + 1} rows and ${lastCol + 1} columns; Excel allows ${MAX_ROWS} and ${MAX_COLS}.`);
  }

  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  if (grid.print?.fitToWidth === true) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push(`<dimension ref="${lastRow < 0 || lastCol < 0 ? 'A1' : `A1:${cellRef(lastRow, lastCol)}`}"/>`);
  parts.push(`<sheetViews><sheetView workbookViewId="0">${paneXml(grid)}</sheetView></sheetViews>`);
  // 14.25pt is the default row height of 等线 11pt, as Chinese Excel writes it.
  parts.push('<sheetFormatPr defaultRowHeight="14.25"/>');
  const cols = colsXml(grid.colWidths);
  if (cols !== '') parts.push(cols);
  const sink = new Utf8Sink();
  sink.write(parts.join(''));
  parts.length = 0;
  // The rows, a piece of about 64 K characters at a time.
  let piece = '';
  let wroteRow = false;
  for (let r = 0; r <= lastRow; r++) {
    const row = grid.cells[r] ?? [];
    let cellsXml = '';
    const width = Math.max(row.length - 1, lastCol);
    const rowNumber = String(r + 1);
    for (let c = 0; c <= width; c++) {
      const own = row[c] ?? null;
      const styled = own ?? (coveredBy.size ? coveredBy.get(r * MAX_COLS + c) : undefined) ?? null;
      if (styled === null) continue;
      cellsXml += cellXml(grid.name, rowNumber, c, own?.value ?? null, xfIndex(styled));
    }
    const height = grid.rowHeights?.[r];
    // Excel's rows are at most 409 points tall; a taller ht makes it repair the file.
    const heightXml = typeof height === 'number' && height > 0 ? ` ht="${Math.min(height, MAX_ROW_HEIGHT_POINTS)}" customHeight="1"` : '';
    if (cellsXml === '' && !heightXml) continue;
    if (!wroteRow) piece = '<sheetData>';
    wroteRow = true;
    piece += `<row r="${rowNumber}"${heightXml}>${cellsXml}</row>`;
    if (piece.length > pieceChars) {
      sink.write(piece);
      piece = '';
    }
  }
  sink.write(wroteRow ? `${piece}</sheetData>` : '<sheetData/>');
  if (merges.length > 0) {
    const refs = merges.map((m) => `<mergeCell ref="${cellRef(m.row, m.col)}:${cellRef(m.lastRow, m.lastCol)}"/>`);
    parts.push(`<mergeCells count="${merges.length}">${refs.join('')}</mergeCells>`);
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (grid.print !== undefined) {
    const orientation = grid.print.landscape ? 'landscape' : 'portrait';
    // fitToHeight="0" means "as many pages tall as needed"; it only applies with fitToPage in sheetPr.
    const fit = grid.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
    parts.push(`<pageSetup paperSize="9" orientation="${orientation}"${fit}/>`);
  }
  if (drawingRelId !== undefined) parts.push(`<drawing r:id="${drawingRelId}"/>`);
  parts.push('</worksheet>');
  sink.write(parts.join(''));
  return sink.bytes();
}

function cellXml(sheetName: string, rowNumber: string, col: number, value: GridCell['value'], style: number): string {
  const s = style !== 0 ? ` s="${style}"` : '';
  const ref = columnName(col) + rowNumber;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // String(-0) is "0"; exponent forms like 1e+21 are valid xsd:double.
    return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  }
  if (typeof value === 'string' && value !== '') {
    if (value.length > MAX_CELL_TEXT) {
      throw new Error(`Sheet "${sheetName}" cell ${ref} holds ${value.length} characters; Excel allows ${MAX_CELL_TEXT}.`);
    }
    // xml:space="preserve" keeps leading/trailing blanks and line breaks that Excel would trim.
    const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeCellText(value)}</t></is></c>`;
  }
  return s === '' ? '' : `<c r="${ref}"${s}/>`;
}

function paneXml(grid: SheetGrid): string {
  const rows = Math.max(0, Math.floor(grid.freeze?.rows ?? 0));
  const cols = Math.max(0, Math.floor(grid.freeze?.cols ?? 0));
  if (rows === 0 && cols === 0) return '';
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const topLeft = cellRef(rows, cols);
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

function colsXml(widths: readonly number[]): string {
  const cols: string[] = [];
  widths.forEach((width, index) => {
    if (!Number.isFinite(width) || width <= 0) return;
    const w = Math.min(width, 255);
    cols.push(`<col min="${index + 1}" max="${index + 1}" width="${w}" customWidth="1"/>`);
  });
  return cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '';
}

/**
 * Reading 12345 sheets: work orders, the optional returns sheet (one row per return) and the optional
 * flags sheet (ids grouped by hand as one repeat problem). The caller's name and phone columns are
 * never read into records; caller names are only collected to mask them inside free text.
 */
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import type { OrderRecord } from '../model/order-record.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { cellToText, normalizeName } from '../text/normalize.ts';
import { readCount, readYesNo } from '../text/yes-no.ts';
import { sheetTimeReader, type WallTime } from '../time/wall-time.ts';
import { isLostPrecisionId, lostPrecisionWarning } from './id-checks.ts';
import type { SheetLayout } from './detect-header.ts';
import { createUnitResolver } from './resolve-unit.ts';
import { collectRowPersonal, forEachDataRow, personalColumns } from './read-cases.ts';

/** What reading a 12345 sheet found besides its orders: the row accounting's parts and the warnings. */
export interface OrderSheetSummary {
  readonly sheet: string;
  readonly layout: SheetLayout;
  readonly rowsRead: number;
  readonly blankRows: number;
  readonly totalsRows: number;
  readonly badRows: number;
  /** Rows of 工单性质 协办, not counted (each listed under a warning). */
  readonly notCountedRows: number;
  /** Warnings about the rows; `warningsAfter` are listed after the repeated ids (rounded ids, 协办 rows). */
  readonly warnings: readonly BuildWarning[];
  readonly warningsAfter: readonly BuildWarning[];
  /** Caller names and numbers seen in the caller and phone columns: used only to mask them in free text. */
  readonly callerNames: ReadonlySet<string>;
}

/** Reads the rows of one 12345 sheet into orders, a batch at a time (see `CaseRowReader`). */
export interface OrderRowReader {
  readRows(rows: readonly (readonly CellValue[] | undefined)[], firstRow: number, from: number, onRecord: (order: OrderRecord, key: string) => void): void;
  finish(): OrderSheetSummary;
}

const categoryLevelFields = ['category', 'category2', 'category3', 'category4', 'category5'] as const;

/** Whether a 工单性质 cell says the row is another unit's order this unit only assists with (协办). */
export function isAssisting(role: string): boolean {
  return /协办/.test(role) && !/主办/.test(role);
}

/** A reader of a hotline sheet's orders (layout of kind `hotline`, no missing required column). */
export function createOrderRowReader(sheetName: string, layout: SheetLayout, settings: Settings, options: { readonly date1904?: boolean; readonly collectPersonal?: boolean } = {}): OrderRowReader {
  const parseTime = sheetTimeReader(options);
  const col = (field: string) => layout.columns[field] ?? -1;
  const text = (row: readonly CellValue[], index: number) => (index >= 0 ? cellToText(row[index]) : '');
  const resolveUnit = createUnitResolver(settings);
  const doneWords = new Set(settings.hotlineDoneWords.map((word) => normalizeName(word)));
  const [idCol, receivedCol, unitCol, contentCol, addressCol, statusCol] = ['orderId', 'receivedAt', 'unit', 'content', 'address', 'status'].map(col);
  const [deadlineCol, finishedCol, overdueCol, returnCol, typeCol, repeatCol] = ['deadline', 'finishedAt', 'overdueFlag', 'returnCount', 'orderType', 'repeatOf'].map(col);
  // Not gathered again when the caller has them already (see CaseRowReaderOptions.collectPersonal).
  const personalCols = options.collectPersonal === false ? [] : personalColumns(layout);
  const levelCols = categoryLevelFields.map(col).filter((index) => index >= 0);
  const roleCol = col('orderRole');
  // Without an address column, the place is put together from the 区/街乡镇/社区/小区点位 columns.
  const placeCols = addressCol >= 0 ? [] : ['district', 'street', 'community', 'point'].map(col).filter((index) => index >= 0);
  const assistingRows: number[] = [];
  const callerNames = new Set<string>();
  const badTimes = new Map<string, number[]>();
  const missingRows: number[] = [];
  let badRows = 0;
  let blankRows = 0;
  let totalsRows = 0;
  let rowsRead = 0;
  const lostPrecisionRows: number[] = [];
  let lostPrecisionSample = '';
  const noteBad = (label: string, rowNumber: number) => {
    const rows = badTimes.get(label) ?? [];
    rows.push(rowNumber);
    badTimes.set(label, rows);
  };
  const readRow = (row: readonly CellValue[], rowNumber: number, onRecord: (order: OrderRecord, key: string) => void): void => {
    const orderId = text(row, idCol);
    const receivedAt = parseTime(row[receivedCol]);
    if (orderId === '' || receivedAt === null || receivedAt === undefined) {
      badRows++;
      if (orderId === '') missingRows.push(rowNumber);
      else noteBad(layout.headers[receivedCol] ?? '受理时间', rowNumber);
      return;
    }
    const time = (index2: number): WallTime | null => {
      if (index2 < 0) return null;
      const parsed = parseTime(row[index2]);
      if (parsed === undefined) {
        noteBad(layout.headers[index2], rowNumber);
        return null;
      }
      return parsed;
    };
    // Names of any length (欧阳娜娜娜, 买买提·艾力) and the caller's numbers: only ever used to mask free text.
    collectRowPersonal(callerNames, row, personalCols);
    // 工单性质 协办: another unit leads this order (its 主办 row counts it); this row is not counted.
    if (roleCol >= 0 && isAssisting(text(row, roleCol))) {
      assistingRows.push(rowNumber);
      return;
    }
    const levels = levelCols.map((index2) => text(row, index2)).filter((level) => level !== '');
    const path = levels.join('/');
    const leafParts = path.split(/[/>＞→\\-]/).filter((part) => part.trim() !== '');
    const status = text(row, statusCol);
    const record: OrderRecord = {
      sheet: sheetName,
      row: rowNumber,
      orderId,
      receivedAt,
      unitText: text(row, unitCol),
      unit: resolveUnit(text(row, unitCol)),
      categoryPath: path,
      categoryLeaf: leafParts[leafParts.length - 1] ?? '',
      content: text(row, contentCol),
      address: addressCol >= 0 ? text(row, addressCol) : placeCols.map((index2) => text(row, index2)).join(''),
      status,
      done: doneWords.has(normalizeName(status)),
      deadline: time(deadlineCol),
      finishedAt: time(finishedCol),
      overdue: overdueCol >= 0 ? readYesNo(row[overdueCol], 'overdue') : null,
      returnCount: returnCol >= 0 ? readCount(row[returnCol], 'returned') : 0,
      orderType: text(row, typeCol),
      repeatOf: text(row, repeatCol),
    };
    if (isLostPrecisionId(row[idCol], orderId)) {
      if (lostPrecisionRows.length === 0) lostPrecisionSample = orderId;
      lostPrecisionRows.push(rowNumber);
      onRecord(record, `${orderId}\u0000${rowNumber}`);
      return;
    }
    onRecord(record, orderId);
  };
  return {
    readRows(rows, firstRow, from, onRecord) {
      const counted = forEachDataRow(rows, firstRow, from, (row, rowNumber) => readRow(row, rowNumber, onRecord));
      rowsRead += counted.rows;
      blankRows += counted.blankRows;
      totalsRows += counted.totalsRows;
    },
    finish() {
      const warnings: BuildWarning[] = [];
      if (missingRows.length) {
        warnings.push({ kind: 'missingId', sheet: sheetName, rows: missingRows, column: layout.headers[idCol], message: `${missingRows.length} 行没有工单编号，未计入统计。`, action: '补上工单编号，或确认它们不是工单行。' });
      }
      for (const [label, rows] of badTimes) {
        const counted = label !== layout.headers[receivedCol];
        warnings.push({
          kind: 'badTime',
          sheet: sheetName,
          rows,
          column: label,
          message: `${rows.length} 行的"${label}"为空或不是可识别的时间${counted ? '，按未填写处理' : '，无法归入统计期，未计入统计'}。`,
          action: '把时间改成 2021-09-03 10:22 这样的格式后重新生成。',
        });
      }
      const warningsAfter: BuildWarning[] = [];
      if (lostPrecisionRows.length) warningsAfter.push(lostPrecisionWarning(sheetName, layout.headers[idCol], lostPrecisionRows, lostPrecisionSample, '工单'));
      if (assistingRows.length) {
        warningsAfter.push({
          kind: 'notCounted',
          sheet: sheetName,
          rows: assistingRows,
          column: layout.headers[roleCol],
          message: `${assistingRows.length} 行的工单性质是"协办"：这些工单由别的单位主办（在主办单位那里计数），不计入本表的受理数和各项统计。`,
          action: '无需处理；主办、转办的工单都计入受理数。',
        });
      }
      return { sheet: sheetName, layout, rowsRead, blankRows, totalsRows, badRows, notCountedRows: assistingRows.length, warnings, warningsAfter, callerNames };
    },
  };
}

/** Ids of returned orders, from a returns sheet (one row per return), and the rows that name no order. */
export function readReturnSheet(sheet: RawSheet, layout: SheetLayout): { returnedIds: Map<string, number>; warnings: BuildWarning[] } {
  const idCol = layout.columns.orderId;
  const returnedIds = new Map<string, number>();
  for (let index = layout.headerIndex + 1; index < sheet.rows.length; index++) {
    const id = cellToText(sheet.rows[index]?.[idCol]);
    if (id === '' || /^(合计|总计)/.test(id)) continue;
    returnedIds.set(id, (returnedIds.get(id) ?? 0) + 1);
  }
  return { returnedIds, warnings: [] };
}

/** Groups set by hand in a flags sheet: rows flagged 热难点 with the same group label form one group. */
export function readFlagSheet(sheet: RawSheet, layout: SheetLayout): { groups: Map<string, string[]> } {
  const groups = new Map<string, string[]>();
  const [idCol, flagCol, groupCol] = [layout.columns.id, layout.columns.flag, layout.columns.group ?? -1];
  for (let index = layout.headerIndex + 1; index < sheet.rows.length; index++) {
    const row = sheet.rows[index] ?? [];
    const id = cellToText(row[idCol]);
    const flag = cellToText(row[flagCol]);
    if (!id || !/热难点/.test(flag)) continue;
    const group = groupCol >= 0 ? cellToText(row[groupCol]) : '';
    const key = group || flag;
    const members = groups.get(key);
    if (members) members.push(id);
    else groups.set(key, [id]);
  }
  return { groups };
}

/**
 * Reading a cases sheet into CaseRecords. Every row after the header ends up somewhere: a record, a
 * blank row, a totals row (合计/总计), or a bad row listed under a warning (no id, no readable report
 * time). A repeated id keeps the later row (an export lists a case again after it changed), warned.
 */
import type { CaseRecord } from '../model/case-record.ts';
import type { CellValue } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import type { Settings } from '../settings/settings.ts';
import { cellToText, normalizeHeader, normalizeName, normalizeText } from '../text/normalize.ts';
import { containsPhoneNumber } from '../text/mask.ts';
import { findStandardSubType, standardMainTypes } from '../vocabulary/standard-categories.ts';
import { readCount, readYesNo } from '../text/yes-no.ts';
import { sheetTimeReader, type WallTime } from '../time/wall-time.ts';
import { isInPeriod, type Period } from '../time/period.ts';
import { caseFields, hotlineFields } from './columns.ts';
import { isLostPrecisionId, lostPrecisionWarning } from './id-checks.ts';
import type { SheetLayout } from './detect-header.ts';
import { createUnitResolver, joinUnitLevels } from './resolve-unit.ts';
import { createSourceResolver, createStageResolver } from './resolve-stage.ts';

/** How the rows of a sheet were used; the parts add up to `rowsAfterHeader`. */
export interface RowAccounting {
  readonly sheet: string;
  readonly headerRow: number;
  readonly rowsAfterHeader: number;
  readonly records: number;
  readonly blankRows: number;
  readonly totalsRows: number;
  /** Rows not counted: no id, or no readable report time. */
  readonly badRows: number;
  /** Earlier rows of a repeated id, replaced by the later row. */
  readonly replacedRows: number;
  /** Rows read but not counted by rule (a 12345 row of 工单性质 协办), each listed under a warning. */
  readonly notCountedRows?: number;
}


/** Words a personal column holds when it names nobody: masking them would only blank ordinary words. */
const namesNobody = new Set(['匿名', '无', '不详', '未知', '市民', '群众', '先生', '女士', '来电人', '未提供', '保密', '不愿透露']);

/** Whether masking needs to be told about this value: not a word that names nobody, not a phone number the masking finds by itself. */
function worthMasking(value: string): boolean {
  return value.length >= 2 && value.length <= 40 && !namesNobody.has(value) && !containsPhoneNumber(value);
}

/**
 * A name or number from a personal column, to mask in free text: `maskPersonalInfo` finds phone
 * numbers by their shape, so only what it cannot find is kept (names, accounts, odd numbers); each
 * kept value costs every masked text a search.
 */
export function collectPersonal(into: Set<string>, text: string): void {
  const value = text.trim();
  if (into.size >= 100_000 || value === '') return;
  if (worthMasking(value)) into.add(value);
  // A cell may hold two numbers or a name and a number: mask each part too.
  if (/[\s,，、;；/]/.test(value)) for (const part of value.split(/[\s,，、;；/]+/)) if (part !== value && worthMasking(part)) into.add(part);
}

/**
 * The columns of a cases or 12345 sheet that hold citizens' (or staff's) names and numbers (诉求联系人,
 * 来电号码, 监督员 …): never copied into a record, only collected to mask them in free text.
 */
export function personalColumns(layout: SheetLayout): number[] {
  const fields = layout.kind === 'cases' ? caseFields : layout.kind === 'hotline' ? hotlineFields : [];
  return fields.filter((spec) => spec.personal).map((spec) => layout.columns[spec.field] ?? -1).filter((index) => index >= 0);
}

/** Collects the names and numbers of one row's personal columns (`personalColumns`). */
export function collectRowPersonal(into: Set<string>, row: readonly CellValue[], columns: readonly number[]): void {
  for (const index of columns) {
    const value = row[index];
    if (value !== null && value !== undefined && value !== '') collectPersonal(into, cellToText(value));
  }
}

const totalsWords = new Set(['合计', '总计', '小计', '总数', '合计:', '总计:']);
const timeFields = ['acceptedAt', 'filedAt', 'dispatchedAt', 'deadline', 'disposedAt', 'closedAt'] as const;

function labelOf(field: string): string {
  return caseFields.find((spec) => spec.field === field)?.label ?? field;
}

/** A row with no value in any cell. */
export function isBlankRow(row: readonly CellValue[]): boolean {
  for (const cell of row) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

/** Whether a short text has 计 or 数 (one pass over its characters). */
function hasTotalsCharacter(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x8ba1 || code === 0x6570) return true;
  }
  return false;
}

/** A 合计/总计/小计 row after the data (one of the first four cells says so): not a record. */
export function isTotalsRow(row: readonly CellValue[]): boolean {
  for (let col = 0; col < Math.min(row.length, 4); col++) {
    const cell = row[col];
    // Cheap test first: every totals word has 计 or 数, and most cells have neither.
    if (typeof cell === 'string' && cell.length < 12 && hasTotalsCharacter(cell) && totalsWords.has(normalizeText(cell))) return true;
  }
  return false;
}

/** Memoises a reader of short repeated cell texts (yes/no, counts): exports repeat a handful of values. */
function memoByValue<T>(read: (value: CellValue) => T): (value: CellValue) => T {
  const cache = new Map<CellValue, T>();
  return (value) => {
    if (value instanceof Date) return read(value);
    let result = cache.get(value);
    if (result === undefined && !cache.has(value)) {
      result = read(value);
      if (cache.size < 1000) cache.set(value, result);
    }
    return result as T;
  };
}

/**
 * Visits the data rows of a batch of a sheet's rows (`rows[i]` is sheet row `firstRow + i`, from index
 * `from`, past the header in the first batch): blank rows and totals rows (合计/总计) are counted, not
 * visited. The row accounting of every reader starts here.
 */
export function forEachDataRow(
  rows: readonly (readonly CellValue[] | undefined)[],
  firstRow: number,
  from: number,
  visit: (row: readonly CellValue[], rowNumber: number) => void,
): { rows: number; blankRows: number; totalsRows: number } {
  let blankRows = 0;
  let totalsRows = 0;
  for (let index = from; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (isBlankRow(row)) blankRows++;
    else if (isTotalsRow(row)) totalsRows++;
    else visit(row, firstRow + index);
  }
  return { rows: Math.max(0, rows.length - from), blankRows, totalsRows };
}

/**
 * 捆绑处置截止时间 is preferred, but exports leave it blank for cases that were never bundled; there
 * the row's 处置截止时间 (or another deadline column) is the deadline. Returns that second column, or -1.
 */
function findFallbackDeadlineColumn(layout: SheetLayout): number {
  const chosen = layout.columns.deadline;
  if (chosen === undefined) return -1;
  const synonyms = (caseFields.find((spec) => spec.field === 'deadline')?.synonyms ?? []).map((synonym) => normalizeHeader(synonym));
  const taken = new Set(Object.values(layout.columns));
  for (const synonym of synonyms) {
    const col = layout.headers.findIndex((header, index) => !taken.has(index) && normalizeHeader(header) === synonym);
    if (col >= 0) return col;
  }
  return -1;
}

/**
 * The problem type (事件/部件 …) of a case: its 问题类型 cell, else the type the settings give its 大类,
 * else the standard's: the type of its 小类, or of its 大类 when that name belongs to one kind only.
 */
function createKindResolver(settings: Settings): (kindText: string, mainType: string, subType: string) => string {
  const byMainType = new Map(settings.mainTypes.filter((entry) => entry.kind !== '').map((entry) => [normalizeName(entry.name), entry.kind]));
  const cache = new Map<string, string>();
  return (kindText, mainType, subType) => {
    if (kindText !== '') return kindText;
    if (mainType === '' && subType === '') return '';
    const key = `${mainType}\u0000${subType}`;
    let kind = cache.get(key);
    if (kind === undefined) {
      kind = byMainType.get(normalizeName(mainType)) ?? findStandardSubType(subType)?.kind ?? standardKindOfMainType(mainType) ?? '';
      if (cache.size < 10_000) cache.set(key, kind);
    }
    return kind;
  };
}

/** The kind of a standard 大类 name that only one kind has (街面秩序 → 事件; 市容环境 is both). */
function standardKindOfMainType(name: string): string | null {
  const key = normalizeName(name).replace(/类$/, '');
  const kinds = new Set(standardMainTypes.filter((main) => main.name === key).map((main) => main.kind));
  return kinds.size === 1 ? [...kinds][0] : null;
}

/** What reading a cases sheet found besides its records: the row accounting's parts and the warnings. */
export interface CaseSheetSummary {
  readonly sheet: string;
  readonly layout: SheetLayout;
  /** Rows read below the header (blank and totals rows included). */
  readonly rowsRead: number;
  readonly blankRows: number;
  readonly totalsRows: number;
  /** Rows not counted: no id, or no readable report time. */
  readonly badRows: number;
  /** The warnings about the rows (missing ids, unreadable times, unknown stages), and about ids Excel rounded (`after`: listed after the repeated ids). */
  readonly warnings: readonly BuildWarning[];
  readonly warningsAfter: readonly BuildWarning[];
  /** Whether the sheet has a deadline column at all (without one the 按期 columns stay empty). */
  readonly hasDeadlineColumn: boolean;
  /** Names and numbers in the personal columns (诉求联系人, 来电号码 …): used only to mask them in free text. */
  readonly personalNames: ReadonlySet<string>;
}

/**
 * Reads the rows of one cases sheet into records, a batch of rows at a time (a sheet held in memory is
 * one batch; a CSV file of a year comes in many): every row below the header becomes a record, or
 * is a blank or totals row, or a bad row listed under a warning. Each record goes to `onRecord` with the
 * key its id counts by (an id Excel rounded counts each row on its own); repeated ids are the caller's
 * (`assemble/id-ledger.ts`).
 */
export interface CaseRowReader {
  /** Reads `rows` (`rows[i]` is sheet row `firstRow + i`), from index `from` (past the header in the first batch). */
  readRows(rows: readonly (readonly CellValue[] | undefined)[], firstRow: number, from: number, onRecord: (record: CaseRecord, key: string) => void): void;
  /** What the rows read so far came to. */
  finish(): CaseSheetSummary;
}

/** A reader of the records of a cases sheet whose layout `detectSheetLayout` found (kind `cases`, no missing column). */
export interface CaseRowReaderOptions {
  readonly date1904?: boolean;
  /**
   * The period, when it is known before the rows are read: a case reported outside it is read only as
   * far as the build needs it (its id, stage, source, times and personal columns: for the ids, the
   * as-of time, the warnings); its place, unit and types, which only the period's tables use, are left
   * empty. Without a period every case is read whole.
   */
  readonly period?: Period;
  /**
   * true: the caller counts each record as it comes and keeps none (PeriodStream), so a case of
   * another period is handed over in one object that the next such row fills again.
   */
  readonly transient?: boolean;
  /**
   * false: the caller has the names and numbers of the personal columns already (`collectPersonalNames`
   * over the whole sheet held in memory), so the reader does not gather them again.
   */
  readonly collectPersonal?: boolean;
}

/**
 * The names and numbers in the personal columns (诉求联系人, 来电号码, 监督员 …) of a cases or 12345 sheet
 * held whole, gathered before its rows are read, so that the focus topics' places are found from texts
 * masked with every name from the first case on. Every data row's (a bad row's too: masking more is safe).
 */
export function collectPersonalNames(rows: readonly (readonly CellValue[] | undefined)[], layout: SheetLayout, into: Set<string>): void {
  const columns = personalColumns(layout);
  if (columns.length > 0) forEachDataRow(rows, 1, layout.headerIndex + 1, (row) => collectRowPersonal(into, row, columns));
}

export function createCaseRowReader(sheetName: string, layout: SheetLayout, settings: Settings, options: CaseRowReaderOptions = {}): CaseRowReader {
  const parseTime = sheetTimeReader(options);
  const period = options.period;
  const columns = layout.columns;
  const col = (field: string): number => columns[field] ?? -1;
  const at = (row: readonly CellValue[], index: number): CellValue => (index >= 0 ? row[index] : null);
  const text = (row: readonly CellValue[], index: number): string => (index >= 0 ? cellToText(row[index]) : '');
  const resolveUnit = createUnitResolver(settings);
  const resolveStage = createStageResolver(settings);
  const resolveSource = createSourceResolver(settings);
  const sourceCache = new Map<string, ReturnType<typeof resolveSource>>();
  const stageCache = new Map<string, ReturnType<typeof resolveStage>>();

  const idCol = col('caseId');
  const reportedCol = col('reportedAt');
  const [acceptedCol, filedCol, dispatchedCol, deadlineCol, disposedCol, closedCol] = timeFields.map((field) => col(field));
  const fallbackDeadlineCol = findFallbackDeadlineColumn(layout);
  const [sourceCol, stageCol, unitCol, unitLevel1Col, unitLevel2Col] = [col('source'), col('stage'), col('unit'), col('unitLevel1'), col('unitLevel2')];
  const [kindCol, mainCol, subCol, descCol, addrCol] = [col('kind'), col('mainType'), col('subType'), col('description'), col('address')];
  const [districtCol, streetCol, communityCol, pointCol] = [col('district'), col('street'), col('community'), col('pointType')];
  const [overdueCol, onTimeCol, selfCol, reworkCol, postponeCol] = [col('overdueFlag'), col('onTimeFlag'), col('selfDisposed'), col('reworkCount'), col('postponeCount')];

  const readOverdue = memoByValue((value) => readYesNo(value, 'overdue'));
  const readOnTime = memoByValue((value) => readYesNo(value, 'onTime'));
  const readRework = memoByValue((value) => readCount(value, 'rework'));
  const readPostpone = memoByValue((value) => readCount(value, 'postpone'));
  const readSelfDisposed = memoByValue((value) => readYesNo(value, 'selfDisposed') === true);
  const kindOf = createKindResolver(settings);
  const personalCols = options.collectPersonal === false ? [] : personalColumns(layout);
  const personalNames = new Set<string>();
  const unknownStages = new Map<string, number[]>();
  let badRows = 0;
  let blankRows = 0;
  let totalsRows = 0;
  let rowsRead = 0;
  const lostPrecisionRows: number[] = [];
  let lostPrecisionSample = '';
  const badTimeByColumn = new Map<string, { rows: number[]; samples: string[] }>();
  const noteBadTime = (field: string, rowNumber: number, value: CellValue) => {
    const label = labelOf(field);
    const entry = badTimeByColumn.get(label) ?? { rows: [], samples: [] };
    entry.rows.push(rowNumber);
    if (entry.samples.length < 3) entry.samples.push(`第${rowNumber}行"${cellToText(value)}"`);
    badTimeByColumn.set(label, entry);
  };
  const missingIdRows: number[] = [];
  function readTime(row: readonly CellValue[], rowNumber: number, field: (typeof timeFields)[number], index: number): WallTime | null {
    if (index < 0) return null;
    const raw = row[index];
    const parsed = parseTime(raw);
    if (parsed !== undefined) return parsed;
    noteBadTime(field, rowNumber, raw);
    return null;
  }
  const missingReportRows: number[] = [];

  function readRow(row: readonly CellValue[], rowNumber: number, onRecord: (record: CaseRecord, key: string) => void): void {
    const caseId = text(row, idCol);
    if (caseId === '') {
      badRows++;
      missingIdRows.push(rowNumber);
      return;
    }
    const reportedRaw = at(row, reportedCol);
    const reportedAt = parseTime(reportedRaw);
    if (reportedAt === null || reportedAt === undefined) {
      badRows++;
      if (reportedAt === null) missingReportRows.push(rowNumber);
      else noteBadTime('reportedAt', rowNumber, reportedRaw);
      return;
    }
    const sourceText = text(row, sourceCol);
    let source = sourceCache.get(sourceText);
    if (!source) {
      source = resolveSource(sourceText);
      sourceCache.set(sourceText, source);
    }
    const stageText = text(row, stageCol);
    let stage = stageCache.get(stageText);
    if (stage === undefined) {
      stage = resolveStage(stageText);
      stageCache.set(stageText, stage);
    }
    if (stage === null) {
      const stageRows = unknownStages.get(stageText);
      if (stageRows) stageRows.push(rowNumber);
      else unknownStages.set(stageText, [rowNumber]);
    }
    collectRowPersonal(personalNames, row, personalCols);
    const record = period !== undefined && !isInPeriod(reportedAt, period) ? outsideRecord(row, rowNumber, caseId, source, reportedAt, stageText, stage) : wholeRecord(row, rowNumber, caseId, source, reportedAt, stageText, stage);
    // An id Excel has rounded says nothing about which rows are one case: each row counts on its own.
    if (isLostPrecisionId(row[idCol], caseId)) {
      if (lostPrecisionRows.length === 0) lostPrecisionSample = caseId;
      lostPrecisionRows.push(rowNumber);
      onRecord(record, `${caseId}\u0000${rowNumber}`);
      return;
    }
    onRecord(record, caseId);
  }

  type Source = ReturnType<typeof resolveSource>;
  type Stage = ReturnType<typeof resolveStage>;
  type Fillable = { -readonly [K in keyof CaseRecord]: CaseRecord[K] };

  /** A record with every field at its empty value: one object shape for the cases of every period. */
  function emptyRecord(): Fillable {
    return {
      sheet: sheetName,
      row: 0,
      caseId: '',
      source: '',
      sourceKnown: false,
      reportedAt: 0,
      stageText: '',
      stage: null,
      unitText: '',
      unit: null,
      kind: '',
      mainType: '',
      subType: '',
      description: '',
      address: '',
      district: '',
      street: '',
      community: '',
      pointType: '',
      acceptedAt: null,
      filedAt: null,
      dispatchedAt: null,
      deadline: null,
      disposedAt: null,
      closedAt: null,
      overdue: null,
      selfDisposed: false,
      reworkCount: 0,
      postponeCount: 0,
    };
  }

  /** Fills in the fields every case has: all a case of another period needs (for the ids, the as-of time, the warnings). */
  function fillCommon(record: Fillable, row: readonly CellValue[], rowNumber: number, caseId: string, source: Source, reportedAt: WallTime, stageText: string, stage: Stage): void {
    record.row = rowNumber;
    record.caseId = caseId;
    record.source = source.name;
    record.sourceKnown = source.known;
    record.reportedAt = reportedAt;
    record.stageText = stageText;
    record.stage = stage;
    record.acceptedAt = readTime(row, rowNumber, 'acceptedAt', acceptedCol);
    record.filedAt = readTime(row, rowNumber, 'filedAt', filedCol);
    record.dispatchedAt = readTime(row, rowNumber, 'dispatchedAt', dispatchedCol);
    // Read for every case, so that an unreadable deadline is warned about whichever period is built.
    record.deadline = readTime(row, rowNumber, 'deadline', deadlineCol) ?? readTime(row, rowNumber, 'deadline', fallbackDeadlineCol);
    record.disposedAt = readTime(row, rowNumber, 'disposedAt', disposedCol);
    record.closedAt = readTime(row, rowNumber, 'closedAt', closedCol);
    record.selfDisposed = source.selfDisposal;
  }

  // A case of another period, when the caller keeps no record (CaseRowReaderOptions.transient): one
  // object serves every such row.
  const outside = emptyRecord();
  function outsideRecord(row: readonly CellValue[], rowNumber: number, caseId: string, source: Source, reportedAt: WallTime, stageText: string, stage: Stage): CaseRecord {
    const record = options.transient === true ? outside : emptyRecord();
    fillCommon(record, row, rowNumber, caseId, source, reportedAt, stageText, stage);
    return record;
  }

  /** A case of the period (or of any period, when none is given): every field, in an object of its own. */
  function wholeRecord(row: readonly CellValue[], rowNumber: number, caseId: string, source: Source, reportedAt: WallTime, stageText: string, stage: Stage): CaseRecord {
    const record = emptyRecord();
    fillCommon(record, row, rowNumber, caseId, source, reportedAt, stageText, stage);
    // A unit split into 一级单位 and 二级单位 columns reads as one spelling (市政工程处 + 路灯所).
    const unitText = unitCol >= 0 ? text(row, unitCol) : joinUnitLevels(text(row, unitLevel1Col), text(row, unitLevel2Col));
    const onTime = onTimeCol >= 0 ? readOnTime(row[onTimeCol]) : null;
    record.unitText = unitText;
    record.unit = resolveUnit(unitText);
    record.mainType = text(row, mainCol);
    record.subType = text(row, subCol);
    record.kind = kindOf(text(row, kindCol), record.mainType, record.subType);
    record.description = text(row, descCol);
    record.address = text(row, addrCol);
    record.district = text(row, districtCol);
    record.street = text(row, streetCol);
    record.community = text(row, communityCol);
    record.pointType = text(row, pointCol);
    record.overdue = overdueCol >= 0 ? readOverdue(row[overdueCol]) : onTime === null ? null : !onTime;
    record.selfDisposed = source.selfDisposal || (selfCol >= 0 && readSelfDisposed(row[selfCol]));
    record.reworkCount = reworkCol >= 0 ? readRework(row[reworkCol]) : 0;
    record.postponeCount = postponeCol >= 0 ? readPostpone(row[postponeCol]) : 0;
    return record;
  }

  return {
    readRows(rows, firstRow, from, onRecord) {
      const counted = forEachDataRow(rows, firstRow, from, (row, rowNumber) => readRow(row, rowNumber, onRecord));
      rowsRead += counted.rows;
      blankRows += counted.blankRows;
      totalsRows += counted.totalsRows;
    },
    finish() {
      const warnings: BuildWarning[] = [];
      if (missingIdRows.length) {
        warnings.push({
          kind: 'missingId',
          sheet: sheetName,
          rows: missingIdRows,
          column: layout.headers[idCol],
          message: `${missingIdRows.length} 行没有${labelOf('caseId')}，未计入统计。`,
          action: '在原系统中查到这些案件的编号后补上，或确认它们不是案件行。',
        });
      }
      if (missingReportRows.length) {
        warnings.push({
          kind: 'badTime',
          sheet: sheetName,
          rows: missingReportRows,
          column: layout.headers[reportedCol],
          message: `${missingReportRows.length} 行的上报时间为空，无法归入统计期，未计入统计。`,
          action: '补上上报时间后重新生成。',
        });
      }
      for (const [label, entry] of badTimeByColumn) {
        const counted = label !== labelOf('reportedAt');
        warnings.push({
          kind: 'badTime',
          sheet: sheetName,
          rows: entry.rows,
          column: label,
          message: `${entry.rows.length} 行的"${label}"不是可识别的时间（如 ${entry.samples.join('、')}）${counted ? '，按未填写处理' : '，无法归入统计期，未计入统计'}。`,
          action: '把时间改成 2021-09-03 10:22 这样的格式后重新生成。',
        });
      }
      for (const [stageText, stageRows] of unknownStages) {
        warnings.push({
          kind: 'unknownStage',
          sheet: sheetName,
          rows: stageRows,
          column: layout.headers[stageCol],
          message: `阶段"${stageText || '（空）'}"不在设置的阶段词中，${stageRows.length} 件案件只计入上报数。`,
          action: `在"月报设置"的阶段词中把"${stageText}"加到对应的阶段，然后重新生成。`,
        });
      }
      const warningsAfter = lostPrecisionRows.length ? [lostPrecisionWarning(sheetName, layout.headers[idCol], lostPrecisionRows, lostPrecisionSample, '案件')] : [];
      return { sheet: sheetName, layout, rowsRead, blankRows, totalsRows, badRows, warnings, warningsAfter, hasDeadlineColumn: col('deadline') >= 0, personalNames };
    },
  };
}

/** The row accounting of a sheet from its reading and the ledger's count of its records and replaced rows. */
export function rowAccounting(summary: Pick<CaseSheetSummary, 'sheet' | 'layout' | 'rowsRead' | 'blankRows' | 'totalsRows' | 'badRows'>, counts: { readonly records: number; readonly replaced: number }, notCountedRows?: number): RowAccounting {
  return {
    sheet: summary.sheet,
    headerRow: summary.layout.headerRow,
    rowsAfterHeader: summary.rowsRead,
    records: counts.records,
    blankRows: summary.blankRows,
    totalsRows: summary.totalsRows,
    badRows: summary.badRows,
    replacedRows: counts.replaced,
    ...(notCountedRows === undefined ? {} : { notCountedRows }),
  };
}

/**
 * The first step of a build: the settings in force, and every export sheet of the workbook read into
 * records. In: the raw sheets. Out: the settings (with the warnings of reading them) and the records
 * of every cases, 12345, returns and flags sheet, with their row accounting. Throws InputError when
 * the build cannot start: a required column missing, or no cases or 12345 sheet at all.
 */
import type { CaseRecord } from '../model/case-record.ts';
import type { OrderRecord } from '../model/order-record.ts';
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import { InputError, type BuildWarning } from '../model/warning.ts';
import { applyPreset, proposeSettings, type LearnedSummary } from '../settings/learn-settings.ts';
import { settingsPresets } from '../settings/presets.ts';
import type { Period } from '../time/period.ts';
import type { Settings } from '../settings/settings.ts';
import { readSettingsSheet, settingsSheetName } from '../settings/settings-sheet.ts';
import { fieldsByKind, sheetKindLabels } from '../ingest/columns.ts';
import type { SheetLayout } from '../ingest/detect-header.ts';
import { createCaseRowReader, rowAccounting, type RowAccounting } from '../ingest/read-cases.ts';
import { createOrderRowReader, readFlagSheet, readReturnSheet } from '../ingest/read-orders.ts';
import { discoverSheets, type SheetDiscovery } from './discover-sheets.ts';
import { IdLedger, rowFingerprint } from './id-ledger.ts';

export interface SettingsInForce {
  readonly settings: Settings;
  readonly warnings: readonly BuildWarning[];
  /** Whether the workbook has a settings sheet. */
  readonly sheetFound: boolean;
  /** Whether the build should write a settings sheet (none exists and none was passed in). */
  readonly create: boolean;
  /** What a first build learned from the data (or which preset it took); null when the settings came from a sheet or the caller. */
  readonly learned: LearnedSummary | null;
  /** Whether the settings came from last month's report (`carryOver`). */
  readonly carriedOver: boolean;
  /** The export sheets as found to learn the settings (without column mappings), for the build to use again. */
  readonly discovery?: SheetDiscovery;
}

/** Sheets taken from last month's report workbook (`case-brief build … --from`, the task pane's 上月月报). */
export interface CarryOver {
  /** Its 月报设置 sheet: the settings, when this workbook has none. */
  readonly settings?: RawSheet;
  /** Its 历史指标 sheet: merged under this workbook's history. */
  readonly history?: RawSheet;
  /** Its yearly history sheets (历史指标（2019年）…), when its history outgrew one sheet. */
  readonly historyArchives?: readonly RawSheet[];
}

/** A previous report's history sheets (历史指标 and its yearly sheets), for `readHistorySheets`. */
export function carriedHistorySheets(carryOver: CarryOver | undefined): RawSheet[] {
  return carryOver ? [...(carryOver.history ? [carryOver.history] : []), ...(carryOver.historyArchives ?? [])] : [];
}

export interface ResolveSettingsOptions {
  readonly carryOver?: CarryOver;
  /** A preset to take (its id or name) instead of learning, for a workbook that has no settings. */
  readonly preset?: string;
  /** When the build runs, recorded with learned settings. */
  readonly madeAt?: string;
}

/**
 * The settings a build or an inspection uses: the override, else the workbook's sheet, else last
 * month's report's sheet, else proposed from the data (a preset the units match, or learned).
 */
export function resolveSettings(sheets: readonly RawSheet[], override?: Settings, options: ResolveSettingsOptions = {}): SettingsInForce {
  const sheet = sheets.find((candidate) => candidate.name === settingsSheetName);
  if (override) return { settings: override, warnings: [], sheetFound: Boolean(sheet), create: false, learned: null, carriedOver: false };
  if (sheet) {
    const read = readSettingsSheet(sheet);
    return { settings: read.settings, warnings: read.warnings, sheetFound: true, create: false, learned: null, carriedOver: false };
  }
  const carried = options.carryOver?.settings;
  if (carried) {
    const read = readSettingsSheet(carried);
    return { settings: read.settings, warnings: read.warnings, sheetFound: false, create: true, learned: null, carriedOver: true };
  }
  const discovery = discoverSheets(sheets, []);
  const layouts = discovery.layouts;
  if (options.preset) {
    const preset = settingsPresets.find((candidate) => candidate.id === options.preset || candidate.name === options.preset);
    if (!preset) {
      throw new InputError(`没有名为"${options.preset}"的预设。可用的预设：${settingsPresets.map((candidate) => `${candidate.id}（${candidate.name}）`).join('、')}。`, { sheet: '', column: '', headersSeen: [] });
    }
    const picked = applyPreset(preset, sheets, layouts, { madeAt: options.madeAt });
    return { settings: picked.settings, warnings: [], sheetFound: false, create: true, learned: picked.summary, carriedOver: false, discovery };
  }
  const proposal = proposeSettings(sheets, layouts, { madeAt: options.madeAt });
  return { settings: proposal.settings, warnings: [], sheetFound: false, create: true, learned: proposal.summary, carriedOver: false, discovery };
}

export interface ExportData {
  readonly layouts: readonly SheetLayout[];
  readonly caseLayouts: readonly SheetLayout[];
  readonly orderLayouts: readonly SheetLayout[];
  /** Every case of every cases sheet (an id in two rows or sheets kept once: its last row). */
  readonly records: readonly CaseRecord[];
  readonly orders: readonly OrderRecord[];
  /** Row accounting of every cases sheet, and of every 12345 sheet. */
  readonly caseAccounting: readonly RowAccounting[];
  readonly orderAccounting: readonly RowAccounting[];
  /** Names and numbers of the personal columns of every sheet (来电人, 诉求联系人, 来电号码 …): used only to mask them in free text. */
  readonly callerNames: ReadonlySet<string>;
  /** Returns per order id, from returns sheets. */
  readonly returnedIds: ReadonlyMap<string, number>;
  /** Repeat groups set by hand in flags sheets. */
  readonly manualGroups: readonly (readonly string[])[];
  readonly hasDeadlineColumn: boolean;
  /** Whether the workbook has a returns sheet (回退记录). */
  readonly hasReturnsSheet: boolean;
  /** Row accounting of every cases and 12345 sheet. */
  readonly accounting: readonly RowAccounting[];
  readonly warnings: readonly BuildWarning[];
}

/** What a reader of one kind of export sheet gives: records in batches, then its summary. */
interface RowReader<R, S> {
  readRows(rows: readonly (readonly CellValue[] | undefined)[], firstRow: number, from: number, onRecord: (record: R, key: string) => void): void;
  finish(): S;
}

interface SheetSummaryBase {
  readonly sheet: string;
  readonly layout: SheetLayout;
  readonly rowsRead: number;
  readonly blankRows: number;
  readonly totalsRows: number;
  readonly badRows: number;
  readonly notCountedRows?: number;
  readonly warnings: readonly BuildWarning[];
  readonly warningsAfter: readonly BuildWarning[];
}

/**
 * The records of every sheet of one kind, read whole, each id once (its last row, through the ledger
 * a streamed build uses too), with each sheet's summary, accounting and the warnings in order: each
 * sheet's own, then the ids repeated across sheets.
 */
export function readRecordsOfSheets<R extends { readonly sheet: string; readonly row: number }, S extends SheetSummaryBase>(
  sources: readonly { readonly sheet: RawSheet; readonly layout: SheetLayout }[],
  makeReader: (sheet: RawSheet, layout: SheetLayout) => RowReader<R, S>,
  idField: string,
  noun: string,
): { records: R[]; summaries: S[]; accounting: RowAccounting[]; warnings: BuildWarning[] } {
  const ledger = new IdLedger(noun);
  const read = sources.map(({ sheet, layout }) => {
    ledger.beginSheet(sheet.name, layout.headers[layout.columns[idField]], sheet.rows.length);
    const reader = makeReader(sheet, layout);
    const records: R[] = [];
    const keys: string[] = [];
    reader.readRows(sheet.rows, sheet.firstRow ?? 1, layout.headerIndex + 1, (record, key) => {
      ledger.note(record.sheet, record.row, key);
      records.push(record);
      keys.push(key);
    });
    return { sheet, summary: reader.finish(), records, keys };
  });
  let records: R[];
  if (!ledger.hasRepeats) records = read.length === 1 ? read[0].records : read.flatMap((entry) => entry.records);
  else {
    records = [];
    for (const { sheet, records: sheetRecords, keys } of read) {
      const firstRow = sheet.firstRow ?? 1;
      sheetRecords.forEach((record, index) => {
        const key = keys[index];
        if (ledger.isRepeated(key)) ledger.observe(record.sheet, key, rowFingerprint(sheet.rows[record.row - firstRow] ?? []));
        if (ledger.isWinner(record.sheet, record.row, key)) records.push(record);
      });
    }
  }
  const warnings: BuildWarning[] = [];
  for (const { summary } of read) warnings.push(...summary.warnings, ...ledger.sheetWarnings(summary.sheet), ...summary.warningsAfter);
  warnings.push(...ledger.acrossWarnings());
  const summaries = read.map((entry) => entry.summary);
  return { records, summaries, accounting: summaries.map((summary) => rowAccounting(summary, ledger.sheetCounts(summary.sheet), summary.notCountedRows)), warnings };
}

/** The warning about a hidden sheet that looks like an export: it is not read. */
export function hiddenSheetWarning(hidden: SheetLayout): BuildWarning {
  return {
    kind: 'ignoredSheet',
    sheet: hidden.sheet,
    rows: [],
    message: `工作表"${hidden.sheet}"像是${hidden.kind ? sheetKindLabels[hidden.kind] : ''}导出表，但它是隐藏的，没有读取。`,
    action: '隐藏的表常是导出表的副本；如果它确实要统计，请先取消隐藏（右键工作表标签→取消隐藏），再重新生成。',
  };
}

/** The warning about stray cells far outside an export's table: the used range, and what was read. */
export function strayCellsWarning(sheet: string, clipped: NonNullable<RawSheet['clipped']>): BuildWarning {
  return {
    kind: 'strayCells',
    sheet,
    rows: [],
    message: `工作表"${sheet}"的已用区域是 ${clipped.usedRange}，远大于表格本身：只读取了表格所在的 ${clipped.read}，之外的零星内容没有读取。`,
    action: '多半是误输入的一两个单元格：如果它们有用，请移进表格；否则删除表格右边和下边多余的列和行，保存后重新生成。',
  };
}

export function missingColumnError(layout: SheetLayout): InputError {
  const missing = layout.missingRequired.map((spec) => spec.label);
  const kindLabel = layout.kind ? sheetKindLabels[layout.kind] : '';
  const seen = layout.headers.filter((header) => header !== '');
  const synonyms = layout.missingRequired.map((spec) => `${spec.label}（可用表头：${spec.synonyms.join('、')}）`).join('；');
  return new InputError(
    `工作表"${layout.sheet}"看起来是${kindLabel}导出表（表头在第 ${layout.headerRow} 行），但缺少必需的列：${missing.join('、')}。` +
      `\n看到的表头：${seen.join('、') || '（无）'}。\n请把对应列的表头改为 ${synonyms}，或在"月报设置"的【手工列映射】中指定哪一列是它。`,
    { sheet: layout.sheet, column: missing.join('、'), headersSeen: seen },
  );
}

export function noExportError(layouts: readonly SheetLayout[]): InputError {
  const seen = layouts.map((layout) => `"${layout.sheet}"（${layout.headers.filter(Boolean).slice(0, 8).join('、') || '空'}）`).join('；');
  const required = (kind: 'cases' | 'hotline') =>
    fieldsByKind[kind]
      .filter((spec) => spec.required)
      .map((spec) => spec.label)
      .join('、');
  return new InputError(
    `没有找到数字城管案件导出表或12345工单导出表。案件表的表头需含有 ${required('cases')}；工单表的表头需含有 ${required('hotline')}。\n看到的工作表：${seen || '（无）'}。`,
    { sheet: '', column: '', headersSeen: [] },
  );
}

/** Reads every export sheet of the workbook with the settings in force. */
export function loadExports(sheets: readonly RawSheet[], settings: Settings, options: { readonly period?: Period } = {}): ExportData {
  const warnings: BuildWarning[] = [];
  const { layouts, hiddenExports } = discoverSheets(sheets, settings.columnMappings);
  for (const hidden of hiddenExports) warnings.push(hiddenSheetWarning(hidden));
  for (const layout of layouts) {
    const clipped = layout.kind ? sheets.find((sheet) => sheet.name === layout.sheet)?.clipped : undefined;
    if (clipped) warnings.push(strayCellsWarning(layout.sheet, clipped));
  }
  const ofKind = (kind: SheetLayout['kind']) => layouts.filter((layout) => layout.kind === kind);
  const [caseLayouts, orderLayouts, returnLayouts, flagLayouts] = [ofKind('cases'), ofKind('hotline'), ofKind('returns'), ofKind('flags')];
  const incomplete = [...caseLayouts, ...orderLayouts, ...returnLayouts, ...flagLayouts].find((layout) => layout.missingRequired.length > 0);
  if (incomplete) throw missingColumnError(incomplete);
  if (caseLayouts.length === 0 && orderLayouts.length === 0) throw noExportError(layouts);
  const sheetOf = (layout: SheetLayout) => sheets.find((sheet) => sheet.name === layout.sheet) as RawSheet;

  const cases = readRecordsOfSheets(
    caseLayouts.map((layout) => ({ layout, sheet: sheetOf(layout) })),
    (sheet, layout) => createCaseRowReader(sheet.name, layout, settings, { date1904: sheet.date1904, period: options.period }),
    'caseId',
    '案件',
  );
  warnings.push(...cases.warnings);
  const orderRead = readRecordsOfSheets(
    orderLayouts.map((layout) => ({ layout, sheet: sheetOf(layout) })),
    (sheet, layout) => createOrderRowReader(sheet.name, layout, settings, sheet),
    'orderId',
    '工单',
  );
  warnings.push(...orderRead.warnings);
  // Citizens' names and numbers of every sheet's personal columns: used only to mask free text.
  const callerNames = new Set<string>();
  for (const read of [...cases.summaries.map((one) => one.personalNames), ...orderRead.summaries.map((one) => one.callerNames)]) for (const name of read) callerNames.add(name);
  const returnedIds = new Map<string, number>();
  for (const layout of returnLayouts) for (const [id, count] of readReturnSheet(sheetOf(layout), layout).returnedIds) returnedIds.set(id, (returnedIds.get(id) ?? 0) + count);
  const manualGroups = flagLayouts.flatMap((layout) => [...readFlagSheet(sheetOf(layout), layout).groups.values()]);
  return {
    layouts,
    caseLayouts,
    orderLayouts,
    records: cases.records,
    orders: orderRead.records,
    caseAccounting: cases.accounting,
    orderAccounting: orderRead.accounting,
    callerNames,
    returnedIds,
    manualGroups,
    hasDeadlineColumn: cases.summaries.some((read) => read.hasDeadlineColumn),
    hasReturnsSheet: returnLayouts.length > 0,
    accounting: [...cases.accounting, ...orderRead.accounting],
    warnings,
  };
}

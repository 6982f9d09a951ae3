/**
 * One click: the raw sheets of a workbook in, the period's report sheets (plus settings, history and
 * meta sheets) out, with the warnings, the reconciliation checks and the row accounting. Pure: the
 * caller passes the clock (`builtAt`) and reads or writes no file; hosts move sheets in and out.
 */
import type { SheetGrid } from '../model/grid.ts';
import type { CaseRecord } from '../model/case-record.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import { InputError, type BuildWarning } from '../model/warning.ts';
import { defaultSettings } from '../settings/defaults.ts';
import type { Settings } from '../settings/settings.ts';
import { readSettingsSheet, settingsSheetName, settingsToGrid } from '../settings/settings-sheet.ts';
import { fieldsByKind, sheetKindLabels } from '../ingest/columns.ts';
import type { SheetLayout } from '../ingest/detect-header.ts';
import { readCaseSheet, type RowAccounting } from '../ingest/read-cases.ts';
import { computeCaseStatistics, compareText, type CaseStatistics } from '../stats/case-statistics.ts';
import { addCaseFlags, emptyCaseCounts, type CaseCounts } from '../stats/case-counts.ts';
import { flagCase } from '../stats/case-flags.ts';
import { endOfPeriod, isInPeriod, parsePeriod, periodContaining, periodKey, periodLabel, shiftPeriod, startOfPeriod, type Period } from '../time/period.ts';
import { formatWallTime, parseWallTime, type WallTime } from '../time/wall-time.ts';
import { HistoryLookup, historySheetName, historyToGrid, mergeHistory, readHistorySheet, type HistoryRecord } from '../report/history.ts';
import { buildCountyTable, buildOverviewTable, buildTopSubTypeTable, buildUnitTable, type BuiltTable, type TableContext } from '../report/case-tables.ts';
import { fingerprintGrid, fingerprintSheet, metaSheetName, readStamps, stampsToGrid, type SheetStamp } from '../report/fingerprint.ts';
import { formatRate } from '../report/rate-display.ts';
import { discoverSheets } from './discover-sheets.ts';
import type { OrderRecord } from '../model/order-record.ts';
import { readFlagSheet, readOrderSheet, readReturnSheet } from '../ingest/read-orders.ts';
import { computeHotlineStatistics, type HotlineStatistics } from '../stats/hotline-statistics.ts';
import { computeFocusTopics, type TopicFigures } from '../stats/focus-topics.ts';
import { buildHotlineTables } from '../report/hotline-tables.ts';

export interface BuildMonthlyReportOptions {
  /** `2021-09` or a Period; default: the most recent complete period in the data. */
  readonly period?: string | Period;
  /** As-of time (`2021-10-08 17:30` or wall time); default: the settings' override, else the latest event time. */
  readonly asOf?: string | WallTime;
  /** When the build runs, as wall-clock text (`2021-10-11 09:00`): recorded in history and meta. */
  readonly builtAt: string;
  /** Settings to use instead of the workbook's settings sheet (tests, the task pane's unsaved edits). */
  readonly settings?: Settings;
}

export interface ReconciliationCheck {
  readonly name: string;
  readonly ok: boolean;
  /** The figures compared, in Chinese. */
  readonly detail: string;
}

export interface BuildResult {
  readonly period: Period;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly asOf: WallTime;
  readonly asOfText: string;
  readonly asOfSource: 'option' | 'settings' | 'latest-event';
  readonly settings: Settings;
  /** Whether the workbook had no settings sheet, so this build writes the defaults. */
  readonly settingsCreated: boolean;
  /** The period's report sheets, in the order of the brief. */
  readonly reportSheets: readonly SheetGrid[];
  /** Everything the host writes: report sheets, the settings sheet if new, history, meta. */
  readonly sheetsToWrite: readonly SheetGrid[];
  /** Report sheets of this period that exist and were edited by hand since they were built. */
  readonly editedSheets: readonly string[];
  readonly layouts: readonly SheetLayout[];
  /** Case figures (all zero when the workbook has no cases sheet). */
  readonly statistics: CaseStatistics;
  /** 12345 figures, or null when the workbook has no hotline sheet. */
  readonly hotline: HotlineStatistics | null;
  readonly topics: readonly TopicFigures[];
  readonly history: readonly HistoryRecord[];
  readonly warnings: readonly BuildWarning[];
  readonly reconciliation: readonly ReconciliationCheck[];
  readonly accounting: readonly RowAccounting[];
  /** A few lines in Chinese for the CLI and the task pane. */
  readonly summary: readonly string[];
}

function missingColumnError(layout: SheetLayout): InputError {
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

function resolvePeriod(option: BuildMonthlyReportOptions['period'], startDay: number, fallbackTime: WallTime): Period {
  if (option === undefined || option === '') {
    const containing = periodContaining(fallbackTime, startDay);
    return fallbackTime < endOfPeriod(containing) - 60_000 ? shiftPeriod(containing, -1) : containing;
  }
  if (typeof option !== 'string') return { ...option, startDay };
  const parsed = parsePeriod(option, startDay);
  if (!parsed) throw new InputError(`统计期"${option}"无法识别，请写成 2021-09 这样的年月。`, { sheet: '', column: '', headersSeen: [] });
  return parsed;
}

function resolveAsOf(option: BuildMonthlyReportOptions['asOf'], settings: Settings, latestEvent: WallTime): { asOf: WallTime; source: BuildResult['asOfSource'] } {
  const fromText = (text: string, where: string): WallTime => {
    const parsed = parseWallTime(text);
    if (parsed === null || parsed === undefined) throw new InputError(`${where}的统计时点"${text}"无法识别，请写成 2021-10-08 17:30 这样的时间。`, { sheet: settingsSheetName, column: '统计时点', headersSeen: [] });
    return parsed;
  };
  if (typeof option === 'number') return { asOf: option, source: 'option' };
  if (typeof option === 'string' && option.trim() !== '') return { asOf: fromText(option, '参数中'), source: 'option' };
  if (settings.asOfOverride.trim() !== '') return { asOf: fromText(settings.asOfOverride, '"月报设置"中'), source: 'settings' };
  return { asOf: latestEvent, source: 'latest-event' };
}

function latestEventTime(records: readonly CaseRecord[]): WallTime {
  let latest = -Infinity;
  const consider = (time: WallTime | null) => {
    if (time !== null && time > latest) latest = time;
  };
  for (const record of records) {
    consider(record.reportedAt);
    consider(record.acceptedAt);
    consider(record.filedAt);
    consider(record.dispatchedAt);
    consider(record.disposedAt);
    consider(record.closedAt);
  }
  return latest;
}

/** Builds the period's report from the raw sheets of a workbook. Throws InputError when it cannot start. */
export function buildMonthlyReport(sheets: readonly RawSheet[], options: BuildMonthlyReportOptions): BuildResult {
  const warnings: BuildWarning[] = [];
  const settingsSheet = sheets.find((sheet) => sheet.name === settingsSheetName);
  let settings: Settings;
  if (options.settings) settings = options.settings;
  else if (settingsSheet) {
    const read = readSettingsSheet(settingsSheet);
    settings = read.settings;
    warnings.push(...read.warnings);
  } else settings = defaultSettings;

  const layouts = discoverSheets(sheets, settings.columnMappings);
  const ofKind = (kind: SheetLayout['kind']) => layouts.filter((layout) => layout.kind === kind);
  const [caseLayouts, orderLayouts, returnLayouts, flagLayouts] = [ofKind('cases'), ofKind('hotline'), ofKind('returns'), ofKind('flags')];
  const incomplete = [...caseLayouts, ...orderLayouts, ...returnLayouts, ...flagLayouts].find((layout) => layout.missingRequired.length > 0);
  if (incomplete) throw missingColumnError(incomplete);
  if (caseLayouts.length === 0 && orderLayouts.length === 0) {
    const seen = layouts.map((layout) => `"${layout.sheet}"（${layout.headers.filter(Boolean).slice(0, 8).join('、') || '空'}）`).join('；');
    throw new InputError(
      `没有找到数字城管案件导出表或12345工单导出表。案件表的表头需含有 ${fieldsByKind.cases.filter((spec) => spec.required).map((spec) => spec.label).join('、')}；` +
        `工单表的表头需含有 ${fieldsByKind.hotline.filter((spec) => spec.required).map((spec) => spec.label).join('、')}。\n看到的工作表：${seen || '（无）'}。`,
      { sheet: '', column: '', headersSeen: [] },
    );
  }
  const sheetOf = (layout: SheetLayout) => sheets.find((sheet) => sheet.name === layout.sheet) as RawSheet;

  const reads = caseLayouts.map((layout) => readCaseSheet(sheetOf(layout), layout, settings));
  for (const read of reads) warnings.push(...read.warnings);
  const records = reads.length === 1 ? reads[0].records : mergeCaseSheets(reads.map((read) => read.records), warnings);
  const orderReads = orderLayouts.map((layout) => readOrderSheet(sheetOf(layout), layout, settings));
  for (const read of orderReads) warnings.push(...read.warnings);
  const orders: OrderRecord[] = orderReads.flatMap((read) => read.records);
  const callerNames = new Set(orderReads.flatMap((read) => [...read.callerNames]));
  const returnedIds = new Map<string, number>();
  for (const layout of returnLayouts) for (const [id, count] of readReturnSheet(sheetOf(layout), layout).returnedIds) returnedIds.set(id, (returnedIds.get(id) ?? 0) + count);
  const manualGroups = flagLayouts.flatMap((layout) => [...readFlagSheet(sheetOf(layout), layout).groups.values()]);

  const hasDeadlineColumn = reads.some((read) => read.hasDeadlineColumn);
  const latest = Math.max(latestEventTime(records), latestOrderTime(orders));
  if (!Number.isFinite(latest)) {
    const first = caseLayouts[0] ?? orderLayouts[0];
    throw new InputError(`"${first.sheet}"中没有可统计的行（所有行都缺少编号或时间）。`, { sheet: first.sheet, column: '', headersSeen: [] });
  }
  const { asOf, source: asOfSource } = resolveAsOf(options.asOf, settings, latest);
  const period = resolvePeriod(options.period, settings.periodStartDay, asOf);
  const key = periodKey(period);
  const previous = shiftPeriod(period, -1);
  const label = periodLabel(period);
  const asOfText = formatWallTime(asOf);

  const statistics = computeCaseStatistics(records, { period, asOf, settings, hasDeadlineColumn });
  const hotline = orderLayouts.length ? computeHotlineStatistics(orders, { period, asOf, settings, returnedIds, manualGroups }) : null;
  const topics = computeFocusTopics(hotline?.cohort ?? [], statistics.cohort, { settings, asOf, categoryOf: hotline?.categoryOf ?? new Map(), repeatGroups: hotline?.repeatGroups ?? [] });

  const historySheet = sheets.find((sheet) => sheet.name === historySheetName);
  const historyRead = historySheet ? readHistorySheet(historySheet) : { records: [], warnings: [] };
  warnings.push(...historyRead.warnings);
  const lookup = new HistoryLookup(historyRead.records);
  const periodEndText = formatWallTime(endOfPeriod(period) - 1000).slice(0, 10);
  const asOfWhy = asOfSource === 'latest-event' ? '（导出数据中最晚的事件时间）' : asOfSource === 'settings' ? '（月报设置中指定）' : '（生成时指定）';
  const notes = [
    `统计时段：${formatWallTime(startOfPeriod(period)).slice(0, 10)} 至 ${periodEndText}（按上报/受理时间）；统计时点：${asOfText}${asOfWhy}。`,
    lookup.has(periodKey(previous), caseLayouts.length ? '案件概况' : '12345受理')
      ? `上期为${periodLabel(previous)}，取自"${historySheetName}"表。`
      : `"${historySheetName}"表中没有${periodLabel(previous)}的数据，上期列为空；可先生成${periodLabel(previous)}，或在该表中补录。`,
    `由城管月报助手生成于 ${options.builtAt}；数值可直接修改。`,
  ];
  const context: TableContext = {
    settings,
    periodKey: key,
    previousKey: periodKey(previous),
    periodLabel: label,
    previousLabel: periodLabel(previous),
    history: lookup,
    hasDeadlineColumn,
    notes,
    asOfText,
    builtAtText: options.builtAt,
  };
  const tables: BuiltTable[] = caseLayouts.length ? [buildOverviewTable(statistics, context), buildUnitTable(statistics, context), buildCountyTable(statistics, context)] : [];
  const hotlineTables = hotline ? buildHotlineTables(hotline, topics, { ...context, callerNames }) : null;
  const topSubTypes = caseLayouts.length ? [buildTopSubTypeTable(statistics, context)] : [];
  const reportSheets = [...tables.map((table) => table.grid), ...(hotlineTables?.grids ?? []), ...topSubTypes.map((table) => table.grid)];
  const fresh = [...tables.flatMap((table) => table.history), ...(hotlineTables?.history ?? [])];
  const history = mergeHistory(historyRead.records, fresh);

  warnings.push(...tableWarnings([...tables, ...topSubTypes], context));
  if (caseLayouts.length) warnings.push(...caseWarnings(records, statistics, period, settings, hasDeadlineColumn, reportSheets));
  if (hotline) warnings.push(...orderWarnings(orders, hotline, period, hotlineTables?.previousReceived ?? null, context.previousLabel));

  const stamps = sheets.find((sheet) => sheet.name === metaSheetName);
  const oldStamps = stamps ? readStamps(stamps) : [];
  const editedSheets = reportSheets
    .map((grid) => grid.name)
    .filter((name) => {
      const existing = sheets.find((sheet) => sheet.name === name);
      if (!existing) return false;
      const stamp = oldStamps.find((candidate) => candidate.sheet === name);
      return !stamp || stamp.fingerprint !== fingerprintSheet(existing);
    });
  for (const name of editedSheets) {
    warnings.push({ kind: 'editedSheet', sheet: name, rows: [], message: `工作表"${name}"在上次生成后被修改过（或不是本工具生成的），重新生成会覆盖这些修改。`, action: '如需保留，先把它改名或复制一份，再重新生成。' });
  }
  const newStamps: SheetStamp[] = reportSheets.map((grid) => ({ sheet: grid.name, period: key, fingerprint: fingerprintGrid(grid), asOf: asOfText, builtAt: options.builtAt }));
  const keptStamps = oldStamps.filter((stamp) => !newStamps.some((fresh2) => fresh2.sheet === stamp.sheet) && sheets.some((sheet) => sheet.name === stamp.sheet));
  const settingsCreated = !settingsSheet && !options.settings;
  const sheetsToWrite: SheetGrid[] = [...reportSheets, ...(settingsCreated ? [settingsToGrid(settings)] : []), historyToGrid(history), stampsToGrid([...keptStamps, ...newStamps])];

  const accounting = [...reads.map((read) => read.accounting), ...orderReads.map((read) => read.accounting)];
  const reconciliation = [
    ...(caseLayouts.length ? reconcile(statistics, records, period, asOf, hasDeadlineColumn, reads.map((read) => read.accounting), settings) : []),
    ...(hotline ? reconcileHotline(hotline, orders, period, orderReads.map((read) => read.accounting)) : []),
  ];
  const summary = [
    ...(caseLayouts.length ? [caseSummary(label, statistics)] : []),
    ...(hotline ? [`${label}12345工单：受理 ${hotline.received} 件，已办结 ${hotline.done} 件，正在办理 ${hotline.inProgress} 件，超期 ${hotline.overdue} 件，回退 ${hotline.returned} 件，热难点 ${hotline.repeatGroups.length} 个。`] : []),
    `统计时点：${asOfText}${asOfWhy}。`,
    reconciliation.every((check) => check.ok) ? `对账：${reconciliation.length} 项全部相符。` : `对账：${reconciliation.filter((check) => !check.ok).length} 项不符，请查看。`,
  ];
  return {
    period,
    periodKey: key,
    periodLabel: label,
    asOf,
    asOfText,
    asOfSource,
    settings,
    settingsCreated,
    reportSheets,
    sheetsToWrite,
    editedSheets,
    layouts,
    statistics,
    hotline,
    topics,
    history: fresh,
    warnings,
    reconciliation,
    accounting,
    summary,
  };
}

/** Several case sheets as one list; an id in two sheets keeps the later sheet's row, warned. */
function mergeCaseSheets(lists: readonly (readonly CaseRecord[])[], warnings: BuildWarning[]): CaseRecord[] {
  const byId = new Map<string, CaseRecord>();
  for (const list of lists) {
    for (const record of list) {
      const earlier = byId.get(record.caseId);
      if (earlier) {
        byId.delete(record.caseId);
        warnings.push({
          kind: 'duplicateId',
          sheet: record.sheet,
          rows: [record.row],
          message: `编号 ${record.caseId} 同时出现在"${earlier.sheet}"第 ${earlier.row} 行和"${record.sheet}"第 ${record.row} 行，按后者统计。`,
          action: '确认两张导出表是否重复导出了同一批案件。',
        });
      }
      byId.set(record.caseId, record);
    }
  }
  return [...byId.values()];
}

function caseSummary(label: string, statistics: CaseStatistics): string {
  const total = statistics.total;
  return `${label}数字城管案件：上报 ${total.reported} 件，受理 ${total.accepted} 件，立案 ${total.filed} 件，应处置 ${total.dispatched} 件，处置 ${total.disposed} 件（处置率 ${formatRate(total.dispatched ? total.disposed / total.dispatched : null) || '—'}），应结案 ${total.dueClose} 件，结案 ${total.closed} 件（结案率 ${formatRate(total.dueClose ? total.closed / total.dueClose : null) || '—'}）。`;
}

function latestOrderTime(orders: readonly OrderRecord[]): WallTime {
  let latest = -Infinity;
  for (const order of orders) {
    if (order.receivedAt > latest) latest = order.receivedAt;
    if (order.finishedAt !== null && order.finishedAt > latest) latest = order.finishedAt;
  }
  return latest;
}

function orderWarnings(orders: readonly OrderRecord[], hotline: HotlineStatistics, period: Period, previousReceived: number | null, previousLabel: string): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  const outside = orders.filter((order) => !isInPeriod(order.receivedAt, period));
  warnings.push(
    ...rowWarnings(outside, (sheet, rows) => ({ kind: 'outsidePeriod', sheet, rows, message: `${rows.length} 件工单的受理时间不在${periodLabel(period)}，不计入本期。`, action: '无需处理；要统计其他月份，请选择对应的统计期。' })),
  );
  for (const [unitText, list] of groupRows(hotline.unknownUnitOrders, (order) => order.unitText)) {
    warnings.push(
      ...rowWarnings(list, (sheet, rows) => ({
        kind: 'unknownUnit',
        sheet,
        rows,
        column: '承办单位',
        message: `承办单位"${unitText}"不在设置的单位表中（${rows.length} 件），在部门受理表中单独列出。`,
        action: `在"月报设置"的【一级单位】中加上它（分组可填"其他"），或把它加到某个单位的"其他写法"中。`,
      })),
    );
  }
  if (previousReceived === null) {
    warnings.push({ kind: 'noHistory', sheet: historySheetName, rows: [], message: `没有${previousLabel}的12345受理数，"较上期"无法计算。`, action: `先用${previousLabel}的导出生成一次，或在"${historySheetName}"表中补录（表 12345受理，行 总计，指标 受理数）。` });
  }
  return warnings;
}

function reconcileHotline(hotline: HotlineStatistics, orders: readonly OrderRecord[], period: Period, accounting: readonly RowAccounting[]): ReconciliationCheck[] {
  const byUnit = hotline.byUnit.reduce((sum, unit) => sum + unit.count, 0);
  const byCategory = hotline.byCategory.reduce((sum, category) => sum + category.count, 0);
  const byReturns = hotline.returnsByUnit.reduce((sum, unit) => sum + unit.count, 0);
  const inPeriod = orders.filter((order) => isInPeriod(order.receivedAt, period)).length;
  return [
    { name: '12345：按单位之和 = 按类别之和 = 受理数', ok: byUnit === hotline.received && byCategory === hotline.received, detail: `按单位 ${byUnit}，按类别 ${byCategory}，受理数 ${hotline.received}` },
    { name: '12345：各单位回退之和 = 回退数', ok: byReturns === hotline.returned, detail: `${byReturns} / ${hotline.returned}` },
    { name: '12345：本期工单 + 其他月份工单 = 全部工单', ok: inPeriod === hotline.received, detail: `本期 ${hotline.received} + 其他 ${orders.length - inPeriod} = ${orders.length}` },
    ...accounting.map((sheet) => {
      const parts = sheet.records + sheet.blankRows + sheet.totalsRows + sheet.badRows + sheet.replacedRows;
      return { name: `"${sheet.sheet}"每一行都有去处`, ok: parts === sheet.rowsAfterHeader, detail: `表头下 ${sheet.rowsAfterHeader} 行 = 工单 ${sheet.records} + 空行 ${sheet.blankRows} + 合计行 ${sheet.totalsRows} + 无法统计 ${sheet.badRows} + 重复被替换 ${sheet.replacedRows}` };
    }),
  ];
}

/** Records (cases or orders) grouped by a key, in order of first appearance. */
function groupRows<T>(records: readonly T[], keyOf: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = keyOf(record);
    const list = groups.get(key);
    if (list) list.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

/** One warning per sheet for the records given, listing their rows. */
function rowWarnings(records: readonly { readonly sheet: string; readonly row: number }[], make: (sheet: string, rows: number[]) => BuildWarning): BuildWarning[] {
  return [...groupRows(records, (record) => record.sheet)].map(([sheet, list]) => make(sheet, list.map((record) => record.row)));
}

function caseWarnings(records: readonly CaseRecord[], stats: CaseStatistics, period: Period, settings: Settings, hasDeadlineColumn: boolean, reportSheets: readonly SheetGrid[]): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  const outside = records.filter((record) => !isInPeriod(record.reportedAt, period));
  if (outside.length) {
    const byPeriod = groupRows(outside, (record) => periodLabel(periodContaining(record.reportedAt, settings.periodStartDay)));
    const parts = [...byPeriod].sort(([left], [right]) => compareText(left, right)).map(([name, list]) => `${name} ${list.length} 件`);
    warnings.push(
      ...rowWarnings(outside, (sheet, rows) => ({
        kind: 'outsidePeriod',
        sheet,
        rows,
        message: `${rows.length} 件案件的上报时间不在${periodLabel(period)}（${parts.join('，')}），不计入本期。`,
        action: '无需处理；要统计其他月份，请选择对应的统计期。',
      })),
    );
  }
  for (const [unitText, list] of groupRows(stats.unknownUnitCases, (record) => record.unitText)) {
    warnings.push(
      ...rowWarnings(list, (sheet, rows) => ({
        kind: 'unknownUnit',
        sheet,
        rows,
        column: '处置部门',
        message: `处置部门"${unitText}"不在设置的单位表中（${rows.length} 件），在"部门处置"表中单独列出。`,
        action: `在"月报设置"的【一级单位】或【二级单位】中加上它，或把"${unitText}"加到某个单位的"其他写法"中，然后重新生成。`,
      })),
    );
  }
  if (stats.dispatchedWithoutUnit.length) {
    warnings.push(
      ...rowWarnings(stats.dispatchedWithoutUnit, (sheet, rows) => ({
        kind: 'missingUnit',
        sheet,
        rows,
        column: '处置部门',
        message: `${rows.length} 件已派遣案件没有处置部门，在"部门处置"表中列为"（未填处置部门）"。`,
        action: '在导出表中补上处置部门后重新生成。',
      })),
    );
  }
  for (const [source, list] of groupRows(
    stats.cohort.filter((record) => !record.sourceKnown),
    (record) => record.source,
  )) {
    warnings.push(
      ...rowWarnings(list, (sheet, rows) => ({
        kind: 'unknownSource',
        sheet,
        rows,
        column: '问题来源',
        message: `问题来源"${source}"不在设置中（${rows.length} 件），在"案件概况"中排在已设置的来源之后。`,
        action: `如是某个来源的别称，把它加到"月报设置"【问题来源】的"其他写法"中。`,
      })),
    );
  }
  if (hasDeadlineColumn) {
    const unjudged = stats.cohort.filter((record) => flagCase(record, Number.MAX_SAFE_INTEGER, true).onTimeUnjudged);
    if (unjudged.length) {
      warnings.push(
        ...rowWarnings(unjudged, (sheet, rows) => ({
          kind: 'onTimeUnjudged',
          sheet,
          rows,
          message: `${rows.length} 件已处置案件缺少处置截止时间或处置完成时间，无法判断是否按期，按"未按期"计。`,
          action: '在导出表中补上这些时间，或导出"是否超期"列。',
        })),
      );
    }
  } else {
    warnings.push({ kind: 'noDeadlineColumn', sheet: stats.cohort[0]?.sheet ?? '', rows: [], message: '案件表没有处置截止时间列：应结案数按应处置数计，按期处置、按期结案各列为空。', action: '导出时加上"处置截止时间"或"捆绑处置截止时间"列。' });
  }
  const unitSheet = reportSheets[1]?.name ?? '';
  for (const row of stats.unitRows) {
    const rate = row.counts.dueClose ? row.counts.closedOnTime / row.counts.dueClose : null;
    if (hasDeadlineColumn && rate !== null && rate < settings.onTimeClosureWarnBelow) {
      warnings.push({
        kind: 'lowRate',
        sheet: unitSheet,
        rows: [],
        message: `${row.level2 ? `${row.level1}${row.level2 === '合计' ? '（合计）' : row.level2}` : row.level1}按期结案率 ${formatRate(rate)}，低于警戒线 ${formatRate(settings.onTimeClosureWarnBelow)}。`,
        action: '可在简报的具体分析中提示该单位及时处置并回复。',
      });
    }
  }
  return warnings;
}

function tableWarnings(tables: readonly BuiltTable[], context: TableContext): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  const unknown = [...new Set(tables.flatMap((table) => table.unknownColumns))];
  if (unknown.length) {
    warnings.push({ kind: 'settings', sheet: settingsSheetName, rows: [], message: `【表格列】中的"${unknown.join('、')}"不是已知指标，这些列为空。`, action: '改为已知的指标名称，如 上报数、处置率、按期结案率、有效上报率，或在前面加"上期"。' });
  }
  if (tables.some((table) => table.missingPrevious)) {
    warnings.push({ kind: 'noHistory', sheet: historySheetName, rows: [], message: `没有找到${context.previousLabel}的历史数据，上期列为空。`, action: `先用${context.previousLabel}的导出生成一次，或在"${historySheetName}"表中补录上期数值。` });
  }
  return warnings;
}

const compared: readonly (keyof CaseCounts)[] = ['dispatched', 'disposed', 'dueClose', 'closed'];
const comparedLabels: Readonly<Partial<Record<keyof CaseCounts, string>>> = { dispatched: '应处置数', disposed: '处置数', dueClose: '应结案数', closed: '结案数', reported: '上报数' };

function reconcile(
  stats: CaseStatistics,
  records: readonly CaseRecord[],
  period: Period,
  asOf: WallTime,
  hasDeadlineColumn: boolean,
  accounting: readonly RowAccounting[],
  settings: Settings,
): ReconciliationCheck[] {
  const checks: ReconciliationCheck[] = [];
  const countyNames = new Set(settings.firstLevelUnits.filter((unit) => unit.group === '县市区').map((unit) => unit.name));
  // Independent recount of the city departments' cases, straight from the cohort.
  const city = emptyCaseCounts();
  for (const record of stats.cohort) {
    if (record.unit && countyNames.has(record.unit.level1)) continue;
    const flags = flagCase(record, asOf, hasDeadlineColumn);
    if (flags.dispatched || flags.selfDisposed) addCaseFlags(city, flags);
  }
  const unitRows = stats.unitRows.filter((row) => row.role === 'unit');
  const sumOf = (list: readonly { counts: CaseCounts }[], field: keyof CaseCounts) => list.reduce((sum, row) => sum + row.counts[field], 0);
  checks.push({
    name: '部门处置：各单位之和 = 总计',
    ok: compared.every((field) => sumOf(unitRows, field) === city[field] && stats.cityTotal[field] === city[field]),
    detail: compared.map((field) => `${comparedLabels[field]} ${sumOf(unitRows, field)} / ${city[field]}`).join('，'),
  });
  const subtotalsOk = stats.unitRows
    .filter((row) => row.role === 'subtotal')
    .every((subtotal) => compared.every((field) => sumOf(unitRows.filter((row) => row.level1 === subtotal.level1), field) === subtotal.counts[field]));
  checks.push({ name: '部门处置：各二级单位之和 = 合计', ok: subtotalsOk, detail: subtotalsOk ? '各合计行相符' : '有合计行与其二级单位之和不符' });
  checks.push({
    name: '市局总计 + 县区受理数 = 案件概况应处置数',
    ok: stats.cityTotal.dispatched + stats.countyTotal.dispatched === stats.total.dispatched && stats.cityTotal.disposed + stats.countyTotal.disposed === stats.total.disposed && stats.cityTotal.dueClose + stats.countyTotal.dueClose === stats.total.dueClose,
    detail: `应处置 ${stats.cityTotal.dispatched} + ${stats.countyTotal.dispatched} = ${stats.cityTotal.dispatched + stats.countyTotal.dispatched}（案件概况 ${stats.total.dispatched}）；处置 ${stats.cityTotal.disposed} + ${stats.countyTotal.disposed} = ${stats.cityTotal.disposed + stats.countyTotal.disposed}（${stats.total.disposed}）；应结案 ${stats.cityTotal.dueClose} + ${stats.countyTotal.dueClose} = ${stats.cityTotal.dueClose + stats.countyTotal.dueClose}（${stats.total.dueClose}）`,
  });
  const sourcesOk = (['reported', ...compared] as (keyof CaseCounts)[]).every((field) => sumOf(stats.bySource, field) === stats.total[field]);
  checks.push({ name: '案件概况：各来源之和 = 总计', ok: sourcesOk, detail: `上报 ${sumOf(stats.bySource, 'reported')} / ${stats.total.reported}` });
  for (const sheet of accounting) {
    const parts = sheet.records + sheet.blankRows + sheet.totalsRows + sheet.badRows + sheet.replacedRows;
    checks.push({
      name: `"${sheet.sheet}"每一行都有去处`,
      ok: parts === sheet.rowsAfterHeader,
      detail: `表头下 ${sheet.rowsAfterHeader} 行 = 案件 ${sheet.records} + 空行 ${sheet.blankRows} + 合计行 ${sheet.totalsRows} + 无法统计 ${sheet.badRows} + 重复被替换 ${sheet.replacedRows}`,
    });
  }
  const inPeriod = records.filter((record) => isInPeriod(record.reportedAt, period)).length;
  checks.push({ name: '本期案件 + 其他月份案件 = 全部案件', ok: inPeriod === stats.cohort.length, detail: `本期 ${stats.cohort.length} + 其他 ${records.length - inPeriod} = ${records.length}` });
  return checks;
}

/**
 * The core's only door: everything hosts, the task pane and the CLI may use. Pure and synchronous:
 * no Office, no DOM, no files, no clock (the caller passes `builtAt` and any as-of time).
 */
export type { CellValue, RawSheet } from './model/raw-sheet.ts';
export type { CellRole, ChartSpec, FigureKey, GridCell, GridValue, Merge, SheetGrid } from './model/grid.ts';
export type { CaseRecord, ResolvedUnit } from './model/case-record.ts';
export { InputError, warningKindLabels, type BuildWarning, type WarningKind } from './model/warning.ts';

export type { Settings, StageStep, UnitGroup, FirstLevelUnit, SecondLevelUnit, SourceSetting, ColumnMapping, TableColumns, MainTypeSetting, SettingsBasis, EntryOrigin, CustomTableSetting, CustomIndicatorSetting, TargetSetting } from './settings/settings.ts';
export { defaultSettings } from './settings/defaults.ts';
export { referencePreset, settingsPresets, type SettingsPreset } from './settings/presets.ts';
export { proposeSettings, type LearnedSummary, type ProposedSettings } from './settings/learn-settings.ts';
export type { CarryOver } from './assemble/load-exports.ts';
export { readSettingsSheet, settingsSheetName, settingsToGrid } from './settings/settings-sheet.ts';

export { caseFields, hotlineFields, fieldsByKind, sheetKindLabels, type FieldSpec, type SheetKind } from './ingest/columns.ts';
export { detectSheetLayout, matchColumns, type ColumnMatch, type SheetLayout } from './ingest/detect-header.ts';
export { createCaseRowReader, type CaseRowReader, type CaseSheetSummary, type RowAccounting } from './ingest/read-cases.ts';
export { createUnitResolver } from './ingest/resolve-unit.ts';
export { createStageResolver } from './ingest/resolve-stage.ts';

export { flagCase, type CaseFlags } from './stats/case-flags.ts';
export { emptyCaseCounts, type CaseCounts } from './stats/case-counts.ts';
export { computeCaseStatistics, type CaseStatistics, type UnitRow, type NamedCounts } from './stats/case-statistics.ts';
export { builtInIndicators, catalogueFor, indicatorNames, subjectLabels, type Indicator, type Subject } from './stats/indicators.ts';
export { dimensions, dimensionNames, type Dimension, type DimensionName } from './stats/dimensions.ts';
export { comparisonForms, resolveColumn } from './report/indicator-columns.ts';
export { displayOptions, orderWords } from './report/custom-tables.ts';
export { checkSettingsNames, settingsNameNotes, type NameNote } from './report/settings-names.ts';
export { catalogueList, type CatalogueEntry, type CatalogueGroup } from './report/catalogue-list.ts';

export { formatChange, formatRate, rateNumberFormat } from './report/rate-display.ts';
export { historySheetName, isHistorySheetName, historyArchiveName, historySheetRowLimit, historyToGrids, readHistorySheet, readHistorySheets, type HistoryRecord } from './report/history.ts';
export { fingerprintGrid, fingerprintSheet, metaSheetName } from './report/fingerprint.ts';
export { caseTableNames, unitRowKey } from './report/case-tables.ts';

export { parsePeriod, periodKey, periodLabel, periodWords, shiftPeriod, previousPeriod, samePeriodLastYear, startOfPeriod, endOfPeriod, monthsOf, kindOfKey, isPeriodKey, periodContaining, type Period, type PeriodKind, type PeriodRules } from './time/period.ts';
export { parseWallTime, sheetTimeReader, date1904Offset, formatWallTime, wallTimeFromExcelSerial, excelSerialFromWallTime, wallTimeOf, type WallTime } from './time/wall-time.ts';

export { generatedSheetNames, discoverSheets, type SheetDiscovery } from './assemble/discover-sheets.ts';
export { buildMonthlyReport, type BuildMonthlyReportOptions, type BuildResult, type ReconciliationCheck } from './assemble/build-monthly-report.ts';
export { PeriodStream, type PeriodStreamOptions, type StreamSheet } from './assemble/period-stream.ts';
export { paneRowLimit, tooLargeForPane, type SheetSize } from './assemble/pane-limits.ts';
export { resolveSettings, type SettingsInForce } from './assemble/load-exports.ts';
export { periodForms, periodRules, parsePeriodOption } from './assemble/choose-period.ts';
export { inspectWorkbook, fieldsOfKind, type SheetSummary, type WorkbookInspection } from './assemble/inspect-workbook.ts';
export type { OrderRecord } from './model/order-record.ts';
export { computeHotlineStatistics, isOrderOverdue, type HotlineStatistics, type NamedCount } from './stats/hotline-statistics.ts';
export { createCategoryMatcher } from './stats/hotline-category.ts';
export { findRepeatProblems, type RepeatGroup } from './stats/repeat-problems.ts';
export { computeFocusTopics, type TopicFigures } from './stats/focus-topics.ts';
export { createPlaceFinder, areNumbersCompatible, type Place } from './text/places.ts';
export { maskPersonalInfo, containsPhoneNumber } from './text/mask.ts';
export { describeOrder, hotlineTableNames } from './report/hotline-tables.ts';
export { printedRows } from './report/printed-values.ts';
export {
  standardMainTypes,
  standardSubTypes,
  standardRankOfMainType,
  standardRankOfSubType,
  findStandardSubType,
  type StandardKind,
  type StandardMainType,
  type StandardSubType,
} from './vocabulary/standard-categories.ts';

export type { BriefBlock, BriefCell, BriefChart, BriefDocument, BriefTable } from './model/brief.ts';
export { composeBrief, type ComposeBriefOptions, type ComposedBrief } from './assemble/compose-brief.ts';
export { finaliseReport, type FinaliseOptions, type FinaliseResult, type EditedFigure } from './assemble/finalise.ts';
export { readBackPeriod, type PeriodReadBack } from './assemble/read-back.ts';
export { layoutSheetName, readLayoutStore, readBackSheet, type ReadBack, type StoredLayout } from './report/layout-store.ts';
export { analysisTableName, analysisHeadings } from './report/analysis.ts';
export { briefTemplates, defaultBriefSettings, type BriefSettings, type TemplateName } from './settings/brief-settings.ts';
export { fitCellText, fitGridTexts, maxCellText } from './report/cell-text.ts';

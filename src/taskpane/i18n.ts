/**
 * The task pane's words: one typed dictionary per language, zh-CN (the default) and en-US. Every
 * string a person reads in the pane comes from here, so the zh-CN pane has no English in it (the
 * core's own messages, warnings and labels are Chinese data and are shown as they are).
 * Pure: the language is chosen from candidates the caller passes (Office's display language, then
 * the browser's languages).
 */
import { createContext, useContext } from 'react';
import { sheetKindLabels, warningKindLabels, type CatalogueGroup, type SheetKind, type WarningKind } from '../core/index.ts';
import type { HostReadyReason } from './host-detection.ts';

export type Language = 'zh-CN' | 'en-US';

export type BuildPhase = 'read' | 'compute' | 'write';

export type ErrorContext = 'start' | 'open' | 'sample' | 'inspect' | 'build' | 'write' | 'mapping' | 'settings' | 'navigate' | 'worker' | 'brief' | 'finalise' | 'lastReport';

export interface Strings {
  readonly language: Language;
  readonly appTitle: string;
  readonly browserModeTag: string;
  readonly browserModeNote: string;
  readonly hostReason: Readonly<Record<HostReadyReason, string>>;
  readonly openFile: string;
  readonly download: string;
  readonly currentFile: (name: string) => string;
  readonly starting: string;
  readonly loadingWorkbook: string;
  readonly noWorkbook: string;
  readonly errorTitles: Readonly<Record<ErrorContext, string>>;
  readonly dismiss: string;

  readonly dataTitle: string;
  readonly refresh: string;
  readonly inspecting: string;
  readonly noSheets: string;
  /** No export, but 历史指标 holds months `first`…`last`: a quarter, half or year can be added up. */
  readonly historyOnly: (first: string, last: string) => string;
  readonly sheetKinds: Readonly<Record<SheetKind, string>>;
  readonly unknownKind: string;
  readonly dataRows: (count: number) => string;
  readonly headerRow: (row: number) => string;
  readonly matchedColumns: (count: number) => string;
  readonly showColumns: string;
  readonly hideColumns: string;
  readonly columnMatch: (header: string, label: string, manual: boolean) => string;
  readonly missingColumn: (label: string) => string;
  readonly missingColumnHint: string;
  readonly chooseColumn: string;
  /** A column offered by its letter: its header is empty, or repeats an earlier one. */
  readonly columnByLetter: (letter: string, header: string) => string;
  readonly savingMapping: string;

  readonly periodTitle: string;
  readonly periodLabel: string;
  readonly periodHint: string;
  readonly asOfLabel: string;
  readonly asOfFromSettings: string;
  readonly asOfFromData: string;
  readonly asOfNone: string;

  readonly buildTitle: string;
  readonly build: string;
  readonly phases: Readonly<Record<BuildPhase, string>>;
  readonly progress: (phase: string) => string;
  readonly buildDone: (period: string) => string;

  readonly resultTitle: string;
  readonly writtenSheets: string;
  readonly reconciliation: string;
  readonly checkOk: string;
  readonly checkFailed: string;
  readonly warnings: (count: number) => string;
  readonly noWarnings: string;
  readonly warningKinds: Readonly<Record<WarningKind, string>>;
  readonly whatToDo: string;
  readonly rowRange: (first: number, last: number) => string;
  readonly rowLinksLabel: (sheet: string) => string;
  readonly moreRowRanges: (count: number) => string;
  readonly overwriteTitle: string;
  readonly overwriteBody: (sheets: string) => string;
  readonly overwrite: string;
  readonly cancel: string;
  readonly overwriteCancelled: string;
  readonly listSeparator: string;

  readonly briefTitle: string;
  readonly briefHint: (period: string) => string;
  readonly downloadBrief: string;
  readonly finalise: string;
  readonly briefWorking: string;
  readonly finaliseWorking: string;
  readonly briefSaved: (fileName: string, edited: number) => string;
  /** Inside Excel: the download may not arrive; how else to get the brief. */
  readonly briefAttempted: (fileName: string, edited: number) => string;
  readonly finaliseHint: string;

  readonly settingsTitle: string;
  readonly openSettings: string;
  readonly settingsHint: string;
  readonly settingsNotesTitle: string;
  readonly settingsNotesNone: string;
  readonly catalogueTitle: string;
  readonly cataloguePlaceholder: string;
  readonly catalogueCount: (shown: number, total: number) => string;
  readonly catalogueGroups: Readonly<Record<CatalogueGroup, string>>;

  readonly firstBuildTitle: string;
  readonly firstBuildLearned: string;
  readonly firstBuildPreset: (name: string, percent: number) => string;
  readonly learnedCounts: (units: number, counties: number, secondLevel: number) => string;
  readonly learnedSources: (sources: number) => string;
  readonly learnedGroup: (label: string, names: string) => string;
  readonly cityUnitsLabel: string;
  readonly countiesLabel: string;
  readonly otherUnitsLabel: string;
  readonly sourcesLabel: string;
  readonly showLearned: string;
  readonly hideLearned: string;
  readonly settingsBasisLabel: string;
  readonly learnOption: string;
  readonly presetOption: (name: string) => string;
  readonly reviewSettings: string;
  readonly firstBuildHint: string;
  readonly lastReportTitle: string;
  readonly lastReportHint: string;
  readonly chooseLastReport: string;
  readonly readingLastReport: string;
  readonly lastReportChosen: (name: string) => string;
  readonly lastReportUses: (settings: boolean, history: boolean) => string;
  readonly clearLastReport: string;

  readonly previewTitle: string;
  readonly previewEmpty: string;
  readonly sheetTabs: string;
  readonly loadingSheet: string;
  readonly pageInfo: (first: number, last: number, total: number) => string;
  readonly selectedRow: string;
}

const zhCN: Strings = {
  language: 'zh-CN',
  appTitle: '城管月报助手',
  browserModeTag: '浏览器版',
  browserModeNote: '不需要 Excel：WPS 用户或没有 Excel 的电脑也能用。打开导出的工作簿，生成后下载结果，再用 WPS 或 Excel 打开。数据只在本机处理，不上传。',
  hostReason: {
    'office-ready': '在 Excel 中运行',
    'office-unavailable': '未在 Excel 中运行（没有加载 Office 脚本）',
    'office-no-host': '未在 Excel 中运行（Office 脚本报告没有宿主）',
    'office-other-host': '所在的 Office 程序不是 Excel',
    'office-timeout': '未在 Excel 中运行（等待 Office 超时）',
    'office-failed': '未在 Excel 中运行（Office 脚本启动失败）',
  },
  openFile: '打开文件…',
  download: '下载结果',
  currentFile: (name) => `当前文件：${name}`,
  starting: '正在启动…',
  loadingWorkbook: '正在载入工作簿…',
  noWorkbook: '还没有打开工作簿。请点“打开文件…”，选择从数字城管系统导出的 .xlsx、.xls 或 .csv 文件。',
  errorTitles: {
    start: '城管月报助手没有能启动',
    open: '无法打开文件',
    sample: '无法载入样例工作簿',
    inspect: '无法读取工作簿',
    build: '无法生成月报表',
    write: '无法写入工作表',
    mapping: '无法保存列的对应关系',
    settings: '无法打开月报设置',
    navigate: '无法转到工作表',
    worker: '统计程序出错',
    brief: '无法生成简报',
    finalise: '无法定稿',
    lastReport: '无法读取上月月报',
  },
  dismiss: '关闭',

  dataTitle: '1. 数据',
  refresh: '重新读取',
  inspecting: '正在读取工作簿…',
  noSheets: '工作簿中没有可以识别的导出表。',
  historyOnly: (first, last) => `工作簿中没有导出表，但“历史指标”中有 ${first} 至 ${last} 逐月生成的数值：统计期填季度（如 2021-Q3）、半年（2021-H1）或全年（2021），可由各月汇总生成。`,
  sheetKinds: sheetKindLabels,
  unknownKind: '未识别（不参与统计）',
  dataRows: (count) => `${count} 行数据`,
  headerRow: (row) => `表头在第 ${row} 行`,
  matchedColumns: (count) => `已识别 ${count} 列`,
  showColumns: '显示已识别的列',
  hideColumns: '收起',
  columnMatch: (header, label, manual) => (header === label ? `${header}${manual ? '（手工指定）' : ''}` : `${header} → ${label}${manual ? '（手工指定）' : ''}`),
  missingColumn: (label) => `缺少必需的列：${label}`,
  missingColumnHint: '请选择表中对应的列，选择会记入“月报设置”的【手工列映射】。',
  chooseColumn: '选择对应的列',
  columnByLetter: (letter, header) => (header ? `${letter} 列（又一个"${header}"）` : `${letter} 列（没有表头）`),
  savingMapping: '正在保存…',

  periodTitle: '2. 统计期',
  periodLabel: '统计期',
  periodHint: '月：2021-09；周：2021-W37；季度：2021-Q3；半年：2021-H1；全年：2021。默认为数据中最近的完整月份。没有导出表时，季度、半年和全年可由历史指标中逐月生成的数值汇总。',
  asOfLabel: '统计时点',
  asOfFromSettings: '取自“月报设置”，可以修改。',
  asOfFromData: '默认为导出数据中最晚的事件时间，可以修改。',
  asOfNone: '数据中没有可用的时间；可以写成 2021-10-08 17:30 这样的时间。',

  buildTitle: '3. 生成',
  build: '生成月报表',
  phases: { read: '读取', compute: '统计', write: '写入' },
  progress: (phase) => `正在${phase}…`,
  buildDone: (period) => `已生成${period}的报表。`,

  resultTitle: '4. 结果',
  writtenSheets: '已写入的工作表',
  reconciliation: '对账',
  checkOk: '相符',
  checkFailed: '不符',
  warnings: (count) => `警告（${count} 条）`,
  noWarnings: '没有警告。',
  warningKinds: warningKindLabels,
  whatToDo: '处理：',
  rowRange: (first, last) => (first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`),
  rowLinksLabel: (sheet) => `“${sheet}”中的行`,
  moreRowRanges: (count) => `还有 ${count} 处`,
  overwriteTitle: '覆盖手工修改？',
  overwriteBody: (sheets) => `这些表在上次生成后被手工修改过，重新生成会覆盖这些修改：${sheets}。如需保留，请先取消，把它们改名或复制一份。`,
  overwrite: '覆盖',
  cancel: '取消',
  overwriteCancelled: '已取消，工作簿没有改动。',
  listSeparator: '、',

  briefTitle: '5. 简报',
  briefHint: (period) => `按工作簿中现在的样子（含手工修改）写出${period ? `${period} ` : ''}的 Word 简报：各表、12345 的图、“具体分析”表中的二、具体分析和三、工作建议。`,
  downloadBrief: '下载简报',
  finalise: '定稿',
  briefWorking: '正在生成简报…',
  finaliseWorking: '正在定稿…',
  briefSaved: (fileName, edited) => `已下载“${fileName}”${edited ? `（含 ${edited} 个手工修改过的数值）` : ''}。`,
  briefAttempted: (fileName, edited) =>
    `已生成“${fileName}”${edited ? `（含 ${edited} 个手工修改过的数值）` : ''}，并尝试下载。Excel 中的加载项窗口（Windows、Mac、网页版）常常不能保存文件：如果没有出现下载或保存对话框，请把工作簿保存后，用浏览器版（在浏览器中打开本加载项的网址）打开它再点“下载简报”，或用命令行工具生成简报（见使用说明）。`,
  finaliseHint: '定稿：把本期各表现在的数值（含手工修改）记入“历史指标”，下月的上期列即取这些数值；改过的数值在说明列中注明。',

  settingsTitle: '6. 设置',
  openSettings: '打开“月报设置”',
  settingsHint: '单位、问题来源、阶段写法、表格列、自定义表格等都在“月报设置”表中，修改后下次生成即生效。',
  settingsNotesTitle: '设置检查',
  settingsNotesNone: '“月报设置”中的名称都能识别。',
  catalogueTitle: '可以使用的指标和维度',
  cataloguePlaceholder: '搜索：如 结案率、同比、街道',
  catalogueCount: (shown, total) => (shown === total ? `共 ${total} 项` : `找到 ${shown} 项（共 ${total} 项）`),
  catalogueGroups: { cases: '数字城管指标', hotline: '12345指标', custom: '自定义指标', target: '目标', form: '比较写法', dimension: '维度', order: '排序', display: '显示' },

  firstBuildTitle: '第一次生成：设置',
  firstBuildLearned: '工作簿中还没有“月报设置”。下面这些是从导出数据中识别出来的，不是照搬别的城市：',
  firstBuildPreset: (name, percent) => `工作簿中还没有“月报设置”。导出表中 ${percent}% 的单位在预设“${name}”中，将使用该预设。`,
  learnedCounts: (units, counties, secondLevel) => `一级单位 ${units} 个（其中县市区 ${counties} 个），二级单位 ${secondLevel} 个`,
  learnedSources: (sources) => `，问题来源 ${sources} 个。`,
  learnedGroup: (label, names) => `${label}：${names}`,
  cityUnitsLabel: '市局',
  countiesLabel: '县市区',
  otherUnitsLabel: '其他',
  sourcesLabel: '问题来源',
  showLearned: '显示识别出的单位和来源',
  hideLearned: '收起',
  settingsBasisLabel: '设置从哪里来',
  learnOption: '从数据识别（推荐）',
  presetOption: (name) => `预设：${name}`,
  reviewSettings: '先打开设置核对',
  firstBuildHint: '生成时这些设置会写进“月报设置”表，识别出的行标有“从数据识别”。分组（市局 / 县市区）、写法不对的，可以先打开核对修改，也可以生成后修改再生成一次。',
  lastReportTitle: '上月月报（可选）',
  lastReportHint: '每月的导出通常是一个新文件。选择上个月生成的月报，沿用它的“月报设置”（包括您做过的修改）和“历史指标”（上期列）。',
  chooseLastReport: '选择上月月报…',
  readingLastReport: '正在读取上月月报…',
  lastReportChosen: (name) => `已选：${name}`,
  lastReportUses: (settings, history) =>
    settings && history ? '生成时沿用它的设置和历史指标。' : settings ? '生成时沿用它的设置（它没有历史指标）。' : history ? '生成时沿用它的历史指标（设置用本工作簿自己的或从数据识别）。' : '',
  clearLastReport: '不用了',

  previewTitle: '工作簿预览（只读）',
  previewEmpty: '这张表是空的。',
  sheetTabs: '工作表',
  loadingSheet: '正在显示工作表…',
  pageInfo: (first, last, total) => `第 ${first}–${last} 行，共 ${total} 行`,
  selectedRow: '（已选中）',
};

const enUS: Strings = {
  language: 'en-US',
  appTitle: 'Case Brief',
  browserModeTag: 'Browser mode',
  browserModeNote: 'No Excel needed: WPS users and computers without Excel can use it too. Open the exported workbook, build, download the result and open it in WPS or Excel. Data stays on this computer.',
  hostReason: {
    'office-ready': 'Running in Excel',
    'office-unavailable': 'Not in Excel (Office script not loaded)',
    'office-no-host': 'Not in Excel (Office script reports no host)',
    'office-other-host': 'The Office application is not Excel',
    'office-timeout': 'Not in Excel (Office did not answer in time)',
    'office-failed': 'Not in Excel (Office script failed to start)',
  },
  openFile: 'Open file…',
  download: 'Download result',
  currentFile: (name) => `File: ${name}`,
  starting: 'Starting…',
  loadingWorkbook: 'Loading the workbook…',
  noWorkbook: 'No workbook is open. Choose Open file… and pick the .xlsx, .xls or .csv exported from the case system.',
  errorTitles: {
    start: 'Case Brief could not start',
    open: 'Cannot open the file',
    sample: 'Cannot load the sample workbook',
    inspect: 'Cannot read the workbook',
    build: 'Cannot build the monthly tables',
    write: 'Cannot write the sheets',
    mapping: 'Cannot save the column mapping',
    settings: 'Cannot open the settings',
    navigate: 'Cannot go to the sheet',
    worker: 'The statistics worker failed',
    brief: 'Cannot make the brief',
    finalise: 'Cannot finalise',
    lastReport: 'Cannot read last month’s report',
  },
  dismiss: 'Dismiss',

  dataTitle: '1. Data',
  refresh: 'Read again',
  inspecting: 'Reading the workbook…',
  noSheets: 'No export sheet was recognised in this workbook.',
  historyOnly: (first, last) => `No export sheet here, but 历史指标 holds the months ${first} to ${last} as built: a quarter (2021-Q3), half (2021-H1) or year (2021) can be added up from them.`,
  sheetKinds: { cases: 'Case-system cases', hotline: '12345 hotline orders', returns: 'Returned orders', flags: 'Flags' },
  unknownKind: 'Not recognised (not counted)',
  dataRows: (count) => `${count} data rows`,
  headerRow: (row) => `headers in row ${row}`,
  matchedColumns: (count) => `${count} columns recognised`,
  showColumns: 'Show recognised columns',
  hideColumns: 'Hide',
  columnMatch: (header, label, manual) => (header === label ? `${header}${manual ? ' (set by hand)' : ''}` : `${header} → ${label}${manual ? ' (set by hand)' : ''}`),
  missingColumn: (label) => `Required column missing: ${label}`,
  missingColumnHint: 'Choose the matching column; the choice is kept in the settings sheet (manual column mappings).',
  chooseColumn: 'Choose the column',
  columnByLetter: (letter, header) => (header ? `Column ${letter} (another “${header}”)` : `Column ${letter} (no header)`),
  savingMapping: 'Saving…',

  periodTitle: '2. Period',
  periodLabel: 'Period',
  periodHint: 'Month 2021-09, week 2021-W37, quarter 2021-Q3, half-year 2021-H1, year 2021; defaults to the latest complete month in the data. Without export sheets, a quarter, half or year can be added up from the months in 历史指标.',
  asOfLabel: 'As of',
  asOfFromSettings: 'From the settings sheet; you can change it.',
  asOfFromData: 'Defaults to the latest event time in the export; you can change it.',
  asOfNone: 'The data has no usable time; write one like 2021-10-08 17:30.',

  buildTitle: '3. Build',
  build: 'Build monthly tables',
  phases: { read: 'Reading', compute: 'Computing', write: 'Writing' },
  progress: (phase) => `${phase}…`,
  buildDone: (period) => `Built the tables of ${period}.`,

  resultTitle: '4. Result',
  writtenSheets: 'Sheets written',
  reconciliation: 'Reconciliation',
  checkOk: 'matches',
  checkFailed: 'does not match',
  warnings: (count) => `Warnings (${count})`,
  noWarnings: 'No warnings.',
  warningKinds: {
    duplicateId: 'Duplicate ids (the later row counts)',
    lostPrecisionId: 'Ids rounded by Excel (scientific notation)',
    duplicateSheet: 'Duplicate export sheets (counted once)',
    ignoredSheet: 'Sheets not read',
    implausibleTime: 'Implausible times',
    longText: 'Texts over the cell limit (cut)',
    macrosDropped: 'Macros not carried over',
    strayCells: 'Stray cells outside the table (not read)',
    badTime: 'Unreadable times',
    unknownStage: 'Unknown stage (counted as reported only)',
    unknownUnit: 'Unit not in the settings',
    unknownSource: 'Source not in the settings',
    missingUnit: 'Dispatched cases without a unit',
    missingId: 'Missing ids',
    outsidePeriod: 'Outside this period',
    notCounted: 'Not counted by rule (assisting 协办 orders)',
    notAvailable: 'Columns the export lacks (figures that cannot be computed)',
    onTimeUnjudged: 'On-time status unknown',
    noDeadlineColumn: 'No deadline column',
    noHistory: 'No previous-period figures',
    editedSheet: 'Generated sheets edited by hand',
    settings: 'Settings sheet problems',
    lowRate: 'Rates below the warning line',
    readBack: 'Reading back the generated sheets',
    historyArchived: 'History kept over several sheets',
    fromHistory: 'Built from the history sheet’s figures',
    partialPeriod: 'Months without any data',
  },
  whatToDo: 'What to do: ',
  rowRange: (first, last) => (first === last ? `row ${first}` : `rows ${first}–${last}`),
  rowLinksLabel: (sheet) => `Rows of “${sheet}”`,
  moreRowRanges: (count) => `${count} more`,
  overwriteTitle: 'Overwrite hand edits?',
  overwriteBody: (sheets) => `These sheets were edited by hand after the last build; building again overwrites the edits: ${sheets}. To keep them, cancel and rename or copy them first.`,
  overwrite: 'Overwrite',
  cancel: 'Cancel',
  overwriteCancelled: 'Cancelled; the workbook is unchanged.',
  listSeparator: ', ',

  briefTitle: '5. Brief',
  briefHint: (period) => `Writes the Word brief${period ? ` of ${period}` : ''} from the workbook as it is now (hand edits included): the tables, the 12345 charts, and 二、三、 from the 具体分析 sheet.`,
  downloadBrief: 'Download brief',
  finalise: 'Finalise',
  briefWorking: 'Making the brief…',
  finaliseWorking: 'Finalising…',
  briefSaved: (fileName, edited) => `Downloaded "${fileName}"${edited ? ` (with ${edited} figures edited by hand)` : ''}.`,
  briefAttempted: (fileName, edited) =>
    `Made "${fileName}"${edited ? ` (with ${edited} figures edited by hand)` : ''} and tried to download it. Add-in panes in Excel (Windows, Mac, the web) often cannot save files: if no download or save dialog appeared, save the workbook, open it in the browser mode (this add-in's address in a browser) and choose Download brief there, or use the command line (case-brief brief, see the README).`,
  finaliseHint: 'Finalise records the figures of this period as they stand now (hand edits included) into 历史指标, so next month\'s 上期 columns show them; edited figures are noted.',

  settingsTitle: '6. Settings',
  openSettings: 'Open the settings sheet',
  settingsHint: 'Units, sources, stage words, table columns and custom tables live in the 月报设置 sheet; changes apply to the next build.',
  settingsNotesTitle: 'Settings check',
  settingsNotesNone: 'Every name in the settings sheet is understood.',
  catalogueTitle: 'Indicators and dimensions you can use',
  cataloguePlaceholder: 'Search, e.g. 结案率, 同比, 街道',
  catalogueCount: (shown, total) => (shown === total ? `${total} entries` : `${shown} of ${total} entries`),
  catalogueGroups: { cases: 'Case indicator', hotline: '12345 indicator', custom: 'Custom indicator', target: 'Target', form: 'Comparison', dimension: 'Dimension', order: 'Sort', display: 'Display' },

  firstBuildTitle: 'First build: settings',
  firstBuildLearned: 'The workbook has no settings sheet yet. These settings were learned from the export, not copied from another city:',
  firstBuildPreset: (name, percent) => `The workbook has no settings sheet yet. ${percent}% of the export's units are in the preset “${name}”, which will be used.`,
  learnedCounts: (units, counties, secondLevel) => `${units} first-level units (${counties} counties), ${secondLevel} second-level units`,
  learnedSources: (sources) => `, ${sources} sources.`,
  learnedGroup: (label, names) => `${label}: ${names}`,
  cityUnitsLabel: 'City departments',
  countiesLabel: 'Counties',
  otherUnitsLabel: 'Other',
  sourcesLabel: 'Sources',
  showLearned: 'Show the units and sources learned',
  hideLearned: 'Hide',
  settingsBasisLabel: 'Where the settings come from',
  learnOption: 'Learn from the data (recommended)',
  presetOption: (name) => `Preset: ${name}`,
  reviewSettings: 'Open the settings to check them first',
  firstBuildHint: 'The build writes these settings to the 月报设置 sheet, learned rows marked 从数据识别. Correct a wrong group (city / county) or spelling there, before building or after, and build again.',
  lastReportTitle: 'Last month’s report (optional)',
  lastReportHint: 'Each month’s export is usually a new file. Choose last month’s report to carry over its settings (with your corrections) and its history (the previous-period columns).',
  chooseLastReport: 'Choose last month’s report…',
  readingLastReport: 'Reading last month’s report…',
  lastReportChosen: (name) => `Chosen: ${name}`,
  lastReportUses: (settings, history) =>
    settings && history ? 'The build uses its settings and history.' : settings ? 'The build uses its settings (it has no history).' : history ? 'The build uses its history (settings: this workbook’s own, or learned).' : '',
  clearLastReport: 'Do not use it',

  previewTitle: 'Workbook preview (read-only)',
  previewEmpty: 'This sheet is empty.',
  sheetTabs: 'Sheets',
  loadingSheet: 'Showing the sheet…',
  pageInfo: (first, last, total) => `Rows ${first}–${last} of ${total}`,
  selectedRow: ' (selected)',
};

export const dictionaries: Readonly<Record<Language, Strings>> = { 'zh-CN': zhCN, 'en-US': enUS };

/**
 * The pane's language from candidate language tags, most preferred first (Office's display
 * language, then navigator.languages): English tags give en-US; anything else, or nothing, zh-CN.
 * @example chooseLanguage(['en-GB']) // 'en-US'
 * @example chooseLanguage([undefined, 'zh-TW']) // 'zh-CN'
 */
export function chooseLanguage(candidates: readonly (string | null | undefined)[]): Language {
  const first = candidates.find((tag): tag is string => typeof tag === 'string' && tag.trim() !== '');
  if (first === undefined) return 'zh-CN';
  return /^en\b/i.test(first.trim()) ? 'en-US' : 'zh-CN';
}

/** The strings of the pane; provided by index.tsx. */
export const StringsContext = createContext<Strings>(zhCN);

export function useStrings(): Strings {
  return useContext(StringsContext);
}

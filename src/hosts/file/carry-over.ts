/**
 * Last month's report workbook as a build's carry-over: its 月报设置 (the settings, with the clerk's
 * corrections) and its 历史指标 (the 上期 figures). Every month's export usually arrives as a new file;
 * the command line (`--from`) and the task pane (上月月报) read the previous report through here.
 */
import { historySheetName, isHistorySheetName, settingsSheetName, type CarryOver } from '../../core/index.ts';
import { readSheetNames, readWorkbook } from './read-workbook.ts';

/** Thrown when the file holds neither sheet: it is no report this product wrote. */
export class NotAReportError extends Error {
  constructor(fileName: string) {
    super(`"${fileName}"中没有"${settingsSheetName}"表，也没有"${historySheetName}"表：请选择上个月用城管月报助手生成的月报工作簿。`);
    this.name = 'NotAReportError';
  }
}

/** Reads the settings and history sheets of a report workbook. Throws NotAReportError when it has neither. */
export function readCarryOver(bytes: Uint8Array, fileName: string): CarryOver {
  // Only these sheets: a report workbook also holds the month's raw exports, 200,000 rows of them.
  const names = readSheetNames(bytes, fileName).filter((name) => name === settingsSheetName || isHistorySheetName(name));
  const sheets = readWorkbook(bytes, fileName, { only: new Set(names) });
  const settings = sheets.find((sheet) => sheet.name === settingsSheetName);
  const history = sheets.find((sheet) => sheet.name === historySheetName);
  const archives = sheets.filter((sheet) => sheet.name !== historySheetName && isHistorySheetName(sheet.name));
  if (!settings && !history) throw new NotAReportError(fileName);
  return { ...(settings ? { settings } : {}), ...(history ? { history } : {}), ...(archives.length ? { historyArchives: archives } : {}) };
}

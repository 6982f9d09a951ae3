/**
 * How much a build inside Excel (or the browser mode) can take: every row of every export is read
 * into the task pane's memory, over Office.js requests of at most 5 MB on the web. A period larger
 * than one Excel sheet holds (a large city's year: 2 to 3 million cases over several sheets) is the
 * command line's job, which streams its inputs; the pane says so before reading a row.
 */
import { InputError } from '../model/warning.ts';
import { isHistorySheetName } from '../report/history.ts';

/** Rows of the exports of one build in the pane: one full Excel sheet below its header. */
export const paneRowLimit = 1_048_575;

export interface SheetSize {
  readonly name: string;
  /** Rows of its used range. */
  readonly rows: number;
  readonly hidden?: boolean;
}

/**
 * Null when the workbook's sheets fit a build in the pane, else the error that says how large they
 * are and that the command line builds such a period. The history sheets (a build's own bookkeeping,
 * read in full) do not count; hidden sheets are not read and do not count either.
 */
export function tooLargeForPane(sheets: readonly SheetSize[], limit = paneRowLimit): InputError | null {
  const counted = sheets.filter((sheet) => !sheet.hidden && !isHistorySheetName(sheet.name) && sheet.rows > 0);
  const total = counted.reduce((sum, sheet) => sum + sheet.rows, 0);
  if (total <= limit) return null;
  const biggest = [...counted].sort((left, right) => right.rows - left.rows);
  const listed = biggest.slice(0, 4).map((sheet) => `"${sheet.name}" ${sheet.rows.toLocaleString('en-US')} 行`);
  return new InputError(
    `这个工作簿的表共有 ${total.toLocaleString('en-US')} 行（${listed.join('，')}${biggest.length > 4 ? ` 等 ${biggest.length} 张表` : ''}），` +
      `超过了在 Excel 中一次生成能处理的 ${limit.toLocaleString('en-US')} 行（一张工作表的行数）。` +
      `这么大的统计期（如大城市的一整年）请用命令行工具生成，它逐个读取导出文件、不占满内存：` +
      `case-brief build 1月.csv 2月.csv … 12月.csv --period 2021 --out 年报.xlsx（或给出放导出文件的文件夹），见使用说明中的“多个输入：季报、年报”。` +
      `在 Excel 中也可以按月生成，再由历史指标汇总生成季度或全年。` +
      `如果某张表实际没有这么多行，多半是表格下方远处有误输入的单元格：删除表格下方多余的行，保存后重试。`,
    { sheet: biggest[0].name, column: '', headersSeen: [] },
  );
}

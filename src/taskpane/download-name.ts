/**
 * The browser mode's download name: the opened file's name marked as the result, always .xlsx
 * (an opened .csv or .xls is converted). Pure.
 * @example downloadName('sample-2021.xlsx') // 'sample-2021-月报.xlsx'
 * @example downloadName('导出.csv') // '导出-月报.xlsx'
 * @example downloadName('sample-2021-月报.xlsx') // 'sample-2021-月报.xlsx' (not marked twice)
 */
export function downloadName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(xlsx|xlsm|xls|csv|txt)$/i, '');
  if (base === '') return '月报.xlsx';
  return `${base.endsWith('-月报') ? base : `${base}-月报`}.xlsx`;
}

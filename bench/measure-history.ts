/**
 * One measurement in its own process: how big 历史指标 grows, and what the clerk's own tables cost,
 * for a month of N synthetic cases with a city's variety (800 社区, 60 街道, 150 小类, 12 大类, 8 县区)
 * and five custom tables (by 社区, 街道, 大类, 县区 with a 范围, the top 5 小类 of 事件 and 部件, each
 * with 上期 and 环比 columns). Prints one JSON line: the history rows one build records (standard tables
 * and custom ones), rows after twelve months, the history sheet's cells, the build time with and
 * without the custom tables, and the build time with twelve months of history in the workbook.
 */
import { buildMonthlyReport, historySheetName, referencePreset, type CellValue, type CustomTableSetting, type RawSheet, type Settings } from '../src/core/index.ts';
import { mulberry32 } from '../scripts/generate-sample.ts';
import { syntheticCaseSheet } from './synthetic-cases.ts';

const rows = Number(process.argv[2] ?? 200_000);
const base = syntheticCaseSheet(rows);
const random = mulberry32(7);
const names = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
const communities = names('社区', 800);
const streets = names('街道', 60);
const subTypes = names('小类', 150);
const mainTypes = names('大类', 12);
const districts = names('县区', 8);
const pick = (list: readonly string[]) => list[Math.floor(random() * random() * list.length)];
const sheet: RawSheet = {
  ...base,
  rows: base.rows.map((row, index) => {
    if (index < 2) return row;
    const copy: CellValue[] = [...row];
    [copy[3], copy[4], copy[7], copy[8], copy[9]] = [pick(mainTypes), pick(subTypes), pick(districts), pick(streets), pick(communities)];
    return copy;
  }),
};

const table = (name: string, by: string, extra: Partial<CustomTableSetting> = {}): CustomTableSetting => ({
  name,
  by,
  groupBy: '',
  scope: '',
  columns: ['上报数', '上期上报数', '上报数环比', '结案数', '结案率'],
  top: null,
  total: true,
  totalLabel: '',
  sort: '',
  display: [],
  ...extra,
});
const custom: Settings = {
  ...referencePreset,
  customTables: [
    table('按社区', '社区'),
    table('按街道', '街道'),
    table('按大类', '大类'),
    table('按县区', '县区', { scope: '来源=巡查上报' }),
    table('高发小类', '小类', { groupBy: '问题类型', top: 5, columns: ['上报数', '上期上报数', '上报数环比', '去年同期上报数', '上报数同比'], display: ['箭头'] }),
  ],
};

const timed = <T>(run: () => T): { seconds: number; value: T } => {
  let best = Infinity;
  let value: T | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    value = run();
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return { seconds: best, value: value as T };
};
const options = { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' };
buildMonthlyReport([sheet], { ...options, settings: custom }); // warm-up, so that the first measurement is not the slowest
const plain = timed(() => buildMonthlyReport([sheet], { ...options, settings: referencePreset }));
const withTables = timed(() => buildMonthlyReport([sheet], { ...options, settings: custom }));
const standardTables = new Set(['案件概况', '部门处置', '县区办理', '高发问题']);
const recorded = withTables.value.history;
const customRows = recorded.filter((record) => !standardTables.has(record.table)).length;

// Twelve months of the same size in the workbook's history: what the next build reads.
const historyGrid = withTables.value.sheetsToWrite.find((grid) => grid.name === historySheetName);
const header = historyGrid?.cells[0].map((cell) => cell?.value ?? null) ?? [];
const monthRows = recorded.map((record) => [record.period, record.table, record.row, record.indicator, record.value, record.asOf, record.recordedAt] as CellValue[]);
const year: CellValue[][] = [];
// 2020-09 … 2021-08: the twelve periods before the one built, 上期 and 去年同期 among them.
for (let month = 0; month < 12; month++) {
  const index = 2020 * 12 + 8 + month;
  const key = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  for (const row of monthRows) year.push([key, ...row.slice(1)]);
}
const history: RawSheet = { name: historySheetName, rows: [header, ...year] };
const withYear = timed(() => buildMonthlyReport([sheet, history], { ...options, settings: custom }));

process.stdout.write(
  JSON.stringify({
    rows,
    historyRowsPerBuild: recorded.length,
    customHistoryRowsPerBuild: customRows,
    historyRowsTwelveMonths: year.length,
    historyCellsTwelveMonths: year.length * 7,
    buildSecondsPlain: plain.seconds,
    buildSecondsCustom: withTables.seconds,
    buildSecondsCustomWithYearOfHistory: withYear.seconds,
    missingWithYear: withYear.value.warnings.filter((warning) => warning.kind === 'noHistory').length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);

/**
 * `npm run bench`: prints the figures the issues ask for, each measured in a fresh process.
 *  - parse + compute for 200,000 case rows (target: under 1.5 s, peak memory under 1 GB);
 *  - reading a 200,000-row .xlsx export with the file host;
 *  - the 12345 analysis of 50,000 orders (grouping under 2 s, the whole analysis under 3 s);
 *  - the clerk's own tables over a city's variety of 社区 and 小类, and how big 历史指标 grows;
 *  - the Office host's sync calls, which must not grow with the number of table rows;
 *  - the Word brief of a 200,000-case month on top of the build (target: under 2 s), and 定稿;
 *  - a first build that learns its settings from the data against one with settings given (target: at most 10% more).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.env.BENCH_ROWS ?? 200_000);

function measure(script: string, ...args: string[]): Record<string, unknown> {
  const output = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', join(here, script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').pop() as string) as Record<string, unknown>;
}

const fmt = (value: unknown, digits = 2) => (typeof value === 'number' ? value.toFixed(digits) : String(value));

console.log(`机器 machine: ${process.platform} ${process.arch}, Node ${process.version}`);
const core = measure('measure-core.ts', String(rows));
console.log(`parse + compute, ${rows} case rows: best ${fmt(core.bestSeconds)} s (runs ${(core.runsSeconds as number[]).map((s) => s.toFixed(2)).join(', ')}), peak RSS ${fmt(core.peakRssMb, 0)} MB (incl. the sheet in memory), reconciled: ${core.reconciled}  [target < 1.5 s, < 1024 MB]`);
const orders = Number(process.env.BENCH_ORDERS ?? 50_000);
const hotline = measure('measure-hotline.ts', String(orders));
console.log(`12345 statistics incl. repeat-problem grouping, ${orders} orders: ${fmt(hotline.statisticsSeconds)} s (${hotline.groups} groups)  [target < 2 s]`);
console.log(`12345 whole analysis (read rows, statistics, 3 sheets), ${orders} orders: best ${fmt(hotline.wholeSeconds)} s (runs ${(hotline.wholeRuns as number[]).map((s) => s.toFixed(2)).join(', ')})  [target < 3 s]`);
const brief = measure('measure-brief.ts', String(rows), String(orders));
console.log(`Word brief of a ${rows}-case month (${orders} orders) on top of the build (read back + compose + .docx): best ${fmt(brief.bestSeconds)} s (runs ${(brief.runsSeconds as number[]).map((s) => s.toFixed(2)).join(', ')}; compose ${fmt(brief.composeSeconds)} s; ${fmt(brief.docxKb, 0)} KB); 定稿 ${fmt(brief.finaliseSeconds)} s  [target < 2 s]`);
const history = measure('measure-history.ts', String(rows));
console.log(`custom tables (社区 800, 街道 60, 大类, 县区, top-5 小类), ${rows} case rows: build ${fmt(history.buildSecondsCustom)} s (standard tables only ${fmt(history.buildSecondsPlain)} s; with twelve months of history in the workbook ${fmt(history.buildSecondsCustomWithYearOfHistory)} s); 历史指标 rows per build ${history.historyRowsPerBuild} (custom tables ${history.customHistoryRowsPerBuild}), after twelve months ${history.historyRowsTwelveMonths}`);
const learning = measure('measure-learned-settings.ts', String(rows));
console.log(
  `first build in a new city, ${rows} case rows: settings learned ${fmt(learning.learnedSeconds)} s vs given ${fmt(learning.givenSeconds)} s (+${fmt(learning.extraPercent, 1)}%; the learning step alone ${fmt(learning.proposeSeconds)} s = ${fmt(learning.proposePercent, 1)}% of a build; ${learning.learnedUnits} units, ${learning.learnedCounties} counties, reconciled: ${learning.reconciled})  [target ≤ +10%]; the reference city's data matches the preset "${learning.presetName}": ${fmt(learning.presetMatchedSeconds)} s`,
);
const syncs = measure('measure-office-syncs.ts');
console.log(`Office.js syncs (fake Excel): a 10-row table ${syncs.table10}, a 1,000-row table ${syncs.table1000}; the sample's September report (${syncs.septemberSheets} sheets) ${syncs.septemberSyncs}; reading 200,000 rows × 24 ${syncs.read200kSyncs}`);
if (existsSync(join(here, 'read-xlsx.ts'))) {
  const read = measure('read-xlsx.ts', '--json', String(rows));
  console.log(`xlsx read (readWorkbook, fast scanner), ${rows} rows × 24 columns (${fmt(read.fileMb, 1)} MB file): ${fmt(read.seconds)} s, peak RSS ${fmt(read.peakRssMb, 0)} MB`);
  console.log(`  for comparison, SheetJS read + sheet_to_json: ${fmt(read.sheetjsSeconds)} s, peak RSS ${fmt(read.sheetjsPeakRssMb, 0)} MB`);
}
const hostile: [string, string, string][] = [
  ['one-address', '50,000 12345 orders at one address (one unit, place, category)', '< 2 s, < 1024 MB'],
  ['pasted-twice', 'a 100,000-case export pasted twice (200,000 rows)', '< 5 s'],
  ['many-units', '200,000 cases over 100,000 distinct units not in the settings', '< 10 s'],
];
for (const [which, what, target] of hostile) {
  const figure = measure('measure-hostile.ts', which);
  console.log(`hostile input, whole CLI build: ${what}: ${fmt(figure.seconds)} s, peak RSS ${fmt(figure.peakRssMb, 0)} MB, exit ${figure.status}  [target ${target}]`);
}

/**
 * `npm run bench`: the figures of the speed issues, each measured in a fresh process, on one
 * generated workbook of a big city's month (200,000 cases and 50,000 12345 orders; BENCH_CASES and
 * BENCH_ORDERS change the sizes), each against its floor, peer or goal:
 *  - the whole command line (`case-brief build`, start to exit) against the floor of inflating the
 *    same file (`unzip -p FILE > /dev/null`) and against an analyst's pandas + openpyxl script
 *    (bench/peer/pandas_cases.py, when /usr/bin/python3 has pandas), and its peak memory;
 *  - reading the workbook (readWorkbook) against the same floor;
 *  - the statistics of the 200,000 cases and the 12345 analysis of the 50,000 orders;
 *  - the Word brief on top of the build, and 定稿; the clerk's own tables and how big 历史指标 grows;
 *  - a first build that learns its settings from the data against one with settings given;
 *  - the browser mode in Chromium: open, build, and the longest task of the page's thread;
 *  - the Office host against the typed fake of Excel: syncs and the largest request and response;
 *  - hostile inputs (issue 10), each a whole command-line build;
 *  - a big city's year from twelve monthly CSV files (2.4 million rows) through the command line,
 *    next to the same year's twelve monthly builds added up (issue 12).
 * Times are the best of BENCH_RUNS runs (default 3; the peer runs once). The machine's load average
 * is printed first and last: other work on the machine slows every figure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openZip } from '../src/hosts/file/zip-package.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cases = Number(process.env.BENCH_CASES ?? 200_000);
const orders = Number(process.env.BENCH_ORDERS ?? 50_000);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const python = '/usr/bin/python3';

function measure(script: string, ...args: string[]): Record<string, unknown> {
  const output = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', join(here, script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  return JSON.parse(output.trim().split('\n').pop() as string) as Record<string, unknown>;
}

/** Wall seconds of a command, from its start to its exit. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; stdout: string; status: number | null } {
  const started = process.hrtime.bigint();
  const child = spawnSync(command, [...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  return { seconds, stdout: child.stdout, status: child.status };
}

const s = (value: unknown, digits = 2) => (typeof value === 'number' ? value.toFixed(digits) : String(value));
const runsOf = (list: unknown) => (list as number[]).map((value) => value.toFixed(2)).join(', ');
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const verdict = (ok: boolean) => (ok ? '✓' : '✗');

console.log(`机器 machine: ${process.platform} ${process.arch}, ${cpus().length} cores, Node ${process.version}; load average ${load()}`);

// --- The workbook ----------------------------------------------------------------------------------
const workbook = execFileSync(process.execPath, ['--max-old-space-size=6144', '--import', 'tsx', join(here, 'large-workbook.ts'), String(cases), String(orders)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop() as string;
const xmlMb = (openZip(new Uint8Array(readFileSync(workbook))) ?? []).reduce((sum, entry) => sum + entry.size, 0) / 2 ** 20;
console.log(`工作簿 workbook: ${cases} cases + ${orders} orders, ${s(statSync(workbook).size / 2 ** 20, 1)} MB (${s(xmlMb, 0)} MB of XML inside): ${workbook}`);

// --- Floor, whole command line, peer ---------------------------------------------------------------
const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;
const floorRuns = hasUnzip ? Array.from({ length: runs }, () => timed('sh', ['-c', 'unzip -p "$0" > /dev/null', workbook]).seconds) : [];
const floor = floorRuns.length ? Math.min(...floorRuns) : NaN;
console.log(hasUnzip ? `floor: unzip -p FILE > /dev/null: best ${s(floor)} s (runs ${runsOf(floorRuns)})` : 'floor: unzip is not installed, so the ratios to the floor are not measured');

execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'ignore' });
const outDir = mkdtempSync(join(tmpdir(), 'case-brief-bench-out-'));
const rssFile = join(outDir, 'peak-rss');
const cliRuns: number[] = [];
let cliRss = 0;
let cliLines: string[] = [];
for (let run = 0; run < runs; run++) {
  const cli = timed(process.execPath, ['--import', pathToFileURL(join(here, 'report-peak-rss.mjs')).href, join(root, 'bin', 'case-brief.js'), 'build', workbook, '--period', '2021-09', '--out', join(outDir, 'out.xlsx'), '--quiet', '--built-at', '2021-10-11 09:00'], { ...process.env, BENCH_PEAK_RSS_FILE: rssFile });
  cliRuns.push(cli.seconds);
  cliRss = Math.max(cliRss, Number(readFileSync(rssFile, 'utf8')));
  cliLines = cli.stdout.trim().split('\n');
}
const cliBest = Math.min(...cliRuns);
console.log(`whole CLI build (case-brief build, start to exit): best ${s(cliBest)} s (runs ${runsOf(cliRuns)}) = ${s(cliBest / floor, 1)}× the floor [goal ≤ 4×] ${verdict(cliBest / floor <= 4)}; peak RSS ${s(cliRss, 0)} MB [goal < 600 MB] ${verdict(cliRss < 600)}`);
console.log(`  its summary: ${cliLines.find((line) => line.includes('上报')) ?? cliLines[0]}`);
console.log(`  its timing line: ${cliLines.find((line) => line.startsWith('用时')) ?? '(none)'}`);

const hasPandas = !process.env.BENCH_SKIP_PEER && existsSync(python) && spawnSync(python, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' }).status === 0;
if (hasPandas) {
  const peer = timed(python, [join(here, 'peer', 'pandas_cases.py'), workbook, '--period', '2021-09']);
  const totals = JSON.parse(peer.stdout.trim().split('\n').pop() as string) as { reported: number; dispatched: number; closed: number };
  console.log(`peer: pandas + openpyxl (bench/peer/pandas_cases.py, 案件概况 and 部门处置 only, one run): ${s(peer.seconds)} s; CLI / peer = ${s(cliBest / peer.seconds, 3)} [goal ≤ 0.1] ${verdict(cliBest / peer.seconds <= 0.1)}`);
  console.log(`  the peer's 2021-09: 上报 ${totals.reported}, 应处置 ${totals.dispatched}, 结案 ${totals.closed} (the CLI's summary above should say the same)`);
} else {
  console.log(`peer: not run (${process.env.BENCH_SKIP_PEER ? 'BENCH_SKIP_PEER is set' : `${python} with pandas and openpyxl is not installed`})`);
}
rmSync(outDir, { recursive: true, force: true });

// --- Reading, statistics -----------------------------------------------------------------------------
const read = measure('measure-read.ts', workbook);
console.log(`reading (readWorkbook, ${read.inflater} inflate, ${read.rows} rows): best ${s(read.bestSeconds)} s (runs ${runsOf(read.runsSeconds)}) = ${s((read.bestSeconds as number) / floor, 1)}× the floor [goal ≤ 2×] ${verdict((read.bestSeconds as number) / floor <= 2)}; peak RSS ${s(read.peakRssMb, 0)} MB`);
if (process.env.BENCH_SHEETJS) {
  const sheetjs = measure('measure-read.ts', workbook, '--sheetjs');
  console.log(`  for comparison, SheetJS read + sheet_to_json: ${s(sheetjs.bestSeconds)} s, peak RSS ${s(sheetjs.peakRssMb, 0)} MB`);
}
const core = measure('measure-core.ts', workbook);
console.log(`statistics of ${core.rows} case rows (the build over the cases sheet as read: rows to records, figures, all tables): best ${s(core.bestSeconds)} s (runs ${runsOf(core.runsSeconds)}) [goal < 0.3 s] ${verdict((core.bestSeconds as number) < 0.3)}; reconciled: ${core.reconciled}`);
const hotline = measure('measure-hotline.ts', workbook);
console.log(`12345 analysis of ${hotline.orders} orders incl. repeat-problem grouping (${hotline.groups} groups): best ${s(hotline.statisticsSeconds)} s (runs ${runsOf(hotline.statisticsRuns)}) [goal < 0.5 s] ${verdict((hotline.statisticsSeconds as number) < 0.5)}`);
console.log(`  the whole 12345 build (rows to orders, statistics, ${hotline.sheets} sheets): best ${s(hotline.wholeSeconds)} s (runs ${runsOf(hotline.wholeRuns)})`);
const brief = measure('measure-brief.ts', String(cases), String(orders));
console.log(`Word brief of a ${cases}-case month (${orders} orders) on top of the build (read back + compose + .docx): best ${s(brief.bestSeconds)} s (runs ${runsOf(brief.runsSeconds)}; compose ${s(brief.composeSeconds)} s; ${s(brief.docxKb, 0)} KB); 定稿 ${s(brief.finaliseSeconds)} s  [goal < 2 s]`);
const history = measure('measure-history.ts', String(cases));
console.log(`custom tables (社区 800, 街道 60, 大类, 县区, top-5 小类), ${cases} case rows: build ${s(history.buildSecondsCustom)} s (standard tables only ${s(history.buildSecondsPlain)} s; with twelve months of history in the workbook ${s(history.buildSecondsCustomWithYearOfHistory)} s); 历史指标 rows per build ${history.historyRowsPerBuild} (custom tables ${history.customHistoryRowsPerBuild}), after twelve months ${history.historyRowsTwelveMonths}`);
const learning = measure('measure-learned-settings.ts', String(cases));
console.log(
  `first build in a new city, ${cases} case rows: settings learned ${s(learning.learnedSeconds)} s vs given ${s(learning.givenSeconds)} s (+${s(learning.extraPercent, 1)}%; the learning step alone ${s(learning.proposeSeconds)} s = ${s(learning.proposePercent, 1)}% of a build; ${learning.learnedUnits} units, ${learning.learnedCounties} counties, reconciled: ${learning.reconciled})  [goal ≤ +10%]; the reference city's data matches the preset "${learning.presetName}": ${s(learning.presetMatchedSeconds)} s`,
);

// --- Browser mode, Office host -------------------------------------------------------------------------
if (process.env.BENCH_SKIP_BROWSER) console.log('browser mode: not run (BENCH_SKIP_BROWSER is set)');
else {
  const browser = measure('measure-browser.ts', workbook, String(Math.min(runs, 2)));
  if ('skipped' in browser) console.log(`browser mode: not run (${browser.skipped})`);
  else {
    console.log(`browser mode (Chromium, production build): open to sheet list best ${s(browser.openSheetsSeconds)} s [goal < 4 s] ${verdict((browser.openSheetsSeconds as number) < 4)}, inspected ${s(browser.openInspectedSeconds)} s; build ${s(browser.buildSeconds)} s [goal < 6 s] ${verdict((browser.buildSeconds as number) < 6)}; longest task of the page's thread ${s(browser.longestTaskMs, 0)} ms [goal ≤ 200 ms] ${verdict((browser.longestTaskMs as number) <= 200)}`);
  }
}
const syncs = measure('measure-office-syncs.ts', workbook);
const kb = (bytes: unknown) => ((bytes as number) < 10_240 ? `${bytes as number} bytes` : `${s((bytes as number) / 1024, 0)} KB`);
console.log(`Office.js host (fake Excel, 5 MB request/response limit): reading this workbook (${syncs.bigReadRows} rows) ${syncs.bigReadSyncs} syncs, largest request ${kb(syncs.bigReadLargestRequestBytes)}, largest response ${kb(syncs.bigReadLargestResponseBytes)} ${verdict((syncs.bigReadLargestResponseBytes as number) < 5 * 2 ** 20)}; writing its report (${syncs.bigWriteSheets} sheets) ${syncs.bigWriteSyncs} syncs, largest request ${kb(syncs.bigWriteLargestRequestBytes)}`);
console.log(`  write syncs do not grow with rows: a 10-row table ${syncs.table10}, a 1,000-row table ${syncs.table1000}; the sample's September report (${syncs.septemberSheets} sheets) ${syncs.septemberSyncs}, this workbook's ${syncs.bigWriteSyncs}`);
const hostile: [string, string, string][] = [
  ['one-address', '50,000 12345 orders at one address (one unit, place, category)', '< 2 s, < 1024 MB'],
  ['pasted-twice', 'a 100,000-case export pasted twice (200,000 rows)', '< 5 s'],
  ['many-units', '200,000 cases over 100,000 distinct units not in the settings', '< 10 s'],
];
for (const [which, what, goal] of hostile) {
  const figure = measure('measure-hostile.ts', which);
  console.log(`hostile input, whole CLI build: ${what}: ${s(figure.seconds)} s, peak RSS ${s(figure.peakRssMb, 0)} MB, exit ${figure.status}  [goal ${goal}]`);
}
const year = measure('measure-year-csv.ts');
console.log(
  `a big city's year from 12 monthly CSV files (${year.rows} rows, ${s(year.megabytes, 0)} MB; 5% of each month's rows are open cases of the month before exported again), case-brief build <12 files> --period 2021: ${s(year.yearSeconds)} s, peak RSS ${s(year.yearPeakRssMb, 0)} MB [goal < 60 s, < 2048 MB] ${verdict((year.yearSeconds as number) < 60 && (year.yearPeakRssMb as number) < 2048)}; the same year's 12 monthly builds (--period 2021-MM, each from its file) added up: ${s(year.monthsSeconds)} s, peak RSS ${s(year.monthsPeakRssMb, 0)} MB`,
);
console.log(`  its summary: ${String(year.yearSummary)}`);
console.log(`  ${String(year.yearRead)}; ${String(year.yearTiming)}`);
console.log(`load average at the end: ${load()}`);

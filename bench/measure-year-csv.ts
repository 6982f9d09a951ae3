/**
 * A large city's year from twelve monthly CSV exports (issue 12): 200,000 case rows a month, 2.4
 * million in all, of which 5% (10,000 a month, from February) are cases of the month before that were
 * still open, exported again with a later stage, as monthly exports of open cases are. The rows come
 * from bench/synthetic-cases.ts's generator, moved into their month, times as text (as CSV exports
 * write them). Cached in the system temp folder (`case-brief-bench-year-csv-g1/`), so it is made once.
 *
 * Prints one JSON line: the whole command line building `--period 2021` from the twelve files (wall
 * time, start to exit, and the process's peak RSS), and the twelve monthly builds of the same files
 * (`--period 2021-MM` each from its month's file) added up: times summed, peak the largest.
 * `measure-year-csv.ts generate <folder>` writes the files (in a process of its own).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CellValue } from '../src/core/index.ts';
import { benchHeaders, syntheticCaseSheet } from './synthetic-cases.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const perMonth = Number(process.env.BENCH_YEAR_MONTH_ROWS ?? 200_000);
const carriedShare = 0.05;
const generation = 1;
const folder = join(tmpdir(), `case-brief-bench-year-csv-g${generation}-${perMonth}`);
const monthFile = (month: number) => join(folder, `2021年${month}月案件.csv`);

const timeColumns = ['上报时间', '受理时间', '立案时间', '派遣时间', '处置截止时间', '捆绑处置截止时间', '处置完成时间', '结案时间'].map((name) => benchHeaders.indexOf(name));
const [idCol, stageCol, disposedCol, closedCol, reportedCol] = ['任务号', '当前阶段', '处置完成时间', '结案时间', '上报时间'].map((name) => benchHeaders.indexOf(name));

const pad = (value: number) => String(value).padStart(2, '0');
/** An Excel serial as the wall-clock text CSV exports write. */
function serialText(serial: number): string {
  const date = new Date(Math.round((serial - 25569) * 86400) * 1000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00`;
}
function textSerial(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`) / 86_400_000 + 25569;
}
const serialOf = (value: CellValue) => (typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? textSerial(value) : NaN);
const monthStart = (month: number) => Date.UTC(2021, month - 1, 1) / 86_400_000 + 25569;

function csvField(value: CellValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes the twelve files (each 200,000 rows: 190,000 cases of its month and 10,000 carried from the month before). */
function generate(): void {
  mkdirSync(folder, { recursive: true });
  let carried: CellValue[][] = [];
  for (let month = 1; month <= 12; month++) {
    const own = month === 1 ? perMonth : perMonth - Math.round(perMonth * carriedShare);
    const generated = syntheticCaseSheet(own, 1000 + month).rows.slice(2);
    const start = monthStart(month);
    const days = monthStart(month + 1) - start;
    const rows = generated.map((row, index) => {
      // The generator spreads reports over 92 days from 2021-08-01: the same spread over this month.
      const reported = serialOf(row[reportedCol]);
      const shift = start + ((reported - 44409) / 92) * days - reported;
      const moved = row.map((value, col) => (timeColumns.includes(col) && value !== null ? serialText(serialOf(value) + shift) : value));
      moved[idCol] = `2021${pad(month)}${String(index).padStart(7, '0')}`;
      return moved;
    });
    // Cases of the month before still open then, exported again now with a later stage.
    const again = carried.map((row) => {
      const reported = serialOf(row[reportedCol]);
      const next = [...row];
      next[stageCol] = '结案';
      next[disposedCol] = serialText(reported + 2);
      next[closedCol] = serialText(reported + 3.2);
      return next;
    });
    const lines = [csvField('数字化城管案件查询结果'), benchHeaders.map(csvField).join(','), ...[...again, ...rows].map((row) => row.map(csvField).join(','))];
    const partial = `${monthFile(month)}.part`;
    writeFileSync(partial, lines.join('\r\n') + '\r\n');
    renameSync(partial, monthFile(month));
    const open = new Set(['处置中', '处置反馈', '待派遣']);
    carried = rows.filter((row) => open.has(String(row[stageCol]))).slice(0, Math.round(perMonth * carriedShare));
  }
}

/** A command-line build in a fresh process: wall seconds and peak RSS (MB), and what it printed. */
function cli(args: readonly string[]): { seconds: number; peakRssMb: number; stdout: string } {
  const rssFile = join(tmpdir(), `case-brief-bench-year-rss-${process.pid}`);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(join(here, 'report-peak-rss.mjs')).href, join(root, 'bin', 'case-brief.js'), ...args], { encoding: 'utf8', env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile }, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`case-brief ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const peakRssMb = Number(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile, { force: true });
  return { seconds, peakRssMb, stdout: child.stdout };
}

if (process.argv[2] === 'generate') generate();
else {
  const files = Array.from({ length: 12 }, (_, index) => monthFile(index + 1));
  if (!files.every((file) => existsSync(file))) execFileSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(import.meta.url), 'generate'], { stdio: 'inherit' });
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const out = mkdtempSync(join(tmpdir(), 'case-brief-bench-year-out-'));
  const common = ['--quiet', '--built-at', '2022-01-10 09:00', '--force'];
  const year = cli(['build', ...files, '--period', '2021', '--out', join(out, 'year.xlsx'), ...common]);
  const lines = year.stdout.trim().split('\n');
  const months = files.map((file, index) => cli(['build', file, '--period', `2021-${pad(index + 1)}`, '--out', join(out, `month-${index + 1}.xlsx`), ...common]));
  rmSync(out, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({
      rows: perMonth * 12,
      megabytes: bytes / 2 ** 20,
      folder,
      yearSeconds: year.seconds,
      yearPeakRssMb: year.peakRssMb,
      yearSummary: lines.find((line) => line.includes('上报')) ?? '',
      yearRead: lines.find((line) => line.startsWith('读取了'))?.replace(/：.*/, '') ?? '',
      yearTiming: lines.find((line) => line.startsWith('用时')) ?? '',
      monthsSeconds: months.reduce((sum, month) => sum + month.seconds, 0),
      monthsPeakRssMb: Math.max(...months.map((month) => month.peakRssMb)),
      monthSeconds: months.map((month) => month.seconds),
    })}\n`,
  );
}

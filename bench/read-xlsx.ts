/**
 * Benchmark: time and peak memory of readWorkbook on a large cases export (200,000 rows × 24
 * columns by default: text ids, text and serial times, Chinese text), compared with SheetJS'
 * own `sheet_to_json({ header: 1 })` on the same file.
 *
 * The workbook is built once with SheetJS (shared strings, as real exports have them) and cached
 * in the system temp folder. Each read runs in a fresh child process so that its peak RSS is its
 * own, not the builder's. Run standalone: `npx tsx bench/read-xlsx.ts [rows] [--json]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { readWorkbook } from '../src/hosts/file/read-workbook.ts';

export interface ReadBenchResult {
  readonly rows: number;
  /** readWorkbook's wall time, parse included, file already in memory. */
  readonly seconds: number;
  /** Peak resident memory of the process that read, in MB (node + tsx alone take ~60 MB). */
  readonly peakRssMb: number;
  readonly fileMb: number;
  /** The same figures for SheetJS read + sheet_to_json(header: 1). */
  readonly sheetjsSeconds: number;
  readonly sheetjsPeakRssMb: number;
}

type Mode = 'readWorkbook' | 'sheet_to_json';

const HEADERS = [
  '案件编号', '问题来源', '问题类型', '大类名称', '小类名称', '问题描述', '地址描述', '所属区县', '所属街道', '所属社区',
  '上报时间', '受理时间', '立案时间', '派遣时间', '处置截止时间', '处置时间', '结案时间', '一级单位', '二级单位',
  '当前阶段', '是否超期', '返工次数', '延期次数', '监督员',
];
const SOURCES = ['监督员上报', '12345热线', '公众举报', '视频采集', '领导交办'];
const SUBTYPES = ['无照经营游商', '店外经营', '商业噪音', '暴露垃圾', '井盖破损', '乱堆物料', '占道经营', '违规广告'];
const UNITS = [['城管执法局', '执法直属一大队'], ['住建局', '物业科'], ['交通运输局', '公路段'], ['市场监管局', '']];
const PLACES = ['人民路88号', '解放大道与建设路交叉口', '幸福小区3栋', '滨江公园东门', '火车站广场'];

/** Builds (or reuses) the benchmark workbook and returns its path. */
export function benchWorkbookPath(rows: number): string {
  const path = join(tmpdir(), `case-brief-bench-${rows}x24.xlsx`);
  if (existsSync(path)) return path;
  let seed = 20210903;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const base = 44440; // 2021-09-01
  const textTime = (serial: number): string => {
    const ms = Math.round((serial - 25569) * 86_400_000);
    return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
  };
  const data: (string | number | null)[][] = [['数字城管案件导出（2021年9月）'], HEADERS];
  for (let i = 0; i < rows; i++) {
    const reported = base + random(30 * 1440) / 1440;
    const [unit, subunit] = UNITS[random(UNITS.length)];
    const closed = random(10) < 8 ? reported + random(5 * 1440) / 1440 : null;
    data.push([
      `2021${String(9).padStart(2, '0')}${String(i).padStart(7, '0')}`, SOURCES[random(SOURCES.length)], random(3) === 0 ? '部件' : '事件',
      '街面秩序', SUBTYPES[random(SUBTYPES.length)], `${PLACES[random(PLACES.length)]}附近有${SUBTYPES[random(SUBTYPES.length)]}问题，群众反映强烈`,
      PLACES[random(PLACES.length)], '城区', '中山街道', '东风社区',
      reported, textTime(reported + 0.01), reported + 0.02, textTime(reported + 0.03), reported + 3, closed === null ? null : closed - 0.1, closed,
      unit, subunit === '' ? null : subunit, closed === null ? '处置中' : '已结案', random(10) === 0 ? '是' : '否', random(5) === 0 ? 1 : 0, 0, `监督员${random(40)}`,
    ]);
  }
  const sheet = XLSX.utils.aoa_to_sheet(data, { dense: true } as XLSX.AOA2SheetOpts);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, '案件明细');
  writeFileSync(path, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Buffer);
  return path;
}

/** Builds the workbook once, then measures readWorkbook and SheetJS sheet_to_json on it, each in its own process. */
export async function benchRead(rows = 200_000): Promise<ReadBenchResult> {
  const path = benchWorkbookPath(rows);
  const ours = measureInChild('readWorkbook', path);
  const theirs = measureInChild('sheet_to_json', path);
  return {
    rows,
    seconds: ours.seconds,
    peakRssMb: ours.peakRssMb,
    fileMb: round(statSync(path).size / 1024 / 1024),
    sheetjsSeconds: theirs.seconds,
    sheetjsPeakRssMb: theirs.peakRssMb,
  };
}

function measureInChild(mode: Mode, path: string): { seconds: number; peakRssMb: number } {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${mode} benchmark failed: ${child.stderr}`);
  const parsed: unknown = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
  if (typeof parsed !== 'object' || parsed === null || !('seconds' in parsed) || !('peakRssMb' in parsed)) throw new Error(`unexpected output: ${child.stdout}`);
  return { seconds: Number(parsed.seconds), peakRssMb: Number(parsed.peakRssMb) };
}

function runChild(mode: Mode, path: string): void {
  const bytes = new Uint8Array(readFileSync(path));
  const start = performance.now();
  let cells = 0;
  if (mode === 'readWorkbook') {
    for (const sheet of readWorkbook(bytes, path)) cells += sheet.rows.length;
  } else {
    const workbook = XLSX.read(bytes, { type: 'array', dense: true, cellText: false, cellDates: false, cellHTML: false });
    for (const name of workbook.SheetNames) cells += XLSX.utils.sheet_to_json(workbook.Sheets[name], { header: 1, raw: true }).length;
  }
  const seconds = (performance.now() - start) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds: round(seconds), peakRssMb: round(peakRssMb), rows: cells })}\n`);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const invokedAs = process.argv[1] === undefined ? '' : process.argv[1];
if (invokedAs !== '' && fileURLToPath(import.meta.url) === invokedAs) {
  if (process.argv[2] === '--child') {
    runChild(process.argv[3] as Mode, process.argv[4]);
  } else {
    // `--json` (as bench/run.ts calls it) prints the result as one JSON line instead of prose.
    const args = process.argv.slice(2);
    const json = args.includes('--json');
    const rowsArg = args.find((arg) => /^\d+$/.test(arg));
    benchRead(rowsArg === undefined ? 200_000 : Number(rowsArg)).then((result) => {
      if (json) {
        console.log(JSON.stringify(result));
        return;
      }
      console.log(`rows: ${result.rows} × 24 columns, file ${result.fileMb} MB`);
      console.log(`readWorkbook:            ${result.seconds} s, peak RSS ${result.peakRssMb} MB`);
      console.log(`SheetJS sheet_to_json:   ${result.sheetjsSeconds} s, peak RSS ${result.sheetjsPeakRssMb} MB`);
    }, (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}

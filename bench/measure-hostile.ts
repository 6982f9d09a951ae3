/**
 * The hostile-input figures of issue 10, each a whole command-line build in its own process:
 *  - one-address: 50,000 12345 orders about one unit, place and category (goal < 2 s, < 1 GB);
 *  - pasted-twice: a 100,000-case export pasted twice into one sheet, 200,000 rows (< 5 s);
 *  - many-units: 200,000 cases spread over 100,000 distinct units not in the settings (< 10 s).
 * `measure-hostile.ts generate <case> <file>` writes the workbook (in a process of its own, so that
 * making it costs nothing in the figures); `measure-hostile.ts <case>` builds it through the CLI and
 * prints one JSON line: seconds, peak RSS, exit status.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue, RawSheet } from '../src/core/index.ts';
import { main } from '../src/cli/main.ts';
import { rawSheetToGrid } from '../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../src/hosts/file/write-workbook.ts';
import { syntheticCaseSheet } from './synthetic-cases.ts';

type Case = 'one-address' | 'pasted-twice' | 'many-units';

function oneAddress(): RawSheet {
  const rows: CellValue[][] = [['12345工单明细'], ['工单编号', '受理时间', '诉求人', '来电号码', '诉求内容', '诉求地址', '诉求分类', '承办单位', '办理状态', '办理时限', '办结时间']];
  for (let index = 0; index < 50_000; index++) {
    const received = 44440 + (index % 29) + (index % 24) / 24;
    rows.push([`SZ${String(index).padStart(8, '0')}`, received, '某某', `139${String(index).padStart(8, '0')}`, `幸福花园${(index % 30) + 1}栋楼下夜间烧烤油烟扰民，请尽快处理。`, `通川区幸福花园${(index % 30) + 1}栋`, '城市管理/油烟', '执法直属一大队三中队', '已办结', received + 5, received + 2]);
  }
  return { name: '12345工单', rows };
}

function pastedTwice(): RawSheet {
  const base = syntheticCaseSheet(100_000);
  return { name: base.name, rows: [...base.rows, ...base.rows.slice(2)] };
}

function manyUnits(): RawSheet {
  const base = syntheticCaseSheet(200_000, 7);
  const header = base.rows[1] as string[];
  const unitCol = header.indexOf('处置部门');
  return { name: base.name, rows: [base.rows[0], header, ...base.rows.slice(2).map((row, index) => row.map((cell, col) => (col === unitCol ? `网格单位${index % 100_000}` : cell)))] };
}

const makers: Record<Case, () => RawSheet> = { 'one-address': oneAddress, 'pasted-twice': pastedTwice, 'many-units': manyUnits };
const fileOf = (which: Case) => join(tmpdir(), `case-brief-bench-${which}.xlsx`);

const [first, second, third] = process.argv.slice(2);
if (first === 'generate') {
  writeFileSync(third, writeWorkbook(null, [rawSheetToGrid(makers[second as Case]())]));
} else {
  const which = first as Case;
  const file = fileOf(which);
  if (!existsSync(file)) execFileSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(import.meta.url), 'generate', which, file], { stdio: 'inherit' });
  const out = join(tmpdir(), `case-brief-bench-${which}-out.xlsx`);
  const started = performance.now();
  const status = await main(['build', file, '--period', '2021-09', '--out', out, '--force', '--quiet', '--built-at', '2021-10-11 09:00'], () => {}, (line) => process.stderr.write(`${line}\n`));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ case: which, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, status })}\n`);
}

/**
 * One measurement in its own process: readWorkbook (the file host's .xlsx reading, with the
 * platform's native inflate) on the big city's workbook already in memory, best of three, and the
 * peak memory. With `--sheetjs`, SheetJS's read + sheet_to_json on the same bytes instead, once (it
 * takes many times longer). Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { inflaterName } from '../src/hosts/file/codec.ts';
import { readWorkbook } from '../src/hosts/file/read-workbook.ts';

const [path, mode] = [process.argv[2], process.argv[3]];
const bytes = new Uint8Array(readFileSync(path));
const runs: number[] = [];
let rows = 0;
for (let run = 0; run < (mode === '--sheetjs' ? 1 : 3); run++) {
  const started = performance.now();
  if (mode === '--sheetjs') {
    const workbook = XLSX.read(bytes, { type: 'array', dense: true, cellText: false, cellDates: false, cellHTML: false });
    rows = workbook.SheetNames.reduce((sum, name) => sum + XLSX.utils.sheet_to_json(workbook.Sheets[name], { header: 1, raw: true }).length, 0);
  } else {
    rows = readWorkbook(bytes, path).reduce((sum, sheet) => sum + sheet.rows.length, 0);
  }
  runs.push((performance.now() - started) / 1000);
}
process.stdout.write(JSON.stringify({ rows, inflater: inflaterName, bestSeconds: Math.min(...runs), runsSeconds: runs, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');

/**
 * One measurement, in its own process so that peak memory is its own: the build (parse + compute,
 * all sheets of the report) over the cases sheet of the big city's workbook, as the file host read it
 * (the read itself is measured by measure-read.ts). Best of five. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { buildMonthlyReport } from '../src/core/index.ts';
import { readWorkbook } from '../src/hosts/file/read-workbook.ts';

const path = process.argv[2];
const sheet = readWorkbook(new Uint8Array(readFileSync(path)), path).find((candidate) => candidate.name === '案件列表');
if (sheet === undefined) throw new Error(`${path} has no sheet 案件列表`);
const gc = (globalThis as { gc?: () => void }).gc;
const runs: number[] = [];
let result: ReturnType<typeof buildMonthlyReport> | undefined;
for (let run = 0; run < 5; run++) {
  gc?.();
  const started = performance.now();
  result = buildMonthlyReport([sheet], { period: '2021-09', builtAt: '2021-10-11 09:00' });
  runs.push((performance.now() - started) / 1000);
}
process.stdout.write(
  JSON.stringify({
    rows: sheet.rows.length,
    cohort: result?.statistics.cohortSize,
    bestSeconds: Math.min(...runs),
    runsSeconds: runs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    reconciled: result?.reconciliation.every((check) => check.ok),
  }) + '\n',
);

/**
 * One measurement in its own process: the 12345 analysis of the big city's 50,000 orders, as the file
 * host read them: the statistics including repeat-problem grouping, and the whole build of the 12345
 * sheets (reading the rows into orders included). Best of five each. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { buildMonthlyReport, computeHotlineStatistics, referencePreset, parsePeriod } from '../src/core/index.ts';
import { loadExports } from '../src/core/assemble/load-exports.ts';
import { readWorkbook } from '../src/hosts/file/read-workbook.ts';

const path = process.argv[2];
const sheet = readWorkbook(new Uint8Array(readFileSync(path)), path).find((candidate) => candidate.name === '12345工单');
if (sheet === undefined) throw new Error(`${path} has no sheet 12345工单`);
const gc = (globalThis as { gc?: () => void }).gc;
const best = (run: () => void) => {
  const times: number[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    gc?.();
    const started = performance.now();
    run();
    times.push((performance.now() - started) / 1000);
  }
  return { best: Math.min(...times), runs: times };
};
const orders = loadExports([sheet], referencePreset).orders;
const period = parsePeriod('2021-09') as NonNullable<ReturnType<typeof parsePeriod>>;
let groups = 0;
const grouping = best(() => {
  groups = computeHotlineStatistics(orders, { period, asOf: Date.UTC(2021, 9, 8, 17, 30), settings: referencePreset }).repeatGroups.length;
});
let sheets = 0;
const whole = best(() => {
  sheets = buildMonthlyReport([sheet], { period: '2021-09', builtAt: '2021-10-11 09:00' }).reportSheets.length;
});
process.stdout.write(JSON.stringify({ orders: orders.length, groups, sheets, statisticsSeconds: grouping.best, statisticsRuns: grouping.runs, wholeSeconds: whole.best, wholeRuns: whole.runs, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');

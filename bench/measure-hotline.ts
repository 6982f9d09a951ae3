/**
 * One measurement in its own process: the 12345 analysis of N synthetic orders (grouping alone, and
 * the whole build of the 12345 sheets). Prints one JSON line.
 */
import { buildMonthlyReport, computeHotlineStatistics, referencePreset, detectSheetLayout, parsePeriod } from '../src/core/index.ts';
import { readOrderSheet } from '../src/core/ingest/read-orders.ts';
import { syntheticOrderSheet } from './synthetic-orders.ts';

const count = Number(process.argv[2] ?? 50_000);
const sheet = syntheticOrderSheet(count);
const best = (run: () => void) => {
  const times: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    run();
    times.push((performance.now() - started) / 1000);
  }
  return { best: Math.min(...times), runs: times };
};
const layout = detectSheetLayout(sheet);
const orders = readOrderSheet(sheet, layout, referencePreset).records;
const period = parsePeriod('2021-09') as NonNullable<ReturnType<typeof parsePeriod>>;
let groups = 0;
const grouping = best(() => {
  groups = computeHotlineStatistics(orders, { period, asOf: Date.UTC(2021, 9, 8, 17, 30), settings: referencePreset }).repeatGroups.length;
});
let sheets = 0;
const whole = best(() => {
  sheets = buildMonthlyReport([sheet], { period: '2021-09', builtAt: '2021-10-11 09:00' }).reportSheets.length;
});
process.stdout.write(JSON.stringify({ orders: count, groups, sheets, statisticsSeconds: grouping.best, wholeSeconds: whole.best, wholeRuns: whole.runs, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');

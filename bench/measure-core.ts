/**
 * One measurement, in its own process so that peak memory is its own: parse + compute the report
 * for N synthetic case rows already in memory (the workbook read is measured separately).
 * Prints one JSON line.
 */
import { buildMonthlyReport } from '../src/core/index.ts';
import { syntheticCaseSheet } from './synthetic-cases.ts';

const rows = Number(process.argv[2] ?? 200_000);
const sheet = syntheticCaseSheet(rows);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const runs: number[] = [];
let result: ReturnType<typeof buildMonthlyReport> | undefined;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  result = buildMonthlyReport([sheet], { period: '2021-09', builtAt: '2021-10-11 09:00' });
  runs.push(performance.now() - started);
}
const best = Math.min(...runs);
process.stdout.write(
  JSON.stringify({
    rows,
    cohort: result?.statistics.cohort.length,
    bestSeconds: best / 1000,
    runsSeconds: runs.map((ms) => ms / 1000),
    rssBeforeMb: rssBefore / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    reconciled: result?.reconciliation.every((check) => check.ok),
  }) + '\n',
);

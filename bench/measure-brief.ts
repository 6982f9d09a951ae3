/**
 * One measurement, in its own process: the Word brief of a 200,000-case month (with 50,000 12345
 * orders) on top of the build. The build runs once (not timed here: measure-core.ts times it); its
 * sheets are then read back as a host would hand them over (values only, gridAsRead), and the brief
 * is composed from them (read back through the layout store) and written as .docx, three times.
 * Prints one JSON line.
 */
import { buildMonthlyReport, composeBrief, finaliseReport, type RawSheet } from '../src/core/index.ts';
import { briefToDocx } from '../src/hosts/file/brief-docx.ts';
import { gridAsRead } from '../src/hosts/file/read-workbook.ts';
import { syntheticCaseSheet } from './synthetic-cases.ts';
import { syntheticOrderSheet } from './synthetic-orders.ts';

const rows = Number(process.argv[2] ?? 200_000);
const orders = Number(process.argv[3] ?? 50_000);
const raw: RawSheet[] = [syntheticCaseSheet(rows), syntheticOrderSheet(orders)];
const built = buildMonthlyReport(raw, { period: '2021-09', builtAt: '2021-10-11 09:00' });
const sheets: RawSheet[] = [...raw, ...built.sheetsToWrite.map(gridAsRead)];
const runs: number[] = [];
const compose: number[] = [];
let bytes = 0;
let finaliseMs = Infinity;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const brief = composeBrief(sheets, { period: '2021-09', madeAt: '2021-10-11 09:00' });
  const composed = performance.now();
  bytes = (await briefToDocx(brief.document)).length;
  runs.push(performance.now() - started);
  compose.push(composed - started);
  const finaliseStarted = performance.now();
  finaliseReport(sheets, { period: '2021-09', finalisedAt: '2021-10-12 09:00' });
  finaliseMs = Math.min(finaliseMs, performance.now() - finaliseStarted);
}
process.stdout.write(
  JSON.stringify({
    rows,
    orders,
    bestSeconds: Math.min(...runs) / 1000,
    runsSeconds: runs.map((ms) => ms / 1000),
    composeSeconds: Math.min(...compose) / 1000,
    finaliseSeconds: finaliseMs / 1000,
    docxKb: bytes / 1024,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);

/**
 * One measurement in its own process: the browser mode (the production build in headless Chromium,
 * as the end-to-end tests serve it) on the big city's workbook. For each run, a fresh page: the
 * file is chosen in the file input (by path, as a clerk's file dialog gives it), then
 *  - open: until the preview lists the workbook's sheets (the sheet tabs), and until the pane has
 *    inspected it (the data step lists the cases sheet with its row count);
 *  - build: from the click on 生成月报表 until the pane says it is done;
 *  - the longest task of the page's thread over both, from a PerformanceObserver of long tasks.
 * Prints one JSON line; `{ "skipped": reason }` where /usr/bin/chromium is missing.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { chromiumPath, startPane } from '../test/e2e/harness.ts';

const path = process.argv[2];
const runs = Number(process.argv[3] ?? 2);
if (!existsSync(chromiumPath)) {
  process.stdout.write(JSON.stringify({ skipped: `${chromiumPath} is missing` }) + '\n');
  process.exit(0);
}
const pane = await startPane();
const results: { openSheetsSeconds: number; openInspectedSeconds: number; buildSeconds: number; longestTaskMs: number; longTasks: number }[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = pane.page;
    await page.goto(`${pane.baseUrl}taskpane.html`);
    await page.locator('[data-testid="sheet-summary"][data-sheet="案件列表"]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    await page.evaluate(`(() => {
      const since = performance.now();
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.startTime >= since) window.longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    })()`);
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('file-name').filter({ hasText: basename(path) }).waitFor({ timeout: 300_000 });
    await page.locator('[data-testid="sheet-tab"]').filter({ hasText: '12345工单' }).waitFor({ timeout: 300_000 });
    const sheetsShown = Date.now();
    await page.locator('[data-testid="sheet-summary"][data-sheet="案件列表"]').filter({ hasText: /\d{6} / }).waitFor({ timeout: 300_000 });
    const inspected = Date.now();
    await page.getByTestId('build-button').click();
    await page.getByTestId('build-done').waitFor({ timeout: 300_000 });
    const built = Date.now();
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 200))');
    const tasks = (await page.evaluate('window.longTasks.slice()')) as number[];
    results.push({
      openSheetsSeconds: (sheetsShown - started) / 1000,
      openInspectedSeconds: (inspected - started) / 1000,
      buildSeconds: (built - inspected) / 1000,
      longestTaskMs: Math.max(0, ...tasks),
      longTasks: tasks.length,
    });
  }
} finally {
  await pane.close();
}
const best = (key: 'openSheetsSeconds' | 'openInspectedSeconds' | 'buildSeconds') => Math.min(...results.map((result) => result[key]));
process.stdout.write(
  JSON.stringify({
    runs: results,
    openSheetsSeconds: best('openSheetsSeconds'),
    openInspectedSeconds: best('openInspectedSeconds'),
    buildSeconds: best('buildSeconds'),
    longestTaskMs: Math.max(...results.map((result) => result.longestTaskMs)),
  }) + '\n',
);

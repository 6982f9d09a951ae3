// The end-to-end harness: a production build of the task pane (made once per test process, shared by
// every e2e file), served by scripts/serve-dist.mjs on 127.0.0.1 and opened in headless Chromium (the
// system's /usr/bin/chromium; never downloaded) with every request off 127.0.0.1 aborted, except
// Microsoft's CDN office.js, which is answered with the real office.js from node_modules (outside
// Office it reports no host, so the pane picks the browser mode). office.js fetches one helper of its
// own from the same CDN folder outside Office, o15apptofilemappingtable.js; it is answered from
// node_modules too, because without it office.js never answers Office.onReady and throws
// "MicrosoftAjax.js is not loaded successfully." about 50 s later (the pane's 4 s timeout covers that
// case; see test/taskpane/host-detection.test.ts). Any uncaught page error fails the test that saw it.
//
// Use: `const pane = usePane();` inside a describe, then `pane.page`, `pane.baseUrl` in its tests.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const chromiumPath = '/usr/bin/chromium';
/** Microsoft's CDN folder of office.js → the same files in the npm package. */
export const officeCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const officeFiles = ['office.js', 'o15apptofilemappingtable.js'];
export const officeDist = join(repoRoot, 'node_modules/@microsoft/office-js/dist');
export const resultsDir = join(repoRoot, 'test-results');
export const wide = { width: 1366, height: 900 };
export const narrow = { width: 320, height: 900 };

/** Words allowed in the zh-CN pane: product and file-type names. */
export const allowedLatin = new Set(['Excel', 'WPS', 'Office', 'Word', 'Windows', 'Mac', 'xlsx', 'xls', 'csv', 'docx']);

let distPromise: Promise<string> | undefined;

/** The production build, made once per process into a temporary folder (removed at exit). */
export function productionBuild(): Promise<string> {
  distPromise ??= new Promise<string>((resolveDir) => {
    const started = Date.now();
    const dir = mkdtempSync(join(tmpdir(), 'case-brief-e2e-dist-'));
    const webpack = spawnSync(process.execPath, [join(repoRoot, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production', '--output-path', dir], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(webpack.status, 0, `webpack failed:\n${webpack.stdout}\n${webpack.stderr}`);
    console.log(`      production build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    resolveDir(dir);
  });
  return distPromise;
}

export interface PaneSession {
  /** The first page of the browser context (opened on nothing: call `page.goto`). */
  readonly page: Page;
  readonly context: BrowserContext;
  /** `http://127.0.0.1:PORT/`. */
  readonly baseUrl: string;
  /** Uncaught errors of pages opened through `watch` (the first page is watched). */
  readonly pageErrors: string[];
  /** Starts collecting a further page's uncaught errors. */
  watch(page: Page): void;
}

/** A running server over the production build and a browser on it, outside any test framework. */
export interface PaneServer {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
  /** Requests off 127.0.0.1 that were aborted. */
  readonly aborted: readonly string[];
  close(): Promise<void>;
}

/**
 * Builds (once), serves the production build on 127.0.0.1 and opens a fresh Chromium profile on it,
 * every request off 127.0.0.1 aborted except office.js (see the header). Used by `usePane` and by
 * the benchmark (bench/measure-browser.ts).
 */
export async function startPane(options: { readonly viewport?: { width: number; height: number } } = {}): Promise<PaneServer> {
  const distDir = await productionBuild();
  const server = spawn(process.execPath, [join(repoRoot, 'scripts/serve-dist.mjs'), '--dir', distDir, '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const baseUrl = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolveUrl(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`serve-dist exited with ${code}: ${output}`)));
  });
  mkdirSync(resultsDir, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'case-brief-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: false, // --headless=new is passed below, as the flags are fixed by hand
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    locale: 'zh-CN',
    viewport: options.viewport ?? wide,
    acceptDownloads: true,
  });
  const aborted: string[] = [];
  const officeScripts = new Map(officeFiles.map((name) => [`${officeCdn}${name}`, readFileSync(join(officeDist, name))]));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    const officeScript = officeScripts.get(url.split(/[?#]/)[0]);
    if (officeScript !== undefined) return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeScript });
    aborted.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    baseUrl,
    aborted,
    async close() {
      await context.close();
      server.kill();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers before/after hooks in the calling describe: a server over the production build and a
 * fresh Chromium profile; every test fails on an uncaught page error. The suite is skipped, with a
 * message, where /usr/bin/chromium is missing.
 */
export function usePane(options: { readonly viewport?: { width: number; height: number } } = {}): PaneSession {
  let running: PaneServer | undefined;
  const session = { pageErrors: [] as string[] } as { page: Page; context: BrowserContext; baseUrl: string; pageErrors: string[]; watch(page: Page): void };
  session.watch = (page: Page) => page.on('pageerror', (error) => session.pageErrors.push(`${error.name}: ${error.message}`));

  before(async function () {
    this.timeout(300_000);
    if (!existsSync(chromiumPath)) {
      console.log(`      skipped: ${chromiumPath} is missing (CI installs it with apt-get install chromium; this test never downloads a browser)`);
      this.skip();
    }
    running = await startPane(options);
    session.context = running.context;
    session.baseUrl = running.baseUrl;
    session.page = running.page;
    session.watch(session.page);
  });

  after(async () => {
    await running?.close();
    if (running?.aborted.length) console.log(`      aborted off-loopback requests: ${[...new Set(running.aborted)].join(', ')}`);
  });

  afterEach(() => {
    assert.deepEqual(session.pageErrors, [], 'uncaught page errors');
  });

  return session;
}

// --- Page helpers ----------------------------------------------------------------------------------

/** Opens the task pane and waits until it shows the bundled sample's cases sheet. */
export async function openSamplePane(page: Page, baseUrl: string, timeout: number): Promise<void> {
  await page.goto(`${baseUrl}taskpane.html`);
  await page.locator('[data-testid="sheet-summary"][data-sheet="案件列表"]').waitFor({ timeout });
}

export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

export function previewTable(page: Page, sheet: string): Locator {
  return page.locator(`[data-testid="preview-table"][data-sheet="${sheet}"]`);
}

/** `A12` → ['A', 12]. */
export function splitRef(ref: string | null): [string, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(ref ?? '');
  assert.ok(match, `cell reference ${ref}`);
  return [match[1], Number(match[2])];
}

/** The preview's text at the column headed `header` and the row labelled `rowLabel`. */
export async function figure(page: Page, sheet: string, header: string, rowLabel: string): Promise<string> {
  const table = previewTable(page, sheet);
  const [col] = splitRef(await table.locator('td').filter({ hasText: exactly(header) }).first().getAttribute('data-cell'));
  const [, row] = splitRef(await table.locator('td').filter({ hasText: exactly(rowLabel) }).first().getAttribute('data-cell'));
  return (await table.locator(`td[data-cell="${col}${row}"]`).innerText()).trim();
}

/** The first value below the header `header` that is not 合计. */
export async function firstBelow(page: Page, sheet: string, header: string): Promise<string> {
  const table = previewTable(page, sheet);
  const [col, headerRow] = splitRef(await table.locator('td').filter({ hasText: exactly(header) }).first().getAttribute('data-cell'));
  for (let row = headerRow + 1; row < headerRow + 20; row++) {
    const text = (await table.locator(`td[data-cell="${col}${row}"]`).innerText()).trim();
    if (text !== '' && text !== '合计') return text;
  }
  throw new Error(`nothing below ${header}`);
}

export async function showSheet(page: Page, sheet: string): Promise<void> {
  // Fluent's Link without an href is a <button>: it acts, it does not navigate.
  await page.locator('[data-testid="written-sheets"]').getByRole('button', { name: sheet, exact: true }).click();
  await previewTable(page, sheet).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir, `taskpane-${name}.png`) });
}

export async function openFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
  await page.getByTestId('file-name').filter({ hasText: name }).waitFor();
}

export async function build(page: Page): Promise<void> {
  await page.getByRole('button', { name: '生成月报表' }).click();
  try {
    await page.getByTestId('build-done').waitFor({ timeout: 60_000 });
  } catch (cause) {
    // Say what the pane shows instead, so that a failure can be read from the log.
    const error = page.getByTestId('error-bar');
    const shown = (await error.count()) > 0 ? await error.first().innerText() : 'no error shown';
    await screenshot(page, 'build-not-done');
    throw new Error(`the build did not finish within 60 s (${shown}); the phase: ${await page.getByTestId('build-button').innerText()}`, { cause });
  }
}

/** Latin words in the visible text of `locator` that the zh-CN pane should not show. */
export async function englishWords(locator: Locator): Promise<string[]> {
  const text = await locator.innerText();
  return [...text.matchAll(/[A-Za-z]{2,}/g)].map((match) => match[0]).filter((word) => !allowedLatin.has(word));
}


// The production build, run once as `npm run build` runs it (webpack-cli, --mode production) into a
// temporary folder: the task pane's initial JavaScript stays within 300 KB gzipped, the copied
// manifest has no localhost URL left, and taskpane.html loads office.js from Microsoft's CDN and
// falls back to a plain-HTML message where the pane cannot run (checked by running the page's
// ES5 loader against a stand-in DOM for Internet Explorer 11, EdgeHTML and a current browser).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { parse as parseJs } from 'acorn';
import { formatReport, initialBudgetBytes, initialScripts, measureBundle } from '../../scripts/bundle-size.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const publicUrl = 'https://cgj.example.gov.cn/yuebao/';
const officeJs = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

// --- A stand-in DOM, just enough for the page's inline loader --------------------------------------

class FakeElement {
  readonly childNodes: FakeElement[] = [];
  readonly style: Record<string, string> = {};
  text = '';
  textContent = '';
  src = '';
  async = true;
  onerror: (() => void) | null = null;
  constructor(readonly tagName: string, modern: boolean) {
    // Browsers with ES modules have HTMLScriptElement.noModule; IE11 and old engines do not.
    if (modern && tagName === 'script') Object.assign(this, { noModule: false });
  }
  get firstChild(): FakeElement | null {
    return this.childNodes[0] ?? null;
  }
  appendChild(node: FakeElement): FakeElement {
    this.childNodes.push(node);
    return node;
  }
  removeChild(node: FakeElement): FakeElement {
    this.childNodes.splice(this.childNodes.indexOf(node), 1);
    return node;
  }
}

interface PageRun {
  readonly window: Record<string, unknown> & { onerror?: (...args: unknown[]) => void };
  readonly byId: Map<string, FakeElement>;
  readonly insertedScripts: FakeElement[];
  readonly rejectionHandlers: ((event: { reason: unknown }) => void)[];
  readonly officeReadyCalls: number;
}

const userAgents = {
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
  edgeHtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
  webview2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
};

function textOf(element: FakeElement | undefined): string {
  return element === undefined ? '' : element.childNodes.map((node) => node.textContent).join('');
}

/** Runs the page's inline loader as a browser of the given kind would. */
function runLoader(html: string, browser: keyof typeof userAgents): PageRun {
  const modern = browser === 'webview2';
  const byId = new Map<string, FakeElement>();
  for (const match of html.matchAll(/<(\w+)[^>]*\bid="([^"]+)"[^>]*>/g)) byId.set(match[2], new FakeElement(match[1].toLowerCase(), modern));
  const chunkList = /<script[^>]*id="case-brief-chunks"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  assert.ok(chunkList !== null);
  byId.get('case-brief-chunks')!.text = chunkList[1];
  const body = new FakeElement('body', modern);
  const rejectionHandlers: ((event: { reason: unknown }) => void)[] = [];
  let officeReadyCalls = 0;
  const document: Record<string, unknown> = {
    body,
    getElementById: (id: string) => byId.get(id) ?? null,
    createElement: (tag: string) => new FakeElement(tag, modern),
    createTextNode: (text: string) => Object.assign(new FakeElement('#text', modern), { textContent: text }),
  };
  if (browser === 'ie11') document.documentMode = 11;
  const window: PageRun['window'] = {
    document,
    navigator: { userAgent: userAgents[browser] },
    location: { href: `${publicUrl}taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN` },
    addEventListener: (type: string, handler: (event: { reason: unknown }) => void) => {
      if (type === 'unhandledrejection') rejectionHandlers.push(handler);
    },
    Office: { onReady: () => { officeReadyCalls += 1; } },
  };
  window.window = window;
  if (modern) Object.assign(window, { fetch: () => undefined, TextDecoder: class {}, MutationObserver: class { observe() {} } });
  const inline = [...html.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  assert.equal(inline.length, 1, 'one inline loader script');
  const context = runInNewContext('this', window) as Record<string, unknown>;
  if (!modern) {
    // What IE11 lacks (the loader must not even look for more than this).
    for (const name of ['Symbol', 'Promise']) context[name] = undefined;
  }
  runInNewContext(inline[0], window);
  return { window, byId, insertedScripts: body.childNodes.filter((node) => node.tagName === 'script'), rejectionHandlers, get officeReadyCalls() { return officeReadyCalls; } };
}

// --- The build ------------------------------------------------------------------------------------

describe('production build (npm run build)', function () {
  this.timeout(300_000);
  let outDir = '';
  let html = '';

  before(function () {
    outDir = mkdtempSync(join(tmpdir(), 'case-brief-build-'));
    const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--output-path', outDir], {
      cwd: repoRoot,
      env: { ...process.env, ADDIN_PUBLIC_URL: publicUrl },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    if (/Cannot find module 'ajv\/dist\/compile\/codegen'/.test(output)) {
      assert.fail('webpack plugins cannot load ajv-keywords: node_modules has ajv@6 where ajv-keywords@5 needs ajv@8 (npm with legacy-peer-deps). Add ajv@^8 to devDependencies.\n' + output);
    }
    assert.equal(result.status, 0, `webpack failed:\n${output}`);
    html = readFileSync(join(outDir, 'taskpane.html'), 'utf8');
  });

  after(function () {
    if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
  });

  it('keeps the task pane\'s initial JavaScript within 300 KB gzipped', function () {
    const report = measureBundle(outDir);
    console.log(formatReport(report).replace(/^/gm, '      '));
    assert.ok(report.initial.some((chunk) => chunk.file.startsWith('taskpane.')), 'the taskpane entry is among the initial scripts');
    assert.ok(report.initialGzipBytes <= initialBudgetBytes, `${report.initialGzipBytes} bytes gzipped > ${initialBudgetBytes}`);
  });

  it('leaves the spreadsheet libraries out of the initial JavaScript', function () {
    const initial = initialScripts(html).map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
    assert.doesNotMatch(initial, /SheetJS/, '@e965/xlsx must be loaded with import()');
    assert.doesNotMatch(initial, /invalid zip data/, 'fflate must be loaded with import()');
  });

  it('copies the manifest with every localhost URL replaced by ADDIN_PUBLIC_URL, and the icons', function () {
    const manifest = readFileSync(join(outDir, 'manifest.xml'), 'utf8');
    assert.doesNotMatch(manifest, /https?:\/\/(localhost|127\.0\.0\.1)\b/i);
    assert.match(manifest, /<SourceLocation DefaultValue="https:\/\/cgj\.example\.gov\.cn\/yuebao\/taskpane\.html"\/>/);
    for (const match of manifest.matchAll(/https:\/\/cgj\.example\.gov\.cn\/yuebao\/([^"<\s]+)/g)) {
      assert.ok(existsSync(join(outDir, match[1])), `the manifest refers to ${match[1]}, which the build did not write`);
    }
    assert.deepEqual(readdirSync(join(outDir, 'assets')).sort(), readdirSync(join(repoRoot, 'assets')).sort());
  });

  it('loads office.js from Microsoft\'s CDN and names the 21Vianet alternative', function () {
    assert.match(html, new RegExp(`<script[^>]*\\ssrc="${officeJs.replace(/[./]/g, '\\$&')}"[^>]*></script>`));
    assert.match(html, /appsforoffice\.cdn\.partner\.office365\.cn/);
    assert.match(html, /<div id="root"><\/div>/);
  });

  it('has the fallback message in Chinese and English, and an ES5 loader', function () {
    assert.match(html, /这个版本的 Excel 无法运行城管月报助手/);
    assert.match(html, /Office 2021 或更高版本，或 Microsoft 365/);
    assert.match(html, /npm run preview/);
    assert.match(html, /Case Brief cannot run in this version of Excel\./);
    const inline = /<script type="text\/javascript">([\s\S]*?)<\/script>/.exec(html);
    assert.ok(inline !== null);
    assert.doesNotThrow(() => parseJs(inline[1], { ecmaVersion: 5 }), 'the inline loader parses as ES5');
  });

  it('shows the fallback and loads no bundle in Internet Explorer 11', function () {
    const page = runLoader(html, 'ie11');
    assert.equal(page.byId.get('case-brief-fallback')!.style.display, 'block');
    assert.equal(page.insertedScripts.length, 0);
    assert.equal(textOf(page.byId.get('case-brief-fallback-address')), `${publicUrl}taskpane.html`);
    assert.equal(page.officeReadyCalls, 1, 'tells Office the page is up');
  });

  it('shows the fallback and loads no bundle in EdgeHTML (Edge Legacy)', function () {
    const page = runLoader(html, 'edgeHtml');
    assert.equal(page.byId.get('case-brief-fallback')!.style.display, 'block');
    assert.equal(page.insertedScripts.length, 0);
  });

  it('loads the initial scripts in order in a current webview, and falls back when they fail before rendering', function () {
    const page = runLoader(html, 'webview2');
    assert.equal(page.byId.get('case-brief-fallback')!.style.display, undefined, 'no fallback while loading');
    assert.deepEqual(page.insertedScripts.map((script) => script.src), initialScripts(html));
    assert.ok(page.insertedScripts.every((script) => script.async === false));

    page.insertedScripts[0].onerror!.call(page.insertedScripts[0]);
    assert.equal(page.byId.get('case-brief-fallback')!.style.display, 'block');
    assert.equal(textOf(page.byId.get('case-brief-fallback-title')), '城管月报助手没有能启动');
    assert.match(textOf(page.byId.get('case-brief-fallback-detail')), /could not load/);
  });

  it('falls back on an error thrown before the pane renders, but not after', function () {
    const early = runLoader(html, 'webview2');
    early.window.onerror!('Uncaught TypeError: x is not a function', 'taskpane.js', 1, 1, new TypeError('x is not a function'));
    assert.equal(early.byId.get('case-brief-fallback')!.style.display, 'block');
    assert.equal(textOf(early.byId.get('case-brief-fallback-detail')), 'x is not a function');

    const rejected = runLoader(html, 'webview2');
    rejected.rejectionHandlers[0]({ reason: new Error('chunk failed') });
    assert.equal(rejected.byId.get('case-brief-fallback')!.style.display, 'block');

    const late = runLoader(html, 'webview2');
    late.byId.get('root')!.appendChild(new FakeElement('div', true));
    late.window.onerror!('Uncaught Error: later', 'taskpane.js', 1, 1, new Error('later'));
    assert.equal(late.byId.get('case-brief-fallback')!.style.display, undefined);
  });
});

/**
 * Size budget of the task pane. After `npm run build`, prints the gzipped size of the task pane's
 * initial JavaScript (the scripts the built taskpane.html loads up front: HtmlWebpackPlugin's list
 * for the taskpane entry) and of every on-demand chunk (loaded later through import()), and exits
 * with 1 when the initial JavaScript is over 300 KB gzipped.
 *
 * Run: `npm run bundle-size` (or `npx tsx scripts/bundle-size.ts [dist-folder]`).
 * Sizes: gzip level 9 (as gzip-size and size-limit measure), 1 KB = 1024 bytes.
 * test/build/bundle.test.ts imports `measureBundle` for the same check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The budget for the task pane's initial JavaScript, gzipped. */
export const initialBudgetBytes = 300 * 1024;

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleReport {
  readonly page: string;
  /** Scripts the page loads before the pane can render, in load order. */
  readonly initial: readonly ChunkSize[];
  /** Every other script in the folder: chunks fetched on demand by import(). */
  readonly onDemand: readonly ChunkSize[];
  readonly initialGzipBytes: number;
  readonly budgetBytes: number;
  readonly withinBudget: boolean;
}

function isRemote(src: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src);
}

function localPath(src: string): string {
  return src.replace(/^\.?\//, '').replace(/[?#].*$/, '');
}

/**
 * The local scripts a built page loads up front: the JSON list the page's loader reads
 * (`<script type="application/json" id="case-brief-chunks">`) and any plain `<script src>` tag.
 * Remote scripts (office.js from Microsoft's CDN) are not part of the bundle.
 */
export function initialScripts(html: string): string[] {
  const files: string[] = [];
  const list = /<script[^>]*\bid=["']case-brief-chunks["'][^>]*>([\s\S]*?)<\/script>/i.exec(html);
  if (list !== null) {
    const parsed: unknown = JSON.parse(list[1].trim() === '' ? '[]' : list[1]);
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
      throw new Error('case-brief-chunks is not a JSON list of script names');
    }
    files.push(...parsed);
  }
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) files.push(match[1]);
  return [...new Set(files.filter((src) => !isRemote(src)).map(localPath))];
}

function measureFile(dir: string, file: string): ChunkSize {
  const bytes = readFileSync(join(dir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Scripts at the top of the build folder (webpack writes every chunk there). */
function scriptsIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Measures a build folder; throws when the page or one of its scripts is missing. */
export function measureBundle(distDir: string, page = 'taskpane.html', budgetBytes = initialBudgetBytes): BundleReport {
  const dir = resolve(distDir);
  const pagePath = join(dir, page);
  if (!existsSync(pagePath)) throw new Error(`${pagePath} does not exist: run \`npm run build\` first.`);
  const initialFiles = initialScripts(readFileSync(pagePath, 'utf8'));
  if (initialFiles.length === 0) throw new Error(`${page} loads no local script: is it the built page?`);
  for (const file of initialFiles) {
    if (!existsSync(join(dir, file))) throw new Error(`${page} loads ${file}, which is not in ${dir}`);
  }
  const initial = initialFiles.map((file) => measureFile(dir, file));
  const onDemand = scriptsIn(dir).filter((file) => !initialFiles.includes(file)).map((file) => measureFile(dir, file));
  const initialGzipBytes = initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  return { page, initial, onDemand, initialGzipBytes, budgetBytes, withinBudget: initialGzipBytes <= budgetBytes };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function formatReport(report: BundleReport): string {
  const width = Math.max(12, ...[...report.initial, ...report.onDemand].map((chunk) => chunk.file.length));
  const row = (chunk: ChunkSize) => `  ${chunk.file.padEnd(width)}  ${kb(chunk.gzipBytes).padStart(9)} gzipped  (${kb(chunk.bytes)} raw)`;
  const lines = [
    `${report.page}: initial JavaScript (loaded before the pane renders)`,
    ...report.initial.map(row),
    `  ${'total'.padEnd(width)}  ${kb(report.initialGzipBytes).padStart(9)} gzipped  (budget ${kb(report.budgetBytes)})`,
    'On-demand chunks (loaded by import() when needed)',
    ...(report.onDemand.length > 0 ? report.onDemand.map(row) : ['  (none)']),
    report.withinBudget
      ? `OK: the initial JavaScript is within the ${kb(report.budgetBytes)} budget.`
      : `TOO BIG: the initial JavaScript is ${kb(report.initialGzipBytes - report.budgetBytes)} over the ${kb(report.budgetBytes)} budget. Move heavy imports behind import().`,
  ];
  return lines.join('\n');
}

function main(args: readonly string[]): number {
  const distDir = args[0] ?? resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');
  try {
    const report = measureBundle(distDir);
    console.log(formatReport(report));
    return report.withinBudget ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}

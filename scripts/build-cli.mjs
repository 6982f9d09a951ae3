// Builds the command line into one JavaScript file, lib/case-brief.js, with everything it uses
// (SheetJS, fflate) inside: the installed package needs no dependency and no TypeScript loader.
// bin/case-brief.js loads it. Run by `npm run build:cli`, and so by prepare (npm ci, npm install in
// the repository) and prepack (npm pack), and by `npm run demo`.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'lib', 'case-brief.js');
const started = performance.now();
await build({
  entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Readable stack traces for the "出错了" path; whitespace kept, so a line number means something.
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
  banner: { js: '// 城管月报助手 命令行 (case-brief): built from src/cli by scripts/build-cli.mjs; do not edit.' },
});
process.stderr.write(`lib/case-brief.js built in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);

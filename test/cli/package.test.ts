// The command line as a user installs it: `npm pack` (whose prepack builds lib/case-brief.js), then
// `npm install --omit=dev` of the tarball into an empty folder, where `npx case-brief` must run with
// no dev dependency (no tsx, no TypeScript) and no other package: the tarball carries one bundle.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWorkbook } from '../../src/hosts/file/read-workbook.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

/** A cache of its own, so that the test neither reads nor fills the user's. */
const npmCache = mkdtempSync(join(tmpdir(), 'case-brief-npm-cache-'));
process.once('exit', () => rmSync(npmCache, { recursive: true, force: true }));

/** npm without the lifecycle variables of the `npm test` that may be running this file, and quiet. */
function npm(args: readonly string[], cwd: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  return execFileSync('npm', [...args], {
    cwd,
    encoding: 'utf8',
    env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_cache: npmCache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the packed command line', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'case-brief-pack-'));
  const app = join(dir, 'app');
  let tarball = '';
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(() => {
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], repoRoot)) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, packed[0].filename);
    assert.equal(packed[0].filename, `case-brief-${version}.tgz`);
    const files = packed[0].files.map((file) => file.path);
    assert.ok(files.includes('lib/case-brief.js') && files.includes('bin/case-brief.js') && files.includes('samples/sample-2021.xlsx'), files.join(', '));
    assert.deepEqual(files.filter((file) => file.startsWith('src/') || file.startsWith('test/')), [], 'the tarball carries the bundle, not the sources');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'clerk-folder', version: '1.0.0', private: true }));
    npm(['install', '--omit=dev', '--no-audit', '--no-fund', tarball], app);
  });

  it('installs with nothing but itself: no dependency, no TypeScript loader', () => {
    assert.deepEqual(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.')), ['case-brief']);
    assert.equal(existsSync(join(app, 'node_modules', 'tsx')), false);
  });

  it('answers npx case-brief --help', () => {
    const help = npm(['exec', '--no', '--', 'case-brief', '--help'], app);
    assert.match(help, /case-brief build <输入\.xlsx\|\.xls\|\.csv> --out <输出\.xlsx>/);
  });

  it('builds the bundled sample\'s September into a workbook with the report sheets', () => {
    const sample = join(app, 'node_modules', 'case-brief', 'samples', 'sample-2021.xlsx');
    const out = join(app, '月报.xlsx');
    const printed = execFileSync(join(app, 'node_modules', '.bin', 'case-brief'), ['build', sample, '--period', '2021-09', '--out', out, '--built-at', '2021-10-11 09:00'], { cwd: app, encoding: 'utf8' });
    assert.match(printed, /上报 4381 件/);
    assert.match(printed, /用时：读取 [\d.]+ 秒，统计 [\d.]+ 秒，写出 [\d.]+ 秒；从启动到写完共 [\d.]+ 秒。/);
    const names = readWorkbook(new Uint8Array(readFileSync(out)), '月报.xlsx').map((sheet) => sheet.name);
    for (const name of ['2021年9月-案件概况', '2021年9月-部门处置', '2021年9月-12345受理', '月报设置', '历史指标']) assert.ok(names.includes(name), `${name} in ${names.join('、')}`);
  });
});

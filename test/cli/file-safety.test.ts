/**
 * The command line never loses a file: no output can be the input (by any path), writes are whole or
 * not at all, an existing report is not silently replaced, and a file it cannot read or write gets a
 * sentence (exit 2), never a stack trace.
 */
import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { reportInternalError } from '../../src/cli/internal-error.ts';
import { describeFileError, FileProblem, writeFilesAtomically } from '../../src/cli/safe-files.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { readSheetNames } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { caseSheet, closedCase } from '../helpers/case-sheet.ts';

function run(args: string[]): { status: number | Promise<number>; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(args, (line) => out.push(line), (line) => err.push(line));
  assert.equal(typeof status, 'number', 'build answers at once');
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('case-brief: files are never lost', () => {
  const dir = mkdtempSync(join(tmpdir(), 'case-brief-safety-'));
  const input = join(dir, '导出.xlsx');
  let inputBytes: Buffer;
  before(() => {
    writeFileSync(input, writeWorkbook(null, [rawSheetToGrid(caseSheet([closedCase(), closedCase({ 处置部门: '二中队' })]))]));
    inputBytes = readFileSync(input);
  });
  afterEach(() => assert.deepEqual(readFileSync(input), inputBytes, 'the input file is unchanged'));

  const refused = (args: string[], pattern: RegExp) => {
    const result = run(args);
    assert.equal(result.status, 2, result.err);
    assert.match(result.err, pattern);
    assert.ok(!/\n\s+at /.test(result.err), 'no stack trace');
    return result;
  };

  it('refuses --json pointed at the input', () => {
    refused(['build', input, '--out', join(dir, 'a.xlsx'), '--json', input], /--json .*就是输入文件/);
    assert.ok(!existsSync(join(dir, 'a.xlsx')));
  });

  it('refuses --json pointed at --out', () => {
    const out = join(dir, 'b.xlsx');
    refused(['build', input, '--out', out, '--json', out], /--out 和 --json 指向同一个文件/);
  });

  it('refuses an --out that is a symlink, a hard link or another path to the input', () => {
    const symlink = join(dir, 'link.xlsx');
    symlinkSync(input, symlink);
    refused(['build', input, '--out', symlink], /就是输入文件/);
    const hardLink = join(dir, 'hard.xlsx');
    linkSync(input, hardLink);
    refused(['build', input, '--out', hardLink], /就是输入文件/);
    // Concatenated, not joined: join() would fold the .. segments away before the kernel sees them.
    refused(['build', input, '--out', `/proc/self/cwd/${relative(process.cwd(), input)}`], /就是输入文件/);
    refused(['build', input, '--out', join(dir, '.', 'sub', '..', '导出.xlsx')], /就是输入文件/);
  });

  it('refuses a brief whose --out is the workbook itself (a link named .docx)', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const link = join(dir, '简报.docx');
    symlinkSync(input, link);
    const status = await main(['brief', input, '--period', '2021-09', '--out', link], (line) => out.push(line), (line) => err.push(line));
    assert.equal(status, 2);
    assert.match(err.join('\n'), /--out .*就是输入文件/);
  });

  it('explains an output folder it cannot make, and returns (a folder under /proc)', () => {
    refused(['build', input, '--out', '/proc/no-such-folder/月报.xlsx'], /写入|权限|不存在/);
  });

  it('reads an input folder as several inputs (which need --period), says when it holds no export, and refuses an output folder', () => {
    // A folder of exports is several inputs (issue 12): the period must be given.
    refused(['build', dir, '--out', join(dir, 'c.xlsx')], /读取多个输入（\d+ 个文件）时，请用 --period 指定统计期/);
    const empty = join(dir, '空文件夹');
    mkdirSync(empty);
    refused(['build', empty, '--period', '2021', '--out', join(dir, 'c.xlsx')], /文件夹 .*空文件夹 中没有 \.xlsx、\.xlsm、\.xls 或 \.csv 文件/);
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    refused(['build', input, '--out', folder], /是一个文件夹/);
  });

  it('refuses to replace an existing workbook whose sheets the new one would not hold, unless --force', () => {
    const other = join(dir, '上月月报.xlsx');
    writeFileSync(other, writeWorkbook(null, [rawSheetToGrid({ name: '2021年8月-案件概况', rows: [['（一）'], ['问题来源', '上报数']] })]));
    const before = readFileSync(other);
    refused(['build', input, '--period', '2021-09', '--out', other], /2021年8月-案件概况.*丢失/);
    assert.deepEqual(readFileSync(other), before);
    assert.equal(run(['build', input, '--period', '2021-09', '--out', other, '--force']).status, 0);
    assert.ok(!readSheetNames(new Uint8Array(readFileSync(other))).includes('2021年8月-案件概况'));
  });

  it('rebuilds over its own earlier output without asking, since nothing of it is lost', () => {
    const out = join(dir, 'again.xlsx');
    assert.equal(run(['build', input, '--period', '2021-09', '--out', out]).status, 0);
    assert.equal(run(['build', input, '--period', '2021-09', '--out', out]).status, 0);
  });

  it('refuses to replace an existing file that is not a workbook, unless --force', () => {
    const notes = join(dir, 'notes.xlsx');
    writeFileSync(notes, 'my notes, not a workbook');
    refused(['build', input, '--period', '2021-09', '--out', notes], /不是工作簿/);
    assert.equal(readFileSync(notes, 'utf8'), 'my notes, not a workbook');
  });

  it('writes the workbook and its JSON together, leaving no temporary file behind', () => {
    const out = join(dir, 'pair.xlsx');
    const json = join(dir, 'pair.json');
    writeFileSync(json, '{"stale": true}');
    assert.equal(run(['build', input, '--period', '2021-09', '--out', out, '--json', json]).status, 0);
    assert.equal((JSON.parse(readFileSync(json, 'utf8')) as { period: string }).period, '2021-09');
    assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), []);
  });

  describe('writeFilesAtomically', () => {
    it('leaves every old file whole when a later file cannot be written', () => {
      const first = join(dir, 'first.txt');
      writeFileSync(first, 'old');
      assert.throws(() => writeFilesAtomically([{ path: first, data: 'new' }, { path: join(dir, 'no-such-folder', 'second.txt'), data: 'x' }]), FileProblem);
      assert.equal(readFileSync(first, 'utf8'), 'old');
      assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), []);
    });

    it('removes a stale companion before the new files take their places', () => {
      const report = join(dir, 'r.xlsx');
      const stale = join(dir, 'r.json');
      writeFileSync(stale, 'stale');
      writeFilesAtomically([{ path: report, data: 'report' }], [stale]);
      assert.ok(!existsSync(stale));
      assert.equal(readFileSync(report, 'utf8'), 'report');
    });
  });

  describe('files that are not readable workbooks', () => {
    const cases: [string, () => Uint8Array, RegExp][] = [
      ['a truncated .xlsx', () => new Uint8Array(inputBytes.subarray(0, Math.floor(inputBytes.length / 2))), /已损坏/],
      ['a password-protected workbook', () => encryptedContainer(), /设有打开密码.*取消密码/],
      ['an image renamed to .xlsx', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /不是 Excel 工作簿或 CSV 文件/],
      ['an empty file', () => new Uint8Array(), /空的/],
    ];
    for (const [what, bytes, message] of cases) {
      it(`explains ${what} in a sentence (exit 2)`, () => {
        const file = join(dir, `${what.replace(/\W+/g, '-')}.xlsx`);
        writeFileSync(file, bytes());
        const result = refused(['build', file, '--out', join(dir, 'never.xlsx')], message);
        assert.match(result.err, new RegExp(file.split('/').pop() as string));
        assert.ok(!existsSync(join(dir, 'never.xlsx')));
      });
    }
  });

  it('reports a fault of its own with a reference and no stack trace', () => {
    const message = reportInternalError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    assert.match(message, /编号 E-[0-9A-F]{6}/);
    assert.ok(!/\n\s+at /.test(message));
  });

  it('says what to do on a full, read-only or forbidden disk, and keeps the old file', () => {
    const problem = (code: string) => describeFileError(Object.assign(new Error(code), { code }), '/mnt/u/月报.xlsx', '写入');
    assert.match(problem('ENOSPC'), /磁盘空间不足.*原有的文件没有改动/);
    assert.match(problem('EROFS'), /只读/);
    assert.match(problem('EACCES'), /没有写入.*权限/);
    assert.match(problem('EBUSY'), /正被其他程序使用/);
  });
});

/** An OLE compound file as Office writes an encrypted workbook: its directory names EncryptionInfo and EncryptedPackage. */
function encryptedContainer(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const names = ['EncryptionInfo', 'EncryptedPackage'];
  let offset = 1024;
  for (const name of names) {
    for (const char of name) {
      bytes[offset++] = char.charCodeAt(0);
      bytes[offset++] = 0;
    }
    offset += 64;
  }
  return bytes;
}

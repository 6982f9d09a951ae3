/**
 * The command line's file handling, so that nothing the clerk has is lost: files are compared by
 * identity (device and inode, or the real path of a file not yet there), never by the text of their
 * paths, so no output can be the input or another output through a symlink, a hard link or another
 * spelling of the path; every output is written to a temporary file in the same folder, flushed to
 * disk and renamed over the old one, so a full disk or a kill mid-write leaves the previous file whole;
 * and file-system errors become sentences that say what to do.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A problem with the files the clerk named (exit 2): the message says what to do. */
export class FileProblem extends Error {}

interface Identity {
  readonly exists: boolean;
  readonly key: string;
}

function identityOf(path: string): Identity {
  try {
    const stat = statSync(path);
    return { exists: true, key: `${stat.dev}:${stat.ino}` };
  } catch {
    const folder = dirname(resolve(path));
    let real = folder;
    try {
      real = realpathSync(folder);
    } catch {
      // The folder does not exist yet: its resolved path is as real as it gets.
    }
    return { exists: false, key: join(real, basename(path)) };
  }
}

/** Whether two paths name the same file (or would, once written). */
export function isSameFile(left: string, right: string): boolean {
  const [a, b] = [identityOf(left), identityOf(right)];
  return a.exists === b.exists && a.key === b.key;
}

/** What an error of the file system means for the clerk. */
export function describeFileError(error: unknown, path: string, doing: '读取' | '写入'): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return doing === '读取' ? `找不到文件 ${path}。请检查文件名和所在文件夹。` : `无法写入 ${path}：所在文件夹不存在。`;
    case 'EISDIR':
      return `${path} 是一个文件夹，不是文件。请给出文件的完整名称（如 ${join(path, doing === '读取' ? '导出.xlsx' : '月报.xlsx')}）。`;
    case 'EACCES':
    case 'EPERM':
      return `没有${doing} ${path} 的权限。请换一个有权限的文件夹，或请管理员开通权限。`;
    case 'EROFS':
      return `${path} 所在的磁盘是只读的，无法写入。请把输出写到别的文件夹。`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写完 ${path}；原有的文件没有改动。请清理磁盘或换一个磁盘后重试。`;
    case 'EBUSY':
      return `${path} 正被其他程序使用（可能在 Excel 或 WPS 中打开着）。请先关闭它再试。`;
    case 'ENAMETOOLONG':
      return `文件名太长：${path}。请换一个短些的名称或文件夹。`;
    default:
      return `${doing} ${path} 时出错（${code || (error instanceof Error ? error.message : String(error))}）。`;
  }
}

/** Reads the input file; a folder, a missing file or a file without permission is a FileProblem. */
export function readInputFile(path: string): Uint8Array {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // A view of the file's own buffer, not a copy: copying a 30 MB export costs more than reading it.
    const buffer = readFileSync(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw new FileProblem(describeFileError(error, path, '读取'));
  }
}

/** Refuses outputs that are the input, a folder, or each other. */
export function checkOutputPaths(input: string, outputs: readonly { readonly option: string; readonly path: string }[]): void {
  for (const [index, output] of outputs.entries()) {
    if (existsSync(output.path) && statSync(output.path).isDirectory()) throw new FileProblem(`${output.option} ${describeFileError(Object.assign(new Error(), { code: 'EISDIR' }), output.path, '写入')}`);
    if (isSameFile(input, output.path)) {
      throw new FileProblem(`${output.option} ${output.path} 就是输入文件（或是指向它的链接、它的另一个路径）：原始导出表必须保持不变，请另给一个输出文件名。`);
    }
    for (const other of outputs.slice(0, index)) {
      if (isSameFile(other.path, output.path)) throw new FileProblem(`${other.option} 和 ${output.option} 指向同一个文件 ${output.path}，请分别给出不同的文件名。`);
    }
  }
}

/**
 * Creates the folder a file is to be written to, one level at a time (Node's recursive mkdir never
 * returns on some file systems, /proc among them); a level that cannot be made is a FileProblem.
 */
export function ensureFolderOf(path: string): void {
  const missing: string[] = [];
  for (let folder = dirname(resolve(path)); !existsSync(folder); folder = dirname(folder)) {
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      throw new FileProblem(describeFileError(error, folder, '写入'));
    }
  }
}

export interface PlannedWrite {
  readonly path: string;
  readonly data: Uint8Array | string;
}

function writeTemporary(write: PlannedWrite): string {
  const temporary = join(dirname(resolve(write.path)), `.${basename(write.path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd = -1;
  try {
    fd = openSync(temporary, 'wx');
    const bytes = typeof write.data === 'string' ? Buffer.from(write.data, 'utf8') : write.data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    return temporary;
  } catch (error) {
    if (fd >= 0) closeSync(fd);
    if (existsSync(temporary)) unlinkSync(temporary);
    throw new FileProblem(describeFileError(error, write.path, '写入'));
  }
}

/**
 * Writes every file whole or not at all: all are first written to temporary files beside them and
 * flushed; then `replaced` (files the new ones make stale, such as an old JSON beside its report)
 * are removed, and the temporary files renamed into place in order. A failure before the renames
 * leaves every old file as it was.
 */
export function writeFilesAtomically(writes: readonly PlannedWrite[], replaced: readonly string[] = []): void {
  const temporaries: string[] = [];
  try {
    for (const write of writes) temporaries.push(writeTemporary(write));
  } catch (error) {
    for (const temporary of temporaries) if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
  for (const stale of replaced) if (existsSync(stale)) unlinkSync(stale);
  writes.forEach((write, index) => {
    try {
      renameSync(temporaries[index], write.path);
    } catch (error) {
      for (const temporary of temporaries.slice(index)) if (existsSync(temporary)) unlinkSync(temporary);
      throw new FileProblem(describeFileError(error, write.path, '写入'));
    }
  });
}

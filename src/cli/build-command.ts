/**
 * `case-brief build`: read an export file, build the period's tables, write the new workbook (and the
 * JSON if asked), print the summary, the failed checks, the warnings and the timings.
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { settingsSheetName, type BuildResult, type CarryOver } from '../core/index.ts';
import { buildReportFile } from '../hosts/file/build-file.ts';
import { readSheetNames } from '../hosts/file/read-workbook.ts';
import { NotAReportError, readCarryOver } from '../hosts/file/carry-over.ts';
import { jsonReport, printWarnings } from './report-output.ts';
import { isZipFile, readSheetNamesOfFile } from './sheet-names-of-file.ts';
import { checkOutputPaths, ensureFolderOf, FileProblem, readInputFile, writeFilesAtomically, type PlannedWrite } from './safe-files.ts';

/** A mistake in the command line itself (exit 2). */
export class UsageError extends Error {}

export interface BuildCommand {
  input: string;
  out: string;
  period?: string;
  asOf?: string;
  json?: string;
  force: boolean;
  builtAt: string;
  quiet: boolean;
  /** Last month's report workbook: its 月报设置 and 历史指标 carry over. */
  from?: string;
  /** A preset (id or name) for a workbook without settings, instead of learning them. */
  preset?: string;
}

/**
 * Sheets of an existing output file that the new workbook would not hold (another month's report, a
 * sheet the clerk added): writing would lose them. An output that is no workbook at all is all loss.
 */
function sheetsLostBy(out: string, newBytes: Uint8Array): string[] | 'not-a-workbook' {
  if (!existsSync(out)) return [];
  let existing: string[];
  try {
    // Every workbook this tool writes is an .xlsx package (a zip): anything else is not one of ours.
    if (!isZipFile(out)) return 'not-a-workbook';
    existing = readSheetNamesOfFile(out, basename(out));
  } catch {
    return 'not-a-workbook';
  }
  const kept = new Set(readSheetNames(newBytes, basename(out)));
  return existing.filter((name) => !kept.has(name));
}

/** The settings and history of the `--from` report, if one is given. */
export function readFromOption(from: string | undefined): CarryOver | undefined {
  try {
    return from ? readCarryOver(readInputFile(from), basename(from)) : undefined;
  } catch (error) {
    throw error instanceof NotAReportError ? new UsageError(`--from：${error.message}`) : error;
  }
}

export function runBuild(command: BuildCommand, write: (line: string) => void): void {
  if (extname(command.out).toLowerCase() !== '.xlsx') throw new UsageError(`输出文件应以 .xlsx 结尾：${command.out}`);
  checkOutputPaths(command.input, [{ option: '--out', path: command.out }, ...(command.json ? [{ option: '--json', path: command.json }] : [])]);
  if (command.from) checkOutputPaths(command.from, [{ option: '--out', path: command.out }, ...(command.json ? [{ option: '--json', path: command.json }] : [])]);
  const started = performance.now();
  const carryOver = readFromOption(command.from);
  const bytes = readInputFile(command.input);
  const readFileMs = performance.now() - started;
  const { bytes: output, result, timings } = buildReportFile(bytes, basename(command.input), {
    period: command.period,
    asOf: command.asOf,
    builtAt: command.builtAt,
    force: command.force,
    carryOver,
    preset: command.preset,
  });
  const writeStarted = performance.now();
  writeOutputs(command, output, result);
  const writeFileMs = performance.now() - writeStarted;
  if (result.carriedOver) write(`设置和历史指标取自上月月报 ${command.from ?? ''}。`);
  else if (carryOver?.history) write(`历史指标取自上月月报 ${command.from ?? ''}（设置用本工作簿自己的"${settingsSheetName}"表）。`);
  printResult(command, result, write);
  // performance.now() counts from the start of the process: the total covers starting Node and
  // loading the command too, up to this last line (nothing but exiting comes after it).
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  write(`用时：读取 ${seconds(readFileMs + timings.readMs)} 秒，统计 ${seconds(timings.buildMs)} 秒，写出 ${seconds(timings.writeMs + writeFileMs)} 秒；从启动到写完共 ${seconds(performance.now())} 秒。`);
}

/**
 * Writes the new workbook (and the JSON if asked) atomically, unless the output file exists and
 * writing would lose sheets of it (without --force).
 */
export function writeOutputs(command: Pick<BuildCommand, 'out' | 'json' | 'force'>, output: Uint8Array, result: BuildResult): void {
  if (!command.force) {
    const lost = sheetsLostBy(command.out, output);
    if (lost === 'not-a-workbook') throw new FileProblem(`输出文件 ${command.out} 已存在，而且不是工作簿：写出会替换它。请换一个输出文件名；如确定替换，加 --force。`);
    if (lost.length) {
      throw new FileProblem(
        `输出文件 ${command.out} 已存在，其中的 ${lost.slice(0, 6).join('、')}${lost.length > 6 ? ` 等 ${lost.length} 张表` : ''}不在这次生成的工作簿里，写出会让它们丢失。` +
          `要在这个文件上接着生成，请把它作为输入（case-brief build ${command.out} --out 新文件.xlsx）；换一个输出文件名；或加 --force 替换它。`,
      );
    }
  }
  ensureFolderOf(command.out);
  const writes: PlannedWrite[] = [{ path: command.out, data: output }];
  if (command.json) writes.push({ path: command.json, data: JSON.stringify(jsonReport(result), null, 2) + '\n' });
  // The old JSON goes before the new workbook takes its place: never a new report beside a stale JSON.
  writeFilesAtomically(writes, command.json ? [command.json] : []);
}

/** Prints what a build learned, its summary, the failed checks, the warnings and the sheets written. */
export function printResult(command: Pick<BuildCommand, 'out' | 'quiet'>, result: BuildResult, write: (line: string) => void): void {
  for (const line of result.settingsLearned?.lines ?? []) write(line);
  for (const line of result.summary) write(line);
  for (const check of result.reconciliation) if (!check.ok) write(`  ✗ ${check.name}：${check.detail}`);
  printWarnings(result, write, command.quiet);
  write(`已写出 ${command.out}：${result.sheetsToWrite.filter((sheet) => sheet.role === 'report').map((sheet) => sheet.name).join('、')}${result.settingsCreated ? `、月报设置（${result.carriedOver ? '取自上月月报' : result.settingsLearned?.kind === 'preset' ? `预设：${result.settingsLearned.presetName ?? ''}` : '从数据识别'}）` : ''}、历史指标。`);
}

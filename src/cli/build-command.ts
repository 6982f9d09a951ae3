/**
 * `case-brief build`: read an export file, build the period's tables, write the new workbook (and the
 * JSON if asked), print the summary, the failed checks, the warnings and the timings.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { buildReportFile } from '../hosts/file/build-file.ts';
import { jsonReport, printWarnings } from './report-output.ts';

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
}

export function runBuild(command: BuildCommand, write: (line: string) => void): void {
  if (resolve(command.input) === resolve(command.out)) throw new UsageError('输出文件不能与输入文件相同：原始导出表必须保持不变。');
  if (extname(command.out).toLowerCase() !== '.xlsx') throw new UsageError(`输出文件应以 .xlsx 结尾：${command.out}`);
  const bytes = new Uint8Array(readFileSync(command.input));
  const { bytes: output, result, timings } = buildReportFile(bytes, basename(command.input), {
    period: command.period,
    asOf: command.asOf,
    builtAt: command.builtAt,
    force: command.force,
  });
  mkdirSync(dirname(resolve(command.out)), { recursive: true });
  writeFileSync(command.out, output);
  if (command.json) writeFileSync(command.json, JSON.stringify(jsonReport(result), null, 2) + '\n');
  for (const line of result.summary) write(line);
  for (const check of result.reconciliation) if (!check.ok) write(`  ✗ ${check.name}：${check.detail}`);
  printWarnings(result, write, command.quiet);
  write(`已写出 ${command.out}：${result.sheetsToWrite.filter((sheet) => sheet.role === 'report').map((sheet) => sheet.name).join('、')}${result.settingsCreated ? '、月报设置（默认）' : ''}、历史指标。`);
  write(`用时：读取 ${(timings.readMs / 1000).toFixed(2)} 秒，统计 ${(timings.buildMs / 1000).toFixed(2)} 秒，写出 ${(timings.writeMs / 1000).toFixed(2)} 秒。`);
}

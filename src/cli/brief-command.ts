/**
 * `case-brief brief 月报.xlsx --period 2021-09 --out 简报.docx [--final]`: the Word brief of a period
 * from a workbook a build wrote (and the clerk may have edited since), and with --final 定稿: the
 * figures as they stand now recorded into the workbook's 历史指标 (the workbook file is rewritten in
 * place, only that sheet changes), so that next month's 上期 columns show what was published.
 */
import { basename, extname } from 'node:path';
import { composeBrief, finaliseReport, type BuildWarning } from '../core/index.ts';
import { readWorkbook } from '../hosts/file/read-workbook.ts';
import { writeWorkbook } from '../hosts/file/write-workbook.ts';
import { UsageError } from './build-command.ts';
import { checkOutputPaths, ensureFolderOf, readInputFile, writeFilesAtomically } from './safe-files.ts';

export interface BriefCommand {
  readonly input: string;
  readonly period: string;
  /** The .docx to write. */
  readonly out?: string;
  /** 定稿 as well: rewrite the workbook's 历史指标. */
  readonly final: boolean;
  /** When, as China wall-clock text: the 印发 date and the 定稿 time. */
  readonly madeAt: string;
}

function printWarnings(warnings: readonly BuildWarning[], write: (line: string) => void): void {
  for (const warning of warnings) write(`  ！${warning.sheet ? `"${warning.sheet}"：` : ''}${warning.message} 处理：${warning.action}`);
}

export async function runBrief(command: BriefCommand, write: (line: string) => void): Promise<void> {
  if (!command.out && !command.final) throw new UsageError('请用 --out 指定简报文件（.docx），或加 --final 定稿。');
  if (command.out && extname(command.out).toLowerCase() !== '.docx') throw new UsageError(`简报文件应以 .docx 结尾：${command.out}`);
  if (extname(command.input).toLowerCase() !== '.xlsx') throw new UsageError(`请给出生成过月报表的 .xlsx 工作簿：${command.input}`);
  if (command.out) checkOutputPaths(command.input, [{ option: '--out', path: command.out }]);
  const bytes = readInputFile(command.input);
  const started = performance.now();
  const sheets = readWorkbook(bytes, basename(command.input));
  const read = performance.now();
  if (command.out) {
    const brief = composeBrief(sheets, { period: command.period, madeAt: command.madeAt });
    // The Word writer (the docx package) is loaded only for this command: every build starts without it.
    const { briefToDocx } = await import('../hosts/file/brief-docx.ts');
    const docx = await briefToDocx(brief.document);
    ensureFolderOf(command.out);
    writeFilesAtomically([{ path: command.out, data: docx }]);
    const tables = brief.document.blocks.filter((block) => block.kind === 'table').length;
    const charts = brief.document.blocks.filter((block) => block.kind === 'chart').length;
    write(`已写出简报 ${command.out}（${brief.document.fileName.replace(/\.docx$/, '')}）：${tables} 张表、${charts} 张图${brief.editedFigures ? `，其中 ${brief.editedFigures} 个数值是手工修改后的` : ''}。`);
    printWarnings(brief.warnings, write);
  }
  if (command.final) {
    const result = finaliseReport(sheets, { period: command.period, finalisedAt: command.madeAt });
    // The workbook is rewritten in place, whole or not at all: a failure leaves it as it was.
    writeFilesAtomically([{ path: command.input, data: writeWorkbook(bytes, result.historySheets) }]);
    for (const line of result.summary) write(line);
    write(`已更新 ${command.input} 的"历史指标"表。`);
    printWarnings(result.warnings, write);
  }
  write(`用时：读取 ${((read - started) / 1000).toFixed(2)} 秒，生成 ${((performance.now() - read) / 1000).toFixed(2)} 秒。`);
}

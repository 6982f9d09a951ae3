/**
 * `case-brief build 1月.csv 2月.csv … --period 2021 --out 年报.xlsx`, or a folder of exports: a period
 * (a quarter, a year) built from several inputs streamed through the core's PeriodStream. Each input
 * is read and handed over a batch of rows at a time and then dropped, so memory holds what the stream
 * keeps (per id where it was last seen, the counts, the period's 12345 orders), never all the rows.
 * When an id repeats across the inputs, the stream asks for them once more and they are read again.
 * The output is a new workbook with the report, 月报设置 and 历史指标, without copies of the raw rows.
 */
import { basename, extname } from 'node:path';
import { PeriodStream, resolveSettings, settingsSheetName, isHistorySheetName, type BuildResult, type BuildWarning, type CarryOver } from '../core/index.ts';
import { readCarryOver } from '../hosts/file/carry-over.ts';
import { readSheetNames } from '../hosts/file/read-workbook.ts';
import { writeWorkbook } from '../hosts/file/write-workbook.ts';
import { printResult, readFromOption, UsageError, writeOutputs, type BuildCommand } from './build-command.ts';
import { handOverInput, isFolder, listInputFiles, naturalOrder, readWholeInput, type InputFile } from './input-files.ts';
import { checkOutputPaths, readInputFile } from './safe-files.ts';

export interface SeveralBuildCommand extends Omit<BuildCommand, 'input'> {
  /** Files and folders, as given. */
  readonly inputs: readonly string[];
}

/** The settings and history sheets of the first input workbook that has them (a report built before, given among the inputs). */
function carryOverOfInputs(files: readonly InputFile[]): { carry: CarryOver; file: InputFile } | null {
  for (const file of files) {
    if (extname(file.path).toLowerCase() === '.csv') continue;
    const bytes = readInputFile(file.path);
    let names: string[];
    try {
      names = readSheetNames(bytes, basename(file.path));
    } catch {
      // Reading it as an input says what is wrong with it.
      continue;
    }
    if (names.some((name) => name === settingsSheetName || isHistorySheetName(name))) return { carry: readCarryOver(bytes, basename(file.path)), file };
  }
  return null;
}

/** What a build of several inputs gave, before anything is written. */
export interface SeveralBuild {
  readonly result: BuildResult;
  readonly files: readonly InputFile[];
  /** Rows read (of the last pass). */
  readonly rows: number;
  /** Whether the inputs were read twice (an id repeated). */
  readonly twice: boolean;
  /** Where the settings and history came from. */
  readonly fromReport?: CarryOver;
  readonly inInputs: { readonly carry: CarryOver; readonly file: InputFile } | null;
  readonly readMs: number;
}

/** Reads the inputs through a PeriodStream and builds the period (nothing is written). */
export function buildFromInputs(command: SeveralBuildCommand): SeveralBuild {
  const files = listInputFiles(command.inputs);
  if (!command.period) {
    throw new UsageError(
      `读取多个输入（${files.length} 个文件）时，请用 --period 指定统计期，如 --period 2021（全年）、--period 2021-Q3（季度）、--period 2021-H1（上半年）、--period 2021-09（月）或 --period 2021-W37（周）。`,
    );
  }
  const outputs = [{ option: '--out', path: command.out }, ...(command.json ? [{ option: '--json', path: command.json }] : [])];
  for (const file of files) checkOutputPaths(file.path, outputs);
  if (command.from) checkOutputPaths(command.from, outputs);

  const fromReport = readFromOption(command.from);
  const inInputs = carryOverOfInputs(files);
  // An input workbook's own 月报设置 wins over --from's, as a workbook's own sheet does with one input.
  const settingsSheet = inInputs?.carry.settings ?? fromReport?.settings;
  const historyFrom = inInputs?.carry.history ? inInputs.carry : fromReport;
  const carryOver: CarryOver | undefined =
    settingsSheet || historyFrom?.history
      ? { ...(settingsSheet ? { settings: settingsSheet } : {}), ...(historyFrom?.history ? { history: historyFrom.history } : {}), ...(historyFrom?.historyArchives ? { historyArchives: historyFrom.historyArchives } : {}) }
      : undefined;
  // Without settings anywhere, they are learned from the first input (or the preset is matched against it).
  const inForce = settingsSheet ? resolveSettings([], undefined, { carryOver }) : resolveSettings(readWholeInput(files[0]), undefined, { preset: command.preset, madeAt: command.builtAt });

  const started = performance.now();
  const stream = new PeriodStream({ inForce, period: command.period, asOf: command.asOf, builtAt: command.builtAt, carryOver });
  let rows = 0;
  const handOverAll = () => {
    rows = 0;
    for (const file of files) rows += handOverInput(file, stream).rows;
  };
  handOverAll();
  const twice = stream.needsAnotherPass;
  if (twice) {
    stream.startAnotherPass();
    handOverAll();
  }
  const built = stream.finish();
  // Files are read in the order given, and an id repeated across them counts by its last row: when
  // they repeat, every name is numbered (1月, 2021-02 …) and the order is not the names' (a shell's
  // *.csv lists 10月 before 1月), say so.
  const named = files.map((file) => basename(file.path)).sort(naturalOrder);
  const numbered = files.every((file) => /\d/.test(basename(file.path)));
  const outOfOrder = twice && numbered && files.some((file, index) => basename(file.path) !== named[index]);
  const result = outOfOrder ? { ...built, warnings: [orderWarning(files, named), ...built.warnings] } : built;
  return { result, files, rows, twice, fromReport, inInputs, readMs: performance.now() - started };
}

function orderWarning(files: readonly InputFile[], named: readonly string[]): BuildWarning {
  const given = files.map((file) => basename(file.path));
  const first = given.findIndex((name, index) => name !== named[index]);
  return {
    kind: 'duplicateId',
    sheet: files[first].label,
    rows: [],
    message: `有编号在几个输入文件中都出现，按最后读到的一行统计；而输入文件是按给出的顺序读的（${given.slice(Math.max(0, first - 1), first + 2).join('、')}……），与文件名的顺序（${named.slice(Math.max(0, first - 1), first + 2).join('、')}……）不同。`,
    action: '如果较晚的导出排在了前面（命令行的 *.csv 会把 10月 排在 1月 之前），请按时间顺序列出文件，或给出放这些文件的文件夹（按文件名的自然顺序读取），然后重新生成。',
  };
}

export function runSeveralBuild(command: SeveralBuildCommand, write: (line: string) => void): void {
  if (extname(command.out).toLowerCase() !== '.xlsx') throw new UsageError(`输出文件应以 .xlsx 结尾：${command.out}`);
  const { result, files, rows, twice, fromReport, inInputs, readMs } = buildFromInputs(command);
  const built = performance.now();
  const output = writeWorkbook(null, result.sheetsToWrite);
  writeOutputs(command, output, result);
  const written = performance.now();

  const folders = command.inputs.filter(isFolder);
  write(`读取了 ${files.length} 个输入文件${folders.length ? `（文件夹 ${folders.join('、')}）` : ''}，共 ${rows.toLocaleString('en-US')} 行：${files.map((file) => basename(file.path)).join('、')}。`);
  if (twice) write('有编号在多处出现（同一案件或工单在不同行、不同文件中），所以把全部输入又读了一遍：每个编号只按它最后出现的一行统计。');
  const historyFrom = inInputs?.carry.history ? inInputs.file.path : fromReport?.history ? command.from ?? '' : null;
  if (inInputs?.carry.settings) write(`设置取自输入文件 ${inInputs.file.path} 的"${settingsSheetName}"表${historyFrom ? `，历史指标取自 ${historyFrom}` : ''}。`);
  else if (fromReport?.settings) write(`设置${historyFrom ? '和历史指标' : ''}取自上月月报 ${command.from ?? ''}。`);
  else if (historyFrom) write(`历史指标取自 ${historyFrom}；设置${command.preset ? '按预设' : '从第一个输入识别'}。`);
  printResult(command, result, write);
  write('输出工作簿只含本期的月报表、月报设置和历史指标，不含输入的原始行（原始数据仍在各输入文件中）。');
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  write(`用时：读取并统计 ${seconds(readMs)} 秒（${twice ? '两遍' : '一遍'}），写出 ${seconds(written - built)} 秒；从启动到写完共 ${seconds(performance.now())} 秒。`);
}

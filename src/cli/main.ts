/**
 * The command line: `case-brief build IN --period 2021-09 --out OUT`, and `case-brief demo`, which
 * builds August then September 2021 from the bundled sample into out/. Reads and writes files; all
 * statistics are the core's, all workbook work the file host's.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InputError } from '../core/index.ts';
import { EditedSheetsError } from '../hosts/file/build-file.ts';
import { runBuild, UsageError } from './build-command.ts';
import { runBrief } from './brief-command.ts';
import { runSeveralBuild } from './build-several.ts';
import { isFolder } from './input-files.ts';
import { FileProblem } from './safe-files.ts';
import { reportInternalError } from './internal-error.ts';

const usage = `城管月报助手 命令行 (case-brief)

用法 Usage:
  case-brief build <输入.xlsx|.xls|.csv> --out <输出.xlsx> [选项]
  case-brief build <1月.csv> <2月.csv> … | <文件夹> --period <2021> --out <年报.xlsx> [选项]
  case-brief brief <月报.xlsx> --period <2021-09> --out <简报.docx> [--final]
  case-brief demo [--out-dir out]
  case-brief --help

build  读取导出表，生成统计期的月报表，写出一个新工作簿（原有工作表原样保留）。
       Reads the exports, builds the period's tables, writes a copy of the workbook with them added.
  --period <2021-09>     统计期：月 2021-09、周 2021-W37、季度 2021-Q3、半年 2021-H1、全年 2021。缺省：数据中最近的完整月份。
                         工作簿中没有导出表、各月都生成过时，季度、半年、全年由"历史指标"中各月的数值汇总。
                         Period (month, ISO week, quarter, half, year); default: latest complete month. A quarter,
                         half or year of a workbook without exports is added up from its months in 历史指标.
  --as-of <时间>          统计时点，如 "2021-10-08 17:30"。缺省：月报设置中的统计时点，否则导出中最晚的事件时间。
                         As-of time; default: the settings' override, else the latest event time.
  --out <文件>            输出工作簿（.xlsx），必填，不能是输入文件（也不能是指向它的链接）。先写临时文件再替换，
                         写到一半出错时原文件不变。 Output workbook, required; written atomically.
  --json <文件>           另存一份 JSON 结果（各表数值、警告、对账）。 Also write the figures as JSON.
  --force                即使已生成的表被手工改过、或已有的输出文件中有这次不会写出的表，也覆盖。
                         Overwrite generated sheets edited by hand, or an output file whose other sheets would be lost.
  --built-at <时间>       记录的生成时间（缺省：现在，北京时间）。 Build time recorded (default: now, China time).
  --quiet                只打印摘要，不列出警告明细。 Print the summary only.
  --from <上月月报.xlsx>   上个月生成的月报工作簿：取它的"月报设置"（本工作簿没有时）和"历史指标"（上期列）。
                         Last month's report workbook: its settings (when this one has none) and its history.
  --preset <名称>         本工作簿没有"月报设置"时使用该预设（如 dazhou，参考简报的达州），不从数据识别。
                         For a workbook without settings: use this preset instead of learning from the data.

多个输入（季报、年报）：给出多个文件，或一个文件夹（读取其中所有 .xlsx/.xlsm/.xls/.csv，按文件名自然顺序）。
       此时必须用 --period 指定统计期（2021、2021-Q3、2021-H1、2021-09、2021-W37）；各文件逐个分批读入统计，
       不把所有行同时放在内存中；输出是一个新工作簿，只含月报表、月报设置和历史指标，不含原始行。
       没有"月报设置"（输入中或 --from）时从第一个输入识别设置。同名的表以"文件名/表名"区分。
       Several inputs or a folder: --period is required; the inputs are streamed in bounded memory; the output
       holds the report, settings and history only (no copies of the raw rows).

第一次生成（工作簿中没有"月报设置"）时，单位（两级、市局/县市区）、问题来源、大类、12345 承办单位从导出数据中识别，
打印识别结果并写进"月报设置"表（标有"从数据识别"）；单位与某个预设一致时使用该预设。
On a first build the settings are learned from the data (or a preset the units match), printed, and written to 月报设置.

brief  从生成过月报表的工作簿（可以是手工改过的）写出该期的 Word 简报：各表按工作簿中现在的样子，
       二、具体分析和三、工作建议取自"2021年9月-具体分析"表。
       Writes the period's Word brief from a workbook a build wrote (hand edits included).
  --period <2021-09>     统计期，必填。 Period, required.
  --out <文件>            简报文件（.docx）。 The .docx to write.
  --final                定稿：把各表现在的数值（含手工修改）记入该工作簿的"历史指标"（就地改写该文件，只改这一张表），
                         下月的上期列即取这些数值。 Finalise: record the figures as published into 历史指标.

demo   用 samples/sample-2021.xlsx 先生成 2021年8月、再在其上生成 2021年9月，写到 out/。
       Builds August then September 2021 from the bundled sample into out/.
  --out-dir <目录>        输出目录（缺省 out）。

退出码 Exit status: 0 成功；2 输入有误（缺少必需列、无法识别的参数）；3 已生成的表被手工修改过（见 --force）；1 其他错误。
`;

/** The package's folder (with samples/): above src/cli in the sources, above lib/ in the built command. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Now as China wall-clock text, whatever the machine's zone. */
function chinaNow(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Runs the command line; returns the exit status (a promise of it for `brief`, which writes the .docx asynchronously). */
export function main(argv: readonly string[], write: (line: string) => void = (line) => process.stdout.write(line + '\n'), writeError: (line: string) => void = (line) => process.stderr.write(line + '\n')): number | Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        period: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'string' },
        force: { type: 'boolean', default: false },
        'built-at': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        final: { type: 'boolean', default: false },
        from: { type: 'string' },
        preset: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      write(usage);
      return command || values.help ? 0 : 2;
    }
    const builtAt = values['built-at'] ?? chinaNow();
    if (command === 'build') {
      if (rest.length === 0) throw new UsageError('请给出输入文件（或文件夹）：case-brief build <输入.xlsx> --out <输出.xlsx>');
      if (!values.out) throw new UsageError('请用 --out 指定输出文件。');
      const options = { out: values.out, period: values.period, asOf: values['as-of'], json: values.json, force: values.force ?? false, builtAt, quiet: values.quiet ?? false, from: values.from, preset: values.preset };
      // One file: a copy of it with the report added. Several files, or a folder: streamed, the report alone.
      if (rest.length === 1 && !isFolder(rest[0])) runBuild({ input: rest[0], ...options }, write);
      else runSeveralBuild({ inputs: rest, ...options }, write);
      return 0;
    }
    if (command === 'brief') {
      if (rest.length !== 1) throw new UsageError('请给出一个工作簿：case-brief brief <月报.xlsx> --period 2021-09 --out <简报.docx>');
      if (!values.period) throw new UsageError('请用 --period 指定统计期，如 --period 2021-09。');
      return runBrief({ input: rest[0], period: values.period, out: values.out, final: values.final ?? false, madeAt: builtAt }, write).then(
        () => 0,
        (error: unknown) => exitStatus(error, writeError),
      );
    }
    if (command === 'demo') {
      const outDir = values['out-dir'] ?? join(packageRoot(), 'out');
      const sample = join(packageRoot(), 'samples', 'sample-2021.xlsx');
      const august = join(outDir, 'sample-2021-08.xlsx');
      const september = join(outDir, 'sample-2021-09.xlsx');
      write(`== 2021年8月（统计时点 2021-09-08 17:30）`);
      runBuild({ input: sample, out: august, period: '2021-08', asOf: '2021-09-08 17:30', json: join(outDir, 'sample-2021-08.json'), force: true, builtAt, quiet: true }, write);
      write('');
      write(`== 2021年9月（在8月的结果上生成，上期列取自历史指标）`);
      runBuild({ input: august, out: september, period: '2021-09', json: join(outDir, 'sample-2021-09.json'), force: true, builtAt, quiet: values.quiet ?? false }, write);
      return 0;
    }
    throw new UsageError(`未知命令"${command}"。用 case-brief --help 查看用法。`);
  } catch (error) {
    return exitStatus(error, writeError);
  }
}

/** The exit status of a failed command, after saying what went wrong. */
function exitStatus(error: unknown, writeError: (line: string) => void): number {
  if (error instanceof InputError || error instanceof UsageError || error instanceof FileProblem) {
    writeError(`错误：${error.message}`);
    return 2;
  }
  if (error instanceof EditedSheetsError) {
    writeError(`未写出：${error.message}`);
    return 3;
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    writeError(`错误：${error.message}\n用 case-brief --help 查看用法。`);
    return 2;
  }
  writeError(reportInternalError(error));
  return 1;
}

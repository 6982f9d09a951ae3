/** Running the command line in a test: its exit status and what it printed; the GBK encoder of SheetJS's code pages. */
import * as codepages from '@e965/xlsx/dist/cpexcel.full.mjs';
import type { CP$Utils } from '@e965/xlsx/dist/cpexcel.full.mjs';
import { main } from '../../src/cli/main.ts';

// The ESM build exports `utils` beside `cptable`; its typings only declare `cptable.utils`.
export const { utils: codepageUtils } = codepages as unknown as { utils: CP$Utils };

/** Runs a command that finishes synchronously (`build`, `--help`). */
export function runCli(args: string[]): { status: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const status = main(args, (line) => out.push(line), (line) => err.push(line)) as number;
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/**
 * How the command line shows a build: the warnings grouped by kind (a few of each, with rows and
 * what to do), and the JSON version of the result (every table as printed, checks, accounting).
 */
import { printedRows, warningKindLabels, type BuildResult, type BuildWarning } from '../core/index.ts';

export function printWarnings(result: BuildResult, write: (line: string) => void, quiet: boolean): void {
  const groups = new Map<string, BuildWarning[]>();
  for (const warning of result.warnings) {
    const list = groups.get(warning.kind);
    if (list) list.push(warning);
    else groups.set(warning.kind, [warning]);
  }
  if (!groups.size) {
    write('警告：无。');
    return;
  }
  write(`警告（${result.warnings.length} 条）：`);
  for (const [kind, list] of groups) {
    write(`  【${warningKindLabels[kind as BuildWarning['kind']]}】${list.length} 条`);
    if (quiet) continue;
    for (const warning of list.slice(0, 8)) {
      const rows = warning.rows.length ? `第 ${warning.rows.slice(0, 10).join('、')}${warning.rows.length > 10 ? ` 等 ${warning.rows.length}` : ''} 行` : '';
      write(`    - ${warning.sheet ? `"${warning.sheet}"` : ''}${rows ? ` ${rows}` : ''}${warning.column ? `（${warning.column}列）` : ''}：${warning.message} 处理：${warning.action}`);
    }
    if (list.length > 8) write(`    …… 另有 ${list.length - 8} 条`);
  }
}

/** The figures of a build as JSON: each table as printed, the checks, the row accounting and the warnings. */
export function jsonReport(result: BuildResult): unknown {
  return {
    period: result.periodKey,
    asOf: result.asOfText,
    asOfSource: result.asOfSource,
    summary: result.summary,
    totals: result.statistics.total,
    tables: Object.fromEntries(result.reportSheets.map((grid) => [grid.name, printedRows(grid)])),
    reconciliation: result.reconciliation,
    accounting: result.accounting,
    warnings: result.warnings,
  };
}

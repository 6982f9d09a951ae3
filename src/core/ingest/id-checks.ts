/**
 * Checks on the ids of an export's rows: ids that Excel has already rounded (a CSV saved from Excel
 * writes 2021090300123 as 2.02109E+12, so hundreds of cases share one "id"), and the warnings about
 * repeated ids — a few named one by one, the rest summed up in one warning, and a sheet pasted twice
 * said to be so — so that a month with 100,000 repeats gives a handful of warnings, not 100,000.
 */
import type { CellValue } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';

/** Whether an id cell has lost its digits: scientific notation as text, or a number past 2^53. */
export function isLostPrecisionId(value: CellValue, text: string): boolean {
  if (typeof value === 'number') return !Number.isSafeInteger(value) && Math.abs(value) >= 1e15;
  return /^[+-]?\d(?:\.\d+)?e\+?\d+$/i.test(text);
}

/** Whether two raw rows hold the same values. */
export function sameRow(left: readonly CellValue[] | undefined, right: readonly CellValue[] | undefined): boolean {
  if (!left || !right) return false;
  const length = Math.max(left.length, right.length);
  for (let col = 0; col < length; col++) {
    const [a, b] = [left[col] ?? null, right[col] ?? null];
    if (a !== b && !(a instanceof Date && b instanceof Date && a.getTime() === b.getTime())) return false;
  }
  return true;
}

export interface DuplicateIds {
  readonly sheet: string;
  readonly column: string | undefined;
  /** Every repeated id and the sheet rows it is on, in order. */
  readonly rowsById: ReadonlyMap<string, readonly number[]>;
  /** Later rows that repeat an earlier row value for value. */
  readonly identicalRows: number;
  /** 案件 or 工单. */
  readonly noun: string;
}

/** Repeated ids named one by one up to this many; the rest in one warning. */
const namedDuplicates = 20;

/** The warnings about repeated ids of one sheet. */
export function duplicateIdWarnings(input: DuplicateIds): BuildWarning[] {
  const { sheet, column, rowsById, noun } = input;
  if (rowsById.size === 0) return [];
  const laterRows = [...rowsById.values()].reduce((sum, rows) => sum + rows.length - 1, 0);
  if (laterRows >= 20 && input.identicalRows >= laterRows * 0.9) {
    const rows = [...rowsById.values()].flatMap((list) => list.slice(1)).sort((left, right) => left - right);
    return [
      {
        kind: 'duplicateId',
        sheet,
        rows,
        column,
        message: `有 ${laterRows} 行与前面的行完全相同（${rowsById.size} 个编号），像是同一批数据被粘贴或导出了两次；每个编号只统计一次。`,
        action: '无需处理；如要整理工作表，删去重复的那部分行即可。',
      },
    ];
  }
  const entries = [...rowsById];
  const warnings: BuildWarning[] = entries.slice(0, namedDuplicates).map(([id, rows]) => ({
    kind: 'duplicateId',
    sheet,
    rows,
    column,
    message: `编号 ${id} 出现 ${rows.length} 次（第 ${rows.join('、')} 行），按最后一行（第 ${rows[rows.length - 1]} 行）统计。`,
    action: `通常是导出时${noun}状态有更新，无需处理；如不对，请删去多余的行。`,
  }));
  const rest = entries.slice(namedDuplicates);
  if (rest.length) {
    const rows = rest.flatMap(([, list]) => list).sort((left, right) => left - right);
    warnings.push({
      kind: 'duplicateId',
      sheet,
      rows,
      column,
      message: `另有 ${rest.length} 个编号重复出现（共 ${rows.length} 行，如 ${rest.slice(0, 3).map(([id]) => id).join('、')}），都按最后一行统计。`,
      action: `通常是导出时${noun}状态有更新，无需处理；如不对，请删去多余的行。`,
    });
  }
  return warnings;
}

/** The warning for rows whose ids have lost their digits (each such row is counted as a case of its own). */
export function lostPrecisionWarning(sheet: string, column: string | undefined, rows: readonly number[], sample: string, noun: string): BuildWarning {
  return {
    kind: 'lostPrecisionId',
    sheet,
    rows,
    column,
    message: `${rows.length} 行的编号已被 Excel 改成科学计数法（如 ${sample}），原来的数字已经丢失，无法判断哪些是同一件${noun}：这些行各按一件${noun}统计，重复的无法剔除。`,
    action: '请从系统重新导出；用 Excel 打开 CSV 再保存时，先把编号列设为"文本"格式（数据→分列→文本），不要直接保存。',
  };
}

/**
 * Columns recognised by their values when their names say nothing we know: platforms nobody here has
 * seen name columns their own way, but the values give them away. Runs after every header rule, only
 * on columns no field has taken, and looks at the first rows of data (a sample, so it costs nothing
 * on 200,000 rows). The rules:
 * - a column whose values are 事件/部件 is the problem type (问题类型);
 * - a yes/no column next to the deadline is the overdue flag;
 * - a column whose values are stage words (in brackets or not) is the stage, when no header named it;
 * - in a 12345 sheet, a column of 主办/协办/转办 is the order's role (工单性质).
 */
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import { defaultSettings } from '../settings/defaults.ts';
import { cellToText, normalizeText } from '../text/normalize.ts';
import { readYesNo } from '../text/yes-no.ts';
import type { SheetKind } from './columns.ts';
import { createStageResolver } from './resolve-stage.ts';

/** Rows of data looked at. */
const sampleRows = 200;

export interface ValueMatch {
  readonly field: string;
  readonly col: number;
}

interface ValueRule {
  readonly field: string;
  readonly kinds: readonly SheetKind[];
  /** Share of the sampled non-blank values that must pass. */
  readonly share: number;
  readonly accepts: (text: string, raw: CellValue) => boolean;
  /** Columns the rule may look at, given the columns already matched (default: every free column). */
  readonly near?: (columns: Readonly<Record<string, number>>) => readonly number[] | null;
}

const resolveDefaultStage = createStageResolver(defaultSettings);

const rules: readonly ValueRule[] = [
  { field: 'kind', kinds: ['cases'], share: 0.8, accepts: (text) => /^(事件|部件)/.test(text) || /(事件|部件)(类|问题)?$/.test(text) },
  {
    field: 'overdueFlag',
    kinds: ['cases', 'hotline'],
    share: 0.9,
    accepts: (_text, raw) => readYesNo(raw, 'overdue') !== null,
    near: (columns) => (columns.deadline === undefined || columns.overdueFlag !== undefined || columns.onTimeFlag !== undefined ? null : [columns.deadline + 1, columns.deadline - 1]),
  },
  { field: 'stage', kinds: ['cases'], share: 0.6, accepts: (text) => resolveDefaultStage(text) !== null },
  { field: 'orderRole', kinds: ['hotline'], share: 0.9, accepts: (text) => /^(主办|协办|转办|直办|会办)(单位)?$/.test(text) },
];

/** Non-blank texts of one column in the first rows after the header. */
function sampleColumn(sheet: RawSheet, headerIndex: number, col: number): { texts: string[]; raws: CellValue[] } {
  const texts: string[] = [];
  const raws: CellValue[] = [];
  const end = Math.min(sheet.rows.length, headerIndex + 1 + sampleRows);
  for (let index = headerIndex + 1; index < end; index++) {
    const raw = sheet.rows[index]?.[col];
    const text = normalizeText(cellToText(raw));
    if (text === '') continue;
    texts.push(text);
    raws.push(raw);
  }
  return { texts, raws };
}

/**
 * Fields of `kind` that free columns give away by their values. `columns` are the fields already
 * matched (field → column); `width` is the header row's width.
 */
export function recognizeByValues(sheet: RawSheet, kind: SheetKind, headerIndex: number, width: number, columns: Readonly<Record<string, number>>): ValueMatch[] {
  const taken = new Set(Object.values(columns));
  const found: ValueMatch[] = [];
  const matched: Record<string, number> = { ...columns };
  for (const rule of rules) {
    if (!rule.kinds.includes(kind) || matched[rule.field] !== undefined) continue;
    const candidates = rule.near ? rule.near(matched) : Array.from({ length: width }, (_, col) => col);
    if (!candidates) continue;
    for (const col of candidates) {
      if (col < 0 || col >= width || taken.has(col)) continue;
      const { texts, raws } = sampleColumn(sheet, headerIndex, col);
      if (texts.length === 0) continue;
      const passing = texts.filter((text, index) => rule.accepts(text, raws[index])).length;
      if (passing / texts.length >= rule.share) {
        found.push({ field: rule.field, col });
        matched[rule.field] = col;
        taken.add(col);
        break;
      }
    }
  }
  return found;
}

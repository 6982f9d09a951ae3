/**
 * The period's report sheets read back as they are now, hand edits included, through the layouts the
 * build stored (`report/layout-store.ts`): for 定稿 (which records the published figures into 历史指标)
 * and for the Word brief (which prints the tables as the clerk left them). Pure: the caller passes
 * the workbook's sheets as a host read them.
 */
import type { RawSheet } from '../model/raw-sheet.ts';
import { InputError, type BuildWarning } from '../model/warning.ts';
import { layoutSheetName, readBackSheet, readLayoutStore, type ReadBack, type StoredLayout } from '../report/layout-store.ts';
import { resolveSettings } from './load-exports.ts';
import { periodKey, periodLabel, type Period } from '../time/period.ts';
import { parsePeriodOption, periodRules } from './choose-period.ts';
import type { Settings } from '../settings/settings.ts';

export interface PeriodSheetRead {
  readonly layout: StoredLayout;
  readonly read: ReadBack;
}

export interface PeriodReadBack {
  readonly period: Period;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly settings: Settings;
  /** The period's sheets that are still in the workbook, in the order the build wrote them. */
  readonly sheets: readonly PeriodSheetRead[];
  readonly warnings: readonly BuildWarning[];
}

/**
 * Reads back every report sheet the build wrote for `period` (`2021-09`). Throws InputError when the
 * workbook holds no layout of that period (never built, or built before the layout store existed).
 */
export function readBackPeriod(sheets: readonly RawSheet[], period: string): PeriodReadBack {
  const settingsInForce = resolveSettings(sheets);
  const parsed = parsePeriodOption(period, periodRules(settingsInForce.settings));
  const key = periodKey(parsed);
  const label = periodLabel(parsed);
  const layouts = [...readLayoutStore(sheets.find((sheet) => sheet.name === layoutSheetName)).values()].filter((layout) => layout.period === key);
  if (layouts.length === 0) {
    throw new InputError(`工作簿中没有${label}生成的月报表（或它们是旧版本生成的，没有"${layoutSheetName}"记录）。请先生成${label}的月报表（case-brief build 或任务窗格的"生成月报表"），再做这一步。`, {
      sheet: '',
      column: '',
      headersSeen: [],
    });
  }
  const byName = new Map(sheets.map((sheet) => [sheet.name, sheet]));
  const warnings: BuildWarning[] = [...settingsInForce.warnings];
  const read: PeriodSheetRead[] = [];
  for (const layout of layouts) {
    const sheet = byName.get(layout.sheet);
    if (!sheet) {
      warnings.push({ kind: 'readBack', sheet: layout.sheet, rows: [], message: `工作表"${layout.sheet}"已不在工作簿中，这张表没有读入。`, action: `如需要，重新生成${label}的月报表。` });
      continue;
    }
    const result = readBackSheet(sheet, layout);
    if (result.lost.length) {
      const names = result.lost.slice(0, 5).map((key) => `${key.row} ${key.indicator}`);
      warnings.push({
        kind: 'readBack',
        sheet: layout.sheet,
        rows: [],
        message: `"${layout.sheet}"中有 ${result.lost.length} 个数值找不到原来的行（${names.join('、')}${result.lost.length > 5 ? '等' : ''}），可能是这些行被删除或行名被改得认不出了；它们按生成时的数值处理。`,
        action: '如这些数值应改动，请恢复行名后再做一次；或直接在"历史指标"表中修改。',
      });
    }
    read.push({ layout, read: result });
  }
  return { period: parsed, periodKey: key, periodLabel: label, settings: settingsInForce.settings, sheets: read, warnings };
}

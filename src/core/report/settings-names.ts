/**
 * Every name the clerk typed in the settings, checked against the catalogue and the dimensions:
 * 【表格列】, 【自定义表格】 (按, 分组, 范围, 指标, 排序, 显示), 【自定义指标】 and 【目标】. A name written
 * another way is said to be taken as the catalogue's (上月结案率 → 上期结案率); a name that means
 * nothing is said to be not understood, with the nearest names. The build and the task pane's
 * inspection both show these, so the clerk sees them before building.
 */
import type { BuildWarning } from '../model/warning.ts';
import { settingsSheetName } from '../settings/settings-sheet.ts';
import type { Settings } from '../settings/settings.ts';
import { catalogueFor, type Catalogue } from '../stats/indicators.ts';
import { planCustomTable } from './custom-tables.ts';
import { resolveColumn } from './indicator-columns.ts';

const helpWhere = '可用的名称见"月报设置"末尾的说明，或任务窗格"设置"一步中的指标列表。';

/** One name's fate: taken as another, or not understood. */
export interface NameNote {
  /** Where it was written: 【表格列】 案件概况, 【自定义表格】"高发小类"的指标 … */
  readonly where: string;
  readonly typed: string;
  /** The catalogue's name it was taken to be; null when not understood. */
  readonly takenAs: string | null;
  readonly suggestions: readonly string[];
}

function noteEntries(where: string, entries: readonly string[], catalogue: Catalogue, notes: NameNote[]): void {
  for (const entry of entries) {
    const resolution = resolveColumn(entry, catalogue);
    if (resolution.ok) {
      if (resolution.takenAs) notes.push({ where, typed: resolution.column.typed, takenAs: resolution.takenAs, suggestions: [] });
    } else {
      notes.push({ where, typed: resolution.typed, takenAs: null, suggestions: resolution.suggestions });
    }
  }
}

/** The notes about every indicator name of the settings. */
export function settingsNameNotes(settings: Settings): NameNote[] {
  const notes: NameNote[] = [];
  const city = catalogueFor(settings, 'cases');
  const county = catalogueFor(settings, 'cases', { county: true });
  const hotline = catalogueFor(settings, 'hotline');
  const columns = settings.tableColumns;
  noteEntries('【表格列】案件概况', columns.overview, city, notes);
  noteEntries('【表格列】部门处置', columns.units, city, notes);
  noteEntries('【表格列】县区办理', columns.counties, county, notes);
  noteEntries('【表格列】高发问题', columns.topSubTypes, city, notes);
  noteEntries('【表格列】12345按单位', columns.hotlineUnits, hotline, notes);
  noteEntries('【表格列】12345按类别', columns.hotlineCategories, hotline, notes);
  for (const table of settings.customTables) {
    const { plan } = planCustomTable(table, settings);
    if (!plan) continue;
    noteEntries(`【自定义表格】"${table.name}"的指标`, table.columns, plan.catalogue, notes);
    if (plan.order.kind === 'indicator') noteEntries(`【自定义表格】"${table.name}"的排序`, [plan.order.entry], plan.catalogue, notes);
  }
  return notes;
}

/** The settings' name problems as warnings (sheet 月报设置): taken-as names, names not understood, tables that cannot be built. */
export function checkSettingsNames(settings: Settings): BuildWarning[] {
  const warnings: BuildWarning[] = [];
  const warn = (message: string, action: string) => warnings.push({ kind: 'settings', sheet: settingsSheetName, rows: [], message, action });
  for (const note of settingsNameNotes(settings)) {
    if (note.takenAs) warn(`${note.where}中的"${note.typed}"按"${note.takenAs}"理解。`, `如不对，请改成目录中的名称。${helpWhere}`);
    else warn(`${note.where}中的"${note.typed}"无法识别，这一列为空。`, `${note.suggestions.length ? `是否指 ${note.suggestions.map((name) => `"${name}"`).join('、')}？` : ''}${helpWhere}`);
  }
  for (const table of settings.customTables) {
    const { plan, problems, notes } = planCustomTable(table, settings);
    for (const text of notes) warn(`【自定义表格】"${table.name}"：${text}。`, '如不对，请改成维度的名称。');
    if (problems.length) warn(`【自定义表格】"${table.name}"：${problems.join('；')}${plan ? '。' : '，这张表未生成。'}`, helpWhere);
  }
  // A clerk's indicator that neither kind of table can use.
  const cases = catalogueFor(settings, 'cases', { withTargets: true });
  const hotline = catalogueFor(settings, 'hotline', { withTargets: true });
  for (const rejected of cases.rejected) {
    if (hotline.rejected.some((other) => other.name === rejected.name)) warn(`【自定义指标】或【目标】中的"${rejected.name}"未使用：${rejected.reason}。`, `分子、分母应为计数（如 结案数、受理数）或【目标】中的指标。${helpWhere}`);
  }
  return warnings;
}

/**
 * What the clerk can write in the settings, as one searchable list for the task pane: every
 * indicator of the cases system and of 12345, the clerk's own indicators and targets, the comparison
 * forms, the dimensions, and the 排序 and 显示 words; each with one line saying what it means.
 */
import type { Settings } from '../settings/settings.ts';
import { dimensions } from '../stats/dimensions.ts';
import { builtInIndicators, catalogueFor } from '../stats/indicators.ts';
import { displayOptions, orderWords } from './custom-tables.ts';
import { comparisonForms } from './indicator-columns.ts';

export type CatalogueGroup = 'cases' | 'hotline' | 'custom' | 'target' | 'form' | 'dimension' | 'order' | 'display';

export interface CatalogueEntry {
  readonly name: string;
  readonly group: CatalogueGroup;
  /** In Chinese, as the settings' help text says it. */
  readonly description: string;
}

/** Every name of the settings' vocabulary under these settings, grouped, in catalogue order. */
export function catalogueList(settings: Settings): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const group of ['cases', 'hotline'] as const) {
    for (const indicator of builtInIndicators(group)) entries.push({ name: indicator.name, group, description: indicator.description });
  }
  const seen = new Set<string>();
  for (const subject of ['cases', 'hotline'] as const) {
    for (const indicator of catalogueFor(settings, subject, { withTargets: true }).indicators) {
      if (!indicator.custom || seen.has(indicator.name)) continue;
      seen.add(indicator.name);
      entries.push({ name: indicator.name, group: indicator.kind === 'target' ? 'target' : 'custom', description: indicator.description });
    }
  }
  entries.push(...comparisonForms.map((form) => ({ name: form.form, group: 'form' as const, description: form.meaning })));
  entries.push(...dimensions.map((dimension) => ({ name: dimension.name, group: 'dimension' as const, description: dimension.description })));
  entries.push(...orderWords.map((word) => ({ name: word.name, group: 'order' as const, description: word.meaning })));
  entries.push(...displayOptions.map((option) => ({ name: option.name, group: 'display' as const, description: option.meaning })));
  return entries;
}

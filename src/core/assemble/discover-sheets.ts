/**
 * Which sheets of a workbook are raw exports, and of which kind. Sheets the build itself wrote are
 * never read as exports: the settings, history and meta sheets, and every sheet the meta sheet has a
 * stamp for. Generated sheets are told by that record, not by the shape of their names, so an export
 * sheet the clerk named 2021年9月-数字城管导出 is read like any other. Hidden sheets are not read (a
 * hidden copy of an export would count every case twice); one that looks like an export is reported.
 */
import type { RawSheet } from '../model/raw-sheet.ts';
import type { ColumnMapping } from '../settings/settings.ts';
import { settingsSheetName } from '../settings/settings-sheet.ts';
import { historySheetName, isHistorySheetName } from '../report/history.ts';
import { metaSheetName, readStamps } from '../report/fingerprint.ts';
import { layoutSheetName } from '../report/layout-store.ts';
import { detectSheetLayout, type SheetLayout } from '../ingest/detect-header.ts';

/** Names of the sheets the build wrote: settings, history, meta, layout, and every stamped sheet. */
export function generatedSheetNames(sheets: readonly RawSheet[]): Set<string> {
  const names = new Set([settingsSheetName, historySheetName, metaSheetName, layoutSheetName]);
  const meta = sheets.find((sheet) => sheet.name === metaSheetName);
  if (meta) for (const stamp of readStamps(meta)) names.add(stamp.sheet);
  for (const sheet of sheets) if (isHistorySheetName(sheet.name)) names.add(sheet.name);
  return names;
}

export interface SheetDiscovery {
  /** Layouts of every visible sheet that the build did not write, in workbook order. */
  readonly layouts: SheetLayout[];
  /** Hidden sheets that look like exports (a kind was detected): not read, reported. */
  readonly hiddenExports: SheetLayout[];
}

/** Finds the export sheets of a workbook. */
export function discoverSheets(sheets: readonly RawSheet[], mappings: readonly ColumnMapping[]): SheetDiscovery {
  const generated = generatedSheetNames(sheets);
  const layouts: SheetLayout[] = [];
  const hiddenExports: SheetLayout[] = [];
  for (const sheet of sheets) {
    if (generated.has(sheet.name)) continue;
    const layout = detectSheetLayout(sheet, mappings);
    if (!sheet.hidden) layouts.push(layout);
    else if (layout.kind !== null) hiddenExports.push(layout);
  }
  return { layouts, hiddenExports };
}

/**
 * Which sheets of a workbook are raw exports, and of which kind. Sheets the build itself writes
 * (period sheets, settings, history, meta) are never read as exports.
 */
import type { RawSheet } from '../model/raw-sheet.ts';
import type { ColumnMapping } from '../settings/settings.ts';
import { settingsSheetName } from '../settings/settings-sheet.ts';
import { historySheetName } from '../report/history.ts';
import { metaSheetName } from '../report/fingerprint.ts';
import { layoutSheetName } from '../report/layout-store.ts';
import { detectSheetLayout, type SheetLayout } from '../ingest/detect-header.ts';

const generatedNamePattern = /^\d{4}年\d{1,2}月-/;

/** Whether a sheet is one the build writes (a period sheet, the settings, history or meta sheet). */
export function isGeneratedSheetName(name: string): boolean {
  return name === settingsSheetName || name === historySheetName || name === metaSheetName || name === layoutSheetName || generatedNamePattern.test(name);
}

/** Layouts of every raw sheet (generated sheets skipped), in workbook order. */
export function discoverSheets(sheets: readonly RawSheet[], mappings: readonly ColumnMapping[]): SheetLayout[] {
  return sheets.filter((sheet) => !isGeneratedSheetName(sheet.name)).map((sheet) => detectSheetLayout(sheet, mappings));
}

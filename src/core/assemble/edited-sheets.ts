/**
 * Hand edits of generated sheets: each build stamps the sheets it writes with a fingerprint of their
 * values (in the hidden meta sheet); a rebuild compares the sheets as they are now with their stamps,
 * so it can ask before it overwrites a clerk's corrections.
 */
import type { SheetGrid } from '../model/grid.ts';
import type { RawSheet } from '../model/raw-sheet.ts';
import type { BuildWarning } from '../model/warning.ts';
import { fingerprintGrid, fingerprintSheet, metaSheetName, readStamps, stampsToGrid, type SheetStamp } from '../report/fingerprint.ts';

export interface EditCheck {
  /** Sheets about to be rewritten that exist and were edited since their stamp (or were never stamped). */
  readonly editedSheets: readonly string[];
  readonly warnings: readonly BuildWarning[];
  /** The meta sheet after this build: the new sheets' stamps, and the stamps of other sheets that still exist. */
  readonly metaSheet: SheetGrid;
}

export interface EditCheckOptions {
  readonly periodKey: string;
  readonly asOfText: string;
  readonly builtAt: string;
}

/** Compares the sheets about to be written with the workbook's sheets and their stamps. */
export function checkEditedSheets(sheets: readonly RawSheet[], reportSheets: readonly SheetGrid[], options: EditCheckOptions): EditCheck {
  const byName = new Map(sheets.map((sheet) => [sheet.name, sheet]));
  const metaSheet = byName.get(metaSheetName);
  const oldStamps = metaSheet ? readStamps(metaSheet) : [];
  const stampOf = new Map(oldStamps.map((stamp) => [stamp.sheet, stamp]));
  const editedSheets = reportSheets
    .map((grid) => grid.name)
    .filter((name) => {
      const existing = byName.get(name);
      if (!existing) return false;
      const stamp = stampOf.get(name);
      return !stamp || stamp.fingerprint !== fingerprintSheet(existing);
    });
  const warnings: BuildWarning[] = editedSheets.map((name) => ({
    kind: 'editedSheet',
    sheet: name,
    rows: [],
    message: `工作表"${name}"在上次生成后被修改过（或不是本工具生成的），重新生成会覆盖这些修改。`,
    action: '如需保留，先把它改名或复制一份，再重新生成。',
  }));
  const newStamps: SheetStamp[] = reportSheets.map((grid) => ({ sheet: grid.name, period: options.periodKey, fingerprint: fingerprintGrid(grid), asOf: options.asOfText, builtAt: options.builtAt }));
  const rewritten = new Set(newStamps.map((stamp) => stamp.sheet));
  const keptStamps = oldStamps.filter((stamp) => !rewritten.has(stamp.sheet) && byName.has(stamp.sheet));
  return { editedSheets, warnings, metaSheet: stampsToGrid([...keptStamps, ...newStamps]) };
}

/**
 * A workbook as a list of raw sheets, for tests that build several periods in turn the way a clerk
 * does: edit the settings sheet, build, let the host write the sheets back, build the next period.
 */
import assert from 'node:assert/strict';
import { printedRows, referencePreset, settingsSheetName, settingsToGrid, type BuildResult, type CellValue, type RawSheet, type SheetGrid } from '../../src/core/index.ts';

/** A grid as plain values, as a host reads it back. */
export function rawOf(grid: SheetGrid): RawSheet {
  return { name: grid.name, rows: grid.cells.map((row) => row.map((cell) => (cell ? cell.value : null))) };
}

/** The workbook after a build: every sheet the build wrote replaces the sheet of that name or is added. */
export function afterBuild(sheets: readonly RawSheet[], result: BuildResult): RawSheet[] {
  const written = new Map(result.sheetsToWrite.map((grid) => [grid.name, rawOf(grid)]));
  return [...sheets.map((sheet) => written.get(sheet.name) ?? sheet), ...[...written.values()].filter((sheet) => !sheets.some((old) => old.name === sheet.name))];
}

/** The reference city's settings sheet (its units, sources and order), as its clerk keeps it. */
export function referenceSettingsSheet(): RawSheet {
  return rawOf(settingsToGrid(referencePreset));
}

/**
 * The workbook with `rows` typed into a section of the settings sheet, right under the section's
 * header row (the reference city's settings sheet is added when there is none). A row given for
 * 【表格列】 whose first cell names an existing row replaces that row.
 */
export function editSettings(sheets: readonly RawSheet[], section: string, rows: readonly (readonly CellValue[])[]): RawSheet[] {
  const existing = sheets.find((sheet) => sheet.name === settingsSheetName) ?? referenceSettingsSheet();
  const lines = existing.rows.map((row) => [...row]);
  const title = lines.findIndex((row) => row[0] === section);
  assert.ok(title >= 0, `section ${section}`);
  const fresh: CellValue[][] = [];
  for (const row of rows) {
    let replaced = false;
    for (let index = title + 2; index < lines.length && lines[index].some((cell) => cell !== null && cell !== ''); index++) {
      if (lines[index][0] === row[0] && section === '【表格列】') {
        lines[index] = [...row];
        replaced = true;
      }
    }
    if (!replaced) fresh.push([...row]);
  }
  lines.splice(title + 2, 0, ...fresh);
  const edited: RawSheet = { name: settingsSheetName, rows: lines };
  return sheets.some((sheet) => sheet.name === settingsSheetName) ? sheets.map((sheet) => (sheet.name === settingsSheetName ? edited : sheet)) : [...sheets, edited];
}

/** A report sheet of the build, by its name after the period (`高发小类`), as printed text. */
export function printedSheet(result: BuildResult, suffix: string): string[][] {
  const grid = result.reportSheets.find((candidate) => candidate.name === `${result.periodLabel}-${suffix}`);
  assert.ok(grid, `${suffix} in ${result.reportSheets.map((sheet) => sheet.name).join(', ')}`);
  return printedRows(grid);
}

/** The printed row whose first cells are `labels`. */
export function rowOf(rows: readonly string[][], ...labels: string[]): string[] {
  const found = rows.find((cells) => labels.every((label, index) => cells[index] === label));
  assert.ok(found, `row ${labels.join('/')} in\n${rows.map((cells) => cells.join(' | ')).join('\n')}`);
  return found;
}

/**
 * Excel's rules for sheet names, shared by every host (the file host and the Office.js host check a
 * grid's name the same way before they write it).
 */

const FORBIDDEN_NAME_CHARS = /[[\]:*?/\\]/;

/** Throws a clear Error when Excel would refuse this sheet name. */
export function checkSheetName(name: string): void {
  if (name.length === 0) throw new Error('A sheet name cannot be empty.');
  if (name.length > 31) throw new Error(`Sheet name "${name}" has ${name.length} characters; Excel allows at most 31.`);
  if (FORBIDDEN_NAME_CHARS.test(name)) throw new Error(`Sheet name "${name}" contains one of []:*?/\\, which Excel does not allow.`);
  if (name.startsWith("'") || name.endsWith("'")) throw new Error(`Sheet name "${name}" cannot begin or end with an apostrophe.`);
  if (name.toUpperCase() === 'HISTORY') throw new Error('Excel reserves the sheet name "History".');
}

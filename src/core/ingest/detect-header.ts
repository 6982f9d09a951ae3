/**
 * Finding a sheet's header row and its columns. Exports carry title rows, blank rows or an export
 * timestamp above the headers, so the first rows are scanned and the row naming the most known
 * fields wins; the sheet's kind is the kind whose required fields that row names.
 */
import type { CellValue, RawSheet } from '../model/raw-sheet.ts';
import type { ColumnMapping } from '../settings/settings.ts';
import { cellToText, normalizeHeader } from '../text/normalize.ts';
import { fieldsByKind, hasField, sheetNameHints, type FieldSpec, type SheetKind } from './columns.ts';
import { recognizeByValues } from './recognize-values.ts';

/** How many leading rows may hold the header row. */
const headerSearchRows = 20;

export interface ColumnMatch {
  readonly field: string;
  /** 0-based column index. */
  readonly col: number;
  readonly header: string;
  /** manual: mapped by the clerk; exact / contains: a synonym; rule: a general header rule; values: recognised by its values. */
  readonly how: 'manual' | 'exact' | 'contains' | 'rule' | 'values';
}

export interface SheetLayout {
  readonly sheet: string;
  /** null when the sheet looks like no known kind. */
  readonly kind: SheetKind | null;
  /** Index into `sheet.rows` of the header row. */
  readonly headerIndex: number;
  /** Sheet row number (1-based) of the header row. */
  readonly headerRow: number;
  /** Every header text of the header row, by column. */
  readonly headers: readonly string[];
  readonly matches: readonly ColumnMatch[];
  /** Field → column index. */
  readonly columns: Readonly<Record<string, number>>;
  /** Headers that matched no field: shown in the mapping UI. */
  readonly unmatched: readonly { readonly col: number; readonly header: string }[];
  /** Required fields of `kind` that no column names. */
  readonly missingRequired: readonly FieldSpec[];
}

/** The 0-based column a mapping names by letter or number (`E`, `E列`, `列E`, `第5列`), or -1. */
export function columnOfReference(text: string): number {
  const compact = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const letters = /^(?:列)?([A-Z]{1,3})(?:列)?$/.exec(compact);
  if (letters) return [...letters[1]].reduce((col, letter) => col * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const number = /^第(\d{1,5})列$/.exec(compact);
  return number ? Number(number[1]) - 1 : -1;
}

/** Matches one header row against a kind's fields: manual mappings, then exact synonyms, then "contains". */
export function matchColumns(headers: readonly string[], fields: readonly FieldSpec[], mappings: readonly ColumnMapping[] = []): ColumnMatch[] {
  const normalized = headers.map((header) => normalizeHeader(header));
  const taken = new Set<number>();
  const found = new Map<string, ColumnMatch>();
  const assign = (field: string, col: number, how: ColumnMatch['how']) => {
    taken.add(col);
    found.set(field, { field, col, header: headers[col], how });
  };
  const known = new Set(fields.map((spec) => spec.field));
  for (const mapping of mappings) {
    if (!known.has(mapping.field) || found.has(mapping.field)) continue;
    let col = normalized.indexOf(normalizeHeader(mapping.header));
    // A column whose header cell is empty (or repeated) is named by its letter: E, E列, 列E, 第5列.
    if (col < 0) col = columnOfReference(mapping.header);
    if (col >= 0 && !taken.has(col)) assign(mapping.field, col, 'manual');
  }
  for (const spec of fields) {
    if (found.has(spec.field)) continue;
    for (const synonym of spec.synonyms) {
      const target = normalizeHeader(synonym);
      const col = normalized.findIndex((header, index) => header === target && !taken.has(index));
      if (col >= 0) {
        assign(spec.field, col, 'exact');
        break;
      }
    }
  }
  for (const spec of fields) {
    if (found.has(spec.field)) continue;
    for (const synonym of spec.synonyms) {
      const target = normalizeHeader(synonym);
      if (target.length < 2) continue;
      const col = normalized.findIndex((header, index) => header.includes(target) && !taken.has(index));
      if (col >= 0) {
        assign(spec.field, col, 'contains');
        break;
      }
    }
  }
  // General header rules last, so that no rule takes a column a synonym of another field names.
  for (const spec of fields) {
    const pattern = spec.pattern;
    if (found.has(spec.field) || !pattern) continue;
    const col = normalized.findIndex((header, index) => !taken.has(index) && header !== '' && pattern.test(header) && !(spec.exclude?.test(header) ?? false));
    if (col >= 0) assign(spec.field, col, 'rule');
  }
  return [...found.values()].sort((left, right) => left.col - right.col);
}

interface KindScore {
  readonly kind: SheetKind;
  readonly matches: ColumnMatch[];
  readonly requiredMatched: number;
  readonly requiredCount: number;
}

function scoreKinds(headers: readonly string[], mappings: readonly ColumnMapping[]): KindScore[] {
  return (Object.keys(fieldsByKind) as SheetKind[]).map((kind) => {
    const fields = fieldsByKind[kind];
    const matches = matchColumns(
      headers,
      fields,
      mappings.filter((mapping) => mapping.kind === kind),
    );
    const matchedFields = new Set(matches.map((match) => match.field));
    const required = fields.filter((spec) => spec.required);
    return { kind, matches, requiredMatched: required.filter((spec) => hasField(spec, matchedFields)).length, requiredCount: required.length };
  });
}

function rowTexts(row: readonly CellValue[] | undefined): string[] {
  return (row ?? []).map((cell) => cellToText(cell));
}

/** Two header rows read as one: the lower row's text where it has some, else the upper row's. */
function twoRowHeader(upper: readonly string[], lower: readonly string[]): string[] {
  // Only a lower row with gaps under some upper headers can be the second row of a header.
  if (!upper.some((text, col) => text !== '' && (lower[col] ?? '') === '')) return [];
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, col) => lower[col] || upper[col] || '');
}

function nameHintScore(sheetName: string, kind: SheetKind): number {
  return sheetNameHints[kind].some((hint) => sheetName.includes(hint)) ? 1 : 0;
}

/**
 * Finds the header row among the first 20 rows and decides the sheet's kind.
 * A kind is decided when all its required fields are named; otherwise the sheet is of the kind it
 * most resembles (at least two required fields, or one and a matching sheet name), with the missing
 * fields listed, or of no kind.
 */
export function detectSheetLayout(sheet: RawSheet, mappings: readonly ColumnMapping[] = []): SheetLayout {
  const firstRow = sheet.firstRow ?? 1;
  // Assigned inside `consider`: the cast keeps TypeScript from narrowing it to null after the loop.
  let best = null as { index: number; headers: string[]; scores: KindScore[]; value: number } | null;
  const limit = Math.min(headerSearchRows, sheet.rows.length);
  const consider = (index: number, headers: string[]) => {
    if (headers.filter((text) => text !== '').length < 2) return;
    const scores = scoreKinds(headers, mappings);
    const value = Math.max(...scores.map((score) => score.matches.length + score.requiredMatched));
    if (!best || value > best.value) best = { index, headers, scores, value };
  };
  for (let index = 0; index < limit; index++) {
    consider(index, rowTexts(sheet.rows[index]));
    // A two-row header: group cells merged across the top (时间节点 over 受理时间 … 结案时间), the other
    // headers merged down both rows. Read as one row, the lower cell where it has text, else the upper;
    // it is taken only when it names more fields than either row alone (data rows never do).
    if (index + 1 < sheet.rows.length && index + 1 < headerSearchRows + 1) consider(index + 1, twoRowHeader(rowTexts(sheet.rows[index]), rowTexts(sheet.rows[index + 1])));
  }
  if (!best || best.value === 0) {
    return { sheet: sheet.name, kind: null, headerIndex: 0, headerRow: firstRow, headers: rowTexts(sheet.rows[0]), matches: [], columns: {}, unmatched: [], missingRequired: [] };
  }
  // The kind whose fields the row names most wins; naming every required field is worth a few more.
  // So a cases export missing one required column (twenty fields named) stays a cases sheet with that
  // column missing, rather than passing for a two-column flags sheet.
  const weight = (score: KindScore) => score.matches.length + (score.requiredMatched === score.requiredCount ? 3 : 0);
  const ranked = [...best.scores].sort(
    (left, right) =>
      weight(right) - weight(left) ||
      right.requiredMatched / right.requiredCount - left.requiredMatched / left.requiredCount ||
      nameHintScore(sheet.name, right.kind) - nameHintScore(sheet.name, left.kind),
  );
  const top = ranked[0];
  const plausible = top.requiredMatched === top.requiredCount || top.requiredMatched >= 2 || (top.requiredMatched >= 1 && nameHintScore(sheet.name, top.kind) > 0);
  const kind = plausible ? top.kind : null;
  const matches = kind ? [...top.matches] : [];
  const columns: Record<string, number> = {};
  for (const match of matches) columns[match.field] = match.col;
  if (kind) {
    for (const found of recognizeByValues(sheet, kind, best.index, best.headers.length, columns)) {
      columns[found.field] = found.col;
      matches.push({ field: found.field, col: found.col, header: best.headers[found.col], how: 'values' });
    }
    matches.sort((left, right) => left.col - right.col);
  }
  const matchedCols = new Set(matches.map((match) => match.col));
  const unmatched = best.headers.map((header, col) => ({ col, header })).filter((entry) => entry.header !== '' && !matchedCols.has(entry.col));
  const matchedFields = new Set(Object.keys(columns));
  const missingRequired = kind ? fieldsByKind[kind].filter((spec) => spec.required && !hasField(spec, matchedFields)) : [];
  return { sheet: sheet.name, kind, headerIndex: best.index, headerRow: firstRow + best.index, headers: best.headers, matches, columns, unmatched, missingRequired };
}

/**
 * Writes report sheets into an .xlsx by PATCHING its package instead of re-saving it through a
 * library (exceljs and SheetJS drop charts, and much else, when they re-save a file).
 *
 * Guarantees: every part of the input that the write does not have to change keeps its exact bytes
 * (raw sheets, their styles, charts of earlier builds, VBA-free extras such as custom XML); the
 * parts that must change (workbook.xml and its rels, styles.xml, [Content_Types].xml, app.xml) are
 * edited in place, element by element. Sheets named in `removeSheets`, and sheets named like a new
 * one, are removed with everything only they used (drawings, charts, comments, tables...), their
 * defined names, and their calc chain entries; the new sheets are appended in the given order.
 * Pure function over bytes (no fs), deterministic output (fixed zip timestamps).
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { inflateEntry, openZip, writeZip, type StoredEntry } from './zip-package.ts';
import type { SheetGrid } from '../../core/model/grid.ts';
import { checkSheetName } from '../sheet-name.ts';
import { chartXml, checkChart, drawingXml } from './chart-xml.ts';
import {
  attrByLocalName, escapeXml, findElement, findElements, parseRelationships, prefixForNamespace,
  relativeTarget, relsPathOf, relTypeIs, requireElement, resolveTarget, setAttribute, splice, unescapeXml, type XmlElement,
} from './ooxml.ts';
import { worksheetPart } from './sheet-xml.ts';
import { minimalStylesXml, StyleSheetPatch } from './styles.ts';

/** Options of writeWorkbook. */
export interface WriteWorkbookOptions {
  /** Sheets to delete (by name, case-insensitive as Excel compares them); unknown names are ignored. */
  readonly removeSheets?: readonly string[];
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Zip entries get a fixed timestamp so that the same input always gives the same bytes. */
/**
 * Adds `sheets` to the .xlsx `original` (or to a new workbook when null), replacing sheets of the
 * same name and deleting `removeSheets`; returns the new .xlsx bytes.
 */
export function writeWorkbook(original: Uint8Array | null, sheets: readonly SheetGrid[], options: WriteWorkbookOptions = {}): Uint8Array {
  const seen = new Set<string>();
  for (const grid of sheets) {
    checkSheetName(grid.name);
    const key = sheetKey(grid.name);
    if (seen.has(key)) throw new Error(`Two new sheets are both named "${grid.name}".`);
    seen.add(key);
    (grid.charts ?? []).forEach((chart, i) => checkChart(grid, chart, i));
  }
  if (original === null && sheets.length === 0) throw new Error('A new workbook needs at least one sheet.');
  const pkg = original === null ? newPackage() : openPackage(original);
  const removeKeys = new Set([...(options.removeSheets ?? []), ...sheets.map((s) => s.name)].map(sheetKey));
  patchPackage(pkg, sheets, removeKeys);
  return pkg.toZip();
}

// ---------------------------------------------------------------------------------------------
// The package: zip entries in their original order, looked up case-insensitively as OPC requires.

class Package {
  /** Parts in their original order: `stored` as found in the original zip, `data` once written here. */
  private readonly entries = new Map<string, { stored?: StoredEntry; data?: Uint8Array }>();
  private readonly byLowerName = new Map<string, string>();
  private readonly inflated = new Map<string, Uint8Array>();

  constructor(files: Record<string, Uint8Array> | readonly StoredEntry[]) {
    const parts = Array.isArray(files) ? (files as readonly StoredEntry[]).map((stored) => [stored.name, { stored }] as const) : Object.entries(files).map(([name, data]) => [name, { data }] as const);
    for (const [name, part] of parts) {
      if (name.endsWith('/')) continue; // directory entries carry nothing
      this.entries.set(name, part);
      this.byLowerName.set(name.toLowerCase(), name);
    }
  }

  /** The entry name as stored, for a part name in any case. */
  resolve(name: string): string | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  text(name: string): string | undefined {
    const stored = this.resolve(name);
    if (stored === undefined) return undefined;
    const data = this.bytes(stored);
    // OOXML parts may be UTF-16 (with BOM); we write back UTF-8 only for the parts we change.
    if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
    if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
    return strFromU8(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data);
  }

  setText(name: string, xml: string): void {
    this.setBytes(name, strToU8(xml.replace(/^(<\?xml[^>]*encoding=")UTF-16(")/i, '$1UTF-8$2')));
  }

  /** A part written here, as UTF-8 bytes already. */
  setBytes(name: string, data: Uint8Array): void {
    const stored = this.resolve(name) ?? name;
    this.entries.set(stored, { data });
    this.byLowerName.set(stored.toLowerCase(), stored);
    this.inflated.delete(stored);
  }

  delete(name: string): void {
    const stored = this.resolve(name);
    if (stored === undefined) return;
    this.entries.delete(stored);
    this.byLowerName.delete(stored.toLowerCase());
    this.inflated.delete(stored);
  }

  /** The package as a zip: parts never written here keep their original compressed bytes. */
  toZip(): Uint8Array {
    return writeZip([...this.entries].map(([name, part]) => (part.data ? { name, data: part.data } : { stored: part.stored as StoredEntry })));
  }

  private bytes(name: string): Uint8Array {
    const part = this.entries.get(name) as { stored?: StoredEntry; data?: Uint8Array };
    if (part.data) return part.data;
    let data = this.inflated.get(name);
    if (!data) {
      data = inflateEntry(part.stored as StoredEntry);
      this.inflated.set(name, data);
    }
    return data;
  }
}

function openPackage(bytes: Uint8Array): Package {
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new Error('The original workbook is not an .xlsx (zip) file; pass null and the raw sheets as grids instead.');
  }
  let pkg: Package;
  try {
    // Only the central directory is read now; parts are inflated when read, and copied as they are.
    const stored = openZip(bytes);
    pkg = new Package(stored ?? unzipSync(bytes));
  } catch (error) {
    throw new Error(`The original workbook cannot be unzipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!pkg.has('[Content_Types].xml')) throw new Error('The original file is a zip but not an Office package (no [Content_Types].xml).');
  return pkg;
}

/** Excel compares sheet names without regard to case. */
function sheetKey(name: string): string {
  return name.toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// The patch

interface SheetEntry {
  readonly name: string;
  readonly element: XmlElement;
  readonly relId: string;
  readonly sheetId: number;
  readonly hidden: boolean;
}

function patchPackage(pkg: Package, grids: readonly SheetGrid[], removeKeys: ReadonlySet<string>): void {
  const workbookPart = officeDocumentPart(pkg);
  const workbookRelsPart = relsPathOf(workbookPart);
  let workbookXml = pkg.text(workbookPart) ?? '';
  let relsXml = pkg.text(workbookRelsPart) ?? `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const reachableBefore = reachableParts(pkg);

  // 1. Read the sheet list and decide what goes.
  const sheetsElement = requireElement(workbookXml, 'sheets', workbookPart);
  const oldSheets: SheetEntry[] = sheetsElement.selfClosing ? [] : findElements(workbookXml, 'sheet', sheetsElement.innerStart, sheetsElement.innerEnd).map((element) => ({
    name: element.attrs.get('name') ?? '',
    element,
    relId: attrByLocalName(element, 'id') ?? '',
    sheetId: Number(element.attrs.get('sheetId')),
    hidden: (element.attrs.get('state') ?? 'visible') !== 'visible',
  }));
  const removedIndices = new Set<number>();
  oldSheets.forEach((sheet, index) => { if (removeKeys.has(sheetKey(sheet.name))) removedIndices.add(index); });
  const kept = oldSheets.filter((_, index) => !removedIndices.has(index));
  const removedNames = oldSheets.filter((_, index) => removedIndices.has(index)).map((s) => s.name);
  const newKeys = new Set(grids.map((g) => sheetKey(g.name)));
  /** Names that disappear for good (removed and not written again): formulas naming them break. */
  const goneNames = removedNames.filter((name) => !newKeys.has(sheetKey(name)));

  // 2. Styles, then the new parts.
  const stylesPart = stylesPartOf(pkg, workbookPart, relsXml);
  const styles = new StyleSheetPatch(pkg.text(stylesPart.name) ?? minimalStylesXml());
  const numbers = new PartNumbers(pkg);
  const relIds = new RelIdAllocator(relsXml);
  const contentTypes = new ContentTypesPatch(pkg.text('[Content_Types].xml') ?? '');
  let maxSheetId = oldSheets.reduce((max, s) => (Number.isFinite(s.sheetId) ? Math.max(max, s.sheetId) : max), 0);
  const relPrefix = prefixForNamespace(workbookXml, 'workbook', NS_REL);
  const newSheetElements: string[] = [];
  const newRels: string[] = [];
  for (const grid of grids) {
    const sheetPart = numbers.next('xl/worksheets/sheet', '.xml');
    let drawingRelId: string | undefined;
    if (grid.charts !== undefined && grid.charts.length > 0) {
      drawingRelId = 'rId1';
      const drawingPart = numbers.next('xl/drawings/drawing', '.xml');
      const chartRelIds: string[] = [];
      const drawingRels: string[] = [];
      grid.charts.forEach((chart, i) => {
        const chartPart = numbers.next('xl/charts/chart', '.xml');
        pkg.setText(chartPart, chartXml(grid, chart));
        contentTypes.addOverride(chartPart, CT_CHART);
        chartRelIds.push(`rId${i + 1}`);
        drawingRels.push(relationshipXml(`rId${i + 1}`, REL_CHART, relativeTarget(drawingPart, chartPart)));
      });
      pkg.setText(drawingPart, drawingXml(grid.charts, chartRelIds));
      pkg.setText(relsPathOf(drawingPart), relationshipsXml(drawingRels));
      pkg.setText(relsPathOf(sheetPart), relationshipsXml([relationshipXml(drawingRelId, REL_DRAWING, relativeTarget(sheetPart, drawingPart))]));
      contentTypes.addOverride(drawingPart, CT_DRAWING);
    }
    pkg.setBytes(sheetPart, worksheetPart(grid, (cell) => styles.xfIndex(cell), drawingRelId));
    contentTypes.addOverride(sheetPart, CT_WORKSHEET);
    const relId = relIds.next();
    newRels.push(relationshipXml(relId, REL_WORKSHEET, relativeTarget(workbookPart, sheetPart)));
    maxSheetId += 1;
    const state = grid.hidden === true ? ' state="hidden"' : '';
    // The r:id attribute needs the relationships namespace; declare it locally if the root did not.
    const idAttr = relPrefix !== undefined && relPrefix !== '' ? `${relPrefix}id="${relId}"` : `xmlns:r="${NS_REL}" r:id="${relId}"`;
    newSheetElements.push(`<${sheetsElement.prefix}sheet name="${escapeXml(grid.name)}" sheetId="${maxSheetId}"${state} ${idAttr}/>`);
  }

  // 3. workbook.xml: sheets, defined names, views; its rels.
  const removedRelIds = new Set(oldSheets.filter((_, i) => removedIndices.has(i)).map((s) => s.relId));
  const keptSheetsXml = kept.map((s) => workbookXml.slice(s.element.start, s.element.end)).join('');
  const sheetsQName = sheetsElement.qname;
  workbookXml = splice(workbookXml, sheetsElement.start, sheetsElement.end,
    `${sheetsElement.openTag.replace(/\s*\/>$/, '>')}${keptSheetsXml}${newSheetElements.join('')}</${sheetsQName}>`);
  workbookXml = patchDefinedNames(workbookXml, oldSheets.length, removedIndices, goneNames);
  const finalSheets = [
    ...kept.map((s) => ({ key: sheetKey(s.name), hidden: s.hidden })),
    ...grids.map((g) => ({ key: sheetKey(g.name), hidden: g.hidden === true })),
  ];
  if (!finalSheets.some((s) => !s.hidden)) throw new Error('The workbook would have no visible sheet; Excel requires at least one.');
  workbookXml = patchBookViews(workbookXml, oldSheets.map((s) => sheetKey(s.name)), removedIndices, finalSheets);

  for (const rel of parseRelationships(relsXml).reverse()) {
    // The output is an .xlsx, which may hold no macros: Excel refuses an .xlsx whose workbook is
    // macro-enabled. The macros (vbaProject) go; the clerk is told (see `hasMacros`).
    const drop = removedRelIds.has(rel.id) || (removedIndices.size > 0 && relTypeIs(rel.type, 'calcChain')) || relTypeIs(rel.type, 'vbaProject');
    // The calc chain lists formula cells by sheet; with a sheet gone Excel would call the file
    // corrupt, and it rebuilds a missing chain silently.
    if (drop) relsXml = splice(relsXml, rel.element.start, rel.element.end, '');
  }
  const relsRoot = requireElement(relsXml, 'Relationships', workbookRelsPart);
  relsXml = relsRoot.selfClosing
    ? splice(relsXml, relsRoot.start, relsRoot.end, `${relsRoot.openTag.replace(/\s*\/>$/, '>')}${newRels.join('')}</${relsRoot.qname}>`)
    : splice(relsXml, relsRoot.innerEnd, relsRoot.innerEnd, newRels.join(''));
  if (stylesPart.added) relsXml = addRelationship(relsXml, relIds.next(), `${NS_REL}/styles`, relativeTarget(workbookPart, stylesPart.name));

  pkg.setText(workbookPart, workbookXml);
  pkg.setText(workbookRelsPart, relsXml);
  const stylesXml = styles.toXml();
  if (stylesPart.added || stylesXml !== pkg.text(stylesPart.name)) pkg.setText(stylesPart.name, stylesXml);
  if (stylesPart.added) contentTypes.addOverride(stylesPart.name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');

  // 4. Remove every part that only the removed sheets reached (drawings, charts, comments...).
  const reachableAfter = reachableParts(pkg);
  for (const part of reachableBefore) {
    if (reachableAfter.has(part)) continue;
    pkg.delete(part);
    pkg.delete(relsPathOf(part));
    contentTypes.removeOverride(part);
    // LibreOffice lists .rels parts as overrides too.
    contentTypes.removeOverride(relsPathOf(part));
  }
  if (contentTypes.overrideOf(workbookPart)?.includes('macroEnabled')) contentTypes.addOverride(workbookPart, CT_WORKBOOK);
  pkg.setText('[Content_Types].xml', contentTypes.toXml());
  patchAppProperties(pkg, oldSheets.map((s) => s.name), removedNames, [...kept.map((s) => s.name), ...grids.map((g) => g.name)]);
}

const CT_WORKBOOK = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Whether a package holds macros (an .xlsm or .xltm): the written .xlsx leaves them out. */
export function hasMacros(original: Uint8Array): boolean {
  try {
    const pkg = openPackage(original);
    // The workbook part's own content type says so (a Default for .bin naming the .xlsb type, as
    // SheetJS writes, says nothing); or a VBA project is in the package.
    const workbookType = new ContentTypesPatch(pkg.text('[Content_Types].xml') ?? '').overrideOf(officeDocumentPart(pkg)) ?? '';
    return workbookType.includes('macroEnabled') || pkg.names().some((name) => /vbaProject\.bin$/i.test(name));
  } catch {
    return false;
  }
}

/** The workbook part named by the package's officeDocument relationship. */
function officeDocumentPart(pkg: Package): string {
  const rootRels = pkg.text('_rels/.rels');
  const rel = rootRels === undefined ? undefined : parseRelationships(rootRels).find((r) => relTypeIs(r.type, 'officeDocument') && !r.external);
  const part = rel === undefined ? 'xl/workbook.xml' : pkg.resolve(resolveTarget('', rel.target));
  if (part === undefined || !pkg.has(part)) throw new Error('The package has no workbook part; is it really an .xlsx file?');
  return part;
}

function stylesPartOf(pkg: Package, workbookPart: string, relsXml: string): { name: string; added: boolean } {
  const rel = parseRelationships(relsXml).find((r) => relTypeIs(r.type, 'styles') && !r.external);
  const name = rel === undefined ? undefined : pkg.resolve(resolveTarget(workbookPart, rel.target));
  if (name !== undefined) return { name, added: false };
  // A workbook without styles (some generators omit it): give it one next to the workbook part.
  return { name: resolveTarget(workbookPart, 'styles.xml'), added: true };
}

/** Every part reachable from the package root through internal relationships. */
function reachableParts(pkg: Package): Set<string> {
  const reached = new Set<string>();
  const queue: string[] = [''];
  while (queue.length > 0) {
    const source = queue.pop() as string;
    const rels = pkg.text(source === '' ? '_rels/.rels' : relsPathOf(source));
    if (rels === undefined) continue;
    for (const rel of parseRelationships(rels)) {
      if (rel.external) continue;
      const target = pkg.resolve(resolveTarget(source, rel.target));
      if (target === undefined || reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  return reached;
}

/**
 * Drops defined names scoped to removed sheets (print titles, filter ranges...) and shifts the
 * `localSheetId` (a position in <sheets>, not a sheetId) of the others; drops names whose formula
 * refers to a sheet that is gone for good, which would otherwise make Excel repair the file.
 */
function patchDefinedNames(xml: string, oldCount: number, removed: ReadonlySet<number>, goneNames: readonly string[]): string {
  const container = findElement(xml, 'definedNames');
  if (container === undefined || container.selfClosing || (removed.size === 0 && goneNames.length === 0)) return xml;
  const shift: number[] = [];
  for (let i = 0, dropped = 0; i < oldCount; i++) {
    if (removed.has(i)) dropped++;
    shift.push(i - dropped);
  }
  const goneRefs = goneNames.map(sheetRefPattern);
  const names = findElements(xml, 'definedName', container.innerStart, container.innerEnd);
  let out = '';
  let last = container.innerStart;
  for (const name of names) {
    out += xml.slice(last, name.start);
    last = name.end;
    const local = name.attrs.get('localSheetId');
    const formula = unescapeXml(xml.slice(name.innerStart, name.innerEnd));
    if (goneRefs.some((pattern) => pattern.test(formula))) continue;
    const element = xml.slice(name.start, name.end);
    const index = Number(local);
    if (local === undefined || !Number.isInteger(index) || index >= oldCount) {
      out += element;
    } else if (!removed.has(index)) {
      out += setAttribute(name.openTag, 'localSheetId', String(shift[index])) + element.slice(name.openTag.length);
    }
  }
  out += xml.slice(last, container.innerEnd);
  if (findElement(out, 'definedName') === undefined) return splice(xml, container.start, container.end, '');
  return splice(xml, container.innerStart, container.innerEnd, out);
}

/** Matches a reference to a sheet in (unescaped) formula text: 'Name'! or Name! */
function sheetRefPattern(name: string): RegExp {
  const quoted = `'${name.replace(/'/g, "''")}'!`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bare = `${name}!`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${quoted}|(?<![\\p{L}\\p{N}_.'])${bare}`, 'iu');
}

/**
 * Keeps the active tab on the same sheet (or on its replacement); when it was removed, the tab now
 * at its place; never a hidden sheet, since Excel would show a hidden sheet as active.
 */
function patchBookViews(xml: string, oldKeys: readonly string[], removed: ReadonlySet<number>, finalSheets: readonly { key: string; hidden: boolean }[]): string {
  const view = findElement(xml, 'workbookView');
  if (view === undefined) return xml;
  const mapIndex = (oldIndex: number): number => {
    const key = oldKeys[oldIndex];
    if (key !== undefined && !removed.has(oldIndex)) return finalSheets.findIndex((s) => s.key === key);
    if (key !== undefined) {
      const replacement = finalSheets.findIndex((s) => s.key === key);
      if (replacement >= 0) return replacement;
    }
    let before = 0;
    for (let i = 0; i < oldIndex; i++) if (!removed.has(i)) before++;
    return Math.min(before, finalSheets.length - 1);
  };
  const oldActive = Number(view.attrs.get('activeTab') ?? '0');
  let active = mapIndex(Number.isInteger(oldActive) ? oldActive : 0);
  if (active < 0 || finalSheets[active]?.hidden !== false) active = finalSheets.findIndex((s) => !s.hidden);
  let tag = view.openTag;
  if (view.attrs.has('activeTab') || active !== 0) tag = setAttribute(tag, 'activeTab', String(active));
  const oldFirst = Number(view.attrs.get('firstSheet') ?? '0');
  if (view.attrs.has('firstSheet')) tag = setAttribute(tag, 'firstSheet', String(Math.max(0, Math.min(mapIndex(Number.isInteger(oldFirst) ? oldFirst : 0), active))));
  return tag === view.openTag ? xml : splice(xml, view.start, view.start + view.openTag.length, tag);
}

/**
 * docProps/app.xml lists the sheet names (TitlesOfParts) with counts per kind (HeadingPairs).
 * Excel does not rely on it, but other tools show it; it is updated only when it has the usual
 * shape (first heading = worksheets, matching the workbook), and left alone otherwise.
 */
function patchAppProperties(pkg: Package, oldNames: readonly string[], removedNames: readonly string[], newNames: readonly string[]): void {
  const part = 'docProps/app.xml';
  const xml = pkg.text(part);
  if (xml === undefined) return;
  const headingPairs = findElement(xml, 'HeadingPairs');
  const titles = findElement(xml, 'TitlesOfParts');
  if (headingPairs === undefined || titles === undefined) return;
  const pairVector = findElement(xml, 'vector', headingPairs.innerStart, headingPairs.innerEnd);
  const titleVector = findElement(xml, 'vector', titles.innerStart, titles.innerEnd);
  if (pairVector === undefined || titleVector === undefined) return;
  const vt = pairVector.prefix;
  const variants = findElements(xml, 'variant', pairVector.innerStart, pairVector.innerEnd);
  if (variants.length % 2 !== 0) return;
  const pairs: { label: string; count: number }[] = [];
  for (let i = 0; i < variants.length; i += 2) {
    const label = findElement(xml, 'lpstr', variants[i].innerStart, variants[i].innerEnd);
    const count = findElement(xml, 'i4', variants[i + 1].innerStart, variants[i + 1].innerEnd);
    if (label === undefined || count === undefined) return;
    pairs.push({ label: xml.slice(label.innerStart, label.innerEnd), count: Number(xml.slice(count.innerStart, count.innerEnd)) });
  }
  const titleTexts = findElements(xml, 'lpstr', titleVector.innerStart, titleVector.innerEnd).map((t) => xml.slice(t.innerStart, t.innerEnd));
  const sheetTitles = titleTexts.slice(0, pairs[0]?.count ?? 0);
  if (pairs.length === 0 || pairs.reduce((sum, p) => sum + p.count, 0) !== titleTexts.length
    || sheetTitles.length !== oldNames.length || sheetTitles.some((t, i) => unescapeXml(t) !== oldNames[i])) return;
  const removedRefs = removedNames.map(sheetRefPattern);
  const groups: string[][] = [newNames.map((n) => escapeXml(n))];
  let offset = pairs[0].count;
  for (const pair of pairs.slice(1)) {
    // Named ranges appear as 'Sheet'!Name; those of removed sheets are gone.
    groups.push(titleTexts.slice(offset, offset + pair.count).filter((t) => !removedRefs.some((p) => p.test(unescapeXml(t)))));
    offset += pair.count;
  }
  const keptPairs = pairs.map((pair, i) => ({ label: pair.label, titles: groups[i] })).filter((p, i) => i === 0 || p.titles.length > 0);
  const pairXml = keptPairs.map((p) => `<${vt}variant><${vt}lpstr>${p.label}</${vt}lpstr></${vt}variant><${vt}variant><${vt}i4>${p.titles.length}</${vt}i4></${vt}variant>`).join('');
  const allTitles = keptPairs.flatMap((p) => p.titles);
  const titleXml = allTitles.map((t) => `<${vt}lpstr>${t}</${vt}lpstr>`).join('');
  // Splice the later element first so that the earlier positions stay valid.
  const [first, second] = pairVector.start < titleVector.start ? [pairVector, titleVector] : [titleVector, pairVector];
  const replacementFor = (v: XmlElement): string => (v === pairVector
    ? `${setAttribute(v.openTag, 'size', String(keptPairs.length * 2)).replace(/\s*\/>$/, '>')}${pairXml}</${v.qname}>`
    : `${setAttribute(v.openTag, 'size', String(allTitles.length)).replace(/\s*\/>$/, '>')}${titleXml}</${v.qname}>`);
  let out = splice(xml, second.start, second.end, replacementFor(second));
  out = splice(out, first.start, first.end, replacementFor(first));
  if (out !== xml) pkg.setText(part, out);
}

// ---------------------------------------------------------------------------------------------
// Helpers for new parts

/** Hands out part names like xl/charts/chart7.xml that no entry uses yet. */
class PartNumbers {
  private readonly next_ = new Map<string, number>();
  constructor(private readonly pkg: Package) {}

  next(stem: string, extension: string): string {
    let n = this.next_.get(stem);
    if (n === undefined) {
      n = 1;
      const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)${extension.replace('.', '\\.')}$`, 'i');
      for (const name of this.pkg.names()) {
        const match = pattern.exec(name);
        if (match !== null) n = Math.max(n, Number(match[1]) + 1);
      }
    }
    while (this.pkg.has(`${stem}${n}${extension}`)) n++;
    this.next_.set(stem, n + 1);
    return `${stem}${n}${extension}`;
  }
}

/** Hands out relationship ids (rIdN) that a .rels part does not use yet. */
class RelIdAllocator {
  private readonly used: Set<string>;
  private n = 1;
  constructor(relsXml: string) {
    this.used = new Set(parseRelationships(relsXml).map((r) => r.id));
  }

  next(): string {
    while (this.used.has(`rId${this.n}`)) this.n++;
    const id = `rId${this.n}`;
    this.used.add(id);
    return id;
  }
}

function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

function relationshipsXml(relationships: readonly string[]): string {
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`;
}

function addRelationship(relsXml: string, id: string, type: string, target: string): string {
  const root = requireElement(relsXml, 'Relationships', 'workbook relationships');
  return splice(relsXml, root.innerEnd, root.innerEnd, relationshipXml(id, type, target));
}

/** Edits [Content_Types].xml: overrides of deleted parts go, overrides of new parts come. */
class ContentTypesPatch {
  private xml: string;
  constructor(xml: string) {
    this.xml = xml === '' ? `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>` : xml;
    this.ensureDefault('rels', 'application/vnd.openxmlformats-package.relationships+xml');
    this.ensureDefault('xml', 'application/xml');
  }

  addOverride(part: string, contentType: string): void {
    this.removeOverride(part);
    const root = requireElement(this.xml, 'Types', '[Content_Types].xml');
    this.xml = splice(this.xml, root.innerEnd, root.innerEnd, `<${root.prefix}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`);
  }

  /** The content type the package gives `part`, if an override names it. */
  overrideOf(part: string): string | undefined {
    const wanted = `/${part}`.toLowerCase();
    return findElements(this.xml, 'Override').find((override) => (override.attrs.get('PartName') ?? '').toLowerCase() === wanted)?.attrs.get('ContentType');
  }

  removeOverride(part: string): void {
    const wanted = `/${part}`.toLowerCase();
    for (const override of findElements(this.xml, 'Override').reverse()) {
      if ((override.attrs.get('PartName') ?? '').toLowerCase() === wanted) this.xml = splice(this.xml, override.start, override.end, '');
    }
  }

  toXml(): string {
    return this.xml;
  }

  private ensureDefault(extension: string, contentType: string): void {
    const exists = findElements(this.xml, 'Default').some((d) => (d.attrs.get('Extension') ?? '').toLowerCase() === extension);
    if (exists) return;
    const root = requireElement(this.xml, 'Types', '[Content_Types].xml');
    if (root.selfClosing) {
      this.xml = splice(this.xml, root.start, root.end, `${root.openTag.replace(/\s*\/>$/, '>')}</${root.qname}>`);
      return this.ensureDefault(extension, contentType);
    }
    // Defaults come before Overrides by convention (the schema allows any order).
    this.xml = splice(this.xml, root.innerStart, root.innerStart, `<${root.prefix}Default Extension="${extension}" ContentType="${contentType}"/>`);
  }
}

// ---------------------------------------------------------------------------------------------
// A new, empty workbook (the patch then adds the sheets)

function newPackage(): Package {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
      + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
      + '</Types>'),
    '_rels/.rels': strToU8(relationshipsXml([
      relationshipXml('rId1', `${NS_REL}/officeDocument`, 'xl/workbook.xml'),
      relationshipXml('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'),
      relationshipXml('rId3', `${NS_REL}/extended-properties`, 'docProps/app.xml'),
    ])),
    'docProps/core.xml': strToU8(`${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>case-brief</dc:creator></cp:coreProperties>`),
    'docProps/app.xml': strToU8(`${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`
      + '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
      + '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>0</vt:i4></vt:variant></vt:vector></HeadingPairs>'
      + '<TitlesOfParts><vt:vector size="0" baseType="lpstr"></vt:vector></TitlesOfParts>'
      + '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'),
    'xl/workbook.xml': strToU8(`${XML_DECLARATION}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">`
      + '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets/></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(relationshipsXml([relationshipXml('rId1', `${NS_REL}/styles`, 'styles.xml')])),
    'xl/styles.xml': strToU8(minimalStylesXml()),
  };
  return new Package(files);
}

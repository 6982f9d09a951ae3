/**
 * Maps each CellRole onto one fixed look and merges those looks into an existing styles.xml.
 *
 * Guarantees: existing fonts, fills, borders, number formats and cell formats keep their indices
 * (raw sheets point at them); an entry is appended only when no existing entry has exactly the same
 * XML (whitespace between tags ignored), so writing the same grids again adds nothing; custom
 * number format ids start at 164 and never collide with existing ones. When nothing is appended
 * the part is returned unchanged, byte for byte.
 */
import type { CellRole, GridCell } from '../../core/model/grid.ts';
import { compactXml, escapeXml, findElement, findElements, requireElement, setAttribute, splice } from './ooxml.ts';

/** The font every role uses: 等线 ships with Chinese Windows (Office 2016+) and WPS. */
export const REPORT_FONT = '等线';
const HEADER_FILL_RGB = 'FFDDEBF7';
/** Excel's first free custom number format id; 0-163 are built in or reserved. */
const FIRST_CUSTOM_NUMFMT_ID = 164;

/**
 * Built-in formats that read the same in every locale. Others (14 "m/d/yyyy" and friends) are
 * shown in the reader's regional format, so a custom id is used for them instead.
 */
const BUILTIN_NUMFMTS: ReadonlyMap<string, number> = new Map([
  ['General', 0], ['0', 1], ['0.00', 2], ['#,##0', 3], ['#,##0.00', 4], ['0%', 9], ['0.00%', 10],
  ['0.00E+00', 11], ['# ?/?', 12], ['# ??/??', 13], ['@', 49],
]);

/** What one cell should look like, before it becomes indices into styles.xml. */
interface Look {
  readonly bold: boolean;
  readonly size: number;
  /** False for the workbook's default font (role 'plain'). */
  readonly reportFont: boolean;
  readonly fill: boolean;
  readonly border: boolean;
  readonly numFmt: string;
  readonly horizontal?: 'center' | 'left';
  readonly vertical?: 'center' | 'top';
  readonly wrap: boolean;
}

/** The fixed look of each role; `bold` and `numFmt` on the cell refine it. */
export function lookOf(cell: Pick<GridCell, 'role' | 'numFmt' | 'bold'>): Look {
  const bold = cell.bold === true;
  const numFmt = cell.numFmt;
  const base = { bold, size: 11, reportFont: true, fill: false, border: false, numFmt: numFmt ?? 'General', wrap: false };
  const role: CellRole = cell.role;
  switch (role) {
    case 'title': return { ...base, bold: true, size: 14, horizontal: 'center', vertical: 'center' };
    case 'header': return { ...base, bold: true, fill: true, border: true, horizontal: 'center', vertical: 'center', wrap: true };
    // Labels of first-level units are merged down several rows: centre them vertically.
    case 'label': return { ...base, border: true, vertical: 'center' };
    case 'total': return { ...base, bold: true, border: true, vertical: 'center' };
    case 'text': return { ...base, border: true, horizontal: 'left', vertical: 'top', wrap: true };
    case 'int': return { ...base, border: true, numFmt: numFmt ?? '0', vertical: 'center' };
    case 'rate': return { ...base, border: true, numFmt: numFmt ?? '0.00%', vertical: 'center' };
    case 'note': return base;
    case 'plain': return { ...base, reportFont: bold };
  }
}

/** Appends looks to a styles.xml and hands out their cellXfs indices. */
export class StyleSheetPatch {
  private readonly prefix: string;
  private readonly numFmts: Collection;
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly borders: Collection;
  private readonly cellXfs: Collection;
  /** formatCode → id for the custom formats present (existing and appended). */
  private readonly customNumFmtIds = new Map<string, number>();
  private nextNumFmtId = FIRST_CUSTOM_NUMFMT_ID;
  private readonly xfByKey = new Map<string, number>();

  constructor(private readonly original: string) {
    const root = requireElement(original, 'styleSheet', 'xl/styles.xml');
    this.prefix = root.prefix;
    this.numFmts = readCollection(original, 'numFmts', 'numFmt');
    this.fonts = readCollection(original, 'fonts', 'font');
    this.fills = readCollection(original, 'fills', 'fill');
    this.borders = readCollection(original, 'borders', 'border');
    this.cellXfs = readCollection(original, 'cellXfs', 'xf');
    for (const entry of this.numFmts.entries) {
      const element = findElement(entry, 'numFmt');
      const id = Number(element?.attrs.get('numFmtId'));
      const code = element?.attrs.get('formatCode');
      if (!Number.isInteger(id) || code === undefined) continue;
      if (!this.customNumFmtIds.has(code)) this.customNumFmtIds.set(code, id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
    if (this.cellXfs.entries.length === 0) throw new Error('xl/styles.xml has no cell formats; the workbook looks damaged.');
  }

  /** The cellXfs index for a cell; 0 (the default format) for plain cells without refinements. */
  xfIndex(cell: Pick<GridCell, 'role' | 'numFmt' | 'bold'>): number {
    if (cell.role === 'plain' && cell.bold !== true && cell.numFmt === undefined) return 0;
    const look = lookOf(cell);
    const key = JSON.stringify(look);
    const known = this.xfByKey.get(key);
    if (known !== undefined) return known;
    const index = this.cellXfs.indexOf(this.xfXml(look));
    this.xfByKey.set(key, index);
    return index;
  }

  /** The patched styles.xml; the original string itself when nothing was appended. */
  toXml(): string {
    let xml = this.original;
    // Each container is re-found after every splice, so positions never go stale.
    for (const collection of [this.numFmts, this.fonts, this.fills, this.borders, this.cellXfs]) {
      if (collection.appended.length > 0) xml = writeCollection(xml, collection, this.prefix);
    }
    return xml;
  }

  private xfXml(look: Look): string {
    const p = this.prefix;
    const numFmtId = this.numFmtId(look.numFmt);
    const fontId = look.reportFont ? this.fonts.indexOf(fontXml(p, look.bold, look.size)) : 0;
    const fillId = look.fill ? this.fills.indexOf(headerFillXml(p)) : 0;
    const borderId = look.border ? this.borders.indexOf(thinBorderXml(p)) : 0;
    const alignment: string[] = [];
    if (look.horizontal !== undefined) alignment.push(`horizontal="${look.horizontal}"`);
    if (look.vertical !== undefined) alignment.push(`vertical="${look.vertical}"`);
    if (look.wrap) alignment.push('wrapText="1"');
    // Attribute order as Excel writes it, so that a file re-saved by Excel still matches our entries.
    const applies = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : '',
      fontId !== 0 ? ' applyFont="1"' : '',
      fillId !== 0 ? ' applyFill="1"' : '',
      borderId !== 0 ? ' applyBorder="1"' : '',
      alignment.length > 0 ? ' applyAlignment="1"' : '',
    ].join('');
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return alignment.length > 0 ? `${open}><${p}alignment ${alignment.join(' ')}/></${p}xf>` : `${open}/>`;
  }

  private numFmtId(formatCode: string): number {
    const builtin = BUILTIN_NUMFMTS.get(formatCode);
    if (builtin !== undefined) return builtin;
    const existing = this.customNumFmtIds.get(formatCode);
    if (existing !== undefined) return existing;
    const id = this.nextNumFmtId++;
    this.customNumFmtIds.set(formatCode, id);
    this.numFmts.appended.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(formatCode)}"/>`);
    return id;
  }
}

/** The children of one container element (fonts, fills, ...), as compacted XML strings. */
class Collection {
  readonly appended: string[] = [];
  constructor(readonly containerName: string, readonly entryName: string, readonly entries: readonly string[]) {}

  /** Index of an identical entry, appending it when there is none. */
  indexOf(entryXml: string): number {
    const wanted = compactXml(entryXml);
    const existing = this.entries.indexOf(wanted);
    if (existing >= 0) return existing;
    const added = this.appended.indexOf(wanted);
    if (added >= 0) return this.entries.length + added;
    this.appended.push(wanted);
    return this.entries.length + this.appended.length - 1;
  }
}

function readCollection(xml: string, containerName: string, entryName: string): Collection {
  const container = findElement(xml, containerName);
  if (container === undefined || container.selfClosing) return new Collection(containerName, entryName, []);
  const entries = findElements(xml, entryName, container.innerStart, container.innerEnd)
    .map((element) => compactXml(xml.slice(element.start, element.end)));
  return new Collection(containerName, entryName, entries);
}

/** Child order of CT_Stylesheet: a missing container is inserted before the first later sibling. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

function writeCollection(xml: string, collection: Collection, prefix: string): string {
  const count = String(collection.entries.length + collection.appended.length);
  const addition = collection.appended.join('');
  const container = findElement(xml, collection.containerName);
  if (container === undefined) {
    const element = `<${prefix}${collection.containerName} count="${count}">${addition}</${prefix}${collection.containerName}>`;
    const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(collection.containerName) + 1);
    for (const sibling of later) {
      const found = findElement(xml, sibling);
      if (found !== undefined) return splice(xml, found.start, found.start, element);
    }
    const root = requireElement(xml, 'styleSheet', 'xl/styles.xml');
    return splice(xml, root.innerEnd, root.innerEnd, element);
  }
  const openTag = setAttribute(container.selfClosing ? container.openTag.replace(/\s*\/>$/, '>') : container.openTag, 'count', count);
  if (container.selfClosing) {
    return splice(xml, container.start, container.end, `${openTag}${addition}</${container.qname}>`);
  }
  // Keep the container's existing content exactly; only the count and the tail change.
  const inner = xml.slice(container.innerStart, container.innerEnd);
  return splice(xml, container.start, container.innerEnd, `${openTag}${inner}${addition}`);
}

function fontXml(p: string, bold: boolean, size: number): string {
  // family 3 + charset 134 (GB2312) is how Excel describes 等线; it helps font substitution elsewhere.
  return `<${p}font>${bold ? `<${p}b/>` : ''}<${p}sz val="${size}"/><${p}name val="${REPORT_FONT}"/><${p}family val="3"/><${p}charset val="134"/></${p}font>`;
}

function headerFillXml(p: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${HEADER_FILL_RGB}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

function thinBorderXml(p: string): string {
  const side = (name: string): string => `<${p}${name} style="thin"><${p}color indexed="64"/></${p}${name}>`;
  return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
}

/** A minimal styles.xml for a new workbook: the default font is the report font, 11pt. */
export function minimalStylesXml(): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    `<fonts count="1"><font><sz val="11"/><name val="${REPORT_FONT}"/><family val="3"/><charset val="134"/></font></fonts>`,
    // The first two fills are reserved by Excel (none and gray125), whatever the cells use.
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
    '</styleSheet>',
  ].join('');
}

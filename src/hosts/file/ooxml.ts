/**
 * Small, dependency-free helpers for patching OOXML parts as text: find elements by local name
 * (any namespace prefix), read attributes, escape text, resolve relationship targets.
 *
 * Why text and not a DOM: the writer must leave every part it does not need to change byte-for-byte
 * identical, and must run in the browser without a DOM; so it edits the few parts it touches
 * (workbook.xml, its rels, styles.xml, [Content_Types].xml, app.xml) by splicing strings at the
 * element boundaries found here. The scanner understands the XML that Excel, WPS, LibreOffice,
 * SheetJS, POI and the OpenXML SDK write (prefixed or not); it skips comments and CDATA.
 */

/** One element found in a string, with positions for splicing. */
export interface XmlElement {
  /** Qualified name as written, e.g. `sheet` or `x:sheet`. */
  readonly qname: string;
  /** Namespace prefix with its colon (`x:`), or '' when unprefixed. */
  readonly prefix: string;
  /** Index of the opening `<`. */
  readonly start: number;
  /** Index just after the element (after `/>` or the closing tag). */
  readonly end: number;
  /** The opening tag, `<x:sheet ...>` or `<x:sheet .../>`. */
  readonly openTag: string;
  readonly selfClosing: boolean;
  /** Content between the tags; equals `end` for both when self-closing. */
  readonly innerStart: number;
  readonly innerEnd: number;
  /** Attributes by qualified name, values unescaped. */
  readonly attrs: ReadonlyMap<string, string>;
}

const NAME_CHARS = '[A-Za-z_][\\w.\\-]*';

/** Finds the elements with this local name in xml[from, to), outermost only, in document order. */
export function findElements(xml: string, localName: string, from = 0, to = xml.length): XmlElement[] {
  const found: XmlElement[] = [];
  const pattern = new RegExp(`<(${NAME_CHARS}:)?${escapeRegExp(localName)}(?=[\\s/>])|<!--|<!\\[CDATA\\[`, 'g');
  pattern.lastIndex = from;
  for (let match = pattern.exec(xml); match !== null && match.index < to; match = pattern.exec(xml)) {
    if (match[0] === '<!--') {
      pattern.lastIndex = skipPast(xml, '-->', match.index);
      continue;
    }
    if (match[0] === '<![CDATA[') {
      pattern.lastIndex = skipPast(xml, ']]>', match.index);
      continue;
    }
    const prefix = match[1] ?? '';
    const qname = prefix + localName;
    const openEnd = endOfTag(xml, match.index);
    const openTag = xml.slice(match.index, openEnd);
    const selfClosing = openTag.endsWith('/>');
    let innerEnd = openEnd;
    let end = openEnd;
    if (!selfClosing) {
      innerEnd = closingTagIndex(xml, qname, openEnd);
      end = xml.indexOf('>', innerEnd) + 1;
    }
    if (end > to) break;
    found.push({
      qname, prefix, start: match.index, end, openTag, selfClosing,
      innerStart: openEnd, innerEnd, attrs: parseAttributes(openTag),
    });
    pattern.lastIndex = end;
  }
  return found;
}

/** The first element with this local name in xml[from, to), or undefined. */
export function findElement(xml: string, localName: string, from = 0, to = xml.length): XmlElement | undefined {
  return findElements(xml, localName, from, to)[0];
}

/** Finds an element that must be there, with a clear error naming the part when it is not. */
export function requireElement(xml: string, localName: string, partName: string): XmlElement {
  const element = findElement(xml, localName);
  if (element === undefined) throw new Error(`${partName} has no <${localName}> element; the workbook looks damaged.`);
  return element;
}

/** Attribute value by local name (ignoring any prefix), or undefined. */
export function attrByLocalName(element: XmlElement, localName: string): string | undefined {
  for (const [name, value] of element.attrs) {
    if (name === localName || name.endsWith(`:${localName}`)) return value;
  }
  return undefined;
}

/** The prefix (with colon) that the root element binds to a namespace URI, '' for default, undefined if unbound. */
export function prefixForNamespace(xml: string, rootLocalName: string, uri: string): string | undefined {
  const root = findElement(xml, rootLocalName);
  if (root === undefined) return undefined;
  for (const [name, value] of root.attrs) {
    if (value !== uri) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return undefined;
}

/** Parses the attributes of an opening tag; values are unescaped. */
export function parseAttributes(openTag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const pattern = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  // Skip the element name itself.
  const nameEnd = openTag.search(/[\s/>]/);
  pattern.lastIndex = nameEnd < 0 ? openTag.length : nameEnd;
  for (let match = pattern.exec(openTag); match !== null; match = pattern.exec(openTag)) {
    attrs.set(match[1], unescapeXml(match[2] ?? match[3] ?? ''));
  }
  return attrs;
}

/** Sets (or adds) an attribute in an opening tag, keeping everything else as written. */
export function setAttribute(openTag: string, name: string, value: string): string {
  const escaped = escapeXml(value);
  const pattern = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (pattern.test(openTag)) return openTag.replace(pattern, `$1"${escaped}"`);
  const close = openTag.endsWith('/>') ? openTag.length - 2 : openTag.length - 1;
  return `${openTag.slice(0, close)} ${name}="${escaped}"${openTag.slice(close)}`;
}

/** Escapes text for element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]);
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Resolves the five predefined entities and character references. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, body: string) => {
    switch (body) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

/** Splices replacement text into xml between start and end. */
export function splice(xml: string, start: number, end: number, replacement: string): string {
  return xml.slice(0, start) + replacement + xml.slice(end);
}

/** Collapses whitespace between tags, so that pretty-printed and compact entries compare equal. */
export function compactXml(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim();
}

// ---------------------------------------------------------------------------------------------
// Package (OPC) paths

/** The .rels part that holds a part's relationships; '' is the package root. */
export function relsPathOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against its source part into a zip entry name (no leading slash). */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target with a stray % is taken literally.
  }
  const base = decoded.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  const segments = [...base, ...decoded.replace(/^\/+/, '').split('/')];
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

/** A relative target from one part to another (both zip entry names). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** One `<Relationship>` of a .rels part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  readonly element: XmlElement;
}

/** Parses the relationships of a .rels part. */
export function parseRelationships(relsXml: string): Relationship[] {
  return findElements(relsXml, 'Relationship').map((element) => ({
    id: element.attrs.get('Id') ?? '',
    type: element.attrs.get('Type') ?? '',
    target: element.attrs.get('Target') ?? '',
    external: (element.attrs.get('TargetMode') ?? '').toLowerCase() === 'external',
    element,
  }));
}

/** Relationship type URIs end in a stable word (transitional and strict namespaces differ before it). */
export function relTypeIs(type: string, word: string): boolean {
  return type.endsWith(`/${word}`);
}

// ---------------------------------------------------------------------------------------------
// Scanning internals

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function skipPast(xml: string, terminator: string, from: number): number {
  const index = xml.indexOf(terminator, from);
  return index < 0 ? xml.length : index + terminator.length;
}

/** Index just after the `>` that ends the tag starting at `start`, honouring quoted attribute values. */
function endOfTag(xml: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  throw new Error('Unterminated XML tag.');
}

/** Index of the `</qname` that closes an element whose content starts at `from`, counting nested same-name elements. */
function closingTagIndex(xml: string, qname: string, from: number): number {
  const pattern = new RegExp(`<(/?)${escapeRegExp(qname)}(?=[\\s/>])|<!--|<!\\[CDATA\\[`, 'g');
  pattern.lastIndex = from;
  let depth = 1;
  for (let match = pattern.exec(xml); match !== null; match = pattern.exec(xml)) {
    if (match[0] === '<!--') {
      pattern.lastIndex = skipPast(xml, '-->', match.index);
      continue;
    }
    if (match[0] === '<![CDATA[') {
      pattern.lastIndex = skipPast(xml, ']]>', match.index);
      continue;
    }
    if (match[1] === '/') {
      depth--;
      if (depth === 0) return match.index;
    } else {
      const tagEnd = endOfTag(xml, match.index);
      if (!xml.slice(match.index, tagEnd).endsWith('/>')) depth++;
      pattern.lastIndex = tagEnd;
    }
  }
  throw new Error(`Unclosed <${qname}> element.`);
}

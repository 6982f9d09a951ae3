// Shared test data for the file host: report grids like a month's build, a raw export workbook made
// with SheetJS, and a structural checker that parses every XML part with a real XML parser and
// checks that the package's relationships, content types and style indices are consistent.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import type { GridCell, SheetGrid } from '../../../src/core/model/grid.ts';

const cell = (value: GridCell['value'], role: GridCell['role'], extra: Partial<GridCell> = {}): GridCell => ({ value, role, ...extra });

/** The 案件概况 table of a month: title, header, rows per source, 总计; rates with their formats. */
export function overviewGrid(period: string): SheetGrid {
  const header = ['问题来源', '上报数', '受理数', '处置率', '结案率'].map((h) => cell(h, 'header'));
  const row = (name: string, reported: number, accepted: number, rate: number, closed: number, role: 'label' | 'total' = 'label'): GridCell[] => [
    cell(name, role), cell(reported, role === 'total' ? 'total' : 'int'), cell(accepted, role === 'total' ? 'total' : 'int'),
    cell(rate, 'rate', { numFmt: '0.00%', bold: role === 'total' }), cell(closed, 'rate', { numFmt: '0%', bold: role === 'total' }),
  ];
  return {
    name: `${period}-案件概况`,
    role: 'report',
    cells: [
      [cell(`${period}数字城管系统案件基本情况`, 'title'), null, null, null, null],
      header,
      row('监督员上报', 3120, 3101, 0.9862, 1),
      row('12345热线', 1017, 1017, 0.931, 0.99),
      row('总计', 4137, 4118, 0.9741, 0.995, 'total'),
      [],
      [cell('注：处置率 = 处置数 / 应处置数', 'note')],
    ],
    merges: [{ row: 0, col: 0, lastRow: 0, lastCol: 4 }],
    colWidths: [14, 9, 9, 10, 10],
    freeze: { rows: 2, cols: 0 },
    print: { landscape: true, fitToWidth: true },
  };
}

/** The 12345受理 sheet: a line of text, two tables, a column chart and a pie chart. */
export function hotlineGrid(period: string): SheetGrid {
  const units = [['城管执法局', 512], ['住建局', 203], ['交通运输局', 98], ['执法直属一大队', 77]] as const;
  const kinds = [['噪音类', 301], ['规划建设类', 288], ['市容环境类', 201], ['其他', 100]] as const;
  const total = 890;
  const cells: (GridCell | null)[][] = [
    [cell(`${period}12345受理情况`, 'title'), null, null],
    [cell(`本月共受理 ${total} 件，较上期增加 12 件；超期 3 件，回退 5 件。`, 'note')],
    [cell('承办单位', 'header'), cell('受理数', 'header'), cell('占比', 'header')],
    ...units.map(([name, n]) => [cell(name, 'label'), cell(n, 'int'), cell(n / total, 'rate', { numFmt: '0.0%' })]),
    [],
    [cell('案件类别', 'header'), cell('受理数', 'header'), cell('占比', 'header')],
    ...kinds.map(([name, n]) => [cell(name, 'label'), cell(n, 'int'), cell(n / total, 'rate', { numFmt: '0.0%' })]),
    [cell('描述', 'header'), cell("含'引号'与 <尖括号> & 符号", 'text'), null],
  ];
  return {
    name: `${period}-12345受理`,
    role: 'report',
    cells,
    merges: [{ row: 0, col: 0, lastRow: 0, lastCol: 2 }, { row: 13, col: 1, lastRow: 13, lastCol: 2 }],
    colWidths: [18, 9, 9],
    freeze: { rows: 3, cols: 1 },
    print: { landscape: true, fitToWidth: true },
    charts: [
      { type: 'column', title: '各承办单位受理数', seriesName: '受理数', categories: { row: 3, col: 0, lastRow: 6 }, values: { row: 3, col: 1, lastRow: 6 }, anchor: { row: 2, col: 4, rows: 15, cols: 7 } },
      { type: 'pie', title: '受理案件类别占比', seriesName: '受理数', categories: { row: 9, col: 0, lastRow: 12 }, values: { row: 9, col: 1, lastRow: 12 }, anchor: { row: 18, col: 4, rows: 15, cols: 7 }, labels: 'categoryAndPercent' },
    ],
  };
}

/** A hidden bookkeeping sheet. */
export function metaGrid(): SheetGrid {
  return { name: '月报记录', role: 'meta', hidden: true, cells: [[cell('fingerprint', 'plain'), cell('abc123', 'plain')]], merges: [], colWidths: [] };
}

/** A raw export as the clerk gets it, made with SheetJS: title row, text ids, serial times, a second sheet. */
export function rawExportWorkbook(): Uint8Array {
  const cases = XLSX.utils.aoa_to_sheet([
    ['数字城管案件导出（2021年9月）'],
    ['案件编号', '问题来源', '上报时间', '结案时间', '问题描述'],
    ['2021090300123', '监督员上报', 44442.432, 44443.5, '占道经营'],
    ['2021090300124', '12345热线', 44443.1, null, '噪音扰民，夜间施工'],
    ['2021090400007', '监督员上报', 44444.75, 44446.25, '井盖破损'],
  ]);
  for (const ref of ['C3', 'D3', 'C4', 'C5', 'D5']) cases[ref].z = 'yyyy-mm-dd hh:mm';
  cases['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }];
  cases['!cols'] = [{ wch: 16 }, { wch: 10 }, { wch: 18 }, { wch: 18 }, { wch: 30 }];
  const orders = XLSX.utils.aoa_to_sheet([['工单编号', '受理时间', '承办单位'], ['GD20210901001', '2021-09-01 08:00:00', '住建局']]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, cases, '案件明细');
  XLSX.utils.book_append_sheet(workbook, orders, '12345工单');
  workbook.Workbook = { Names: [{ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: "'案件明细'!$2:$2" }] };
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Unzips a package into entry name → bytes. */
export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** One entry as text. */
export function text(bytes: Uint8Array, name: string): string {
  const data = entries(bytes)[name];
  if (data === undefined) throw new Error(`no entry ${name}`);
  return strFromU8(data);
}

/** Parses XML strictly: any warning or error of the parser fails. */
export function parseXml(xml: string, where: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${where}: XML ${level}: ${message}`);
    },
  });
  return parser.parseFromString(xml, 'application/xml');
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function elements(doc: Document | Element, ns: string, local: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, local));
}

function resolve(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  const out: string[] = [];
  for (const segment of [...base, ...target.replace(/^\/+/, '').split('/')]) {
    if (segment === '..') out.pop();
    else if (segment !== '' && segment !== '.') out.push(segment);
  }
  return out.join('/');
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationship id → resolved target, for one source part. */
export function relationships(files: Record<string, Uint8Array>, source: string): Map<string, { type: string; target: string }> {
  const relsName = source === '' ? '_rels/.rels' : relsOf(source);
  const data = files[relsName];
  const out = new Map<string, { type: string; target: string }>();
  if (data === undefined) return out;
  const doc = parseXml(strFromU8(data), relsName);
  for (const rel of elements(doc, 'http://schemas.openxmlformats.org/package/2006/relationships', 'Relationship')) {
    if (rel.getAttribute('TargetMode') === 'External') continue;
    out.set(rel.getAttribute('Id') ?? '', { type: rel.getAttribute('Type') ?? '', target: resolve(source, rel.getAttribute('Target') ?? '') });
  }
  return out;
}

/**
 * Structural validity of an .xlsx package; returns the problems found (empty when valid).
 * Every XML part parses; every relationship target exists; ids are unique per .rels; every part
 * has a content type and every override names an existing part; every r:id used by workbook,
 * worksheets and drawings is declared; sheet names and ids are unique; defined names' sheet
 * indices are in range; style indices used by cells and cellXfs are in range; merge counts match.
 */
export function packageProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const files = entries(bytes);
  const names = Object.keys(files).filter((n) => !n.endsWith('/'));
  const docs = new Map<string, Document>();
  for (const name of names) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    try {
      docs.set(name, parseXml(strFromU8(files[name]), name));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const types = docs.get('[Content_Types].xml');
  if (types === undefined) return [...problems, 'no [Content_Types].xml'];
  const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
  const defaults = new Set(elements(types, NS_CT, 'Default').map((d) => (d.getAttribute('Extension') ?? '').toLowerCase()));
  const overrides = new Map<string, string>();
  for (const o of elements(types, NS_CT, 'Override')) {
    const part = (o.getAttribute('PartName') ?? '').replace(/^\//, '');
    if (overrides.has(part.toLowerCase())) problems.push(`duplicate override ${part}`);
    overrides.set(part.toLowerCase(), o.getAttribute('ContentType') ?? '');
    if (!names.some((n) => n.toLowerCase() === part.toLowerCase())) problems.push(`override for missing part ${part}`);
  }
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(name.toLowerCase()) && !defaults.has(ext)) problems.push(`no content type for ${name}`);
  }
  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    const doc = docs.get(name);
    if (doc === undefined) continue;
    const source = name === '_rels/.rels' ? '' : name.replace(/_rels\/([^/]+)\.rels$/, '$1');
    if (source !== '' && files[source] === undefined) problems.push(`rels ${name} for missing part ${source}`);
    const ids = new Set<string>();
    for (const rel of elements(doc, 'http://schemas.openxmlformats.org/package/2006/relationships', 'Relationship')) {
      const id = rel.getAttribute('Id') ?? '';
      if (ids.has(id)) problems.push(`${name}: duplicate id ${id}`);
      ids.add(id);
      if (rel.getAttribute('TargetMode') === 'External') continue;
      const target = resolve(source, rel.getAttribute('Target') ?? '');
      if (files[target] === undefined) problems.push(`${name}: ${id} targets missing part ${target}`);
    }
  }
  const workbookPart = [...relationships(files, '').values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? '';
  const workbook = docs.get(workbookPart);
  if (workbook === undefined) return [...problems, 'no workbook part'];
  const workbookRels = relationships(files, workbookPart);
  const sheets = elements(workbook, NS_MAIN, 'sheet');
  const sheetNames = new Set<string>();
  const sheetIds = new Set<string>();
  for (const sheet of sheets) {
    const name = (sheet.getAttribute('name') ?? '').toUpperCase();
    if (sheetNames.has(name)) problems.push(`duplicate sheet name ${name}`);
    sheetNames.add(name);
    const sheetId = sheet.getAttribute('sheetId') ?? '';
    if (sheetIds.has(sheetId)) problems.push(`duplicate sheetId ${sheetId}`);
    sheetIds.add(sheetId);
    const rel = workbookRels.get(sheet.getAttributeNS(NS_REL, 'id') ?? '');
    if (rel === undefined) problems.push(`sheet ${name} has no relationship`);
  }
  for (const definedName of elements(workbook, NS_MAIN, 'definedName')) {
    const local = definedName.getAttribute('localSheetId');
    if (local !== null && !(Number(local) >= 0 && Number(local) < sheets.length)) problems.push(`defined name ${definedName.getAttribute('name')} has localSheetId ${local}`);
  }
  const view = elements(workbook, NS_MAIN, 'workbookView')[0];
  const active = Number(view?.getAttribute('activeTab') ?? '0');
  if (!(active >= 0 && active < sheets.length)) problems.push(`activeTab ${active} out of range`);
  const stylesPart = [...workbookRels.values()].find((r) => r.type.endsWith('/styles'))?.target;
  const styles = stylesPart === undefined ? undefined : docs.get(stylesPart);
  if (styles === undefined) return [...problems, 'no styles part'];
  const countOf = (container: string, child: string): number => {
    const c = elements(styles, NS_MAIN, container)[0];
    if (c === undefined) return 0;
    const n = Array.from(c.childNodes).filter((node) => node.nodeType === 1 && (node as Element).localName === child).length;
    if (c.getAttribute('count') !== null && Number(c.getAttribute('count')) !== n) problems.push(`styles ${container} count ${c.getAttribute('count')} but ${n} entries`);
    return n;
  };
  const fonts = countOf('fonts', 'font');
  const fills = countOf('fills', 'fill');
  const borders = countOf('borders', 'border');
  const xfs = countOf('cellXfs', 'xf');
  countOf('numFmts', 'numFmt');
  const numFmtIds = new Set(elements(styles, NS_MAIN, 'numFmt').map((n) => Number(n.getAttribute('numFmtId'))));
  const cellXfs = elements(styles, NS_MAIN, 'cellXfs')[0];
  for (const xf of cellXfs === undefined ? [] : elements(cellXfs, NS_MAIN, 'xf')) {
    const numFmtId = Number(xf.getAttribute('numFmtId') ?? '0');
    if (numFmtId >= 164 && !numFmtIds.has(numFmtId)) problems.push(`xf uses undefined numFmt ${numFmtId}`);
    if (Number(xf.getAttribute('fontId') ?? '0') >= fonts) problems.push('xf font out of range');
    if (Number(xf.getAttribute('fillId') ?? '0') >= fills) problems.push('xf fill out of range');
    if (Number(xf.getAttribute('borderId') ?? '0') >= borders) problems.push('xf border out of range');
  }
  for (const sheet of sheets) {
    const part = workbookRels.get(sheet.getAttributeNS(NS_REL, 'id') ?? '')?.target ?? '';
    const doc = docs.get(part);
    if (doc === undefined) {
      problems.push(`sheet part ${part} missing or unparsable`);
      continue;
    }
    for (const c of elements(doc, NS_MAIN, 'c')) {
      if (Number(c.getAttribute('s') ?? '0') >= xfs) problems.push(`${part} ${c.getAttribute('r')}: style ${c.getAttribute('s')} out of range`);
    }
    const mergeCells = elements(doc, NS_MAIN, 'mergeCells')[0];
    if (mergeCells !== undefined && Number(mergeCells.getAttribute('count')) !== elements(mergeCells, NS_MAIN, 'mergeCell').length) problems.push(`${part}: mergeCells count`);
    const sheetRels = relationships(files, part);
    for (const drawing of elements(doc, NS_MAIN, 'drawing')) {
      const rel = sheetRels.get(drawing.getAttributeNS(NS_REL, 'id') ?? '');
      if (rel === undefined) {
        problems.push(`${part}: drawing relationship missing`);
        continue;
      }
      const drawingDoc = docs.get(rel.target);
      const drawingRels = relationships(files, rel.target);
      for (const chart of drawingDoc === undefined ? [] : elements(drawingDoc, 'http://schemas.openxmlformats.org/drawingml/2006/chart', 'chart')) {
        const chartRel = drawingRels.get(chart.getAttributeNS(NS_REL, 'id') ?? '');
        if (chartRel === undefined || files[chartRel.target] === undefined) problems.push(`${rel.target}: chart relationship missing`);
      }
    }
  }
  return problems;
}

/** The chart parts each sheet reaches through its drawing, by sheet name. */
export function chartsBySheet(bytes: Uint8Array): Map<string, string[]> {
  const files = entries(bytes);
  const workbookPart = [...relationships(files, '').values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? '';
  const workbook = parseXml(strFromU8(files[workbookPart]), workbookPart);
  const workbookRels = relationships(files, workbookPart);
  const out = new Map<string, string[]>();
  for (const sheet of elements(workbook, NS_MAIN, 'sheet')) {
    const part = workbookRels.get(sheet.getAttributeNS(NS_REL, 'id') ?? '')?.target ?? '';
    const charts: string[] = [];
    for (const drawing of [...relationships(files, part).values()].filter((r) => r.type.endsWith('/drawing'))) {
      for (const chart of relationships(files, drawing.target).values()) charts.push(chart.target);
    }
    out.set(sheet.getAttribute('name') ?? '', charts);
  }
  return out;
}

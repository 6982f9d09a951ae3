import assert from 'node:assert/strict';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SheetGrid } from '../../../src/core/model/grid.ts';
import { readWorkbook } from '../../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { entries, hotlineGrid, metaGrid, overviewGrid, packageProblems, parseXml, rawExportWorkbook, text } from './fixtures.ts';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheetNamesOf(bytes: Uint8Array): string[] {
  return XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames;
}

function sheetXmlOf(bytes: Uint8Array, sheetName: string): string {
  const files = entries(bytes);
  const workbook = parseXml(text(bytes, 'xl/workbook.xml'), 'workbook');
  const sheet = Array.from(workbook.getElementsByTagNameNS(NS_MAIN, 'sheet')).find((s) => s.getAttribute('name') === sheetName);
  assert.ok(sheet, `sheet ${sheetName}`);
  const relId = sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
  const rels = parseXml(text(bytes, 'xl/_rels/workbook.xml.rels'), 'rels');
  const rel = Array.from(rels.getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === relId);
  const target = `xl/${(rel?.getAttribute('Target') ?? '').replace(/^\/?xl\//, '')}`;
  assert.ok(files[target], `part ${target}`);
  return text(bytes, target);
}

describe('writeWorkbook', () => {
  describe('round trip', () => {
    const written = writeWorkbook(null, [overviewGrid('2021年9月'), hotlineGrid('2021年9月')]);

    it('writes a new workbook that reads back with the same values and Chinese text', () => {
      const sheets = readWorkbook(written, 'brief.xlsx');
      assert.deepEqual(sheets.map((s) => s.name), ['2021年9月-案件概况', '2021年9月-12345受理']);
      const overview = sheets[0];
      assert.equal(overview.firstRow, 1);
      assert.deepEqual(overview.rows[0], ['2021年9月数字城管系统案件基本情况', null, null, null, null]);
      assert.deepEqual(overview.rows[2], ['监督员上报', 3120, 3101, 0.9862, 1]);
      assert.deepEqual(overview.rows[4], ['总计', 4137, 4118, 0.9741, 0.995]);
      assert.deepEqual(overview.rows[6], ['注：处置率 = 处置数 / 应处置数', null, null, null, null]);
      assert.equal(sheets[1].rows[13][1], "含'引号'与 <尖括号> & 符号");
    });

    it('keeps merges, column widths and the number formats of rate cells for SheetJS', () => {
      const workbook = XLSX.read(written, { type: 'array', cellStyles: true, cellNF: true });
      const sheet = workbook.Sheets['2021年9月-案件概况'];
      assert.deepEqual(sheet['!merges'], [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }]);
      assert.deepEqual(sheet['!cols']?.map((c) => c.width), [14, 9, 9, 10, 10]);
      assert.equal(sheet.D3.z, '0.00%');
      assert.equal(sheet.E3.z, '0%');
      assert.equal(sheet.B3.z, '0');
      assert.equal(workbook.Sheets['2021年9月-12345受理'].C4.z, '0.0%');
    });

    it('writes the row heights wrapped text needs, and no height for other rows', () => {
      const grid = { ...overviewGrid('2021年9月'), rowHeights: [null, 31.5, null] };
      const workbook = XLSX.read(writeWorkbook(null, [grid]), { type: 'array', cellStyles: true });
      const rows = workbook.Sheets['2021年9月-案件概况']['!rows'] ?? [];
      assert.equal(rows[1]?.hpt, 31.5);
      assert.equal(rows[0]?.hpt, undefined);
    });

    it('gives a row whose text needs more than Excel\'s 409 points the 409 Excel allows', () => {
      const grid = { ...overviewGrid('2021年9月'), rowHeights: [null, 1228.5, null] };
      const workbook = XLSX.read(writeWorkbook(null, [grid]), { type: 'array', cellStyles: true });
      assert.equal((workbook.Sheets['2021年9月-案件概况']['!rows'] ?? [])[1]?.hpt, 409);
    });

    it('freezes the header rows and sets up A4 landscape, one page wide', () => {
      const doc = parseXml(sheetXmlOf(written, '2021年9月-案件概况'), 'sheet');
      const pane = doc.getElementsByTagNameNS(NS_MAIN, 'pane')[0];
      assert.equal(pane.getAttribute('ySplit'), '2');
      assert.equal(pane.getAttribute('xSplit'), null);
      assert.equal(pane.getAttribute('topLeftCell'), 'A3');
      assert.equal(pane.getAttribute('state'), 'frozen');
      const setup = doc.getElementsByTagNameNS(NS_MAIN, 'pageSetup')[0];
      assert.equal(setup.getAttribute('paperSize'), '9');
      assert.equal(setup.getAttribute('orientation'), 'landscape');
      assert.equal(setup.getAttribute('fitToWidth'), '1');
      assert.equal(setup.getAttribute('fitToHeight'), '0');
      assert.equal(doc.getElementsByTagNameNS(NS_MAIN, 'pageSetUpPr')[0].getAttribute('fitToPage'), '1');
      const both = parseXml(sheetXmlOf(written, '2021年9月-12345受理'), 'sheet').getElementsByTagNameNS(NS_MAIN, 'pane')[0];
      assert.equal(both.getAttribute('topLeftCell'), 'B4');
      assert.equal(both.getAttribute('activePane'), 'bottomRight');
    });

    it('gives each role its look: bold title, filled bordered header, bordered cells, 等线', () => {
      const workbook = XLSX.read(written, { type: 'array', cellStyles: true });
      const sheet = workbook.Sheets['2021年9月-案件概况'];
      const styles = text(written, 'xl/styles.xml');
      assert.match(styles, /<name val="等线"\/>/);
      assert.match(styles, /<fgColor rgb="FFDDEBF7"\/>/);
      const doc = parseXml(styles, 'styles');
      const xfs = Array.from(doc.getElementsByTagNameNS(NS_MAIN, 'cellXfs')[0].getElementsByTagNameNS(NS_MAIN, 'xf'));
      const fonts = Array.from(doc.getElementsByTagNameNS(NS_MAIN, 'fonts')[0].getElementsByTagNameNS(NS_MAIN, 'font'));
      const sheetDoc = parseXml(sheetXmlOf(written, '2021年9月-案件概况'), 'sheet');
      const xfOf = (ref: string) => {
        const c = Array.from(sheetDoc.getElementsByTagNameNS(NS_MAIN, 'c')).find((e) => e.getAttribute('r') === ref);
        return xfs[Number(c?.getAttribute('s') ?? '0')];
      };
      const isBold = (ref: string) => fonts[Number(xfOf(ref).getAttribute('fontId'))].getElementsByTagNameNS(NS_MAIN, 'b').length === 1;
      assert.ok(isBold('A1') && isBold('A2') && isBold('A5') && isBold('D5'), 'title, header and total cells are bold');
      assert.ok(!isBold('A3') && !isBold('D3'), 'plain rows are not bold');
      assert.equal(xfOf('A2').getAttribute('fillId') !== '0', true, 'header has a fill');
      for (const ref of ['A2', 'A3', 'B3', 'D3', 'A5']) assert.notEqual(xfOf(ref).getAttribute('borderId'), '0', `${ref} has borders`);
      assert.equal(xfOf('A1').getAttribute('borderId'), '0', 'title has no border');
      assert.equal(xfOf('A7').getAttribute('borderId'), '0', 'note has no border');
      // Cells under the title merge borrow its style, so the merged block looks like one cell.
      assert.equal(xfOf('E1'), xfOf('A1'));
      assert.equal(sheet.A1.v, '2021年9月数字城管系统案件基本情况');
    });

    it('writes a hidden sheet as hidden and reads it back flagged', () => {
      const bytes = writeWorkbook(null, [overviewGrid('2021年9月'), metaGrid()]);
      assert.match(text(bytes, 'xl/workbook.xml'), /<sheet name="月报记录" sheetId="2" state="hidden"/);
      const sheets = readWorkbook(bytes, 'x.xlsx');
      assert.equal(sheets[1].hidden, true);
      assert.equal(sheets[0].hidden, undefined);
    });

    it('produces a structurally valid package', () => {
      assert.deepEqual(packageProblems(written), []);
    });

    it('is deterministic: the same input gives the same bytes', () => {
      // Compared as bytes: SheetJS attaches fields to arrays it reads, which deepEqual would see.
      const again = writeWorkbook(null, [overviewGrid('2021年9月'), hotlineGrid('2021年9月')]);
      assert.ok(Buffer.from(again).equals(Buffer.from(written)));
    });
  });

  describe('patching an existing workbook', () => {
    const raw = rawExportWorkbook();
    const once = writeWorkbook(raw, [overviewGrid('2021年9月'), hotlineGrid('2021年9月'), metaGrid()]);

    it('keeps every raw sheet byte-for-byte when it adds report sheets', () => {
      const before = entries(raw);
      const after = entries(once);
      const patched = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', '[Content_Types].xml', 'docProps/app.xml']);
      for (const [name, data] of Object.entries(before)) {
        if (patched.has(name)) continue;
        assert.ok(after[name], `${name} is still there`);
        assert.deepEqual(after[name], data, `${name} is unchanged`);
      }
      assert.ok(before['xl/worksheets/sheet1.xml'] && before['xl/worksheets/sheet2.xml'], 'the raw sheets are among the entries compared');
    });

    it('keeps the order of the raw sheets and appends the new ones in the given order', () => {
      assert.deepEqual(sheetNamesOf(once), ['案件明细', '12345工单', '2021年9月-案件概况', '2021年9月-12345受理', '月报记录']);
    });

    it('keeps the raw values: text ids, serial times with their formats, the title merge', () => {
      const sheets = readWorkbook(once, 'export.xlsx');
      assert.deepEqual(sheets[0].rows[2], ['2021090300123', '监督员上报', 44442.432, 44443.5, '占道经营']);
      const workbook = XLSX.read(once, { type: 'array', cellNF: true });
      assert.equal(workbook.Sheets['案件明细'].C3.z, 'yyyy-mm-dd hh:mm');
      assert.deepEqual(workbook.Sheets['案件明细']['!merges'], [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }]);
    });

    it('keeps the existing style entries at their indices and appends after them', () => {
      const indexOf = (xml: string, container: string) => {
        const c = parseXml(xml, 'styles').getElementsByTagNameNS(NS_MAIN, container)[0];
        return Array.from(c.childNodes).filter((n) => n.nodeType === 1).map((n) => String(n));
      };
      for (const container of ['fonts', 'fills', 'borders', 'cellXfs']) {
        const before = indexOf(text(raw, 'xl/styles.xml'), container);
        const after = indexOf(text(once, 'xl/styles.xml'), container);
        assert.deepEqual(after.slice(0, before.length), before, container);
      }
      const ids = Array.from(parseXml(text(once, 'xl/styles.xml'), 'styles').getElementsByTagNameNS(NS_MAIN, 'numFmt')).map((n) => Number(n.getAttribute('numFmtId')));
      assert.equal(new Set(ids).size, ids.length, 'numFmt ids are unique');
    });

    it('does not grow styles.xml when the same grids are written again onto the result', () => {
      const twice = writeWorkbook(once, [overviewGrid('2021年9月'), hotlineGrid('2021年9月'), metaGrid()]);
      assert.equal(text(twice, 'xl/styles.xml'), text(once, 'xl/styles.xml'));
      const thrice = writeWorkbook(twice, [overviewGrid('2021年10月'), hotlineGrid('2021年10月')]);
      assert.equal(text(thrice, 'xl/styles.xml'), text(once, 'xl/styles.xml'), 'another month uses the same looks');
    });

    it('replaces a sheet of the same name, moving it to the end, without leaving its old part behind', () => {
      const changed: SheetGrid = { ...overviewGrid('2021年9月'), cells: [[{ value: '重建', role: 'title' }]], merges: [] };
      const again = writeWorkbook(once, [changed]);
      assert.deepEqual(sheetNamesOf(again), ['案件明细', '12345工单', '2021年9月-12345受理', '月报记录', '2021年9月-案件概况']);
      const sheets = readWorkbook(again, 'x.xlsx');
      assert.deepEqual(sheets[4].rows, [['重建']]);
      const sheetParts = Object.keys(entries(again)).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
      assert.equal(sheetParts.length, 5, 'one worksheet part per sheet');
      assert.deepEqual(packageProblems(again), []);
    });

    it('matches sheet names to replace regardless of case', () => {
      const upper = writeWorkbook(writeWorkbook(null, [{ ...metaGrid(), name: 'Meta', hidden: false }]), [{ ...metaGrid(), name: 'META', hidden: false }]);
      assert.deepEqual(sheetNamesOf(upper), ['META']);
    });

    it('removes the sheets named in removeSheets, with their defined names', () => {
      const removed = writeWorkbook(once, [], { removeSheets: ['案件明细', '2021年9月-12345受理', '不存在的表'] });
      assert.deepEqual(sheetNamesOf(removed), ['12345工单', '2021年9月-案件概况', '月报记录']);
      assert.doesNotMatch(text(removed, 'xl/workbook.xml'), /Print_Titles/);
      assert.deepEqual(packageProblems(removed), []);
      assert.equal(Object.keys(entries(removed)).filter((n) => n.startsWith('xl/charts/')).length, 0, 'the removed sheet took its charts along');
      assert.doesNotMatch(text(removed, 'docProps/app.xml'), /案件明细/);
    });

    it('shifts localSheetId of defined names that stay', () => {
      const removed = writeWorkbook(raw, [], { removeSheets: ['12345工单'] });
      assert.match(text(removed, 'xl/workbook.xml'), /<definedName name="_xlnm.Print_Titles" localSheetId="0">/);
      const first = writeWorkbook(writeWorkbook(raw, [overviewGrid('2021年9月')]), [], { removeSheets: ['案件明细'] });
      assert.doesNotMatch(text(first, 'xl/workbook.xml'), /definedName/);
      const swapped = writeWorkbook(rawWithNameOnSecondSheet(), [], { removeSheets: ['案件明细'] });
      assert.match(text(swapped, 'xl/workbook.xml'), /<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;12345工单&apos;!\$1:\$1<\/definedName>/);
      assert.deepEqual(packageProblems(swapped), []);
    });

    it('drops workbook names that refer to a sheet removed for good, keeping the others', () => {
      const named = withEntries(raw, (files) => {
        const xml = new TextDecoder().decode(files['xl/workbook.xml']).replace('</definedNames>',
          '<definedName name="工单范围">&apos;12345工单&apos;!$A$1:$C$2</definedName><definedName name="案件范围">案件明细!$A$2:$E$5</definedName></definedNames>');
        files['xl/workbook.xml'] = strToU8(xml);
      });
      const out = writeWorkbook(named, [], { removeSheets: ['12345工单'] });
      const workbook = text(out, 'xl/workbook.xml');
      assert.doesNotMatch(workbook, /工单范围/);
      assert.match(workbook, /<definedName name="案件范围">案件明细!\$A\$2:\$E\$5<\/definedName>/);
      assert.deepEqual(packageProblems(out), []);
    });

    it('removes the content-type overrides of deleted .rels parts, which LibreOffice writes', () => {
      const listed = withEntries(writeWorkbook(raw, [hotlineGrid('2021年9月')]), (files) => {
        const rels = Object.keys(files).filter((n) => n.endsWith('.rels') && n !== '_rels/.rels');
        const overrides = rels.map((n) => `<Override PartName="/${n}" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`).join('');
        files['[Content_Types].xml'] = strToU8(new TextDecoder().decode(files['[Content_Types].xml']).replace('</Types>', `${overrides}</Types>`));
      });
      assert.deepEqual(packageProblems(listed), []);
      const out = writeWorkbook(listed, [], { removeSheets: ['2021年9月-12345受理'] });
      assert.doesNotMatch(text(out, '[Content_Types].xml'), /drawing|sheet3\.xml\.rels/);
      assert.deepEqual(packageProblems(out), []);
    });

    it('drops the calc chain when a sheet goes, since it would list cells of that sheet', () => {
      const withChain = addPart(raw, 'xl/calcChain.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="2"/></calcChain>',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain');
      assert.deepEqual(packageProblems(withChain), []);
      const kept = writeWorkbook(withChain, [overviewGrid('2021年9月')]);
      assert.ok(entries(kept)['xl/calcChain.xml'], 'kept when no sheet is removed');
      const dropped = writeWorkbook(withChain, [], { removeSheets: ['12345工单'] });
      assert.equal(entries(dropped)['xl/calcChain.xml'], undefined);
      assert.doesNotMatch(text(dropped, '[Content_Types].xml'), /calcChain/);
      assert.deepEqual(packageProblems(dropped), []);
    });

    it('updates docProps/app.xml sheet titles', () => {
      const app = text(once, 'docProps/app.xml');
      for (const name of ['案件明细', '12345工单', '2021年9月-案件概况', '月报记录']) assert.match(app, new RegExp(`<vt:lpstr>${name}</vt:lpstr>`));
    });

    it('keeps the active tab on the sheet the clerk was on', () => {
      const active = setActiveTab(raw, 1);
      const out = writeWorkbook(active, [overviewGrid('2021年9月')], { removeSheets: ['案件明细'] });
      assert.match(text(out, 'xl/workbook.xml'), /activeTab="0"/);
      assert.deepEqual(sheetNamesOf(out)[0], '12345工单');
    });

    it('writes into workbooks whose workbook.xml uses a namespace prefix, as the OpenXML SDK does', () => {
      const prefixed = prefixWorkbookXml(raw);
      const out = writeWorkbook(prefixed, [overviewGrid('2021年9月')]);
      assert.match(text(out, 'xl/workbook.xml'), /<x:sheet name="2021年9月-案件概况" sheetId="3" r:id="rId\d+"\/><\/x:sheets>/);
      assert.deepEqual(sheetNamesOf(out), ['案件明细', '12345工单', '2021年9月-案件概况']);
      assert.deepEqual(packageProblems(out), []);
    });
  });

  describe('invalid input', () => {
    it('rejects sheet names longer than 31 characters', () => {
      assert.throws(() => writeWorkbook(null, [{ ...metaGrid(), hidden: false, name: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二' }]), /at most 31/);
    });

    it('rejects sheet names with []:*?/\\', () => {
      for (const ch of ['[', ']', ':', '*', '?', '/', '\\']) {
        assert.throws(() => writeWorkbook(null, [{ ...metaGrid(), hidden: false, name: `2021${ch}9` }]), /not allow/);
      }
    });

    it('rejects two new sheets of the same name', () => {
      assert.throws(() => writeWorkbook(null, [overviewGrid('2021年9月'), overviewGrid('2021年9月')]), /both named/);
    });

    it('rejects overlapping merges', () => {
      const grid: SheetGrid = { ...overviewGrid('2021年9月'), merges: [{ row: 0, col: 0, lastRow: 1, lastCol: 1 }, { row: 1, col: 1, lastRow: 2, lastCol: 2 }] };
      assert.throws(() => writeWorkbook(null, [grid]), /overlap at B2/);
    });

    it('rejects a workbook whose sheets would all be hidden', () => {
      assert.throws(() => writeWorkbook(null, [metaGrid()]), /no visible sheet/);
    });

    it('rejects an original that is not a zip, telling the caller what to do', () => {
      assert.throws(() => writeWorkbook(strToU8('a,b\n1,2\n'), [overviewGrid('2021年9月')]), /pass null/);
    });

    it('escapes control characters and keeps surrounding blanks in text', () => {
      const grid: SheetGrid = { name: 'T', role: 'report', merges: [], colWidths: [], cells: [[{ value: ' a\u0001b_x0041_ ', role: 'plain' }, { value: '第一行\n第二行', role: 'text' }]] };
      const out = writeWorkbook(null, [grid]);
      assert.deepEqual(packageProblems(out), []);
      assert.deepEqual(readWorkbook(out, 'x.xlsx')[0].rows[0], [' a\u0001b_x0041_ ', '第一行\n第二行']);
    });
  });
});

/** Rewrites a package with one entry replaced or added. */
function withEntries(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = entries(bytes);
  change(files);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = data;
  return zipSync(zippable);
}

function addPart(bytes: Uint8Array, part: string, xml: string, contentType: string, relType: string): Uint8Array {
  return withEntries(bytes, (files) => {
    files[part] = strToU8(xml);
    const types = new TextDecoder().decode(files['[Content_Types].xml']).replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
    files['[Content_Types].xml'] = strToU8(types);
    const rels = new TextDecoder().decode(files['xl/_rels/workbook.xml.rels']).replace('</Relationships>', `<Relationship Id="rId99" Type="${relType}" Target="${part.replace(/^xl\//, '')}"/></Relationships>`);
    files['xl/_rels/workbook.xml.rels'] = strToU8(rels);
  });
}

function setActiveTab(bytes: Uint8Array, tab: number): Uint8Array {
  return withEntries(bytes, (files) => {
    const xml = new TextDecoder().decode(files['xl/workbook.xml']);
    const patched = /<workbookView\b/.test(xml)
      ? xml.replace(/<workbookView\b/, `<workbookView activeTab="${tab}"`)
      : xml.replace(/<sheets>/, `<bookViews><workbookView activeTab="${tab}"/></bookViews><sheets>`);
    files['xl/workbook.xml'] = strToU8(patched);
  });
}

function rawWithNameOnSecondSheet(): Uint8Array {
  return withEntries(rawExportWorkbook(), (files) => {
    const xml = new TextDecoder().decode(files['xl/workbook.xml']).replace(/localSheetId="0"/, 'localSheetId="1"').replace('&apos;案件明细&apos;!$2:$2', '&apos;12345工单&apos;!$1:$1');
    files['xl/workbook.xml'] = strToU8(xml);
  });
}

/** workbook.xml with every SpreadsheetML element spelled with an x: prefix. */
function prefixWorkbookXml(bytes: Uint8Array): Uint8Array {
  return withEntries(bytes, (files) => {
    const xml = new TextDecoder().decode(files['xl/workbook.xml'])
      .replace(/<(\/?)(?!\?)([A-Za-z]+)(?=[\s/>])/g, '<$1x:$2')
      .replace(/xmlns="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main"/, 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    files['xl/workbook.xml'] = strToU8(xml);
  });
}

import assert from 'node:assert/strict';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { writeWorkbook } from '../../../src/hosts/file/write-workbook.ts';
import { entries, hotlineGrid, metaGrid, overviewGrid, packageProblems, parseXml, rawExportWorkbook, text } from './fixtures.ts';

function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = entries(bytes);
  change(files);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = data;
  return zipSync(zippable);
}

describe('package structure', () => {
  const built = writeWorkbook(writeWorkbook(rawExportWorkbook(), [overviewGrid('2021年9月'), hotlineGrid('2021年9月'), metaGrid()]),
    [overviewGrid('2021年10月'), hotlineGrid('2021年10月')], { removeSheets: ['12345工单'] });

  it('parses every XML part it writes with a strict XML parser', () => {
    const files = entries(built);
    const xmlParts = Object.keys(files).filter((n) => /\.(xml|rels)$/.test(n));
    assert.ok(xmlParts.length >= 20, `${xmlParts.length} parts`);
    for (const name of xmlParts) assert.doesNotThrow(() => parseXml(text(built, name), name), name);
  });

  it('keeps relationships, content types, sheet ids and style indices consistent', () => {
    assert.deepEqual(packageProblems(built), []);
  });

  it('leaves no part behind that nothing refers to', () => {
    const files = entries(built);
    const referenced = new Set<string>(['[Content_Types].xml']);
    for (const name of Object.keys(files).filter((n) => n.endsWith('.rels'))) {
      referenced.add(name);
      const source = name === '_rels/.rels' ? '' : name.replace(/_rels\/([^/]+)\.rels$/, '$1');
      const dir = source.split('/').slice(0, -1);
      for (const match of text(built, name).matchAll(/Target="([^"]+)"/g)) {
        const parts = [...dir];
        for (const seg of match[1].split('/')) {
          if (seg === '..') parts.pop();
          else parts.push(seg);
        }
        referenced.add(parts.join('/'));
      }
    }
    assert.deepEqual(Object.keys(files).filter((n) => !referenced.has(n)), []);
  });

  describe('the checker itself', () => {
    it('reports a relationship to a missing part', () => {
      const broken = rezip(built, (files) => { delete files['xl/charts/chart1.xml']; });
      assert.ok(packageProblems(broken).some((p) => /targets missing part xl\/charts\/chart1.xml/.test(p)));
    });

    it('reports malformed XML', () => {
      const broken = rezip(built, (files) => { files['xl/workbook.xml'] = strToU8('<workbook><sheets></workbook>'); });
      assert.ok(packageProblems(broken).some((p) => /xl\/workbook.xml/.test(p)));
    });

    it('reports a cell style beyond the cellXfs', () => {
      const broken = rezip(built, (files) => {
        const xml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']).replace(/<c r="A3"/, '<c r="A3" s="999"');
        files['xl/worksheets/sheet1.xml'] = strToU8(xml);
      });
      assert.ok(packageProblems(broken).some((p) => /style 999 out of range/.test(p)));
    });
  });
});

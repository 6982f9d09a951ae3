/**
 * Golden: the sample's September brief (the Word document) says what the reference brief's
 * 二、具体分析 （一）–（四） says for that data (figures and names from ../shared/reference, wording may
 * differ), leaves （五）（六） as placeholders; a table cell corrected in the workbook (after a row was
 * inserted above it) reaches the document; 定稿 of September with a corrected figure puts that
 * figure in October's 上期 column.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeBrief, finaliseReport, historySheetName, printedRows, type GridCell, type SheetGrid } from '../../src/core/index.ts';
import { buildReportFile } from '../../src/hosts/file/build-file.ts';
import { briefToDocx, docxText } from '../../src/hosts/file/brief-docx.ts';
import { readWorkbook } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';

const samplePath = fileURLToPath(new URL('../../samples/sample-2021.xlsx', import.meta.url));

/** The paragraph of 二、具体分析 that starts with `ordinal`. */
function analysisParagraph(paragraphs: readonly string[], ordinal: string): string {
  const start = paragraphs.indexOf('二、具体分析');
  assert.ok(start >= 0, '二、具体分析 heading');
  const found = paragraphs.slice(start).find((text) => text.startsWith(ordinal));
  assert.ok(found, ordinal);
  return found;
}

/** Asserts that `text` holds every item, in order. */
function assertInOrder(text: string, items: readonly string[]): void {
  let from = 0;
  for (const item of items) {
    const at = text.indexOf(item, from);
    assert.ok(at >= 0, `"${item}" after position ${from} in: ${text}`);
    from = at + item.length;
  }
}

/** A sheet as the clerk left it: `edit` applied to a copy of the grid the build wrote. */
function editedGrid(grid: SheetGrid, edit: (cells: (GridCell | null)[][]) => void): SheetGrid {
  const cells = grid.cells.map((row) => [...row]);
  edit(cells);
  return { ...grid, cells, merges: grid.merges };
}

function rowIndex(grid: SheetGrid, label: string): number {
  const index = printedRows(grid).findIndex((cells) => cells.includes(label));
  assert.ok(index >= 0, label);
  return index;
}

describe('golden: the September brief of the sample (the Word document)', function () {
  this.timeout(120_000);
  let september: ReturnType<typeof buildReportFile>;
  let paragraphs: string[];

  before(async () => {
    const august = buildReportFile(new Uint8Array(readFileSync(samplePath)), 'sample-2021.xlsx', { period: '2021-08', asOf: '2021-09-08 17:30', builtAt: '2021-09-10 09:00' });
    september = buildReportFile(august.bytes, 'sample-2021-08.xlsx', { period: '2021-09', builtAt: '2021-10-11 09:00' });
    const brief = composeBrief(readWorkbook(september.bytes, 'x.xlsx'), { period: '2021-09', madeAt: '2021-10-11 09:00' });
    paragraphs = docxText(await briefToDocx(brief.document));
  });

  it('（一）: 4381 reports, 变化不大 against August, the three top 小类 in order, units at 100%, 四中队 at 50% under the 90% line', () => {
    const text = analysisParagraph(paragraphs, '（一）');
    assertInOrder(text, ['4381件', '变化不大', '“无照经营游商”', '“店外经营”', '“商业噪音”']);
    assert.match(text, /处置率及结案率均保持在100%/);
    assert.match(text, /四中队50%/);
    assert.match(text, /低于90%/);
    assert.match(text, /建议/);
  });

  it('（二）: 429 orders, 99 more than the previous period, none overdue, 33 returned, by unit', () => {
    const text = analysisParagraph(paragraphs, '（二）');
    assertInOrder(text, ['429件', '增加99件', '未出现超期办理案件', '33件']);
    assertInOrder(text, ['一中队7件', '二中队2件', '三中队7件', '四中队8件', '五中队2件', '夜勤中队2件', '市政工程处3件', '市环卫处2件']);
  });

  it('（三）: most counties at 100%, 达川区城管执法大队 named with its rates (9.84%, the brief\'s "未到达10%")', () => {
    const text = analysisParagraph(paragraphs, '（三）');
    assert.match(text, /大部分县（市、区）.*处置率及结案率均保持在100%/);
    assert.match(text, /达川区城管执法大队案件处置率9\.84%、结案率9\.84%/);
    assert.match(text, /需提高案件处置力度/);
  });

  it('（四）: 小区内私搭乱建 82 received (78 done); 乱开挖… 0 orders and 2 patrol cases, both closed', () => {
    const text = analysisParagraph(paragraphs, '（四）');
    assertInOrder(text, ['小区内私搭乱建', '受理82件', '已办结78件']);
    assertInOrder(text, ['乱开挖、挖而不围、随意打围', '受理0件', '上报2件', '已结案2件']);
  });

  it('（五）（六）: placeholders for what the exports cannot know', () => {
    for (const ordinal of ['（五）', '（六）']) assert.match(analysisParagraph(paragraphs, ordinal), /【请填写：[^】]+】/);
  });

  it('has the title, the intro, every table heading, 三、工作建议 and the 分送/印发 lines', () => {
    assertInOrder(paragraphs.join('\n'), [
      '数据分析简报',
      '2021年9月数字化城管信息系统案件及12345政务服务便民热线相关数据统计分析如下：',
      '一、数据统计',
      '（一）数字城管系统案件基本情况',
      '（二）数字城管系统案件市局各部门处置情况',
      '（三）各县（市、区）专业部门数字城管系统案件办理情况',
      '（四）12345政务服务便民热线受理情况',
      '（五）各处置部门热难点案件',
      '（六）涉及"群众最不满意的十件事"',
      '二、具体分析',
      '三、工作建议',
      '分送：局领导，办公室，城管委办，督查科，局属各单位。',
      '达州市城市管理和行政执法投诉指挥中心',
      '2021年10月11日印',
    ]);
  });

  it('prints a table cell as the clerk corrected it, after a row the clerk inserted above the table', async () => {
    const units = september.result.reportSheets.find((grid) => grid.name.endsWith('部门处置')) as SheetGrid;
    const row = rowIndex(units, '四中队');
    const col = units.cells[1].findIndex((cell) => cell?.value === '按期结案数');
    assert.equal(units.cells[row][col]?.value, 1);
    // The clerk inserts a line above the table, then corrects 四中队's 按期结案数 from 1 to 2.
    const edited = editedGrid(units, (cells) => {
      cells[row][col] = { ...(cells[row][col] as GridCell), value: 2 };
      cells.splice(1, 0, [{ value: '（经核实，四中队按期结案数更正为2件）', role: 'note' }]);
    });
    const shifted = { ...edited, merges: units.merges.map((merge) => (merge.row >= 1 ? { ...merge, row: merge.row + 1, lastRow: merge.lastRow + 1 } : merge)) };
    const workbook = writeWorkbook(september.bytes, [shifted]);
    const brief = composeBrief(readWorkbook(workbook, 'x.xlsx'), { period: '2021-09', madeAt: '2021-10-11 09:00' });
    const table = brief.document.blocks.filter((block) => block.kind === 'table').map((block) => block.table)[1];
    const fourth = table.rows.find((cells) => cells.some((cell) => cell?.text === '四中队'));
    assert.ok(fourth);
    const header = table.rows[0].map((cell) => cell?.text ?? '');
    assert.equal(fourth[header.indexOf('按期结案数')]?.text, '2');
    assert.equal(brief.editedFigures, 1);
    const text = docxText(await briefToDocx(brief.document));
    assert.ok(text.includes('（经核实，四中队按期结案数更正为2件）'));
  });

  it('定稿 records the corrected September figure, and October\'s 上期 column shows it', () => {
    const overview = september.result.reportSheets.find((grid) => grid.name.endsWith('案件概况')) as SheetGrid;
    const row = rowIndex(overview, '总计');
    const col = overview.cells[1].findIndex((cell) => cell?.value === '处置率');
    assert.ok(Math.abs((overview.cells[row][col]?.value as number) - 4080 / 4137) < 1e-12);
    // The clerk rounds 总计's 处置率 to 99% by hand before the brief goes out.
    const workbook = writeWorkbook(september.bytes, [editedGrid(overview, (cells) => (cells[row][col] = { ...(cells[row][col] as GridCell), value: 0.99 }))]);
    const finalised = finaliseReport(readWorkbook(workbook, 'x.xlsx'), { period: '2021-09', finalisedAt: '2021-10-12 10:00' });
    assert.deepEqual(
      finalised.edited.map((figure) => [figure.key.table, figure.key.row, figure.key.indicator, figure.value]),
      [['案件概况', '总计', '处置率', 0.99]],
    );
    const withHistory = writeWorkbook(workbook, finalised.historySheets);
    const history = readWorkbook(withHistory, 'x.xlsx').find((sheet) => sheet.name === historySheetName);
    const noted = history?.rows.find((cells) => cells[0] === '2021-09' && cells[1] === '案件概况' && cells[2] === '总计' && cells[3] === '处置率');
    assert.equal(noted?.[4], 0.99);
    assert.match(String(noted?.[7]), /^定稿（手工修改，原值 98\.62%/);

    const october = buildReportFile(withHistory, 'x.xlsx', { period: '2021-10', builtAt: '2021-11-10 09:00' }).result;
    const rows = printedRows(october.reportSheets.find((grid) => grid.name === '2021年10月-案件概况') as SheetGrid);
    const headerRow = rows[1];
    assert.equal(rows.find((cells) => cells[0] === '总计')?.[headerRow.indexOf('上期处置率')], '99%');
    assert.equal(rows.find((cells) => cells[0] === '总计')?.[headerRow.indexOf('上期结案率')], '98.65%');
  });

  it('a rebuild of a finalised September keeps the published figures in the history', () => {
    const overview = september.result.reportSheets.find((grid) => grid.name.endsWith('案件概况')) as SheetGrid;
    const row = rowIndex(overview, '总计');
    const col = overview.cells[1].findIndex((cell) => cell?.value === '处置率');
    const workbook = writeWorkbook(september.bytes, [editedGrid(overview, (cells) => (cells[row][col] = { ...(cells[row][col] as GridCell), value: 0.99 }))]);
    const finalised = finaliseReport(readWorkbook(workbook, 'x.xlsx'), { period: '2021-09', finalisedAt: '2021-10-12 10:00' });
    const rebuilt = buildReportFile(writeWorkbook(workbook, finalised.historySheets), 'x.xlsx', { period: '2021-09', builtAt: '2021-10-13 09:00', force: true }).result;
    const history = rebuilt.sheetsToWrite.find((grid) => grid.name === historySheetName) as SheetGrid;
    const kept = history.cells.find((cells) => cells[0]?.value === '2021-09' && cells[1]?.value === '案件概况' && cells[2]?.value === '总计' && cells[3]?.value === '处置率');
    assert.equal(kept?.[4]?.value, 0.99);
  });
});

/**
 * The brief as a Word document (.docx), written with the `docx` library, laid out after GB/T 9704
 * (党政机关公文格式): A4, margins 37/35/28/26 mm (top/bottom/left/right), title 方正小标宋简体 2号,
 * body 仿宋_GB2312 3号 (digits and Latin in Times New Roman) at a fixed 29 pt line pitch (22 lines a page) with a two-character first-line
 * indent, headings 黑体 (一、) and 楷体_GB2312 (（一）), page numbers 4号 "— 1 —" at the foot, the
 * 分送 and 印发 lines between rules at the end. Tables keep the sheets' merges and borders, fit the
 * text width (their columns in the sheets' proportions), repeat their header rows on every page and
 * use 五号 (小五 or 六号 where the numbers would not fit otherwise). Charts are native Word charts (`docx/charts`: Word's "Edit Data" opens
 * their embedded workbook), drawn from the cells they chart.
 *
 * Fonts: Windows 10 and later ship 仿宋 and 楷体 rather than the _GB2312 faces, and few machines have
 * 方正小标宋简体; so the font table names a fallback for each (w:altName, with the GB2312 character
 * set and the face's PANOSE class), which Word uses when the named face is missing. `docx` writes
 * no font table of its own, so it packs the document with ours in its place.
 */
import { strFromU8, unzipSync } from 'fflate';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { ChartRun } from 'docx/charts';
import type { BriefBlock, BriefCell, BriefChart, BriefDocument, BriefTable } from '../../core/index.ts';

/** Chinese type sizes in half-points (Word's unit): 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt, 小五 9 pt, 六号 7.5 pt. */
const size = { er: 44, san: 32, si: 28, wu: 21, xiaoWu: 18, liu: 15 } as const;
const latinFont = 'Times New Roman';
const fonts = { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' } as const;
/** Fallback face, PANOSE class and pitch of each font, for the font table. */
const fallbacks: readonly { readonly name: string; readonly altName: string; readonly panose: string; readonly pitch: 'fixed' | 'variable' }[] = [
  { name: fonts.title, altName: '宋体', panose: '02000000000000000000', pitch: 'variable' },
  { name: fonts.body, altName: '仿宋', panose: '02010609030101010101', pitch: 'fixed' },
  { name: fonts.heading1, altName: 'SimHei', panose: '02010609060101010101', pitch: 'fixed' },
  { name: fonts.heading2, altName: '楷体', panose: '02010609030101010101', pitch: 'fixed' },
  { name: fonts.pageNumber, altName: 'SimSun', panose: '02010600030101010101', pitch: 'variable' },
];

const twipsPerMm = 1440 / 25.4;
const page = { width: 11906, height: 16838, top: 37, bottom: 35, left: 28, right: 26 } as const;
/** Text width in twips: 210 mm less the side margins. */
const textWidth = Math.floor((210 - page.left - page.right) * twipsPerMm);
/** 22 lines on the 225 mm text height. */
const bodyLine = 580;
const pixelsPerTwip = 96 / 1440;

/** Chinese in `font`; digits and Latin letters in Times New Roman, as official documents set them. */
function run(text: string, font: string, halfPoints: number, options: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: { ascii: latinFont, eastAsia: font, hAnsi: latinFont, cs: latinFont }, size: halfPoints, ...options });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, fonts.body, size.san)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * 320 },
    spacing: { line: bodyLine, lineRule: LineRuleType.EXACT },
  });
}

function heading(block: Extract<BriefBlock, { kind: 'heading' }>): Paragraph {
  const font = block.level === 1 ? fonts.heading1 : block.level === 2 ? fonts.heading2 : fonts.body;
  return new Paragraph({
    children: [run(block.text, font, size.san, block.level === 3 ? { bold: true } : {})],
    indent: { firstLine: 2 * 320 },
    spacing: { line: bodyLine, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const cellMargins = { left: 30, right: 30, top: 20, bottom: 20 } as const;
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** Display width in half-width characters (a CJK character counts two). */
function textUnits(text: string): number {
  let units = 0;
  for (const char of text) units += /[\u1100-\uffff]/.test(char) && !/[\uff61-\uff9f]/.test(char) ? 2 : 1;
  return units;
}

/**
 * Column widths in twips that fill the text width: every column at least as wide as its longest
 * number (numbers never wrap), three characters of a label or two of a header;
 * what is left over goes to the columns in proportion to what they want.
 */
const sum = (list: readonly number[]) => list.reduce((total, width) => total + width, 0);

function columnWidths(table: BriefTable, fontHalfPoints: number): { widths: number[]; fits: boolean } {
  // A digit is half an em in Times New Roman, but up to 0.7 em in the faces that stand in for it
  // where it is missing (DejaVu Serif Bold under LibreOffice on Linux): measure for those.
  const unit = fontHalfPoints * 6;
  const padding = 120;
  const least = table.colWidths.map(() => 2 * unit + padding);
  const wanted = [...least];
  for (const row of table.rows) {
    row.forEach((cell, col) => {
      if (cell === null || cell.colSpan > 1 || cell.text === '') return;
      const units = Math.max(...cell.text.split('\n').map(textUnits)) * (cell.bold ? 1.2 : 1);
      // Numbers never wrap; labels keep three characters a line; headers two.
      const [floor, need] = cell.kind === 'number' ? [units, units] : cell.kind === 'header' ? [Math.min(units, 4), Math.ceil(units / 2)] : [Math.min(units, 6), Math.min(units, cell.kind === 'text' ? 40 : 12)];
      least[col] = Math.max(least[col], floor * unit + padding);
      wanted[col] = Math.max(wanted[col], need * unit + padding, least[col]);
    });
  }
  const [leastSum, wantedSum] = [sum(least), sum(wanted)];
  const widths =
    wantedSum <= textWidth
      ? wanted.map((width) => (width * textWidth) / wantedSum)
      : leastSum >= textWidth
        ? least.map((width) => (width * textWidth) / leastSum)
        : wanted.map((width, col) => least[col] + ((width - least[col]) * (textWidth - leastSum)) / (wantedSum - leastSum));
  return { widths: widths.map(Math.floor), fits: leastSum <= textWidth };
}

/** The largest of 五号, 小五 and 六号 at which the table's numbers fit the text width, and its column widths. */
function tableLayout(table: BriefTable): { fontSize: number; widths: number[] } {
  const sizes = [size.wu, size.xiaoWu, size.liu];
  for (const fontSize of sizes) {
    const { widths, fits } = columnWidths(table, fontSize);
    if (fits || fontSize === size.liu) return { fontSize, widths };
  }
  return { fontSize: size.liu, widths: columnWidths(table, size.liu).widths };
}

function tableOf(table: BriefTable): Table {
  const { fontSize, widths } = tableLayout(table);
  const cellOf = (cell: BriefCell, col: number) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(cell.text, fonts.body, fontSize, cell.bold ? { bold: true } : {})],
          alignment: cell.kind === 'text' ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { line: 240, lineRule: LineRuleType.AUTO },
        }),
      ],
      columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
      rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
      width: { size: widths.slice(col, col + cell.colSpan).reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: cellMargins,
      ...(cell.kind === 'header' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } } : {}),
    });
  const rows = table.rows.map(
    (row, index) =>
      new TableRow({
        // docx writes the continuation cells of a vertical merge itself: only the cells that start a block are given.
        children: row.flatMap((cell, col) => (cell === null ? [] : [cellOf(cell, col)])),
        tableHeader: index < table.headerRows || undefined,
        cantSplit: true,
      }),
  );
  return new Table({
    rows,
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // Word's default cell margins (0.19 cm a side) would take a quarter of a narrow column.
    margins: cellMargins,
    alignment: AlignmentType.CENTER,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  });
}

function chartOf(chart: BriefChart): Paragraph {
  const width = Math.floor(textWidth * pixelsPerTwip * 0.95);
  const font = { name: fonts.body };
  const common = { title: { text: chart.title, font: { name: fonts.heading1, size: 12 } }, font, transformation: { width, height: chart.type === 'pie' ? Math.round(width * 0.62) : Math.round(width * 0.55) } };
  const series = [{ name: chart.seriesName, values: [...chart.values] }];
  const chartRun =
    chart.type === 'pie'
      ? new ChartRun({ type: 'pie', ...common, categories: [...chart.categories], series, dataLabels: { category: true, percentage: true, position: 'bestFit' }, legend: { position: 'right' } })
      : new ChartRun({ type: 'column', ...common, categories: [...chart.categories], series, dataLabels: { value: true }, legend: false });
  return new Paragraph({ children: [chartRun], alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 } });
}

function blockElements(block: BriefBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block)];
    case 'paragraph':
      return [bodyParagraph(block.text)];
    case 'table':
      // A table is followed by an empty line, as in the reference brief.
      return [tableOf(block.table), new Paragraph({ children: [], spacing: { line: 240, lineRule: LineRuleType.AUTO } })];
    case 'chart':
      return [chartOf(block.chart)];
  }
}

/** 分送 and 印发, between rules, as GB/T 9704 sets its 版记 (4号 仿宋). */
function imprint(document: BriefDocument): Paragraph[] {
  const rule = { top: { ...thin, size: 8, space: 4 } };
  return [
    new Paragraph({ children: [], spacing: { before: 480 } }),
    new Paragraph({ children: [run(`分送：${document.distribution}`, fonts.body, size.si)], border: { ...rule, bottom: { ...thin, size: 4, space: 4 } }, indent: { left: 280, right: 280 } }),
    new Paragraph({
      children: [run(document.issuer, fonts.body, size.si), run(`\t${document.printDate}印`, fonts.body, size.si)],
      tabStops: [{ type: 'right', position: textWidth - 280 }],
      border: { bottom: { ...thin, size: 8, space: 4 }, top: noBorder },
      indent: { left: 280, right: 280 },
    }),
  ];
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run('— ', fonts.pageNumber, size.si), new TextRun({ children: [PageNumber.CURRENT], font: fonts.pageNumber, size: size.si }), run(' —', fonts.pageNumber, size.si)],
      }),
    ],
  });
}

function fontTableXml(): string {
  const entries = fallbacks
    .map((font) => `<w:font w:name="${font.name}"><w:altName w:val="${font.altName}"/><w:panose1 w:val="${font.panose}"/><w:charset w:val="86"/><w:family w:val="${font.pitch === 'fixed' ? 'modern' : 'roman'}"/><w:pitch w:val="${font.pitch}"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

/** The brief as .docx bytes. */
export async function briefToDocx(document: BriefDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    ...document.title.map(
      (line) => new Paragraph({ children: [run(line, fonts.title, size.er)], alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT } }),
    ),
    new Paragraph({ children: [], spacing: { line: bodyLine, lineRule: LineRuleType.EXACT } }),
    bodyParagraph(document.intro),
    ...document.blocks.flatMap(blockElements),
    ...imprint(document),
  ];
  const doc = new Document({
    creator: '城管月报助手',
    title: document.fileName.replace(/\.docx$/, ''),
    styles: { default: { document: { run: { font: { ascii: latinFont, eastAsia: fonts.body, hAnsi: latinFont }, size: size.san } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: `${page.top}mm`, bottom: `${page.bottom}mm`, left: `${page.left}mm`, right: `${page.right}mm`, footer: '20mm', header: '15mm' },
          },
        },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  // docx writes an empty font table: ours names each font's fallback.
  const packed = await Packer.toArrayBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(packed);
}

/** Text of a .docx's body, paragraph by paragraph (tables cell by cell), for tests and checks. */
export function docxText(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => unescape(text[1])).join(''));
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

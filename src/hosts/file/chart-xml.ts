/**
 * Writes native DrawingML charts for ChartSpecs: one drawing part per sheet holding one anchored
 * graphic frame per chart, and one chart part per chart.
 *
 * Guarantees: series point at the sheet's own cells with quoted absolute references, so the chart
 * follows the clerk's edits; each reference carries a cached copy of the values, so viewers that
 * do not recalculate (previews, WPS, converters) draw the chart as built; elements in schema order.
 */
import type { ChartSpec, GridCell, SheetGrid } from '../../core/model/grid.ts';
import { escapeXml } from './ooxml.ts';
import { cellRef, escapeCellText } from './sheet-xml.ts';
import { REPORT_FONT } from './styles.ts';

const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_SHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/**
 * Office's default series colours, written out explicitly: without them a chart takes its colours
 * from the workbook theme, and a workbook without a theme part (ours, when new, and many exports)
 * draws invisible bars and slices in LibreOffice.
 */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300', '255E91', '43682B'];
const LINE_GREY = 'D9D9D9';

/** A sheet name quoted for a formula: 'It''s'!$A$1 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Checks a chart's ranges; throws a clear Error naming the sheet and chart. */
export function checkChart(grid: SheetGrid, chart: ChartSpec, index: number): void {
  const where = `Sheet "${grid.name}", chart ${index + 1} ("${chart.title}")`;
  const ranges = [chart.categories, chart.values];
  for (const range of ranges) {
    if (!(range.row >= 0 && range.col >= 0 && range.lastRow >= range.row)) throw new Error(`${where}: invalid range ${JSON.stringify(range)}.`);
  }
  if (chart.categories.row !== chart.values.row || chart.categories.lastRow !== chart.values.lastRow) {
    throw new Error(`${where}: categories and values must cover the same rows.`);
  }
  const { anchor } = chart;
  if (!(anchor.row >= 0 && anchor.col >= 0 && anchor.rows > 0 && anchor.cols > 0)) throw new Error(`${where}: invalid anchor ${JSON.stringify(anchor)}.`);
}

/** The drawing part of a sheet: one two-cell anchor per chart, chart i linked as `chartRelIds[i]`. */
export function drawingXml(charts: readonly ChartSpec[], chartRelIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const { row, col, rows, cols } = chart.anchor;
    const marker = (tag: string, r: number, c: number): string =>
      `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    // cNvPr ids must be unique within the drawing; 1 is conventionally left to the drawing itself.
    return [
      '<xdr:twoCellAnchor>',
      marker('from', row, col),
      marker('to', row + rows, col + cols),
      '<xdr:graphicFrame macro="">',
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
      `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="${chartRelIds[i]}"/></a:graphicData></a:graphic>`,
      '</xdr:graphicFrame>',
      '<xdr:clientData/>',
      '</xdr:twoCellAnchor>',
    ].join('');
  });
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS_SHEET_DRAWING}" xmlns:a="${NS_MAIN}">${anchors.join('')}</xdr:wsDr>`;
}

/** The chart part (c:chartSpace) of one ChartSpec over the grid's cells. */
export function chartXml(grid: SheetGrid, chart: ChartSpec): string {
  const sheet = quoteSheetName(grid.name);
  const { categories, values } = chart;
  const catRef = `${sheet}!${cellRef(categories.row, categories.col, true)}:${cellRef(categories.lastRow, categories.col, true)}`;
  const valRef = `${sheet}!${cellRef(values.row, values.col, true)}:${cellRef(values.lastRow, values.col, true)}`;
  const count = categories.lastRow - categories.row + 1;
  const cellAt = (r: number, c: number): GridCell | null => grid.cells[r]?.[c] ?? null;

  const catPoints: string[] = [];
  const valPoints: string[] = [];
  let valFormat = 'General';
  for (let i = 0; i < count; i++) {
    const cat = cellAt(categories.row + i, categories.col)?.value ?? null;
    if (cat !== null && cat !== '') catPoints.push(`<c:pt idx="${i}"><c:v>${escapeCellText(String(cat))}</c:v></c:pt>`);
    const valCell = cellAt(values.row + i, values.col);
    if (typeof valCell?.value === 'number' && Number.isFinite(valCell.value)) {
      valPoints.push(`<c:pt idx="${i}"><c:v>${String(valCell.value)}</c:v></c:pt>`);
      if (i === 0 && valCell.numFmt !== undefined) valFormat = valCell.numFmt;
    }
  }
  const cat = `<c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f><c:strCache><c:ptCount val="${count}"/>${catPoints.join('')}</c:strCache></c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${escapeXml(valRef)}</c:f><c:numCache><c:formatCode>${escapeXml(valFormat)}</c:formatCode><c:ptCount val="${count}"/>${valPoints.join('')}</c:numCache></c:numRef></c:val>`;
  const seriesName = `<c:tx><c:v>${escapeCellText(chart.seriesName)}</c:v></c:tx>`;

  let plot: string;
  let legend = '';
  if (chart.type === 'column') {
    const labels = chart.labels === 'value' ? dataLabels({ value: true, position: 'outEnd' }) : '';
    plot = [
      '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>',
      `<c:ser><c:idx val="0"/><c:order val="0"/>${seriesName}${fill(PALETTE[0])}<c:invertIfNegative val="0"/>${labels}${cat}${val}</c:ser>`,
      '<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>',
      '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>',
      `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${line(LINE_GREY)}`,
      '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>',
      '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>',
      `<c:majorGridlines>${line(LINE_GREY)}</c:majorGridlines>`,
      '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
      '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>',
    ].join('');
  } else {
    const labels = chart.labels === 'categoryAndPercent'
      ? dataLabels({ category: true, percent: true, position: 'bestFit' })
      : chart.labels === 'value' ? dataLabels({ value: true, position: 'bestFit' }) : '';
    const slices = Array.from({ length: count }, (_, i) =>
      `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${fill(PALETTE[i % PALETTE.length], 'FFFFFF')}</c:dPt>`).join('');
    plot = [
      // varyColors gives every slice its own colour (the dPt entries pin those colours down).
      '<c:pieChart><c:varyColors val="1"/>',
      `<c:ser><c:idx val="0"/><c:order val="0"/>${seriesName}${slices}${labels}${cat}${val}</c:ser>`,
      '<c:firstSliceAng val="0"/></c:pieChart>',
    ].join('');
    // Slices labelled with their names need no legend; otherwise the legend names them.
    if (chart.labels !== 'categoryAndPercent') legend = '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>';
  }

  const font = `<a:latin typeface="${REPORT_FONT}"/><a:ea typeface="${REPORT_FONT}"/>`;
  const title = [
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>',
    `<a:r><a:rPr lang="zh-CN" sz="1400" b="1">${font}</a:rPr><a:t>${escapeCellText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>`,
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>',
  ].join('');
  return [
    XML_DECLARATION,
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    '<c:lang val="zh-CN"/><c:roundedCorners val="0"/>',
    `<c:chart>${title}<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`,
    // Default text of the chart (axes, labels, legend) in the report font, so CJK renders everywhere.
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr>${font}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`,
    '</c:chartSpace>',
  ].join('');
}

/** c:spPr with a solid fill (and an outline, for pie slices). */
function fill(rgb: string, outline?: string): string {
  const ln = outline === undefined ? '' : `<a:ln w="12700"><a:solidFill><a:srgbClr val="${outline}"/></a:solidFill></a:ln>`;
  return `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>${ln}</c:spPr>`;
}

/** c:spPr with a thin line (axes, gridlines). */
function line(rgb: string): string {
  return `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></a:ln></c:spPr>`;
}

/** c:dLbls with the six show* flags CT_DLbls requires, in schema order. */
function dataLabels(show: { value?: boolean; category?: boolean; percent?: boolean; position: 'outEnd' | 'bestFit' }): string {
  const flag = (name: string, on: boolean | undefined): string => `<c:${name} val="${on === true ? 1 : 0}"/>`;
  return [
    `<c:dLbls><c:dLblPos val="${show.position}"/>`,
    flag('showLegendKey', false), flag('showVal', show.value), flag('showCatName', show.category),
    flag('showSerName', false), flag('showPercent', show.percent), flag('showBubbleSize', false),
    show.category === true && show.percent === true ? '<c:separator>\n</c:separator>' : '',
    show.category === true ? '<c:showLeaderLines val="1"/>' : '',
    '</c:dLbls>',
  ].join('');
}

/**
 * The brief (数据分析简报) as a host-neutral document: title, intro, headings, paragraphs, tables with
 * their merges, and charts with their data. The core composes it from the workbook's sheets; a host
 * renders it (`hosts/file/brief-docx.ts` writes a .docx).
 */

/** One cell of a brief table; null where a merged block covers the position. */
export interface BriefCell {
  readonly text: string;
  /** header: bold on a light fill; total: bold; label/text: left-aligned text; number: centred. */
  readonly kind: 'header' | 'label' | 'total' | 'text' | 'number';
  readonly bold: boolean;
  readonly colSpan: number;
  readonly rowSpan: number;
}

export interface BriefTable {
  readonly rows: readonly (readonly (BriefCell | null)[])[];
  /** How many leading rows are header rows (repeated on every page). */
  readonly headerRows: number;
  /** Relative column widths (the sheet's, in Excel character units). */
  readonly colWidths: readonly number[];
}

export interface BriefChart {
  readonly type: 'column' | 'pie';
  readonly title: string;
  readonly seriesName: string;
  readonly categories: readonly string[];
  readonly values: readonly number[];
}

export type BriefBlock =
  /** 1: 一、 (黑体); 2: （一） (楷体); 3: 1、 (仿宋, bold). */
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly table: BriefTable }
  | { readonly kind: 'chart'; readonly chart: BriefChart };

export interface BriefDocument {
  /** `2021年9月数据分析简报.docx`. */
  readonly fileName: string;
  /** Title lines. */
  readonly title: readonly string[];
  readonly intro: string;
  readonly blocks: readonly BriefBlock[];
  /** 分送 line, without 分送：. */
  readonly distribution: string;
  readonly issuer: string;
  /** `2021年10月11日`. */
  readonly printDate: string;
}

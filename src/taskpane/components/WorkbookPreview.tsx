/**
 * The browser mode's read-only view of the workbook: sheet tabs, then the active sheet as an HTML
 * table of display values (merged cells as rowSpan/colSpan, rates as 98.62%), with Excel's column
 * letters and row numbers. Rows selected through the host are highlighted and scrolled into view.
 * Long sheets are shown a page of rows at a time. Reads the memory host's state; changes only the
 * active sheet (a tab click is host.activateSheet, as in Excel).
 */
import { Button, Spinner, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { MemoryHost } from '../../hosts/file/memory-host.ts';
import type { PreviewCell, SheetPreview } from '../../hosts/file/sheet-preview.ts';
import { columnLetters } from '../cell-references.ts';
import { useStrings } from '../i18n.ts';

/** Rows per page: enough to read, few enough to render at once. */
export const previewPageRows = 200;
/** Columns shown at most. */
const maxColumns = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, height: '100%', rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  tabs: { overflowX: 'auto', scrollbarWidth: 'thin', flexWrap: 'nowrap', flexShrink: 0, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: { whiteSpace: 'nowrap', flexShrink: 0 },
  pager: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', flexShrink: 0 },
  scroller: {
    position: 'relative',
    flexGrow: 1,
    minHeight: '240px',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  colHeader: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: 3 },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'right',
    padding: `2px ${tokens.spacingHorizontalS}`,
    minWidth: '3em',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    maxWidth: '22em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    verticalAlign: 'top',
  },
  // Left-aligned: a title merged over 24 columns would otherwise sit off-screen in its middle.
  merged: { maxWidth: 'none', verticalAlign: 'middle' },
  // Text running on into empty cells to its right, as Excel shows it.
  overflowing: { maxWidth: 'none' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  emphasis: { fontWeight: tokens.fontWeightSemibold },
  selectedRow: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  selectedHeader: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
});

export function WorkbookPreview({ host }: { readonly host: MemoryHost }) {
  const strings = useStrings();
  const styles = useStyles();
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const active = state.activeSheet;
  const [preview, setPreview] = useState<{ key: string; value: SheetPreview | null } | null>(null);
  const previewKey = `${state.version}:${active ?? ''}`;

  // Parsing a big sheet takes a moment: show the spinner first, then parse.
  useEffect(() => {
    if (active === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const value = host.previewSheet(active);
      if (!cancelled) setPreview({ key: previewKey, value });
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [host, active, previewKey]);

  const shown = preview !== null && preview.key === previewKey ? preview.value : null;
  const visibleSheets = state.sheets.filter((info) => !info.hidden || info.name === active);
  return (
    <div className={styles.root} data-testid="workbook-preview">
      <h2 className={styles.title}>{strings.previewTitle}</h2>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={strings.sheetTabs}
        selectedValue={active ?? undefined}
        onTabSelect={(_, data) => void host.activateSheet(String(data.value))}
      >
        {visibleSheets.map((info) => (
          <Tab key={info.name} value={info.name} className={styles.tab} data-testid="sheet-tab">{info.name}</Tab>
        ))}
      </TabList>
      {active === null ? null : shown === null && (preview === null || preview.key !== previewKey) ? (
        <Spinner size="small" label={strings.loadingSheet} />
      ) : shown === null || shown.rows.length === 0 ? (
        <Text className={styles.empty}>{strings.previewEmpty}</Text>
      ) : (
        <SheetTable key={`${active}`} preview={shown} selectedRows={state.selectedRows} selectionId={state.selectionId} />
      )}
    </div>
  );
}

interface SheetTableProps {
  readonly preview: SheetPreview;
  readonly selectedRows: readonly number[];
  readonly selectionId: number;
}

interface Anchor {
  readonly rowSpan: number;
  readonly colSpan: number;
}

function SheetTable({ preview, selectedRows, selectionId }: SheetTableProps) {
  const strings = useStrings();
  const styles = useStyles();
  const total = preview.rows.length;
  const pageOfRow = (row: number) => Math.floor((Math.min(Math.max(row, 1), total) - 1) / previewPageRows);
  const [page, setPage] = useState(() => (selectedRows.length > 0 ? pageOfRow(selectedRows[0]) : 0));
  const scroller = useRef<HTMLDivElement>(null);
  const selected = useMemo(() => new Set(selectedRows), [selectedRows]);

  // A new selection: go to its page, then scroll its first row into view.
  const [scrollRequest, setScrollRequest] = useState(0);
  useEffect(() => {
    if (selectedRows.length === 0) return;
    setPage(pageOfRow(selectedRows[0]));
    setScrollRequest((n) => n + 1);
    // Only a new selection moves the view (not a page turn by hand).
  }, [selectionId]);
  useLayoutEffect(() => {
    if (selectedRows.length === 0 || scroller.current === null) return;
    const row = scroller.current.querySelector(`tr[data-row="${selectedRows[0]}"]`);
    row?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [scrollRequest]);

  const firstRow = page * previewPageRows + 1;
  const lastRow = Math.min(total, firstRow + previewPageRows - 1);
  const colCount = Math.min(preview.colCount, maxColumns);

  // Merged blocks on this page: anchors get spans (clipped to the page), other cells are skipped.
  const { anchors, covered } = useMemo(() => {
    const anchorMap = new Map<string, Anchor>();
    const coveredSet = new Set<string>();
    for (const merge of preview.merges) {
      const top = Math.max(merge.row + 1, firstRow);
      const bottom = Math.min(merge.lastRow + 1, lastRow);
      if (top > bottom || merge.col >= colCount) continue;
      const lastCol = Math.min(merge.lastCol, colCount - 1);
      anchorMap.set(`${top}:${merge.col}`, { rowSpan: bottom - top + 1, colSpan: lastCol - merge.col + 1 });
      for (let row = top; row <= bottom; row++) {
        for (let col = merge.col; col <= lastCol; col++) if (row !== top || col !== merge.col) coveredSet.add(`${row}:${col}`);
      }
    }
    return { anchors: anchorMap, covered: coveredSet };
  }, [preview, firstRow, lastRow, colCount]);

  /** The cells of one sheet row: merged blocks as spans, text running on into empty cells to its right. */
  const rowCells = (row: number, cells: readonly (PreviewCell | null)[]) => {
    const isFree = (col: number) => (cells[col] ?? null) === null && !covered.has(`${row}:${col}`) && !anchors.has(`${row}:${col}`);
    const out: ReactElement[] = [];
    for (let col = 0; col < colCount; col++) {
      const key = `${row}:${col}`;
      if (covered.has(key)) continue;
      const anchor = anchors.get(key);
      // A block that starts above this page shows its text in its first row here.
      const merge = anchor ? mergeTopOf(row, col) : undefined;
      const cell = merge ? (preview.rows[merge.row]?.[merge.col] ?? null) : (cells[col] ?? null);
      let colSpan = anchor?.colSpan;
      if (anchor === undefined && cell !== null && !cell.numeric) {
        let next = col + 1;
        while (next < colCount && isFree(next)) next++;
        if (next - col > 1) colSpan = next - col;
      }
      const overflowing = anchor === undefined && colSpan !== undefined;
      const className = mergeClasses(styles.cell, anchor && styles.merged, overflowing && styles.overflowing, cell?.numeric && styles.number, cell?.emphasis && styles.emphasis);
      out.push(
        <td
          key={col}
          className={className}
          rowSpan={anchor?.rowSpan}
          colSpan={colSpan}
          style={overflowing ? { maxWidth: `${22 * (colSpan ?? 1)}em` } : undefined}
          data-cell={`${columnLetters(col)}${row}`}
          title={cell && cell.text.length > 20 ? cell.text : undefined}
        >
          {cell?.text ?? ''}
        </td>,
      );
      if (overflowing) col += (colSpan ?? 1) - 1;
    }
    return out;
  };

  const mergeTopOf = (row: number, col: number) => preview.merges.find((merge) => merge.col === col && merge.row + 1 <= row && row <= merge.lastRow + 1);
  const rows: number[] = [];
  for (let row = firstRow; row <= lastRow; row++) rows.push(row);
  const pages = Math.ceil(total / previewPageRows);

  return (
    <>
      {pages > 1 && (
        <div className={styles.pager}>
          <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>{strings.previousPage}</Button>
          <Button size="small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>{strings.nextPage}</Button>
          <Text size={200} aria-live="polite">{strings.pageInfo(firstRow, lastRow, total)}</Text>
        </div>
      )}
      <div className={styles.scroller} ref={scroller} tabIndex={0} role="region" aria-label={preview.name}>
        <table className={styles.table} data-testid="preview-table" data-sheet={preview.name}>
          <colgroup>
            <col />
            {Array.from({ length: colCount }, (_, col) => {
              const width = preview.colWidths[col] ?? 0;
              // Excel's width unit is the width of a digit, as CSS's ch is.
              return <col key={col} style={width > 0 ? { width: `${Math.min(width, 60)}ch` } : undefined} />;
            })}
          </colgroup>
          <thead>
            <tr>
              <th className={mergeClasses(styles.colHeader, styles.corner)} scope="col"><span className={styles.visuallyHidden}>#</span></th>
              {Array.from({ length: colCount }, (_, col) => (
                <th key={col} className={styles.colHeader} scope="col">{columnLetters(col)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const isSelected = selected.has(row);
              const cells = preview.rows[row - 1] ?? [];
              return (
                <tr key={row} data-row={row} data-selected={isSelected ? 'true' : undefined} className={isSelected ? styles.selectedRow : undefined}>
                  <th scope="row" className={mergeClasses(styles.rowHeader, isSelected && styles.selectedHeader)}>
                    {row}
                    {isSelected && <span className={styles.visuallyHidden}>{strings.selectedRow}</span>}
                  </th>
                  {rowCells(row, cells)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

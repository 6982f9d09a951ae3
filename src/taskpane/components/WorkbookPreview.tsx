/**
 * The browser mode's read-only view of the workbook: sheet tabs, then the active sheet as an HTML
 * table of display values (merged cells as rowSpan/colSpan, rates as 98.62%), with Excel's column
 * letters and row numbers. Rows selected through the host are highlighted and scrolled into view.
 *
 * Long sheets are virtualised: every row has the same height, the table renders the rows in view
 * (and a margin) between two spacer rows, and asks the host (the worker) for those rows only, a
 * block at a time, as the clerk scrolls; a 200,000-row export is never formatted or rendered whole.
 * Reads the memory host's state; changes only the active sheet (a tab click is host.activateSheet).
 */
import { Spinner, Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { MemoryHost, PreviewRows } from '../../hosts/file/memory-host.ts';
import type { PreviewCell, PreviewFrame } from '../../hosts/file/sheet-preview.ts';
import { columnLetters } from '../cell-references.ts';
import { useStrings } from '../i18n.ts';

/** Height of every row of the table, in CSS pixels (one line of text: cells never wrap). */
export const previewRowHeight = 24;
/** Sheets up to this many rows are rendered whole; longer ones a window at a time. */
const wholeSheetRows = 300;
/** Rows rendered above and below those in view. */
const overscanRows = 10;
/** Rows asked of the host at a time. */
const blockRows = 100;
/** Columns shown at most. */
const maxColumns = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, height: '100%', rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  tabs: { overflowX: 'auto', scrollbarWidth: 'thin', flexWrap: 'nowrap', flexShrink: 0, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: { whiteSpace: 'nowrap', flexShrink: 0 },
  status: { color: tokens.colorNeutralForeground2, flexShrink: 0 },
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
  row: { height: `${previewRowHeight}px` },
  spacer: { padding: 0, border: 'none' },
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
  const [frame, setFrame] = useState<{ key: string; value: PreviewFrame | null } | null>(null);
  const frameKey = `${state.version}:${active ?? ''}`;

  useEffect(() => {
    if (active === null) return;
    let cancelled = false;
    host.previewFrame(active).then(
      (value) => {
        if (!cancelled) setFrame({ key: frameKey, value });
      },
      () => {
        if (!cancelled) setFrame({ key: frameKey, value: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [host, active, frameKey]);

  const shown = frame !== null && frame.key === frameKey ? frame.value : null;
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
      {active === null ? null : frame === null || frame.key !== frameKey ? (
        <Spinner size="small" label={strings.loadingSheet} />
      ) : shown === null || shown.rowCount === 0 ? (
        <Text className={styles.empty}>{strings.previewEmpty}</Text>
      ) : (
        <SheetTable key={frameKey} host={host} frame={shown} selectedRows={state.selectedRows} selectionId={state.selectionId} />
      )}
    </div>
  );
}

interface SheetTableProps {
  readonly host: MemoryHost;
  readonly frame: PreviewFrame;
  readonly selectedRows: readonly number[];
  readonly selectionId: number;
}

interface Anchor {
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** The rows of a sheet the host has given so far, by block; a block is asked for once. */
function useRowBlocks(host: MemoryHost, frame: PreviewFrame) {
  const blocks = useRef(new Map<number, PreviewRows | 'asked'>());
  const [, setArrivals] = useState(0);
  const ensure = useCallback(
    (first: number, last: number) => {
      for (let block = Math.floor((first - 1) / blockRows); block <= Math.floor((last - 1) / blockRows); block++) {
        if (blocks.current.has(block)) continue;
        blocks.current.set(block, 'asked');
        host.previewRows(frame.name, block * blockRows + 1, blockRows).then(
          (rows) => {
            blocks.current.set(block, rows);
            setArrivals((n) => n + 1);
          },
          () => blocks.current.delete(block),
        );
      }
    },
    [host, frame],
  );
  const rowAt = (row: number): readonly (PreviewCell | null)[] | undefined => {
    const block = blocks.current.get(Math.floor((row - 1) / blockRows));
    return block === undefined || block === 'asked' ? undefined : (block[(row - 1) % blockRows] ?? []);
  };
  return { ensure, rowAt };
}

function SheetTable({ host, frame, selectedRows, selectionId }: SheetTableProps) {
  const strings = useStrings();
  const styles = useStyles();
  const total = frame.rowCount;
  const whole = total <= wholeSheetRows;
  const scroller = useRef<HTMLDivElement>(null);
  const selected = useMemo(() => new Set(selectedRows), [selectedRows]);
  const { ensure, rowAt } = useRowBlocks(host, frame);
  // The rows in view, from the scroller's position (updated once a frame while scrolling).
  const [view, setView] = useState({ top: 0, height: 600 });
  const measure = useCallback(() => {
    const element = scroller.current;
    if (element !== null) setView((old) => (old.top === element.scrollTop && old.height === element.clientHeight ? old : { top: element.scrollTop, height: element.clientHeight }));
  }, []);
  const pendingFrame = useRef(0);
  const onScroll = () => {
    if (pendingFrame.current !== 0) return;
    pendingFrame.current = requestAnimationFrame(() => {
      pendingFrame.current = 0;
      measure();
    });
  };
  useEffect(() => () => cancelAnimationFrame(pendingFrame.current), []);
  useLayoutEffect(() => {
    measure();
    const element = scroller.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);

  const inView = Math.max(1, Math.ceil(view.height / previewRowHeight));
  const firstRow = whole ? 1 : Math.max(1, Math.floor(view.top / previewRowHeight) + 1 - overscanRows);
  const lastRow = whole ? total : Math.min(total, Math.floor(view.top / previewRowHeight) + inView + overscanRows);
  useEffect(() => ensure(firstRow, lastRow), [ensure, firstRow, lastRow]);

  // A new selection: bring its first row into the window, then centre it once it is rendered.
  const pendingSelection = useRef(false);
  const [selectionTick, setSelectionTick] = useState(0);
  useEffect(() => {
    if (selectedRows.length === 0) return;
    const element = scroller.current;
    if (element !== null && !whole) {
      element.scrollTop = Math.max(0, (selectedRows[0] - 1) * previewRowHeight - element.clientHeight / 2);
      measure();
    }
    pendingSelection.current = true;
    setSelectionTick((n) => n + 1);
    // Only a new selection moves the view (not scrolling by hand).
  }, [selectionId]);
  useLayoutEffect(() => {
    if (!pendingSelection.current || selectedRows.length === 0 || scroller.current === null) return;
    const row = scroller.current.querySelector(`tr[data-row="${selectedRows[0]}"]`);
    if (row === null) return;
    pendingSelection.current = false;
    row.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selectionTick, firstRow, selectedRows]);

  const colCount = Math.min(frame.colCount, maxColumns);

  // Merged blocks in the window: anchors get spans (clipped to the window), other cells are skipped.
  const { anchors, covered } = useMemo(() => {
    const anchorMap = new Map<string, Anchor>();
    const coveredSet = new Set<string>();
    for (const merge of frame.merges) {
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
  }, [frame, firstRow, lastRow, colCount]);

  const mergeTopOf = (row: number, col: number) => frame.merges.find((merge) => merge.col === col && merge.row + 1 <= row && row <= merge.lastRow + 1);

  /** The cells of one sheet row: merged blocks as spans, text running on into empty cells to its right. */
  const rowCells = (row: number, cells: readonly (PreviewCell | null)[]) => {
    const isFree = (col: number) => (cells[col] ?? null) === null && !covered.has(`${row}:${col}`) && !anchors.has(`${row}:${col}`);
    const out: ReactElement[] = [];
    for (let col = 0; col < colCount; col++) {
      const key = `${row}:${col}`;
      if (covered.has(key)) continue;
      const anchor = anchors.get(key);
      // A block that starts above the window shows its text in its first row here.
      const merge = anchor ? mergeTopOf(row, col) : undefined;
      const cell = merge ? ((merge.row + 1 === row ? cells[col] : rowAt(merge.row + 1)?.[merge.col]) ?? null) : (cells[col] ?? null);
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

  const rows: ReactElement[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const isSelected = selected.has(row);
    const cells = rowAt(row);
    rows.push(
      <tr key={row} data-row={row} data-selected={isSelected ? 'true' : undefined} data-loading={cells === undefined ? 'true' : undefined} className={mergeClasses(styles.row, isSelected && styles.selectedRow)}>
        <th scope="row" className={mergeClasses(styles.rowHeader, isSelected && styles.selectedHeader)}>
          {row}
          {isSelected && <span className={styles.visuallyHidden}>{strings.selectedRow}</span>}
        </th>
        {rowCells(row, cells ?? [])}
      </tr>,
    );
  }
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} aria-hidden="true" style={{ height: `${height}px` }}>
        <td className={styles.spacer} colSpan={colCount + 1} />
      </tr>
    ) : null;

  return (
    <>
      {!whole && (
        <Text size={200} className={styles.status} data-testid="preview-rows">
          {strings.pageInfo(Math.min(total, Math.floor(view.top / previewRowHeight) + 1), Math.min(total, Math.floor(view.top / previewRowHeight) + inView), total)}
        </Text>
      )}
      <div className={styles.scroller} ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label={frame.name}>
        <table className={styles.table} data-testid="preview-table" data-sheet={frame.name} data-rows={total}>
          <colgroup>
            <col />
            {Array.from({ length: colCount }, (_, col) => {
              const width = frame.colWidths[col] ?? 0;
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
            {spacer((firstRow - 1) * previewRowHeight, 'above')}
            {rows}
            {spacer((total - lastRow) * previewRowHeight, 'below')}
          </tbody>
        </table>
      </div>
    </>
  );
}

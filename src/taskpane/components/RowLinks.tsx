/**
 * Row references of a warning as links: consecutive rows collapse into one range (第 4–4097 行), and a
 * click selects those rows in their sheet through the host. Long lists show the first ranges and a
 * button for the rest.
 */
import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { rowRanges } from '../cell-references.ts';
import { useStrings } from '../i18n.ts';

/** Ranges shown before "还有 n 处". */
const initialRanges = 8;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  more: { minWidth: 0, height: 'auto', paddingLeft: 0, paddingRight: 0 },
});

export interface RowLinksProps {
  readonly sheet: string;
  readonly rows: readonly number[];
  readonly onSelect: (sheet: string, rows: readonly number[]) => void;
}

export function RowLinks({ sheet, rows, onSelect }: RowLinksProps) {
  const strings = useStrings();
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  const ranges = rowRanges(rows);
  const shown = expanded ? ranges : ranges.slice(0, initialRanges);
  return (
    <ul className={styles.list} aria-label={strings.rowLinksLabel(sheet)}>
      {shown.map(([first, last]) => (
        <li key={first}>
          <Link
            data-testid="row-link"
            data-sheet={sheet}
            data-rows={`${first}-${last}`}
            onClick={() => onSelect(sheet, Array.from({ length: last - first + 1 }, (_, index) => first + index))}
          >
            {strings.rowRange(first, last)}
          </Link>
        </li>
      ))}
      {!expanded && ranges.length > shown.length && (
        <li>
          <Button size="small" appearance="transparent" className={styles.more} onClick={() => setExpanded(true)}>
            {strings.moreRowRanges(ranges.length - shown.length)}
          </Button>
        </li>
      )}
    </ul>
  );
}

/**
 * The build's warnings grouped by kind (titles from the core's warningKindLabels), each with what
 * happened, what to do, and links to its rows (or to its sheet when it names no rows).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, CounterBadge, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BuildWarning, WarningKind } from '../../core/index.ts';
import { useStrings } from '../i18n.ts';
import { RowLinks } from './RowLinks.tsx';

const useStyles = makeStyles({
  headerText: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  action: { color: tokens.colorNeutralForeground2 },
  panel: { marginLeft: tokens.spacingHorizontalM, marginRight: 0, paddingBottom: tokens.spacingVerticalS },
});

export interface WarningListProps {
  readonly warnings: readonly BuildWarning[];
  /** Sheets that exist now: sheet-level warnings link to these. */
  readonly sheetsToLink: ReadonlySet<string>;
  readonly onSelectRows: (sheet: string, rows: readonly number[]) => void;
  readonly onShowSheet: (sheet: string) => void;
}

export function WarningList({ warnings, sheetsToLink, onSelectRows, onShowSheet }: WarningListProps) {
  const strings = useStrings();
  const styles = useStyles();
  const groups = new Map<WarningKind, BuildWarning[]>();
  for (const warning of warnings) {
    const list = groups.get(warning.kind);
    if (list) list.push(warning);
    else groups.set(warning.kind, [warning]);
  }
  if (groups.size === 0) return <Text>{strings.noWarnings}</Text>;
  const kinds = [...groups.keys()];
  return (
    <Accordion multiple collapsible defaultOpenItems={kinds}>
      {kinds.map((kind) => {
        const list = groups.get(kind) ?? [];
        return (
          <AccordionItem key={kind} value={kind} data-testid="warning-group" data-kind={kind}>
            <AccordionHeader size="small">
              <span className={styles.headerText}>
                {strings.warningKinds[kind]}
                <CounterBadge count={list.length} size="small" appearance="ghost" color="informative" />
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <ul className={styles.list}>
                {list.map((warning, index) => (
                  <li key={index} className={styles.item}>
                    <Text size={200}>{warning.message}</Text>
                    <Text size={200} className={styles.action}>{strings.whatToDo}{warning.action}</Text>
                    {warning.rows.length > 0 ? (
                      <RowLinks sheet={warning.sheet} rows={warning.rows} onSelect={onSelectRows} />
                    ) : (
                      warning.sheet !== '' && sheetsToLink.has(warning.sheet) && (
                        <Link onClick={() => onShowSheet(warning.sheet)}>{warning.sheet}</Link>
                      )
                    )}
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}

/**
 * Step 5, 设置: opens the 月报设置 sheet (created with the defaults when the workbook has none); says
 * what the inspection found in it (names taken as catalogue names, names not understood, sections or
 * columns it does not know); and lists, searchable, every indicator, comparison form, dimension and
 * option the clerk can write there (from the core's catalogue: the pane adds nothing of its own).
 */
import { Badge, Button, Label, SearchBox, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { catalogueList, defaultSettings, type CatalogueEntry } from '../../core/index.ts';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';
import { StepSection } from './StepSection.tsx';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground2 },
  button: { alignSelf: 'flex-start' },
  subtitle: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  notes: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  note: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  action: { color: tokens.colorNeutralForeground2 },
  search: { minWidth: 0, width: '100%' },
  entries: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    maxHeight: '280px',
    overflowY: 'auto',
  },
  entry: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  entryName: { fontWeight: tokens.fontWeightSemibold },
  entryText: { color: tokens.colorNeutralForeground2, flexBasis: '100%' },
});

/** Entries whose name or description contains every word of the query (spaces separate words); names that match first. */
function matching(entries: readonly CatalogueEntry[], query: string, groupLabel: (entry: CatalogueEntry) => string): CatalogueEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const found = entries.filter((entry) => {
    const text = `${entry.name} ${entry.description} ${groupLabel(entry)}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const byName = (entry: CatalogueEntry) => (words.every((word) => entry.name.toLowerCase().includes(word)) ? 0 : 1);
  return found.map((entry, index) => ({ entry, index })).sort((left, right) => byName(left.entry) - byName(right.entry) || left.index - right.index).map(({ entry }) => entry);
}

export function SettingsStep({ flow }: { readonly flow: ReportFlow }) {
  const strings = useStrings();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const searchId = useId('catalogue-search');
  const settings = flow.inspection?.settings ?? defaultSettings;
  const entries = useMemo(() => catalogueList(settings), [settings]);
  const groupLabel = (entry: CatalogueEntry) => strings.catalogueGroups[entry.group];
  const shown = matching(entries, query, groupLabel);
  const notes = flow.inspection?.settingsWarnings ?? [];
  return (
    <StepSection title={strings.settingsTitle}>
      <Text size={200} className={styles.hint}>{strings.settingsHint}</Text>
      <Button className={styles.button} onClick={() => void flow.openSettings()} disabled={flow.phase !== null}>
        {strings.openSettings}
      </Button>

      {flow.inspection !== null && (
        <>
          <Text className={styles.subtitle}>{strings.settingsNotesTitle}</Text>
          {notes.length === 0 ? (
            <Text size={200} data-testid="settings-notes-none">{strings.settingsNotesNone}</Text>
          ) : (
            <ul className={styles.notes} data-testid="settings-notes">
              {notes.map((note, index) => (
                <li key={index} className={styles.note} data-testid="settings-note">
                  <Text size={200}>{note.message}</Text>
                  <Text size={200} className={styles.action}>{strings.whatToDo}{note.action}</Text>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <Label className={styles.subtitle} htmlFor={searchId}>{strings.catalogueTitle}</Label>
      <SearchBox
        id={searchId}
        className={styles.search}
        size="small"
        placeholder={strings.cataloguePlaceholder}
        value={query}
        onChange={(_, data) => setQuery(data.value)}
        data-testid="catalogue-search"
      />
      <Text size={200} className={styles.hint} aria-live="polite" data-testid="catalogue-count">{strings.catalogueCount(shown.length, entries.length)}</Text>
      <ul className={styles.entries} data-testid="catalogue">
        {shown.map((entry) => (
          <li key={`${entry.group}:${entry.name}`} className={styles.entry} data-testid="catalogue-entry" data-name={entry.name} data-group={entry.group}>
            <span className={styles.entryName}>{entry.name}</span>
            <Badge size="small" appearance="tint" color={entry.group === 'cases' || entry.group === 'hotline' ? 'brand' : 'informative'} shape="rounded">
              {groupLabel(entry)}
            </Badge>
            <Text size={200} className={styles.entryText}>{entry.description}</Text>
          </li>
        ))}
      </ul>
    </StepSection>
  );
}

/**
 * Step 1, 数据: the export sheets found, each with its kind, data rows and recognised columns; for a
 * required column the core could not find, a dropdown of that sheet's headers to say which one it is
 * (saved in the settings sheet through the workflow).
 */
import { Badge, Button, Dropdown, Field, Link, Option, Spinner, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import { fieldsOfKind, type SheetSummary } from '../../core/index.ts';
import { columnLetters } from '../cell-references.ts';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';
import { LastReportPicker } from './LastReportPicker.tsx';
import { StepSection } from './StepSection.tsx';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  nameRow: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  columns: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  toggle: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0 },
  // Fluent's Dropdown is 250 px wide by default: too wide for a 320 px pane.
  dropdown: { minWidth: 0, width: '100%' },
  missing: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export interface DataStepProps {
  readonly flow: ReportFlow;
}

export function DataStep({ flow }: DataStepProps) {
  const strings = useStrings();
  const styles = useStyles();
  const sheets = flow.inspection?.sheets ?? [];
  return (
    <StepSection
      title={strings.dataTitle}
      actions={
        <Button size="small" appearance="subtle" onClick={() => void flow.refresh()} disabled={flow.inspecting || flow.phase !== null}>
          {strings.refresh}
        </Button>
      }
    >
      {flow.inspecting && flow.inspection === null ? (
        <Spinner size="tiny" labelPosition="after" label={strings.inspecting} />
      ) : sheets.length === 0 ? (
        flow.inspection !== null &&
        (flow.inspection.historyMonths.length > 0 ? (
          <Text data-testid="history-only">{strings.historyOnly(flow.inspection.historyMonths[0], flow.inspection.historyMonths[flow.inspection.historyMonths.length - 1])}</Text>
        ) : (
          <Text>{strings.noSheets}</Text>
        ))
      ) : (
        <ul className={styles.list} aria-busy={flow.inspecting}>
          {sheets.map((sheet) => (
            <SheetItem key={sheet.sheet} sheet={sheet} flow={flow} />
          ))}
        </ul>
      )}
      <LastReportPicker flow={flow} />
    </StepSection>
  );
}

function SheetItem({ sheet, flow }: { readonly sheet: SheetSummary; readonly flow: ReportFlow }) {
  const strings = useStrings();
  const styles = useStyles();
  const [showColumns, setShowColumns] = useState(false);
  const labels = new Map((sheet.kind ? fieldsOfKind(sheet.kind) : []).map((spec) => [spec.field, spec.label]));
  // Every column can be chosen: by its header, or by its letter where the header is empty or repeats.
  const seenHeaders = new Set<string>();
  const columnChoices = sheet.headers.map((raw, col) => {
    const header = raw.trim();
    const byLetter = header === '' || seenHeaders.has(header);
    seenHeaders.add(header);
    const letter = columnLetters(col);
    return byLetter ? { value: letter, text: strings.columnByLetter(letter, header) } : { value: header, text: header };
  });
  const listId = useId('columns');
  return (
    <li className={styles.sheet} data-testid="sheet-summary" data-sheet={sheet.sheet}>
      <div className={styles.nameRow}>
        <Link className={styles.name} onClick={() => void flow.showSheet(sheet.sheet)}>{sheet.sheet}</Link>
        <Badge appearance="tint" color={sheet.kind === 'cases' ? 'brand' : sheet.kind === null ? 'informative' : 'subtle'} shape="rounded">
          {sheet.kind ? strings.sheetKinds[sheet.kind] : strings.unknownKind}
        </Badge>
      </div>
      {sheet.kind !== null && (
        <Text size={200} className={styles.meta}>
          {strings.dataRows(sheet.dataRows)}{strings.listSeparator}{strings.headerRow(sheet.headerRow)}{strings.listSeparator}{strings.matchedColumns(sheet.matches.length)}
        </Text>
      )}
      {sheet.matches.length > 0 && (
        <>
          <Button size="small" appearance="transparent" className={styles.toggle} aria-expanded={showColumns} aria-controls={listId} onClick={() => setShowColumns(!showColumns)}>
            {showColumns ? strings.hideColumns : strings.showColumns}
          </Button>
          {showColumns && (
            <ul id={listId} className={styles.columns}>
              {sheet.matches.map((match) => (
                <li key={match.field}>{strings.columnMatch(match.header, labels.get(match.field) ?? match.field, match.how === 'manual')}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {sheet.missingRequired.length > 0 && (
        <div className={styles.missing}>
          <Text size={200}>{strings.missingColumnHint}</Text>
          {sheet.missingRequired.map((spec) => (
            <Field key={spec.field} label={strings.missingColumn(spec.label)} hint={flow.savingMapping === spec.field ? strings.savingMapping : undefined}>
              <Dropdown
                className={styles.dropdown}
                placeholder={strings.chooseColumn}
                disabled={flow.savingMapping !== null || flow.phase !== null}
                onOptionSelect={(_, data) => {
                  if (data.optionValue) void flow.mapColumn(sheet, spec.field, data.optionValue);
                }}
              >
                {columnChoices.map((choice) => (
                  <Option key={choice.value} value={choice.value}>{choice.text}</Option>
                ))}
              </Dropdown>
            </Field>
          ))}
        </div>
      )}
    </li>
  );
}

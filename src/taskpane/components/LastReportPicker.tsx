/**
 * Last month's report (上月月报, optional): a file input, in Excel as in the browser mode, for the
 * report workbook built last month; its 月报设置 and 历史指标 carry over into this month's build (each
 * month's export usually arrives as a new file). The workflow reads the file; this only picks it.
 */
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type ChangeEvent } from 'react';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  name: { overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
});

export function LastReportPicker({ flow }: { readonly flow: ReportFlow }) {
  const strings = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again must fire again
    if (file === undefined) return;
    void (async () => flow.pickLastReport({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))();
  };
  const chosen = flow.lastReport;
  return (
    <div className={styles.box} data-testid="last-report">
      <Text className={styles.title}>{strings.lastReportTitle}</Text>
      <Text size={200} className={styles.hint}>{strings.lastReportHint}</Text>
      <div className={styles.row}>
        <Button size="small" onClick={() => input.current?.click()} disabled={flow.phase !== null || flow.readingLastReport}>
          {strings.chooseLastReport}
        </Button>
        {flow.readingLastReport && <Spinner size="tiny" labelPosition="after" label={strings.readingLastReport} />}
        {chosen !== null && (
          <>
            <Text size={200} className={styles.name} data-testid="last-report-name">{strings.lastReportChosen(chosen.name)}</Text>
            <Button size="small" appearance="subtle" onClick={flow.clearLastReport} disabled={flow.phase !== null}>
              {strings.clearLastReport}
            </Button>
          </>
        )}
      </div>
      {chosen !== null && (
        <Text size={200} className={styles.hint} data-testid="last-report-uses">
          {strings.lastReportUses(chosen.carryOver.settings !== undefined && !(flow.inspection?.settingsFound ?? false), chosen.carryOver.history !== undefined)}
        </Text>
      )}
      <input ref={input} className={styles.hidden} type="file" accept=".xlsx" onChange={onFile} tabIndex={-1} aria-hidden="true" data-testid="last-report-input" />
    </div>
  );
}

/**
 * Step 2, 统计期: the period (a month, ISO week, quarter, half or year; default: the most recent
 * complete month in the data) and the as-of time (default: the settings' override, else the latest
 * event time), both editable.
 */
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';
import { StepSection } from './StepSection.tsx';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  input: { width: '100%', minWidth: 0 },
});

export function PeriodStep({ flow }: { readonly flow: ReportFlow }) {
  const strings = useStrings();
  const styles = useStyles();
  const inspection = flow.inspection;
  const asOfHint = inspection?.asOfOverride ? strings.asOfFromSettings : inspection?.latestEvent ? strings.asOfFromData : strings.asOfNone;
  const busy = flow.phase !== null;
  return (
    <StepSection title={strings.periodTitle}>
      <div className={styles.fields}>
        <Field label={strings.periodLabel} hint={strings.periodHint}>
          <Input className={styles.input} value={flow.period} placeholder="2021-09 / 2021-W37 / 2021-Q3 / 2021" disabled={busy} onChange={(_, data) => flow.setPeriod(data.value)} data-testid="period-input" />
        </Field>
        <Field label={strings.asOfLabel} hint={asOfHint}>
          <Input className={styles.input} value={flow.asOf} placeholder="2021-10-08 17:30" disabled={busy} onChange={(_, data) => flow.setAsOf(data.value)} data-testid="as-of-input" />
        </Field>
      </div>
    </StepSection>
  );
}

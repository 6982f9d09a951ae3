/**
 * Step 5, 设置: opens the 月报设置 sheet (created with the defaults when the workbook has none).
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';
import { StepSection } from './StepSection.tsx';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground2 },
  button: { alignSelf: 'flex-start' },
});

export function SettingsStep({ flow }: { readonly flow: ReportFlow }) {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <StepSection title={strings.settingsTitle}>
      <Text size={200} className={styles.hint}>{strings.settingsHint}</Text>
      <Button className={styles.button} onClick={() => void flow.openSettings()} disabled={flow.phase !== null}>
        {strings.openSettings}
      </Button>
    </StepSection>
  );
}

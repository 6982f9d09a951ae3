/**
 * Step 3, 生成: the button, and a progress bar through the phases 读取 / 统计 / 写入 (statistics run in
 * the worker, so the pane keeps answering meanwhile).
 */
import { Button, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';
import { StepSection } from './StepSection.tsx';

const useStyles = makeStyles({
  button: { alignSelf: 'stretch' },
  status: { color: tokens.colorNeutralForeground2 },
});

export function BuildStep({ flow }: { readonly flow: ReportFlow }) {
  const strings = useStrings();
  const styles = useStyles();
  const busy = flow.phase !== null;
  return (
    <StepSection title={strings.buildTitle}>
      <Button appearance="primary" className={styles.button} disabled={busy || flow.inspecting} onClick={() => void flow.build()} data-testid="build-button">
        {strings.build}
      </Button>
      {busy && (
        <Field validationMessage={strings.progress(strings.phases[flow.phase ?? 'read'])} validationState="none">
          <ProgressBar value={flow.progress} max={1} thickness="large" aria-label={strings.progress(strings.phases[flow.phase ?? 'read'])} />
        </Field>
      )}
      <div aria-live="polite">
        {!busy && flow.notice !== null && <Text className={styles.status}>{flow.notice}</Text>}
        {!busy && flow.result !== null && <Text className={styles.status} data-testid="build-done">{strings.buildDone(flow.result.periodLabel)}</Text>}
      </div>
    </StepSection>
  );
}

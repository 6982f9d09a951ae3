/**
 * Step 5, 简报: 下载简报 (the Word brief of the period from the workbook as it is now) and 定稿 (the
 * period's figures as they stand now recorded into 历史指标). Inside Excel the download may not
 * arrive (the webview cannot always save a file): the message then says how else to get the brief.
 */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../i18n.ts';
import type { ReportFlow } from '../use-monthly-report.ts';
import { StepSection } from './StepSection.tsx';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export function BriefStep({ flow }: { readonly flow: ReportFlow }) {
  const strings = useStrings();
  const styles = useStyles();
  const busy = flow.briefBusy !== null || flow.phase !== null;
  const period = flow.result?.periodLabel ?? flow.period;
  const notice = flow.briefNotice;
  const lines =
    notice === null
      ? []
      : notice.kind === 'finalised'
        ? [...notice.summary, ...notice.warnings]
        : [notice.kind === 'saved' ? strings.briefSaved(notice.fileName, notice.editedFigures) : strings.briefAttempted(notice.fileName, notice.editedFigures), ...notice.warnings];
  return (
    <StepSection title={strings.briefTitle}>
      <Text size={200} className={styles.hint}>{strings.briefHint(period)}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || period.trim() === ''} onClick={() => void flow.downloadBrief()} data-testid="brief-button">
          {flow.briefBusy === 'brief' ? strings.briefWorking : strings.downloadBrief}
        </Button>
        <Button disabled={busy || period.trim() === ''} onClick={() => void flow.finalise()} data-testid="finalise-button">
          {flow.briefBusy === 'finalise' ? strings.finaliseWorking : strings.finalise}
        </Button>
      </div>
      <Text size={200} className={styles.hint}>{strings.finaliseHint}</Text>
      <div aria-live="polite">
        {notice !== null && (
          <MessageBar intent={notice.kind === 'attempted' ? 'warning' : 'success'} layout="multiline" data-testid="brief-notice" data-kind={notice.kind}>
            <MessageBarBody className={styles.body}>{lines.join('\n')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </StepSection>
  );
}

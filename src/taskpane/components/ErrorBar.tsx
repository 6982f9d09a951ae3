/**
 * An error the clerk must read: a Fluent MessageBar with a title saying what failed and the message
 * as the core or the host wrote it (an InputError names the sheet, the column and the headers seen;
 * its line breaks are kept).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { useStrings } from '../i18n.ts';
import type { FlowError } from '../use-monthly-report.ts';

const useStyles = makeStyles({
  bar: { alignItems: 'flex-start' },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface ErrorBarProps {
  readonly error: FlowError;
  readonly onDismiss?: () => void;
}

export function ErrorBar({ error, onDismiss }: ErrorBarProps) {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" className={styles.bar} data-testid="error-bar">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{strings.errorTitles[error.context]}</MessageBarTitle>
        {'\n'}
        {error.message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>{strings.dismiss}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/**
 * The task pane: six steps over one workbook host (数据, 统计期, 生成, 结果, 简报, 设置). The same component
 * runs inside Excel (Office host) and in the browser mode (memory host); it gets the host and the
 * build worker's client as props and never touches Office itself.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookHost } from '../hosts/workbook-host.ts';
import type { BuildClient } from './build-client.ts';
import { BriefStep } from './components/BriefStep.tsx';
import { BuildStep } from './components/BuildStep.tsx';
import { DataStep } from './components/DataStep.tsx';
import { ErrorBar } from './components/ErrorBar.tsx';
import { FirstBuildStep } from './components/FirstBuildStep.tsx';
import { OverwriteDialog } from './components/OverwriteDialog.tsx';
import { PeriodStep } from './components/PeriodStep.tsx';
import { ResultStep } from './components/ResultStep.tsx';
import { SettingsStep } from './components/SettingsStep.tsx';
import { useStrings, type ErrorContext } from './i18n.ts';
import { useMonthlyReport } from './use-monthly-report.ts';
import type { FileSaver } from './save-file.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    boxSizing: 'border-box',
  },
});

/** Errors of the build are shown under its button, where the clerk is looking; others at the top. */
const nearBuild: ReadonlySet<ErrorContext> = new Set(['build', 'write', 'worker']);

export interface AppProps {
  readonly host: WorkbookHost;
  readonly client: BuildClient;
  /** How the pane saves the Word brief: a download in the browser mode, an attempt inside Excel. */
  readonly saveFile: FileSaver;
}

export function App({ host, client, saveFile }: AppProps) {
  const strings = useStrings();
  const styles = useStyles();
  const flow = useMonthlyReport(host, client, { saveFile });
  return (
    <div className={styles.root} data-testid="task-pane">
      {flow.error !== null && !nearBuild.has(flow.error.context) && <ErrorBar error={flow.error} onDismiss={flow.dismissError} />}
      <DataStep flow={flow} />
      <FirstBuildStep flow={flow} />
      <PeriodStep flow={flow} />
      <BuildStep flow={flow} />
      {flow.error !== null && nearBuild.has(flow.error.context) && <ErrorBar error={flow.error} onDismiss={flow.dismissError} />}
      {flow.result !== null && <ResultStep flow={flow} result={flow.result} />}
      <BriefStep flow={flow} />
      <SettingsStep flow={flow} />
      <OverwriteDialog
        sheets={flow.pendingOverwrite?.editedSheets ?? []}
        onOverwrite={() => void flow.confirmOverwrite()}
        onCancel={() => flow.cancelOverwrite(strings.overwriteCancelled)}
      />
    </div>
  );
}

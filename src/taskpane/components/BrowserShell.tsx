/**
 * The browser mode: the same pane (App) over an in-memory workbook, with a file bar (打开文件…,
 * 下载结果) and a read-only preview of the workbook beside it (below it on narrow screens). Starts
 * with the bundled sample; any .xlsx / .xls / .csv can be opened instead. The file goes to the build
 * worker, which parses it and holds it (this thread never parses a sheet, so the page stays live on
 * 200,000 rows); the memory host here asks the worker for writes, the download and preview rows.
 */
import { Badge, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { MemoryHost } from '../../hosts/file/memory-host.ts';
import { App } from '../App.tsx';
import type { BuildClient } from '../build-client.ts';
import { downloadName } from '../download-name.ts';
import { browserSaver, downloadBytes } from '../save-file.ts';
import type { HostDecision } from '../host-detection.ts';
import { useStrings, type ErrorContext } from '../i18n.ts';
import { WorkbookPreview } from './WorkbookPreview.tsx';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  shell: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    // The pane and the preview scroll inside; the page itself never does (wide layout).
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 719px)': { height: 'auto', minHeight: '100vh', overflow: 'visible' },
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  file: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', flexGrow: 1, minWidth: '8em' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
  note: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground2, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(320px, 400px) minmax(0, 1fr)',
    flexGrow: 1,
    minHeight: 0,
    '@media (max-width: 719px)': { gridTemplateColumns: 'minmax(0, 1fr)', flexGrow: 0 },
  },
  pane: {
    // Positioned, so that absolutely placed (visually hidden) text stays inside its scrolling box.
    position: 'relative',
    overflowY: 'auto',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 719px)': { overflowY: 'visible', borderRight: 'none', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  preview: {
    minWidth: 0,
    minHeight: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    '@media (max-width: 719px)': { height: '80vh', padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  message: { margin: tokens.spacingHorizontalM },
  messageBody: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  waiting: { padding: tokens.spacingHorizontalL },
  hidden: { display: 'none' },
});

export interface BrowserShellProps {
  readonly client: BuildClient;
  readonly decision: HostDecision;
  /** The sample workbook to start with (relative to the page). */
  readonly sampleUrl: string;
}

type Opened = { readonly host: MemoryHost; readonly id: number };

export function BrowserShell({ client, decision, sampleUrl }: BrowserShellProps) {
  const strings = useStrings();
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ context: ErrorContext; message: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);

  /** The worker's number of the workbook shown, so that opening another lets the worker drop it. */
  const shownWorkbook = useRef<number | null>(null);

  const open = useCallback(
    async (read: () => Promise<{ bytes: Uint8Array; name: string }>, context: ErrorContext) => {
      setLoading(true);
      setError(null);
      try {
        const [{ bytes, name }, { createMemoryHost }] = await Promise.all([read(), import('../../hosts/file/memory-host.ts')]);
        // The worker takes the bytes over and parses them: this thread never holds the sheets.
        const { workbook, sheets } = await client.open(bytes, name);
        if (shownWorkbook.current !== null) void client.close(shownWorkbook.current).catch(() => undefined);
        shownWorkbook.current = workbook;
        setOpened({ host: createMemoryHost(client.workbook(workbook), { fileName: name, sheets, workerWorkbook: workbook }), id: nextId.current++ });
      } catch (cause) {
        setError({ context, message: cause instanceof Error ? cause.message : String(cause) });
      } finally {
        setLoading(false);
      }
    },
    [client],
  );

  useEffect(() => {
    void open(async () => {
      const response = await fetch(sampleUrl);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText} ${sampleUrl}`);
      return { bytes: new Uint8Array(await response.arrayBuffer()), name: sampleUrl.replace(/^.*\//, '') };
    }, 'sample');
  }, [open, sampleUrl]);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again must fire again
    if (file === undefined) return;
    void open(async () => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }), 'open');
  };

  const download = async () => {
    if (opened === null) return;
    try {
      downloadBytes(await opened.host.currentBytes(), downloadName(opened.host.fileName), xlsxType);
    } catch (cause) {
      setError({ context: 'write', message: cause instanceof Error ? cause.message : String(cause) });
    }
  };

  return (
    <div className={styles.shell} data-testid="browser-shell">
      <header className={styles.bar}>
        <h1 className={styles.title}>{strings.appTitle}</h1>
        <Badge appearance="tint" color="informative" shape="rounded" title={strings.hostReason[decision.reason]}>{strings.browserModeTag}</Badge>
        <Text className={styles.file} size={200} data-testid="file-name">{opened ? strings.currentFile(opened.host.fileName) : ''}</Text>
        <div className={styles.actions}>
          <Button onClick={() => input.current?.click()} disabled={loading}>{strings.openFile}</Button>
          <Button appearance="primary" onClick={() => void download()} disabled={opened === null || loading} data-testid="download-button">{strings.download}</Button>
        </div>
        <input ref={input} className={styles.hidden} type="file" accept=".xlsx,.xls,.csv" onChange={onFile} tabIndex={-1} aria-hidden="true" data-testid="file-input" />
      </header>
      <Caption1 className={styles.note} block>
        {strings.browserModeNote}
        <br />
        <span data-testid="host-reason" data-reason={decision.reason}>{strings.hostReason[decision.reason]}</span>
      </Caption1>
      {error !== null && (
        <MessageBar intent="error" layout="multiline" className={styles.message} data-testid="open-error">
          <MessageBarBody className={styles.messageBody}>
            <MessageBarTitle>{strings.errorTitles[error.context]}</MessageBarTitle>
            {'\n'}
            {error.context === 'sample' ? `${error.message}\n${strings.noWorkbook}` : error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {loading && opened === null ? (
        <Spinner className={styles.waiting} label={strings.loadingWorkbook} />
      ) : opened === null ? (
        error === null && <Text className={styles.waiting}>{strings.noWorkbook}</Text>
      ) : (
        <div className={styles.body}>
          <aside className={styles.pane} aria-label={strings.appTitle}>
            {loading ? <Spinner className={styles.waiting} label={strings.loadingWorkbook} /> : <App key={opened.id} host={opened.host} client={client} saveFile={browserSaver} />}
          </aside>
          <main className={styles.preview}>
            <WorkbookPreview key={opened.id} host={opened.host} />
          </main>
        </div>
      )}
    </div>
  );
}

/**
 * The task pane's entry: decides where it runs, then renders the pane inside FluentProvider.
 *
 * - Inside Excel (Office.onReady reports host Excel): the Office host over `Excel.run`, with
 *   requirement sets feature-detected through Office.context.requirements.
 * - Anywhere else (office.js missing or failing, no host, another Office host, or no answer within
 *   a few seconds): the browser mode, the same pane over an in-memory workbook with a preview.
 * The reason is recorded on <html data-host-reason> and in the browser mode's header, for support.
 * The language is Office's display language, else the browser's (zh-CN unless English).
 * The hosts are loaded with import(), so each mode downloads only its own host code.
 */
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { ErrorBar } from './components/ErrorBar.tsx';
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { WorkbookHost } from '../hosts/workbook-host.ts';
import { App } from './App.tsx';
import { createBuildClient, type BuildClient, type WorkerLike } from './build-client.ts';
import { BrowserShell } from './components/BrowserShell.tsx';
import { detectHost, type HostDecision } from './host-detection.ts';
import { chooseLanguage, dictionaries, StringsContext, type Language } from './i18n.ts';
import { excelSaver } from './save-file.ts';

/** The sample the browser mode opens first (CopyWebpackPlugin puts it next to taskpane.html). */
const sampleUrl = 'samples/sample-2021.xlsx';

/** Starts the build worker; webpack 5 bundles `new Worker(new URL(…, import.meta.url))` as its own chunk. */
function createBuildWorker(): WorkerLike {
  return new Worker(new URL('./worker/build.worker.ts', import.meta.url)) as unknown as WorkerLike;
}

function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}

async function createExcelHost(): Promise<WorkbookHost> {
  const { createOfficeHost } = await import('../hosts/office/office-host.ts');
  return createOfficeHost((batch) => Excel.run(batch), {
    apiSupport: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
}

function render(root: Root, language: Language, content: ReactNode) {
  root.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} lang={language} style={{ minHeight: '100vh' }}>
        <StringsContext.Provider value={dictionaries[language]}>{content}</StringsContext.Provider>
      </FluentProvider>
    </StrictMode>,
  );
}

async function start(container: HTMLElement) {
  const root = createRoot(container);
  const early = chooseLanguage([...(navigator.languages ?? []), navigator.language]);
  // Office.onReady may take seconds to answer outside Office: never show a blank pane meanwhile.
  render(root, early, <Spinner style={{ padding: 24 }} label={dictionaries[early].starting} />);

  const decision: HostDecision = await detectHost(window);
  document.documentElement.dataset.hostMode = decision.mode;
  document.documentElement.dataset.hostReason = decision.reason;
  console.info(`[case-brief] ${decision.mode} mode: ${decision.reason}${decision.detail ? ` (${decision.detail})` : ''}`);

  const language = chooseLanguage([decision.mode === 'excel' ? officeDisplayLanguage() : undefined, ...(navigator.languages ?? []), navigator.language]);
  document.documentElement.lang = language;
  document.title = dictionaries[language].appTitle;
  try {
    const client: BuildClient = createBuildClient(createBuildWorker());
    if (decision.mode === 'excel') {
      render(root, language, <App host={await createExcelHost()} client={client} saveFile={excelSaver} />);
    } else {
      render(root, language, <BrowserShell client={client} decision={decision} sampleUrl={sampleUrl} />);
    }
  } catch (cause) {
    // E.g. a chunk that failed to download: say so in the pane (the page's fallback only covers a blank pane).
    render(root, language, <ErrorBar error={{ context: 'start', message: cause instanceof Error ? cause.message : String(cause) }} />);
  }
}

const container = document.getElementById('root');
if (container !== null) void start(container);

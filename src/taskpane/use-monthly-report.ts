/**
 * The pane's workflow as a React hook: read the workbook through the host, inspect and build in the
 * worker, ask before overwriting hand edits, write through the host, remember hand-mapped columns in
 * the settings sheet, open sheets and select rows. No statistics here (the core does them) and no
 * Office calls (the host does them): components get everything from this hook.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  defaultSettings,
  settingsSheetName,
  settingsToGrid,
  type CarryOver,
  type ColumnMapping,
  type SheetSummary,
  type WorkbookInspection,
} from '../core/index.ts';
import type { WorkbookHost } from '../hosts/workbook-host.ts';
import { sheetsForWorker, type BuildClient } from './build-client.ts';
import { chinaWallClockText } from './china-time.ts';
import type { BuildPhase, ErrorContext } from './i18n.ts';
import type { BuildReply } from './worker/compute.ts';
import { docxType, type FileSaver } from './save-file.ts';

/** What the 简报 step last did, for its message. */
export type BriefNotice =
  | { readonly kind: 'saved' | 'attempted'; readonly fileName: string; readonly editedFigures: number; readonly warnings: readonly string[] }
  | { readonly kind: 'finalised'; readonly summary: readonly string[]; readonly warnings: readonly string[] };

export interface FlowError {
  readonly context: ErrorContext;
  readonly message: string;
}

export interface ReportFlow {
  readonly inspection: WorkbookInspection | null;
  readonly inspecting: boolean;
  readonly period: string;
  readonly setPeriod: (value: string) => void;
  readonly asOf: string;
  readonly setAsOf: (value: string) => void;
  /** The phase of the running build; null when none runs. */
  readonly phase: BuildPhase | null;
  /** 0 … 1 over the three phases. */
  readonly progress: number;
  readonly result: BuildReply | null;
  /** A build waiting for the clerk to allow overwriting hand-edited sheets. */
  readonly pendingOverwrite: BuildReply | null;
  /** A short message after an action (cancelled, …); null when none. */
  readonly notice: string | null;
  readonly error: FlowError | null;
  readonly dismissError: () => void;
  /** Field being mapped by hand, while the settings sheet is written. */
  readonly savingMapping: string | null;
  readonly refresh: () => Promise<void>;
  readonly build: () => Promise<void>;
  readonly confirmOverwrite: () => Promise<void>;
  readonly cancelOverwrite: (message: string) => void;
  readonly mapColumn: (sheet: SheetSummary, field: string, header: string) => Promise<void>;
  readonly openSettings: () => Promise<void>;
  readonly showSheet: (name: string) => Promise<void>;
  readonly showRows: (sheet: string, rows: readonly number[]) => Promise<void>;
  /** The 简报 step's action under way, or null. */
  readonly briefBusy: 'brief' | 'finalise' | null;
  readonly briefNotice: BriefNotice | null;
  /** Makes the Word brief of the chosen period from the sheets as they are now, and saves it. */
  readonly downloadBrief: () => Promise<void>;
  /** 定稿: records the chosen period's figures as they stand now into 历史指标. */
  readonly finalise: () => Promise<void>;
  /** Last month's report chosen by the clerk: its settings and history carry over. */
  readonly lastReport: LastReport | null;
  readonly readingLastReport: boolean;
  readonly pickLastReport: (file: { readonly name: string; readonly bytes: Uint8Array }) => Promise<void>;
  readonly clearLastReport: () => void;
  /** For a workbook without settings: '' learns them from the data, else a preset's id. */
  readonly preset: string;
  readonly setPreset: (id: string) => void;
}

/** Last month's report workbook, as read for a build. */
export interface LastReport {
  readonly name: string;
  readonly carryOver: CarryOver;
}

export interface ReportFlowOptions {
  /** The clock for `builtAt`. */
  readonly now?: () => Date;
  /** How the Word brief is saved (a download); without one the pane offers no brief. */
  readonly saveFile?: FileSaver;
}

/** Share of the progress bar each phase ends at. */
const phaseEnd: Readonly<Record<BuildPhase, number>> = { read: 0.3, compute: 0.6, write: 1 };
const phaseStart: Readonly<Record<BuildPhase, number>> = { read: 0, compute: 0.3, write: 0.6 };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useMonthlyReport(host: WorkbookHost, client: BuildClient, options: ReportFlowOptions = {}): ReportFlow {
  const now = options.now ?? (() => new Date());
  const [inspection, setInspection] = useState<WorkbookInspection | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [period, setPeriodState] = useState('');
  const [asOf, setAsOfState] = useState('');
  const [phase, setPhase] = useState<BuildPhase | null>(null);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<BuildReply | null>(null);
  const [pendingOverwrite, setPendingOverwrite] = useState<BuildReply | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<FlowError | null>(null);
  const [savingMapping, setSavingMapping] = useState<string | null>(null);
  const [briefBusy, setBriefBusy] = useState<'brief' | 'finalise' | null>(null);
  const [briefNotice, setBriefNotice] = useState<BriefNotice | null>(null);
  const [lastReport, setLastReport] = useState<LastReport | null>(null);
  const [readingLastReport, setReadingLastReport] = useState(false);
  const [preset, setPreset] = useState('');
  // Whether the clerk typed in the fields: a fresh inspection then keeps their values.
  const edited = useRef({ period: false, asOf: false });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const fail = useCallback((context: ErrorContext, cause: unknown) => {
    if (mounted.current) setError({ context, message: messageOf(cause) });
  }, []);

  const refresh = useCallback(async () => {
    setInspecting(true);
    setError(null);
    try {
      const sheets = await sheetsForWorker(host);
      const found = await client.inspect(sheets, undefined, { now: chinaWallClockText(now()), ...(lastReport ? { carryOver: lastReport.carryOver } : {}), ...(preset ? { preset } : {}) });
      if (!mounted.current) return;
      setInspection(found);
      if (!edited.current.period) setPeriodState(found.suggestedPeriod ?? '');
      if (!edited.current.asOf) setAsOfState(found.asOfOverride || found.latestEvent || '');
    } catch (cause) {
      fail('inspect', cause);
    } finally {
      if (mounted.current) setInspecting(false);
    }
  }, [host, client, fail, lastReport, preset]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const pickLastReport = useCallback(
    async (file: { readonly name: string; readonly bytes: Uint8Array }) => {
      setReadingLastReport(true);
      setError(null);
      try {
        // Read in the worker: a report workbook also holds the month's raw exports.
        const carryOver = await client.readCarryOver(file.bytes, file.name);
        if (mounted.current) setLastReport({ name: file.name, carryOver });
      } catch (cause) {
        fail('lastReport', cause);
      } finally {
        if (mounted.current) setReadingLastReport(false);
      }
    },
    [client, fail],
  );

  const write = useCallback(
    async (reply: BuildReply) => {
      setPhase('write');
      setProgress(phaseStart.write);
      try {
        await host.writeSheets(reply.sheetsToWrite, {
          onProgress: (step) => setProgress(phaseStart.write + (phaseEnd.write - phaseStart.write) * step.fraction),
        });
        if (!mounted.current) return;
        setResult(reply);
        setProgress(1);
        if (reply.reportSheetNames.length > 0) await host.activateSheet(reply.reportSheetNames[0]);
        if (reply.settingsCreated && inspection && !inspection.settingsFound) setInspection({ ...inspection, settingsFound: true, learned: null });
      } catch (cause) {
        fail('write', cause);
      } finally {
        if (mounted.current) setPhase(null);
      }
    },
    [host, fail, inspection],
  );

  const build = useCallback(async () => {
    if (phase !== null) return;
    setError(null);
    setNotice(null);
    setResult(null);
    setPhase('read');
    setProgress(0);
    let reply: BuildReply;
    try {
      const sheets = await sheetsForWorker(host, { onProgress: (step) => setProgress(phaseEnd.read * step.fraction) });
      if (!mounted.current) return;
      setPhase('compute');
      setProgress(phaseStart.compute);
      const defaultAsOf = inspection ? inspection.asOfOverride || inspection.latestEvent || '' : '';
      // An as-of time equal to the default is left to the core, so the sheets say where it came from.
      const asOfOption = asOf.trim() !== '' && asOf.trim() !== defaultAsOf ? { asOf: asOf.trim() } : {};
      reply = await client.build(sheets, {
        builtAt: chinaWallClockText(now()),
        ...(period.trim() !== '' ? { period: period.trim() } : {}),
        ...asOfOption,
        ...(lastReport ? { carryOver: lastReport.carryOver } : {}),
        ...(preset ? { preset } : {}),
      });
      if (!mounted.current) return;
      setProgress(phaseEnd.compute);
    } catch (cause) {
      fail('build', cause);
      if (mounted.current) setPhase(null);
      return;
    }
    if (reply.editedSheets.length > 0) {
      setPendingOverwrite(reply);
      return; // the phase stays 'compute' until the clerk answers
    }
    await write(reply);
  }, [phase, host, client, inspection, asOf, period, now, fail, write, lastReport, preset]);

  const confirmOverwrite = useCallback(async () => {
    const reply = pendingOverwrite;
    setPendingOverwrite(null);
    if (reply !== null) await write(reply);
  }, [pendingOverwrite, write]);

  const cancelOverwrite = useCallback((message: string) => {
    setPendingOverwrite(null);
    setPhase(null);
    setProgress(0);
    setNotice(message);
  }, []);

  const mapColumn = useCallback(
    async (sheet: SheetSummary, field: string, header: string) => {
      if (inspection === null || sheet.kind === null) return;
      setSavingMapping(field);
      setError(null);
      try {
        const mapping: ColumnMapping = { kind: sheet.kind, field, header };
        const settings = inspection.settings;
        const columnMappings = [...settings.columnMappings.filter((old) => !(old.kind === mapping.kind && old.field === mapping.field)), mapping];
        await host.writeSheets([settingsToGrid({ ...settings, columnMappings })]);
      } catch (cause) {
        fail('mapping', cause);
        return;
      } finally {
        if (mounted.current) setSavingMapping(null);
      }
      await refresh();
    },
    [host, inspection, fail, refresh],
  );

  const openSettings = useCallback(async () => {
    setError(null);
    try {
      const names = await host.listSheets();
      if (!names.includes(settingsSheetName)) {
        await host.writeSheets([settingsToGrid(inspection?.settings ?? defaultSettings)]);
        if (mounted.current && inspection) setInspection({ ...inspection, settingsFound: true, learned: null });
      }
      await host.activateSheet(settingsSheetName);
    } catch (cause) {
      fail('settings', cause);
    }
  }, [host, inspection, fail]);

  const showSheet = useCallback(
    async (name: string) => {
      try {
        await host.activateSheet(name);
      } catch (cause) {
        fail('navigate', cause);
      }
    },
    [host, fail],
  );

  const showRows = useCallback(
    async (sheet: string, rows: readonly number[]) => {
      try {
        await host.selectRows(sheet, rows);
      } catch (cause) {
        fail('navigate', cause);
      }
    },
    [host, fail],
  );

  /** The period of the brief: the one just built, else the one chosen. */
  const briefPeriod = (result?.periodKey ?? period).trim();

  const downloadBrief = useCallback(async () => {
    if (briefBusy !== null || phase !== null) return;
    setError(null);
    setBriefNotice(null);
    setBriefBusy('brief');
    try {
      const sheets = await sheetsForWorker(host);
      const reply = await client.brief(sheets, { period: briefPeriod, madeAt: chinaWallClockText(now()) });
      const outcome = options.saveFile ? options.saveFile(reply.bytes, reply.fileName, docxType) : 'attempted';
      if (mounted.current) setBriefNotice({ kind: outcome, fileName: reply.fileName, editedFigures: reply.editedFigures, warnings: reply.warnings.map((warning) => warning.message) });
    } catch (cause) {
      fail('brief', cause);
    } finally {
      if (mounted.current) setBriefBusy(null);
    }
  }, [briefBusy, phase, host, client, briefPeriod, now, options, fail]);

  const finalise = useCallback(async () => {
    if (briefBusy !== null || phase !== null) return;
    setError(null);
    setBriefNotice(null);
    setBriefBusy('finalise');
    try {
      const sheets = await sheetsForWorker(host);
      const reply = await client.finalise(sheets, { period: briefPeriod, finalisedAt: chinaWallClockText(now()) });
      await host.writeSheets(reply.historySheets);
      if (mounted.current) setBriefNotice({ kind: 'finalised', summary: reply.summary, warnings: reply.warnings.map((warning) => warning.message) });
    } catch (cause) {
      fail('finalise', cause);
    } finally {
      if (mounted.current) setBriefBusy(null);
    }
  }, [briefBusy, phase, host, client, briefPeriod, now, fail]);

  return {
    inspection,
    inspecting,
    period,
    setPeriod: (value) => {
      edited.current.period = true;
      setPeriodState(value);
    },
    asOf,
    setAsOf: (value) => {
      edited.current.asOf = true;
      setAsOfState(value);
    },
    phase,
    progress,
    result,
    pendingOverwrite,
    notice,
    error,
    dismissError: () => setError(null),
    savingMapping,
    refresh,
    build,
    confirmOverwrite,
    cancelOverwrite,
    mapColumn,
    openSettings,
    showSheet,
    showRows,
    briefBusy,
    briefNotice,
    downloadBrief,
    finalise,
    lastReport,
    readingLastReport,
    pickLastReport,
    clearLastReport: () => setLastReport(null),
    preset,
    setPreset,
  };
}

/**
 * The analyses of open documents: one per document version and settings, kept for the most recently linted
 * documents, and the scheduler that lints a document after its changes and publishes the diagnostics of its newest
 * version only.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis, AnalysisOptions } from '../analysis/analysis';
import { createDocumentLinter, type DocumentLinter, type LintResult } from '../analysis/documentLinter';
import type { AlpinistSettings } from '../protocol';
import type { EditorAlpineData } from './alpineData';
import { toDiagnostic } from './features/diagnostics';
import type { RuleOptions } from '../rules/rule';
import type { StartupTimings } from './startupTimings';

/** The editor's settings with what a config file adds. */
export type LintSettings = AlpinistSettings & {
  readonly suppressionComments: boolean;
  readonly ruleOptions: RuleOptions;
  /** The `.dockerignore` of the document's build context (file documents only). */
  readonly dockerignore?: string;
};

/** How many documents keep their analysis between requests; see `remember`. */
export const KEPT_ANALYSES = 8;

interface CachedAnalysis {
  readonly version: number;
  readonly settingsKey: string;
  readonly result: LintResult;
  readonly options: AnalysisOptions;
}

export interface DocumentAnalyses {
  /** The analysis of the document's current version (computed now if it is not kept), with the settings it used. */
  analysisOf(document: TextDocument): Promise<{ analysis: Analysis; settings: LintSettings; options: AnalysisOptions }>;
  /** Lints the document once its queued changes are read, and publishes the diagnostics of its newest version. */
  schedule(document: TextDocument): void;
  /** Forgets a closed document and clears its diagnostics. */
  close(uri: string): void;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

export function optionsOf(settings: LintSettings): AnalysisOptions {
  return { ruleSeverities: settings.rules, suppressionComments: settings.suppressionComments, ruleOptions: settings.ruleOptions, dockerignore: settings.dockerignore, today: today() };
}

/** What an analysis needs besides the document and its settings: Alpine data, once the server has set it up. */
export interface AnalysisInputs {
  alpineData?: EditorAlpineData;
}

export function createDocumentAnalyses(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  settingsFor: (uri: string) => Promise<LintSettings>,
  ready: () => Promise<void>,
  warnOnce: (message: string) => void,
  /** Hears each published version's analysis and diagnostics (ShellCheck adds its findings to them later). */
  afterPublish?: (uri: string, version: number, analysis: Analysis, options: AnalysisOptions, diagnostics: readonly Diagnostic[]) => void,
  inputs: AnalysisInputs = {},
  timings?: StartupTimings,
): DocumentAnalyses {
  const analyses = new Map<string, CachedAnalysis>();
  const linters = new Map<string, DocumentLinter>();
  const pending = new Map<string, ReturnType<typeof setImmediate>>();

  const markSettings = (settings: LintSettings): LintSettings => {
    timings?.mark('settings');
    return settings;
  };

  async function lintResultOf(document: TextDocument): Promise<{ result: LintResult; settings: LintSettings; options: AnalysisOptions }> {
    // Why together: the settings are a round trip to the client, the shell parser a compile; neither waits for the other.
    const [, settings] = await Promise.all([ready(), settingsFor(document.uri).then(markSettings)]);
    // Why the data generation in the key: an analysis made before Alpine data arrived is out of date.
    const settingsKey = JSON.stringify([settings.rules, settings.suppressionComments, settings.ruleOptions, settings.dockerignore, inputs.alpineData?.generation]);
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.settingsKey === settingsKey) return { result: cached.result, settings, options: cached.options };
    let linter = linters.get(document.uri);
    if (!linter) {
      linter = createDocumentLinter();
      linters.set(document.uri, linter);
    }
    const options: AnalysisOptions = { ...optionsOf(settings), alpineData: inputs.alpineData?.viewFor(document.uri) };
    const result = linter.lint(document.getText(), options);
    inputs.alpineData?.afterLint(document.uri);
    timings?.mark('analysis');
    for (const failure of result.analysis.failures) warnOnce(`Rule ${failure.ruleId} failed on ${document.uri}: ${failure.error}`);
    remember(document.uri, { version: document.version, settingsKey, result, options });
    return { result, settings, options };
  }

  /**
   * Keeps the analysis (and the parse the next edit reuses) of the most recently linted documents only. Why: an
   * analysis holds the syntax trees of its document, and editors keep many documents open that nobody looks at;
   * a document that fell out is simply linted again when a request needs it (a few milliseconds).
   */
  function remember(uri: string, analysis: CachedAnalysis): void {
    analyses.delete(uri);
    analyses.set(uri, analysis);
    for (const oldest of analyses.keys()) {
      if (analyses.size <= KEPT_ANALYSES) break;
      analyses.delete(oldest);
      linters.delete(oldest);
    }
  }

  async function validate(document: TextDocument): Promise<void> {
    const version = document.version;
    let diagnostics: Diagnostic[] = [];
    let linted: { result: LintResult; settings: LintSettings; options: AnalysisOptions } | undefined;
    try {
      linted = await lintResultOf(document);
      diagnostics = [...linted.result.syntax];
      if (linted.settings.enable) diagnostics = diagnostics.concat(linted.result.analysis.findings.map(toDiagnostic));
    } catch (error) {
      connection.console.error(`Analysis failed for ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return;
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
    timings?.mark('published');
    if (linted?.settings.enable) afterPublish?.(document.uri, version, linted.result.analysis, linted.options, diagnostics);
  }

  /**
   * Coalesces bursts of changes: one validation per document, after the messages already queued. Why two turns of
   * the event loop: the connection handles one queued message per turn and schedules the next after the handler
   * returns, so a validation one turn away would run between two queued changes; two turns away it runs after the
   * next queued message, whose change (if it is one for this document) cancels it and schedules its own.
   */
  function schedule(document: TextDocument): void {
    const uri = document.uri;
    const previous = pending.get(uri);
    if (previous) clearImmediate(previous);
    pending.set(
      uri,
      setImmediate(() => {
        pending.set(
          uri,
          setImmediate(() => {
            pending.delete(uri);
            const current = documents.get(uri);
            if (current) void validate(current);
          }),
        );
      }),
    );
  }

  return {
    async analysisOf(document) {
      const { result, settings, options } = await lintResultOf(document);
      return { analysis: result.analysis, settings, options };
    },
    schedule,
    close(uri) {
      inputs.alpineData?.forget(uri);
      analyses.delete(uri);
      linters.delete(uri);
      const timer = pending.get(uri);
      if (timer) clearImmediate(timer);
      pending.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  };
}
